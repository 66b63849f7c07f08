//! Documents we did not write are rendered inert: the XSS corpus through
//! `render_html`, and through the whole pipeline (documents → facts →
//! suggested answers → plan → HTML). The end-to-end twin is
//! tests/e2e/xss.test.mjs. See SECURITY.md.

use deployplan::answers::Value;
use deployplan::markdown::render_html;
use regex::Regex;
use std::path::Path;

/// Markdown that tries to run script in every way we know of.
const CORPUS: &[&str] = &[
    "<script>window.__xss=1</script>",
    "# Heading <script>window.__xss=1</script>",
    "## <img src=x onerror=\"window.__xss=1\">",
    "- As a user <img src=x onerror=\"window.__xss=1\"> I can pay",
    "<svg onload=window.__xss=1>",
    "<svg><script>window.__xss=1</script></svg>",
    "<iframe src=\"javascript:window.__xss=1\"></iframe>",
    "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>",
    "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
    "<a href=\"javascript:window.__xss=1\">raw link</a>",
    "<details open ontoggle=window.__xss=1>",
    "<style>@import 'https://evil.example/x.css'</style>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__xss=1\">",
    "<base href=\"https://evil.example/\">",
    "<form action=\"https://evil.example\"><button>go</button></form>",
    "[x](javascript:window.__xss=1)",
    "[x](JavaScript:window.__xss=1)",
    "[x](java\tscript:window.__xss=1)",
    "[x](&#106;avascript:window.__xss=1)",
    "[x](vbscript:msgbox)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](file:///etc/passwd)",
    "![x](javascript:window.__xss=1)",
    "![x](data:image/svg+xml,<svg onload=alert(1)>)",
    "<javascript:window.__xss=1>",
    "[x](https://example.com \"title\" onmouseover=\"alert(1)\")",
    "[x](https://example.com\"onmouseover=\"alert(1))",
    "| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | <script>alert(1)</script> |",
    "| [x](javascript:alert(1)) | `<b>` |",
    "```mermaid\ngraph TD\n  A-->B\n  click A call alert()\n  click B href \"javascript:alert(1)\"\n```",
    "```html\n<script>alert(1)</script>\n```",
    "<!-- <script>alert(1)</script> -->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "**bold <script>alert(1)</script>**",
    "[^1]\n\n[^1]: <img src=x onerror=alert(1)>",
    "- [ ] <input onfocus=alert(1) autofocus>",
    "~~<math><mtext><script>alert(1)</script></mtext></math>~~",
    "---\ntitle: <script>alert(1)</script>\n---\n# Doc",
];

/// Every real (unescaped) tag in `html`, as `(name, attributes)`.
fn tags(html: &str) -> Vec<(String, String)> {
    let tag = Regex::new(r"<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>").unwrap();
    tag.captures_iter(html)
        .map(|c| (c[1].to_lowercase(), c[2].to_string()))
        .collect()
}

