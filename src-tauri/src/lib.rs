//! The DeployPlan desktop app: a thin Tauri shell over the `deployplan` core.

mod commands;
mod dialogs;
mod error;
mod menu;
mod print;
mod rendering;
mod review;
mod saving;
mod security;
#[cfg(test)]
mod security_tests;
mod state;
mod tasks;
mod watch;
mod window_state;

pub use error::CommandError;
pub use state::Session;

use deployplan::store;
use std::path::PathBuf;
use std::sync::Arc;

/// The folder named on the command line, if any (`deployplan-app [FOLDER]`).
fn folder_from_arguments() -> Option<PathBuf> {
    std::env::args_os()
        .skip(1)
        .find(|arg| !arg.to_string_lossy().starts_with('-'))
        .map(PathBuf::from)
}

/// Builds the app with its commands and state, on any runtime (tests use the mock one).
pub fn build<R: tauri::Runtime>(builder: tauri::Builder<R>, session: Session) -> tauri::Builder<R> {
    builder
        .manage(Arc::new(session))
        .manage(watch::DocumentWatch::default())
        .manage(tasks::Tasks::default())
        .plugin(security::navigation_guard())
        .invoke_handler(tauri::generate_handler![
            commands::startup_project,
            commands::open_project,
            commands::open_sample_project,
            commands::pick_folder,
            commands::recent_projects,
            commands::forget_recent_project,
            commands::clear_recent_projects,
            commands::wizard_definition,
            commands::render_preview,
            commands::document_text,
            commands::set_document_role,
            saving::save_draft,
            saving::save_plan,
            saving::plan_diff,
            saving::overwrite_plan,
            saving::keep_plan_on_disk,
            saving::save_plan_as,
            watch::watch_documents,
            security::open_external,
            review::review_plan,
            review::add_review_comment,
            review::sign_off_section,
            review::export_plan_as,
            tasks::cancel_task,
            menu::sync_menu,
            commands::about_app,
        ])
}

/// Starts the app; `deployplan-app --export-pdf OUT [--paper a4|letter]
/// [FOLDER]` prints the project's plan to PDF with the app's own web engine
/// instead, with no window (needs a display, e.g. Xvfb) and exits.
pub fn run() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    if arguments.iter().any(|arg| arg == "--export-pdf") {
        std::process::exit(match export_from_command_line(&arguments) {
            Ok(path) => {
                println!("wrote {path}");
                0
            }
            Err(error) => {
                eprintln!("deployplan-app: {error}");
                1
            }
        });
    }
    // The crash test kills the app by this PID (tauri-driver starts it two
    // processes down, so the test cannot tell it apart otherwise).
    #[cfg(feature = "e2e")]
    if let Some(file) = std::env::var_os("DEPLOYPLAN_E2E_PID_FILE") {
        let _ = std::fs::write(file, std::process::id().to_string());
    }
    // Before any window exists: WebKit reads its drawing mode when the first
    // web view is made, so deciding later makes it switch mid-load.
    let drawing = rendering::decide_before_windows();
    let config = store::config_folder(dirs::config_dir());
    let session = Session::new(folder_from_arguments(), store::recent_file(&config));
    let memory = Arc::new(window_state::WindowMemory::new(store::window_file(&config)));
    let restorer = Arc::clone(&memory);
    let app = build(tauri::Builder::default(), session)
        .manage(drawing)
        .menu(menu::build)
        .on_menu_event(menu::on_menu_event)
        .setup(move |app| {
            use tauri::Manager;
            if let Some(window) = app.get_webview_window("main") {
                rendering::apply(&window, drawing);
                restorer.restore(&window);
            }
            #[cfg(feature = "e2e")]
            menu::e2e_take_choices_from_file(app.handle());
            Ok(())
        })
        .on_window_event(move |window, event| memory.on_event(window, event));
    if let Err(error) = app.run(tauri::generate_context!()) {
        eprintln!("deployplan-app: {error}");
        std::process::exit(1);
    }
}

