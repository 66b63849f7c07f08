//! Rendering the plan to Markdown. Rendering returns a string (the preview uses
//! it); writing is [`crate::write`]'s job.
//!
//! Every field is written under the sub-heading its definition names. How a
//! value is written depends on where it came from: the documents (with a
//! source reference into the Sources appendix), a proposal not yet confirmed
//! (marked as proposed), or the user. A field with no value is written as
//! `TBD — owner: <role>`. Output is deterministic: the same inputs give the
//! same bytes.

use crate::answers::{Answer, Answers, Origin, Value};
use crate::diagrams::diagram_for;
use crate::model::Source;
use crate::plan::{self, FieldDef, FieldKind, Phase, StepDef};
use std::collections::BTreeMap;

/// The mark of MVP content.
pub const MVP_BADGE: &str = "🚀 MVP";
/// The mark of content about releases after the MVP.
pub const POST_MVP_BADGE: &str = "🔁 Post-MVP";

/// A sentence written under a sub-heading, where the brief asks the section
/// to refer to something.
fn heading_note(step_id: &str, heading: &str) -> Option<&'static str> {
    match (step_id, heading) {
        ("s7", "MVP Post-Deployment Verification") => Some("The MVP deployment is verified when every check below passes; those taken from the test strategy's MVP exit criteria cite it."),
        ("s7", "MVP Pre-Deployment Checks") => Some("The MVP is not deployed until every check below is met; those taken from the release criteria of the product requirements cite them."),
        ("s1", "Post-MVP Deployment Pattern") | ("s4", "Post-MVP Pipeline Stages") | ("s0", "Post-MVP Goals") => Some("🔁 Post-MVP: applies to releases after the MVP."),
        _ => None,
    }
}

/// A short form of a field's value for the summary table: text as it is,
/// lists as their first item and a count, `TBD` when open; proposals marked.
fn glance(answers: &Answers, field_id: &str) -> String {
    let Some(answer) = answers.get(field_id) else {
        return "TBD".to_string();
    };
    let lines: Vec<String> = answer
        .value
        .lines()
        .into_iter()
        .filter(|line| !line.trim().is_empty())
        .collect();
    let mut text = match lines.len() {
        0 => return "TBD".to_string(),
        1 => shorten(&lines[0], 90),
        n => format!(
            "{} stages: {} → … → {}",
            n,
            shorten(&lines[0], 40),
            shorten(&lines[n - 1], 40)
        ),
    };
    if field_id.ends_with("rollback") || field_id.ends_with("caching") {
        text = shorten(&lines.join("; "), 90);
    }
    if answer.origin == Origin::Proposed {
        text.push_str(" *(proposed)*");
    }
    text
}

/// What the plan is about, for its title and introduction.
#[derive(Debug, Clone, Default)]
pub struct PlanContext {
    /// The project's name.
    pub project_name: String,
}

/// Renders the whole plan.
pub fn render_plan(context: &PlanContext, answers: &Answers) -> String {
    let mut renderer = Renderer {
        out: String::new(),
        sources: SourceIndex::default(),
    };
    renderer.line(&crate::output_marker::marker_line("plan"));
    renderer.line("");
    renderer.title(context);
    renderer.legend();
    renderer.at_a_glance(answers);
    for step in plan::steps() {
        renderer.step(step, answers);
    }
    renderer.sources_appendix();
    renderer.out
}

/// Sources numbered in order of first use, `S1`, `S2`, ….
#[derive(Default)]
struct SourceIndex {
    ids: BTreeMap<Source, usize>,
    ordered: Vec<(Source, String)>,
}

impl SourceIndex {
    /// The number of `source`, numbering it if it is new. The appendix shows
    /// what the document says there: the source's excerpt.
    fn cite(&mut self, source: &Source) -> usize {
        let next = self.ordered.len() + 1;
        *self.ids.entry(source.clone()).or_insert_with(|| {
            self.ordered.push((source.clone(), source.excerpt.clone()));
            next
        })
    }
}

/// Source numbers as references, runs folded: `S1–S4, S7`.
fn references(mut ids: Vec<usize>) -> String {
    ids.sort_unstable();
    ids.dedup();
    let mut runs: Vec<String> = Vec::new();
    let mut index = 0;
    while index < ids.len() {
        let start = ids[index];
        let mut end = start;
        while index + 1 < ids.len() && ids[index + 1] == end + 1 {
            index += 1;
            end = ids[index];
        }
        runs.push(match end - start {
            0 => format!("S{start}"),
            1 => format!("S{start}, S{end}"),
            _ => format!("S{start}–S{end}"),
        });
        index += 1;
    }
    runs.join(", ")
}

