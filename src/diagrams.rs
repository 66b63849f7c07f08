//! The plan's Mermaid diagrams, drawn from the answers: the GitOps workflow,
//! environment promotion, the MVP and post-MVP pipelines, the rollback
//! decision flow and the release timeline.
//!
//! Every diagram is drawn even when nothing is known: unknown parts become
//! `TBD` nodes and the diagram's title says *(proposed)*, as it does whenever
//! a diagram draws on an answer the user has not confirmed. Labels are quoted
//! and escaped so that Mermaid 11 parses every diagram; gantt task names never
//! contain `:`, `#` or `;`, and dates are `YYYY-MM-DD`.

use crate::answers::{Answers, Origin};
use crate::text::iso_date;
use std::fmt::Write as _;

/// One diagram: Mermaid source (without the fence) and a caption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagram {
    /// The Mermaid text, ending with a newline.
    pub mermaid: String,
    /// One sentence saying what the diagram is drawn from.
    pub caption: String,
}

/// The diagram that illustrates a sub-heading of a step, if any.
pub fn diagram_for(step_id: &str, heading: &str, answers: &Answers) -> Option<Diagram> {
    match (step_id, heading) {
        ("s0", "Release Timeline") => Some(release_timeline(answers)),
        ("s1", "Overall Workflow") => Some(gitops_workflow(answers)),
        ("s2", "Environments") => Some(environment_promotion(answers)),
        ("s4", "MVP Pipeline Stages") => Some(mvp_pipeline(answers)),
        ("s4", "Post-MVP Pipeline Stages") => Some(post_mvp_pipeline(answers)),
        ("s6", "Rollback Triggers") => Some(rollback_flow(answers)),
        _ => None,
    }
}

/// Whether any of `fields` is unanswered or only proposed.
fn is_proposed(answers: &Answers, fields: &[&str]) -> bool {
    fields.iter().any(|id| {
        answers
            .get(id)
            .is_none_or(|answer| answer.origin == Origin::Proposed)
    })
}

fn titled(title: &str, proposed: bool) -> String {
    if proposed {
        format!("{title} (proposed)")
    } else {
        title.to_string()
    }
}

/// The environments of step 2, in order.
fn environments(answers: &Answers) -> Vec<String> {
    answers.first_column("s2.environments")
}

/// Whether an environment name is the production one.
fn is_production(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.starts_with("prod") || lower.contains("production") || lower == "live"
}

/// A flowchart header with a front-matter title.
fn flowchart(title: &str, direction: &str) -> String {
    format!(
        "---\ntitle: {}\n---\nflowchart {direction}\n",
        yaml_title(title)
    )
}

/// The GitOps workflow: from a developer's change to the environments, with
/// the CI service, registry and GitOps tool the answers name.
fn gitops_workflow(answers: &Answers) -> Diagram {
    let workflow = answers.joined("s1.workflow").unwrap_or_default();
    let gitops_tool = answers.joined("s1.gitops_tool");
    let push = !workflow.is_empty() && !workflow.contains("GitOps") && gitops_tool.is_none();
    let ci = answers
        .joined("s3.ci_tool")
        .unwrap_or_else(|| "TBD".to_string());
    let registry = answers
        .get("s3.artifacts")
        .and_then(|answer| answer.value.rows().into_iter().next())
        .and_then(|row| row.get(1).cloned())
        .filter(|cell| !cell.trim().is_empty())
        .unwrap_or_else(|| "Artifact registry".to_string());
    let mut environments = environments(answers);
    if environments.is_empty() {
        environments = vec!["Environments (TBD)".to_string()];
    }
    let fields: &[&str] = if push {
        &["s1.workflow", "s3.ci_tool", "s2.environments"]
    } else {
        &[
            "s1.workflow",
            "s1.gitops_tool",
            "s3.ci_tool",
            "s2.environments",
        ]
    };
    let title = if push {
        "Deployment workflow"
    } else {
        "GitOps workflow"
    };
    let mut out = flowchart(&titled(title, is_proposed(answers, fields)), "LR");
    node(&mut out, "dev", "Developer");
    node(&mut out, "app", "Application repository");
    node(&mut out, "ci", &format!("CI: {ci}"));
    node(&mut out, "reg", &registry);
    edge(&mut out, "dev", "app", Some("pull request"));
    edge(&mut out, "app", "ci", Some("merge"));
    edge(&mut out, "ci", "reg", Some("versioned artifact"));
    if !push {
        let tool = gitops_tool.unwrap_or_else(|| "GitOps tool (TBD)".to_string());
        node(&mut out, "cfg", "Environment configuration repository");
        node(&mut out, "sync", &tool);
        edge(&mut out, "ci", "cfg", Some("new image tag"));
        edge(&mut out, "cfg", "sync", Some("watched by"));
    }
    for (index, environment) in environments.iter().enumerate() {
        let id = format!("env{index}");
        node(&mut out, &id, environment);
        let label = if is_production(environment) {
            Some(if push {
                "deploy after approval"
            } else {
                "sync after approved PR"
            })
        } else {
            Some(if push { "deploy" } else { "sync" })
        };
        edge(&mut out, if push { "ci" } else { "sync" }, &id, label);
        let _ = writeln!(out, "    reg -.->|\"pull image\"| {id}");
    }
    Diagram {
        mermaid: out,
        caption: String::new(),
    }
}

