//! Tests of the suggestion rules, on facts written for them.

use super::*;
use std::path::PathBuf;

fn fact(key: &str, value: &str, line: u32) -> Fact {
    Fact {
        key: key.into(),
        value: value.into(),
        sources: vec![Source {
            path: "project_docs/technicalSpecification.md".into(),
            line_start: line,
            line_end: line,
            heading: "NFRs > Reliability".into(),
            excerpt: format!("{key} {value}"),
        }],
    }
}

fn project(facts: Vec<Fact>) -> Project {
    Project {
        root: PathBuf::from("/p"),
        name: "p".into(),
        documents: Vec::new(),
        own_outputs: Vec::new(),
        facts,
        hints: Vec::new(),
        warnings: Vec::new(),
    }
}

#[test]
fn high_availability_proposes_blue_green_citing_the_nfr() {
    let answers = suggest_answers(&project(vec![fact("nfr.availability", "99.9%", 212)]));
    let answer = answers
        .get("s1.mvp_pattern")
        .expect("a pattern is proposed");
    assert_eq!(answer.value, Value::Text("Blue/Green".into()));
    assert_eq!(answer.origin, Origin::Proposed);
    let reason = answer.reason.as_deref().unwrap();
    assert!(
        reason.contains("technicalSpecification.md › Reliability (line 212)"),
        "{reason}"
    );
    assert!(reason.contains("99.9%"));
}

#[test]
fn documented_tools_fill_their_fields_with_sources() {
    let answers = suggest_answers(&project(vec![fact("ci.tool", "github-actions", 40)]));
    let answer = answers.get("s3.ci_tool").unwrap();
    assert_eq!(answer.value, Value::Text("GitHub Actions".into()));
    assert_eq!(answer.origin, Origin::Document);
    assert_eq!(answer.sources[0].line_start, 40);
}

#[test]
fn user_answers_survive_a_merge_of_suggestions() {
    let mut answers = Answers::default();
    answers.set_user("s3.ci_tool", Value::Text("Jenkins".into()));
    answers.merge_suggestions(&suggest_answers(&project(vec![fact(
        "ci.tool",
        "github-actions",
        40,
    )])));
    assert_eq!(
        answers.get("s3.ci_tool").unwrap().value,
        Value::Text("Jenkins".into())
    );
}

fn fact_with_excerpt(key: &str, value: &str, line: u32, excerpt: &str) -> Fact {
    let mut fact = fact(key, value, line);
    fact.sources[0].excerpt = excerpt.into();
    fact
}

fn text_of(answers: &Answers, id: &str) -> String {
    answers
        .get(id)
        .unwrap_or_else(|| panic!("{id} has an answer"))
        .value
        .lines()
        .join("\n")
}

#[test]
fn no_strict_availability_proposes_a_rolling_update() {
    let answers = suggest_answers(&project(vec![fact("nfr.availability", "99.5%", 3)]));
    let answer = answers.get("s1.mvp_pattern").unwrap();
    assert_eq!(answer.value, Value::Text("Rolling Update".into()));
    assert_eq!(answer.origin, Origin::Proposed);
}

#[test]
fn the_mvp_launch_is_the_best_supported_date_and_names_the_others() {
    let mut launch = fact("timeline.mvp_launch", "2027-04-30", 107);
    launch.sources.push(launch.sources[0].clone());
    launch.sources[1].line_start = 110;
    let answers = suggest_answers(&project(vec![
        fact("timeline.mvp_launch", "2027-04-16", 106),
        launch,
    ]));
    let answer = answers.get("s0.mvp_launch").unwrap();
    assert_eq!(answer.value, Value::Text("2027-04-30".into()));
    assert_eq!(answer.origin, Origin::Document);
    let reason = answer.reason.as_deref().unwrap();
    assert!(reason.contains("also mention 2027-04-16"), "{reason}");
}

