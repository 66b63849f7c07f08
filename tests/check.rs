//! `check`: complete and current plans pass; TBDs, proposals and documents
//! edited after the plan was written are listed.

mod common;

use deployplan::answers::{suggest_answers, Answers, Value};
use deployplan::check::check_plan;
use deployplan::plan::{steps, FieldKind};
use deployplan::save::save_plan;
use deployplan::Project;

/// Every field answered by the user, every table cell filled.
fn complete_answers() -> Answers {
    let mut answers = Answers::default();
    for step in steps() {
        for field in &step.fields {
            let value = match field.kind {
                FieldKind::Table => Value::Table(vec![field
                    .columns
                    .iter()
                    .map(|column| format!("{column} value"))
                    .collect()]),
                kind if kind.is_list() => Value::List(vec![format!("{} item", field.label)]),
                _ => Value::Text(format!("{} answer", field.label)),
            };
            answers.set_user(&field.id, value);
        }
    }
    answers
}

fn sample_copy() -> (tempfile::TempDir, Project) {
    let dir = common::sample_copy();
    let project = Project::open(dir.path()).unwrap();
    (dir, project)
}

#[test]
fn a_complete_current_plan_lists_nothing() {
    let (_dir, project) = sample_copy();
    let answers = complete_answers();
    save_plan(&project, &answers, None, false).unwrap();
    let report = check_plan(&project, &answers, None);
    assert!(report.is_complete(), "{}", report.to_text());
    assert_eq!(report.item_count(), 0);
}

#[test]
fn a_plan_never_written_is_listed_as_missing() {
    let (_dir, project) = sample_copy();
    let report = check_plan(&project, &complete_answers(), None);
    assert_eq!(report.missing.len(), 1, "{}", report.to_text());
    assert!(!report.is_complete());
}

#[test]
fn a_tbd_field_is_listed_with_its_owner() {
    let (_dir, project) = sample_copy();
    let mut answers = complete_answers();
    answers.values.remove("s1.post_mvp_pattern");
    save_plan(&project, &answers, None, false).unwrap();
    let report = check_plan(&project, &answers, None);
    assert_eq!(report.open.len(), 1, "{}", report.to_text());
    assert_eq!(report.open[0].subject, "s1.post_mvp_pattern");
    assert!(report.open[0].message.contains("owner: DevOps Engineer"));
    assert!(report.stale.is_empty() && report.missing.is_empty());
}

#[test]
fn unconfirmed_proposals_are_listed() {
    let (_dir, project) = sample_copy();
    let answers = suggest_answers(&project);
    save_plan(&project, &answers, None, false).unwrap();
    let report = check_plan(&project, &answers, None);
    assert!(
        report
            .unconfirmed
            .iter()
            .any(|item| item.subject == "s1.mvp_pattern"),
        "{}",
        report.to_text()
    );
    assert!(report.stale.is_empty(), "{}", report.to_text());
}

#[test]
fn a_document_edited_after_the_plan_was_written_makes_it_stale() {
    let (dir, project) = sample_copy();
    let answers = complete_answers();
    save_plan(&project, &answers, None, false).unwrap();
    let spec = dir.path().join("project_docs/technicalSpecification.md");
    let mut text = std::fs::read_to_string(&spec).unwrap();
    text.push_str("\nAvailability target raised to 99.95%.\n");
    std::fs::write(&spec, text).unwrap();
    let reopened = Project::open(dir.path()).unwrap();
    let report = check_plan(&reopened, &answers, None);
    assert_eq!(report.stale.len(), 1, "{}", report.to_text());
    assert_eq!(
        report.stale[0].subject,
        "project_docs/technicalSpecification.md"
    );
    assert!(report.stale[0].message.contains("changed"));
}

#[test]
fn answers_changed_after_the_plan_was_written_make_it_stale() {
    let (_dir, project) = sample_copy();
    let mut answers = complete_answers();
    save_plan(&project, &answers, None, false).unwrap();
    answers.set_user("s0.purpose", Value::Text("A new purpose".into()));
    let report = check_plan(&project, &answers, None);
    assert_eq!(report.stale.len(), 1, "{}", report.to_text());
    assert!(report.stale[0].message.contains("answers changed"));
}