/// The environments a release is promoted through, left to right; the step
/// into production is gated by an approval.
fn environment_promotion(answers: &Answers) -> Diagram {
    let mut names = environments(answers);
    let proposed = is_proposed(answers, &["s2.environments"]);
    if names.is_empty() {
        names = vec![
            "Development (TBD)".to_string(),
            "Staging (TBD)".to_string(),
            "Production (TBD)".to_string(),
        ];
    }
    let mut out = flowchart(&titled("Environment promotion", proposed), "LR");
    for (index, name) in names.iter().enumerate() {
        node(&mut out, &format!("n{index}"), name);
    }
    for (index, name) in names.iter().enumerate().skip(1) {
        let label = if is_production(name) {
            Some("approval")
        } else {
            Some("tests pass")
        };
        edge(
            &mut out,
            &format!("n{}", index - 1),
            &format!("n{index}"),
            label,
        );
    }
    Diagram {
        mermaid: out,
        caption: String::new(),
    }
}

/// A left-to-right chain of stages.
fn chain(title: &str, stages: &[String]) -> String {
    let mut out = flowchart(title, "LR");
    for (index, stage) in stages.iter().enumerate() {
        node(&mut out, &format!("n{index}"), stage);
    }
    if stages.len() > 1 {
        let ids: Vec<String> = (0..stages.len()).map(|i| format!("n{i}")).collect();
        let _ = writeln!(out, "    {}", ids.join(" --> "));
    }
    out
}

/// The MVP pipeline: the MVP CD stages, else the CI stages, else a generic
/// flow of TBD stages.
fn mvp_pipeline(answers: &Answers) -> Diagram {
    let (field, mut stages) = if answers.get("s4.mvp_stages").is_some() {
        ("s4.mvp_stages", answers.first_column("s4.mvp_stages"))
    } else {
        ("s3.ci_stages", answers.first_column("s3.ci_stages"))
    };
    if stages.is_empty() {
        stages = [
            "Build",
            "Test and scan",
            "Deploy to staging",
            "Approve",
            "Deploy to production",
            "Verify",
        ]
        .iter()
        .map(|s| format!("{s} (TBD)"))
        .collect();
    }
    Diagram {
        mermaid: chain(
            &titled("MVP pipeline", is_proposed(answers, &[field])),
            &stages,
        ),
        caption: String::new(),
    }
}

