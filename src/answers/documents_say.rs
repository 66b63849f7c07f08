//! "What the documents say": for every field with a query
//! ([`crate::plan::FieldDef::query`]), the passages of the documents that speak
//! to it, ranked ([`crate::passages`]); and the documents' own words carried
//! into the plan, cited, before any template text.
//!
//! A passage is offered only where it states something: passages under
//! headings that hold open questions, out-of-scope lists, alternatives or
//! future ideas, questions, and user-story fragments are left out. Each passage
//! fills at most one field, the one it speaks to most.

use super::{Answer, Answers, Origin, Value};
use crate::model::{Role, Source};
use crate::passages::{words, Hit, PassageIndex};
use crate::plan::{self, FieldKind, Phase};
use crate::project::Project;
use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use ts_rs::TS;

/// One passage offered for a field in the wizard.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Passage {
    /// File, lines, heading path; the excerpt is the passage's text.
    pub source: Source,
    /// The passage, inline markup removed, one block a line.
    pub text: String,
    /// Whether its heading names the field's topic: the strongest sign that
    /// the passage is about this field rather than another.
    #[serde(skip)]
    #[ts(skip)]
    pub heading_match: bool,
    /// How many of the field's terms its heading holds.
    #[serde(skip)]
    #[ts(skip)]
    pub heading_terms: usize,
    /// Rows of a table: offered, never carried into a sentence of the plan.
    pub table: bool,
    /// From a user-story document: offered, never carried into the plan (a
    /// story's notes are about building a feature, not about deploying it).
    #[serde(skip)]
    #[ts(skip)]
    pub from_stories: bool,
    /// Whether its text, not only its heading, holds one of the field's terms.
    #[serde(skip)]
    #[ts(skip)]
    pub text_match: bool,
}

/// Passages offered per field, best first.
pub type FieldPassages = BTreeMap<String, Vec<Passage>>;

/// How many passages a field offers at most.
const PER_FIELD: usize = 3;
/// The least BM25 score a passage needs to be offered. Being on topic
/// ([`Hit::is_on_topic`]) is the real gate: a score depends on how many other
/// passages share the words, so a small project scores low everywhere.
const MINIMUM_SCORE: f32 = 0.0;

/// Headings whose passages discuss rather than decide, in the five languages
/// (folded: lower case; matched as words of the heading path).
const NOT_DECIDED_HEADINGS: &[&str] = &[
    "open question",
    "open questions",
    "open issues",
    "questions",
    "out of scope",
    "non goals",
    "non-goals",
    "future",
    "future work",
    "future enhancements",
    "alternatives",
    "alternatives considered",
    "rejected",
    "nice to have",
    "backlog",
    "glossary",
    "perguntas em aberto",
    "questões em aberto",
    "fora do escopo",
    "trabalhos futuros",
    "preguntas abiertas",
    "fuera de alcance",
    "trabajo futuro",
    "questions ouvertes",
    "hors périmètre",
    "hors perimetre",
    "travaux futurs",
    "offene fragen",
    "nicht im umfang",
    "außerhalb des umfangs",
    "zukünftige erweiterungen",
    // Troubleshooting: how to fix a failure, not the plan's procedure.
    "troubleshooting",
    "common issues",
    "known issues",
    "faq",
    "solução de problemas",
    "problemas comuns",
    "solución de problemas",
    "problemas comunes",
    "dépannage",
    "problèmes courants",
    "fehlerbehebung",
    "bekannte probleme",
];

/// Heading words that mark a passage as about the releases after the MVP, in
/// the five languages; such passages are not offered for MVP fields.
const POST_MVP_HEADINGS: &[&str] = &[
    "post mvp",
    "after the mvp",
    "after mvp",
    "later releases",
    "future releases",
    "phase 2",
    "phase two",
    "pos mvp",
    "depois do mvp",
    "despues del mvp",
    "apres le mvp",
    "nach dem mvp",
    "fase 2",
];

