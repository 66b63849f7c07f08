//! Saving when the simple save cannot go ahead: the plan on disk was edited by
//! hand (show the diff, then overwrite, keep it, or save elsewhere), or the
//! write failed (Save as…). Each command is a few lines over the core.

use crate::error::CommandError;
use crate::state::Session;
use deployplan::answers::Answers;
use deployplan::save::{keep_hand_edited, overwrite_reviewed, save_plan, PlanDiff, SaveOutcome};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tauri::{AppHandle, Runtime, State, WebviewWindow};

type Result<T> = std::result::Result<T, CommandError>;

/// What a save did, for the status line.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/", rename = "SavedPlan")]
pub struct Saved {
    path: String,
    backup: Option<String>,
}

impl From<SaveOutcome> for Saved {
    fn from(outcome: SaveOutcome) -> Saved {
        Saved {
            path: outcome.path.display().to_string(),
            backup: outcome.backup.map(|b| b.display().to_string()),
        }
    }
}

impl Session {
    /// The diff between the hand-edited plan on disk and the plan for
    /// `answers`; `None` when the plan on disk is as DeployPlan wrote it.
    pub fn plan_diff(&self, answers: &Answers) -> Result<Option<PlanDiff>> {
        self.with_project(|opened| {
            Ok(deployplan::save::hand_edit_diff(
                &opened.project,
                answers,
                None,
            ))
        })
    }

    /// Overwrites the hand-edited plan the user reviewed (`reviewed_hash`
    /// from [`PlanDiff::disk_hash`]); refused with `hand_edited` if it changed
    /// again meanwhile. The edited plan is kept as a backup.
    pub fn overwrite_plan(&self, answers: &Answers, reviewed_hash: &str) -> Result<SaveOutcome> {
        self.with_project(|opened| {
            deployplan::draft::save_draft(&opened.project.root, answers)?;
            opened.answers = answers.clone();
            Ok(overwrite_reviewed(
                &opened.project,
                answers,
                None,
                reviewed_hash,
            )?)
        })
    }

    /// Keeps the hand-edited plan as it is; nothing is written but the
    /// choice. Returns the plan's path.
    pub fn keep_plan_on_disk(&self) -> Result<PathBuf> {
        self.with_project(|opened| Ok(keep_hand_edited(&opened.project, None)?))
    }

    /// Writes the plan for `answers` to `path`, a file the user chose (and,
    /// if it existed, agreed to replace in the save dialog; a backup is kept).
    pub fn save_plan_to(&self, answers: &Answers, path: &Path) -> Result<SaveOutcome> {
        self.with_project(|opened| {
            // The draft is kept first; a failure there must not stop this save.
            if deployplan::draft::save_draft(&opened.project.root, answers).is_ok() {
                opened.answers = answers.clone();
            }
            Ok(save_plan(&opened.project, answers, Some(path), true)?)
        })
    }
}

/// The diff shown before overwriting a plan edited by hand (`null` when it
/// was not edited).
#[tauri::command]
pub async fn plan_diff(
    session: State<'_, Arc<Session>>,
    answers: Answers,
) -> Result<Option<PlanDiff>> {
    let session = Arc::clone(&session);
    crate::commands::blocking(move || session.plan_diff(&answers)).await
}

/// Overwrites the hand-edited plan after the user saw its diff.
#[tauri::command]
pub async fn overwrite_plan(
    session: State<'_, Arc<Session>>,
    answers: Answers,
    reviewed_hash: String,
) -> Result<Saved> {
    let session = Arc::clone(&session);
    crate::commands::blocking(move || {
        session
            .overwrite_plan(&answers, &reviewed_hash)
            .map(Saved::from)
    })
    .await
}

/// Keeps the hand-edited plan as it is.
#[tauri::command]
pub async fn keep_plan_on_disk(session: State<'_, Arc<Session>>) -> Result<String> {
    let session = Arc::clone(&session);
    crate::commands::blocking(move || {
        session
            .keep_plan_on_disk()
            .map(|path| path.display().to_string())
    })
    .await
}