/// Why `html` could run script or leave the app, if it could.
fn danger(html: &str) -> Option<String> {
    let allowed = [
        "a",
        "blockquote",
        "br",
        "code",
        "del",
        "em",
        "img",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "input",
        "li",
        "ol",
        "p",
        "pre",
        "section",
        "strong",
        "sup",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ];
    let attribute = Regex::new(r#"([a-zA-Z-]+)\s*=\s*"([^"]*)""#).unwrap();
    for (name, attributes) in tags(html) {
        if !allowed.contains(&name.as_str()) {
            return Some(format!("element <{name}>"));
        }
        let without_values = attribute.replace_all(&attributes, "");
        if without_values.contains('=') {
            return Some(format!("unquoted attribute in <{name}{attributes}>"));
        }
        for pair in attribute.captures_iter(&attributes) {
            let (key, value) = (pair[1].to_lowercase(), pair[2].to_lowercase());
            if key.starts_with("on") || key == "style" || key == "srcdoc" {
                return Some(format!("attribute {key} on <{name}>"));
            }
            if matches!(key.as_str(), "href" | "src" | "action" | "formaction") {
                let value = value.trim();
                let safe = value.is_empty()
                    || value.starts_with('#')
                    || value.starts_with("https://")
                    || value.starts_with("http://")
                    || value.starts_with("mailto:")
                    // Bitmap images only (an SVG could carry script).
                    || (name == "img"
                        && key == "src"
                        && ["png", "gif", "jpeg", "webp"]
                            .iter()
                            .any(|kind| value.starts_with(&format!("data:image/{kind}"))));
                if !safe {
                    return Some(format!("{key}=\"{value}\" on <{name}>"));
                }
            }
        }
    }
    None
}

#[test]
fn the_danger_check_itself_sees_script_and_handlers() {
    assert!(danger("<p>ok <a href=\"https://example.com\">x</a></p>").is_none());
    assert!(danger("<script>1</script>").is_some());
    assert!(danger("<img src=x onerror=alert(1)>").is_some());
    assert!(danger("<a href=\"javascript:alert(1)\">x</a>").is_some());
    assert!(danger("<p onclick=\"x\">x</p>").is_some());
    // Escaped text is not markup.
    assert!(danger("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>").is_none());
}

#[test]
fn every_payload_of_the_xss_corpus_renders_as_inert_text() {
    for payload in CORPUS {
        let html = render_html(payload);
        assert_eq!(
            danger(&html),
            None,
            "payload {payload:?} rendered as {html}"
        );
    }
    let all = render_html(&CORPUS.join("\n\n"));
    assert_eq!(danger(&all), None, "the whole corpus rendered as {all}");
}

#[test]
fn escaped_payloads_stay_visible_to_the_reader() {
    let html = render_html("# Heading <script>window.__xss=1</script>");
    assert!(
        html.contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"),
        "{html}"
    );
    let html = render_html("[x](javascript:window.__xss=1)");
    assert!(
        html.contains("<a href=\"\">x</a>"),
        "the link is kept, without its target: {html}"
    );
    let html = render_html("| <img src=x onerror=alert(1)> |\n|---|\n| a |");
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
}

#[test]
fn mermaid_blocks_stay_code_for_the_ui_to_draw_strictly() {
    let html = render_html("```mermaid\ngraph TD\n  A-->B\n  click A call alert()\n```");
    assert!(html.contains("<pre lang=\"mermaid\"><code>") || html.contains("language-mermaid"));
    assert!(html.contains("click A call alert()"));
}

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn hostile_documents_and_answers_give_an_inert_plan() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let sample = deployplan::sample::sample_project_dir();
    for entry in std::fs::read_dir(sample.join("project_docs")).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("deploymentPlan") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        write(root, &format!("project_docs/{name}"), &text);
    }
    let payloads = CORPUS.join("\n\n");
    // Planted where facts are read from: the stories, the stack, a heading,
    // and a file whose name is markup.
    let stories = std::fs::read_to_string(root.join("project_docs/userStories.md")).unwrap();
    write(
        root,
        "project_docs/userStories.md",
        &stories.replacen(
            "\n## ",
            "\n## MVP <script>window.__xss=1</script>\n\n- US-999: As a user <img src=x onerror=\"window.__xss=1\"> I can pay [x](javascript:window.__xss=1)\n\n## ",
            1,
        ),
    );
    let spec =
        std::fs::read_to_string(root.join("project_docs/technicalSpecification.md")).unwrap();
    write(
        root,
        "project_docs/technicalSpecification.md",
        &format!("{spec}\n\n## Tech Stack <svg onload=window.__xss=1>\n\n**CI/CD:** GitHub Actions <img src=x onerror=alert(1)>\n\n{payloads}\n"),
    );
    write(
        root,
        "<svg onload=window.__xss=1>.md",
        &format!("# <script>alert(1)</script>\n\n{payloads}\n"),
    );

    let mut opened = deployplan::session::open_for_editing(root).unwrap();
    assert!(
        opened
            .project
            .documents
            .iter()
            .any(|d| d.document.path.contains("<svg")),
        "the file with a markup name is one of the documents"
    );
    let hostile =
        " <script>window.__xss=1</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>";
    for answer in opened.answers.values.values_mut() {
        match &mut answer.value {
            Value::Text(text) => text.push_str(hostile),
            Value::List(items) => items.push(hostile.to_string()),
            Value::Table(rows) => {
                for row in rows {
                    for cell in row {
                        cell.push_str(hostile);
                    }
                }
            }
        }
    }
    let markdown = deployplan::save::plan_markdown(&opened.project, &opened.answers);
    assert!(
        markdown.contains("<script>window.__xss=1</script>"),
        "the payload reached the plan"
    );
    let html = render_html(&markdown);
    assert_eq!(danger(&html), None);
    assert!(html.contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"));
}