struct Renderer {
    out: String,
    sources: SourceIndex,
}

impl Renderer {
    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn title(&mut self, context: &PlanContext) {
        let name = inline(&context.project_name);
        self.line(&format!("# Advanced Deployment Plan — {name}"));
        self.line("");
        self.line("> Generated by DeployPlan from the project's planning documents. Statements taken from the documents cite their source (see **Sources** at the end); values marked *proposed* are suggestions not yet confirmed; `TBD` marks what is still open, with its owner.");
        self.line("");
    }

    fn legend(&mut self) {
        self.line("### How to read this plan");
        self.line("");
        self.line("| Mark | Meaning |");
        self.line("|---|---|");
        self.line(&format!(
            "| {MVP_BADGE} | Applies to the first (MVP) release. |"
        ));
        self.line(&format!(
            "| {POST_MVP_BADGE} | Applies to the releases after the MVP. |"
        ));
        self.line("| *(source: S3)* | Taken from the project's documents; **Sources** at the end gives the file, line and text. |");
        self.line("| *(proposed — not yet confirmed — …)* | Suggested by DeployPlan, with the reason; not a decision until the owner confirms it. |");
        self.line("| `TBD — owner: <role>` | Still open; the role named must decide it. |");
        self.line("");
        self.line("Sections 0–11 follow the deployment brief. Diagrams are drawn from the same answers as the text; a diagram titled *(proposed)* shows a suggestion, not a decision.");
        self.line("");
    }

    /// A table of the key decisions, MVP beside post-MVP.
    fn at_a_glance(&mut self, answers: &Answers) {
        self.line("### Plan at a Glance");
        self.line("");
        self.line(&format!("| Topic | {MVP_BADGE} | {POST_MVP_BADGE} |"));
        self.line("|---|---|---|");
        let rows: [(&str, &str, &str); 5] = [
            ("Launch / cadence", "s0.mvp_launch", "s1.post_mvp_cadence"),
            (
                "Deployment pattern",
                "s1.mvp_pattern",
                "s1.post_mvp_pattern",
            ),
            ("Pipeline", "s4.mvp_stages", "s4.post_mvp_stages"),
            ("Rollback", "s6.mvp_rollback", "s6.post_mvp_rollback"),
            ("Caching of UI assets", "s9.caching", "s9.post_mvp_caching"),
        ];
        for (topic, mvp, later) in rows {
            let mvp = glance(answers, mvp);
            let later = glance(answers, later);
            self.line(&format!("| {topic} | {} | {} |", cell(&mvp), cell(&later)));
        }
        let workflow = glance(answers, "s1.workflow");
        let environments = Some(answers.first_column("s2.environments").join(" → "))
            .filter(|e| !e.is_empty())
            .unwrap_or_else(|| "TBD".to_string());
        self.line(&format!("| Workflow | {} | same |", cell(&workflow)));
        self.line(&format!(
            "| Environments | {} | same |",
            cell(&environments)
        ));
        self.line("");
    }

    fn step(&mut self, step: &StepDef, answers: &Answers) {
        self.line(&format!("## {}", step.heading()));
        self.line("");
        self.line(&format!("*{}*", inline(&step.intro)));
        self.line("");
        let mut headings: Vec<&str> = Vec::new();
        for field in &step.fields {
            if !headings.contains(&field.heading.as_str()) {
                headings.push(&field.heading);
            }
        }
        for heading in headings {
            self.line(&format!("### {heading}"));
            self.line("");
            if let Some(note) = heading_note(&step.id, heading) {
                self.line(&format!("*{note}*"));
                self.line("");
            }
            for field in step.fields.iter().filter(|f| f.heading == heading) {
                self.field(field, answers.get(&field.id));
            }
            self.diagrams_after(step, heading, answers);
        }
    }