/// What a user story says, in the five languages (lower case): who wants
/// something ("as a") and what they want ("i want"). A passage holding both
/// is a story, wherever they stand.
const STORY_ROLES: &[&str] = &[
    "as a ",
    "as an ",
    "como um ",
    "como una ",
    "como ",
    "en tant que ",
    "als ",
];
const STORY_WANTS: &[&str] = &[
    "i want",
    "i need",
    "eu quero",
    "quiero",
    "je veux",
    "je souhaite",
    "ich möchte",
    "ich will",
];

/// The passages that speak to each field with a query.
pub fn field_passages(project: &Project) -> FieldPassages {
    let index = PassageIndex::build(&project.documents);
    passages_from_index(&index)
}

pub(super) fn passages_from_index(index: &PassageIndex) -> FieldPassages {
    let stemmer = Stemmer::create(Algorithm::English);
    let post_mvp: Vec<Vec<String>> = POST_MVP_HEADINGS
        .iter()
        .map(|cue| words(cue, &stemmer))
        .collect();
    let mut found = FieldPassages::new();
    for step in plan::steps() {
        for field in &step.fields {
            if field.query.is_empty() {
                continue;
            }
            let query: Vec<&str> = field.query.iter().map(String::as_str).collect();
            let mut avoid: Vec<Vec<String>> = field
                .avoid
                .iter()
                .map(|term| words(term, &stemmer))
                .collect();
            if field.phase == Phase::Mvp {
                avoid.extend(post_mvp.iter().cloned());
            }
            let hits: Vec<Passage> = index
                .search(&query, PER_FIELD * 4, MINIMUM_SCORE)
                .into_iter()
                .filter(|hit| {
                    hit.is_on_topic()
                        && states_something(hit)
                        && !heading_has_any(&hit.source.heading, &avoid, &stemmer)
                })
                .take(PER_FIELD)
                .map(|hit| Passage {
                    heading_match: hit.heading_terms > 0,
                    heading_terms: hit.heading_terms,
                    table: hit.table,
                    from_stories: hit.role == Some(Role::Stories),
                    text_match: hit.text_terms > 0,
                    source: hit.source,
                    text: hit.text,
                })
                .collect();
            if !hits.is_empty() {
                found.insert(field.id.clone(), hits);
            }
        }
    }
    found
}

/// Whether the heading path holds one of `phrases` (stemmed words, in order).
fn heading_has_any(heading: &str, phrases: &[Vec<String>], stemmer: &Stemmer) -> bool {
    let heading = words(heading, stemmer);
    phrases.iter().any(|phrase| {
        !phrase.is_empty()
            && heading
                .windows(phrase.len())
                .any(|window| window == phrase.as_slice())
    })
}

/// Whether a passage states something rather than asks, lists what is out,
/// or tells a user story.
pub(super) fn states_something(hit: &Hit) -> bool {
    let heading = hit.source.heading.to_lowercase();
    let heading_parts: Vec<String> = heading
        .split(" > ")
        .map(|part| {
            part.trim_matches(|c: char| !c.is_alphanumeric())
                .replace(['-', '_'], " ")
        })
        .collect();
    let undecided = heading_parts.iter().any(|part| {
        NOT_DECIDED_HEADINGS.iter().any(|cue| {
            let cue = cue.replace('-', " ");
            part == &cue
                || part.starts_with(&format!("{cue} "))
                || part.ends_with(&format!(" {cue}"))
        })
    });
    if undecided {
        return false;
    }
    let text = hit.text.trim().to_lowercase();
    let first_line = text.lines().next().unwrap_or_default();
    let padded = format!(" {text}");
    let tells_a_story = STORY_WANTS.iter().any(|want| padded.contains(want))
        && STORY_ROLES
            .iter()
            .any(|role| padded.contains(&format!(" {role}")));
    if tells_a_story {
        return false;
    }
    !first_line.trim_end().ends_with('?')
}