#[test]
fn milestones_become_rows_with_dates_phases_and_their_own_sources() {
    let answers = suggest_answers(&project(vec![
        fact("timeline.mvp_launch", "2027-04-30", 9),
        fact(
            "timeline.milestone",
            "M1 — Foundations | 2027-02-12 | Terraform ready",
            103,
        ),
        fact(
            "timeline.milestone",
            "M6 — Increment 1 | 2027-06-25 | SMS",
            108,
        ),
        fact("timeline.milestone", "Increment 1: 2027-06-25", 111),
    ]));
    let answer = answers.get("s0.milestones").unwrap();
    assert_eq!(
        answer.value,
        Value::Table(vec![
            vec![
                "M1 — Foundations".into(),
                "2027-02-12".into(),
                "MVP".into(),
                "Terraform ready".into()
            ],
            vec![
                "M6 — Increment 1".into(),
                "2027-06-25".into(),
                "Post-MVP".into(),
                "SMS".into()
            ],
        ])
    );
    assert_eq!(answer.item_sources.len(), 2);
    assert_eq!(
        answer.item_sources[1].len(),
        2,
        "the duplicate folds into M6"
    );
}

#[test]
fn undated_milestone_rows_keep_their_name_and_notes() {
    let answers = suggest_answers(&project(vec![
        fact("timeline.milestone", "Week 1 focus | Publishing flow", 1),
        fact("timeline.milestone", "Day 14 | Community launch", 2),
        fact(
            "timeline.milestone",
            "Testing and refinement (Day 13-14)",
            3,
        ),
    ]));
    let rows = answers.get("s0.milestones").unwrap().value.rows();
    assert_eq!(rows[0][..2], ["Week 1 focus".to_string(), String::new()]);
    assert_eq!(rows[0][3], "Publishing flow");
    assert_eq!(
        rows[1][..2],
        ["Community launch".to_string(), "Day 14".to_string()]
    );
    assert_eq!(
        rows[2][..2],
        [
            "Testing and refinement".to_string(),
            "Day 13-14".to_string()
        ]
    );
}

#[test]
fn phases_with_weeks_in_brackets_are_placed_before_or_after_the_launch_week() {
    let answers = suggest_answers(&project(vec![
        fact("timeline.mvp_launch", "Weeks 9-10", 1),
        fact(
            "timeline.milestone",
            "Phase 1: Setup (Weeks 1-2): Finalize tech",
            2,
        ),
        fact("timeline.milestone", "Phase 6: Growth (Weeks 11-14)", 3),
        fact(
            "timeline.milestone",
            "Phase 5: Maintenance (Post-Launch): Content",
            4,
        ),
    ]));
    let rows = answers.get("s0.milestones").unwrap().value.rows();
    assert_eq!(
        rows[0],
        ["Phase 1: Setup", "Weeks 1-2", "MVP", "Finalize tech"]
    );
    assert_eq!(rows[1][2], "Post-MVP");
    assert_eq!(
        rows[2][..3],
        [
            "Phase 5: Maintenance (Post-Launch): Content".to_string(),
            String::new(),
            "Post-MVP".to_string()
        ]
    );
}

#[test]
fn a_feature_flag_tool_proposes_a_canary_for_later_releases() {
    let answers = suggest_answers(&project(vec![fact("feature_flags.tool", "unleash", 99)]));
    let answer = answers.get("s1.post_mvp_pattern").unwrap();
    assert_eq!(answer.value, Value::Text("Canary".into()));
    assert_eq!(answer.origin, Origin::Proposed);
    assert!(answer.reason.as_deref().unwrap().contains("Unleash"));
}

#[test]
fn a_documented_canary_wish_proposes_a_canary_and_citing_it() {
    let answers = suggest_answers(&project(vec![fact(
        "postmvp.increment",
        "API changes could be released to a small share of traffic first",
        147,
    )]));
    let answer = answers.get("s1.post_mvp_pattern").unwrap();
    assert_eq!(answer.value, Value::Text("Canary".into()));
    assert!(answer.reason.as_deref().unwrap().contains("(line 147)"));
    assert!(
        answers.get("s0.post_mvp_goals").is_none(),
        "not an increment"
    );
}