    fn field(&mut self, field: &FieldDef, answer: Option<&Answer>) {
        let badge = match field.phase {
            Phase::Mvp => format!("{MVP_BADGE} "),
            Phase::PostMvp => format!("{POST_MVP_BADGE} "),
            Phase::General => String::new(),
        };
        let label = format!("{badge}**{}:**", inline(&field.label));
        let Some(answer) = answer else {
            self.line(&format!("{label} TBD — owner: {}", field.owner));
            self.line("");
            return;
        };
        let per_item = !answer.item_sources.is_empty()
            && answer.item_sources.len() == answer.value.rows().len()
            && !matches!(answer.value, Value::Text(_));
        let note = if per_item {
            self.proposal_note(answer)
        } else {
            self.note(answer)
        };
        match (field.kind, &answer.value) {
            (FieldKind::Table, value) => {
                self.line(&label);
                self.line("");
                let item_refs = if per_item {
                    Some(self.item_references(answer))
                } else {
                    None
                };
                let rows = value.rows();
                self.table(&field.columns, &rows, item_refs.as_deref());
                self.line("");
                let blank = rows.iter().any(|row| {
                    row.iter().any(|c| !c.trim().is_empty())
                        && (0..field.columns.len())
                            .any(|i| row.get(i).is_none_or(|c| c.trim().is_empty()))
                });
                if blank {
                    self.line(&format!("*TBD cells — owner: {}*", field.owner));
                    self.line("");
                }
                if !note.is_empty() {
                    self.line(note.trim_start());
                    self.line("");
                }
            }
            (kind, value)
                if kind.is_list() || matches!(value, Value::List(_) | Value::Table(_)) =>
            {
                self.line(&label);
                self.line("");
                let checklist = kind == FieldKind::Checklist;
                let item_refs = if per_item {
                    self.item_references(answer)
                } else {
                    Vec::new()
                };
                let lines = value.lines();
                let mut number = 0;
                for (index, item) in lines.iter().enumerate() {
                    if item.trim().is_empty() {
                        continue;
                    }
                    number += 1;
                    let marker = match kind {
                        FieldKind::List => format!("{number}."),
                        _ if checklist => "- [ ]".to_string(),
                        _ => "-".to_string(),
                    };
                    let refs = item_refs
                        .get(index)
                        .filter(|r| !r.is_empty())
                        .map(|r| format!(" *({r})*"))
                        .unwrap_or_default();
                    self.line(&format!("{marker} {}{refs}", inline(item)));
                }
                self.line("");
                if !note.is_empty() {
                    self.line(note.trim_start());
                    self.line("");
                }
            }
            (FieldKind::LongText, Value::Text(text)) => {
                self.line(&label);
                self.line("");
                self.line(&format!("{}{note}", block(text)));
                self.line("");
            }
            (_, value) => {
                self.line(&format!("{label} {}{note}", inline(&value.joined())));
                self.line("");
            }
        }
    }

    /// The proposal mark alone (items cite their own sources).
    fn proposal_note(&mut self, answer: &Answer) -> String {
        match answer.origin {
            Origin::Proposed => {
                let reason = answer
                    .reason
                    .as_deref()
                    .map(|r| format!(" — {}", inline(r)))
                    .unwrap_or_default();
                format!(" *(proposed — not yet confirmed{reason})*")
            }
            Origin::Document => answer
                .reason
                .as_deref()
                .map(|r| format!(" *({})*", inline(r)))
                .unwrap_or_default(),
            Origin::User => String::new(),
        }
    }

    /// Each item's own source references, in item order.
    fn item_references(&mut self, answer: &Answer) -> Vec<String> {
        answer
            .item_sources
            .iter()
            .map(|sources| references(sources.iter().map(|s| self.sources.cite(s)).collect()))
            .collect()
    }

    /// The provenance note after a value: source references, or the proposal mark.
    fn note(&mut self, answer: &Answer) -> String {
        let ids: Vec<usize> = answer
            .sources
            .iter()
            .map(|s| self.sources.cite(s))
            .collect();
        let refs = references(ids);
        match answer.origin {
            Origin::Document => {
                let reason = answer.reason.as_deref().map(inline);
                match (refs.is_empty(), reason) {
                    (true, None) => String::new(),
                    (true, Some(reason)) => format!(" *({reason})*"),
                    (false, None) => format!(" *(source: {refs})*"),
                    (false, Some(reason)) => format!(" *(source: {refs} — {reason})*"),
                }
            }
            Origin::Proposed => {
                let reason = answer
                    .reason
                    .as_deref()
                    .map(|r| format!(" — {}", inline(r)))
                    .unwrap_or_default();
                let refs = if refs.is_empty() {
                    String::new()
                } else {
                    format!(" *(source: {refs})*")
                };
                format!(" *(proposed — not yet confirmed{reason})*{refs}")
            }
            Origin::User => String::new(),
        }
    }

