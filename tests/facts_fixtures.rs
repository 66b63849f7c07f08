//! Reading the fixture projects in tests/fixtures/documents end to end:
//! discovery, roles, outlines and facts with their sources.

use deployplan::model::{Fact, Role};
use deployplan::Project;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/documents")
        .join(name)
}

/// A copy of a fixture in a temporary folder, so tests can add files.
fn copy_of(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_folder(&fixture(name), dir.path());
    dir
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn values(facts: &[Fact], key: &str) -> Vec<String> {
    facts
        .iter()
        .filter(|f| f.key == key)
        .map(|f| f.value.clone())
        .collect()
}

fn roles(project: &Project) -> Vec<(String, Option<Role>)> {
    project
        .documents
        .iter()
        .map(|d| (d.document.path.clone(), d.document.role))
        .collect()
}

#[test]
fn markdown_in_the_wild_is_found_and_given_roles() {
    let dir = copy_of("wild");
    std::fs::create_dir_all(dir.path().join("node_modules/pkg")).unwrap();
    std::fs::write(
        dir.path().join("node_modules/pkg/architecture.md"),
        "# Architecture\n\nUses MongoDB.\n",
    )
    .unwrap();
    let project = Project::open(dir.path()).unwrap();
    assert_eq!(
        roles(&project),
        [
            ("README.md".to_string(), None),
            ("docs/test-plan.md".to_string(), Some(Role::Test)),
            (
                "project_docs/businessRequirements.md".to_string(),
                Some(Role::Brd)
            ),
            (
                "project_docs/productRequirements_mvp.md".to_string(),
                Some(Role::Prd)
            ),
            (
                "project_docs/technicalSpecification.md".to_string(),
                Some(Role::Spec)
            ),
        ]
    );
    assert!(
        project
            .warnings
            .iter()
            .any(|w| w.starts_with("docs/test-plan.md: not valid UTF-8")),
        "{:?}",
        project.warnings
    );
}

#[test]
fn tool_decisions_are_facts_and_alternatives_are_hints() {
    let project = Project::open(&fixture("wild")).unwrap();
    let facts = &project.facts;
    assert_eq!(values(facts, "frontend.framework"), ["nextjs"]);
    assert_eq!(
        values(facts, "ci.tool"),
        ["github-actions"],
        "Jenkins is only in a code fence, GitLab CI only an alternative"
    );
    assert_eq!(values(facts, "cloud.provider"), ["aws"]);
    assert_eq!(values(facts, "iac.tool"), ["terraform"]);
    assert_eq!(values(facts, "hosting.platform"), ["lambda"]);
    assert!(
        values(facts, "container.orchestrator")
            .iter()
            .all(|v| v != "kubernetes"),
        "negated"
    );
    assert!(
        values(facts, "observability.tool").is_empty(),
        "future enhancements are not decisions"
    );
    assert!(
        values(facts, "db.engine").is_empty(),
        "the README has no role and node_modules is skipped"
    );
    assert!(values(&project.hints, "ci.tool").contains(&"gitlab-ci".to_string()));
    assert!(values(&project.hints, "observability.tool").contains(&"datadog".to_string()));
}

#[test]
fn service_levels_and_lists_are_read_with_their_sources() {
    let project = Project::open(&fixture("wild")).unwrap();
    let facts = &project.facts;
    assert_eq!(values(facts, "nfr.availability"), ["99.95%"]);
    assert_eq!(values(facts, "nfr.latency"), ["p95 < 300 ms"]);
    assert_eq!(values(facts, "nfr.rto"), ["1 hour"]);
    assert_eq!(values(facts, "nfr.zero_downtime"), ["true"]);
    assert_eq!(
        values(facts, "release.criterion").len(),
        3,
        "nested items are not criteria"
    );
    assert_eq!(
        values(facts, "test.exit_criterion"),
        [
            "All critical tests pass",
            "UAT signed off by the Product Owner"
        ]
    );
    assert_eq!(
        values(facts, "stakeholder.role"),
        ["Product Owner", "DevOps Lead"]
    );
    assert_eq!(values(facts, "timeline.mvp_launch"), ["Week 8"]);
    assert_eq!(values(facts, "project.name"), ["Acme Shop"]);
    let mut environments = values(facts, "test.environment");
    environments.sort();
    assert_eq!(environments, ["dev", "prod", "qa", "staging", "uat"]);

    // Front matter, BOM and CRLF do not shift line numbers.
    let availability = facts.iter().find(|f| f.key == "nfr.availability").unwrap();
    let source = &availability.sources[0];
    assert_eq!(source.path, "project_docs/technicalSpecification.md");
    assert_eq!((source.line_start, source.line_end), (28, 28));
    assert_eq!(source.heading, "Technical Specification: Acme Shop > 2. Tech Stack ✅ (Done) > 3.1 Service Level Objectives 🚀");
    assert_eq!(source.excerpt, "Availability: 99.95% per month");
}

#[test]
fn known_layouts_give_roles_and_the_loser_of_a_decision_is_a_hint() {
    let project = Project::open(&fixture("layouts")).unwrap();
    assert_eq!(
        roles(&project),
        [
            (
                ".kiro/specs/checkout/design.md".to_string(),
                Some(Role::Spec)
            ),
            (
                ".kiro/specs/checkout/requirements.md".to_string(),
                Some(Role::Prd)
            ),
            (
                ".kiro/specs/checkout/tasks.md".to_string(),
                Some(Role::Stories)
            ),
            ("TEST_STRATEGY.md".to_string(), Some(Role::Test)),
            ("docs/03_architecture.md".to_string(), Some(Role::Spec)),
            ("specs/001-search/plan.md".to_string(), Some(Role::Spec)),
            ("specs/001-search/spec.md".to_string(), Some(Role::Prd)),
        ]
    );
    let facts = &project.facts;
    assert_eq!(values(facts, "ci.tool"), ["codepipeline"]);
    assert_eq!(values(&project.hints, "ci.tool"), ["github-actions"]);
    let mut engines = values(facts, "db.engine");
    engines.sort();
    assert_eq!(engines, ["dynamodb", "postgresql", "redis"]);
    assert_eq!(values(facts, "backend.framework"), ["fastapi"]);
    assert_eq!(
        values(facts, "nfr.latency"),
        ["The system SHALL confirm orders within 2 seconds"]
    );
}

#[test]
fn the_same_documents_give_the_same_facts_every_time() {
    let first = Project::open(&fixture("wild")).unwrap();
    let second = Project::open(&fixture("wild")).unwrap();
    assert_eq!(first.facts, second.facts);
    assert_eq!(first.hints, second.hints);
}
