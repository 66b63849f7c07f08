//! The plan's HTML made readable for people who do not want the provenance
//! inline: every footnote reference (a source `S12`, a proposal's note
//! `P3`, another note `N1`) becomes a small marker that shows its label and
//! reveals the note (file, heading, line and excerpt, or the reason) on
//! hover and keyboard focus, and links to the numbered note; the proposal
//! mark becomes a badge. Used by the review view and the HTML/PDF export.
//!
//! It works on comrak's output, where every piece of document text is
//! already escaped: the note text put into an attribute is that escaped text
//! with tags removed, so it cannot close the attribute or open a tag.

use regex::Regex;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The proposal mark as comrak renders `*(proposed)*`.
const PROPOSED_HTML: &str = "<em>(proposed)</em>";

/// The badge that replaces it.
pub const PROPOSED_BADGE: &str = "<span class=\"badge badge-proposed\" title=\"Proposed by DeployPlan, not yet confirmed\">proposed</span>";

fn definition() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r#"(?s)<li id="fn-([A-Za-z0-9_-]+)">(.*?)</li>"#).expect("valid pattern")
    })
}

fn reference() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r##"<sup class="footnote-ref"><a href="#fn-([A-Za-z0-9_-]+)" id="(fnref-[A-Za-z0-9_-]+)" data-footnote-ref>\d+</a></sup>"##)
            .expect("valid pattern")
    })
}

fn tag() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| Regex::new(r"<[^>]*>").expect("valid pattern"))
}

/// The text of each footnote, by label: tags and the back-link removed,
/// still escaped as comrak wrote it.
pub fn notes(html: &str) -> BTreeMap<String, String> {
    definition()
        .captures_iter(html)
        .map(|captures| {
            let without_backref = match captures[2].find("<a href=\"#fnref-") {
                Some(at) => &captures[2][..at],
                None => &captures[2],
            };
            let text = tag().replace_all(without_backref, "");
            let text = text
                .replace('"', "&quot;")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            (captures[1].to_string(), text)
        })
        .collect()
}

/// What kind of note a label names.
fn kind_of(label: &str) -> (&'static str, &'static str) {
    match label.chars().next() {
        Some('S') => ("fn-source", "Source"),
        Some('P') => ("fn-proposal", "Why proposed"),
        _ => ("fn-note", "Note"),
    }
}

/// `html` with its footnote references shown as labelled markers that
/// reveal their note, the notes labelled, and proposals shown as badges.
pub fn decorate(html: &str) -> String {
    decorate_with(html, &notes(html))
}

/// [`decorate`] for a plan in parts (see
/// [`crate::markdown::render_html_parts`]): the notes are read from the
/// whole, each part is decorated alone, and joined they are the decorated
/// whole.
pub fn decorate_parts(parts: &[String]) -> Vec<String> {
    let notes = notes(&parts.concat());
    parts
        .iter()
        .map(|part| decorate_with(part, &notes))
        .collect()
}

fn decorate_with(html: &str, notes: &BTreeMap<String, String>) -> String {
    let marked = reference().replace_all(html, |captures: &regex::Captures<'_>| {
        let label = &captures[1];
        let (class, kind) = kind_of(label);
        let tip = notes.get(label).cloned().unwrap_or_default();
        format!(
            "<sup class=\"footnote-ref {class}\"><a href=\"#fn-{label}\" id=\"{id}\" data-footnote-ref data-tip=\"{tip}\" aria-label=\"{kind} {label}: {tip}\">{label}</a></sup>",
            id = &captures[2],
        )
    });
    let labelled = definition().replace_all(&marked, |captures: &regex::Captures<'_>| {
        let label = &captures[1];
        format!(
            "<li id=\"fn-{label}\"><span class=\"fn-label\">{label}</span>{}</li>",
            &captures[2]
        )
    });
    labelled.replace(PROPOSED_HTML, PROPOSED_BADGE)
}

/// The footnote labels a piece of Markdown refers to (`[^S12]`), in order,
/// each once; definitions (`[^S12]:` at a line's start) are not references.
pub fn referenced_labels(markdown: &str) -> Vec<String> {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    let pattern =
        PATTERN.get_or_init(|| Regex::new(r"\[\^([A-Za-z0-9_-]+)\](:?)").expect("valid pattern"));
    let mut labels: Vec<String> = Vec::new();
    for line in markdown.lines() {
        for captures in pattern.captures_iter(line) {
            let whole = captures.get(0).expect("a match");
            let definition = whole.start() == 0 && !captures[2].is_empty();
            if !definition && !labels.iter().any(|l| *l == captures[1]) {
                labels.push(captures[1].to_string());
            }
        }
    }
    labels
}

/// The footnote definitions of a plan, by label: each `[^L]: text` line.
pub fn definitions(markdown: &str) -> BTreeMap<String, String> {
    markdown
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("[^")?;
            let (label, _) = rest.split_once("]: ")?;
            Some((label.to_string(), line.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::render_html;

    const PLAN: &str = "Tool: Terraform [^S1][^S2]\n\nPattern: Canary *(proposed)* [^P1]\n\n| Row | Source |\n|---|---|\n| a | [^S2] |\n\n[^S1]: `docs/a.md`, line 3, under “Stack”: we use <b>Terraform</b> \"v1\"\n[^S2]: `docs/b.md`, line 9: IaC\n[^P1]: Proposed by DeployPlan, not yet confirmed: why\n";

    #[test]
    fn references_become_labelled_markers_that_carry_their_note() {
        let html = decorate(&render_html(PLAN));
        assert!(
            html.contains(">S1</a></sup>") && html.contains(">S2</a></sup>"),
            "{html}"
        );
        assert!(html.contains("class=\"footnote-ref fn-source\""));
        assert!(html.contains("class=\"footnote-ref fn-proposal\""));
        assert!(html.contains("data-tip=\"docs/a.md, line 3, under “Stack”: we use &lt;b&gt;Terraform&lt;/b&gt; &quot;v1&quot;\""), "{html}");
        assert!(html.contains("<span class=\"fn-label\">S1</span>"));
        assert!(html.contains(PROPOSED_BADGE));
        assert!(!html.contains("<b>"), "document text stays escaped");
    }

    #[test]
    fn every_reference_resolves_to_a_note() {
        let html = decorate(&render_html(PLAN));
        let notes = notes(&html);
        for captures in Regex::new(r##"href="#fn-([^"]+)""##)
            .unwrap()
            .captures_iter(&html)
        {
            assert!(notes.contains_key(&captures[1]), "{}", &captures[1]);
        }
        assert_eq!(notes.len(), 3);
    }

    #[test]
    fn references_and_definitions_are_told_apart() {
        assert_eq!(referenced_labels(PLAN), ["S1", "S2", "P1"]);
        let defs = definitions(PLAN);
        assert_eq!(defs.len(), 3);
        assert!(defs["S2"].starts_with("[^S2]: `docs/b.md`"));
    }
}
