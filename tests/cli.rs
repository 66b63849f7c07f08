//! The `deployplan` binary as a user runs it: `generate` never overwrites a
//! plan edited by hand unless told to, and then keeps a backup.

use std::fs;
use std::path::Path;
use std::process::Command;

fn deployplan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_deployplan"))
        .args(args)
        .output()
        .unwrap()
}

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("project_docs");
    fs::create_dir_all(&docs).unwrap();
    fs::write(
        docs.join("userStories.md"),
        "# User Stories\n\n- As a user I sign in\n",
    )
    .unwrap();
    dir
}

fn path(dir: &Path) -> &str {
    dir.to_str().unwrap()
}

#[test]
fn generate_refuses_to_overwrite_a_hand_edited_plan_without_force() {
    let dir = project();
    let first = deployplan(&["generate", path(dir.path())]);
    assert!(first.status.success(), "{first:?}");
    let plan = dir.path().join("project_docs/deploymentPlan.md");
    let edited = fs::read_to_string(&plan).unwrap() + "\nMy hand-written note.\n";
    fs::write(&plan, &edited).unwrap();

    let refused = deployplan(&["generate", path(dir.path())]);
    assert!(!refused.status.success(), "{refused:?}");
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("edited by hand") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&plan).unwrap(), edited, "file untouched");

    let forced = deployplan(&["generate", path(dir.path()), "--force"]);
    assert!(forced.status.success(), "{forced:?}");
    assert!(!fs::read_to_string(&plan)
        .unwrap()
        .contains("My hand-written note."));
    let backup = dir.path().join(".deployplan/backups/deploymentPlan.md.1");
    assert_eq!(
        fs::read_to_string(backup).unwrap(),
        edited,
        "backup holds the old text"
    );
}

#[test]
fn generate_on_a_missing_folder_fails_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere");
    let output = deployplan(&["generate", path(&missing)]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("nowhere"), "{stderr}");
}

#[test]
fn a_corrupt_draft_is_kept_aside_and_the_plan_comes_from_the_documents() {
    let dir = project();
    let draft = dir.path().join("project_docs/deploymentPlan.draft.json");
    fs::write(&draft, "{ half a draft").unwrap();
    let output = deployplan(&["generate", path(dir.path())]);
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("could not be read") && stderr.contains("corrupt-1.json"),
        "{stderr}"
    );
    assert!(
        !draft.exists(),
        "the corrupt draft no longer blocks the app"
    );
    let kept = dir
        .path()
        .join("project_docs/deploymentPlan.draft.corrupt-1.json");
    assert_eq!(fs::read_to_string(kept).unwrap(), "{ half a draft");
    assert!(dir.path().join("project_docs/deploymentPlan.md").is_file());
}

#[test]
fn an_answers_file_is_used_instead_of_the_draft() {
    let dir = project();
    let answers = dir.path().join("answers.json");
    fs::write(
        &answers,
        r#"{ "version": 1, "values": { "s0.purpose": { "value": "From the file", "origin": "user" } } }"#,
    )
    .unwrap();
    let draft = dir.path().join("project_docs/deploymentPlan.draft.json");
    fs::write(&draft, "{ half a draft").unwrap();
    let output = deployplan(&[
        "generate",
        path(dir.path()),
        "--answers",
        answers.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{output:?}");
    let plan = fs::read_to_string(dir.path().join("project_docs/deploymentPlan.md")).unwrap();
    assert!(plan.contains("From the file"));
    assert_eq!(
        fs::read_to_string(&draft).unwrap(),
        "{ half a draft",
        "the draft is not read, so not set aside"
    );
}
