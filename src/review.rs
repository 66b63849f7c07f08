//! Stakeholder review: the plan split into its sections, each with a content
//! hash; comments and sign-offs per section kept in a diff-friendly sidecar
//! (`project_docs/deploymentPlan.review.json`, pretty-printed JSON, written
//! atomically); an executive summary from the answers; and the open items a
//! reviewer should know about.
//!
//! A sign-off records the hash of the section it approved. When the section's
//! text changes, the hash no longer matches and that sign-off (only that one)
//! is shown as voided.

use crate::answers::Answers;
use crate::check::open_items as open_items_of;
use crate::error::{Error, Result};
use crate::plan;
use crate::project::Project;
use crate::save::{content_hash, plan_markdown};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The longest reviewer name and comment accepted, in characters.
pub const MAX_NAME: usize = 100;
/// The longest comment accepted, in characters.
pub const MAX_COMMENT: usize = 10_000;

/// One `## ` section of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct PlanSection {
    /// The heading text, e.g. `6. Rollback Strategy`; the key of its reviews.
    pub heading: String,
    /// The section's Markdown, heading included.
    pub markdown: String,
    /// The hex SHA-256 of `markdown` (trailing blank lines ignored).
    pub hash: String,
}

/// Splits the plan at its `## ` headings (not inside code fences). Text before
/// the first one (the title and legend) is the section `Overview`.
pub fn split_sections(markdown: &str) -> Vec<PlanSection> {
    let mut sections: Vec<(String, String)> = vec![("Overview".into(), String::new())];
    let mut fence: Option<&str> = None;
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_end();
        match fence {
            Some(marker) if trimmed.trim_start().starts_with(marker) => fence = None,
            Some(_) => {}
            None if trimmed.trim_start().starts_with("```") => fence = Some("```"),
            None if trimmed.trim_start().starts_with("~~~") => fence = Some("~~~"),
            None => {
                if let Some(heading) = trimmed.strip_prefix("## ") {
                    sections.push((heading.trim().to_string(), String::new()));
                }
            }
        }
        if let Some((_, text)) = sections.last_mut() {
            text.push_str(line);
        }
    }
    sections
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(heading, text)| {
            let body = text.trim_end().to_string();
            PlanSection {
                hash: content_hash(body.as_bytes()),
                heading,
                markdown: body + "\n",
            }
        })
        .collect()
}

/// A reviewer's decision on a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum Decision {
    Approve,
    RequestChanges,
}

/// A comment on a section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Comment {
    pub author: String,
    pub text: String,
    /// When, as the caller's clock gave it (RFC 3339).
    pub at: String,
}

/// A reviewer's decision, bound to the section's content hash at the time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct SignOff {
    pub reviewer: String,
    pub decision: Decision,
    /// The hash of the section the reviewer saw.
    pub content_hash: String,
    pub at: String,
}

/// Everything said about one section.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionReview {
    #[serde(default)]
    pub comments: Vec<Comment>,
    #[serde(default)]
    pub sign_offs: Vec<SignOff>,
}

/// The sidecar file: reviews by section heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewFile {
    pub version: u32,
    #[serde(default)]
    pub sections: BTreeMap<String, SectionReview>,
}

impl Default for ReviewFile {
    fn default() -> ReviewFile {
        ReviewFile {
            version: 1,
            sections: BTreeMap::new(),
        }
    }
}

/// Where the project's reviews are kept.
pub fn review_path(root: &Path) -> PathBuf {
    crate::store::review_path(root)
}

/// The project's reviews; none yet is an empty file.
///
/// Errors: [`Error::Read`], or [`Error::InvalidJson`] when the file is not a
/// review file (it is then left alone, never overwritten).
pub fn load_reviews(root: &Path) -> Result<ReviewFile> {
    let path = review_path(root);
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text).map_err(|error| Error::InvalidJson {
            path,
            message: error.to_string(),
        }),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(ReviewFile::default()),
        Err(source) => Err(Error::Read { path, source }),
    }
}

fn save_reviews(root: &Path, reviews: &ReviewFile) -> Result<()> {
    crate::store::save_json(&review_path(root), reviews)
}

fn cleaned(text: &str, what: &str, max: usize) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::InvalidInput {
            message: format!("{what} is empty"),
        });
    }
    if text.chars().count() > max {
        return Err(Error::InvalidInput {
            message: format!("{what} is longer than {max} characters"),
        });
    }
    Ok(text.to_string())
}

