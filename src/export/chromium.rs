//! Headless Chromium, for the two things Rust cannot do well alone: drawing
//! Mermaid diagrams with the real Mermaid (the copy the app bundles) and
//! printing HTML to PDF with page numbers. Each run gets a fresh temporary
//! folder and profile, loads only local files, and is stopped after a timeout.

use super::html::DrawnDiagram;
use super::{find_mermaid_js, ExportOptions, CANCELLED};
use crate::error::{Error, Result};
use crate::progress::{ProgressStep, Stage};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long one Chromium run may take.
const TIMEOUT: Duration = Duration::from_secs(90);

/// The Chromium to run: `$DEPLOYPLAN_CHROMIUM`, else the first of `chromium`,
/// `chromium-browser`, `google-chrome` on `PATH`.
pub fn find_chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("DEPLOYPLAN_CHROMIUM") {
        let path = PathBuf::from(path);
        return path.is_file().then_some(path);
    }
    let folders = std::env::var_os("PATH")?;
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|name| std::env::split_paths(&folders).map(move |folder| folder.join(name)))
    .find(|path| path.is_file())
}

/// The Chromium to use for `what` (e.g. "PDF export").
///
/// Errors: [`Error::ChromiumMissing`] naming `what` and how to install it.
pub fn require_chromium(options: &ExportOptions, what: &str) -> Result<PathBuf> {
    options
        .chromium
        .clone()
        .filter(|path| path.is_file())
        .or_else(find_chromium)
        .ok_or_else(|| Error::ChromiumMissing {
            what: what.to_string(),
        })
}

/// A temporary folder removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Result<Scratch> {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let path = std::env::temp_dir().join(format!(
            "deployplan-export-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(path.join("profile")).map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })?;
        Ok(Scratch(path))
    }

    fn write(&self, name: &str, contents: &[u8]) -> Result<PathBuf> {
        let path = self.0.join(name);
        std::fs::write(&path, contents).map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })?;
        Ok(path)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                url.push(byte as char)
            }
            _ => url.push_str(&format!("%{byte:02X}")),
        }
    }
    url
}

/// Runs Chromium headless on `page` with `extra` arguments; returns stdout.
/// Cancelling `options.progress` kills it within 50 ms.
fn run(
    binary: &Path,
    options: &ExportOptions,
    scratch: &Scratch,
    page: &Path,
    extra: &[String],
) -> Result<Vec<u8>> {
    options.progress.check(CANCELLED)?;
    let mut command = Command::new(binary);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            "--allow-file-access-from-files",
        ])
        .arg(format!(
            "--user-data-dir={}",
            scratch.0.join("profile").display()
        ))
        .args(extra)
        .arg(file_url(page))
        .stdin(Stdio::null())
        .stdout(Stdio::from(
            std::fs::File::create(scratch.0.join("stdout")).map_err(|source| Error::Write {
                path: scratch.0.join("stdout"),
                source,
            })?,
        ))
        .stderr(Stdio::from(
            std::fs::File::create(scratch.0.join("stderr")).map_err(|source| Error::Write {
                path: scratch.0.join("stderr"),
                source,
            })?,
        ));
    let failed = |message: String| Error::Export {
        message: format!("Chromium ({}) {message}", binary.display()),
    };
    let mut child = command
        .spawn()
        .map_err(|error| failed(format!("could not start: {error}")))?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if options.progress.is_cancelled() => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Error::Cancelled {
                    what: CANCELLED.to_string(),
                });
            }
            Ok(None) if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(failed(format!(
                    "did not finish within {} s",
                    TIMEOUT.as_secs()
                )));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(error) => return Err(failed(format!("could not be waited for: {error}"))),
        }
    };
    if !status.success() {
        let stderr = std::fs::read_to_string(scratch.0.join("stderr")).unwrap_or_default();
        let tail: String = stderr
            .lines()
            .rev()
            .take(5)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join("\n");
        return Err(failed(format!("failed ({status}): {tail}")));
    }
    std::fs::read(scratch.0.join("stdout")).map_err(|source| Error::Read {
        path: scratch.0.join("stdout"),
        source,
    })
}

/// The page that draws the diagrams: Mermaid loaded from a local copy, each
/// diagram rendered in turn, the results written into `<pre id="out">` as JSON.
fn drawing_page(sources: &[String]) -> String {
    let data = serde_json::to_string(sources)
        .unwrap_or_else(|_| "[]".into())
        .replace("</", "<\\/");
    format!(
        r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>diagrams</title>
<style>body {{ width: 760px; font-family: system-ui, sans-serif; }}</style></head>
<body><div id="stage"></div><pre id="out"></pre>
<script src="mermaid.js"></script>
<script>
const sources = {data};
(async () => {{
  const results = [];
  try {{
    mermaid.initialize({{ startOnLoad: false, securityLevel: "strict", theme: "default" }});
  }} catch (error) {{
    document.getElementById("out").textContent = "FAILED\t" + error;
    return;
  }}
  for (let i = 0; i < sources.length; i++) {{
    try {{
      const {{ svg }} = await mermaid.render("plan-diagram-" + (i + 1), sources[i], document.getElementById("stage"));
      results.push({{ svg }});
    }} catch (error) {{
      results.push({{ error: String((error && error.message) || error).slice(0, 300) }});
    }}
  }}
  document.getElementById("out").textContent = "DRAWN\t" + JSON.stringify(results);
}})();
</script></body></html>
"#
    )
}

