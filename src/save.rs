//! Saving the plan: render, refuse to overwrite hand edits unless forced, back
//! up the previous file, write atomically, and remember what was written.

use crate::answers::Answers;
use crate::error::{Error, Result};
use crate::project::Project;
use crate::render::{render_plan, PlanContext};
use crate::store::{backups_path, load_json, save_json, state_path};
use crate::write::{back_up, write_atomic};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use ts_rs::TS;

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
    /// SHA-256 of a plan edited by hand that the user chose to keep rather
    /// than overwrite, keyed like `written`. Nothing is written for that
    /// choice; it is remembered so the front ends can say so.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    kept: std::collections::BTreeMap<String, String>,
}

/// What DeployPlan remembers; a missing or unreadable file remembers nothing.
fn read_state(root: &Path) -> State {
    load_json(&state_path(root))
        .ok()
        .flatten()
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

/// What the plan of `project` is rendered with: its name and documents.
pub fn plan_context(project: &Project) -> PlanContext {
    PlanContext {
        project_name: project.display_name(),
        documents: project
            .documents
            .iter()
            .map(|loaded| (loaded.document.path.clone(), loaded.text.clone()))
            .collect(),
    }
}

/// The plan's Markdown for these answers.
pub fn plan_markdown(project: &Project, answers: &Answers) -> String {
    render_plan(&plan_context(project), answers)
}

/// The plan for these answers with its structure (sections, sources,
/// glossary); its Markdown is [`plan_markdown`]'s.
pub fn rendered_plan(project: &Project, answers: &Answers) -> crate::render::RenderedPlan {
    crate::render::render_structured(&plan_context(project), answers)
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
    write_state(&project.root, &state)?;
    Ok(SaveOutcome {
        path: target,
        backup,
    })
}

fn write_state(root: &Path, state: &State) -> Result<()> {
    save_json(&state_path(root), state)
}

/// What a row of a side-by-side diff shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum DiffKind {
    /// The same line on both sides.
    Same,
    /// Only on disk: saving would remove it.
    Removed,
    /// Only in the new plan: saving would add it.
    Added,
    /// A line on disk replaced by another in the new plan.
    Changed,
    /// Unchanged lines left out; `left_line`/`right_line` say where they start
    /// and `skipped` how many there are.
    Skipped,
}

/// One row of a side-by-side diff: the plan on disk on the left, the plan
/// DeployPlan would write on the right. Line numbers start at 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct DiffRow {
    pub kind: DiffKind,
    pub left_line: Option<u32>,
    pub left: Option<String>,
    pub right_line: Option<u32>,
    pub right: Option<String>,
    /// How many unchanged lines a `Skipped` row stands for (0 otherwise).
    pub skipped: u32,
}

/// The plan on disk, edited by hand, compared with the plan DeployPlan would
/// write in its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct PlanDiff {
    /// The plan's path.
    pub path: String,
    /// SHA-256 of the file on disk as compared; an overwrite is only done if
    /// the file still has it (see [`overwrite_reviewed`]).
    pub disk_hash: String,
    /// Lines only on disk (or changed there).
    pub removed: u32,
    /// Lines only in the new plan (or changed there).
    pub added: u32,
    pub rows: Vec<DiffRow>,
}

/// A row folding `count` unchanged lines that start at these (0-based) lines.
fn skipped(from_old: usize, from_new: usize, count: usize) -> DiffRow {
    let number = |index: usize| Some(u32::try_from(index + 1).unwrap_or(u32::MAX));
    DiffRow {
        kind: DiffKind::Skipped,
        left_line: number(from_old),
        left: None,
        right_line: number(from_new),
        right: None,
        skipped: u32::try_from(count).unwrap_or(u32::MAX),
    }
}

/// How many unchanged lines are shown around each change.
const DIFF_CONTEXT: usize = 3;

