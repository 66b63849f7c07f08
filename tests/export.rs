//! Export of the sample plan to standalone HTML and PDF. The first tests need
//! nothing installed: diagrams drawn by the caller (the app's webview) or kept
//! as source, PDF printed by a printer the caller gives (the app's WebKit).
//! The rest go through headless Chromium, the optional fallback of the command
//! line; they need Chromium (and poppler-utils for reading the PDF back); when
//! either is missing they FAIL and say what to install: the CI installs both
//! (scripts/lib.sh).

use deployplan::answers::suggest_answers;
use deployplan::export::chromium::find_chromium;
use deployplan::export::{export_plan, DiagramDrawing, ExportOptions, Format, Paper};
use deployplan::plan::steps;
use deployplan::save::plan_markdown;
use deployplan::Project;
use regex::Regex;
use std::path::PathBuf;
use std::process::Command;

fn sample_plan() -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/sample-project");
    let project = Project::open(&dir).expect("the sample project opens");
    plan_markdown(&project, &suggest_answers(&project))
}

fn require_chromium() {
    assert!(
        find_chromium().is_some(),
        "these tests need Chromium: apt-get install chromium (or set DEPLOYPLAN_CHROMIUM)"
    );
}

fn options(paper: Paper) -> ExportOptions {
    let mut options = ExportOptions::titled("Deployment plan — Harbor Pantry");
    options.paper = paper;
    options.drawing = DiagramDrawing::Chromium;
    options
}

fn mermaid_sources(plan: &str) -> Vec<String> {
    deployplan::export::html::mermaid_sources(&deployplan::markdown::render_html(plan))
}

#[test]
fn diagrams_drawn_by_the_app_are_inlined_with_no_browser_at_all() {
    let plan = sample_plan();
    let sources = mermaid_sources(&plan);
    assert!(sources.len() >= 6);
    // The webview reads the source back from the DOM: line ends may differ.
    let given = sources
        .iter()
        .enumerate()
        .map(|(i, source)| {
            (
                source.trim_end().to_string() + "\n\n",
                Ok(format!(
                    "<svg id=\"given-{i}\"><text>drawn {i}</text></svg>"
                )),
            )
        })
        .collect();
    let mut options = ExportOptions::titled("t");
    options.drawing = DiagramDrawing::Given(given);
    options.chromium = Some(PathBuf::from("/nonexistent/chromium"));
    let html = String::from_utf8(export_plan(&plan, Format::Html, &options).unwrap()).unwrap();
    for i in 0..sources.len() {
        assert!(
            html.contains(&format!("<svg id=\"given-{i}\">")),
            "diagram {i}"
        );
    }
    assert!(!html.contains("language-mermaid"));
    assert!(!html.to_lowercase().contains("<script"));

    // A diagram the app did not draw keeps its source and says so.
    options.drawing = DiagramDrawing::Given(vec![]);
    let html = String::from_utf8(export_plan(&plan, Format::Html, &options).unwrap()).unwrap();
    assert_eq!(
        html.matches("could not be drawn: the app did not draw it")
            .count(),
        sources.len()
    );
}

#[test]
fn html_with_nothing_installed_keeps_each_diagram_as_source_with_a_note() {
    let plan = sample_plan();
    let mut options = ExportOptions::titled("t");
    options.chromium = Some(PathBuf::from("/nonexistent/chromium"));
    let html = String::from_utf8(export_plan(&plan, Format::Html, &options).unwrap()).unwrap();
    assert_eq!(
        html.matches("diagram-source").count(),
        mermaid_sources(&plan).len() + 2, // each figure, and its two style rules
    );
    assert!(!html.contains("could not be drawn"));
    assert!(!html.to_lowercase().contains("<script"));
}

#[test]
fn a_pdf_is_printed_by_the_printer_given_and_its_failure_is_reported() {
    use std::sync::{Arc, Mutex};
    let seen = Arc::new(Mutex::new(None));
    let store = Arc::clone(&seen);
    let mut options = ExportOptions::titled("t");
    options.paper = Paper::Letter;
    options.chromium = Some(PathBuf::from("/nonexistent/chromium"));
    options.printer = Some(Arc::new(
        move |page: &str, paper, _: &deployplan::progress::Progress| {
            *store.lock().unwrap() = Some((page.to_string(), paper));
            Ok(b"not a pdf".to_vec())
        },
    ));
    let error = export_plan(&sample_plan(), Format::Pdf, &options).unwrap_err();
    assert!(
        error.to_string().contains("could not be numbered"),
        "{error}"
    );
    let (page, paper) = seen.lock().unwrap().take().expect("the printer was asked");
    assert_eq!(paper, Paper::Letter);
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("size: letter"));
}

