//! The app's session: the open project and where settings live.

use crate::error::{CommandError, ErrorCode};
use deployplan::progress::Progress;
use deployplan::recent::{
    clear_recent, forget_recent, load_recent, remember_recent, RecentProject,
};
use deployplan::session::{open_for_editing_with, OpenedProject, ProjectView};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// State shared by the commands.
pub struct Session {
    opened: Mutex<Option<OpenedProject>>,
    startup_folder: Mutex<Option<PathBuf>>,
    recent_file: PathBuf,
}

type Result<T> = std::result::Result<T, CommandError>;

fn no_project() -> CommandError {
    CommandError::new(ErrorCode::NoProject, "No project is open.")
}

impl Session {
    /// A session that opens `startup_folder` first (if any) and keeps its
    /// recent-projects list in `recent_file`.
    pub fn new(startup_folder: Option<PathBuf>, recent_file: PathBuf) -> Session {
        Session {
            opened: Mutex::new(None),
            startup_folder: Mutex::new(startup_folder),
            recent_file,
        }
    }

    /// The folder given at start, once.
    pub fn take_startup_folder(&self) -> Option<PathBuf> {
        self.startup_folder.lock().ok()?.take()
    }

    /// Opens a project and makes it the current one, reporting to
    /// `progress`; a cancelled open leaves the current project as it was.
    pub fn open(&self, folder: &Path, progress: &Progress) -> Result<ProjectView> {
        let opened = open_for_editing_with(folder, progress)?;
        let view = opened.view();
        // A failure to update the recent list must not stop the user working.
        let _ = remember_recent(
            &self.recent_file,
            RecentProject {
                path: view.root.clone(),
                name: view.name.clone(),
            },
        );
        *self.opened.lock().map_err(|_| no_project())? = Some(opened);
        Ok(view)
    }

    pub fn recent(&self) -> Vec<RecentProject> {
        load_recent(&self.recent_file)
    }

    /// Removes one project from the recent list; returns the list left.
    pub fn forget_recent(&self, path: &str) -> Result<Vec<RecentProject>> {
        Ok(forget_recent(&self.recent_file, path)?)
    }

    /// Empties the recent list.
    pub fn clear_recent(&self) -> Result<()> {
        Ok(clear_recent(&self.recent_file)?)
    }

    /// Runs `work` on the open project.
    ///
    /// Errors: `no_project` when none is open; those of `work`.
    pub(crate) fn with_project<T>(
        &self,
        work: impl FnOnce(&mut OpenedProject) -> Result<T>,
    ) -> Result<T> {
        let mut guard = self.opened.lock().map_err(|_| no_project())?;
        let opened = guard.as_mut().ok_or_else(no_project)?;
        work(opened)
    }
}

/// Runs `work` (a call of the core's [`OpenedProject`] workflow) on the open
/// project, off the main thread: what most commands are made of.
///
/// Errors: `no_project` when none is open; those of `work`, with their codes.
pub(crate) async fn on_project<T: Send + 'static>(
    session: &Arc<Session>,
    work: impl FnOnce(&mut OpenedProject) -> deployplan::Result<T> + Send + 'static,
) -> Result<T> {
    let session = Arc::clone(session);
    crate::commands::blocking(move || session.with_project(|opened| Ok(work(opened)?))).await
}
