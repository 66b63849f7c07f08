//! The plan generated for the bundled sample project, with defaults only,
//! compared with a reviewed snapshot (tests/snapshots/).

mod common;

use common::sample_dir;
use deployplan::answers::suggest_answers;
use deployplan::plan::steps;
use deployplan::save::{plan_markdown, save_plan};
use deployplan::Project;

#[test]
fn the_sample_plan_matches_its_reviewed_snapshot() {
    let project = Project::open(&sample_dir()).expect("the sample project opens");
    let plan = plan_markdown(&project, &suggest_answers(&project));
    insta::assert_snapshot!("sample_plan", plan);
}

#[test]
fn the_sample_plan_has_every_section_in_order() {
    let project = Project::open(&sample_dir()).unwrap();
    let plan = plan_markdown(&project, &suggest_answers(&project));
    let mut from = 0;
    for step in steps() {
        let heading = format!("\n## {}\n", step.heading());
        let at = plan[from..]
            .find(&heading)
            .unwrap_or_else(|| panic!("{} missing or out of order", step.heading()));
        from += at + heading.len();
    }
}

#[test]
fn generating_twice_gives_identical_bytes_and_a_backup() {
    let dir = common::sample_copy();
    let project = Project::open(dir.path()).unwrap();
    let answers = suggest_answers(&project);
    let first = save_plan(&project, &answers, None, false).unwrap();
    let bytes = std::fs::read(&first.path).unwrap();
    let second = save_plan(&project, &answers, None, false).unwrap();
    assert_eq!(std::fs::read(&second.path).unwrap(), bytes);
    assert_eq!(
        std::fs::read(second.backup.expect("a backup of the first plan")).unwrap(),
        bytes
    );
}

#[test]
fn a_hand_edited_plan_is_not_overwritten_without_force() {
    let dir = common::sample_copy();
    let project = Project::open(dir.path()).unwrap();
    let answers = suggest_answers(&project);
    let saved = save_plan(&project, &answers, None, false).unwrap();
    std::fs::write(&saved.path, "my own edits\n").unwrap();
    let error = save_plan(&project, &answers, None, false).unwrap_err();
    assert_eq!(error.code(), "hand_edited");
    assert_eq!(
        std::fs::read_to_string(&saved.path).unwrap(),
        "my own edits\n"
    );
    let forced = save_plan(&project, &answers, None, true).unwrap();
    assert_eq!(
        std::fs::read_to_string(forced.backup.unwrap()).unwrap(),
        "my own edits\n"
    );
}
