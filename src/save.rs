//! Saving the plan: render, refuse to overwrite hand edits unless forced, back
//! up the previous file, write atomically, and remember what was written.

use crate::answers::Answers;
use crate::error::{Error, Result};
use crate::project::Project;
use crate::render::{render_plan, PlanContext};
use crate::write::{back_up, write_atomic};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SaveOutcome {
    /// Where the plan was written.
    pub path: PathBuf,
    /// Where the previous plan was kept, if there was one.
    pub backup: Option<PathBuf>,
}

/// What DeployPlan remembers about the plans it wrote, in `.deployplan/state.json`.
#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    /// SHA-256 of the last plan written, keyed by its path relative to the project.
    #[serde(default)]
    written: std::collections::BTreeMap<String, String>,
    /// SHA-256 of each planning document's text when the plan was last
    /// written, keyed by its path relative to the project; `check` compares
    /// them with the documents as they are now.
    #[serde(default)]
    documents: std::collections::BTreeMap<String, String>,
}

fn state_path(root: &Path) -> PathBuf {
    root.join(".deployplan").join("state.json")
}

fn backups_path(root: &Path) -> PathBuf {
    root.join(".deployplan").join("backups")
}

fn read_state(root: &Path) -> State {
    std::fs::read_to_string(state_path(root))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

fn hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn state_key(root: &Path, target: &Path) -> String {
    target
        .strip_prefix(root)
        .unwrap_or(target)
        .to_string_lossy()
        .replace('\\', "/")
}

/// SHA-256 of the text of every document that fills a role, by path.
pub fn document_hashes(project: &Project) -> std::collections::BTreeMap<String, String> {
    project
        .documents
        .iter()
        .filter(|loaded| loaded.document.role.is_some())
        .map(|loaded| (loaded.document.path.clone(), hash(loaded.text.as_bytes())))
        .collect()
}

/// The document hashes recorded when the plan was last saved (empty when the
/// plan was never saved, or saved by a version that did not record them).
pub fn recorded_document_hashes(root: &Path) -> std::collections::BTreeMap<String, String> {
    read_state(root).documents
}

/// Whether `target` holds exactly what DeployPlan last wrote there.
pub fn is_as_written(root: &Path, target: &Path, bytes: &[u8]) -> bool {
    read_state(root).written.get(&state_key(root, target)) == Some(&hash(bytes))
}

/// The hex SHA-256 of `bytes`.
pub fn content_hash(bytes: &[u8]) -> String {
    hash(bytes)
}

/// The plan's Markdown for these answers.
pub fn plan_markdown(project: &Project, answers: &Answers) -> String {
    render_plan(
        &PlanContext {
            project_name: project.display_name(),
        },
        answers,
    )
}

/// Whether the file at `target` differs from what DeployPlan last wrote there
/// (a file DeployPlan never wrote counts as edited by hand).
pub fn is_hand_edited(root: &Path, target: &Path) -> bool {
    let Ok(current) = std::fs::read(target) else {
        return false;
    };
    read_state(root).written.get(&state_key(root, target)) != Some(&hash(&current))
}

/// Writes the plan for `answers` to `target` (default
/// `project_docs/deploymentPlan.md`).
///
/// Errors: [`Error::HandEdited`] when the file on disk was changed since
/// DeployPlan wrote it and `force` is false (nothing is written); write errors
/// (the previous file stays as it was).
pub fn save_plan(
    project: &Project,
    answers: &Answers,
    target: Option<&Path>,
    force: bool,
) -> Result<SaveOutcome> {
    let target = target
        .map(Path::to_path_buf)
        .unwrap_or_else(|| project.default_plan_path());
    if target.is_dir() {
        return Err(Error::TargetIsFolder { path: target });
    }
    if !force && is_hand_edited(&project.root, &target) {
        return Err(Error::HandEdited { path: target });
    }
    let markdown = plan_markdown(project, answers);
    let backup = back_up(&target, &backups_path(&project.root))?;
    write_atomic(&target, markdown.as_bytes())?;
    let mut state = read_state(&project.root);
    state
        .written
        .insert(state_key(&project.root, &target), hash(markdown.as_bytes()));
    state.documents = document_hashes(project);
    let json = serde_json::to_string_pretty(&state).unwrap_or_default();
    write_atomic(&state_path(&project.root), json.as_bytes())?;
    Ok(SaveOutcome {
        path: target,
        backup,
    })
}