/// Carries the documents' own words into the fields that have no value from
/// the facts: a long-text field takes its best passage as written, a list
/// field its best passage's lines as items; each cites the passage. Only
/// passages under a heading that names the field's topic are carried, never
/// tables. A value from the documents or the user is kept; a proposal gives
/// way. Each passage fills one field at most, the one it ranks best for.
pub fn carry_into_answers(passages: &FieldPassages, answers: &mut Answers) {
    // Pairs whose heading names the field first, then the best-ranked: a
    // passage goes to the field its heading is about, and each field takes
    // its best free passage.
    // Among equals, the field whose terms the heading holds more of.
    let mut order: Vec<(bool, usize, std::cmp::Reverse<usize>, &String, &Passage)> = passages
        .iter()
        .flat_map(|(field, list)| {
            list.iter().enumerate().map(move |(rank, p)| {
                (
                    !p.heading_match,
                    rank,
                    std::cmp::Reverse(p.heading_terms),
                    field,
                    p,
                )
            })
        })
        .collect();
    order.sort_by(|a, b| (a.0, a.1, a.2, a.3).cmp(&(b.0, b.1, b.2, b.3)));
    let mut used: BTreeSet<(String, u32)> = BTreeSet::new();
    let mut filled: BTreeSet<String> = BTreeSet::new();
    for (_, _, _, field_id, passage) in order {
        let key = (passage.source.path.clone(), passage.source.line_start);
        // Only a passage whose heading names the topic is carried into the
        // plan; one that only mentions it is offered in the wizard.
        if passage.table
            || passage.from_stories
            || !passage.heading_match
            || !passage.text_match
            || !complete_statement(&passage.text)
            || filled.contains(field_id)
            || used.contains(&key)
        {
            continue;
        }
        let Some(field) = plan::field(field_id) else {
            continue;
        };
        // A proposal gives way; a value from the documents or the user stays.
        let open = answers
            .get(field_id)
            .is_none_or(|answer| answer.value.is_empty() || answer.origin == Origin::Proposed);
        if !open {
            continue;
        }
        let value = match field.kind {
            FieldKind::LongText => Value::Text(one_line(&passage.text)),
            FieldKind::List | FieldKind::Checklist => Value::List(
                passage
                    .text
                    .lines()
                    .map(crate::text::plain_value)
                    .filter(|line| !line.is_empty())
                    .collect(),
            ),
            _ => continue,
        };
        let item_sources = match &value {
            Value::List(items) => vec![vec![passage.source.clone()]; items.len()],
            _ => Vec::new(),
        };
        answers.values.insert(
            field_id.clone(),
            Answer {
                value,
                origin: Origin::Document,
                reason: None,
                sources: vec![passage.source.clone()],
                item_sources,
            },
        );
        used.insert(key);
        filled.insert(field_id.clone());
    }
}

/// Shortest passage carried into the plan: a label or a fragment says nothing.
const SHORTEST_STATEMENT: usize = 60;

/// Whether a passage reads as a statement on its own: long enough, and not a
/// lead-in whose list or code follows elsewhere ("The steps are:").
fn complete_statement(text: &str) -> bool {
    let text = text.trim();
    text.chars().count() >= SHORTEST_STATEMENT && !text.ends_with(':') && !is_template(text)
}

/// Markers of a passage still to be filled in: placeholders such as
/// `[pager/phone]` or `<name>`, and to-do words, in the five languages. Such
/// a passage says what is missing, not what was decided.
const TODO_WORDS: &[&str] = &[
    "tbd",
    "todo",
    "tbc",
    "xxx",
    "a definir",
    "a confirmar",
    "por definir",
    "à définir",
    "à confirmer",
    "offen",
    "ausstehend",
];

fn is_template(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != 'à')
        .filter(|w| !w.is_empty())
        .collect();
    let joined = format!(" {} ", words.join(" "));
    if TODO_WORDS
        .iter()
        .any(|todo| joined.contains(&format!(" {todo} ")))
    {
        return true;
    }
    // `[lower-case words]` not followed by `(` (a link) is a placeholder.
    let mut rest = text;
    while let Some(open) = rest.find(['[', '<']) {
        let close_char = if rest[open..].starts_with('[') {
            ']'
        } else {
            '>'
        };
        let Some(length) = rest[open + 1..].find(close_char) else {
            break;
        };
        let inner = &rest[open + 1..open + 1 + length];
        let after = &rest[open + 1 + length + 1..];
        let placeholder = !inner.is_empty()
            && inner
                .chars()
                .all(|c| c.is_lowercase() || c == ' ' || c == '/' || c == '-' || c == '_')
            && !after.starts_with('(');
        if placeholder {
            return true;
        }
        rest = &rest[open + 1..];
    }
    false
}