/// The pipeline for later releases: the MVP path, then the added stages.
fn post_mvp_pipeline(answers: &Answers) -> Diagram {
    let mut stages = vec!["MVP pipeline stages".to_string()];
    let later = answers.first_column("s4.post_mvp_stages");
    if later.is_empty() {
        stages.push("Additional stages (TBD)".to_string());
    } else {
        stages.extend(later);
    }
    Diagram {
        mermaid: chain(
            &titled(
                "Post-MVP pipeline",
                is_proposed(answers, &["s4.post_mvp_stages"]),
            ),
            &stages,
        ),
        caption: String::new(),
    }
}

/// The rollback decision: triggers, then the MVP path (by its pattern) or the
/// post-MVP path (flag off first), then the database decision.
fn rollback_flow(answers: &Answers) -> Diagram {
    let proposed = is_proposed(
        answers,
        &[
            "s6.triggers",
            "s6.mvp_rollback",
            "s1.mvp_pattern",
            "s6.post_mvp_rollback",
        ],
    );
    let pattern = answers.joined("s1.mvp_pattern").unwrap_or_default();
    let mvp_action = match pattern.as_str() {
        "" => "Return to the previous version (pattern TBD)".to_string(),
        other => crate::profiles::rollback_action(other).to_string(),
    };
    let later_action = crate::profiles::rollback_action(
        &answers
            .joined("s1.post_mvp_pattern")
            .unwrap_or_else(|| pattern.clone()),
    );
    let triggers = answers.first_column("s6.triggers");
    let trigger_label = if triggers.is_empty() {
        "Triggers: TBD".to_string()
    } else {
        format!("Triggers: {}", triggers.len())
    };
    let mut out = flowchart(&titled("Rollback decision flow", proposed), "TD");
    node(&mut out, "deploy", "Release deployed");
    node(&mut out, "watch", "Smoke tests and SLO dashboards");
    decision(
        &mut out,
        "trigger",
        &format!("Rollback trigger met? ({trigger_label})"),
    );
    node(&mut out, "keep", "Keep the release");
    decision(&mut out, "phase", "MVP release or later release?");
    node(&mut out, "mvp", &mvp_action);
    decision(&mut out, "flag", "Feature behind a flag?");
    node(&mut out, "flagoff", "Switch the feature flag off");
    node(&mut out, "later", later_action);
    decision(&mut out, "db", "Migration backward-compatible?");
    node(&mut out, "restore", "Restore the pre-deployment backup");
    node(&mut out, "verify", "Smoke-test and watch dashboards");
    node(&mut out, "review", "Tell stakeholders; blameless review");
    edge(&mut out, "deploy", "watch", None);
    edge(&mut out, "watch", "trigger", None);
    edge(&mut out, "trigger", "keep", Some("no"));
    edge(&mut out, "trigger", "phase", Some("yes"));
    edge(&mut out, "phase", "mvp", Some("MVP"));
    edge(&mut out, "phase", "flag", Some("post-MVP"));
    edge(&mut out, "flag", "flagoff", Some("yes"));
    edge(&mut out, "flag", "later", Some("no"));
    edge(&mut out, "mvp", "db", None);
    edge(&mut out, "later", "db", None);
    edge(&mut out, "db", "verify", Some("yes"));
    edge(&mut out, "db", "restore", Some("no"));
    edge(&mut out, "restore", "verify", None);
    edge(&mut out, "flagoff", "verify", None);
    edge(&mut out, "verify", "review", None);
    Diagram {
        mermaid: out,
        caption: String::new(),
    }
}

