//! Exporting the plan for people who will not open DeployPlan: Markdown as
//! written, a standalone HTML file (one file, styles inlined, every diagram as
//! inline SVG, no network references, prints well) and PDF (A4 or Letter, with
//! page numbers).
//!
//! Export takes the plan's Markdown and returns bytes; writing them is the
//! caller's job ([`crate::write::write_atomic`]). How diagrams are drawn and
//! how the PDF is printed is chosen by the caller ([`DiagramDrawing`],
//! [`ExportOptions::printer`]), so that nothing but the installed package is
//! needed:
//!
//! - the app draws each diagram with the Mermaid its own webview bundles and
//!   hands the SVGs over ([`DiagramDrawing::Given`]), and prints the page with
//!   its own web engine (WebKitGTK), page numbers added here ([`pdf`]);
//! - the command line, with no display, keeps each diagram's Mermaid source
//!   with a note ([`DiagramDrawing::Source`]);
//! - headless Chromium ([`chromium`]) stays as an optional fallback for the
//!   command line: it draws with the bundled Mermaid and prints PDF.

pub mod chromium;
pub mod html;
pub mod pdf;

use crate::error::{Error, Result};
use crate::progress::{Progress, ProgressStep, Stage};
use std::path::{Path, PathBuf};

/// What a cancelled export says was stopped.
pub(crate) const CANCELLED: &str = CANCELLED_WHAT;

/// What a cancelled export says was stopped (for printers outside this crate).
pub const CANCELLED_WHAT: &str = "exporting";

/// The file formats a plan can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export, export_to = "../ui/src/lib/bindings/", rename = "ExportFormat")]
pub enum Format {
    /// The plan's Markdown, unchanged.
    Markdown,
    /// One standalone HTML file.
    Html,
    /// A PDF printed from the standalone HTML.
    Pdf,
}

impl Format {
    /// Parses `md`, `markdown`, `html` or `pdf`.
    pub fn parse(text: &str) -> Option<Format> {
        match text.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }
}

/// Paper sizes for printing and PDF.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "lowercase")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum Paper {
    /// ISO A4 (210 × 297 mm).
    #[default]
    A4,
    /// US Letter (8.5 × 11 in).
    Letter,
}

impl Paper {
    /// Parses `a4` or `letter`.
    pub fn parse(text: &str) -> Option<Paper> {
        match text.to_ascii_lowercase().as_str() {
            "a4" => Some(Paper::A4),
            "letter" => Some(Paper::Letter),
            _ => None,
        }
    }

    /// The CSS `@page` size keyword.
    pub fn css_size(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }
}

/// How the diagrams of an HTML or PDF export are drawn.
#[derive(Debug, Clone, Default)]
pub enum DiagramDrawing {
    /// Already drawn by the caller (the app's own Mermaid), as (Mermaid
    /// source, SVG or why not) pairs; a diagram whose source is not among
    /// them keeps its source with a note.
    Given(Vec<(String, html::DrawnDiagram)>),
    /// Not drawn: each diagram keeps its Mermaid source, with a note saying
    /// how to get the picture. Needs nothing installed.
    #[default]
    Source,
    /// Drawn by the bundled Mermaid in headless Chromium (optional fallback).
    Chromium,
}

/// Prints a standalone page to PDF: `(page, paper, progress)` → PDF bytes.
/// The app passes its own web engine's print; page numbers are added after.
pub type PdfPrinter =
    std::sync::Arc<dyn Fn(&str, Paper, &Progress) -> Result<Vec<u8>> + Send + Sync>;

/// What an export needs besides the Markdown.
#[derive(Clone)]
pub struct ExportOptions {
    /// The document's title (the HTML `<title>`).
    pub title: String,
    /// Paper size for the print styles and the PDF.
    pub paper: Paper,
    /// The Chromium binary; `None` looks for it ([`chromium::find_chromium`]).
    pub chromium: Option<PathBuf>,
    /// The bundled `mermaid.min.js`; `None` looks for it ([`find_mermaid_js`]).
    pub mermaid_js: Option<PathBuf>,
    /// Where the stages are reported; cancelling stops Chromium at once.
    pub progress: Progress,
    /// How diagrams are drawn (default: kept as source, nothing needed).
    pub drawing: DiagramDrawing,
    /// The PDF printer; `None` prints with Chromium.
    pub printer: Option<PdfPrinter>,
}

impl std::fmt::Debug for ExportOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportOptions")
            .field("title", &self.title)
            .field("paper", &self.paper)
            .field("chromium", &self.chromium)
            .field("drawing", &self.drawing)
            .field("printer", &self.printer.as_ref().map(|_| "given"))
            .finish()
    }
}

impl ExportOptions {
    /// Options with a title and everything else default.
    pub fn titled(title: &str) -> ExportOptions {
        ExportOptions {
            title: title.to_string(),
            paper: Paper::A4,
            chromium: None,
            mermaid_js: None,
            progress: Progress::silent(),
            drawing: DiagramDrawing::Source,
            printer: None,
        }
    }
}

/// Exports `markdown` in `format`: a plan from disk, perhaps edited by
/// hand, whose contents are read from its HTML (a plan rendered from the
/// answers goes through [`export_rendered`]).
///
/// Errors: [`Error::ChromiumMissing`] when Chromium is asked to draw or (with
/// no [`ExportOptions::printer`]) to print and is not installed;
/// [`Error::Export`] when Mermaid cannot be found or printing fails.
pub fn export_plan(markdown: &str, format: Format, options: &ExportOptions) -> Result<Vec<u8>> {
    export_from(markdown, None, format, options)
}