/// Compares `on_disk` (left) with `new` (right) line by line, keeping
/// [`DIFF_CONTEXT`] unchanged lines around each change and folding the rest.
pub fn diff_lines(path: &str, on_disk: &str, new: &str) -> PlanDiff {
    use similar::{DiffOp, TextDiff};
    let diff = TextDiff::from_lines(on_disk, new);
    let old_lines: Vec<&str> = diff.old_slices().to_vec();
    let new_lines: Vec<&str> = diff.new_slices().to_vec();
    let line =
        |lines: &[&str], index: usize| lines[index].trim_end_matches(['\n', '\r']).to_string();
    let number = |index: usize| Some(u32::try_from(index + 1).unwrap_or(u32::MAX));
    let mut rows = Vec::new();
    let (mut added, mut removed) = (0u32, 0u32);
    // Where the previous group ended, to fold the unchanged lines in between.
    let mut shown_to: Option<(usize, usize)> = None;
    let groups = diff.grouped_ops(DIFF_CONTEXT);
    for group in &groups {
        let Some(first) = group.first() else { continue };
        let (from_old, from_new) = shown_to.unwrap_or((0, 0));
        // The unchanged lines before the group are the same on both sides.
        // `similar` can give an `Insert` an old index past its place, so an
        // insertion is measured on the new side.
        let gap = match first {
            DiffOp::Insert { new_index, .. } => new_index.saturating_sub(from_new),
            _ => first.old_range().start.saturating_sub(from_old),
        };
        if gap > 0 {
            rows.push(skipped(from_old, from_new, gap));
        }
        // Every op pairs its old and new lines one by one: an equal run on
        // both sides, a deletion on the left only, an insertion on the right
        // only, a replacement side by side with the longer side's rest alone.
        for op in group {
            let (old, new) = (op.old_range(), op.new_range());
            let same = matches!(op, DiffOp::Equal { .. });
            if !same {
                removed += u32::try_from(old.len()).unwrap_or(u32::MAX);
                added += u32::try_from(new.len()).unwrap_or(u32::MAX);
            }
            for i in 0..old.len().max(new.len()) {
                let left = (i < old.len()).then(|| old.start + i);
                let right = (i < new.len()).then(|| new.start + i);
                rows.push(DiffRow {
                    kind: match (same, left, right) {
                        (true, _, _) => DiffKind::Same,
                        (false, Some(_), Some(_)) => DiffKind::Changed,
                        (false, Some(_), None) => DiffKind::Removed,
                        _ => DiffKind::Added,
                    },
                    left_line: left.and_then(number),
                    left: left.map(|index| line(&old_lines, index)),
                    right_line: right.and_then(number),
                    right: right.map(|index| line(&new_lines, index)),
                    skipped: 0,
                });
            }
        }
        // Where the group ends on each side: an op that adds no lines on one
        // side does not move it (see the note on `Insert` above).
        let (mut old_end, mut new_end) = (from_old, from_new);
        for op in group {
            if !op.old_range().is_empty() {
                old_end = op.old_range().end;
            }
            if !op.new_range().is_empty() {
                new_end = op.new_range().end;
            }
        }
        shown_to = Some((old_end, new_end));
    }
    let (from_old, from_new) = shown_to.unwrap_or((0, 0));
    if !groups.is_empty() && old_lines.len() > from_old {
        rows.push(skipped(from_old, from_new, old_lines.len() - from_old));
    }
    PlanDiff {
        path: path.to_string(),
        disk_hash: hash(on_disk.as_bytes()),
        removed,
        added,
        rows,
    }
}

fn resolve_target(project: &Project, target: Option<&Path>) -> PathBuf {
    target
        .map(Path::to_path_buf)
        .unwrap_or_else(|| project.default_plan_path())
}

/// The diff between the plan on disk and the plan for `answers`, when the
/// plan on disk was edited by hand since DeployPlan wrote it; `None` when it
/// was not (or there is no plan yet), so a save may go ahead.
///
/// A file that is not valid UTF-8 is compared as decoded lossily.
pub fn hand_edit_diff(
    project: &Project,
    answers: &Answers,
    target: Option<&Path>,
) -> Option<PlanDiff> {
    let target = resolve_target(project, target);
    let on_disk = std::fs::read(&target).ok()?;
    if is_as_written(&project.root, &target, &on_disk) {
        return None;
    }
    let new = plan_markdown(project, answers);
    let mut diff = diff_lines(
        &target.display().to_string(),
        &String::from_utf8_lossy(&on_disk),
        &new,
    );
    // Hash the bytes, not the lossy text, so `overwrite_reviewed` matches.
    diff.disk_hash = hash(&on_disk);
    Some(diff)
}

/// Overwrites a plan edited by hand after the user reviewed the diff: only if
/// the file still has `reviewed_hash` (it was not edited again meanwhile). The
/// edited file is kept as a backup.
///
/// Errors: [`Error::HandEdited`] when the file changed since it was reviewed
/// (nothing is written); otherwise as [`save_plan`].
pub fn overwrite_reviewed(
    project: &Project,
    answers: &Answers,
    target: Option<&Path>,
    reviewed_hash: &str,
) -> Result<SaveOutcome> {
    let path = resolve_target(project, target);
    let current = std::fs::read(&path).ok().map(|bytes| hash(&bytes));
    if current.is_some_and(|current| current != reviewed_hash) {
        return Err(Error::HandEdited { path });
    }
    save_plan(project, answers, Some(&path), true)
}