/// `--export-pdf OUT [--paper a4|letter] [FOLDER]`: the written plan (else the
/// one the draft and documents give) of FOLDER (default: the sample project)
/// printed by the app's web engine. Diagrams stay as their Mermaid source
/// (drawing them takes the app's window); returns the path written.
fn export_from_command_line(arguments: &[String]) -> Result<String, String> {
    use deployplan::export::{ExportOptions, Format, Paper, PdfPrinter};
    let mut out = None;
    let mut paper = Paper::A4;
    let mut folder = None;
    let mut rest = arguments.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--export-pdf" => out = rest.next().map(PathBuf::from),
            "--paper" => {
                let name = rest.next().map(String::as_str).unwrap_or("");
                paper = Paper::parse(name)
                    .ok_or(format!("unknown paper '{name}' (use a4 or letter)"))?;
            }
            other if !other.starts_with('-') => folder = Some(PathBuf::from(other)),
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    let out = out.ok_or("--export-pdf needs the file to write")?;
    let folder = folder.unwrap_or_else(deployplan::sample::sample_project_dir);
    let opened = deployplan::session::open_for_editing(&folder).map_err(|e| e.to_string())?;
    for warning in &opened.project.warnings {
        eprintln!("deployplan-app: warning: {warning}");
    }
    // A plan that cannot be read is exported as the app would write it now.
    let markdown = match opened.written_plan() {
        Ok(Some(text)) => text,
        _ => opened.plan_markdown(&opened.answers),
    };
    let mut options = ExportOptions::titled(&opened.export_title());
    options.paper = paper;
    #[cfg(target_os = "linux")]
    {
        let printer: PdfPrinter = Arc::new(|page, paper, _| print::print_headless(page, paper));
        options.printer = Some(printer);
    }
    opened
        .export(&markdown, Format::Pdf, options, &out)
        .map_err(|e| e.to_string())?;
    Ok(out.display().to_string())
}

#[cfg(test)]
mod tests {
    use crate::security_tests::{invoke, unchecked_app as app};
    use serde_json::{json, Value};

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
        let parts = preview["parts"].as_array().unwrap();
        assert!(parts
            .iter()
            .any(|part| part.as_str().unwrap().contains("<h2")));
        // One part per section and sub-section: the preview replaces only
        // the parts a change touched.
        assert!(parts.len() > 12, "{}", parts.len());
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

