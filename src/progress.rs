//! Following long work and stopping it: opening a large folder and exporting
//! report how far they have got, and stop at the next step once cancelled.
//!
//! A [`Progress`] is cheap to clone; clones share one cancel flag and one
//! reporter, so the front end keeps a clone to cancel with while the work
//! runs on another thread with its own.

use crate::error::{Error, Result};
use serde::Serialize;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use ts_rs::TS;

/// What the work is doing now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum Stage {
    /// Looking through the folder for documents (`done` = entries looked at).
    Looking,
    /// Reading and parsing the documents found (`done` of `total`).
    Reading,
    /// Finding the facts in the documents read.
    Extracting,
    /// Rendering the plan for an export.
    Rendering,
    /// Drawing the plan's diagrams in headless Chromium.
    DrawingDiagrams,
    /// Printing the PDF in headless Chromium.
    PrintingPdf,
}

/// One report: the stage, how far into it, and what is being worked on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ProgressStep {
    pub stage: Stage,
    pub done: u32,
    /// Known for stages that count a list (documents to read); `None` while looking.
    pub total: Option<u32>,
    /// The file being worked on, relative to the project, when there is one.
    pub detail: Option<String>,
}

impl ProgressStep {
    /// A step with no count.
    pub fn stage(stage: Stage) -> ProgressStep {
        ProgressStep {
            stage,
            done: 0,
            total: None,
            detail: None,
        }
    }
}

/// Long work a front end can follow and cancel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum Task {
    /// Opening a project: looking for, reading and parsing its documents.
    Open,
    /// Exporting the plan to HTML or PDF.
    Export,
}

/// A report as the desktop app sends it to its window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct TaskProgress {
    pub task: Task,
    pub step: ProgressStep,
}

type Reporter = dyn Fn(&ProgressStep) + Send + Sync;

/// Where long work reports to and how it learns it was cancelled.
#[derive(Clone, Default)]
pub struct Progress {
    cancelled: Arc<AtomicBool>,
    reporter: Option<Arc<Reporter>>,
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Progress")
            .field("cancelled", &self.is_cancelled())
            .field("reports", &self.reporter.is_some())
            .finish()
    }
}

impl Progress {
    /// Work that nobody follows and nobody cancels.
    pub fn silent() -> Progress {
        Progress::default()
    }

    /// Work whose steps go to `report` (called on the working thread).
    pub fn reporting(report: impl Fn(&ProgressStep) + Send + Sync + 'static) -> Progress {
        Progress {
            cancelled: Arc::default(),
            reporter: Some(Arc::new(report)),
        }
    }

    /// Asks the work to stop at its next step.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::SeqCst);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::SeqCst)
    }

    /// `Err(Cancelled)` once cancelled, naming `what` was stopped.
    ///
    /// Errors: [`Error::Cancelled`] when [`Progress::cancel`] was called.
    pub fn check(&self, what: &str) -> Result<()> {
        if self.is_cancelled() {
            Err(Error::Cancelled {
                what: what.to_string(),
            })
        } else {
            Ok(())
        }
    }

    /// Whether `other` is a clone of this one (shares its cancel flag).
    pub fn same_as(&self, other: &Progress) -> bool {
        Arc::ptr_eq(&self.cancelled, &other.cancelled)
    }

    pub fn report(&self, step: ProgressStep) {
        if let Some(reporter) = &self.reporter {
            reporter(&step);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn clones_share_the_cancel_flag_and_the_reporter() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&seen);
        let progress = Progress::reporting(move |step| sink.lock().unwrap().push(step.stage));
        let worker = progress.clone();
        worker.report(ProgressStep::stage(Stage::Looking));
        assert!(worker.check("opening").is_ok());
        progress.cancel();
        let error = worker.check("opening").unwrap_err();
        assert_eq!(error.code(), "cancelled");
        assert_eq!(error.to_string(), "opening was cancelled");
        assert_eq!(*seen.lock().unwrap(), vec![Stage::Looking]);
    }

    #[test]
    fn silent_progress_reports_nowhere_and_is_not_cancelled() {
        let progress = Progress::silent();
        progress.report(ProgressStep::stage(Stage::Reading));
        assert!(!progress.is_cancelled());
    }
}
