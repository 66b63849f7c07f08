//! The standalone HTML page: the plan's HTML (from [`crate::markdown::render_html`],
//! raw HTML escaped, unsafe links dropped), a table of contents, MVP badges
//! styled, each Mermaid code block replaced by its drawn SVG, and the styles
//! inlined. A Content-Security-Policy forbids every script and every network
//! load, so even a mistake elsewhere cannot make the file run code.

use super::ExportOptions;
use crate::render::{MVP_BADGE, POST_MVP_BADGE};
use regex::Regex;
use std::fmt::Write as _;
use std::sync::OnceLock;

/// A drawn diagram, or why it could not be drawn.
pub type DrawnDiagram = std::result::Result<String, String>;

/// The reason given for a diagram the export did not draw on purpose (made
/// with nothing installed to draw it): its source is kept, with a note.
pub const KEPT_AS_SOURCE: &str = "kept as source";

fn mermaid_block() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r#"(?s)<pre(?: lang="mermaid")?><code(?: class="language-mermaid")?>(.*?)</code></pre>"#)
            .expect("valid pattern")
    })
}

fn is_mermaid_block(block: &str) -> bool {
    block.starts_with(r#"<pre lang="mermaid">"#)
        || block.contains(r#"<code class="language-mermaid">"#)
}

fn heading() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r#"(?s)<h([23])((?:\s[^>]*)?)>(.*?)</h[23]>"#).expect("valid pattern")
    })
}

/// Undoes comrak's escaping of text.
pub fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The source of every Mermaid code block of `body`, in order.
pub fn mermaid_sources(body: &str) -> Vec<String> {
    mermaid_block()
        .captures_iter(body)
        .filter(|captures| is_mermaid_block(&captures[0]))
        .map(|captures| unescape(&captures[1]))
        .collect()
}