    /// A small project: a spec that names its CI tool, and notes with no role.
    fn small_project() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let docs = dir.path().join("project_docs");
        std::fs::create_dir_all(&docs).unwrap();
        std::fs::write(
            docs.join("technicalSpecification.md"),
            "# Technical Specification\n\n## Tech Stack\n\nCI/CD: GitHub Actions builds every commit.\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("notes.md"),
            "# Meeting notes\n\n## Test\n\nExit criteria: all P1 stories pass.\n",
        )
        .unwrap();
        dir
    }

    #[test]
    fn document_text_serves_a_document_of_the_open_project() {
        let config = tempfile::tempdir().unwrap();
        let project = small_project();
        let (_app, webview) = app(config.path());
        invoke(
            &webview,
            "open_project",
            json!({ "path": project.path().display().to_string() }),
        )
        .unwrap();
        let document = invoke(
            &webview,
            "document_text",
            json!({ "path": "project_docs/technicalSpecification.md" }),
        )
        .unwrap();
        assert_eq!(document["path"], "project_docs/technicalSpecification.md");
        assert!(document["text"]
            .as_str()
            .unwrap()
            .starts_with("# Technical Specification\n"));
        assert_eq!(document["lines"], 5);
    }

    #[cfg(unix)]
    #[test]
    fn document_text_refuses_anything_outside_the_project() {
        let config = tempfile::tempdir().unwrap();
        let project = small_project();
        let elsewhere = tempfile::tempdir().unwrap();
        let secret = elsewhere.path().join("secret.md");
        std::fs::write(&secret, "# Secret\n").unwrap();
        std::os::unix::fs::symlink(&secret, project.path().join("project_docs/escape.md")).unwrap();
        let (_app, webview) = app(config.path());
        invoke(
            &webview,
            "open_project",
            json!({ "path": project.path().display().to_string() }),
        )
        .unwrap();
        let secret_path = secret.display().to_string();
        for path in [
            "../etc/passwd",
            "/etc/passwd",
            "project_docs/../../etc/passwd",
            "project_docs/escape.md",
            secret_path.as_str(),
        ] {
            let error = invoke(&webview, "document_text", json!({ "path": path })).unwrap_err();
            assert_eq!(error["code"], "outside_project", "{path}: {error}");
        }
        // Inside the project, but not a document: refused too.
        std::fs::write(project.path().join("secret.txt"), "token").unwrap();
        let error = invoke(&webview, "document_text", json!({ "path": "secret.txt" })).unwrap_err();
        assert_eq!(error["code"], "not_a_document");
    }

    #[test]
    fn document_text_needs_an_open_project() {
        let config = tempfile::tempdir().unwrap();
        let (_app, webview) = app(config.path());
        let error = invoke(&webview, "document_text", json!({ "path": "README.md" })).unwrap_err();
        assert_eq!(error["code"], "no_project");
    }

    #[test]
    fn a_reassigned_role_refreshes_the_project_keeps_user_answers_and_persists() {
        let config = tempfile::tempdir().unwrap();
        let project = small_project();
        let root = project.path().display().to_string();
        let (_app, webview) = app(config.path());
        let view = invoke(&webview, "open_project", json!({ "path": root })).unwrap();
        let role_of = |view: &Value, path: &str| {
            view["documents"]
                .as_array()
                .unwrap()
                .iter()
                .find(|d| d["path"] == path)
                .map(|d| d["role"].clone())
                .unwrap()
        };
        assert_eq!(role_of(&view, "notes.md"), Value::Null);
        assert!(view["missing_roles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["role"] == "TEST"));

        // The user's own answer, kept as a draft.
        let mut answers = view["answers"].clone();
        answers["values"]["s0.purpose"] = json!({ "value": "Mine", "origin": "user" });
        invoke(&webview, "save_draft", json!({ "answers": answers })).unwrap();

        let view = invoke(
            &webview,
            "set_document_role",
            json!({ "path": "notes.md", "role": "TEST" }),
        )
        .unwrap();
        assert_eq!(role_of(&view, "notes.md"), "TEST");
        assert!(!view["missing_roles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["role"] == "TEST"));
        assert_eq!(view["answers"]["values"]["s0.purpose"]["value"], "Mine");

        // Remembered: a fresh app opening the project again sees the choice.
        let (_again, webview) = app(config.path());
        let view = invoke(&webview, "open_project", json!({ "path": root })).unwrap();
        assert_eq!(role_of(&view, "notes.md"), "TEST");
        assert!(role_of_reason(&view, "notes.md").contains("by you"));
        assert_eq!(view["answers"]["values"]["s0.purpose"]["value"], "Mine");

        // Back to no role, with null.
        let view = invoke(
            &webview,
            "set_document_role",
            json!({ "path": "notes.md", "role": null }),
        )
        .unwrap();
        assert_eq!(role_of(&view, "notes.md"), Value::Null);

        let error = invoke(
            &webview,
            "set_document_role",
            json!({ "path": "../elsewhere.md", "role": "SPEC" }),
        )
        .unwrap_err();
        assert_eq!(error["code"], "not_a_document");
    }

    fn role_of_reason(view: &Value, path: &str) -> String {
        view["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["path"] == path)
            .and_then(|d| d["reason"].as_str())
            .unwrap_or_default()
            .to_string()
    }
}
