//! Watching the open project's documents: when a Markdown file changes on
//! disk, the project is read again (after a quiet spell, so an editor's burst
//! of writes counts once) and the UI gets a `documents-changed` event with the
//! refreshed view and the fields to flag. The user's own answers are never
//! replaced (see `OpenedProject::refresh_documents`).

use crate::error::{CommandError, ErrorCode};
use crate::state::Session;
use deployplan::session::DocumentsRefresh;
use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

/// The event the UI listens for.
pub const DOCUMENTS_CHANGED: &str = "documents-changed";

/// How long the folder must stay quiet before the documents are read again.
const QUIET: Duration = Duration::from_millis(300);

/// The watcher of the open project, replaced when another project is opened.
#[derive(Default)]
pub struct DocumentWatch {
    watcher: Mutex<Option<notify::RecommendedWatcher>>,
}

/// Whether a change to `path` may change the documents: Markdown files, not
/// DeployPlan's own output (plan, draft, backups, temporary files).
fn concerns_documents(root: &Path, path: &Path) -> bool {
    let relative = path.strip_prefix(root).unwrap_or(path);
    if relative
        .components()
        .any(|part| part.as_os_str().to_string_lossy().starts_with('.'))
    {
        return false;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let markdown = name.ends_with(".md") || name.ends_with(".markdown");
    markdown && !name.starts_with("deploymentplan")
}

/// Starts watching the open project's folder (and stops watching the one
/// before). Each refresh is emitted as `documents-changed`.
pub fn watch_open_project<R: Runtime>(
    app: &AppHandle<R>,
    session: &Arc<Session>,
) -> Result<(), CommandError> {
    let root: PathBuf = session.with_project(|opened| Ok(opened.project.root.clone()))?;
    let (sender, receiver) = channel::<PathBuf>();
    let filter_root = root.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            if event.kind.is_access() {
                return;
            }
            for path in event.paths {
                if concerns_documents(&filter_root, &path) {
                    let _ = sender.send(path);
                }
            }
        }
    })
    .map_err(|error| CommandError::new(ErrorCode::WatchFailed, error.to_string()))?;
    watcher
        .watch(&root, RecursiveMode::Recursive)
        .map_err(|error| CommandError::new(ErrorCode::WatchFailed, error.to_string()))?;

    let emitter = app.clone();
    let session = Arc::clone(session);
    std::thread::spawn(move || {
        // Ends when the watcher (and so the sender) is dropped.
        while receiver.recv().is_ok() {
            loop {
                match receiver.recv_timeout(QUIET) {
                    Ok(_) => continue,
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            if let Ok(refresh) = session.refresh_documents(&root) {
                let _ = emitter.emit(DOCUMENTS_CHANGED, refresh);
            }
        }
    });
    let watch = app.state::<DocumentWatch>();
    if let Ok(mut slot) = watch.watcher.lock() {
        *slot = Some(watcher);
    }
    Ok(())
}

impl Session {
    /// Reads the documents of the project at `root` again, if it is still the
    /// open one.
    pub fn refresh_documents(&self, root: &Path) -> Result<DocumentsRefresh, CommandError> {
        self.with_project(|opened| {
            if opened.project.root != root {
                return Err(CommandError::new(
                    ErrorCode::NoProject,
                    "Another project is open.",
                ));
            }
            Ok(opened.refresh_documents()?)
        })
    }
}

/// Starts watching the open project's documents (the UI calls it after
/// opening a project).
#[tauri::command]
pub async fn watch_documents<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, Arc<Session>>,
) -> Result<(), CommandError> {
    let session = Arc::clone(&session);
    crate::commands::blocking(move || watch_open_project(&app, &session)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_documents_count_not_deployplans_own_files() {
        let root = Path::new("/p");
        assert!(concerns_documents(
            root,
            Path::new("/p/project_docs/userStories.md")
        ));
        assert!(concerns_documents(root, Path::new("/p/docs/Tech Spec.MD")));
        assert!(!concerns_documents(
            root,
            Path::new("/p/project_docs/deploymentPlan.md")
        ));
        assert!(!concerns_documents(
            root,
            Path::new("/p/project_docs/deploymentPlan.draft.json")
        ));
        assert!(!concerns_documents(
            root,
            Path::new("/p/project_docs/.deploymentPlan.md.12.tmp")
        ));
        assert!(!concerns_documents(
            root,
            Path::new("/p/.deployplan/backups/deploymentPlan.md.1")
        ));
        assert!(!concerns_documents(
            root,
            Path::new("/p/project_docs/notes.txt")
        ));
    }
}
