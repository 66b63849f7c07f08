//! Review mode and export: the plan prepared for stakeholders, their comments
//! and sign-offs, and export to Markdown, HTML or PDF. Each command is a few
//! lines over the core's `OpenedProject::{review, comment, sign_off,
//! export_answers}`.

use crate::dialogs::Dialog;
use crate::error::CommandError;
use crate::state::Session;
use crate::tasks::Tasks;
use deployplan::answers::Answers;
use deployplan::export::{DiagramDrawing, ExportOptions, Format, Paper, PdfPrinter};
use deployplan::progress::{Progress, Task};
use deployplan::review::{Decision, PlanReview};
use std::sync::Arc;
use std::time::SystemTime;
use tauri::{AppHandle, Runtime, State, WebviewWindow};

type Result<T> = std::result::Result<T, CommandError>;

impl Session {
    /// The plan for `answers` prepared for review.
    pub fn review(&self, answers: &Answers) -> Result<PlanReview> {
        self.with_project(|opened| Ok(opened.review(answers)?))
    }

    /// The plan for `answers` exported in `format`, with the diagrams the
    /// window drew and PDF printed by `printer` (the app's own web engine).
    pub fn export(
        &self,
        answers: &Answers,
        format: Format,
        paper: Paper,
        progress: Progress,
        drawn: Vec<DrawnDiagram>,
        printer: PdfPrinter,
    ) -> Result<Vec<u8>> {
        let mut options = ExportOptions::titled("");
        options.paper = paper;
        options.progress = progress;
        options.drawing =
            DiagramDrawing::Given(drawn.into_iter().map(DrawnDiagram::into_pair).collect());
        options.printer = Some(printer);
        self.with_project(|opened| Ok(opened.export_answers(answers, format, options)?))
    }
}

/// One diagram as the window drew it with its own Mermaid: its source and
/// the SVG, or why it could not be drawn. The core embeds an SVG only if it
/// is inert (no script, no handler, no network reference).
#[derive(Debug, Clone, serde::Deserialize, ts_rs::TS)]
#[ts(export, export_to = "../../ui/src/lib/bindings/")]
pub struct DrawnDiagram {
    /// The Mermaid source, as in the plan's code block.
    pub source: String,
    /// The drawing.
    pub svg: Option<String>,
    /// Why there is no drawing.
    pub error: Option<String>,
}

impl DrawnDiagram {
    fn into_pair(self) -> (String, deployplan::export::html::DrawnDiagram) {
        let drawn = match (self.svg, self.error) {
            (Some(svg), _) => Ok(svg),
            (None, error) => Err(error.unwrap_or_else(|| "the window did not draw it".into())),
        };
        (self.source, drawn)
    }
}

/// The plan for the current answers, prepared for review.
#[tauri::command]
pub async fn review_plan(session: State<'_, Arc<Session>>, answers: Answers) -> Result<PlanReview> {
    let session = Arc::clone(&session);
    crate::commands::blocking(move || session.review(&answers)).await
}

/// Adds a comment to a section (by its step id); returns the review again.
#[tauri::command]
pub async fn add_review_comment(
    session: State<'_, Arc<Session>>,
    answers: Answers,
    step_id: String,
    author: String,
    text: String,
) -> Result<PlanReview> {
    let session = Arc::clone(&session);
    crate::commands::blocking(move || {
        session.with_project(|opened| {
            Ok(opened.comment(&answers, &step_id, &author, &text, SystemTime::now())?)
        })
    })
    .await
}

/// Records a reviewer's Approve / Request changes on a section (by its step
/// id) as it is now; returns the review again.
#[tauri::command]
pub async fn sign_off_section(
    session: State<'_, Arc<Session>>,
    answers: Answers,
    step_id: String,
    reviewer: String,
    decision: Decision,
) -> Result<PlanReview> {
    let session = Arc::clone(&session);
    crate::commands::blocking(move || {
        session.with_project(|opened| {
            Ok(opened.sign_off(&answers, &step_id, &reviewer, decision, SystemTime::now())?)
        })
    })
    .await
}

/// Exports the plan for the answers: asks where (the native save dialog) and
/// writes the file there atomically. Returns the path, `null` if cancelled.
/// `diagrams` are the plan's diagrams as the window drew them (its own
/// Mermaid); PDF is printed by the app's web engine, so nothing but the app
/// is needed. Errors: `export_failed`, `write_failed`.
/// Progress goes out as `progress` events; `cancel_task("export")` stops it
/// with `cancelled` and nothing is written.
// Each argument is one named field of the IPC call (four are Tauri's handles).
#[allow(clippy::too_many_arguments)]
#[tauri::command]
pub async fn export_plan_as<R: Runtime>(
    app: AppHandle<R>,
    window: WebviewWindow<R>,
    session: State<'_, Arc<Session>>,
    tasks: State<'_, Tasks>,
    answers: Answers,
    format: Format,
    paper: Option<Paper>,
    diagrams: Option<Vec<DrawnDiagram>>,
) -> Result<Option<String>> {
    let Some(path) = crate::dialogs::ask(&app, window, Dialog::Export(format)).await? else {
        return Ok(None);
    };
    let session = Arc::clone(&session);
    let printing = app.clone();
    let printer: PdfPrinter = Arc::new(move |page, paper, progress| {
        #[cfg(feature = "e2e")]
        slow_print_for_tests(progress)?;
        crate::print::print_on_main_thread(&printing, page, paper, progress)
    });
    tasks
        .run(Task::Export, &app, move |progress| {
            let bytes = session.export(
                &answers,
                format,
                paper.unwrap_or_default(),
                progress,
                diagrams.unwrap_or_default(),
                printer,
            )?;
            deployplan::write::write_atomic(&path, &bytes)?;
            Ok(Some(path.display().to_string()))
        })
        .await
}

/// Test hook (e2e builds only): `DEPLOYPLAN_E2E_SLOW_PRINT_MS` holds the
/// print back that long, still cancellable, so a test can watch the export's
/// progress and cancel it (the release build's print takes about a second).
#[cfg(feature = "e2e")]
fn slow_print_for_tests(progress: &Progress) -> deployplan::Result<()> {
    use std::time::{Duration, Instant};
    let Some(ms) = std::env::var("DEPLOYPLAN_E2E_SLOW_PRINT_MS")
        .ok()
        .and_then(|value| value.parse::<u64>().ok())
    else {
        return Ok(());
    };
    let until = Instant::now() + Duration::from_millis(ms);
    while Instant::now() < until {
        progress.check(deployplan::export::CANCELLED_WHAT)?;
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(())
}