/// Exports a plan DeployPlan rendered, reading its table of contents and
/// glossary from its structure instead of from its text.
///
/// Errors: as [`export_plan`].
pub fn export_rendered(
    plan: &crate::render::RenderedPlan,
    format: Format,
    options: &ExportOptions,
) -> Result<Vec<u8>> {
    export_from(&plan.markdown, Some(plan), format, options)
}

fn export_from(
    markdown: &str,
    rendered: Option<&crate::render::RenderedPlan>,
    format: Format,
    options: &ExportOptions,
) -> Result<Vec<u8>> {
    let export_html =
        |markdown: &str, options: &ExportOptions| export_html_with(markdown, rendered, options);
    match format {
        Format::Markdown => Ok(markdown.as_bytes().to_vec()),
        Format::Html => Ok(export_html(markdown, options)?.into_bytes()),
        Format::Pdf => match &options.printer {
            Some(printer) => {
                let page = export_html(markdown, options)?;
                options.progress.check(CANCELLED)?;
                options
                    .progress
                    .report(ProgressStep::stage(Stage::PrintingPdf));
                let printed = printer(&page, options.paper, &options.progress)?;
                options.progress.check(CANCELLED)?;
                pdf::number_pages(&printed)
            }
            None => {
                // Say "PDF export needs Chromium" before anything else needs it.
                chromium::require_chromium(options, "PDF export")?;
                let page = export_html(markdown, options)?;
                chromium::print_to_pdf(&page, options)
            }
        },
    }
}

/// The standalone HTML of `markdown`, with every Mermaid diagram drawn as
/// inline SVG.
///
/// Errors: as [`export_plan`]; a plan without diagrams needs no Chromium.
pub fn export_html(markdown: &str, options: &ExportOptions) -> Result<String> {
    export_html_with(markdown, None, options)
}

/// [`export_html`], with the contents from `rendered` when the Markdown is
/// that rendered plan's.
fn export_html_with(
    markdown: &str,
    rendered: Option<&crate::render::RenderedPlan>,
    options: &ExportOptions,
) -> Result<String> {
    options.progress.check(CANCELLED)?;
    options
        .progress
        .report(ProgressStep::stage(Stage::Rendering));
    let body = crate::markdown::render_html(markdown);
    let sources = html::mermaid_sources(&body);
    let drawn = match &options.drawing {
        _ if sources.is_empty() => Vec::new(),
        DiagramDrawing::Chromium => chromium::draw_diagrams(&sources, options)?,
        DiagramDrawing::Given(given) => sources
            .iter()
            .map(|source| {
                given
                    .iter()
                    .find(|(drawn_source, _)| same_source(drawn_source, source))
                    .map(|(_, drawn)| drawn.clone())
                    .unwrap_or_else(|| Err(NOT_DRAWN_BY_APP.to_string()))
            })
            .collect(),
        DiagramDrawing::Source => sources
            .iter()
            .map(|_| Err(html::KEPT_AS_SOURCE.to_string()))
            .collect(),
    };
    let contents = match rendered {
        Some(plan) => html::Contents::of_rendered(plan),
        None => html::Contents::of_html(&body),
    };
    Ok(html::standalone_page_with(
        &body, &contents, &drawn, options,
    ))
}

/// Why a diagram the app did not hand over is shown as its source.
const NOT_DRAWN_BY_APP: &str = "the app did not draw it";

/// Whether two Mermaid sources are the same diagram (line ends and trailing
/// blanks aside: the webview reads the block's text back from the DOM).
fn same_source(a: &str, b: &str) -> bool {
    a.trim_end()
        .lines()
        .map(str::trim_end)
        .eq(b.trim_end().lines().map(str::trim_end))
}

/// Where the bundled Mermaid is: `$DEPLOYPLAN_MERMAID_JS`, else the UI's
/// `node_modules` copy this crate was built beside, else `mermaid.min.js`
/// next to the running program or in `../share/deployplan/` beside it (the .deb).
///
/// Errors: [`Error::Export`] naming the places looked at.
pub fn find_mermaid_js() -> Result<PathBuf> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(path) = std::env::var_os("DEPLOYPLAN_MERMAID_JS") {
        candidates.push(PathBuf::from(path));
    }
    candidates.push(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/node_modules/mermaid/dist/mermaid.min.js"),
    );
    if let Some(folder) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
    {
        candidates.push(folder.join("mermaid.min.js"));
        // Installed from the .deb: /usr/bin/../share/deployplan/mermaid.min.js.
        candidates.push(folder.join("../share/deployplan/mermaid.min.js"));
    }
    candidates
        .iter()
        .find(|path| path.is_file())
        .cloned()
        .ok_or_else(|| Error::Export {
            message: format!(
                "the bundled Mermaid (mermaid.min.js) is missing; run 'npm ci' in ui/ or set DEPLOYPLAN_MERMAID_JS (looked at {})",
                candidates
                    .iter()
                    .map(|path| path.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_papers_parse_from_their_cli_names() {
        assert_eq!(Format::parse("md"), Some(Format::Markdown));
        assert_eq!(Format::parse("HTML"), Some(Format::Html));
        assert_eq!(Format::parse("pdf"), Some(Format::Pdf));
        assert_eq!(Format::parse("docx"), None);
        assert_eq!(Paper::parse("Letter"), Some(Paper::Letter));
        assert_eq!(Paper::parse("a5"), None);
    }

    #[test]
    fn markdown_export_is_the_plan_unchanged() {
        let plan = "# Plan\n\n<script>alert(1)</script>\n";
        let bytes = export_plan(plan, Format::Markdown, &ExportOptions::titled("x")).unwrap();
        assert_eq!(bytes, plan.as_bytes());
    }
}