/// Records that the user chose to keep the plan on disk, edited by hand, as
/// it is. The plan is not written; the next save asks again.
///
/// Errors: the plan cannot be read, or `.deployplan/state.json` cannot be
/// written.
pub fn keep_hand_edited(project: &Project, target: Option<&Path>) -> Result<PathBuf> {
    let path = resolve_target(project, target);
    let bytes = std::fs::read(&path).map_err(|source| Error::Read {
        path: path.clone(),
        source,
    })?;
    let mut state = read_state(&project.root);
    state
        .kept
        .insert(state_key(&project.root, &path), hash(&bytes));
    write_state(&project.root, &state)?;
    Ok(path)
}

/// Whether the user chose to keep the plan at `target` exactly as it is now.
pub fn is_kept_by_user(root: &Path, target: &Path) -> bool {
    let Ok(bytes) = std::fs::read(target) else {
        return false;
    };
    read_state(root).kept.get(&state_key(root, target)) == Some(&hash(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{suggest_answers, Value};

    fn project_with_a_plan() -> (tempfile::TempDir, Project, Answers) {
        let dir = tempfile::tempdir().unwrap();
        let docs = dir.path().join("project_docs");
        std::fs::create_dir_all(&docs).unwrap();
        std::fs::write(docs.join("userStories.md"), "# User Stories\n").unwrap();
        let project = Project::open(dir.path()).unwrap();
        let answers = suggest_answers(&project);
        save_plan(&project, &answers, None, false).unwrap();
        (dir, project, answers)
    }

    #[test]
    fn the_diff_pairs_changed_lines_and_folds_unchanged_ones() {
        let old: String = (1..=20).map(|n| format!("line {n}\n")).collect();
        let new = old.replace("line 10\n", "line ten\n") + "line 21\n";
        let diff = diff_lines("plan.md", &old, &new);
        assert_eq!((diff.removed, diff.added), (1, 2));
        assert_eq!(diff.rows[0].kind, DiffKind::Skipped);
        assert_eq!(diff.rows[0].skipped, 6);
        let changed = diff
            .rows
            .iter()
            .find(|row| row.kind == DiffKind::Changed)
            .unwrap();
        assert_eq!(changed.left.as_deref(), Some("line 10"));
        assert_eq!(changed.right.as_deref(), Some("line ten"));
        assert_eq!(
            (changed.left_line, changed.right_line),
            (Some(10), Some(10))
        );
        let last = diff.rows.last().unwrap();
        assert_eq!(
            (last.kind, last.right.as_deref()),
            (DiffKind::Added, Some("line 21"))
        );
    }

    #[test]
    fn a_plan_as_written_has_no_diff_and_a_hand_edited_one_has() {
        let (_dir, project, mut answers) = project_with_a_plan();
        assert_eq!(hand_edit_diff(&project, &answers, None), None);
        let path = project.default_plan_path();
        let edited = std::fs::read_to_string(&path).unwrap() + "\nMy own note.\n";
        std::fs::write(&path, &edited).unwrap();
        answers.set_user("s0.purpose", Value::Text("A new purpose".into()));
        let diff = hand_edit_diff(&project, &answers, None).unwrap();
        assert!(diff.rows.iter().any(
            |row| row.kind == DiffKind::Removed && row.left.as_deref() == Some("My own note.")
        ));
        assert!(diff.rows.iter().any(|row| row
            .right
            .as_deref()
            .is_some_and(|r| r.contains("A new purpose"))));
        assert_eq!(diff.disk_hash, content_hash(edited.as_bytes()));
    }

    #[test]
    fn an_overwrite_after_review_keeps_a_backup_but_not_if_edited_again() {
        let (_dir, project, answers) = project_with_a_plan();
        let path = project.default_plan_path();
        std::fs::write(&path, "hand edit 1\n").unwrap();
        let diff = hand_edit_diff(&project, &answers, None).unwrap();
        std::fs::write(&path, "hand edit 2\n").unwrap();
        let error = overwrite_reviewed(&project, &answers, None, &diff.disk_hash).unwrap_err();
        assert_eq!(error.code(), "hand_edited");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "hand edit 2\n");
        let diff = hand_edit_diff(&project, &answers, None).unwrap();
        let outcome = overwrite_reviewed(&project, &answers, None, &diff.disk_hash).unwrap();
        assert_eq!(
            std::fs::read_to_string(outcome.backup.unwrap()).unwrap(),
            "hand edit 2\n"
        );
        assert_eq!(hand_edit_diff(&project, &answers, None), None);
    }

    #[test]
    fn keeping_a_hand_edited_plan_writes_nothing_and_is_remembered() {
        let (_dir, project, answers) = project_with_a_plan();
        let path = project.default_plan_path();
        std::fs::write(&path, "mine\n").unwrap();
        keep_hand_edited(&project, None).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine\n");
        assert!(is_kept_by_user(&project.root, &path));
        // The next save still asks.
        assert!(hand_edit_diff(&project, &answers, None).is_some());
        assert_eq!(
            save_plan(&project, &answers, None, false)
                .unwrap_err()
                .code(),
            "hand_edited"
        );
    }
}