#[test]
fn flag_and_cadence_statements_fill_their_own_fields_from_the_documents() {
    let answers = suggest_answers(&project(vec![
        fact("postmvp.increment", "Increment 1: SMS reminders", 74),
        fact(
            "postmvp.increment",
            "Every post-MVP feature ships dark behind a flag",
            141,
        ),
        fact(
            "postmvp.increment",
            "After the MVP, a release is made every two weeks",
            146,
        ),
    ]));
    assert_eq!(
        text_of(&answers, "s0.post_mvp_goals"),
        "Increment 1: SMS reminders"
    );
    let flags = answers.get("s1.feature_flag_strategy").unwrap();
    assert_eq!(flags.origin, Origin::Document);
    assert!(text_of(&answers, "s1.feature_flag_strategy").contains("ships dark"));
    let cadence = answers.get("s1.post_mvp_cadence").unwrap();
    assert_eq!(cadence.origin, Origin::Document);
    assert!(text_of(&answers, "s1.post_mvp_cadence").contains("every two weeks"));
}

#[test]
fn environments_come_in_promotion_order_with_purposes_from_the_excerpts() {
    let answers = suggest_answers(&project(vec![
        fact_with_excerpt(
            "test.environment",
            "prod",
            93,
            "Production | Live service; smoke tests only | Real data",
        ),
        fact_with_excerpt(
            "test.environment",
            "dev",
            89,
            "Dev | Integration of merged work | Synthetic",
        ),
        fact_with_excerpt(
            "test.environment",
            "test",
            90,
            "Test (QA) | Functional and E2E testing of release candidates | Synthetic",
        ),
        fact_with_excerpt(
            "test.environment",
            "qa",
            90,
            "Test (QA) | Functional and E2E testing of release candidates | Synthetic",
        ),
        fact("iac.tool", "terraform", 12),
    ]));
    let rows = answers.get("s2.environments").unwrap().value.rows();
    let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        names,
        ["Development", "Test", "Production"],
        "QA is the same line as Test"
    );
    assert_eq!(rows[0][1], "Integration of merged work");
    assert_eq!(rows[0][2], "Terraform");
}

#[test]
fn delivery_stages_name_the_documented_ci_service() {
    let answers = suggest_answers(&project(vec![
        fact("ci.tool", "gitlab-ci", 1),
        fact("security.scanner", "trivy", 4),
        fact("iac.tool", "helm", 5),
        fact_with_excerpt(
            "test.environment",
            "staging",
            2,
            "Staging | Production-like",
        ),
        fact_with_excerpt("test.environment", "prod", 3, "Production | Live"),
    ]));
    let stages = text_of(&answers, "s4.mvp_stages");
    assert!(
        stages.contains("GitLab CI deploys to Staging with Helm; its smoke tests pass there"),
        "{stages}"
    );
    assert!(
        stages.contains("GitLab CI builds, tests and scans the change (Trivy); all pass"),
        "{stages}"
    );
    assert!(!stages.contains("Deploy to Production and run"), "{stages}");
}

#[test]
fn later_steps_offer_what_earlier_steps_decided() {
    let answers = suggest_answers(&project(vec![
        fact("nfr.availability", "99.9%", 1),
        fact_with_excerpt(
            "test.environment",
            "staging",
            2,
            "Staging | Production-like",
        ),
        fact_with_excerpt("test.environment", "prod", 3, "Production | Live"),
        fact("db.migration_tool", "flyway", 4),
    ]));
    let stages = text_of(&answers, "s4.mvp_stages");
    assert!(
        stages.contains("Deploy to Staging and run smoke tests"),
        "{stages}"
    );
    assert!(stages.contains("Switch traffic to green"), "{stages}");
    assert!(stages.contains("(Flyway)"), "{stages}");
    assert_eq!(
        answers.get("s4.mvp_stages").unwrap().origin,
        Origin::Proposed
    );
    let rollback = text_of(&answers, "s6.mvp_rollback");
    assert!(rollback.contains("blue"), "{rollback}");
    assert_eq!(text_of(&answers, "s6.testing_environment"), "Staging");
}

