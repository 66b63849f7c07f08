//! Errors as they cross the IPC boundary: `{ code, message }`. The UI branches
//! on `code`, never on the message text.

use serde::Serialize;

/// An error returned by a command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommandError {
    /// Stable, machine-readable.
    pub code: String,
    /// For the user, in plain words.
    pub message: String,
}

impl CommandError {
    pub fn new(code: &str, message: impl Into<String>) -> CommandError {
        CommandError {
            code: code.to_string(),
            message: message.into(),
        }
    }
}

impl From<deployplan::Error> for CommandError {
    fn from(error: deployplan::Error) -> CommandError {
        CommandError::new(error.code(), error.to_string())
    }
}

impl From<tauri::Error> for CommandError {
    fn from(error: tauri::Error) -> CommandError {
        CommandError::new("internal", error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_serialise_as_code_and_message() {
        let error = CommandError::from(deployplan::Error::ProjectNotFound {
            path: "/nowhere".into(),
        });
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(
            json,
            serde_json::json!({ "code": "project_not_found", "message": "project folder not found: /nowhere" })
        );
    }
}
