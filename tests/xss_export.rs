//! The standalone HTML export is inert too: a plan full of the XSS corpus
//! (including Mermaid click callbacks) is exported, then (1) parsed — no
//! script element, no event handler, no `javascript:` URL — and (2) loaded in
//! headless Chromium, where a payload that ran would have marked the DOM.
//! Needs Chromium and the UI's Mermaid (as the export does); without
//! Chromium the export itself refuses (`chromium_missing`) and this test says
//! so. See SECURITY.md.

use deployplan::export::{export_html, ExportOptions};
use regex::Regex;
use std::process::Command;

/// Payloads that, if they ran, mark the DOM so `--dump-dom` can see it.
const PLAN: &str = r#"# Deployment Plan <script>document.body.setAttribute('data-xss','script')</script>

## 0. Introduction & Goals <img src=x onerror="document.body.setAttribute('data-xss','img')">

Purpose: <svg onload="document.body.setAttribute('data-xss','svg')"></svg>
[terms](javascript:document.body.setAttribute('data-xss','link'))
<iframe srcdoc="<script>parent.document.body.setAttribute('data-xss','iframe')</script>"></iframe>

| Stage | Owner <img src=x onerror="document.body.setAttribute('data-xss','table')"> |
|---|---|
| build <script>document.body.setAttribute('data-xss','cell')</script> | ops |

```mermaid
graph TD
  A[Start] --> B["<img src=x onerror=document.body.setAttribute('data-xss','label')>"]
  click A call alert()
  click B href "javascript:document.body.setAttribute('data-xss','click')"
```
"#;

fn live_markup(html: &str) -> Vec<String> {
    let tag = Regex::new(r"<([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>])*)>").unwrap();
    let handler = Regex::new(r#"(?i)(^|[\s"'/])on[a-z]+\s*="#).unwrap();
    let script_url =
        Regex::new(r#"(?i)(href|src|action)\s*=\s*["']?\s*(javascript|vbscript|data:text)"#)
            .unwrap();
    let mut found = Vec::new();
    for captures in tag.captures_iter(html) {
        let (name, attributes) = (captures[1].to_lowercase(), &captures[2]);
        if matches!(
            name.as_str(),
            "script" | "iframe" | "object" | "embed" | "base" | "form"
        ) {
            found.push(format!("<{name}>"));
        }
        if name == "meta" && attributes.to_lowercase().contains("refresh") {
            found.push("<meta refresh>".into());
        }
        if handler.is_match(attributes) {
            found.push(format!("handler on <{name}{attributes}>"));
        }
        if script_url.is_match(attributes) {
            found.push(format!("script URL on <{name}{attributes}>"));
        }
    }
    found
}

#[test]
fn the_live_markup_check_itself_finds_script() {
    assert!(!live_markup("<p onclick=\"x\">a</p>").is_empty());
    assert!(!live_markup("<svg><script>1</script></svg>").is_empty());
    assert!(!live_markup("<a href=\"javascript:1\">a</a>").is_empty());
    assert!(live_markup("<p>&lt;script&gt; onerror=x</p>").is_empty());
}

#[test]
fn the_exported_html_runs_nothing_from_the_plan() {
    // Diagrams drawn (the path that puts SVG into the page), so the SVG is
    // checked too; scripts/test-all.sh installs Chromium.
    let options = ExportOptions {
        drawing: deployplan::export::DiagramDrawing::Chromium,
        ..ExportOptions::titled("<script>alert(1)</script>")
    };
    let page = match export_html(PLAN, &options) {
        Ok(page) => page,
        Err(error) => panic!("the export failed: {error}"),
    };
    assert_eq!(
        live_markup(&page),
        Vec::<String>::new(),
        "live markup in the export"
    );
    assert!(
        page.contains("Content-Security-Policy"),
        "the page carries its own CSP"
    );
    assert!(page.contains("<svg"), "the Mermaid diagram was drawn");

    // Loaded in a real browser engine: nothing marked the DOM.
    let chromium = deployplan::export::chromium::find_chromium().expect(
        "this test needs Chromium (apt-get install chromium); scripts/test-all.sh installs it",
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.html");
    std::fs::write(&file, &page).unwrap();
    let output = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--virtual-time-budget=2000",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg("--dump-dom")
        .arg(format!("file://{}", file.display()))
        .output()
        .expect("Chromium runs");
    let dom = String::from_utf8_lossy(&output.stdout);
    assert!(
        dom.contains("<main>"),
        "Chromium rendered the page: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The payloads are in the page as text; only a run one sets the attribute.
    assert!(dom.contains("data-xss"), "the payloads are shown as text");
    let marked = Regex::new(r"<body[^>]*\sdata-xss=").unwrap();
    assert!(!marked.is_match(&dom), "a payload ran in the exported page");
}