#[test]
fn containers_and_an_orchestrator_give_a_proposed_container_strategy() {
    let answers = suggest_answers(&project(vec![
        fact("container.used", "true", 91),
        fact("container.orchestrator", "eks", 92),
        fact("security.scanner", "trivy", 132),
    ]));
    let answer = answers.get("s3.container_strategy").unwrap();
    assert_eq!(answer.origin, Origin::Proposed);
    let text = text_of(&answers, "s3.container_strategy");
    assert!(
        text.contains("Amazon EKS") && text.contains("Trivy"),
        "{text}"
    );
    assert!(text_of(&answers, "s3.ci_stages").contains("Image scan: Trivy"));
}

#[test]
fn kubernetes_and_argo_cd_give_a_gitops_delivery_workflow() {
    let answers = suggest_answers(&project(vec![
        fact("container.orchestrator", "kubernetes", 1),
        fact("gitops.tool", "argocd", 2),
        fact("ci.tool", "github-actions", 3),
    ]));
    assert_eq!(text_of(&answers, "s1.workflow"), "GitOps (pull-based)");
    let workflow = answers.get("s4.cd_workflow").unwrap();
    assert_eq!(workflow.origin, Origin::Proposed);
    let text = text_of(&answers, "s4.cd_workflow");
    assert!(text.contains("Argo CD in the Kubernetes cluster"), "{text}");
    assert!(text.contains("GitHub Actions"), "{text}");
}

#[test]
fn release_criteria_and_exit_criteria_become_checks_with_owners_and_own_sources() {
    let answers = suggest_answers(&project(vec![
        fact("stakeholder.role", "QA Lead", 68),
        fact("stakeholder.role", "Security Officer", 69),
        fact(
            "release.criterion",
            "All penetration test findings are fixed.",
            122,
        ),
        fact("test.exit_criterion", "E2E journeys pass in staging.", 113),
    ]));
    let pre = answers.get("s7.mvp_pre_checks").unwrap();
    assert_eq!(pre.origin, Origin::Document);
    assert_eq!(pre.value.rows()[0][1], "Security Officer");
    assert_eq!(pre.item_sources[0][0].line_start, 122);
    let post = answers.get("s7.mvp_post_checks").unwrap();
    assert_eq!(post.value.rows()[0][1], "QA Lead");
}

#[test]
fn stakeholder_roles_give_proposed_roles_and_a_raci_using_their_names() {
    let answers = suggest_answers(&project(vec![
        fact("stakeholder.role", "Product Owner", 65),
        fact(
            "stakeholder.role",
            "DevOps/Release Manager (Tomasz Wójcik)",
            142,
        ),
        fact("stakeholder.role", "DevOps/Release Manager", 67),
    ]));
    let roles = answers.get("s11.roles").unwrap();
    assert_eq!(roles.origin, Origin::Proposed);
    let rows = roles.value.rows();
    assert_eq!(rows.len(), 2, "the two DevOps rows fold: {rows:?}");
    assert_eq!(rows[1][1], "Tomasz Wójcik");
    let raci = answers.get("s11.raci").unwrap().value.rows();
    assert!(raci.iter().any(|row| row[1] == "DevOps/Release Manager"));
}

#[test]
fn recovery_objectives_size_the_proposed_database_backup() {
    let answers = suggest_answers(&project(vec![
        fact("db.engine", "redis", 1),
        fact("db.engine", "postgresql", 2),
        fact("nfr.rpo", "15 minutes", 3),
        fact("nfr.rto", "1 hour", 4),
    ]));
    assert_eq!(text_of(&answers, "s8.engine"), "PostgreSQL, Redis");
    let backup = answers.get("s8.backup").unwrap();
    assert_eq!(backup.origin, Origin::Proposed);
    let text = text_of(&answers, "s8.backup");
    assert!(
        text.contains("RPO of 15 minutes") && text.contains("RTO of 1 hour"),
        "{text}"
    );
    assert!(text_of(&answers, "s8.mvp_schema").contains("PostgreSQL databases"));
}

