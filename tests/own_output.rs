//! DeployPlan never reads its own output as input: a plan or export copied
//! anywhere inside the project, under any name, yields no facts and no role,
//! and is listed as "DeployPlan output (not read)"; a deployment document
//! written by hand is still read.

mod common;

use deployplan::output_marker::{is_deployplan_output, OUTPUT_REASON};
use deployplan::Project;
use std::fs;
use std::process::Command;

fn deployplan(args: &[&str]) -> std::process::Output {
    let output = Command::new(env!("CARGO_BIN_EXE_deployplan"))
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "deployplan {args:?}: {output:?}");
    output
}

fn facts_citing(project: &Project, path: &str) -> usize {
    project
        .facts
        .iter()
        .chain(&project.hints)
        .filter(|fact| fact.sources.iter().any(|source| source.path == path))
        .count()
}

/// The sample with its plan generated, and an export of it copied to `copy`.
fn sample_with_exported_copy(copy: &str) -> tempfile::TempDir {
    let dir = common::sample_copy();
    let root = dir.path().to_str().unwrap();
    deployplan(&["generate", root]);
    let target = dir.path().join(copy);
    fs::create_dir_all(target.parent().unwrap()).unwrap();
    deployplan(&[
        "export",
        root,
        "--format",
        "md",
        "--out",
        target.to_str().unwrap(),
    ]);
    dir
}

#[test]
fn an_exported_copy_under_another_name_in_another_folder_yields_no_facts_and_no_role() {
    let before = Project::open(common::sample_copy().path()).unwrap();
    for copy in ["docs/plan-export.md", "planning/exports/Release Plan v2.MD"] {
        let dir = sample_with_exported_copy(copy);
        let project = Project::open(dir.path()).unwrap();
        assert_eq!(facts_citing(&project, copy), 0, "{copy} was read");
        assert_eq!(project.facts.len(), before.facts.len(), "{copy}");
        let listed = project
            .document_list()
            .into_iter()
            .find(|document| document.path == copy)
            .unwrap_or_else(|| panic!("{copy} is not listed"));
        assert!(listed.own_output);
        assert_eq!(listed.role, None);
        assert_eq!(listed.reason, OUTPUT_REASON);
        assert!(
            !project.documents.iter().any(|d| d.document.path == copy),
            "{copy} is among the documents read"
        );
    }
}

#[test]
fn the_marker_survives_a_round_trip_through_the_markdown_export() {
    let dir = sample_with_exported_copy("docs/copy.md");
    let plan = fs::read_to_string(dir.path().join("project_docs/deploymentPlan.md")).unwrap();
    let exported = fs::read_to_string(dir.path().join("docs/copy.md")).unwrap();
    assert!(is_deployplan_output(&plan));
    assert!(is_deployplan_output(&exported));
    // Saved again by an editor that turned the line endings into CRLF.
    fs::write(
        dir.path().join("docs/copy.md"),
        exported.replace('\n', "\r\n"),
    )
    .unwrap();
    let project = Project::open(dir.path()).unwrap();
    assert_eq!(facts_citing(&project, "docs/copy.md"), 0);
}

#[test]
fn a_hand_written_deployment_document_is_still_read() {
    let dir = common::sample_copy();
    let runbook = "docs/deployment-plan.md";
    fs::create_dir_all(dir.path().join("docs")).unwrap();
    fs::write(
        dir.path().join(runbook),
        "# Deployment plan\n\n## Tooling\n\nReleases are deployed by GitHub Actions. Container images are built with Docker.\n\n## Rollback\n\nRedeploy the previous image tag.\n",
    )
    .unwrap();
    let project = Project::open(dir.path()).unwrap();
    let listed = project
        .document_list()
        .into_iter()
        .find(|document| document.path == runbook)
        .expect("the runbook is listed");
    assert!(!listed.own_output);
    assert!(
        project.documents.iter().any(|d| d.document.path == runbook),
        "the runbook is read"
    );
}

#[test]
fn copies_of_drafts_review_files_and_the_html_export_are_never_read() {
    let dir = common::sample_copy();
    let root = dir.path().to_str().unwrap();
    deployplan(&["generate", root]);
    let plan = fs::read_to_string(dir.path().join("project_docs/deploymentPlan.md")).unwrap();
    let html = deployplan::export::html::standalone_page(
        &deployplan::markdown::render_html(&plan),
        &[],
        &deployplan::export::ExportOptions::titled("Plan"),
    );
    let draft = deployplan::draft::answers_json(
        &deployplan::session::open_for_editing(dir.path())
            .unwrap()
            .answers,
    );
    let copies: [(&str, &str); 4] = [
        ("docs/shared/plan.html", &html),
        // An HTML export renamed with a Markdown ending is known by its comment.
        ("docs/shared/plan-html.md", &html),
        ("docs/shared/deploymentPlan.draft.json", &draft),
        (
            "docs/shared/deploymentPlan.review.json",
            "{\"sections\":{}}\n",
        ),
    ];
    for (path, text) in copies {
        fs::create_dir_all(dir.path().join(path).parent().unwrap()).unwrap();
        fs::write(dir.path().join(path), text).unwrap();
    }
    let project = Project::open(dir.path()).unwrap();
    for (path, _) in copies {
        assert_eq!(facts_citing(&project, path), 0, "{path} was read");
        assert!(
            !project.documents.iter().any(|d| d.document.path == path),
            "{path} is among the documents read"
        );
    }
    assert!(project
        .document_list()
        .iter()
        .any(|d| d.path == "docs/shared/plan-html.md" && d.own_output));
}

#[test]
fn facts_says_which_files_are_deployplan_output() {
    let dir = sample_with_exported_copy("docs/plan-export.md");
    let root = dir.path().to_str().unwrap();
    let table = String::from_utf8(deployplan(&["facts", root]).stdout).unwrap();
    let section = table
        .split_once(OUTPUT_REASON)
        .unwrap_or_else(|| panic!("no output section in:\n{table}"))
        .1;
    assert!(section.contains("docs/plan-export.md"), "{table}");
    let json: serde_json::Value =
        serde_json::from_slice(&deployplan(&["facts", root, "--json"]).stdout).unwrap();
    let entry = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == "docs/plan-export.md")
        .expect("listed in the JSON");
    assert_eq!(entry["own_output"], true);
    assert_eq!(entry["role"], serde_json::Value::Null);
    let cited = json["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|fact| {
            fact["sources"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["path"] == "docs/plan-export.md")
        })
        .count();
    assert_eq!(cited, 0);
}
