//! The app's session: the open project and where settings live.

use crate::error::CommandError;
use deployplan::answers::Answers;
use deployplan::recent::{load_recent, remember_recent, RecentProject};
use deployplan::save::{plan_markdown, save_plan, SaveOutcome};
use deployplan::session::{open_for_editing, OpenedProject, ProjectView};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// State shared by the commands.
pub struct Session {
    opened: Mutex<Option<OpenedProject>>,
    startup_folder: Mutex<Option<PathBuf>>,
    recent_file: PathBuf,
}

type Result<T> = std::result::Result<T, CommandError>;

fn no_project() -> CommandError {
    CommandError::new("no_project", "No project is open.")
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

    /// Opens a project and makes it the current one.
    pub fn open(&self, folder: &Path) -> Result<ProjectView> {
        let opened = open_for_editing(folder)?;
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

    fn with_project<T>(&self, work: impl FnOnce(&mut OpenedProject) -> Result<T>) -> Result<T> {
        let mut guard = self.opened.lock().map_err(|_| no_project())?;
        let opened = guard.as_mut().ok_or_else(no_project)?;
        work(opened)
    }

    pub fn render(&self, answers: &Answers) -> Result<String> {
        self.with_project(|opened| Ok(plan_markdown(&opened.project, answers)))
    }

    pub fn save_draft(&self, answers: &Answers) -> Result<()> {
        self.with_project(|opened| {
            deployplan::draft::save_draft(&opened.project.root, answers)?;
            opened.answers = answers.clone();
            Ok(())
        })
    }

    pub fn save_plan(&self, answers: &Answers) -> Result<SaveOutcome> {
        self.with_project(|opened| {
            deployplan::draft::save_draft(&opened.project.root, answers)?;
            opened.answers = answers.clone();
            Ok(save_plan(&opened.project, answers, None, false)?)
        })
    }
}