/// Whether a drawn SVG is inert: no script, no event handler, no
/// `javascript:` URL, no reference to anything outside the file.
pub fn is_inert_svg(svg: &str) -> bool {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    let active = PATTERN.get_or_init(|| {
        Regex::new(r#"(?i)<script|<iframe|<object|<embed|javascript:|<[^>]*\son[a-z]+\s*=|(?:src|href)\s*=\s*["']?\s*(?:https?:|//)|@import|url\(\s*["']?\s*(?:https?:|//)"#)
            .expect("valid pattern")
    });
    !active.is_match(svg)
}

/// The `<h2>`/`<h3>` headings of HTML from Markdown DeployPlan did not
/// render (whose structure is not known), as (level, id, text).
fn headings(body: &str) -> Vec<(u8, String, String)> {
    static ID: OnceLock<Regex> = OnceLock::new();
    static TAG: OnceLock<Regex> = OnceLock::new();
    let id = ID.get_or_init(|| Regex::new(r#"id="([^"]*)""#).expect("valid pattern"));
    let tag = TAG.get_or_init(|| Regex::new(r"<[^>]*>").expect("valid pattern"));
    heading()
        .captures_iter(body)
        .filter_map(|captures| {
            if captures[2].contains("toc-title") {
                return None;
            }
            let level = if &captures[1] == "2" { 2 } else { 3 };
            let anchor = id
                .captures(&captures[2])
                .or_else(|| id.captures(&captures[3]))?[1]
                .to_string();
            let text = tag.replace_all(&captures[3], "").trim().to_string();
            Some((level, anchor, text))
        })
        .collect()
}

/// What the page's table of contents and glossary are made of.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contents {
    /// The sections, as (anchor, heading as HTML).
    pub sections: Vec<(String, String)>,
    /// The glossary entries for the terms the plan uses.
    pub glossary: Vec<&'static crate::plan::GlossaryEntry>,
}

impl Contents {
    /// The contents of a plan DeployPlan rendered, from its structure: the
    /// sections with a heading of their own, and its glossary.
    pub fn of_rendered(plan: &crate::render::RenderedPlan) -> Contents {
        Contents {
            sections: plan
                .sections
                .iter()
                .filter(|section| !section.anchor.is_empty())
                .map(|section| (section.anchor.clone(), escape(&section.heading)))
                .collect(),
            glossary: crate::plan::glossary()
                .iter()
                .filter(|entry| plan.glossary.contains(entry))
                .collect(),
        }
    }

    /// The contents of Markdown from elsewhere (a written plan, perhaps
    /// edited by hand, which has no structure to read): its level-2
    /// headings, found in its HTML `body`, and the terms the body uses.
    pub fn of_html(body: &str) -> Contents {
        Contents {
            sections: headings(body)
                .into_iter()
                .filter(|(level, _, _)| *level == 2)
                .map(|(_, id, text)| (id, text))
                .collect(),
            glossary: crate::plan::glossary_used(body),
        }
    }
}

/// A table of contents of the plan's sections, and the glossary when there is one.
fn table_of_contents(contents: &Contents) -> String {
    let mut out = String::from(
        "<nav class=\"toc\" aria-labelledby=\"toc-title\"><h2 id=\"toc-title\">Contents</h2><ol>",
    );
    for (id, text) in &contents.sections {
        // `text` is escaped HTML: already safe.
        let _ = write!(out, "<li><a href=\"#{}\">{}</a></li>", escape(id), text);
    }
    if !contents.glossary.is_empty() {
        out.push_str("<li><a href=\"#glossary\">Glossary</a></li>");
    }
    out.push_str("</ol></nav>");
    out
}

/// `body` with each Mermaid block replaced by its SVG (or by its source and
/// a note, when it could not be drawn or was not inert), and the badges styled.
fn with_diagrams(body: &str, drawn: &[DrawnDiagram]) -> String {
    let mut index = 0;
    let replaced = mermaid_block().replace_all(body, |captures: &regex::Captures<'_>| {
        let whole = &captures[0];
        if !is_mermaid_block(whole) {
            return whole.to_string();
        }
        let figure = match drawn.get(index) {
            Some(Ok(svg)) if is_inert_svg(svg) => {
                format!("<figure class=\"diagram\">{svg}</figure>")
            }
            Some(Err(reason)) if reason == KEPT_AS_SOURCE => format!(
                "<figure class=\"diagram diagram-source\"><figcaption>Diagram in Mermaid notation \
(this export was made without a web engine to draw it; export from the DeployPlan app \
to get the picture)</figcaption>{whole}</figure>"
            ),
            other => {
                let reason = match other {
                    Some(Err(message)) => message.clone(),
                    Some(Ok(_)) => "the drawing contained active content".to_string(),
                    None => "it was not drawn".to_string(),
                };
                format!(
                    "<figure class=\"diagram diagram-failed\"><figcaption>This diagram could not be drawn: {}</figcaption>{whole}</figure>",
                    escape(&reason)
                )
            }
        };
        index += 1;
        figure
    });
    replaced
        .replace(
            MVP_BADGE,
            &format!("<span class=\"badge badge-mvp\">{MVP_BADGE}</span>"),
        )
        .replace(
            POST_MVP_BADGE,
            &format!("<span class=\"badge badge-post\">{POST_MVP_BADGE}</span>"),
        )
}

/// A glossary of the terms `text` uses, for readers who are not specialists;
/// empty when it uses none.
pub fn glossary_appendix(text: &str) -> String {
    glossary_section(&crate::plan::glossary_used(text))
}

/// The glossary section of the entries `used`; empty when there are none.
pub fn glossary_section(used: &[&crate::plan::GlossaryEntry]) -> String {
    if used.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "<section class=\"glossary\"><h2 id=\"glossary\">Glossary</h2>\n<p>The terms of this plan, in plain words.</p>\n<dl>\n",
    );
    for entry in used {
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            escape(&entry.term),
            escape(&entry.explanation)
        );
    }
    out.push_str("</dl></section>\n");
    out
}