    /// A Markdown table; with `item_refs`, a last column cites each row's sources.
    fn table(&mut self, columns: &[String], rows: &[Vec<String>], item_refs: Option<&[String]>) {
        let mut header: Vec<String> = columns.iter().map(|c| cell(c)).collect();
        if item_refs.is_some() {
            header.push("Source".to_string());
        }
        self.line(&format!("| {} |", header.join(" | ")));
        self.line(&format!("|{}", "---|".repeat(header.len())));
        for (index, row) in rows.iter().enumerate() {
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let mut cells: Vec<String> = (0..columns.len())
                .map(|i| {
                    row.get(i)
                        .map(|c| cell(c))
                        .filter(|c| !c.is_empty())
                        .unwrap_or_else(|| "TBD".to_string())
                })
                .collect();
            if let Some(refs) = item_refs {
                let refs = refs.get(index).cloned().unwrap_or_default();
                cells.push(if refs.is_empty() {
                    "—".to_string()
                } else {
                    refs
                });
            }
            self.line(&format!("| {} |", cells.join(" | ")));
        }
    }

    /// The diagram drawn from the answers for this sub-heading, if it has one.
    fn diagrams_after(&mut self, step: &StepDef, heading: &str, answers: &Answers) {
        if let Some(diagram) = diagram_for(&step.id, heading, answers) {
            self.line("```mermaid");
            self.out.push_str(&diagram.mermaid);
            self.line("```");
            self.line("");
            self.line(&format!("*{}*", inline(&diagram.caption)));
            self.line("");
        }
    }

    fn sources_appendix(&mut self) {
        self.line("## Sources");
        self.line("");
        if self.sources.ordered.is_empty() {
            self.line("No statement in this plan was taken from the documents.");
            return;
        }
        self.line("| ID | Statement | Document | Lines | Section |");
        self.line("|---|---|---|---|---|");
        let rows: Vec<String> = self
            .sources
            .ordered
            .iter()
            .enumerate()
            .map(|(index, (source, statement))| {
                let lines = if source.line_start == source.line_end {
                    source.line_start.to_string()
                } else {
                    format!("{}–{}", source.line_start, source.line_end)
                };
                format!(
                    "| S{} | {} | `{}` | {} | {} |",
                    index + 1,
                    cell(&shorten(statement, 120)),
                    source.path.replace('`', "'"),
                    lines,
                    cell(&source.heading)
                )
            })
            .collect();
        for row in rows {
            self.line(&row);
        }
    }
}