/// Adds a comment to the section `heading` and saves the reviews.
///
/// Errors: [`Error::InvalidInput`] (empty or too long name or text, or no
/// such section in `sections`); the sidecar cannot be read or written.
pub fn add_comment(
    root: &Path,
    sections: &[PlanSection],
    heading: &str,
    author: &str,
    text: &str,
    at: &str,
) -> Result<ReviewFile> {
    let author = cleaned(author, "the reviewer's name", MAX_NAME)?;
    let text = cleaned(text, "the comment", MAX_COMMENT)?;
    let section = find_section(sections, heading)?;
    let mut reviews = load_reviews(root)?;
    reviews
        .sections
        .entry(section.heading.clone())
        .or_default()
        .comments
        .push(Comment {
            author,
            text,
            at: at.to_string(),
        });
    save_reviews(root, &reviews)?;
    Ok(reviews)
}

/// Records `reviewer`'s decision on the section `heading` as it is now (its
/// current hash) and saves the reviews. A reviewer's earlier decision on the
/// section is replaced.
///
/// Errors: as [`add_comment`].
pub fn sign_off(
    root: &Path,
    sections: &[PlanSection],
    heading: &str,
    reviewer: &str,
    decision: Decision,
    at: &str,
) -> Result<ReviewFile> {
    let reviewer = cleaned(reviewer, "the reviewer's name", MAX_NAME)?;
    let section = find_section(sections, heading)?;
    let mut reviews = load_reviews(root)?;
    let review = reviews.sections.entry(section.heading.clone()).or_default();
    review
        .sign_offs
        .retain(|existing| !existing.reviewer.eq_ignore_ascii_case(&reviewer));
    review.sign_offs.push(SignOff {
        reviewer,
        decision,
        content_hash: section.hash.clone(),
        at: at.to_string(),
    });
    save_reviews(root, &reviews)?;
    Ok(reviews)
}

fn find_section<'s>(sections: &'s [PlanSection], heading: &str) -> Result<&'s PlanSection> {
    sections
        .iter()
        .find(|section| section.heading == heading)
        .ok_or_else(|| Error::InvalidInput {
            message: format!("the plan has no section '{heading}'"),
        })
}

/// A sign-off and whether it still holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct SignOffStatus {
    #[serde(flatten)]
    #[ts(flatten)]
    pub sign_off: SignOff,
    /// False when the section changed since: the sign-off is void.
    pub current: bool,
}

/// A section as the reviewer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ReviewSection {
    /// `section-<n>`, an anchor for the table of contents.
    pub anchor: String,
    pub heading: String,
    pub hash: String,
    /// The section as HTML (raw HTML escaped, unsafe links dropped).
    pub html: String,
    /// Whether the section is about the MVP, later releases, or both.
    pub mvp: bool,
    pub post_mvp: bool,
    /// About how long the section takes to read, in whole minutes (at
    /// least 1), from its words; diagrams and source notes not counted.
    pub reading_minutes: u32,
    pub comments: Vec<Comment>,
    pub sign_offs: Vec<SignOffStatus>,
}

/// One line of the executive summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct SummaryItem {
    pub label: String,
    pub text: String,
}

/// Something still open, and the section to jump to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct OpenItem {
    /// `tbd`, `unconfirmed` or `missing_document`.
    pub kind: String,
    pub message: String,
    /// The anchor of the section it concerns, if any.
    pub anchor: Option<String>,
}

/// The plan prepared for review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct PlanReview {
    pub title: String,
    pub summary: Vec<SummaryItem>,
    pub open_items: Vec<OpenItem>,
    pub sections: Vec<ReviewSection>,
    /// Where the reviews are kept.
    pub review_file: String,
}

/// Words a reader gets through in a minute, for the reading time shown
/// per section: a plain, unhurried pace for technical prose.
pub const WORDS_PER_MINUTE: usize = 200;

/// About how many minutes a section's Markdown takes to read: its words,
/// without diagram code, source-note definitions or table rules; at least 1.
pub fn reading_minutes(markdown: &str) -> u32 {
    let mut words = 0;
    let mut in_fence = false;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence || trimmed.starts_with("[^") && trimmed.contains("]: ") {
            continue;
        }
        words += line
            .split_whitespace()
            .filter(|word| word.chars().any(char::is_alphanumeric))
            .filter(|word| !word.starts_with("[^"))
            .count();
    }
    u32::try_from(words.div_ceil(WORDS_PER_MINUTE).max(1)).unwrap_or(u32::MAX)
}

