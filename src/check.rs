//! `deployplan check`: is the plan complete and current?
//!
//! The report lists sections missing from the written plan, fields still
//! `TBD` (and table cells left blank), proposals nobody has confirmed, and
//! staleness: documents changed, added or removed since the plan was written,
//! or answers that no longer match the written plan. The CLI only prints it.

use crate::answers::{Answers, Origin, Value};
use crate::plan::{self, FieldKind};
use crate::project::Project;
use crate::save::{content_hash, document_hashes, is_as_written, recorded_document_hashes};
use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// One thing the check found, with the field or file it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct CheckItem {
    /// A field id (`s1.post_mvp_pattern`), a heading, or a document path.
    pub subject: String,
    /// What is wrong, in plain words.
    pub message: String,
}

/// What `check` found; empty lists mean the plan is complete and current.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// The plan file checked.
    pub plan_path: PathBuf,
    /// Sections (or the whole plan) missing from the written plan.
    pub missing: Vec<CheckItem>,
    /// Fields still TBD, with their owners.
    pub open: Vec<CheckItem>,
    /// Proposals not yet confirmed by the user.
    pub unconfirmed: Vec<CheckItem>,
    /// Documents or answers that changed since the plan was written.
    pub stale: Vec<CheckItem>,
}

impl CheckReport {
    /// How many items the report lists.
    pub fn item_count(&self) -> usize {
        self.missing.len() + self.open.len() + self.unconfirmed.len() + self.stale.len()
    }

    /// Whether the plan is complete and current.
    pub fn is_complete(&self) -> bool {
        self.item_count() == 0
    }

    /// The report as text for a terminal, one item a line under its group.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "Plan: {}", self.plan_path.display());
        for (title, items) in [
            ("Missing", &self.missing),
            ("Open (TBD)", &self.open),
            ("Unconfirmed proposals", &self.unconfirmed),
            ("Stale", &self.stale),
        ] {
            if items.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n{title} ({}):", items.len());
            for item in items {
                let _ = writeln!(out, "  {}  {}", item.subject, item.message);
            }
        }
        if self.is_complete() {
            out.push_str("\nThe plan is complete and current.\n");
        } else {
            let _ = writeln!(out, "\n{} item(s) to resolve.", self.item_count());
        }
        out
    }
}

/// The longest proposed value an unconfirmed item quotes, in characters.
const QUOTED_VALUE: usize = 70;

/// What an unconfirmed item says: a short proposal quoted whole, a longer
/// one by its length (never cut off mid-sentence; the section has it all).
fn unconfirmed_message(label: &str, value: &str) -> String {
    if value.chars().count() <= QUOTED_VALUE {
        format!("{label} — proposed: {value}")
    } else {
        let words = value.split_whitespace().count();
        format!("{label} — proposed ({words} words), to confirm in its section")
    }
}

/// What the answers leave open, field by field in plan order: fields still
/// TBD (or with blank table cells), and proposals not yet confirmed. Read
/// from the answers alone, so review needs neither the written plan nor a
/// second render.
pub fn open_items(answers: &Answers) -> (Vec<CheckItem>, Vec<CheckItem>) {
    let mut open = Vec::new();
    let mut unconfirmed = Vec::new();
    for step in plan::steps() {
        for field in &step.fields {
            let Some(answer) = answers.get(&field.id) else {
                open.push(CheckItem {
                    subject: field.id.clone(),
                    message: format!("{} — TBD, owner: {}", field.label, field.owner),
                });
                continue;
            };
            if let (FieldKind::Table, Value::Table(rows)) = (field.kind, &answer.value) {
                let blank: usize = rows
                    .iter()
                    .filter(|row| row.iter().any(|c| !c.trim().is_empty()))
                    .map(|row| {
                        (0..field.columns.len())
                            .filter(|i| row.get(*i).is_none_or(|c| c.trim().is_empty()))
                            .count()
                    })
                    .sum();
                if blank > 0 {
                    open.push(CheckItem {
                        subject: field.id.clone(),
                        message: format!(
                            "{} — {blank} table cell(s) TBD, owner: {}",
                            field.label, field.owner
                        ),
                    });
                }
            }
            if answer.origin == Origin::Proposed {
                unconfirmed.push(CheckItem {
                    subject: field.id.clone(),
                    message: unconfirmed_message(&field.label, &answer.value.lines().join("; ")),
                });
            }
        }
    }
    (open, unconfirmed)
}