/// The release timeline: a gantt chart of the milestones when they carry ISO
/// dates, else a flowchart of what is known.
fn release_timeline(answers: &Answers) -> Diagram {
    let proposed = is_proposed(answers, &["s0.milestones"]);
    let title = titled("Release timeline", proposed);
    let mut dated: Vec<(String, String, String)> = answers
        .get("s0.milestones")
        .map(|answer| answer.value.rows())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|row| {
            let date = iso_date(row.get(1)?)?;
            let phase = row.get(2).cloned().unwrap_or_default();
            Some((date, row.first().cloned().unwrap_or_default(), phase))
        })
        .collect();
    if dated.is_empty() {
        if let Some(date) = answers.joined("s0.mvp_launch").and_then(|t| iso_date(&t)) {
            dated.push((date, "MVP launch".to_string(), "MVP".to_string()));
        }
    }
    if !dated.is_empty() {
        dated.sort();
        let mut out = String::from("gantt\n");
        let _ = writeln!(out, "    title {}", gantt_text(&title));
        out.push_str("    dateFormat YYYY-MM-DD\n    axisFormat %Y-%m-%d\n");
        let mut section = String::new();
        for (index, (date, name, phase)) in dated.iter().enumerate() {
            let phase = match phase.as_str() {
                "" => "Milestones".to_string(),
                other => gantt_text(other),
            };
            if phase != section {
                let _ = writeln!(out, "    section {phase}");
                section = phase;
            }
            let mut name = gantt_text(name);
            if name.is_empty() {
                name = format!("Milestone {}", index + 1);
            }
            let _ = writeln!(out, "    {name} :milestone, m{index}, {date}, 0d");
        }
        return Diagram {
            mermaid: out,
            caption: String::new(),
        };
    }
    let mut stages = answers.first_column("s0.milestones");
    if stages.is_empty() {
        let launch = answers
            .joined("s0.mvp_launch")
            .unwrap_or_else(|| "TBD".to_string());
        stages.push(format!("MVP launch: {launch}"));
        let increments = answers.first_column("s0.post_mvp_goals");
        if increments.is_empty() {
            stages.push("Post-MVP increments (TBD)".to_string());
        } else {
            stages.extend(increments.into_iter().take(4));
        }
    }
    Diagram {
        mermaid: chain(&titled("Release timeline", true), &stages),
        caption: "The release sequence; no milestone has a YYYY-MM-DD date yet.".to_string(),
    }
}

fn node(out: &mut String, id: &str, label: &str) {
    let _ = writeln!(out, "    {id}[\"{}\"]", mermaid_text(label));
}

fn decision(out: &mut String, id: &str, label: &str) {
    let _ = writeln!(out, "    {id}{{\"{}\"}}", mermaid_text(label));
}

fn edge(out: &mut String, from: &str, to: &str, label: Option<&str>) {
    match label {
        Some(label) => {
            let _ = writeln!(out, "    {from} -->|\"{}\"| {to}", mermaid_text(label));
        }
        None => {
            let _ = writeln!(out, "    {from} --> {to}");
        }
    }
}

/// The longest line of a diagram label, in characters; longer labels wrap
/// at word boundaries, so a node is as wide as its words need and no label
/// is cut short.
const LABEL_LINE: usize = 28;