/// The executive summary: the plan's first page, question by question
/// ([`crate::first_page`]), as plain text.
pub fn executive_summary(answers: &Answers) -> Vec<SummaryItem> {
    crate::first_page::summary(answers)
        .into_iter()
        .map(|part| SummaryItem {
            label: part.question.to_string(),
            text: part
                .answer
                .replace(crate::render::PROPOSED_MARK, "(proposed)"),
        })
        .collect()
}

/// A section's HTML for the review: its Markdown with the notes it refers
/// to (their definitions are in the Sources section), so every marker
/// resolves within the section; markers and proposal badges decorated.
fn section_html(markdown: &str, definitions: &BTreeMap<String, String>) -> String {
    let mut text = markdown.to_string();
    let own = crate::plan_html::definitions(markdown);
    let wanted: Vec<&String> = crate::plan_html::referenced_labels(markdown)
        .into_iter()
        .filter(|label| !own.contains_key(label))
        .filter_map(|label| definitions.get(&label))
        .collect();
    if !wanted.is_empty() {
        text.push('\n');
        for line in wanted {
            text.push_str(line);
            text.push('\n');
        }
    }
    crate::plan_html::decorate(&crate::markdown::render_html(&text))
}

/// The plan for `answers` prepared for review: sections with their reviews,
/// the executive summary and the open items (TBDs, unconfirmed proposals,
/// missing documents).
///
/// Errors: the review file cannot be read or is not a review file.
pub fn review_plan(
    project: &Project,
    answers: &Answers,
    missing_documents: &[String],
) -> Result<PlanReview> {
    let markdown = plan_markdown(project, answers);
    let reviews = load_reviews(&project.root)?;
    let sections = split_sections(&markdown);
    let definitions = crate::plan_html::definitions(&markdown);
    let anchor_of = |heading: &str| {
        sections
            .iter()
            .position(|section| section.heading == heading)
            .map(|index| format!("section-{index}"))
    };
    let mut review_sections = Vec::new();
    for (index, section) in sections.iter().enumerate() {
        let review = reviews
            .sections
            .get(&section.heading)
            .cloned()
            .unwrap_or_default();
        review_sections.push(ReviewSection {
            anchor: format!("section-{index}"),
            heading: section.heading.clone(),
            hash: section.hash.clone(),
            html: section_html(&section.markdown, &definitions),
            // The overview's legend names both marks; it is about neither phase.
            mvp: index > 0 && section.markdown.contains(crate::render::MVP_BADGE),
            post_mvp: index > 0 && section.markdown.contains(crate::render::POST_MVP_BADGE),
            reading_minutes: reading_minutes(&section.markdown),
            comments: review.comments,
            sign_offs: review
                .sign_offs
                .into_iter()
                .map(|sign_off| SignOffStatus {
                    current: sign_off.content_hash == section.hash,
                    sign_off,
                })
                .collect(),
        });
    }
    // From the answers: no second render, no read of the written plan.
    let (open, unconfirmed) = open_items_of(answers);
    let step_anchor = |field_id: &str| {
        let step_id = field_id.split('.').next().unwrap_or_default();
        plan::steps()
            .iter()
            .find(|step| step.id == step_id)
            .and_then(|step| anchor_of(&step.heading()))
    };
    let mut open_items: Vec<OpenItem> = Vec::new();
    for (kind, items) in [("tbd", &open), ("unconfirmed", &unconfirmed)] {
        for item in items {
            open_items.push(OpenItem {
                kind: kind.to_string(),
                message: item.message.clone(),
                anchor: step_anchor(&item.subject),
            });
        }
    }
    for missing in missing_documents {
        open_items.push(OpenItem {
            kind: "missing_document".into(),
            message: missing.clone(),
            anchor: None,
        });
    }
    Ok(PlanReview {
        title: markdown
            .lines()
            .find_map(|line| line.strip_prefix("# "))
            .unwrap_or("Deployment plan")
            .to_string(),
        summary: executive_summary(answers),
        open_items,
        sections: review_sections,
        review_file: review_path(&project.root).display().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = "# Plan\n\nlegend\n\n## 1. One\n\ntext one\n\n```mermaid\n## not a heading\n```\n\n## 2. Two\n\ntext two\n";

    #[test]
    fn sections_split_at_level_two_headings_outside_code_fences() {
        let sections = split_sections(PLAN);
        let headings: Vec<&str> = sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(headings, ["Overview", "1. One", "2. Two"]);
        assert!(sections[1].markdown.contains("## not a heading"));
    }

    #[test]
    fn editing_a_section_voids_only_its_own_sign_off() {
        let dir = tempfile::tempdir().unwrap();
        let before = split_sections(PLAN);
        sign_off(
            dir.path(),
            &before,
            "1. One",
            "Ana",
            Decision::Approve,
            "t1",
        )
        .unwrap();
        sign_off(
            dir.path(),
            &before,
            "2. Two",
            "Ana",
            Decision::Approve,
            "t1",
        )
        .unwrap();
        let after = split_sections(&PLAN.replace("text one", "text one, edited"));
        let reviews = load_reviews(dir.path()).unwrap();
        let current = |heading: &str| {
            let hash = &after.iter().find(|s| s.heading == heading).unwrap().hash;
            reviews.sections[heading].sign_offs[0].content_hash == *hash
        };
        assert!(!current("1. One"), "the edited section's sign-off is void");
        assert!(current("2. Two"), "the other section's sign-off holds");
    }

    #[test]
    fn a_reviewer_signing_again_replaces_their_decision_and_comments_accumulate() {
        let dir = tempfile::tempdir().unwrap();
        let sections = split_sections(PLAN);
        add_comment(dir.path(), &sections, "1. One", "Bo", "Why canary?", "t1").unwrap();
        add_comment(dir.path(), &sections, "1. One", "Ana", "Because.", "t2").unwrap();
        sign_off(
            dir.path(),
            &sections,
            "1. One",
            "Bo",
            Decision::RequestChanges,
            "t3",
        )
        .unwrap();
        let reviews = sign_off(
            dir.path(),
            &sections,
            "1. One",
            "bo",
            Decision::Approve,
            "t4",
        )
        .unwrap();
        let review = &reviews.sections["1. One"];
        assert_eq!(review.comments.len(), 2);
        assert_eq!(review.sign_offs.len(), 1);
        assert_eq!(review.sign_offs[0].decision, Decision::Approve);
        let text = std::fs::read_to_string(review_path(dir.path())).unwrap();
        assert!(
            text.contains("\n    \"1. One\": {"),
            "pretty-printed: {text}"
        );
        assert!(text.contains("\"decision\": \"approve\""));
    }

    #[test]
    fn empty_names_unknown_sections_and_corrupt_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let sections = split_sections(PLAN);
        assert!(add_comment(dir.path(), &sections, "1. One", " ", "x", "t").is_err());
        assert!(add_comment(dir.path(), &sections, "9. Nine", "Ana", "x", "t").is_err());
        std::fs::create_dir_all(dir.path().join("project_docs")).unwrap();
        std::fs::write(review_path(dir.path()), "not json").unwrap();
        let error = add_comment(dir.path(), &sections, "1. One", "Ana", "x", "t").unwrap_err();
        assert_eq!(error.code(), "invalid_json");
        assert_eq!(
            std::fs::read_to_string(review_path(dir.path())).unwrap(),
            "not json"
        );
    }

    #[test]
    fn the_summary_is_the_first_page_and_names_owners_for_what_is_not_answered() {
        let summary = executive_summary(&Answers::default());
        assert_eq!(summary.len(), 5);
        assert_eq!(summary[0].label, "What ships in the MVP, and when?");
        assert!(
            summary[0].text.contains("(owner: Product Owner)"),
            "{:?}",
            summary[0]
        );
        assert!(summary.iter().all(|item| !item.text.contains('…')));
    }

    #[test]
    fn reading_time_counts_words_not_diagrams_or_notes() {
        let words = "word ".repeat(450);
        let markdown = format!(
            "## 1. One\n\n{words}[^S1]\n\n```mermaid\n{}\n```\n\n[^S1]: {}\n",
            "x ".repeat(900),
            "y ".repeat(900)
        );
        assert_eq!(reading_minutes(&markdown), 3, "453 words at 200 a minute");
        assert_eq!(reading_minutes("## Short\n"), 1);
    }

    #[test]
    fn a_section_shows_the_notes_it_refers_to_and_marks_proposals() {
        let plan = "# P\n\n## 1. One\n\nTool: X [^S1]\n\nPattern: Y *(proposed)* [^P1]\n\n## Sources\n\n[^S1]: `a.md`, line 2: <script>x</script>\n[^P1]: Proposed by DeployPlan, not yet confirmed: why\n";
        let definitions = crate::plan_html::definitions(plan);
        let section = &split_sections(plan)[1];
        let html = section_html(&section.markdown, &definitions);
        assert!(html.contains("id=\"fn-S1\""), "{html}");
        assert!(html.contains("id=\"fn-P1\""), "{html}");
        assert!(html.contains(">S1</a></sup>"), "{html}");
        assert!(html.contains("badge-proposed"), "{html}");
        assert!(!html.contains("<script>"), "{html}");
    }
}