/// Draws each Mermaid source as SVG with the bundled Mermaid.
///
/// Errors: [`Error::ChromiumMissing`]; [`Error::Export`] when Mermaid is
/// missing or the page did not finish.
pub fn draw_diagrams(sources: &[String], options: &ExportOptions) -> Result<Vec<DrawnDiagram>> {
    let binary = require_chromium(options, "Drawing the plan's diagrams (HTML and PDF export)")?;
    let mermaid = match &options.mermaid_js {
        Some(path) => path.clone(),
        None => find_mermaid_js()?,
    };
    options.progress.report(ProgressStep {
        stage: Stage::DrawingDiagrams,
        done: 0,
        total: u32::try_from(sources.len()).ok(),
        detail: None,
    });
    let scratch = Scratch::new()?;
    let script = std::fs::read(&mermaid).map_err(|source| Error::Read {
        path: mermaid.clone(),
        source,
    })?;
    scratch.write("mermaid.js", &script)?;
    let page = scratch.write("diagrams.html", drawing_page(sources).as_bytes())?;
    let dom = run(
        &binary,
        options,
        &scratch,
        &page,
        &["--virtual-time-budget=30000".into(), "--dump-dom".into()],
    )?;
    parse_drawn(&String::from_utf8_lossy(&dom), sources.len())
}

/// Reads the results out of the dumped page.
fn parse_drawn(dom: &str, expected: usize) -> Result<Vec<DrawnDiagram>> {
    let start = dom
        .find("<pre id=\"out\">")
        .map(|at| at + "<pre id=\"out\">".len());
    let text = start
        .and_then(|start| {
            dom[start..]
                .find("</pre>")
                .map(|end| &dom[start..start + end])
        })
        .map(|escaped| super::html::unescape(&escaped.replace("&nbsp;", "\u{a0}")))
        .unwrap_or_default();
    let Some(json) = text.strip_prefix("DRAWN\t") else {
        return Err(Error::Export {
            message: format!(
                "Mermaid did not draw the diagrams ({})",
                if text.is_empty() {
                    "the page did not finish"
                } else {
                    text.as_str()
                }
            ),
        });
    };
    #[derive(serde::Deserialize)]
    struct Drawn {
        svg: Option<String>,
        error: Option<String>,
    }
    let drawn: Vec<Drawn> = serde_json::from_str(json).map_err(|error| Error::Export {
        message: format!("unreadable diagram results: {error}"),
    })?;
    if drawn.len() != expected {
        return Err(Error::Export {
            message: format!("{} of {expected} diagrams came back", drawn.len()),
        });
    }
    Ok(drawn
        .into_iter()
        .map(|d| match d.svg {
            Some(svg) => Ok(svg),
            None => Err(d.error.unwrap_or_else(|| "unknown error".into())),
        })
        .collect())
}

/// Prints the standalone `page` to PDF (paper size from its `@page` rule,
/// page numbers in the bottom margin, no browser header or footer).
///
/// Errors: [`Error::ChromiumMissing`] ("PDF export needs Chromium: apt-get
/// install chromium"); [`Error::Export`] when printing fails.
pub fn print_to_pdf(page: &str, options: &ExportOptions) -> Result<Vec<u8>> {
    let binary = require_chromium(options, "PDF export")?;
    options.progress.check(CANCELLED)?;
    options
        .progress
        .report(ProgressStep::stage(Stage::PrintingPdf));
    let scratch = Scratch::new()?;
    let input = scratch.write("plan.html", page.as_bytes())?;
    let output = scratch.0.join("plan.pdf");
    run(
        &binary,
        options,
        &scratch,
        &input,
        &[
            "--no-pdf-header-footer".into(),
            "--virtual-time-budget=5000".into(),
            format!("--print-to-pdf={}", output.display()),
        ],
    )?;
    let bytes = std::fs::read(&output).map_err(|source| Error::Export {
        message: format!("Chromium wrote no PDF ({source})"),
    })?;
    if !bytes.starts_with(b"%PDF") {
        return Err(Error::Export {
            message: "Chromium's output is not a PDF".into(),
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_escape_what_is_not_a_plain_path_character() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/#x.html")),
            "file:///tmp/a%20b/%23x.html"
        );
    }

    #[test]
    fn drawn_results_are_read_back_from_the_dumped_page() {
        let dom = "<html><pre id=\"out\">DRAWN\t[{\"svg\":\"&lt;svg&gt;&amp;&lt;/svg&gt;\"},{\"error\":\"bad\"}]</pre></html>";
        let drawn = parse_drawn(dom, 2).unwrap();
        assert_eq!(drawn[0], Ok("<svg>&</svg>".to_string()));
        assert_eq!(drawn[1], Err("bad".to_string()));
        assert!(parse_drawn("<html><pre id=\"out\"></pre>", 1).is_err());
    }

    #[test]
    fn a_missing_chromium_is_named_with_how_to_install_it() {
        let error = Error::ChromiumMissing {
            what: "PDF export".into(),
        };
        assert!(error.to_string().starts_with(
            "PDF export needs Chromium, which was not found: apt-get install chromium"
        ));
    }
}
