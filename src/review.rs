//! Stakeholder review: the plan's sections as the renderer made them
//! ([`crate::render::RenderedPlan`]), each with a content hash; comments and
//! sign-offs per section (keyed by its `step_id`) kept in a diff-friendly sidecar
//! (`project_docs/deploymentPlan.review.json`, pretty-printed JSON, written
//! atomically); an executive summary from the answers; and the open items a
//! reviewer should know about.
//!
//! A sign-off records the hash of the section it approved. When the section's
//! text changes, the hash no longer matches and that sign-off (only that one)
//! is shown as voided.

use crate::answers::Answers;
use crate::error::{Error, Result};
use crate::plan::{self, Phase};
use crate::project::Project;
use crate::render::{RenderedPlan, RenderedSection, OVERVIEW_HEADING, OVERVIEW_ID};
use crate::render::{SOURCES_HEADING, SOURCES_ID};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The longest reviewer name and comment accepted, in characters.
pub const MAX_NAME: usize = 100;
/// The longest comment accepted, in characters.
pub const MAX_COMMENT: usize = 10_000;

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

/// The sidecar file: reviews by section, keyed by the section's `step_id`
/// (version 2; version 1 keyed them by heading text, see
/// [`ReviewFile::migrated`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewFile {
    pub version: u32,
    #[serde(default)]
    pub sections: BTreeMap<String, SectionReview>,
}

/// The review file's version: sections keyed by step id.
pub const REVIEW_FILE_VERSION: u32 = 2;

impl Default for ReviewFile {
    fn default() -> ReviewFile {
        ReviewFile {
            version: REVIEW_FILE_VERSION,
            sections: BTreeMap::new(),
        }
    }
}

/// The step id a version-1 review key (a section's heading) stands for.
fn step_id_of_heading(heading: &str) -> Option<String> {
    match heading {
        OVERVIEW_HEADING => Some(OVERVIEW_ID.to_string()),
        SOURCES_HEADING => Some(SOURCES_ID.to_string()),
        _ => plan::steps()
            .iter()
            .find(|step| step.heading() == heading)
            .map(|step| step.id.clone()),
    }
}

impl ReviewFile {
    /// The file with its sections keyed by step id: a key that is a
    /// section's heading (as version 1 wrote them) becomes that section's
    /// step id, its comments and sign-offs joined to any already there; a
    /// key that is neither is kept as it is.
    pub fn migrated(self) -> ReviewFile {
        let mut sections: BTreeMap<String, SectionReview> = BTreeMap::new();
        // Step ids first, so a heading's reviews are added after them.
        let (by_heading, by_id): (Vec<_>, Vec<_>) = self
            .sections
            .into_iter()
            .partition(|(key, _)| step_id_of_heading(key).is_some());
        for (key, review) in by_id {
            sections.insert(key, review);
        }
        for (heading, review) in by_heading {
            let key = step_id_of_heading(&heading).unwrap_or(heading);
            let entry = sections.entry(key).or_default();
            entry.comments.extend(review.comments);
            entry.sign_offs.extend(review.sign_offs);
        }
        ReviewFile {
            version: self.version.max(REVIEW_FILE_VERSION),
            sections,
        }
    }
}

/// Where the project's reviews are kept.
pub fn review_path(root: &Path) -> PathBuf {
    crate::store::review_path(root)
}