/// Asks where to save the plan (the native save dialog) and writes it there;
/// `null` when the user cancelled.
#[tauri::command]
pub async fn save_plan_as<R: Runtime>(
    app: AppHandle<R>,
    window: WebviewWindow<R>,
    session: State<'_, Arc<Session>>,
    answers: Answers,
) -> Result<Option<Saved>> {
    let Some(path) = choose_save_path(app, window).await? else {
        return Ok(None);
    };
    let session = Arc::clone(&session);
    crate::commands::blocking(move || session.save_plan_to(&answers, &path).map(Some))
        .await
        .map(|saved| saved.map(Saved::from))
}

/// The native save dialog, created on the main thread and awaited here (as
/// `pick_folder` does). The e2e build takes the answer from
/// `DEPLOYPLAN_E2E_SAVE_PATH` instead.
async fn choose_save_path<R: Runtime>(
    app: AppHandle<R>,
    window: WebviewWindow<R>,
) -> Result<Option<PathBuf>> {
    #[cfg(feature = "e2e")]
    if let Some(path) = std::env::var_os("DEPLOYPLAN_E2E_SAVE_PATH") {
        return Ok(Some(PathBuf::from(path)));
    }
    let file = crate::commands::show_dialog(&app, move || {
        rfd::AsyncFileDialog::new()
            .set_title("Save the plan as")
            .set_file_name("deploymentPlan.md")
            .add_filter("Markdown", &["md"])
            .set_parent(&window)
            .save_file()
    })
    .await?;
    Ok(file.map(|handle| handle.path().to_path_buf()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use deployplan::answers::Value;

    fn opened_session() -> (tempfile::TempDir, tempfile::TempDir, Session) {
        let project = tempfile::tempdir().unwrap();
        let docs = project.path().join("project_docs");
        std::fs::create_dir_all(&docs).unwrap();
        std::fs::write(docs.join("userStories.md"), "# User Stories\n").unwrap();
        let config = tempfile::tempdir().unwrap();
        let session = Session::new(None, config.path().join("recent.json"));
        session
            .open(project.path(), &deployplan::progress::Progress::silent())
            .unwrap();
        (project, config, session)
    }

    #[test]
    fn a_hand_edited_plan_is_diffed_then_kept_or_overwritten_as_chosen() {
        let (project, _config, session) = opened_session();
        let view = session
            .open(project.path(), &deployplan::progress::Progress::silent())
            .unwrap();
        let mut answers = view.answers;
        let saved = session.save_plan(&answers).unwrap();
        assert_eq!(session.plan_diff(&answers).unwrap(), None);

        std::fs::write(&saved.path, "my own plan\n").unwrap();
        answers.set_user("s0.purpose", Value::Text("Changed".into()));
        let error = session.save_plan(&answers).unwrap_err();
        assert_eq!(error.code, "hand_edited");
        let diff = session.plan_diff(&answers).unwrap().unwrap();
        assert!(diff
            .rows
            .iter()
            .any(|row| row.left.as_deref() == Some("my own plan")));

        session.keep_plan_on_disk().unwrap();
        assert_eq!(
            std::fs::read_to_string(&saved.path).unwrap(),
            "my own plan\n"
        );

        let outcome = session.overwrite_plan(&answers, &diff.disk_hash).unwrap();
        assert_eq!(
            std::fs::read_to_string(outcome.backup.unwrap()).unwrap(),
            "my own plan\n"
        );
        assert!(std::fs::read_to_string(&saved.path)
            .unwrap()
            .contains("Changed"));
    }

    #[test]
    fn save_as_writes_where_the_user_chose() {
        let (_project, _config, session) = opened_session();
        let elsewhere = tempfile::tempdir().unwrap();
        let target = elsewhere.path().join("plan copy.md");
        let answers = session
            .with_project(|opened| Ok(opened.answers.clone()))
            .unwrap();
        let outcome = session.save_plan_to(&answers, &target).unwrap();
        assert_eq!(outcome.path, target);
        assert!(std::fs::read_to_string(&target).unwrap().contains("## 0."));
    }
}
