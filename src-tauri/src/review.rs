//! Review mode and export: the plan prepared for stakeholders, their comments
//! and sign-offs, and export to Markdown, HTML or PDF. Each command is a few
//! lines over `deployplan::review` and `deployplan::export`.

use crate::error::CommandError;
use crate::state::Session;
use crate::tasks::Tasks;
use deployplan::answers::Answers;
use deployplan::export::{export_plan, DiagramDrawing, ExportOptions, Format, Paper, PdfPrinter};
use deployplan::progress::{Progress, Task};
use deployplan::review::{self, Decision, PlanReview};
use deployplan::save::plan_markdown;
use std::path::PathBuf;
use std::sync::Arc;
use tauri::{AppHandle, Runtime, State, WebviewWindow};

type Result<T> = std::result::Result<T, CommandError>;

/// Now, as RFC 3339 in UTC (`2026-11-26T06:30:00Z`).
fn now() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    rfc3339(seconds)
}

/// Seconds since 1970 as an RFC 3339 UTC time (Howard Hinnant's civil-from-days).
fn rfc3339(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let rest = seconds % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    )
}

impl Session {
    /// The plan for `answers` prepared for review.
    pub fn review(&self, answers: &Answers) -> Result<PlanReview> {
        self.with_project(|opened| {
            let missing: Vec<String> = opened
                .view()
                .missing_roles
                .iter()
                .map(|role| format!("No {} document: {}", role.label, role.feeds))
                .collect();
            Ok(review::review_plan(&opened.project, answers, &missing)?)
        })
    }

    fn sections(&self, answers: &Answers) -> Result<(PathBuf, Vec<review::PlanSection>)> {
        self.with_project(|opened| {
            let markdown = plan_markdown(&opened.project, answers);
            Ok((
                opened.project.root.clone(),
                review::split_sections(&markdown),
            ))
        })
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
        let (markdown, name) = self.with_project(|opened| {
            Ok((
                plan_markdown(&opened.project, answers),
                opened.project.display_name(),
            ))
        })?;
        let mut options = ExportOptions::titled(&format!("Deployment plan — {name}"));
        options.paper = paper;
        options.progress = progress;
        options.drawing =
            DiagramDrawing::Given(drawn.into_iter().map(DrawnDiagram::into_pair).collect());
        options.printer = Some(printer);
        Ok(export_plan(&markdown, format, &options)?)
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

/// Adds a comment to a section; returns the review again.
#[tauri::command]
pub async fn add_review_comment(
    session: State<'_, Arc<Session>>,
    answers: Answers,
    heading: String,
    author: String,
    text: String,
) -> Result<PlanReview> {
    let session = Arc::clone(&session);
    crate::commands::blocking(move || {
        let (root, sections) = session.sections(&answers)?;
        review::add_comment(&root, &sections, &heading, &author, &text, &now())?;
        session.review(&answers)
    })
    .await
}

/// Records a reviewer's Approve / Request changes on a section as it is now.
#[tauri::command]
pub async fn sign_off_section(
    session: State<'_, Arc<Session>>,
    answers: Answers,
    heading: String,
    reviewer: String,
    decision: Decision,
) -> Result<PlanReview> {
    let session = Arc::clone(&session);
    crate::commands::blocking(move || {
        let (root, sections) = session.sections(&answers)?;
        review::sign_off(&root, &sections, &heading, &reviewer, decision, &now())?;
        session.review(&answers)
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
    let Some(path) = choose_export_path(app.clone(), window, format).await? else {
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

/// The native save dialog for an export, created on the main thread and
/// awaited here (as `pick_folder` does). The e2e build writes into
/// `DEPLOYPLAN_E2E_EXPORT_DIR` instead.
async fn choose_export_path<R: Runtime>(
    app: AppHandle<R>,
    window: WebviewWindow<R>,
    format: Format,
) -> Result<Option<PathBuf>> {
    let file_name = format!("deploymentPlan.{}", format.extension());
    #[cfg(feature = "e2e")]
    if let Some(folder) = std::env::var_os("DEPLOYPLAN_E2E_EXPORT_DIR") {
        return Ok(Some(PathBuf::from(folder).join(file_name)));
    }
    let (filter, extensions): (&str, &[&str]) = match format {
        Format::Markdown => ("Markdown", &["md"]),
        Format::Html => ("HTML", &["html", "htm"]),
        Format::Pdf => ("PDF", &["pdf"]),
    };
    let file = crate::commands::show_dialog(&app, move || {
        rfd::AsyncFileDialog::new()
            .set_title("Export the plan")
            .set_file_name(file_name)
            .add_filter(filter, extensions)
            .set_parent(&window)
            .save_file()
    })
    .await?;
    Ok(file.map(|handle| handle.path().to_path_buf()))
}

#[cfg(test)]
mod tests {
    use super::rfc3339;

    #[test]
    fn times_are_written_as_rfc3339_utc() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_795_156_200), "2026-11-20T06:30:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
    }
}
