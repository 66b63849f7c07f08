//! The app's session: the open project and where settings live.

use crate::error::CommandError;
use deployplan::answers::{suggest_answers, Answers, Origin};
use deployplan::model::Role;
use deployplan::progress::Progress;
use deployplan::project::{load_role_overrides, save_role_overrides, Project};
use deployplan::recent::{
    clear_recent, forget_recent, load_recent, remember_recent, RecentProject,
};
use deployplan::save::{plan_markdown, save_plan, SaveOutcome};
use deployplan::session::{open_for_editing_with, OpenedProject, ProjectView};
use serde::Serialize;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// State shared by the commands.
pub struct Session {
    opened: Mutex<Option<OpenedProject>>,
    startup_folder: Mutex<Option<PathBuf>>,
    recent_file: PathBuf,
}

type Result<T> = std::result::Result<T, CommandError>;

/// The text of one of the open project's documents, for the read-only viewer.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentText {
    /// Relative to the project folder, as in `ProjectView::documents`.
    pub path: String,
    /// As read (byte-order mark dropped), so line numbers match the sources.
    pub text: String,
    /// How many lines the text has.
    pub lines: usize,
}

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

    pub(crate) fn with_project<T>(
        &self,
        work: impl FnOnce(&mut OpenedProject) -> Result<T>,
    ) -> Result<T> {
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

    /// The text of the document at `path` (relative to the project folder).
    ///
    /// Only a document the open project lists is served: absolute paths,
    /// `..`, and anything that resolves (through symlinks) outside the project
    /// folder are refused with `outside_project`; other paths inside it with
    /// `not_a_document`.
    pub fn document_text(&self, path: &str) -> Result<DocumentText> {
        self.with_project(|opened| {
            let project = &opened.project;
            let outside = || {
                CommandError::from(deployplan::Error::OutsideProject {
                    path: path.to_string(),
                })
            };
            let relative = Path::new(path);
            if path.is_empty()
                || !relative
                    .components()
                    .all(|part| matches!(part, Component::Normal(_)))
            {
                return Err(outside());
            }
            // Resolve symlinks, then insist on staying inside the project.
            let resolved = project
                .root
                .join(relative)
                .canonicalize()
                .map_err(|_| outside())?;
            if !resolved.starts_with(&project.root) {
                return Err(outside());
            }
            let loaded = project
                .documents
                .iter()
                .find(|loaded| {
                    loaded.document.path == path
                        && project
                            .root
                            .join(&loaded.document.path)
                            .canonicalize()
                            .is_ok_and(|own| own == resolved)
                })
                .ok_or_else(|| {
                    CommandError::new(
                        "not_a_document",
                        format!("{path} is not one of this project's documents"),
                    )
                })?;
            Ok(DocumentText {
                path: loaded.document.path.clone(),
                lines: loaded.text.lines().count(),
                text: loaded.text.clone(),
            })
        })
    }

    /// Gives the document at `path` the role `role` (or none), remembers the
    /// choice in the project's `.deployplan/roles.json`, and reads the project
    /// again so facts and suggestions follow. The user's own answers are kept;
    /// every other answer is suggested afresh. The draft is saved so that
    /// reopening the project later shows the same.
    ///
    /// Errors: `not_a_document` for a path the project does not list; the
    /// choices or the draft cannot be written.
    pub fn set_document_role(&self, path: &str, role: Option<Role>) -> Result<ProjectView> {
        self.with_project(|opened| {
            let root = opened.project.root.clone();
            if !opened
                .project
                .documents
                .iter()
                .any(|loaded| loaded.document.path == path)
            {
                return Err(CommandError::new(
                    "not_a_document",
                    format!("{path} is not one of this project's documents"),
                ));
            }
            // A broken choices file is replaced rather than blocking the user.
            let mut overrides = load_role_overrides(&root).unwrap_or_default();
            overrides.insert(path.to_string(), role);
            save_role_overrides(&root, &overrides)?;
            let project = Project::open_with(&root, &overrides)?;
            let mut answers = Answers {
                values: opened
                    .answers
                    .values
                    .iter()
                    .filter(|(_, answer)| answer.origin == Origin::User)
                    .map(|(id, answer)| (id.clone(), answer.clone()))
                    .collect(),
                current_step: opened.answers.current_step.clone(),
            };
            answers.merge_suggestions(&suggest_answers(&project));
            deployplan::draft::save_draft(&project.root, &answers)?;
            opened.project = project;
            opened.answers = answers;
            Ok(opened.view())
        })
    }
}
