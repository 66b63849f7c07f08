//! Long work the user can follow and stop: opening a project and exporting.
//! Each running task reports its steps to the window as `progress` events
//! (at most one every 50 ms, and every change of stage); `cancel_task` stops it.

use deployplan::progress::{Progress, Stage, Task, TaskProgress};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tauri::{AppHandle, Emitter, Runtime, State};

/// The window's event for progress reports.
pub const PROGRESS_EVENT: &str = "progress";

/// Time between two reports of the same stage.
const REPORT_INTERVAL: Duration = Duration::from_millis(50);

/// The tasks running now, by kind (one of each at a time).
#[derive(Default)]
pub struct Tasks {
    running: Mutex<HashMap<Task, Progress>>,
}

impl Tasks {
    /// Starts following a task: its reports go to the window; a task of the
    /// same kind still running is cancelled (its result is no longer wanted).
    pub fn start<R: Runtime>(&self, task: Task, app: &AppHandle<R>) -> Progress {
        let app = app.clone();
        let last: Mutex<Option<(Stage, Instant)>> = Mutex::new(None);
        let progress = Progress::reporting(move |step| {
            let Ok(mut last) = last.lock() else { return };
            let due = match *last {
                Some((stage, at)) => stage != step.stage || at.elapsed() >= REPORT_INTERVAL,
                None => true,
            };
            if due {
                *last = Some((step.stage, Instant::now()));
                let report = TaskProgress {
                    task,
                    step: step.clone(),
                };
                // Progress is a courtesy: a window that cannot hear it changes nothing.
                let _ = app.emit(PROGRESS_EVENT, report);
            }
        });
        if let Ok(mut running) = self.running.lock() {
            if let Some(previous) = running.insert(task, progress.clone()) {
                previous.cancel();
            }
        }
        progress
    }

    /// Cancels the running task of this kind, if any.
    pub fn cancel(&self, task: Task) {
        if let Ok(running) = self.running.lock() {
            if let Some(progress) = running.get(&task) {
                progress.cancel();
            }
        }
    }

    /// Forgets a task that ended (unless a newer one of its kind replaced it).
    pub fn finish(&self, task: Task, progress: &Progress) {
        if let Ok(mut running) = self.running.lock() {
            if running
                .get(&task)
                .is_some_and(|current| current.same_as(progress))
            {
                running.remove(&task);
            }
        }
    }

    /// Runs `work` as `task` on the blocking pool, following it until it ends.
    pub async fn run<R: Runtime, T: Send + 'static>(
        &self,
        task: Task,
        app: &AppHandle<R>,
        work: impl FnOnce(Progress) -> crate::commands::Result<T> + Send + 'static,
    ) -> crate::commands::Result<T> {
        let progress = self.start(task, app);
        let worker = progress.clone();
        let result = crate::commands::blocking(move || work(worker)).await;
        self.finish(task, &progress);
        result
    }
}

/// Stops the running task of this kind (opening or exporting); the task ends
/// with a `cancelled` error and leaves nothing half-done behind.
#[tauri::command]
pub fn cancel_task(tasks: State<'_, Tasks>, task: Task) {
    tasks.cancel(task);
}