/// One line of Markdown text: newlines folded.
fn inline(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A block of Markdown text: kept as written, trailing space trimmed, no
/// line that would start a heading of the plan's own structure.
fn block(text: &str) -> String {
    text.trim()
        .lines()
        .map(|line| {
            if line.trim_start().starts_with('#') {
                format!("\\{}", line.trim_start())
            } else {
                line.trim_end().to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A table cell: one line, pipes escaped.
fn cell(text: &str) -> String {
    inline(text).replace('|', "\\|")
}

fn shorten(text: &str, max: usize) -> String {
    let text = inline(text);
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context() -> PlanContext {
        PlanContext {
            project_name: "Demo".into(),
        }
    }

    #[test]
    fn an_empty_plan_has_every_section_and_tbds_with_owners() {
        let plan = render_plan(&context(), &Answers::default());
        for step in plan::steps() {
            assert!(
                plan.contains(&format!("\n## {}\n", step.heading())),
                "missing {}",
                step.heading()
            );
        }
        for heading in [
            "MVP Deployment Pattern",
            "Post-MVP Deployment Pattern",
            "Feature Flags",
            "Release Cadence",
            "MVP Pipeline Stages",
            "Post-MVP Pipeline Stages",
            "MVP Pre-Deployment Checks",
            "MVP Post-Deployment Verification",
        ] {
            assert!(
                plan.contains(&format!("### {heading}\n")),
                "missing {heading}"
            );
        }
        assert!(plan.contains("TBD — owner: DevOps Engineer"));
    }

    #[test]
    fn user_text_appears_and_proposals_are_marked() {
        let mut answers = Answers::default();
        answers.set_user("s0.purpose", Value::Text("Ship the pantry app".into()));
        answers.values.insert(
            "s1.mvp_pattern".into(),
            Answer {
                value: Value::Text("Blue/Green".into()),
                origin: Origin::Proposed,
                reason: Some("99.9% availability".into()),
                sources: vec![],
                item_sources: vec![],
            },
        );
        let plan = render_plan(&context(), &answers);
        assert!(plan.contains("Ship the pantry app"));
        assert!(plan.contains("Blue/Green *(proposed — not yet confirmed — 99.9% availability)*"));
    }

    #[test]
    fn document_values_cite_the_sources_appendix() {
        let mut answers = Answers::default();
        let source = Source {
            path: "project_docs/a.md".into(),
            line_start: 4,
            line_end: 5,
            heading: "Stack".into(),
            excerpt: "GitHub Actions".into(),
        };
        answers.values.insert(
            "s3.ci_tool".into(),
            Answer {
                value: Value::Text("GitHub Actions".into()),
                origin: Origin::Document,
                reason: None,
                sources: vec![source],
                item_sources: vec![],
            },
        );
        let plan = render_plan(&context(), &answers);
        assert!(
            plan.contains("**CI service:** GitHub Actions *(source: S1)*"),
            "{plan}"
        );
        assert!(plan.contains("| S1 | GitHub Actions | `project_docs/a.md` | 4–5 | Stack |"));
    }

    #[test]
    fn tables_escape_pipes_and_fill_blank_cells() {
        let mut answers = Answers::default();
        answers.set_user(
            "s2.environments",
            Value::Table(vec![vec!["Dev".into(), "a|b".into()]]),
        );
        let plan = render_plan(&context(), &answers);
        assert!(plan.contains("| Dev | a\\|b | TBD | TBD | TBD |"));
        assert!(plan.contains("```mermaid\n---\ntitle: Environment promotion\n---\nflowchart LR\n    n0[\"Dev\"]\n```"));
    }

    #[test]
    fn consecutive_references_fold_into_runs() {
        assert_eq!(references(vec![3, 1, 2, 4, 7, 9, 10]), "S1–S4, S7, S9, S10");
        assert_eq!(references(vec![]), "");
    }

    #[test]
    fn rendering_is_deterministic() {
        let mut answers = Answers::default();
        answers.set_user(
            "s4.mvp_stages",
            Value::List(vec!["Build".into(), "Deploy \"staging\"".into()]),
        );
        assert_eq!(
            render_plan(&context(), &answers),
            render_plan(&context(), &answers)
        );
        assert!(render_plan(&context(), &answers).contains("n1[\"Deploy #quot;staging#quot;\"]"));
    }

    #[test]
    fn an_empty_plan_still_draws_every_diagram_marked_proposed() {
        let plan = render_plan(&context(), &Answers::default());
        assert!(plan.matches("```mermaid\n").count() >= 5);
        for title in [
            "title: GitOps workflow (proposed)",
            "title: Environment promotion (proposed)",
            "title: MVP pipeline (proposed)",
            "title: Rollback decision flow (proposed)",
            "title: Release timeline (proposed)",
        ] {
            assert!(plan.contains(title), "missing {title}");
        }
    }

    #[test]
    fn the_plan_opens_with_a_legend_and_marks_mvp_and_post_mvp_fields() {
        let plan = render_plan(&context(), &Answers::default());
        assert!(plan.contains("### How to read this plan\n"));
        assert!(plan.contains("### Plan at a Glance\n"));
        assert!(
            plan.contains("🚀 MVP **Pattern for the MVP release:** TBD — owner: DevOps Engineer")
        );
        assert!(plan
            .contains("🔁 Post-MVP **Pattern for later releases:** TBD — owner: DevOps Engineer"));
    }

    #[test]
    fn list_items_and_table_rows_cite_their_own_sources() {
        let source = |line: u32| Source {
            path: "project_docs/prd.md".into(),
            line_start: line,
            line_end: line,
            heading: "Scope".into(),
            excerpt: format!("line {line}"),
        };
        let mut answers = Answers::default();
        answers.values.insert(
            "s0.mvp_scope".into(),
            Answer {
                value: Value::List(vec!["Sign-in".into(), "Booking".into()]),
                origin: Origin::Document,
                reason: None,
                sources: vec![source(3), source(9)],
                item_sources: vec![vec![source(3)], vec![source(9)]],
            },
        );
        answers.values.insert(
            "s2.environments".into(),
            Answer {
                value: Value::Table(vec![vec!["Staging".into(), "Rehearsals".into()]]),
                origin: Origin::Document,
                reason: None,
                sources: vec![source(12)],
                item_sources: vec![vec![source(12)]],
            },
        );
        let plan = render_plan(&context(), &answers);
        assert!(
            plan.contains("1. Sign-in *(S1)*\n2. Booking *(S2)*\n"),
            "{plan}"
        );
        assert!(plan.contains(
            "| Environment | Purpose | Provisioning | MVP scale | Full scale | Source |"
        ));
        assert!(plan.contains("| Staging | Rehearsals | TBD | TBD | TBD | S3 |"));
        assert!(plan.contains("*TBD cells — owner: DevOps Engineer*"));
        assert!(plan.contains("| S2 | line 9 | `project_docs/prd.md` | 9 | Scope |"));
    }

    #[test]
    fn post_deployment_verification_refers_to_the_mvp_exit_criteria() {
        let plan = render_plan(&context(), &Answers::default());
        let at = plan.find("### MVP Post-Deployment Verification\n").unwrap();
        assert!(plan[at..].contains("MVP exit criteria"));
    }
}