/// A passage as one paragraph: its blocks joined, so its citation stands on
/// the same line as every word of it.
fn one_line(text: &str) -> String {
    text.lines()
        .map(crate::text::plain_value)
        .filter(|line| !line.is_empty())
        .map(|line| {
            if line.ends_with(['.', ':', ';', '!', '?']) {
                line.to_string()
            } else {
                format!("{line};")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(';')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::LoadedDocument;

    fn document(path: &str, text: &str) -> LoadedDocument {
        LoadedDocument::from_text(path, None, text)
    }

    const RUNBOOK: &str = "# Operations runbook\n\n## Database backups\n\nThe database is backed up nightly at 01:00 and snapshots are kept for 14 days. Restores are tested monthly.\n\n## Rolling back a release\n\n- Redeploy the previous container image tag.\n- Restore the database snapshot taken before the migration.\n- Announce the rollback in the release channel.\n\n## Open questions\n\n- Should backups be copied to a second region for disaster recovery and restore?\n\n## Monitoring\n\nUptime checks and alerts go to the on-call engineer; dashboards live in Grafana.\n";

    fn passages(text: &str) -> FieldPassages {
        passages_from_index(&PassageIndex::build(&[document("docs/runbook.md", text)]))
    }

    #[test]
    fn each_procedure_field_is_offered_the_passages_about_it() {
        let found = passages(RUNBOOK);
        assert!(found["s8.backup"][0].text.contains("backed up nightly"));
        assert!(found["s6.mvp_rollback"][0]
            .text
            .contains("previous container image"));
        assert!(found["s5.monitoring"][0].text.contains("on-call engineer"));
    }

    #[test]
    fn open_questions_are_never_offered() {
        let found = passages(RUNBOOK);
        for list in found.values() {
            assert!(
                list.iter().all(|p| !p.text.contains("second region")),
                "{list:?}"
            );
        }
    }

    #[test]
    fn a_template_still_to_be_filled_in_is_not_a_decision() {
        assert!(is_template(
            "On-call engineer: [pager/phone]; incident lead: [pager/phone]"
        ));
        assert!(is_template(
            "Escalation contact: <name>, reachable around the clock"
        ));
        assert!(is_template(
            "Maintenance window: TBD with the customer's IT department"
        ));
        assert!(is_template(
            "Wartungsfenster: offen, wird mit dem Betrieb abgestimmt"
        ));
        assert!(!is_template(
            "Incidents are paged to the on-call engineer, who answers within 15 minutes."
        ));
        assert!(!is_template(
            "See the [runbook](docs/runbook.md) for the escalation order of the team."
        ));
    }

    #[test]
    fn troubleshooting_advice_is_not_a_procedure_of_the_plan() {
        let text = "# Operations\n\n## Troubleshooting\n\n### Rollback fails\n\n- Rebuild the release artifacts and redeploy the previous version if the rollback cannot find them.\n\n## Fehlerbehebung\n\nWenn der Rollback scheitert, das vorherige Release neu bauen und erneut ausrollen.\n";
        assert!(
            passages(text).values().flatten().next().is_none(),
            "{:?}",
            passages(text)
        );
    }

    #[test]
    fn story_fragments_and_questions_are_never_offered() {
        let text = "# Stories\n\n## Backup\n\nAs a user I want my backups restored so that nothing is lost.\n\n## Restore\n\nHow are backups restored after a failed migration?\n";
        assert!(passages(text).values().flatten().next().is_none());
    }

    #[test]
    fn the_documents_words_replace_a_proposal_and_cite_their_passage() {
        let found = passages(RUNBOOK);
        let mut answers = Answers::default();
        answers.values.insert(
            "s8.backup".into(),
            Answer {
                value: Value::Text("Take a snapshot before every migration.".into()),
                origin: Origin::Proposed,
                reason: Some("best practice".into()),
                sources: Vec::new(),
                item_sources: Vec::new(),
            },
        );
        carry_into_answers(&found, &mut answers);
        let backup = answers.get("s8.backup").unwrap();
        assert_eq!(backup.origin, Origin::Document);
        assert!(backup.value.joined().contains("backed up nightly at 01:00"));
        assert_eq!(backup.sources[0].path, "docs/runbook.md");
        assert_eq!(
            backup.sources[0].heading,
            "Operations runbook > Database backups"
        );
        let rollback = answers.get("s6.mvp_rollback").unwrap();
        assert_eq!(
            rollback.value.lines(),
            [
                "Redeploy the previous container image tag.",
                "Restore the database snapshot taken before the migration.",
                "Announce the rollback in the release channel."
            ]
        );
        assert_eq!(rollback.item_sources.len(), 3);
    }

    #[test]
    fn a_value_from_the_documents_or_the_user_is_kept() {
        let found = passages(RUNBOOK);
        let mut answers = Answers::default();
        answers.set_user("s8.backup", Value::Text("Our own words.".into()));
        carry_into_answers(&found, &mut answers);
        assert_eq!(
            answers.get("s8.backup").unwrap().value.joined(),
            "Our own words."
        );
    }

    #[test]
    fn a_passage_fills_one_field_at_most() {
        let found = passages(RUNBOOK);
        let mut answers = Answers::default();
        carry_into_answers(&found, &mut answers);
        let mut seen = BTreeSet::new();
        for answer in answers.values.values() {
            let source = &answer.sources[0];
            assert!(
                seen.insert((source.path.clone(), source.line_start)),
                "{source:?} used twice"
            );
        }
    }

    #[test]
    fn mvp_fields_are_not_offered_passages_about_later_releases() {
        let text = "# Release strategy\n\n## MVP rollout\n\nA pilot group of five shops gets the release first, then all shops a week later.\n\n## Post-MVP releases\n\nLater releases roll out as a canary to five percent of traffic, then widen.\n";
        let found = passages(text);
        assert!(found["s1.mvp_rollout"]
            .iter()
            .all(|p| !p.text.contains("canary")));
        assert!(found["s1.mvp_rollout"][0].text.contains("pilot group"));
    }

    #[test]
    fn a_rehearsal_is_not_offered_as_the_procedure_it_rehearses() {
        let text = "# Operations\n\n## Rollback rehearsal\n\nEvery quarter the team rehearses a rollback and restore in staging.\n\n## Rollback\n\nRedeploy the previous release and restore the last snapshot.\n";
        let found = passages(text);
        assert!(found["s6.mvp_rollback"]
            .iter()
            .all(|p| !p.text.contains("quarter")));
        assert!(found["s6.testing"][0].text.contains("quarter"));
    }

    #[test]
    fn a_passage_that_only_mentions_the_topic_is_offered_but_not_carried() {
        let text = "# Release criteria\n\nA rollback and a database restore have been rehearsed in staging before launch.\n";
        let found = passages(text);
        assert!(found.contains_key("s6.mvp_rollback"));
        let mut answers = Answers::default();
        carry_into_answers(&found, &mut answers);
        assert!(answers.get("s6.mvp_rollback").is_none());
    }

    #[test]
    fn a_labelled_story_is_still_a_story() {
        let text = "# Deployment\n\n## Rollback\n\nUser story: As an operator, I want to roll back a release so that users keep working.\n\n## Rollback requirement\n\nPriority: High\nUser story: As an admin, I want a rollback button.\n";
        assert!(passages(text).values().flatten().next().is_none());
    }

    #[test]
    fn a_lead_in_or_a_fragment_is_not_carried() {
        assert!(!complete_statement(
            "Every deployment goes through these stages:"
        ));
        assert!(!complete_statement("Rollback: manual."));
        assert!(complete_statement(
            "Every deployment goes to staging first, and production after the smoke tests pass."
        ));
    }

    #[test]
    fn a_passage_becomes_one_paragraph() {
        assert_eq!(
            one_line("First part\nSecond part."),
            "First part; Second part."
        );
    }
}
