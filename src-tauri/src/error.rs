//! Errors as they cross the IPC boundary: `{ code, message }`. The UI branches
//! on `code`, never on the message text. The codes are an enum, generated for
//! the UI as the `ErrorCode` union (ts-rs), so both sides name the same set.

use serde::Serialize;
use ts_rs::TS;

/// What went wrong, stable and machine-readable: the UI branches on it. On
/// the wire each code is its snake_case name (`project_not_found`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub enum ErrorCode {
    // The core's errors (`deployplan::Error`), one code each.
    ProjectNotFound,
    NotAFolder,
    ReadFailed,
    WriteFailed,
    TargetIsFolder,
    InvalidJson,
    HandEdited,
    OutsideProject,
    ChromiumMissing,
    ExportFailed,
    InvalidInput,
    NotADocument,
    Cancelled,
    // The app's own.
    /// No project is open (or another one was opened meanwhile).
    NoProject,
    /// A folder path given by the window is not one (`security.rs`).
    InvalidPath,
    /// A link is malformed, too long or carries credentials.
    InvalidUrl,
    /// A link's scheme is not http, https or mailto.
    SchemeNotAllowed,
    /// The system browser or mail client could not be started.
    OpenFailed,
    /// Watching the documents for changes failed.
    WatchFailed,
    /// Tauri itself failed, or a background task died.
    Internal,
}

impl ErrorCode {
    /// Every code.
    pub const ALL: [ErrorCode; 20] = [
        ErrorCode::ProjectNotFound,
        ErrorCode::NotAFolder,
        ErrorCode::ReadFailed,
        ErrorCode::WriteFailed,
        ErrorCode::TargetIsFolder,
        ErrorCode::InvalidJson,
        ErrorCode::HandEdited,
        ErrorCode::OutsideProject,
        ErrorCode::ChromiumMissing,
        ErrorCode::ExportFailed,
        ErrorCode::InvalidInput,
        ErrorCode::NotADocument,
        ErrorCode::Cancelled,
        ErrorCode::NoProject,
        ErrorCode::InvalidPath,
        ErrorCode::InvalidUrl,
        ErrorCode::SchemeNotAllowed,
        ErrorCode::OpenFailed,
        ErrorCode::WatchFailed,
        ErrorCode::Internal,
    ];

    /// The code as it is sent (its serde name).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::ProjectNotFound => "project_not_found",
            ErrorCode::NotAFolder => "not_a_folder",
            ErrorCode::ReadFailed => "read_failed",
            ErrorCode::WriteFailed => "write_failed",
            ErrorCode::TargetIsFolder => "target_is_folder",
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::HandEdited => "hand_edited",
            ErrorCode::OutsideProject => "outside_project",
            ErrorCode::ChromiumMissing => "chromium_missing",
            ErrorCode::ExportFailed => "export_failed",
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::NotADocument => "not_a_document",
            ErrorCode::Cancelled => "cancelled",
            ErrorCode::NoProject => "no_project",
            ErrorCode::InvalidPath => "invalid_path",
            ErrorCode::InvalidUrl => "invalid_url",
            ErrorCode::SchemeNotAllowed => "scheme_not_allowed",
            ErrorCode::OpenFailed => "open_failed",
            ErrorCode::WatchFailed => "watch_failed",
            ErrorCode::Internal => "internal",
        }
    }
}

impl From<&deployplan::Error> for ErrorCode {
    /// The code of a core error. The match names every variant, so a new core
    /// error does not compile until it has a code here.
    fn from(error: &deployplan::Error) -> ErrorCode {
        use deployplan::Error;
        match error {
            Error::ProjectNotFound { .. } => ErrorCode::ProjectNotFound,
            Error::NotAFolder { .. } => ErrorCode::NotAFolder,
            Error::Read { .. } => ErrorCode::ReadFailed,
            Error::Write { .. } => ErrorCode::WriteFailed,
            Error::TargetIsFolder { .. } => ErrorCode::TargetIsFolder,
            Error::InvalidJson { .. } => ErrorCode::InvalidJson,
            Error::HandEdited { .. } => ErrorCode::HandEdited,
            Error::OutsideProject { .. } => ErrorCode::OutsideProject,
            Error::ChromiumMissing { .. } => ErrorCode::ChromiumMissing,
            Error::Export { .. } => ErrorCode::ExportFailed,
            Error::InvalidInput { .. } => ErrorCode::InvalidInput,
            Error::NotADocument { .. } => ErrorCode::NotADocument,
            Error::Cancelled { .. } => ErrorCode::Cancelled,
        }
    }
}

/// Tests (and callers) compare a code with its wire name.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// An error returned by a command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct CommandError {
    /// Stable, machine-readable.
    pub code: ErrorCode,
    /// For the user, in plain words.
    pub message: String,
}

impl CommandError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> CommandError {
        CommandError {
            code,
            message: message.into(),
        }
    }
}

impl From<deployplan::Error> for CommandError {
    fn from(error: deployplan::Error) -> CommandError {
        CommandError::new(ErrorCode::from(&error), error.to_string())
    }
}

impl From<tauri::Error> for CommandError {
    fn from(error: tauri::Error) -> CommandError {
        CommandError::new(ErrorCode::Internal, error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

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

    #[test]
    fn every_code_is_sent_as_its_name() {
        for code in ErrorCode::ALL {
            assert_eq!(
                serde_json::to_value(code).unwrap(),
                serde_json::json!(code.as_str())
            );
        }
    }

    #[test]
    fn core_errors_keep_the_codes_the_core_gives_them() {
        let path = || PathBuf::from("/p");
        let io = || std::io::Error::other("x");
        let text = || "x".to_string();
        use deployplan::Error;
        for error in [
            Error::ProjectNotFound { path: path() },
            Error::NotAFolder { path: path() },
            Error::Read {
                path: path(),
                source: io(),
            },
            Error::Write {
                path: path(),
                source: io(),
            },
            Error::TargetIsFolder { path: path() },
            Error::InvalidJson {
                path: path(),
                message: text(),
            },
            Error::HandEdited { path: path() },
            Error::OutsideProject { path: text() },
            Error::ChromiumMissing { what: text() },
            Error::InvalidInput { message: text() },
            Error::Export { message: text() },
            Error::NotADocument { path: text() },
            Error::Cancelled { what: text() },
        ] {
            assert_eq!(ErrorCode::from(&error), error.code());
        }
    }
}