/// Text safe inside a quoted Mermaid label: every word kept, wrapped onto
/// lines of about [`LABEL_LINE`] characters with `<br>`, and the characters
/// Mermaid treats specially written as entity codes.
pub fn mermaid_text(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > LABEL_LINE {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
        .iter()
        .map(|line| {
            line.replace('#', "#35;")
                .replace('"', "#quot;")
                .replace('<', "#lt;")
                .replace('>', "#gt;")
                .replace('|', "#124;")
                .replace('`', "'")
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

/// A title for YAML front matter: plain characters only.
fn yaml_title(text: &str) -> String {
    crate::text::keep_chars(text, |c| c.is_alphanumeric() || " ()-/.,".contains(c))
}

/// Text for a gantt title, section or task name: no `:`, `#` or `;`, which
/// end or break a gantt line; every word kept.
fn gantt_text(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if matches!(c, ':' | '#' | ';' | '%' | '`' | '"' | '<' | '>' | '|') {
                ' '
            } else {
                c
            }
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Value;

    fn every_diagram(answers: &Answers) -> Vec<Diagram> {
        [
            ("s0", "Release Timeline"),
            ("s1", "Overall Workflow"),
            ("s2", "Environments"),
            ("s4", "MVP Pipeline Stages"),
            ("s4", "Post-MVP Pipeline Stages"),
            ("s6", "Rollback Triggers"),
        ]
        .iter()
        .map(|(step, heading)| diagram_for(step, heading, answers).expect("a diagram"))
        .collect()
    }

    #[test]
    fn every_diagram_is_drawn_and_marked_proposed_with_no_answers() {
        for diagram in every_diagram(&Answers::default()) {
            assert!(
                diagram.mermaid.contains("(proposed)"),
                "{}",
                diagram.mermaid
            );
            assert!(diagram.mermaid.contains("TBD"), "{}", diagram.mermaid);
        }
    }

    #[test]
    fn dated_milestones_make_a_gantt_chart_with_clean_task_names() {
        let mut answers = Answers::default();
        answers.set_user(
            "s0.milestones",
            Value::Table(vec![
                vec![
                    "M2: launch #1; go".into(),
                    "2027-04-30".into(),
                    "MVP".into(),
                ],
                vec!["M1 — Foundations".into(), "2027-02-12".into(), "MVP".into()],
                vec!["Increment 1".into(), "2027-06-25".into(), "Post-MVP".into()],
            ]),
        );
        let diagram = diagram_for("s0", "Release Timeline", &answers).unwrap();
        assert!(diagram
            .mermaid
            .starts_with("gantt\n    title Release timeline\n    dateFormat YYYY-MM-DD\n"));
        assert!(diagram
            .mermaid
            .contains("    M1 — Foundations :milestone, m0, 2027-02-12, 0d\n"));
        assert!(diagram
            .mermaid
            .contains("    M2 launch 1 go :milestone, m1, 2027-04-30, 0d\n"));
        assert!(diagram.mermaid.contains("    section Post-MVP\n"));
    }

    #[test]
    fn undated_milestones_make_a_flowchart() {
        let mut answers = Answers::default();
        answers.set_user(
            "s0.milestones",
            Value::Table(vec![vec!["Beta".into(), "Week 10".into()]]),
        );
        let diagram = diagram_for("s0", "Release Timeline", &answers).unwrap();
        assert!(diagram.mermaid.contains("flowchart LR"));
        assert!(diagram.mermaid.contains("n0[\"Beta\"]"));
    }

    #[test]
    fn long_labels_wrap_at_word_boundaries_and_keep_every_word() {
        let text = "Verify against the exit criteria and watch the dashboards closely";
        let label = mermaid_text(text);
        assert_eq!(
            label,
            "Verify against the exit<br>criteria and watch the<br>dashboards closely"
        );
        assert_eq!(label.replace("<br>", " "), text);
        assert!(!label.contains('…'));
    }

    #[test]
    fn labels_escape_quotes_hashes_and_pipes() {
        assert_eq!(
            mermaid_text("a \"b\" #1 | <c>"),
            "a #quot;b#quot; #35;1 #124; #lt;c#gt;"
        );
    }

    #[test]
    fn a_push_workflow_has_no_gitops_tool_node() {
        let mut answers = Answers::default();
        answers.set_user("s1.workflow", Value::Text("Push-based CI/CD".into()));
        answers.set_user("s3.ci_tool", Value::Text("Jenkins".into()));
        answers.set_user(
            "s2.environments",
            Value::Table(vec![vec!["Staging".into()], vec!["Production".into()]]),
        );
        let diagram = diagram_for("s1", "Overall Workflow", &answers).unwrap();
        assert!(
            diagram.mermaid.contains("title: Deployment workflow\n"),
            "{}",
            diagram.mermaid
        );
        assert!(!diagram.mermaid.contains("cfg"));
        assert!(diagram
            .mermaid
            .contains("ci -->|\"deploy after approval\"| env1"));
    }

    #[test]
    fn production_is_reached_through_an_approval() {
        let mut answers = Answers::default();
        answers.set_user(
            "s2.environments",
            Value::Table(vec![vec!["Staging".into()], vec!["Production".into()]]),
        );
        let diagram = diagram_for("s2", "Environments", &answers).unwrap();
        assert!(diagram.mermaid.contains("n0 -->|\"approval\"| n1"));
        assert!(diagram
            .mermaid
            .starts_with("---\ntitle: Environment promotion\n---\n"));
    }
}