#[test]
fn a_cdn_and_a_framework_give_a_proposed_ui_asset_strategy() {
    let answers = suggest_answers(&project(vec![
        fact("frontend.framework", "react", 1),
        fact("cdn", "cloudfront", 2),
    ]));
    let answer = answers.get("s9.asset_strategy").unwrap();
    assert_eq!(answer.origin, Origin::Proposed);
    assert!(text_of(&answers, "s9.asset_strategy").contains("React build"));
    assert!(text_of(&answers, "s9.asset_strategy").contains("CloudFront"));
    assert!(answers.get("s9.caching").is_some() && answers.get("s9.post_mvp_caching").is_some());
}

#[test]
fn security_scanners_become_pipeline_checks_and_a_policy_tool_gives_policy_as_code() {
    let answers = suggest_answers(&project(vec![
        fact("security.scanner", "codeql", 1),
        fact("security.scanner", "gitleaks", 2),
        fact("policy.tool", "opa", 3),
    ]));
    assert_eq!(
        answers.get("s10.pipeline_checks").unwrap().value,
        Value::List(vec!["CodeQL".into(), "gitleaks".into()])
    );
    let stages = text_of(&answers, "s3.ci_stages");
    assert!(
        stages.contains("Static analysis (SAST): CodeQL"),
        "{stages}"
    );
    assert!(stages.contains("Secret scan: gitleaks"), "{stages}");
    assert!(text_of(&answers, "s10.infra_security").contains("OPA"));
    assert_eq!(
        answers.get("s10.policies").unwrap().origin,
        Origin::Proposed
    );
}

#[test]
fn a_tool_named_as_scanner_and_as_policy_tool_is_listed_once() {
    let answers = suggest_answers(&project(vec![
        fact("iac.tool", "terraform", 1),
        fact("security.scanner", "checkov", 2),
        fact("security.scanner", "tfsec", 3),
        fact("policy.tool", "checkov", 4),
    ]));
    let text = text_of(&answers, "s10.infra_security");
    assert!(
        text.contains("verified automatically by Checkov, tfsec before"),
        "{text}"
    );
}

#[test]
fn observability_tools_are_sorted_into_monitoring_logging_and_tracing() {
    let answers = suggest_answers(&project(vec![
        fact("observability.tool", "prometheus", 1),
        fact("observability.tool", "loki", 2),
        fact("observability.tool", "opentelemetry", 3),
    ]));
    assert!(text_of(&answers, "s5.monitoring").contains("Prometheus"));
    assert!(text_of(&answers, "s5.logging").contains("Loki"));
    assert!(text_of(&answers, "s5.tracing").contains("OpenTelemetry"));
}

#[test]
fn a_tool_the_documents_never_name_is_never_a_document_value() {
    let answers = suggest_answers(&project(vec![
        fact("nfr.availability", "99.9%", 1),
        fact("ci.tool", "jenkins", 2),
    ]));
    for (id, answer) in &answers.values {
        if answer.origin == Origin::Document {
            let text = answer.value.lines().join(" ");
            for tool in ["Argo CD", "Unleash", "Terraform", "GitHub Actions", "Vault"] {
                assert!(!text.contains(tool), "{id} names {tool}");
            }
        }
    }
    assert!(answers.get("s1.gitops_tool").is_none());
    assert!(answers.get("s2.iac_tool").is_none());
}

#[test]
fn nothing_known_leaves_the_documented_fields_empty() {
    let answers = suggest_answers(&project(Vec::new()));
    assert!(answers.get("s0.mvp_scope").is_none());
    assert!(answers.get("s2.environments").is_none());
    assert!(answers.get("s3.ci_tool").is_none());
}

