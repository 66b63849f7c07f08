//! The plan's first page: the questions a stakeholder asks first, answered
//! in full sentences built from the answers. What ships in the MVP and
//! when; how it goes live and how it is undone; what must be true to go
//! live; who decides; what is still open, with owners. Nothing is cut
//! short: a sentence names every item it counts, or the section that lists
//! them. A part with no data says who must decide it; a question with no
//! data at all (what the documents disagree on, until conflicts are
//! recorded) is left out rather than guessed.
//!
//! The same sentences are the review's summary ([`summary`]).

use crate::answers::{Answer, Answers, Origin};
use crate::fold::{fold_repeats, Item};
use crate::plan;
use crate::render::PROPOSED_MARK;
use std::collections::BTreeMap;

/// One question of the first page and its answer, as Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    pub question: &'static str,
    pub answer: String,
}

/// The headings the first page writes, in order.
pub const HEADINGS: &[&str] = &["The plan in brief"];

/// The first page as Markdown: a heading, then one paragraph per question.
pub fn first_page(answers: &Answers) -> String {
    let mut out = format!("### {}\n\n", HEADINGS[0]);
    for part in summary(answers) {
        out.push_str(&format!("**{}** {}\n\n", part.question, part.answer));
    }
    out
}

/// The first page's questions and answers.
pub fn summary(answers: &Answers) -> Vec<Answered> {
    let mut parts = vec![
        Answered {
            question: "What ships in the MVP, and when?",
            answer: what_ships(answers),
        },
        Answered {
            question: "How does it go live, and how is it undone?",
            answer: how_live(answers),
        },
        Answered {
            question: "What must be true to go live?",
            answer: must_be_true(answers),
        },
        Answered {
            question: "Who decides?",
            answer: who_decides(answers),
        },
        Answered {
            question: "What is still open?",
            answer: still_open(answers),
        },
    ];
    if let Some(answer) = disagreements(answers) {
        parts.push(Answered {
            question: "What do the documents disagree on?",
            answer,
        });
    }
    parts
}

/// The decisions the documents disagree on, in one sentence; `None` when
/// they agree (nothing is claimed without data).
fn disagreements(answers: &Answers) -> Option<String> {
    let items = answers.get("s0.disagreements")?.value.rows();
    let lines: Vec<String> = items
        .iter()
        .map(|row| clause(&row.join(" ")))
        .filter(|line| !line.is_empty())
        .collect();
    if lines.is_empty() {
        return None;
    }
    Some(format!(
        "{}. Each is an open decision; section 0 lists the sources of every value.",
        lines.join(". ")
    ))
}

/// Text for a sentence: one line, no trailing full stop or semicolon.
fn clause(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    text.trim_end_matches(['.', ';', ',']).to_string()
}

/// ` *(proposed)*` after a proposed value, nothing after any other.
fn mark(answer: &Answer) -> &'static str {
    if answer.origin == Origin::Proposed {
        " *(proposed)*"
    } else {
        ""
    }
}

fn owner(field_id: &str) -> String {
    plan::field(field_id)
        .map(|field| field.owner.clone())
        .unwrap_or_else(|| "Release Manager".into())
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The items of a list or table answer, repeats folded.
fn items(answer: &Answer) -> Vec<Item> {
    let rows = answer.value.rows();
    let per_item = answer.item_sources.len() == rows.len();
    let items: Vec<Item> = rows
        .into_iter()
        .enumerate()
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(index, cells)| Item {
            cells,
            sources: if per_item {
                answer.item_sources[index].clone()
            } else {
                Vec::new()
            },
        })
        .collect();
    if per_item {
        fold_repeats(items)
    } else {
        items
    }
}