/// Checks the plan at `target` (default `project_docs/deploymentPlan.md`)
/// against `answers` and the project's documents as they are now.
pub fn check_plan(project: &Project, answers: &Answers, target: Option<&Path>) -> CheckReport {
    let plan_path = target
        .map(Path::to_path_buf)
        .unwrap_or_else(|| project.default_plan_path());
    let mut report = CheckReport {
        plan_path: plan_path.clone(),
        missing: Vec::new(),
        open: Vec::new(),
        unconfirmed: Vec::new(),
        stale: Vec::new(),
    };
    // What the answers give, with its structure: the sections and
    // sub-sections the written plan should have, and what is still open.
    let expected = crate::save::rendered_plan(project, answers);
    let step_sections = || {
        expected
            .sections
            .iter()
            .filter(|section| plan::steps().iter().any(|step| step.id == section.step_id))
    };
    let written = std::fs::read(&plan_path).ok();
    match &written {
        None => report.missing.push(CheckItem {
            subject: plan_path.display().to_string(),
            message: "the plan has not been written yet (run `deployplan generate`)".into(),
        }),
        Some(bytes) => {
            // The written plan may be edited by hand: its lines are all
            // there is to compare with.
            let text = String::from_utf8_lossy(bytes);
            let has_line = |wanted: &str| text.lines().any(|line| line.trim_end() == wanted);
            for section in step_sections() {
                let heading = format!("## {}", section.heading);
                if !has_line(&heading) {
                    report.missing.push(CheckItem {
                        subject: heading,
                        message: "section missing from the plan".into(),
                    });
                    continue;
                }
                for sub in &section.subheadings {
                    let sub = format!("### {sub}");
                    if !has_line(&sub) {
                        report.missing.push(CheckItem {
                            subject: sub,
                            message: format!(
                                "sub-section of {} missing from the plan",
                                section.heading
                            ),
                        });
                    }
                }
            }
        }
    }
    for section in step_sections() {
        report.open.extend(section.open.iter().cloned());
        report
            .unconfirmed
            .extend(section.unconfirmed.iter().cloned());
    }
    let recorded = recorded_document_hashes(&project.root);
    let current = document_hashes(project);
    if written.is_some() && recorded.is_empty() {
        report.stale.push(CheckItem {
            subject: plan_path.display().to_string(),
            message: "no record of the documents the plan was written from; regenerate it".into(),
        });
    } else if written.is_some() {
        for (path, hash) in &current {
            match recorded.get(path) {
                None => report.stale.push(CheckItem {
                    subject: path.clone(),
                    message: "document added since the plan was written".into(),
                }),
                Some(old) if old != hash => report.stale.push(CheckItem {
                    subject: path.clone(),
                    message: "document changed since the plan was written".into(),
                }),
                Some(_) => {}
            }
        }
        for path in recorded.keys().filter(|path| !current.contains_key(*path)) {
            report.stale.push(CheckItem {
                subject: path.clone(),
                message: "document removed since the plan was written".into(),
            });
        }
    }
    if let Some(bytes) = &written {
        if content_hash(expected.markdown.as_bytes()) != content_hash(bytes) {
            let message = if is_as_written(&project.root, &plan_path, bytes) {
                "the answers changed since the plan was written; regenerate it"
            } else {
                "the plan differs from what the answers give (edited by hand or written elsewhere)"
            };
            report.stale.push(CheckItem {
                subject: plan_path.display().to_string(),
                message: message.into(),
            });
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_proposal_is_quoted_whole_and_a_long_one_is_never_cut() {
        assert_eq!(
            unconfirmed_message("Pattern", "Canary"),
            "Pattern — proposed: Canary"
        );
        let long = "word ".repeat(30);
        let message = unconfirmed_message("Why", long.trim());
        assert_eq!(
            message,
            "Why — proposed (30 words), to confirm in its section"
        );
        assert!(!message.contains('…'));
    }
    #[test]
    fn open_items_come_from_the_answers_alone() {
        let mut answers = Answers::default();
        answers.values.insert(
            "s1.mvp_pattern".into(),
            crate::answers::Answer {
                value: Value::Text("Canary".into()),
                origin: Origin::Proposed,
                reason: None,
                sources: vec![],
                item_sources: vec![],
            },
        );
        answers.set_user(
            "s2.environments",
            Value::Table(vec![vec!["Dev".into(), "Try things".into()]]),
        );
        let (open, unconfirmed) = open_items(&answers);
        assert!(open.iter().all(|item| item.subject != "s1.mvp_pattern"));
        assert!(open.iter().any(|item| item.subject == "s2.environments"
            && item.message.contains("3 table cell(s) TBD")));
        assert!(open.iter().any(|item| item.subject == "s0.purpose"));
        assert_eq!(unconfirmed.len(), 1);
        assert_eq!(unconfirmed[0].subject, "s1.mvp_pattern");
        assert!(unconfirmed[0].message.ends_with("— proposed: Canary"));
    }
}