#[test]
fn on_vercel_high_availability_proposes_atomic_deploys_not_blue_green_or_zones() {
    let answers = suggest_answers(&project(vec![
        fact("hosting.platform", "vercel", 10),
        fact("nfr.availability", "99.9%", 212),
        fact("db.engine", "postgresql", 30),
    ]));
    let pattern = answers.get("s1.mvp_pattern").unwrap();
    assert_eq!(pattern.value, Value::Text("Atomic deploy".into()));
    assert!(pattern.reason.as_deref().unwrap().contains("Vercel"));
    assert!(pattern.sources.iter().any(|s| s.line_start == 10));
    let rollback = answers.get("s6.mvp_rollback").unwrap().value.lines();
    assert!(rollback
        .iter()
        .any(|step| step.contains("Promote the previous deployment")));
    for field in ["s2.mvp_considerations", "s5.mvp_infrastructure"] {
        if let Some(answer) = answers.get(field) {
            assert!(
                !answer.value.joined().contains("availability zones"),
                "{field}"
            );
        }
    }
}

#[test]
fn one_server_never_gets_a_second_availability_zone() {
    let answers = suggest_answers(&project(vec![
        fact("container.orchestrator", "docker-compose", 5),
        fact("nfr.availability", "99.9%", 212),
        fact("db.engine", "postgresql", 30),
    ]));
    for field in ["s2.mvp_considerations", "s5.mvp_infrastructure"] {
        if let Some(answer) = answers.get(field) {
            assert!(
                !answer.value.joined().contains("availability zones"),
                "{field}"
            );
        }
    }
    assert_eq!(
        answers.get("s1.mvp_pattern").unwrap().value,
        Value::Text("Blue/Green".into()),
        "99.9 % on one server asks for a second copy beside the first, not a second zone"
    );
}

#[test]
fn the_post_mvp_rollback_follows_the_post_mvp_pattern() {
    let answers = suggest_answers(&project(vec![fact(
        "container.orchestrator",
        "docker-compose",
        5,
    )]));
    let later = answers.get("s1.post_mvp_pattern").unwrap().value.joined();
    assert_eq!(later, "Recreate");
    let text = answers.get("s6.post_mvp_rollback").unwrap().value.joined();
    assert!(!text.to_lowercase().contains("canary"), "{text}");
    assert!(text.contains("start the previous version again"), "{text}");
}

#[test]
fn a_mobile_app_is_released_through_store_review_and_a_phased_release() {
    let answers = suggest_answers(&project(vec![
        fact("frontend.framework", "react-native", 5),
        fact("ci.tool", "github-actions", 9),
    ]));
    let stages = answers.get("s4.mvp_stages").unwrap().value.joined();
    assert!(stages.contains("store review"), "{stages}");
    assert!(stages.contains("phased release"), "{stages}");
    assert!(!stages.contains("Deploy to Production ("), "{stages}");
    let sizing = answers.get("s2.mvp_considerations").unwrap();
    assert!(
        !sizing.value.joined().contains("two instances"),
        "{:?}",
        sizing.value
    );
    assert!(
        sizing.reason.as_deref().unwrap().contains("mobile app"),
        "{:?}",
        sizing.reason
    );
}

#[test]
fn objectives_the_documents_do_not_state_are_named_as_open() {
    let answers = suggest_answers(&project(vec![
        fact("nfr.latency", "p95 under 300 ms", 12),
        fact("db.engine", "postgresql", 30),
    ]));
    let slos = answers.get("s5.slos").unwrap().value.joined();
    assert!(slos.contains("Latency: p95 under 300 ms"), "{slos}");
    assert!(slos.contains("Availability target (SLO): TBD"), "{slos}");
    assert!(
        slos.contains("Recovery objectives (RPO/RTO): TBD"),
        "{slos}"
    );
    let backup = answers.get("s8.backup").unwrap();
    assert!(
        backup.value.joined().contains("(RPO/RTO) are not stated"),
        "{:?}",
        backup.value
    );
    assert!(
        !backup
            .reason
            .as_deref()
            .unwrap()
            .contains("documented recovery"),
        "{:?}",
        backup.reason
    );
    let goals = answers.get("s0.mvp_goals").unwrap();
    assert!(
        !goals
            .reason
            .as_deref()
            .unwrap()
            .contains("availability the documents give"),
        "{:?}",
        goals.reason
    );

    let stated = suggest_answers(&project(vec![
        fact("nfr.availability", "99.5%", 3),
        fact("nfr.rpo", "1 hour", 4),
    ]));
    let slos = stated.get("s5.slos").unwrap().value.joined();
    assert!(!slos.contains("TBD"), "{slos}");
}