/// An item's name: its text before the first ` — ` (a feature's name
/// before its description).
/// An item that is only an identifier (`AB-12 — Sign in — …`) is named by
/// its identifier and the part after it.
fn name_of(text: &str) -> String {
    let mut parts = text.split(" — ");
    let first = parts.next().unwrap_or(text);
    let only_ids = !crate::fold::identifiers(first).is_empty()
        && !crate::fold::identifiers(first)
            .iter()
            .fold(first.to_string(), |rest, id| rest.replace(id.as_str(), ""))
            .chars()
            .any(char::is_alphabetic);
    match parts.next() {
        Some(second) if only_ids => clause(&format!("{first} {second}")),
        _ => clause(first),
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn what_ships(answers: &Answers) -> String {
    let mut out = match answers.get("s0.mvp_scope") {
        Some(scope) => {
            let names: Vec<String> = items(scope)
                .iter()
                .map(|item| name_of(&item.cells.join(" — ")))
                .filter(|name| !name.is_empty())
                .collect();
            format!(
                "The MVP contains {}: {}{}.",
                count(names.len(), "item", "items"),
                names.join("; "),
                mark(scope)
            )
        }
        None => format!(
            "What the MVP contains is not decided yet (owner: {}).",
            owner("s0.mvp_scope")
        ),
    };
    match answers.get("s0.mvp_launch") {
        Some(launch) => out.push_str(&format!(
            " It is to go live on {}{}.",
            clause(&launch.value.joined()),
            mark(launch)
        )),
        None => out.push_str(&format!(
            " Its launch date is still open (owner: {}).",
            owner("s0.mvp_launch")
        )),
    }
    out
}

/// The glossary's plain-words explanation of a deployment pattern.
fn explanation(pattern: &str) -> Option<&'static str> {
    let word = pattern
        .split(['/', ' '])
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if word.is_empty() {
        return None;
    }
    plan::glossary()
        .iter()
        .find(|entry| entry.term.to_lowercase().starts_with(&word))
        .map(|entry| entry.explanation.as_str())
}

fn how_live(answers: &Answers) -> String {
    let mut out = match answers.get("s1.mvp_pattern") {
        Some(pattern) => {
            let name = clause(&pattern.value.joined());
            match explanation(&name) {
                Some(explained) => format!(
                    "The MVP goes live with the {name} pattern{}. {explained}",
                    mark(pattern)
                ),
                None => format!(
                    "The MVP goes live with the {name} pattern{}.",
                    mark(pattern)
                ),
            }
        }
        None => format!(
            "How the MVP goes live is not decided yet (owner: {}).",
            owner("s1.mvp_pattern")
        ),
    };
    match answers.get("s6.mvp_rollback") {
        Some(rollback) => {
            let steps: Vec<String> = items(rollback)
                .iter()
                .map(|item| clause(&item.cells.join(" — ")))
                .filter(|step| !step.is_empty())
                .collect();
            if steps.len() == 1 {
                out.push_str(&format!(" To undo it: {}{}.", steps[0], mark(rollback)));
            } else {
                let numbered: Vec<String> = steps
                    .iter()
                    .enumerate()
                    .map(|(index, step)| format!("({}) {step}", index + 1))
                    .collect();
                out.push_str(&format!(
                    " To undo it, {}{}: {}.",
                    count(steps.len(), "step", "steps"),
                    mark(rollback),
                    numbered.join("; ")
                ));
            }
        }
        None => out.push_str(&format!(
            " How it is undone is not decided yet (owner: {}).",
            owner("s6.mvp_rollback")
        )),
    }
    if let Some(later) = answers.get("s1.post_mvp_pattern") {
        out.push_str(&format!(
            " Later releases go out as {}{}.",
            clause(&later.value.joined()),
            mark(later)
        ));
    }
    out
}

/// Owners of a check table's rows, by how many rows each owns, most first.
fn owners_of(field_id: &str, rows: &[Item]) -> String {
    let column =
        plan::field(field_id).and_then(|field| field.columns.iter().position(|c| c == "Owner"));
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for row in rows {
        let who = column
            .and_then(|index| row.cells.get(index))
            .map(|cell| clause(cell))
            .filter(|cell| !cell.is_empty())
            .unwrap_or_else(|| "TBD".to_string());
        *counts.entry(who).or_default() += 1;
    }
    let mut counted: Vec<(String, usize)> = counts.into_iter().collect();
    counted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    and_list(
        &counted
            .into_iter()
            .map(|(who, n)| format!("{who} ({n})"))
            .collect::<Vec<_>>(),
    )
}

fn must_be_true(answers: &Answers) -> String {
    let mut out = match answers.get("s7.mvp_pre_checks") {
        Some(checks) => {
            let rows = items(checks);
            format!(
                "The MVP is deployed only when all {} before deployment are met{} (section 7), owned by {}.",
                count(rows.len(), "check", "checks"),
                mark(checks),
                owners_of("s7.mvp_pre_checks", &rows)
            )
        }
        None => format!(
            "The checks before the MVP deployment are not set yet (owner: {}).",
            owner("s7.mvp_pre_checks")
        ),
    };
    match answers.get("s7.mvp_post_checks") {
        Some(checks) => {
            let rows = items(checks);
            out.push_str(&format!(
                " The deployment is verified when all {} after it pass{}, owned by {}.",
                count(rows.len(), "check", "checks"),
                mark(checks),
                owners_of("s7.mvp_post_checks", &rows)
            ));
        }
        None => out.push_str(&format!(
            " The checks after the deployment are not set yet (owner: {}).",
            owner("s7.mvp_post_checks")
        )),
    }
    out
}

fn who_decides(answers: &Answers) -> String {
    let Some(raci) = answers.get("s11.raci") else {
        return format!("Who decides is not set yet (owner: {}).", owner("s11.raci"));
    };
    let people: BTreeMap<String, String> = answers
        .get("s11.roles")
        .map(|roles| {
            roles
                .value
                .rows()
                .into_iter()
                .filter_map(|row| {
                    let role = clause(row.first()?);
                    let person = clause(row.get(1)?);
                    (!role.is_empty() && !person.is_empty()).then_some((role, person))
                })
                .collect()
        })
        .unwrap_or_default();
    // Activities by the role accountable for them, in the table's order.
    let mut accountable: Vec<(String, Vec<String>)> = Vec::new();
    let column = plan::field("s11.raci")
        .and_then(|field| field.columns.iter().position(|c| c == "Accountable"))
        .unwrap_or(2);
    for row in raci.value.rows() {
        let activity = clause(row.first().map(String::as_str).unwrap_or_default());
        let who = clause(row.get(column).map(String::as_str).unwrap_or_default());
        if activity.is_empty() {
            continue;
        }
        let who = if who.is_empty() {
            "TBD".to_string()
        } else {
            who
        };
        match accountable.iter_mut().find(|(role, _)| *role == who) {
            Some((_, activities)) => activities.push(activity),
            None => accountable.push((who, vec![activity])),
        }
    }
    let sentences: Vec<String> = accountable
        .into_iter()
        .map(|(role, activities)| {
            let who = match people.get(&role) {
                Some(person) => format!("{role} ({person})"),
                None => role,
            };
            format!("{who} answers for {}.", and_list(&activities))
        })
        .collect();
    format!(
        "{}{} Section 11 says who does, is asked and is told.",
        sentences.join(" "),
        if raci.origin == Origin::Proposed {
            format!(" These roles are {}.", PROPOSED_MARK)
        } else {
            String::new()
        }
    )
}

fn still_open(answers: &Answers) -> String {
    let mut open: BTreeMap<String, usize> = BTreeMap::new();
    let mut proposed: BTreeMap<String, usize> = BTreeMap::new();
    for step in plan::steps() {
        for field in &step.fields {
            match answers.get(&field.id) {
                None => *open.entry(field.owner.clone()).or_default() += 1,
                Some(answer) => {
                    let blank_cells = field.kind == plan::FieldKind::Table
                        && answer.value.rows().iter().any(|row| {
                            row.iter().any(|c| !c.trim().is_empty())
                                && (0..field.columns.len())
                                    .any(|i| row.get(i).is_none_or(|c| c.trim().is_empty()))
                        });
                    if blank_cells {
                        *open.entry(field.owner.clone()).or_default() += 1;
                    }
                    if answer.origin == Origin::Proposed {
                        *proposed.entry(field.owner.clone()).or_default() += 1;
                    }
                }
            }
        }
    }
    let by_owner = |counts: &BTreeMap<String, usize>| {
        let mut counted: Vec<(&String, &usize)> = counts.iter().collect();
        counted.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        and_list(
            &counted
                .into_iter()
                .map(|(who, n)| format!("{who} ({n})"))
                .collect::<Vec<_>>(),
        )
    };
    let (n_open, n_proposed) = (
        open.values().sum::<usize>(),
        proposed.values().sum::<usize>(),
    );
    if n_open == 0 && n_proposed == 0 {
        return "Nothing: every part of the plan is decided and confirmed.".to_string();
    }
    let mut parts = Vec::new();
    if n_open > 0 {
        parts.push(format!(
            "{} still TBD (parts not decided yet, or table cells left blank), for {} to decide",
            count(n_open, "part of the plan is", "parts of the plan are"),
            by_owner(&open)
        ));
    }
    if n_proposed > 0 {
        parts.push(format!(
            "{}, for {} to confirm or change",
            count(
                n_proposed,
                "answer is a proposal by DeployPlan",
                "answers are proposals by DeployPlan"
            ),
            by_owner(&proposed)
        ));
    }
    format!(
        "{}. The review's open items list each one with its section.",
        parts.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Value;
    use crate::model::Source;

    fn source(line: u32) -> Source {
        Source {
            path: "docs/prd.md".into(),
            line_start: line,
            line_end: line,
            heading: "Scope".into(),
            excerpt: format!("line {line}"),
        }
    }

    fn answer(value: Value, origin: Origin) -> Answer {
        Answer::bare(value, origin)
    }

    #[test]
    fn an_empty_plan_names_the_owner_of_every_open_question() {
        let page = first_page(&Answers::default());
        assert!(page.starts_with("### The plan in brief\n\n"));
        assert!(page.contains("What the MVP contains is not decided yet (owner: Product Owner)."));
        assert!(page.contains("Its launch date is still open"));
        assert!(page.contains("Who decides is not set yet"));
        assert!(page.contains("still TBD"));
        assert!(!page.contains('…'));
        assert!(!page.contains("disagree"), "no conflicts data, no claim");
    }

    #[test]
    fn the_scope_is_named_in_full_once_per_item_with_the_launch_date() {
        let mut answers = Answers::default();
        let mut scope = answer(
            Value::List(vec![
                "Trip planner (TP-1, TP-2) — travellers plan a trip with many stops and a very long description that must not be cut off".into(),
                "TP-1 — Plan a trip".into(),
                "TP-2 — Share a trip".into(),
                "Offline maps (TP-3) — maps without a network".into(),
            ]),
            Origin::Document,
        );
        scope.item_sources = vec![
            vec![source(1)],
            vec![source(2)],
            vec![source(3)],
            vec![source(4)],
        ];
        answers.values.insert("s0.mvp_scope".into(), scope);
        answers.values.insert(
            "s0.mvp_launch".into(),
            answer(Value::Text("2031-05-06".into()), Origin::Proposed),
        );
        let page = first_page(&answers);
        assert!(
            page.contains("The MVP contains 2 items: Trip planner (TP-1, TP-2); Offline maps (TP-3). It is to go live on 2031-05-06 *(proposed)*."),
            "{page}"
        );
    }

    #[test]
    fn an_item_that_is_only_an_identifier_is_named_with_what_follows() {
        assert_eq!(
            name_of("QX-7 — Export a report — Epic 2"),
            "QX-7 Export a report"
        );
        assert_eq!(name_of("Reports (QX-7) — export them"), "Reports (QX-7)");
        assert_eq!(name_of("Plain item."), "Plain item");
    }

    #[test]
    fn going_live_is_explained_and_every_rollback_step_is_given() {
        let mut answers = Answers::default();
        answers.values.insert(
            "s1.mvp_pattern".into(),
            answer(Value::Text("Canary".into()), Origin::Proposed),
        );
        answers.values.insert(
            "s6.mvp_rollback".into(),
            answer(
                Value::List(vec![
                    "Stop the rollout.".into(),
                    "Send all traffic to the old version".into(),
                ]),
                Origin::User,
            ),
        );
        let text = how_live(&answers);
        assert!(text.starts_with("The MVP goes live with the Canary pattern *(proposed)*. The new version first serves"), "{text}");
        assert!(text.ends_with("To undo it, 2 steps: (1) Stop the rollout; (2) Send all traffic to the old version."), "{text}");
    }

    #[test]
    fn go_live_checks_are_counted_with_their_owners() {
        let mut answers = Answers::default();
        answers.values.insert(
            "s7.mvp_pre_checks".into(),
            answer(
                Value::Table(vec![
                    vec!["Tests pass".into(), "Tester".into()],
                    vec!["Docs written".into(), "Writer".into()],
                    vec!["Load test passes".into(), "Tester".into()],
                ]),
                Origin::Document,
            ),
        );
        let text = must_be_true(&answers);
        assert!(
            text.starts_with("The MVP is deployed only when all 3 checks before deployment are met (section 7), owned by Tester (2) and Writer (1)."),
            "{text}"
        );
    }

    #[test]
    fn who_decides_groups_activities_by_the_accountable_role_with_its_person() {
        let mut answers = Answers::default();
        answers.set_user(
            "s11.roles",
            Value::Table(vec![vec!["Sponsor".into(), "Ada Byron".into()]]),
        );
        answers.set_user(
            "s11.raci",
            Value::Table(vec![
                vec!["Launch go/no-go".into(), "Lead".into(), "Sponsor".into()],
                vec!["Rollback".into(), "Ops".into(), "Ops".into()],
                vec!["Budget".into(), "Lead".into(), "Sponsor".into()],
            ]),
        );
        assert_eq!(
            who_decides(&answers),
            "Sponsor (Ada Byron) answers for Launch go/no-go and Budget. Ops answers for Rollback. Section 11 says who does, is asked and is told."
        );
    }

    #[test]
    fn open_parts_and_proposals_are_counted_by_owner() {
        let mut answers = Answers::default();
        for step in plan::steps() {
            for field in &step.fields {
                let value = if field.kind == plan::FieldKind::Table {
                    Value::Table(vec![vec!["x".to_string(); field.columns.len()]])
                } else {
                    Value::Text("x".into())
                };
                answers.set_user(&field.id, value);
            }
        }
        assert_eq!(
            still_open(&answers),
            "Nothing: every part of the plan is decided and confirmed."
        );
        answers.values.remove("s0.mvp_scope");
        answers.values.get_mut("s1.mvp_pattern").unwrap().origin = Origin::Proposed;
        let text = still_open(&answers);
        assert!(
            text.starts_with("1 part of the plan is still TBD"),
            "{text}"
        );
        assert!(text.contains("for Product Owner (1) to decide"), "{text}");
        assert!(
            text.contains(
                "1 answer is a proposal by DeployPlan, for DevOps Engineer (1) to confirm"
            ),
            "{text}"
        );
    }

    #[test]
    fn the_documents_disagreements_are_named_on_the_first_page() {
        let mut answers = Answers::default();
        answers.values.insert(
            "s0.disagreements".into(),
            answer(
                Value::List(vec!["Availability target: 99.9% or 99.5% — the documents disagree; TBD, decided by the Product Owner".into()]),
                Origin::Document,
            ),
        );
        let page = first_page(&answers);
        assert!(
            page.contains(
                "**What do the documents disagree on?** Availability target: 99.9% or 99.5%"
            ),
            "{page}"
        );
    }
}
