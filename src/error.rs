//! Errors of the core. Every variant names the path and what was being done,
//! so a message can be shown to a user as is.

use std::path::PathBuf;

/// What went wrong, with the file or folder concerned.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The project folder does not exist.
    #[error("project folder not found: {}", path.display())]
    ProjectNotFound { path: PathBuf },

    /// The project path exists but is not a folder.
    #[error("not a folder: {}", path.display())]
    NotAFolder { path: PathBuf },

    /// Reading a file or folder failed.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// Writing a file failed; the previous file (if any) is untouched.
    #[error("cannot write {}: {}", path.display(), crate::write::explain_write_error(source))]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The target of a write is a folder.
    #[error("cannot write {}: it is a folder", path.display())]
    TargetIsFolder { path: PathBuf },

    /// A JSON file (draft or answers) could not be understood.
    #[error("cannot understand {}: {message}", path.display())]
    InvalidJson { path: PathBuf, message: String },

    /// The plan on disk was edited since DeployPlan last wrote it.
    #[error("{} was edited by hand since DeployPlan wrote it; use --force to overwrite (a backup is kept)", path.display())]
    HandEdited { path: PathBuf },

    /// A path given by the front end lies outside the open project.
    #[error("path is outside the project: {path}")]
    OutsideProject { path: String },

    /// PDF export (or drawing diagrams for an export) needs Chromium, which was not found.
    #[error("{what} needs Chromium, which was not found: apt-get install chromium (or set DEPLOYPLAN_CHROMIUM to its path)")]
    ChromiumMissing { what: String },

    /// A value given by the user cannot be used (e.g. an empty reviewer name).
    #[error("{message}")]
    InvalidInput { message: String },

    /// An export could not be produced.
    #[error("cannot export: {message}")]
    Export { message: String },

    /// A path given by the front end is inside the project but not one of its documents.
    #[error("{path} is not one of this project's documents")]
    NotADocument { path: String },

    /// The user stopped the work (opening a project, exporting) before it finished.
    #[error("{what} was cancelled")]
    Cancelled { what: String },
}

impl Error {
    /// A stable machine-readable code for the front ends to branch on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::ProjectNotFound { .. } => "project_not_found",
            Error::NotAFolder { .. } => "not_a_folder",
            Error::Read { .. } => "read_failed",
            Error::Write { .. } => "write_failed",
            Error::TargetIsFolder { .. } => "target_is_folder",
            Error::InvalidJson { .. } => "invalid_json",
            Error::HandEdited { .. } => "hand_edited",
            Error::OutsideProject { .. } => "outside_project",
            Error::ChromiumMissing { .. } => "chromium_missing",
            Error::Export { .. } => "export_failed",
            Error::InvalidInput { .. } => "invalid_input",
            Error::NotADocument { .. } => "not_a_document",
            Error::Cancelled { .. } => "cancelled",
        }
    }
}

/// Result with the core's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