/// Text after the hand-written end of a plan: everything a hostile document
/// or answer could try.
const HOSTILE: &str = "\n\n## Hostile\n\n<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n[click me](javascript:alert(1)) and <a href=\"https://evil.example/\">evil</a>\n\n<link rel=stylesheet href=https://evil.example/x.css>\n";

#[test]
fn the_html_export_is_one_file_with_an_svg_per_diagram_and_no_network_reference() {
    require_chromium();
    let plan = sample_plan() + HOSTILE;
    let diagrams = plan.matches("```mermaid").count();
    assert!(diagrams >= 6, "the sample plan has its diagrams");
    let html =
        String::from_utf8(export_plan(&plan, Format::Html, &options(Paper::A4)).unwrap()).unwrap();

    assert_eq!(
        html.matches("<svg").count(),
        diagrams,
        "one inline SVG per mermaid diagram"
    );
    assert!(!html.contains("could not be drawn"));
    assert!(!html.contains("language-mermaid"));
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "no script at all");
    assert!(!lower.contains("<link"), "no linked resources");
    assert!(!lower.contains("<img"), "no images");
    assert!(!lower.contains("href=\"javascript"), "no javascript: links");
    let external =
        Regex::new(r#"(?i)<[^>]*\s(?:src|href|xlink:href)\s*=\s*["']?\s*(?:https?:)?//"#).unwrap();
    assert!(
        external.find(&html).is_none(),
        "external reference: {:?}",
        external
            .find(&html)
            .map(|m| &html[m.start()..(m.end() + 60).min(html.len())])
    );
    let url = Regex::new(r#"(?i)url\(\s*["']?\s*(?:https?:)?//"#).unwrap();
    assert!(url.find(&html).is_none(), "no CSS url() to the network");
    assert!(
        html.contains("&lt;script&gt;alert("),
        "hostile text shown as text"
    );
    assert!(
        html.contains("default-src 'none'"),
        "a CSP forbids scripts and loads"
    );
    assert!(html.contains("size: A4"));
    for step in steps() {
        assert!(
            html.contains("<li><a href=\"#")
                && html.contains(&step.heading().replace('&', "&amp;")),
            "{} in the page",
            step.heading()
        );
    }
}

fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("reading the PDF back needs pdftotext: apt-get install poppler-utils");
    assert!(output.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn page_size(pdf: &[u8]) -> (f64, f64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo: apt-get install poppler-utils");
    let info = String::from_utf8_lossy(&output.stdout).into_owned();
    let size = Regex::new(r"Page size:\s+([\d.]+) x ([\d.]+) pts").unwrap();
    let captures = size.captures(&info).expect("pdfinfo reports the page size");
    (captures[1].parse().unwrap(), captures[2].parse().unwrap())
}

#[test]
fn the_pdf_export_has_every_section_heading_page_numbers_and_the_paper_asked_for() {
    require_chromium();
    let plan = sample_plan() + HOSTILE;
    let pdf = export_plan(&plan, Format::Pdf, &options(Paper::A4)).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let text = pdf_text(&pdf);
    for step in steps() {
        assert!(
            text.contains(&step.heading()),
            "{} in the PDF",
            step.heading()
        );
    }
    assert!(
        text.contains("<script>alert('x')</script>"),
        "hostile text printed as text"
    );
    let pages = text.matches('\u{c}').count();
    assert!(pages > 5, "{pages} pages");
    assert!(
        text.contains(&format!("1 / {pages}")),
        "page numbers on the pages"
    );
    let (width, height) = page_size(&pdf);
    assert!(
        (width - 595.0).abs() < 2.0 && (height - 842.0).abs() < 2.0,
        "A4: {width} x {height}"
    );

    let letter = export_plan(&plan, Format::Pdf, &options(Paper::Letter)).unwrap();
    let (width, height) = page_size(&letter);
    assert!(
        (width - 612.0).abs() < 2.0 && (height - 792.0).abs() < 2.0,
        "Letter: {width} x {height}"
    );
}

#[test]
fn the_cli_exports_html_without_a_display_or_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.html");
    let output = Command::new(env!("CARGO_BIN_EXE_deployplan"))
        .args(["export", "--format", "html", "--out"])
        .arg(&out)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("PATH", "/nonexistent")
        .env_remove("DEPLOYPLAN_CHROMIUM")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("diagram-source"));
}