#[test]
fn checklist_marks_and_latex_never_reach_a_value() {
    let answers = suggest_answers(&project(vec![
        fact("test.exit_criterion", "✅ All smoke tests pass", 40),
        fact("nfr.latency", "95th percentile $\\le$ 800ms", 41),
    ]));
    let all: String = answers.values.values().map(|a| a.value.joined()).collect();
    assert!(!all.contains('✅') && !all.contains('$'), "{all}");
    assert!(all.contains("95th percentile ≤ 800ms"), "{all}");
}

#[test]
fn rollback_triggers_claim_documented_objectives_only_when_there_are_some() {
    let none = suggest_answers(&project(vec![fact("ci.tool", "github-actions", 3)]));
    let triggers = none.get("s6.triggers").unwrap();
    assert!(
        !triggers
            .reason
            .as_deref()
            .unwrap()
            .contains("documented objectives"),
        "{:?}",
        triggers.reason
    );
    assert!(
        !triggers.value.joined().contains("database migration"),
        "no database is documented: {:?}",
        triggers.value
    );
    let with = suggest_answers(&project(vec![
        fact("nfr.availability", "99.9%", 3),
        fact("db.engine", "postgresql", 4),
    ]));
    let triggers = with.get("s6.triggers").unwrap();
    assert!(triggers
        .reason
        .as_deref()
        .unwrap()
        .contains("documented objectives"));
    assert!(triggers.value.joined().contains("database migration"));
}

#[test]
fn a_package_users_install_is_released_as_a_version_and_rolled_back_by_a_patch() {
    let answers = suggest_answers(&project(vec![fact("platform.kind", "package", 7)]));
    assert_eq!(
        answers.get("s1.mvp_pattern").unwrap().value,
        Value::Text("Package release".into())
    );
    let rollback = answers.get("s6.mvp_rollback").unwrap().value.joined();
    assert!(rollback.contains("patch release"), "{rollback}");
    let stages = answers.get("s4.mvp_stages").unwrap().value.joined();
    assert!(stages.contains("Publish the release"), "{stages}");
}

#[test]
fn documents_that_disagree_leave_an_open_decision_with_every_value_and_its_owner() {
    let answers = suggest_answers(&project(vec![
        fact("nfr.availability", "99.9%", 10),
        fact("nfr.availability", "99.5%", 80),
        fact("nfr.rpo", "1 hour", 12),
        fact("nfr.rpo", "24 hours", 90),
        fact("db.engine", "postgresql", 20),
    ]));
    let open = answers.get("s0.disagreements").unwrap();
    let text = open.value.joined();
    assert!(
        text.contains("Availability target: 99.9% or 99.5% — the documents disagree"),
        "{text}"
    );
    assert!(text.contains("decided by the Product Owner"), "{text}");
    assert_eq!(open.item_sources[0].len(), 2, "both sources are cited");
    let slos = answers.get("s5.slos").unwrap().value.joined();
    assert!(
        slos.contains("99.9% or 99.5% — the documents disagree"),
        "{slos}"
    );
    assert!(
        !slos.contains("Availability: 99.9%"),
        "no value picked silently: {slos}"
    );
    let backup = answers.get("s8.backup").unwrap().value.joined();
    assert!(backup.contains("RPO is still to be agreed"), "{backup}");

    let agreed = suggest_answers(&project(vec![
        fact("nfr.availability", "99.9%", 10),
        fact("nfr.availability", "99.9% uptime", 80),
    ]));
    assert!(agreed.get("s0.disagreements").is_none());
}

