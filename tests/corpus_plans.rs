//! Plans for each real document set of the shared corpus, with defaults only,
//! compared with reviewed snapshots; and every Mermaid block of these plans
//! (and of the sample plan) checked for structural sanity. The real parse in
//! a browser is `.ci/validate_mermaid.sh`.
//!
//! The shared corpus lives beside the repository (`../shared/corpus`), which a
//! newcomer's clone does not have: these tests are therefore ignored by default
//! (`cargo test` lists them as ignored, with the reason) and run by
//! `scripts/test-all.sh` with `--ignored` when the corpus is present. They
//! never pass without having run.

use deployplan::answers::suggest_answers;
use deployplan::plan::steps;
use deployplan::save::plan_markdown;
use deployplan::Project;
use std::path::PathBuf;

/// The shared corpus, read in place (it is read-only: only opened, never written).
fn corpus_sets() -> Vec<PathBuf> {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let entries = std::fs::read_dir(&corpus).unwrap_or_else(|error| {
        panic!(
            "the shared corpus is needed at {} ({error}); run these tests only where it is",
            corpus.display()
        )
    });
    let mut sets: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .collect();
    sets.sort();
    assert!(!sets.is_empty(), "no document sets in {}", corpus.display());
    sets
}

fn default_plan(dir: &std::path::Path) -> String {
    let project = Project::open(dir).unwrap_or_else(|e| panic!("{} opens: {e}", dir.display()));
    plan_markdown(&project, &suggest_answers(&project))
}

/// The body of every ```mermaid block.
fn mermaid_blocks(plan: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in plan.lines() {
        match (&mut current, line) {
            (None, "```mermaid") => current = Some(Vec::new()),
            (Some(lines), "```") => {
                blocks.push(lines.join("\n"));
                current = None;
            }
            (Some(lines), line) => lines.push(line),
            (None, _) => {}
        }
    }
    assert!(current.is_none(), "an unclosed mermaid block");
    blocks
}

/// The first line that names the diagram type (after any front matter).
fn diagram_type(block: &str) -> &str {
    let mut lines = block.lines();
    let mut first = lines.next().unwrap_or_default();
    if first == "---" {
        for line in lines.by_ref() {
            if line == "---" {
                break;
            }
        }
        first = lines.next().unwrap_or_default();
    }
    first.split_whitespace().next().unwrap_or_default()
}

fn assert_sane_diagrams(name: &str, plan: &str) {
    let blocks = mermaid_blocks(plan);
    assert!(
        blocks.len() >= 5,
        "{name}: {} diagrams, want at least 5",
        blocks.len()
    );
    for block in &blocks {
        let kind = diagram_type(block);
        assert!(
            ["flowchart", "gantt", "sequenceDiagram", "stateDiagram-v2"].contains(&kind),
            "{name}: unknown diagram type {kind:?} in\n{block}"
        );
        for line in block.lines() {
            assert_eq!(
                line.matches('"').count() % 2,
                0,
                "{name}: unbalanced quotes in {line:?}"
            );
        }
        if kind == "gantt" {
            assert!(block.contains("dateFormat YYYY-MM-DD"), "{name}: {block}");
            for line in block.lines().filter(|l| l.contains(":milestone")) {
                let (task, rest) = line.split_once(" :").unwrap();
                assert!(
                    !task.contains(':') && !task.contains('#') && !task.contains(';'),
                    "{name}: {line}"
                );
                let date = rest.split(", ").nth(2).unwrap_or_default();
                assert!(
                    date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-',
                    "{name}: {line}"
                );
            }
        }
    }
    for wanted in [
        "workflow",
        "MVP pipeline",
        "Environment promotion",
        "Rollback decision flow",
        "Release timeline",
    ] {
        assert!(
            blocks.iter().any(|b| b.contains(wanted)),
            "{name}: no {wanted} diagram"
        );
    }
}

#[test]
#[ignore = "needs ../shared/corpus; scripts/test-all.sh runs it when present"]
fn every_corpus_plan_matches_its_reviewed_snapshot() {
    for dir in corpus_sets() {
        let name = dir
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace("__", "_");
        let plan = default_plan(&dir);
        let mut from = 0;
        for step in steps() {
            let heading = format!("\n## {}\n", step.heading());
            let at = plan[from..]
                .find(&heading)
                .unwrap_or_else(|| panic!("{name}: {} missing", step.heading()));
            from += at + heading.len();
        }
        insta::assert_snapshot!(format!("corpus_{name}"), plan);
    }
}

#[test]
#[ignore = "needs ../shared/corpus; scripts/test-all.sh runs it when present"]
fn every_mermaid_block_of_the_corpus_and_sample_plans_is_sane() {
    for dir in corpus_sets() {
        assert_sane_diagrams(&dir.display().to_string(), &default_plan(&dir));
    }
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/sample-project");
    assert_sane_diagrams("sample", &default_plan(&sample));
}

#[test]
#[ignore = "needs ../shared/corpus; scripts/test-all.sh runs it when present"]
fn corpus_plans_are_byte_identical_when_rendered_twice() {
    for dir in corpus_sets() {
        assert_eq!(default_plan(&dir), default_plan(&dir), "{}", dir.display());
    }
}
