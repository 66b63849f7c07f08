//! Saving: the draft, the plan, and what follows when the simple save cannot
//! go ahead: the plan on disk was edited by hand (show the diff, then
//! overwrite, keep it, or save elsewhere), or the write failed (Save as…).
//! Each command is a call of the core's `OpenedProject` workflow.

use crate::dialogs::{self, Dialog};
use crate::error::CommandError;
use crate::state::{on_project, Session};
use deployplan::answers::Answers;
use deployplan::save::{PlanDiff, SaveOutcome};
use serde::Serialize;
use std::sync::Arc;
use tauri::{AppHandle, Runtime, State, WebviewWindow};

type Result<T> = std::result::Result<T, CommandError>;

/// What a save did, for the status line (the UI's `SavedPlan`).
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/", rename = "SavedPlan")]
pub struct Saved {
    path: String,
    /// The previous plan, kept when it was replaced.
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

/// Keeps the answers as the project's draft.
#[tauri::command]
pub async fn save_draft(session: State<'_, Arc<Session>>, answers: Answers) -> Result<()> {
    on_project(&session, move |opened| opened.save_draft(&answers)).await
}

/// Keeps the draft, then writes the plan to `project_docs/deploymentPlan.md`;
/// refused with `hand_edited` when the plan there was edited by hand.
#[tauri::command]
pub async fn save_plan(session: State<'_, Arc<Session>>, answers: Answers) -> Result<Saved> {
    on_project(&session, move |opened| {
        opened.save_plan(&answers).map(Saved::from)
    })
    .await
}

/// The diff shown before overwriting a plan edited by hand (`null` when it
/// was not edited).
#[tauri::command]
pub async fn plan_diff(
    session: State<'_, Arc<Session>>,
    answers: Answers,
) -> Result<Option<PlanDiff>> {
    on_project(&session, move |opened| Ok(opened.plan_diff(&answers))).await
}

/// Overwrites the hand-edited plan after the user saw its diff
/// (`reviewed_hash`); refused with `hand_edited` if it changed again
/// meanwhile. The edited plan is kept as a backup.
#[tauri::command]
pub async fn overwrite_plan(
    session: State<'_, Arc<Session>>,
    answers: Answers,
    reviewed_hash: String,
) -> Result<Saved> {
    on_project(&session, move |opened| {
        opened.overwrite(&answers, &reviewed_hash).map(Saved::from)
    })
    .await
}

/// Keeps the hand-edited plan as it is; returns its path.
#[tauri::command]
pub async fn keep_plan_on_disk(session: State<'_, Arc<Session>>) -> Result<String> {
    on_project(&session, |opened| {
        Ok(opened.keep_plan_on_disk()?.display().to_string())
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
    let Some(path) = dialogs::ask(&app, window, Dialog::SavePlan).await? else {
        return Ok(None);
    };
    on_project(&session, move |opened| {
        opened
            .save_as(&answers, &path)
            .map(|outcome| Some(outcome.into()))
    })
    .await
}

#[cfg(test)]
mod tests {
    use crate::security_tests::{invoke, unchecked_app as app};
    use crate::state::on_project;
    use serde_json::{json, Value};
    use std::path::PathBuf;

    fn project() -> tempfile::TempDir {
        let project = tempfile::tempdir().unwrap();
        let docs = project.path().join("project_docs");
        std::fs::create_dir_all(&docs).unwrap();
        std::fs::write(docs.join("userStories.md"), "# User Stories\n").unwrap();
        project
    }

    /// Through the commands as the UI calls them (names and payloads).
    #[test]
    fn a_hand_edited_plan_is_diffed_then_kept_or_overwritten_as_chosen() {
        let (project, config) = (project(), tempfile::tempdir().unwrap());
        let (_app, webview) = app(config.path());
        let root = project.path().display().to_string();
        let view = invoke(&webview, "open_project", json!({ "path": root })).unwrap();
        let mut answers = view["answers"].clone();
        let saved = invoke(&webview, "save_plan", json!({ "answers": answers })).unwrap();
        assert_eq!(saved["backup"], Value::Null);
        let plan = PathBuf::from(saved["path"].as_str().unwrap());
        let diff = invoke(&webview, "plan_diff", json!({ "answers": answers })).unwrap();
        assert_eq!(diff, Value::Null);

        std::fs::write(&plan, "my own plan\n").unwrap();
        answers["values"]["s0.purpose"] = json!({ "value": "Changed", "origin": "user" });
        let error = invoke(&webview, "save_plan", json!({ "answers": answers })).unwrap_err();
        assert_eq!(error["code"], "hand_edited");
        let diff = invoke(&webview, "plan_diff", json!({ "answers": answers })).unwrap();
        assert!(diff["rows"]
            .as_array()
            .unwrap()
            .iter()
            .any(|row| row["left"] == "my own plan"));

        let kept = invoke(&webview, "keep_plan_on_disk", json!({})).unwrap();
        assert_eq!(kept, saved["path"]);
        assert_eq!(std::fs::read_to_string(&plan).unwrap(), "my own plan\n");

        let outcome = invoke(
            &webview,
            "overwrite_plan",
            json!({ "answers": answers, "reviewedHash": diff["disk_hash"] }),
        )
        .unwrap();
        assert_eq!(outcome["path"], saved["path"]);
        let backup = outcome["backup"].as_str().unwrap();
        assert_eq!(std::fs::read_to_string(backup).unwrap(), "my own plan\n");
        assert!(std::fs::read_to_string(&plan).unwrap().contains("Changed"));
    }

    #[test]
    fn the_draft_is_kept_and_a_project_is_needed() {
        let (project, config) = (project(), tempfile::tempdir().unwrap());
        let (_app, webview) = app(config.path());
        let error = invoke(
            &webview,
            "save_draft",
            json!({ "answers": { "values": {} } }),
        );
        assert_eq!(error.unwrap_err()["code"], "no_project");
        let root = project.path().display().to_string();
        let view = invoke(&webview, "open_project", json!({ "path": root })).unwrap();
        let mut answers = view["answers"].clone();
        answers["values"]["s0.purpose"] = json!({ "value": "Kept", "origin": "user" });
        invoke(&webview, "save_draft", json!({ "answers": answers })).unwrap();
        let draft = deployplan::store::draft_path(project.path());
        assert!(std::fs::read_to_string(draft).unwrap().contains("Kept"));
    }

    /// The dialog aside (the e2e tests answer it), what Save as… writes.
    #[test]
    fn save_as_writes_where_the_user_chose() {
        let (project, config) = (project(), tempfile::tempdir().unwrap());
        let session =
            std::sync::Arc::new(crate::Session::new(None, config.path().join("recent.json")));
        session
            .open(project.path(), &deployplan::progress::Progress::silent())
            .unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let target = elsewhere.path().join("plan copy.md");
        let chosen = target.clone();
        let outcome = tauri::async_runtime::block_on(on_project(&session, move |opened| {
            let answers = opened.answers.clone();
            opened.save_as(&answers, &chosen)
        }))
        .unwrap();
        assert_eq!(outcome.path, target);
        assert!(std::fs::read_to_string(&target).unwrap().contains("## 0."));
    }
}
