//! The draft: a user's answers kept beside the plan
//! (`project_docs/deploymentPlan.draft.json`) so nothing is lost between
//! sessions. `deployplan generate --answers FILE` reads the same format.

use crate::answers::Answers;
use crate::error::Result;
use crate::store::{load_json, read_json, save_json};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The draft file's format version.
const DRAFT_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct DraftFile {
    version: u32,
    #[serde(flatten)]
    answers: Answers,
}

/// Where the draft of the project at `root` lives.
pub fn draft_path(root: &Path) -> PathBuf {
    crate::store::draft_path(root)
}

/// Reads answers from a draft or answers file.
///
/// Errors: the file cannot be read or is not a valid answers file.
pub fn read_answers(path: &Path) -> Result<Answers> {
    Ok(read_json::<DraftFile>(path)?.answers)
}

/// The project's draft, if it has one.
///
/// Errors: the draft exists but cannot be read or understood.
pub fn load_draft(root: &Path) -> Result<Option<Answers>> {
    Ok(load_json::<DraftFile>(&draft_path(root))?.map(|draft| draft.answers))
}

/// Renders answers in the draft format (pretty JSON, stable key order).
pub fn answers_json(answers: &Answers) -> String {
    let draft = DraftFile {
        version: DRAFT_VERSION,
        answers: answers.clone(),
    };
    let mut json = serde_json::to_string_pretty(&draft).unwrap_or_default();
    json.push('\n');
    json
}

/// Writes the project's draft atomically.
///
/// Errors: the draft cannot be written.
pub fn save_draft(root: &Path, answers: &Answers) -> Result<()> {
    save_json(
        &draft_path(root),
        &DraftFile {
            version: DRAFT_VERSION,
            answers: answers.clone(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Value;

    #[test]
    fn a_saved_draft_reads_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let mut answers = Answers::default();
        answers.set_user("s0.purpose", Value::Text("Why".into()));
        answers.current_step = Some("s3".into());
        save_draft(dir.path(), &answers).unwrap();
        assert_eq!(load_draft(dir.path()).unwrap(), Some(answers));
    }

    #[test]
    fn a_corrupt_draft_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("project_docs")).unwrap();
        std::fs::write(draft_path(dir.path()), "{ not json").unwrap();
        let error = load_draft(dir.path()).unwrap_err();
        assert_eq!(error.code(), "invalid_json");
        assert!(error.to_string().contains("deploymentPlan.draft.json"));
    }
}
