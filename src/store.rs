//! The app's own files: where each one lives, and one way to read and write
//! them as JSON (written with [`write_atomic`]: temporary file, fsync, rename).
//!
//! In a project folder:
//!
//! | File | What |
//! |---|---|
//! | `project_docs/deploymentPlan.md` | the plan ([`plan_path`]) |
//! | `project_docs/deploymentPlan.draft.json` | the user's answers between sessions ([`draft_path`]) |
//! | `project_docs/deploymentPlan.draft.corrupt-N.json` | a draft that could not be read, kept aside ([`corrupt_draft_path`]) |
//! | `project_docs/deploymentPlan.review.json` | comments and sign-offs ([`review_path`]) |
//! | `.deployplan/roles.json` | the user's role choices ([`role_overrides_path`]) |
//! | `.deployplan/state.json` | what DeployPlan wrote, and the documents' hashes then ([`state_path`]) |
//! | `.deployplan/backups/` | earlier plans ([`backups_path`]) |
//!
//! In the user's config folder ([`config_folder`]): `recent.json`
//! ([`recent_file`]) and `window.json` ([`window_file`]).

use crate::error::{Error, Result};
use crate::write::write_atomic;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The folder, inside a project, that holds DeployPlan's own bookkeeping.
pub const OWN_FOLDER: &str = ".deployplan";

/// Where the role choices are kept, relative to the project folder.
pub const ROLE_OVERRIDES_FILE: &str = ".deployplan/roles.json";

/// The folder the plan and its sidecars are written to.
fn plan_folder(root: &Path) -> PathBuf {
    root.join("project_docs")
}

/// Where the plan is written by default: `project_docs/deploymentPlan.md`.
pub fn plan_path(root: &Path) -> PathBuf {
    plan_folder(root).join("deploymentPlan.md")
}

/// Where the draft of the project at `root` lives.
pub fn draft_path(root: &Path) -> PathBuf {
    plan_folder(root).join("deploymentPlan.draft.json")
}

/// Where the `n`-th unreadable draft is kept aside, beside the draft.
pub fn corrupt_draft_path(root: &Path, n: usize) -> PathBuf {
    plan_folder(root).join(format!("deploymentPlan.draft.corrupt-{n}.json"))
}

/// Where the project's reviews (comments, sign-offs) are kept.
pub fn review_path(root: &Path) -> PathBuf {
    plan_folder(root).join("deploymentPlan.review.json")
}

/// Where the user's role choices for the project's documents are kept.
pub fn role_overrides_path(root: &Path) -> PathBuf {
    root.join(ROLE_OVERRIDES_FILE)
}

/// Where DeployPlan remembers what it wrote (hashes of plans and documents).
pub fn state_path(root: &Path) -> PathBuf {
    root.join(OWN_FOLDER).join("state.json")
}

/// Where earlier versions of the plan are kept.
pub fn backups_path(root: &Path) -> PathBuf {
    root.join(OWN_FOLDER).join("backups")
}

/// DeployPlan's folder in the user's config folder (`config_dir`, as
/// `dirs::config_dir()` gives it; the temporary folder when there is none).
pub fn config_folder(config_dir: Option<PathBuf>) -> PathBuf {
    config_dir
        .unwrap_or_else(std::env::temp_dir)
        .join("deployplan")
}

/// Where the recent-projects list lives in DeployPlan's config folder.
pub fn recent_file(config_folder: &Path) -> PathBuf {
    config_folder.join("recent.json")
}

/// Where the main window's size and position live in DeployPlan's config folder.
pub fn window_file(config_folder: &Path) -> PathBuf {
    config_folder.join("window.json")
}

/// Reads the JSON file at `path` as a `T`.
///
/// Errors: [`Error::Read`] (a missing file too), [`Error::InvalidJson`] when
/// the text is not a `T`.
pub fn read_json<T: DeserializeOwned>(path: &Path) -> Result<T> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|error| Error::InvalidJson {
        path: path.to_path_buf(),
        message: error.to_string(),
    })
}

/// Reads the JSON file at `path` as a `T`; `None` when there is no file.
///
/// Errors: as [`read_json`], except for a missing file.
pub fn load_json<T: DeserializeOwned>(path: &Path) -> Result<Option<T>> {
    match read_json(path) {
        Err(Error::Read { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            Ok(None)
        }
        other => other.map(Some),
    }
}

/// Writes `value` to `path` as pretty-printed JSON with a final newline
/// (diff-friendly), atomically, creating the folder.
///
/// Errors: [`Error::InvalidJson`] when `value` cannot be written as JSON;
/// write errors (the previous file stays as it was).
pub fn save_json<T: Serialize + ?Sized>(path: &Path, value: &T) -> Result<()> {
    let mut text = serde_json::to_string_pretty(value).map_err(|error| Error::InvalidJson {
        path: path.to_path_buf(),
        message: error.to_string(),
    })?;
    text.push('\n');
    write_atomic(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn saved_json_reads_back_and_ends_with_a_newline() {
        let dir = tempfile::tempdir().unwrap();
        let path = state_path(dir.path());
        let value = BTreeMap::from([("a".to_string(), vec![1, 2])]);
        save_json(&path, &value).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.ends_with("]\n}\n"), "{text:?}");
        assert_eq!(load_json(&path).unwrap(), Some(value.clone()));
        assert_eq!(
            read_json::<BTreeMap<String, Vec<i32>>>(&path).unwrap(),
            value
        );
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["state.json"], "no temporary file is left");
    }

    #[test]
    fn a_missing_file_is_none_to_load_but_an_error_to_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("none.json");
        assert_eq!(load_json::<Vec<u8>>(&path).unwrap(), None);
        assert_eq!(
            read_json::<Vec<u8>>(&path).unwrap_err().code(),
            "read_failed"
        );
    }

    #[test]
    fn a_file_that_is_not_the_type_is_invalid_json_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = role_overrides_path(dir.path());
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "{ half").unwrap();
        let error = load_json::<BTreeMap<String, String>>(&path).unwrap_err();
        assert_eq!(error.code(), "invalid_json");
        assert!(error.to_string().contains("roles.json"), "{error}");
    }

    #[test]
    fn the_projects_files_are_where_the_front_ends_and_the_watcher_expect() {
        let root = Path::new("/p");
        assert_eq!(
            plan_path(root),
            Path::new("/p/project_docs/deploymentPlan.md")
        );
        assert_eq!(
            draft_path(root),
            Path::new("/p/project_docs/deploymentPlan.draft.json")
        );
        assert_eq!(
            corrupt_draft_path(root, 2),
            Path::new("/p/project_docs/deploymentPlan.draft.corrupt-2.json")
        );
        assert_eq!(
            review_path(root),
            Path::new("/p/project_docs/deploymentPlan.review.json")
        );
        assert_eq!(
            role_overrides_path(root),
            Path::new("/p/.deployplan/roles.json")
        );
        assert_eq!(state_path(root), Path::new("/p/.deployplan/state.json"));
        assert_eq!(backups_path(root), Path::new("/p/.deployplan/backups"));
        let config = config_folder(Some(PathBuf::from("/home/u/.config")));
        assert_eq!(config, Path::new("/home/u/.config/deployplan"));
        assert_eq!(recent_file(&config), config.join("recent.json"));
        assert_eq!(window_file(&config), config.join("window.json"));
    }
}
