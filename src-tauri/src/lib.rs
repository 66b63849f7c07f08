//! The DeployPlan desktop app: a thin Tauri shell over the `deployplan` core.

mod commands;
mod error;
mod state;

pub use error::CommandError;
pub use state::Session;

use std::path::PathBuf;
use std::sync::Arc;

/// The folder named on the command line, if any (`deployplan-app [FOLDER]`).
fn folder_from_arguments() -> Option<PathBuf> {
    std::env::args_os()
        .skip(1)
        .find(|arg| !arg.to_string_lossy().starts_with('-'))
        .map(PathBuf::from)
}

/// Where the recent-projects list lives: `<config dir>/deployplan/recent.json`.
fn recent_file() -> PathBuf {
    dirs::config_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("deployplan")
        .join("recent.json")
}

/// Builds the app with its commands and state, on any runtime (tests use the mock one).
pub fn build<R: tauri::Runtime>(builder: tauri::Builder<R>, session: Session) -> tauri::Builder<R> {
    builder
        .manage(Arc::new(session))
        .invoke_handler(tauri::generate_handler![
            commands::startup_project,
            commands::open_project,
            commands::open_sample_project,
            commands::pick_folder,
            commands::recent_projects,
            commands::wizard_definition,
            commands::render_preview,
            commands::save_draft,
            commands::save_plan,
        ])
}

/// Starts the app.
pub fn run() {
    let session = Session::new(folder_from_arguments(), recent_file());
    if let Err(error) = build(tauri::Builder::default(), session).run(tauri::generate_context!()) {
        eprintln!("deployplan-app: {error}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};
    use tauri::ipc::{CallbackFn, InvokeBody};
    use tauri::test::{
        get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
    };
    use tauri::webview::InvokeRequest;
    use tauri::WebviewWindow;

    fn app(config: &std::path::Path) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
        let session = Session::new(None, config.join("recent.json"));
        let app = build(mock_builder(), session)
            .build(mock_context(noop_assets()))
            .expect("the app builds");
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("a window");
        (app, webview)
    }

    fn invoke(
        webview: &WebviewWindow<MockRuntime>,
        command: &str,
        body: Value,
    ) -> Result<Value, Value> {
        get_ipc_response(
            webview,
            InvokeRequest {
                cmd: command.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().expect("a url"),
                body: InvokeBody::Json(body),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|response| response.deserialize::<Value>().expect("JSON"))
    }

    #[test]
    fn opening_a_missing_folder_answers_with_a_code_and_a_message() {
        let config = tempfile::tempdir().unwrap();
        let (_app, webview) = app(config.path());
        let error = invoke(
            &webview,
            "open_project",
            json!({ "path": "/no/such/folder" }),
        )
        .unwrap_err();
        assert_eq!(error["code"], "project_not_found");
        assert!(error["message"]
            .as_str()
            .unwrap()
            .contains("/no/such/folder"));
    }

    #[test]
    fn opening_the_sample_lists_it_in_recent_projects_and_previews_every_section() {
        let config = tempfile::tempdir().unwrap();
        let (_app, webview) = app(config.path());
        let view = invoke(&webview, "open_sample_project", json!({})).unwrap();
        assert!(view["documents"].as_array().unwrap().len() >= 7);
        let recent = invoke(&webview, "recent_projects", json!({})).unwrap();
        assert_eq!(recent[0]["path"], view["root"]);
        let preview = invoke(
            &webview,
            "render_preview",
            json!({ "answers": view["answers"] }),
        )
        .unwrap();
        let markdown = preview["markdown"].as_str().unwrap();
        assert!(
            markdown.contains("## 0. Introduction & Goals")
                && markdown.contains("## 11. Roles & Responsibilities")
        );
        assert!(preview["html"].as_str().unwrap().contains("<h2"));
    }

    #[test]
    fn saving_without_a_project_is_refused_plainly() {
        let config = tempfile::tempdir().unwrap();
        let (_app, webview) = app(config.path());
        let error = invoke(
            &webview,
            "save_plan",
            json!({ "answers": { "values": {} } }),
        )
        .unwrap_err();
        assert_eq!(error["code"], "no_project");
    }
}