/// The project's reviews; none yet is an empty file. A file keyed by
/// headings (version 1) is migrated to step ids ([`ReviewFile::migrated`]);
/// it is written back so only when something is next said.
///
/// Errors: [`Error::Read`], or [`Error::InvalidJson`] when the file is not a
/// review file (it is then left alone, never overwritten).
pub fn load_reviews(root: &Path) -> Result<ReviewFile> {
    let path = review_path(root);
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str::<ReviewFile>(&text)
            .map(ReviewFile::migrated)
            .map_err(|error| Error::InvalidJson {
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

/// Adds a comment to the section `step_id` and saves the reviews.
///
/// Errors: [`Error::InvalidInput`] (empty or too long name or text, or no
/// such section in `sections`); the sidecar cannot be read or written.
pub fn add_comment(
    root: &Path,
    sections: &[RenderedSection],
    step_id: &str,
    author: &str,
    text: &str,
    at: &str,
) -> Result<ReviewFile> {
    let author = cleaned(author, "the reviewer's name", MAX_NAME)?;
    let text = cleaned(text, "the comment", MAX_COMMENT)?;
    let section = find_section(sections, step_id)?;
    let mut reviews = load_reviews(root)?;
    reviews
        .sections
        .entry(section.step_id.clone())
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

/// Records `reviewer`'s decision on the section `step_id` as it is now (its
/// current hash) and saves the reviews. A reviewer's earlier decision on the
/// section is replaced.
///
/// Errors: as [`add_comment`].
pub fn sign_off(
    root: &Path,
    sections: &[RenderedSection],
    step_id: &str,
    reviewer: &str,
    decision: Decision,
    at: &str,
) -> Result<ReviewFile> {
    let reviewer = cleaned(reviewer, "the reviewer's name", MAX_NAME)?;
    let section = find_section(sections, step_id)?;
    let mut reviews = load_reviews(root)?;
    let review = reviews.sections.entry(section.step_id.clone()).or_default();
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

fn find_section<'s>(sections: &'s [RenderedSection], step_id: &str) -> Result<&'s RenderedSection> {
    sections
        .iter()
        .find(|section| section.step_id == step_id)
        .ok_or_else(|| Error::InvalidInput {
            message: format!("the plan has no section '{step_id}'"),
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
    /// The step the section renders ([`crate::render::OVERVIEW_ID`] and
    /// [`crate::render::SOURCES_ID`] for the parts around the steps); the
    /// key of its comments and sign-offs.
    pub step_id: String,
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
    let rendered = crate::save::rendered_plan(project, answers);
    review_rendered(&project.root, &rendered, answers, missing_documents)
}

/// The review of `rendered` (the plan for `answers`) with the reviews kept
/// in the project at `root`.
///
/// Errors: the review file cannot be read or is not a review file.
pub fn review_rendered(
    root: &Path,
    rendered: &RenderedPlan,
    answers: &Answers,
    missing_documents: &[String],
) -> Result<PlanReview> {
    let reviews = load_reviews(root)?;
    let anchor = |index: usize| format!("section-{index}");
    let mut review_sections = Vec::new();
    for (index, section) in rendered.sections.iter().enumerate() {
        let review = reviews
            .sections
            .get(&section.step_id)
            .cloned()
            .unwrap_or_default();
        review_sections.push(ReviewSection {
            anchor: anchor(index),
            step_id: section.step_id.clone(),
            heading: section.heading.clone(),
            hash: section.hash.clone(),
            html: section.html.clone(),
            mvp: section.is_about(Phase::Mvp),
            post_mvp: section.is_about(Phase::PostMvp),
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
    // The open items of each section, from the answers: TBDs first, then
    // unconfirmed proposals, each in plan order.
    let mut open_items: Vec<OpenItem> = Vec::new();
    for kind in ["tbd", "unconfirmed"] {
        for (index, section) in rendered.sections.iter().enumerate() {
            let items = if kind == "tbd" {
                &section.open
            } else {
                &section.unconfirmed
            };
            for item in items {
                open_items.push(OpenItem {
                    kind: kind.to_string(),
                    message: item.message.clone(),
                    anchor: Some(anchor(index)),
                });
            }
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
        title: rendered.title.clone(),
        summary: executive_summary(answers),
        open_items,
        sections: review_sections,
        review_file: review_path(root).display().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{render_structured, PlanContext};
    use crate::save::content_hash;

    /// A rendered section of `markdown`, as the renderer makes it.
    fn section(step_id: &str, markdown: &str) -> RenderedSection {
        let body = markdown.trim_end();
        RenderedSection {
            step_id: step_id.into(),
            heading: step_id.into(),
            anchor: step_id.into(),
            subheadings: Vec::new(),
            markdown: format!("{body}\n"),
            html: String::new(),
            hash: content_hash(body.as_bytes()),
            phases: Vec::new(),
            open: Vec::new(),
            unconfirmed: Vec::new(),
        }
    }

    /// The sections of a small plan: `1. One` is `s1`, `2. Two` is `s2`.
    fn split_sections(plan: &str) -> Vec<RenderedSection> {
        let (one, two) = plan.split_once("## 2.").unwrap();
        let at = one.find("## 1.").unwrap();
        vec![
            section(OVERVIEW_ID, &one[..at]),
            section("s1", &one[at..]),
            section("s2", &format!("## 2.{two}")),
        ]
    }

    const PLAN: &str = "# Plan\n\nlegend\n\n## 1. One\n\ntext one\n\n```mermaid\n## not a heading\n```\n\n## 2. Two\n\ntext two\n";

    #[test]
    fn the_rendered_sections_are_the_overview_each_step_and_the_sources() {
        let mut answers = Answers::default();
        answers.set_user(
            "s0.purpose",
            crate::answers::Value::Text("Ship\n\n```\n## not a heading\n```".into()),
        );
        let rendered = render_structured(&PlanContext::default(), &answers);
        let ids: Vec<&str> = rendered
            .sections
            .iter()
            .map(|s| s.step_id.as_str())
            .collect();
        let mut expected = vec![OVERVIEW_ID];
        expected.extend(plan::steps().iter().map(|step| step.id.as_str()));
        expected.push(SOURCES_ID);
        assert_eq!(ids, expected);
        assert_eq!(rendered.sections[0].heading, "Overview");
        assert_eq!(rendered.sections[1].heading, plan::steps()[0].heading());
        assert!(rendered.sections[1].markdown.contains("## not a heading"));
        // Slices of the plan: joined with the blank lines between them, the plan.
        let joined: Vec<&str> = rendered
            .sections
            .iter()
            .map(|s| s.markdown.as_str())
            .collect();
        assert_eq!(joined.join("\n").trim_end(), rendered.markdown.trim_end());
    }

    #[test]
    fn editing_a_section_voids_only_its_own_sign_off() {
        let dir = tempfile::tempdir().unwrap();
        let before = split_sections(PLAN);
        sign_off(dir.path(), &before, "s1", "Ana", Decision::Approve, "t1").unwrap();
        sign_off(dir.path(), &before, "s2", "Ana", Decision::Approve, "t1").unwrap();
        let after = split_sections(&PLAN.replace("text one", "text one, edited"));
        let reviews = load_reviews(dir.path()).unwrap();
        let current = |step_id: &str| {
            let hash = &after.iter().find(|s| s.step_id == step_id).unwrap().hash;
            reviews.sections[step_id].sign_offs[0].content_hash == *hash
        };
        assert!(!current("s1"), "the edited section's sign-off is void");
        assert!(current("s2"), "the other section's sign-off holds");
    }

    #[test]
    fn a_reviewer_signing_again_replaces_their_decision_and_comments_accumulate() {
        let dir = tempfile::tempdir().unwrap();
        let sections = split_sections(PLAN);
        add_comment(dir.path(), &sections, "s1", "Bo", "Why canary?", "t1").unwrap();
        add_comment(dir.path(), &sections, "s1", "Ana", "Because.", "t2").unwrap();
        sign_off(
            dir.path(),
            &sections,
            "s1",
            "Bo",
            Decision::RequestChanges,
            "t3",
        )
        .unwrap();
        let reviews = sign_off(dir.path(), &sections, "s1", "bo", Decision::Approve, "t4").unwrap();
        let review = &reviews.sections["s1"];
        assert_eq!(review.comments.len(), 2);
        assert_eq!(review.sign_offs.len(), 1);
        assert_eq!(review.sign_offs[0].decision, Decision::Approve);
        let text = std::fs::read_to_string(review_path(dir.path())).unwrap();
        assert!(text.contains("\n    \"s1\": {"), "pretty-printed: {text}");
        assert!(text.contains("\"decision\": \"approve\""));
    }

    #[test]
    fn empty_names_unknown_sections_and_corrupt_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let sections = split_sections(PLAN);
        assert!(add_comment(dir.path(), &sections, "s1", " ", "x", "t").is_err());
        assert!(add_comment(dir.path(), &sections, "s9", "Ana", "x", "t").is_err());
        std::fs::create_dir_all(dir.path().join("project_docs")).unwrap();
        std::fs::write(review_path(dir.path()), "not json").unwrap();
        let error = add_comment(dir.path(), &sections, "s1", "Ana", "x", "t").unwrap_err();
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
        let section = &plan[plan.find("## 1.").unwrap()..plan.find("## Sources").unwrap()];
        let html = crate::render::section_html(section, &definitions);
        assert!(html.contains("id=\"fn-S1\""), "{html}");
        assert!(html.contains("id=\"fn-P1\""), "{html}");
        assert!(html.contains(">S1</a></sup>"), "{html}");
        assert!(html.contains("badge-proposed"), "{html}");
        assert!(!html.contains("<script>"), "{html}");
    }

    #[test]
    fn a_review_file_keyed_by_headings_migrates_to_step_ids_on_load() {
        let dir = tempfile::tempdir().unwrap();
        let rendered = render_structured(&PlanContext::default(), &Answers::default());
        let step = &plan::steps()[1];
        let hash = &rendered.section(&step.id).unwrap().hash;
        let old = format!(
            r#"{{
  "version": 1,
  "sections": {{
    "Overview": {{ "comments": [{{ "author": "Ana", "text": "Intro ok", "at": "t0" }}] }},
    "{heading}": {{
      "comments": [{{ "author": "Bo", "text": "Why?", "at": "t1" }}],
      "sign_offs": [{{ "reviewer": "Bo", "decision": "approve", "content_hash": "{hash}", "at": "t2" }}]
    }},
    "{id}": {{ "comments": [{{ "author": "Cy", "text": "Already new", "at": "t3" }}] }},
    "Appendix Z": {{ "comments": [{{ "author": "Di", "text": "Kept", "at": "t4" }}] }}
  }}
}}"#,
            heading = step.heading(),
            id = step.id,
        );
        std::fs::create_dir_all(dir.path().join("project_docs")).unwrap();
        std::fs::write(review_path(dir.path()), old).unwrap();
        let reviews = load_reviews(dir.path()).unwrap();
        assert_eq!(reviews.version, REVIEW_FILE_VERSION);
        let keys: Vec<&str> = reviews.sections.keys().map(String::as_str).collect();
        assert_eq!(keys, ["Appendix Z", OVERVIEW_ID, step.id.as_str()]);
        let migrated = &reviews.sections[&step.id];
        let texts: Vec<&str> = migrated.comments.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["Already new", "Why?"]);
        assert_eq!(reviews.sections["Appendix Z"].comments[0].text, "Kept");
        // The migrated sign-off still holds: the section's hash is unchanged.
        let review = review_rendered(dir.path(), &rendered, &Answers::default(), &[]).unwrap();
        let section = review
            .sections
            .iter()
            .find(|s| s.step_id == step.id)
            .unwrap();
        assert!(section.sign_offs[0].current, "{section:?}");
        assert_eq!(section.comments.len(), 2);
        // Saving writes the new keys.
        add_comment(dir.path(), &rendered.sections, &step.id, "Ed", "ok", "t5").unwrap();
        let text = std::fs::read_to_string(review_path(dir.path())).unwrap();
        assert!(!text.contains(&format!("\"{}\"", step.heading())), "{text}");
        assert!(text.contains("\"version\": 2"), "{text}");
    }
}