#[test]
fn a_stated_cadence_fills_the_post_mvp_cadence_from_the_documents() {
    let answers = suggest_answers(&project(vec![fact(
        "release.cadence",
        "Production releases every three weeks",
        52,
    )]));
    let cadence = answers.get("s1.post_mvp_cadence").unwrap();
    assert_eq!(cadence.origin, Origin::Document);
    assert_eq!(
        cadence.value,
        Value::Text("Production releases every three weeks".into())
    );
    assert_eq!(cadence.sources[0].line_start, 52);
}

#[test]
fn two_stated_cadences_are_both_listed_with_their_sources() {
    let answers = suggest_answers(&project(vec![
        fact("release.cadence", "Releases every two weeks", 10),
        fact("release.cadence", "Monthly production deployments", 90),
    ]));
    let text = text_of(&answers, "s1.post_mvp_cadence");
    assert!(text.contains("Releases every two weeks"), "{text}");
    assert!(text.contains("Monthly production deployments"), "{text}");
    assert!(
        text.contains("(line 10)") && text.contains("(line 90)"),
        "{text}"
    );
    assert!(text.contains("different cadences"), "{text}");
    assert_eq!(answers.get("s1.post_mvp_cadence").unwrap().sources.len(), 2);
}

#[test]
fn a_sprint_length_only_proposes_a_release_per_sprint() {
    let answers = suggest_answers(&project(vec![fact(
        "release.cadence",
        "The team works in two-week sprints",
        33,
    )]));
    let cadence = answers.get("s1.post_mvp_cadence").unwrap();
    assert_eq!(cadence.origin, Origin::Proposed);
    assert!(text_of(&answers, "s1.post_mvp_cadence").contains("two-week sprints"));
    assert!(cadence.reason.as_deref().unwrap().contains("(line 33)"));
}

#[test]
fn documented_rollback_triggers_replace_the_common_ones() {
    let answers = suggest_answers(&project(vec![
        fact(
            "rollback.trigger",
            "Roll back when the error rate exceeds 1%",
            70,
        ),
        fact("rollback.trigger", "Rollback if health checks fail", 71),
        fact("nfr.availability", "99.9%", 3),
        fact("db.engine", "postgresql", 4),
    ]));
    let triggers = answers.get("s6.triggers").unwrap();
    assert_eq!(triggers.origin, Origin::Document);
    assert_eq!(
        triggers.value,
        Value::List(vec![
            "Roll back when the error rate exceeds 1%".into(),
            "Rollback if health checks fail".into()
        ])
    );
    assert_eq!(triggers.item_sources[1][0].line_start, 71);
}

#[test]
fn a_cadence_to_production_outranks_one_to_staging() {
    let answers = suggest_answers(&project(vec![
        fact("release.cadence", "Weekly deploys to staging", 10),
        fact(
            "release.cadence",
            "Production releases every four weeks",
            11,
        ),
    ]));
    assert_eq!(
        text_of(&answers, "s1.post_mvp_cadence"),
        "Production releases every four weeks"
    );
    let only_staging = suggest_answers(&project(vec![fact(
        "release.cadence",
        "Weekly deploys to staging",
        10,
    )]));
    assert_eq!(
        text_of(&only_staging, "s1.post_mvp_cadence"),
        "Weekly deploys to staging"
    );
}

#[test]
fn two_wordings_of_one_cadence_are_one_cadence_citing_both() {
    let answers = suggest_answers(&project(vec![
        fact(
            "release.cadence",
            "Deployment happens on every merge to main",
            10,
        ),
        fact("release.cadence", "Every merge to main is deployed", 80),
    ]));
    let cadence = answers.get("s1.post_mvp_cadence").unwrap();
    assert_eq!(
        cadence.value,
        Value::Text("Deployment happens on every merge to main".into())
    );
    assert_eq!(cadence.sources.len(), 2);
}
