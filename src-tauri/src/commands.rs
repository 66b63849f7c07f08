//! The app's commands for opening projects, the recent list, the wizard and
//! its preview, the documents, and About: each a few lines over the
//! `deployplan` core. Saving is in `saving.rs`, dialogs in `dialogs.rs`.
//! Blocking work (disk, dialogs) runs off the main thread.

use crate::dialogs::Dialog;
use crate::error::{CommandError, ErrorCode};
use crate::state::{on_project, Session};
use crate::tasks::Tasks;
use deployplan::answers::Answers;
use deployplan::model::Role;
use deployplan::plan::WizardDefinition;
use deployplan::progress::{Progress, Task};
use deployplan::recent::RecentProject;
use deployplan::session::DocumentText;
use deployplan::session::ProjectView;
use serde::Serialize;
use std::sync::Arc;
use std::time::Instant;
use tauri::{AppHandle, Manager, Runtime, State, WebviewWindow};
use ts_rs::TS;

pub(crate) type Result<T> = std::result::Result<T, CommandError>;

/// Runs blocking work on tokio's blocking pool.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|error| CommandError::new(ErrorCode::Internal, error.to_string()))?
}

/// The project named on the command line, opened; `None` if there was none.
#[tauri::command]
pub async fn startup_project<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, Arc<Session>>,
    tasks: State<'_, Tasks>,
) -> Result<Option<ProjectView>> {
    let session = Arc::clone(&session);
    opening(&app, &tasks, move |progress| {
        match session.take_startup_folder() {
            Some(folder) => session.open(&folder, &progress).map(Some),
            None => Ok(None),
        }
    })
    .await
}

/// Opens a project with `open`, followed (and cancellable) as the `open`
/// task, then brings the menu's Open Recent up to date.
async fn opening<R: Runtime, T: Send + 'static>(
    app: &AppHandle<R>,
    tasks: &Tasks,
    open: impl FnOnce(Progress) -> Result<T> + Send + 'static,
) -> Result<T> {
    let opened = tasks.run(Task::Open, app, open).await?;
    crate::menu::refresh_recent(app);
    Ok(opened)
}

/// Opens the project folder at `path`, a folder the user chose. Errors:
/// `invalid_path` (not absolute, NUL byte, too long), `project_not_found`,
/// `not_a_folder`.
/// Reports progress as `progress` events; `cancel_task("open")` stops it with
/// `cancelled`, and the project open before (if any) stays open.
#[tauri::command]
pub async fn open_project<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, Arc<Session>>,
    tasks: State<'_, Tasks>,
    path: String,
) -> Result<ProjectView> {
    let folder = crate::security::folder_argument(&path)?;
    let session = Arc::clone(&session);
    opening(&app, &tasks, move |progress| {
        session.open(&folder, &progress)
    })
    .await
}

/// Opens the bundled sample project.
#[tauri::command]
pub async fn open_sample_project<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, Arc<Session>>,
    tasks: State<'_, Tasks>,
) -> Result<ProjectView> {
    let session = Arc::clone(&session);
    opening(&app, &tasks, move |progress| {
        session.open(
            &deployplan::sample::sample_project_for_editing()?,
            &progress,
        )
    })
    .await
}

/// Asks the user for a project folder with the native dialog; `None` if cancelled.
#[tauri::command]
pub async fn pick_folder<R: Runtime>(
    app: AppHandle<R>,
    window: WebviewWindow<R>,
) -> Result<Option<String>> {
    let folder = crate::dialogs::ask(&app, window, Dialog::ProjectFolder).await?;
    Ok(folder.map(|folder| folder.display().to_string()))
}

/// Recently opened projects, newest first.
#[tauri::command]
pub async fn recent_projects(session: State<'_, Arc<Session>>) -> Result<Vec<RecentProject>> {
    let session = Arc::clone(&session);
    blocking(move || Ok(session.recent())).await
}

/// Removes one project (by the path the list shows) from the recent list; the
/// project's folder is not touched. Returns the list left.
#[tauri::command]
pub async fn forget_recent_project<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, Arc<Session>>,
    path: String,
) -> Result<Vec<RecentProject>> {
    let session = Arc::clone(&session);
    let left = blocking(move || session.forget_recent(&path)).await?;
    crate::menu::refresh_recent(&app);
    Ok(left)
}

/// Empties the recent list.
#[tauri::command]
pub async fn clear_recent_projects<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, Arc<Session>>,
) -> Result<()> {
    let session = Arc::clone(&session);
    blocking(move || session.clear_recent()).await?;
    crate::menu::refresh_recent(&app);
    Ok(())
}

/// The wizard's steps, the glossary and the document roles.
#[tauri::command]
pub fn wizard_definition() -> WizardDefinition {
    WizardDefinition::get()
}

/// The plan as Markdown and as HTML, for the live preview.
#[derive(Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct Preview {
    markdown: String,
    /// The HTML in parts: what comes before the first section, then one part
    /// per section and sub-section heading (see
    /// `deployplan::markdown::render_html_parts`); the preview replaces only
    /// the parts that changed.
    parts: Vec<String>,
    /// How long the core took to render both, in milliseconds: the UI records
    /// it beside its keystroke-to-preview timings (see BENCHMARKS.md).
    core_ms: f64,
}

#[tauri::command]
pub async fn render_preview(session: State<'_, Arc<Session>>, answers: Answers) -> Result<Preview> {
    let started = Instant::now();
    let markdown = session.with_project(|opened| Ok(opened.plan_markdown(&answers)))?;
    let parts =
        deployplan::plan_html::decorate_parts(&deployplan::markdown::render_html_parts(&markdown));
    let core_ms = started.elapsed().as_secs_f64() * 1000.0;
    Ok(Preview {
        markdown,
        parts,
        core_ms,
    })
}

/// The text of one of the open project's documents (`path` relative to the
/// project folder), for the read-only viewer. Anything that is not one of the
/// project's documents is refused (`outside_project`, `not_a_document`).
#[tauri::command]
pub async fn document_text(session: State<'_, Arc<Session>>, path: String) -> Result<DocumentText> {
    on_project(&session, move |opened| opened.document_text(&path)).await
}

/// Gives a document another role (or none, with `role: null`), remembers the
/// choice for the project, and returns the project read again.
#[tauri::command]
pub async fn set_document_role(
    session: State<'_, Arc<Session>>,
    path: String,
    role: Option<Role>,
) -> Result<ProjectView> {
    on_project(&session, move |opened| {
        opened.set_document_role(&path, role)
    })
    .await
}

/// What the About dialog shows.
#[derive(Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct AboutApp {
    name: String,
    version: String,
    license: &'static str,
    /// How the webview draws (None where the app was built without `run`, as in tests).
    drawing: Option<crate::rendering::Drawing>,
}

/// The app's name and version (from the package), for Help › About.
#[tauri::command]
pub fn about_app<R: Runtime>(app: AppHandle<R>) -> AboutApp {
    let package = app.package_info();
    AboutApp {
        name: package.name.clone(),
        version: package.version.to_string(),
        license: env!("CARGO_PKG_LICENSE"),
        drawing: app
            .try_state::<crate::rendering::Drawing>()
            .map(|drawing| *drawing),
    }
}