/// The styles of the standalone page, for screen and print.
fn styles(options: &ExportOptions) -> String {
    format!(
        r#"@page {{ size: {size}; margin: 14mm 14mm 16mm 14mm;
  @bottom-center {{ content: counter(page) " / " counter(pages); font: 9pt system-ui, sans-serif; color: #555; }} }}
:root {{ color-scheme: light; }}
body {{ font: 10pt/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; color: #1a1a1a; background: #fff; margin: 0; }}
main {{ max-width: 52rem; margin: 0 auto; padding: 2rem 1.5rem; }}
h1 {{ font-size: 1.9rem; margin: 0 0 1rem; }}
h2 {{ font-size: 1.35rem; margin: 1.6rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid #d0d7de; break-after: avoid; }}
h3 {{ font-size: 1.08rem; margin: 1.1rem 0 .35rem; break-after: avoid; }}
p {{ margin: .45rem 0; }}
ul, ol {{ margin: .4rem 0; padding-left: 1.6rem; }}
h4 {{ font-size: 1rem; break-after: avoid; }}
a {{ color: #0b57d0; }}
a.anchor {{ display: none; }}
p, li {{ orphans: 3; widows: 3; }}
table {{ border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: 9pt; break-inside: auto; }}
th, td {{ border: 1px solid #c5ccd3; padding: .2rem .4rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }}
td code {{ font-size: 8.5pt; word-break: break-all; }}
th {{ background: #f1f4f7; }}
tr {{ break-inside: avoid; }}
code {{ font: 9.5pt ui-monospace, "DejaVu Sans Mono", monospace; background: #f4f5f7; padding: 0 .2em; border-radius: 3px; }}
pre {{ background: #f4f5f7; padding: .6rem; overflow-x: auto; white-space: pre-wrap; break-inside: avoid; }}
pre code {{ background: none; padding: 0; }}
blockquote {{ margin: .8rem 0; padding: .2rem .9rem; border-left: 4px solid #d0d7de; color: #444; }}
figure.diagram {{ margin: .6rem 0; text-align: center; break-inside: avoid; }}
figure.diagram svg {{ max-width: 100%; max-height: 120mm; height: auto; }}
figure.diagram-failed figcaption {{ color: #a40000; }}
figure.diagram-source {{ text-align: left; }}
figure.diagram-source figcaption {{ color: #555; font-size: 9pt; }}
.badge {{ display: inline-block; padding: 0 .45em; border-radius: 999px; font-size: .85em; font-weight: 600; white-space: nowrap; }}
.badge-mvp {{ background: #e6f4ea; color: #0d5c2e; border: 1px solid #8ccf9f; }}
.badge-post {{ background: #e8f0fe; color: #174ea6; border: 1px solid #a8c7fa; }}
.badge-proposed {{ background: #fff4d6; color: #6b4400; border: 1px dashed #a06a00; font-weight: 700; font-size: .78em; text-transform: uppercase; letter-spacing: .03em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
sup.footnote-ref {{ line-height: 0; }}
sup.footnote-ref a {{ position: relative; display: inline-block; margin-left: .12em; padding: 0 .25em; border-radius: 3px; font-size: .72rem; font-weight: 600; line-height: 1.3; text-decoration: none; color: #39506a; background: #edf1f5; border: 1px solid #d4dbe3; }}
sup.fn-proposal a {{ color: #6b4400; background: #fff4d6; border-color: #e3c27a; }}
sup.footnote-ref a:hover::after, sup.footnote-ref a:focus::after {{ content: attr(data-tip); position: absolute; left: 0; top: 1.7em; z-index: 5; width: max-content; max-width: 26rem; padding: .4rem .6rem; border-radius: 4px; background: #1f2328; color: #fff; font-size: 9pt; font-weight: 400; line-height: 1.4; white-space: normal; text-align: left; }}
sup.footnote-ref a:focus {{ outline: 2px solid #0b57d0; outline-offset: 1px; }}
section.footnotes {{ font-size: 7.5pt; line-height: 1.3; color: #333; }}
section.footnotes ol {{ list-style: none; padding-left: 0; margin: 0; }}
section.footnotes li {{ margin: 0 0 .15rem; break-inside: avoid; }}
section.footnotes li p {{ display: inline; margin: 0; }}
section.footnotes .fn-label {{ display: inline-block; min-width: 2.6em; font-weight: 700; color: #39506a; }}
section.footnotes code {{ font-size: 7pt; }}
a.footnote-backref {{ text-decoration: none; }}
a.footnote-backref ~ a.footnote-backref {{ display: none; }}
nav.toc {{ border: 1px solid #d0d7de; border-radius: 6px; padding: .4rem 1.2rem .8rem; margin: 1rem 0 2rem; break-inside: avoid; }}
nav.toc h2 {{ border: none; margin: .6rem 0 .2rem; font-size: 1.1rem; }}
nav.toc ol {{ margin: 0; padding-left: 1.4rem; }}
section.glossary dl {{ display: grid; grid-template-columns: minmax(9rem, 14rem) 1fr; gap: .3rem 1rem; }}
section.glossary dt {{ font-weight: 600; break-after: avoid; }}
section.glossary dd {{ margin: 0; }}
@media print {{
  main {{ max-width: none; padding: 0 2px; }}
  a {{ color: inherit; text-decoration: none; }}
  h3#how-to-read-this-plan {{ break-before: page; }}
  nav.toc + h2 {{ break-before: page; }}
  sup.footnote-ref a::after {{ display: none; }}
  a.footnote-backref {{ display: none; }}
  section.footnotes ol {{ columns: 2; column-gap: 1.4rem; }}
}}
"#,
        size = options.paper.css_size()
    )
}

/// The standalone page of `body` (comrak's HTML of the plan) with the drawn
/// diagrams, one SVG per Mermaid block in order.
pub fn standalone_page(body: &str, drawn: &[DrawnDiagram], options: &ExportOptions) -> String {
    standalone_page_with(body, &Contents::of_html(body), drawn, options)
}

/// The standalone page of `body` (comrak's HTML of the plan) with its table
/// of contents and glossary from `contents`, and the drawn diagrams.
pub fn standalone_page_with(
    body: &str,
    contents: &Contents,
    drawn: &[DrawnDiagram],
    options: &ExportOptions,
) -> String {
    let glossary = glossary_section(&contents.glossary);
    let toc = table_of_contents(contents);
    let mut content = with_diagrams(&crate::plan_html::decorate(body), drawn);
    content.push_str(&glossary);
    // The page opens with the title and the plan in brief; the table of
    // contents follows them, before the first section (`<h2`), else after
    // the title (the first `</h1>`), else first.
    match (content.find("<h2"), content.find("</h1>")) {
        (Some(start), _) => content.insert_str(start, &toc),
        (None, Some(end)) => content.insert_str(end + "</h1>".len(), &toc),
        (None, None) => content.insert_str(0, &toc),
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"generator\" content=\"DeployPlan\">\n{marker}\n<title>{title}</title>\n<style>\n{styles}</style>\n</head>\n<body>\n<main>\n{content}</main>\n</body>\n</html>\n",
        title = escape(&options.title),
        styles = styles(options),
        marker = crate::output_marker::marker_comment("html-export"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::render_html;

    const PLAN: &str = "# Plan\n\n## 1. Scope 🚀 MVP\n\ntext\n\n```mermaid\nflowchart LR\n  a[\"x < y & z\"] --> b\n```\n\n## 2. Later\n\n```rust\nfn main() {}\n```\n";

    #[test]
    fn mermaid_blocks_are_found_with_their_source_unescaped() {
        let sources = mermaid_sources(&render_html(PLAN));
        assert_eq!(sources, vec!["flowchart LR\n  a[\"x < y & z\"] --> b\n"]);
    }

    #[test]
    fn each_mermaid_block_becomes_its_svg_and_other_code_stays() {
        let body = render_html(PLAN);
        let page = standalone_page(
            &body,
            &[Ok("<svg id=\"d1\"><g><text>x</text></g></svg>".into())],
            &ExportOptions::titled("Plan <x>"),
        );
        assert_eq!(page.matches("<svg").count(), 1);
        assert!(page.contains("<figure class=\"diagram\"><svg id=\"d1\">"));
        assert!(page.contains("language-rust"));
        assert!(!page.contains("language-mermaid"));
        assert!(page.contains("<title>Plan &lt;x&gt;</title>"));
        assert!(page.contains("<span class=\"badge badge-mvp\">🚀 MVP</span>"));
    }

    #[test]
    fn the_table_of_contents_links_every_section() {
        let page = standalone_page(&render_html(PLAN), &[], &ExportOptions::titled("t"));
        let toc = &page[page.find("<nav").unwrap()..page.find("</nav>").unwrap()];
        assert!(toc.contains("1. Scope"), "{toc}");
        assert!(toc.contains("2. Later"), "{toc}");
        assert!(toc.contains("Glossary"), "{toc}");
        assert_eq!(
            toc.matches("<li>").count(),
            3,
            "two sections and the glossary"
        );
    }

    #[test]
    fn the_glossary_explains_the_terms_the_plan_uses_and_only_those() {
        let appendix = glossary_appendix("We release with a Canary first; IaC via Terraform. mvp");
        assert!(appendix.contains("<dt>Canary release</dt>"), "{appendix}");
        assert!(appendix.contains("<dt>IaC (Infrastructure as Code)</dt>"));
        assert!(
            !appendix.contains("<dt>MVP</dt>"),
            "acronyms match their case only"
        );
        assert!(!appendix.contains("Blue/Green"));
        assert_eq!(glossary_appendix("nothing here"), "");
        let page = standalone_page(&render_html(PLAN), &[], &ExportOptions::titled("t"));
        assert!(page.contains("<li><a href=\"#glossary\">Glossary</a></li>"));
        assert!(page.contains("<dt>MVP</dt>"));
    }

    #[test]
    fn a_diagram_that_was_not_drawn_shows_its_source_and_why() {
        let page = standalone_page(
            &render_html(PLAN),
            &[Err("Parse error <b>".into())],
            &ExportOptions::titled("t"),
        );
        assert!(page.contains("could not be drawn: Parse error &lt;b&gt;"));
        assert!(!page.contains("<svg"));
    }

    #[test]
    fn a_diagram_kept_as_source_says_so_without_calling_it_a_failure() {
        let page = standalone_page(
            &render_html(PLAN),
            &[Err(KEPT_AS_SOURCE.into())],
            &ExportOptions::titled("t"),
        );
        assert!(page.contains("diagram-source"));
        assert!(page.contains("Diagram in Mermaid notation"));
        assert!(page.contains("flowchart LR"), "the source stays readable");
        assert!(!page.contains("could not be drawn"));
        assert!(!page.contains("<svg"));
    }

    #[test]
    fn an_svg_with_active_content_is_not_embedded() {
        for svg in [
            "<svg><script>alert(1)</script></svg>",
            "<svg><g onload=\"alert(1)\"></g></svg>",
            "<svg><a href=\"javascript:alert(1)\">x</a></svg>",
            "<svg><image href=\"https://evil.example/x.png\"/></svg>",
        ] {
            assert!(!is_inert_svg(svg), "{svg}");
            let page = standalone_page(
                &render_html(PLAN),
                &[Ok(svg.to_string())],
                &ExportOptions::titled("t"),
            );
            assert!(!page.contains(svg), "{svg}");
        }
        assert!(is_inert_svg(
            "<svg><style>#a{fill:red}</style><text>on=1 click</text></svg>"
        ));
    }

    #[test]
    fn untrusted_text_stays_inert_in_the_page() {
        let hostile = "# Plan\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))\n\n<a href=\"https://evil.example\">x</a>\n";
        let page = standalone_page(&render_html(hostile), &[], &ExportOptions::titled("t"));
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<img"), "{page}");
        assert!(!page.contains("javascript:alert(1)\""), "{page}");
        assert!(!page.contains("href=\"javascript"), "{page}");
        assert!(!page.contains("href=\"https://evil"), "{page}");
        assert!(page.contains("&lt;script&gt;"));
    }
}