#[test]
fn the_cli_draws_with_chromium_when_asked_without_a_display() {
    require_chromium();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.html");
    let output = Command::new(env!("CARGO_BIN_EXE_deployplan"))
        .args(["export", "--format", "html", "--chromium", "--out"])
        .arg(&out)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg"));

    let bad = Command::new(env!("CARGO_BIN_EXE_deployplan"))
        .args(["export", "--format", "docx", "--out"])
        .arg(dir.path().join("x"))
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("use md, html or pdf"));
}

#[test]
fn a_missing_chromium_is_a_clear_error() {
    // Point the lookup at nothing: DEPLOYPLAN_CHROMIUM naming a missing file.
    let output = Command::new(env!("CARGO_BIN_EXE_deployplan"))
        .args([
            "export",
            "--format",
            "pdf",
            "--out",
            "/nonexistent/plan.pdf",
        ])
        .env("DEPLOYPLAN_CHROMIUM", "/nonexistent/chromium")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("PDF export needs Chromium") && stderr.contains("apt-get install chromium"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn an_export_cancelled_while_chromium_draws_kills_it_and_says_cancelled() {
    use deployplan::progress::{Progress, Stage};
    use std::os::unix::fs::PermissionsExt;
    use std::sync::{Arc, Mutex, OnceLock};
    // A "Chromium" that never finishes: only a kill ends it before the
    // export's own timeout, which would be an `export_failed` error instead.
    let folder = tempfile::tempdir().unwrap();
    let chromium = folder.path().join("chromium");
    std::fs::write(&chromium, "#!/bin/sh\nexec sleep 600\n").unwrap();
    std::fs::set_permissions(&chromium, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mermaid = folder.path().join("mermaid.min.js");
    std::fs::write(&mermaid, "").unwrap();

    let slot = Arc::new(OnceLock::<Progress>::new());
    let stages = Arc::new(Mutex::new(Vec::new()));
    let (inner, seen) = (Arc::clone(&slot), Arc::clone(&stages));
    // Cancel as soon as Chromium is asked to draw, as a user pressing Cancel would.
    let progress = Progress::reporting(move |step| {
        seen.lock().unwrap().push(step.stage);
        if step.stage == Stage::DrawingDiagrams {
            let inner = Arc::clone(&inner);
            std::thread::spawn(move || {
                std::thread::sleep(std::time::Duration::from_millis(300));
                inner.get().unwrap().cancel();
            });
        }
    });
    slot.set(progress.clone()).unwrap();
    let mut options = options(Paper::A4);
    options.chromium = Some(chromium);
    options.mermaid_js = Some(mermaid);
    options.progress = progress;
    let error = export_plan(&sample_plan(), Format::Pdf, &options).unwrap_err();
    assert_eq!(error.code(), "cancelled", "{error}");
    assert_eq!(error.to_string(), "exporting was cancelled");
    assert_eq!(
        *stages.lock().unwrap(),
        vec![Stage::Rendering, Stage::DrawingDiagrams],
        "nothing is printed after the cancel"
    );
}

#[test]
fn an_uncancelled_pdf_export_reports_each_stage_in_order() {
    use deployplan::progress::{Progress, Stage};
    use std::sync::{Arc, Mutex};
    require_chromium();
    let stages = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&stages);
    let mut options = options(Paper::A4);
    options.progress = Progress::reporting(move |step| seen.lock().unwrap().push(step.stage));
    let pdf = export_plan(&sample_plan(), Format::Pdf, &options).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    assert_eq!(
        *stages.lock().unwrap(),
        vec![Stage::Rendering, Stage::DrawingDiagrams, Stage::PrintingPdf]
    );
}
