//! Exporting the plan for people who will not open DeployPlan: Markdown as
//! written, a standalone HTML file (one file, styles inlined, every diagram as
//! inline SVG, no network references, prints well) and PDF (A4 or Letter, with
//! page numbers).
//!
//! Export takes the plan's Markdown and returns bytes; writing them is the
//! caller's job ([`crate::write::write_atomic`]). Diagrams are drawn by the
//! same Mermaid the app bundles, run once in headless Chromium
//! ([`chromium`]); PDF is Chromium's print of the standalone HTML. So the
//! export looks like the app's preview, and a diagram that the app draws the
//! export draws too.

pub mod chromium;
pub mod html;

use crate::error::{Error, Result};
use crate::progress::{Progress, ProgressStep, Stage};
use std::path::{Path, PathBuf};

/// What a cancelled export says was stopped.
pub(crate) const CANCELLED: &str = "exporting";

/// The file formats a plan can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
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

/// What an export needs besides the Markdown.
#[derive(Debug, Clone)]
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
        }
    }
}

/// Exports `markdown` (a rendered plan) in `format`.
///
/// Errors: [`Error::ChromiumMissing`] when HTML with diagrams or a PDF is
/// asked for and Chromium is not installed; [`Error::Export`] when Mermaid
/// cannot be found or Chromium fails.
pub fn export_plan(markdown: &str, format: Format, options: &ExportOptions) -> Result<Vec<u8>> {
    match format {
        Format::Markdown => Ok(markdown.as_bytes().to_vec()),
        Format::Html => Ok(export_html(markdown, options)?.into_bytes()),
        Format::Pdf => {
            // Say "PDF export needs Chromium" before anything else needs it.
            chromium::require_chromium(options, "PDF export")?;
            let page = export_html(markdown, options)?;
            chromium::print_to_pdf(&page, options)
        }
    }
}

/// The standalone HTML of `markdown`, with every Mermaid diagram drawn as
/// inline SVG.
///
/// Errors: as [`export_plan`]; a plan without diagrams needs no Chromium.
pub fn export_html(markdown: &str, options: &ExportOptions) -> Result<String> {
    options.progress.check(CANCELLED)?;
    options
        .progress
        .report(ProgressStep::stage(Stage::Rendering));
    let body = crate::markdown::render_html(markdown);
    let sources = html::mermaid_sources(&body);
    let svgs = if sources.is_empty() {
        Vec::new()
    } else {
        chromium::draw_diagrams(&sources, options)?
    };
    Ok(html::standalone_page(&body, &svgs, options))
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
