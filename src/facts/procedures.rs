//! Release procedures the documents state, as written: how often releases
//! happen and when a release is rolled back. Read from every document.
//!
//! - `release.cadence`: a clause that says how often releases or deployments
//!   happen — a frequency word (`weekly`, `quinzenal`, `on every merge`),
//!   `every N weeks` (`alle 2 Wochen`, `toutes les deux semaines`) or an
//!   `N-week release cycle` — beside a release word, or any such clause under
//!   a release-cadence section or label. A sprint length (`two-week sprints`)
//!   is weaker evidence: a weak reading, dropped once a release cadence is
//!   stated.
//! - `rollback.trigger`: a clause that says when to roll back — a rollback
//!   word with a condition (`if`, `when`, `on`, `falls`, `quando`) that names
//!   a failure, a threshold or an alarm — or any failure or threshold under a
//!   rollback-trigger section or label (`Rollback-Kriterien: Fehlerrate > 5 %`).
//!
//! Every word is the lexicon's ([`super::lexicon::Words`]), in five
//! languages. Sections about the future, options or examples are skipped
//! ([`DocumentReader::is_off`]), and so are doubtful, example, negated and
//! alternative clauses.

use super::lexicon::{has_cue, names_subject, words_alternation, words_regex, Cue, Subject, Words};
use super::{clauses, Collector, DocumentReader, Strength};
use crate::markdown::{Block, BlockKind};
use crate::pattern;
use regex::Regex;
use std::sync::OnceLock;

/// Longest value kept, in characters.
const MAX_VALUE_CHARS: usize = 160;

/// Reads the release cadence and rollback triggers of one document.
pub fn read(reader: &DocumentReader<'_>, collector: &mut Collector) {
    // Open list items by group and depth: a nested item's parent names
    // what it is about (`Staging: …` › `Deployment frequency: weekly`).
    let mut open_items: Vec<(u32, u8, String)> = Vec::new();
    for block in reader.blocks() {
        let mut parent = None;
        if block.kind != BlockKind::ListItem {
            open_items.clear();
        } else {
            open_items.retain(|(_, depth, _)| *depth < block.depth);
            parent = open_items
                .last()
                .filter(|(_, depth, _)| *depth + 1 == block.depth)
                .map(|(_, _, line)| line.clone());
            let first_line = block.text.lines().next().unwrap_or("").trim().to_string();
            open_items.push((block.group, block.depth, first_line));
        }
        if matches!(block.kind, BlockKind::TableRow { header: true, .. }) {
            continue;
        }
        if reader.is_off(block.section) {
            continue;
        }
        let names = reader.names(block.section);
        // A table row's first cell labels the others (`Deployment frequency
        // | weekly`, `staging | deployed on every merge`).
        let row = match &block.kind {
            BlockKind::TableRow { cells, .. } => Some(cells),
            _ => None,
        };
        let label = row
            .and_then(|cells| cells.first().map(String::as_str))
            .or(block.label.as_deref())
            .unwrap_or("");
        let about = |subject: Subject| {
            names.iter().take(2).any(|n| names_subject(subject, n))
                || (!label.is_empty() && names_subject(subject, label))
        };
        let (in_cadence, in_triggers) = (
            about(Subject::ReleaseCadence),
            about(Subject::RollbackTriggers),
        );
        // Sections about releasing or rolling back: a rollback there is a
        // release's, not an application's own (a transaction undone).
        let delivery = names.iter().any(|n| {
            words_regex(Words::Release).is_match(n) || words_regex(Words::Rollback).is_match(n)
        });
        // A bare `Frequency:` field in a section about releasing.
        let in_cadence = in_cadence
            || (!label.is_empty()
                && label.chars().count() <= 30
                && words_regex(Words::Cycle).is_match(label)
                && (delivery || words_regex(Words::Release).is_match(label))
                && first(Words::NotRelease, label).is_none()
                && !names.iter().any(|n| first(Words::NotRelease, n).is_some()));
        let short = |line: &str| (3..=60).contains(&line.chars().count());
        // Each cell of a row is read alone, named by the row's first cell.
        let texts: Vec<(String, Option<String>)> = match row {
            Some(cells) if cells.len() > 1 => {
                let name = (!in_cadence && short(label)).then(|| label.to_string());
                cells[1..]
                    .iter()
                    .map(|cell| (cell.clone(), name.clone()))
                    .collect()
            }
            Some(cells) => cells.iter().map(|cell| (cell.clone(), None)).collect(),
            None => vec![(block.text.clone(), parent.filter(|line| short(line)))],
        };
        for (text, context) in texts {
            let offset = block.text.find(text.as_str()).unwrap_or(0);
            for (start, end) in clauses(&text) {
                let clause = &text[start..end];
                if doubtful(clause) {
                    continue;
                }
                let place = Place {
                    reader,
                    block,
                    at: offset + start,
                };
                cadence(&place, clause, in_cadence, context.as_deref(), collector);
                trigger(&place, clause, in_triggers, delivery, collector);
            }
        }
    }
}

/// Where a clause was read: its document, block and byte in the block.
struct Place<'r, 'a> {
    reader: &'r DocumentReader<'a>,
    block: &'r Block,
    at: usize,
}

impl Place<'_, '_> {
    fn add(
        &self,
        key: &str,
        value: &str,
        strength: Strength,
        hit: usize,
        collector: &mut Collector,
    ) {
        collector.add_with(key, value, strength, self.reader.index, || {
            self.reader.block_source(self.block, self.at + hit)
        });
    }
}

/// Said as a possibility, a wish, an example, a to-do or for some later day.
fn doubtful(clause: &str) -> bool {
    // `Define the release cadence: …`, `Rollback-Trigger festlegen`: work
    // still to do, or a recommendation, not what the project does.
    let opening: String = clause
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    let task = words_regex(Words::Task);
    let opens_with_task = task
        .captures(&opening)
        .and_then(|c| c.get(1))
        .is_some_and(|m| m.start() == 0);
    let label_task = clause
        .split_once(':')
        .is_some_and(|(label, _)| label.chars().count() <= 60 && task.is_match(label));
    opens_with_task
        || label_task
        || has_cue(Cue::Doubt, clause)
        || has_cue(Cue::Example, clause)
        || pattern!(
            r"\b(could|might|consider(ing|ed)?|evaluat(e|ing|ion)|possibl[ey]|potential(ly)?|tbd|to be (decided|determined|defined|confirmed)|optional(ly)?|maybe|perhaps|eventually|in the future|someday|long[- ]term|would like|nice to have|alternatively|e\.g\.?|for example|such as)\b"
        )
        .is_match(clause)
}

/// The place of the first word of a kind in `text`, as a byte range.
fn first(words: Words, text: &str) -> Option<(usize, usize)> {
    words_regex(words)
        .captures(text)
        .and_then(|c| c.get(1))
        .map(|m| (m.start(), m.end()))
}

fn number() -> String {
    format!(r"(?:\d+|{})", words_alternation(Words::Number))
}

/// `every 4 weeks`, `alle zwei Wochen`, `a cada 15 dias`, `each month`.
fn every_period() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        super::compile_pattern(&format!(
            r"(?i)(?:^|\W)((?:{})\s+(?:{}\s*)?(?:{}))(?:$|\W)",
            words_alternation(Words::Every),
            number(),
            words_alternation(Words::Period),
        ))
    })
}

/// A count and a period as one phrase: `2-week`, `two weeks`, `4 Wochen`.
fn count_period() -> String {
    format!(
        r"{}[\s\-]*(?:{})\w*",
        number(),
        words_alternation(Words::Period)
    )
}

/// `4-week release cycle`, `release cycle of two weeks`, `2-Wochen-Takt`.
fn counted_cycle() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        let cycle = words_alternation(Words::Cycle);
        super::compile_pattern(&format!(
            r"(?i)(?:^|\W)({count}[\s\-]+(?:\w+[\s\-]+)?(?:{cycle})|(?:{cycle})\w*\s+(?:of|de|von|à)\s+{count})(?:$|\W)",
            count = count_period(),
        ))
    })
}

/// `two-week sprints`, `sprints of 2 weeks`, `Sprint-Länge: 2 Wochen`,
/// `weekly sprints`.
fn sprint_length() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        let sprint = words_alternation(Words::Sprint);
        super::compile_pattern(&format!(
            r"(?i)(?:^|\W)({count}[\s\-]+(?:{sprint})|(?:{sprint})\s+(?:of|de|von|à|mit)\s+{count}|(?:{sprint})[\s\-]*(?:length|duration|dauer|länge|laenge|duração|duracao|duración|duracion|durée|duree)\W+{count}|(?:{frequency})[\s\-]+(?:{sprint}))(?:$|\W)",
            count = count_period(),
            frequency = words_alternation(Words::Frequency),
        ))
    })
}

/// Whether a sprint-length phrase speaks of sprints in the plural (or of
/// the length of every sprint): `two-week sprints`, `Sprint-Länge: 2 Wochen`.
fn plural_sprints(phrase: &str) -> bool {
    let sprint = words_regex(Words::Sprint);
    sprint
        .captures_iter(phrase)
        .filter_map(|c| c.get(1))
        .any(|m| {
            let word = m.as_str().to_lowercase();
            let rest = &phrase[m.end()..];
            word.ends_with('s') || word.ends_with("en") || !rest.trim().is_empty()
        })
}

/// Where a clause states a frequency: a frequency word, `every N weeks` or
/// an `N-week cycle`, as byte ranges.
fn frequencies(clause: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for pattern in [
        words_regex(Words::Frequency),
        every_period(),
        counted_cycle(),
    ] {
        for found in pattern.captures_iter(clause).filter_map(|c| c.get(1)) {
            // `Continuous Deployment (CD) pipeline` names a pipeline, not how often.
            if pattern!(r"^\W*(\([^)]{0,12}\)\s*)?pipelines?\b").is_match(&clause[found.end()..]) {
                continue;
            }
            out.push((found.start(), found.end()));
        }
    }
    out.sort_unstable();
    out
}

/// Whether a `release.cadence` value states only a sprint length (the weak
/// reading), not how often releases happen.
pub fn is_sprint_length(value: &str) -> bool {
    frequencies(value).is_empty() && sprint_length().is_match(value)
}

/// What a cadence statement says, to tell two wordings of one cadence from
/// two cadences: its first frequency, folded (`on every push` and `Every
/// push` are `every push`); `None` when it states none.
pub fn frequency_of(value: &str) -> Option<String> {
    let (start, end) = frequencies(value).into_iter().next()?;
    let words: Vec<String> = value[start..end]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(super::lexicon::fold)
        .collect();
    let skip = [
        "on", "each", "every", "a", "bei", "jedem", "en", "cada", "chaque",
    ];
    let core: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !skip.contains(w))
        .collect();
    Some(core.join(" "))
}

/// Whether a negation stands in the part of the clause just before `at`
/// (from the last comma, colon or parenthesis), or right after it.
fn negated(clause: &str, at: usize, end: usize) -> bool {
    let before = &clause[..at];
    let part = before
        .rfind([',', ';', ':', '('])
        .map_or(before, |cut| &before[cut + 1..]);
    let words: Vec<&str> = part.split_whitespace().collect();
    let near = words[words.len().saturating_sub(3)..].join(" ");
    let english = pattern!(
        r"\b(not|never|no|without|don'?t|doesn'?t|won'?t|cannot|can'?t|instead of|rather than)\b"
    );
    english.is_match(&near)
        || has_cue(Cue::Negation, &near)
        || pattern!(r"^\W*(is|are|will be|was)?\s*(not|never)\b").is_match(&clause[end..])
}

/// A clause's opening `Label:` when the label names `subject`: the byte
/// where the rest begins.
fn labelled(clause: &str, subject: Subject) -> Option<usize> {
    let colon = clause.find(':')?;
    let label = &clause[..colon];
    (label.chars().count() <= 60 && names_subject(subject, label)).then_some(colon + 1)
}

/// The statement: trimmed, whitespace collapsed, without a trailing period,
/// at most [`MAX_VALUE_CHARS`] characters.
fn statement(text: &str) -> String {
    let value = text
        .trim()
        .trim_start_matches(['-', '*', '•', ':', ' ', '"', '“'])
        .trim_end_matches(['.', ';', ',', ':', '"', '”'])
        .trim();
    crate::text::shorten(&value.replace(['"', '“', '”'], ""), MAX_VALUE_CHARS)
}

fn cadence(
    place: &Place<'_, '_>,
    clause: &str,
    in_section: bool,
    context: Option<&str>,
    collector: &mut Collector,
) {
    let found = frequencies(clause);
    let label = labelled(clause, Subject::ReleaseCadence);
    let about = in_section || label.is_some();
    let released = first(Words::Release, clause).is_some();
    let strong = found.first().copied().filter(|&(start, end)| {
        // Under a cadence heading or label, or said of releases (backups,
        // reports and meetings have schedules too).
        (about || (released && first(Words::NotRelease, clause).is_none()))
            && !negated(clause, start, end)
            // `weekly or bi-weekly` is still open.
            && !found.windows(2).any(|pair| {
                let between = &clause[pair[0].1..pair[1].0];
                pattern!(r"^\W*(or|either|oder|bzw|ou|o|u)\W*$").is_match(between)
                    || has_cue(Cue::Or, between) && between.split_whitespace().count() <= 2
            })
    });
    let (strength, hit) = match strong {
        Some(hit) => (Strength::Strong, hit),
        None => {
            // Sprints, plural: a recurring length, not one sprint's time box.
            let Some(found) = sprint_length()
                .captures_iter(clause)
                .filter_map(|c| c.get(1))
                .find(|m| plural_sprints(m.as_str()))
            else {
                return;
            };
            if negated(clause, found.start(), found.end()) {
                return;
            }
            (Strength::Weak, (found.start(), found.end()))
        }
    };
    // Under a cadence label the value is what follows it; a sprint length
    // keeps its label, which says what the period is.
    let value = match label {
        Some(rest) if strength == Strength::Strong => statement(&clause[rest..]),
        _ => statement(clause),
    };
    if value.is_empty() {
        return;
    }
    let value = match context {
        Some(parent) => format!("{}: {value}", parent.trim_end_matches([':', ' '])),
        None => value,
    };
    place.add("release.cadence", &value, strength, hit.0, collector);
}

fn trigger(
    place: &Place<'_, '_>,
    clause: &str,
    in_section: bool,
    delivery: bool,
    collector: &mut Collector,
) {
    let failure_at = |text: &str| -> Option<usize> {
        let word = first(Words::Failure, text).map(|(start, _)| start);
        let threshold = pattern!(r"[<>≥≤]\s*=?\s*\d|\d\s*%")
            .find(text)
            .map(|m| m.start());
        word.into_iter().chain(threshold).min()
    };
    let label = labelled(clause, Subject::RollbackTriggers);
    let rollback = first(Words::Rollback, clause);
    let (value_from, hit) = match (rollback, label) {
        (_, Some(rest)) => {
            let Some(hit) = failure_at(&clause[rest..]) else {
                return;
            };
            (rest, rest + hit)
        }
        (Some((start, end)), None) => {
            if negated(clause, start, end) {
                return;
            }
            // Undoing a release, not a transaction of the application: said
            // of a release, in a delivery section, or on a watched signal.
            let signal = first(Words::Signal, clause).is_some()
                || pattern!(r"[<>≥≤]\s*=?\s*\d|\d\s*%").is_match(clause);
            if !(in_section || delivery || signal || first(Words::Release, clause).is_some()) {
                return;
            }
            let condition = words_regex(Words::Condition);
            // A condition after the rollback word that names a failure…
            let after = condition
                .captures(&clause[end..])
                .and_then(|c| c.get(1))
                .and_then(|c| failure_at(&clause[end + c.end()..]).map(|f| end + c.end() + f));
            // …or one before it, with the failure in between.
            let before = condition
                .captures(&clause[..start])
                .and_then(|c| c.get(1))
                .and_then(|c| failure_at(&clause[c.end()..start]).map(|f| c.end() + f));
            // Under a rollback-trigger section, any failure or threshold.
            let listed = in_section.then(|| failure_at(clause)).flatten();
            let Some(hit) = after.or(before).or(listed) else {
                return;
            };
            (0, hit)
        }
        (None, None) => {
            if !in_section {
                return;
            }
            let Some(hit) = failure_at(clause) else {
                return;
            };
            (0, hit)
        }
    };
    let value = statement(&clause[value_from..]);
    if value.is_empty() {
        return;
    }
    place.add("rollback.trigger", &value, Strength::Strong, hit, collector);
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::Role;

    fn cadences(text: &str) -> Vec<String> {
        values(&read(Role::Spec, text).facts, "release.cadence")
    }

    fn triggers(text: &str) -> Vec<String> {
        values(&read(Role::Spec, text).facts, "rollback.trigger")
    }

    #[test]
    fn stated_release_cadences_are_read_as_written() {
        assert_eq!(
            cadences("## Delivery\n\nWe cut releases every 4 weeks from the main branch.\n"),
            ["We cut releases every 4 weeks from the main branch"]
        );
        assert_eq!(
            cadences("- Bi-weekly production releases after the pilot\n"),
            ["Bi-weekly production releases after the pilot"]
        );
        assert_eq!(
            cadences("Weekly deploys to staging; production follows.\n"),
            ["Weekly deploys to staging"]
        );
        assert_eq!(
            cadences("The service uses continuous deployment on every merge to main.\n"),
            ["The service uses continuous deployment on every merge to main"]
        );
        assert_eq!(
            cadences("Releases follow a 3-week release cycle.\n"),
            ["Releases follow a 3-week release cycle"]
        );
    }

    #[test]
    fn a_cadence_label_or_section_gives_the_value_after_it() {
        assert_eq!(
            cadences("- **Release cadence:** every two weeks, on Tuesdays\n"),
            ["every two weeks, on Tuesdays"]
        );
        assert_eq!(
            cadences("## Release Frequency\n\nOnce a month.\n"),
            ["Once a month"]
        );
    }

    #[test]
    fn cadences_are_read_in_four_more_languages() {
        assert_eq!(
            cadences("Os deploys em produção são quinzenais.\n"),
            ["Os deploys em produção são quinzenais"]
        );
        assert_eq!(
            cadences("Hacemos un despliegue a producción cada dos semanas.\n"),
            ["Hacemos un despliegue a producción cada dos semanas"]
        );
        assert_eq!(
            cadences("Une mise en production toutes les deux semaines.\n"),
            ["Une mise en production toutes les deux semaines"]
        );
        assert_eq!(
            cadences("Releases erfolgen alle 2 Wochen.\n"),
            ["Releases erfolgen alle 2 Wochen"]
        );
    }

    #[test]
    fn a_sprint_length_is_weak_and_gives_way_to_a_release_cadence() {
        assert_eq!(
            cadences("The team works in two-week sprints.\n"),
            ["The team works in two-week sprints"]
        );
        assert_eq!(
            cadences(
                "The team works in two-week sprints.\n\nProduction releases happen monthly.\n"
            ),
            ["Production releases happen monthly"]
        );
        assert!(cadences("Sprint 2 takes 2 weeks of UI work.\n").is_empty());
        assert!(cadences("Each epic fits one 2-week sprint.\n").is_empty());
        assert_eq!(
            cadences("- Sprint length: 2 weeks\n"),
            ["Sprint length: 2 weeks"]
        );
        assert!(super::is_sprint_length(
            "The team works in two-week sprints"
        ));
        assert!(!super::is_sprint_length(
            "Releases every two weeks, one per sprint"
        ));
    }

    #[test]
    fn future_optional_negated_alternative_and_other_schedules_are_not_cadences() {
        assert!(cadences("## Future Work\n\n- Weekly releases\n").is_empty());
        assert!(cadences("We might release weekly once the team grows.\n").is_empty());
        assert!(cadences("Eventually we deploy continuously.\n").is_empty());
        assert!(cadences("We do not release weekly.\n").is_empty());
        assert!(cadences("Releases happen weekly or bi-weekly.\n").is_empty());
        assert!(cadences("The deployment runs daily backups of the database.\n").is_empty());
        assert!(cadences("Releases sind eventuell wöchentlich.\n").is_empty());
        assert!(cadences("The release notes list every change.\n").is_empty());
        assert!(cadences("Release 1 takes 4 weeks.\n").is_empty());
    }

    #[test]
    fn two_stated_cadences_are_both_kept() {
        assert_eq!(
            cadences("## Process\n\n- Releases every two weeks.\n- Hotfixes aside, we deploy weekly to production.\n"),
            [
                "Releases every two weeks",
                "Hotfixes aside, we deploy weekly to production"
            ]
        );
    }

    #[test]
    fn rollback_conditions_are_read_as_written() {
        assert_eq!(
            triggers("Roll back when the error rate exceeds 1% for five minutes.\n"),
            ["Roll back when the error rate exceeds 1% for five minutes"]
        );
        assert_eq!(
            triggers("- Rollback if health checks fail after the switch\n"),
            ["Rollback if health checks fail after the switch"]
        );
        assert_eq!(
            triggers("The pipeline performs an automatic rollback on alarm.\n"),
            ["The pipeline performs an automatic rollback on alarm"]
        );
        assert_eq!(
            triggers("If the smoke tests fail, the release is rolled back.\n"),
            ["If the smoke tests fail, the release is rolled back"]
        );
    }

    #[test]
    fn a_trigger_label_or_section_gives_the_conditions_after_it() {
        assert_eq!(
            triggers("Rollback-Kriterien: Fehlerrate > 5 %\n"),
            ["Fehlerrate > 5 %"]
        );
        assert_eq!(
            triggers("## Rollback Triggers\n\n- p99 latency above 2 s\n- A failed database migration\n- Owner sign-off\n"),
            ["p99 latency above 2 s", "A failed database migration"]
        );
    }

    #[test]
    fn rollback_triggers_are_read_in_four_more_languages() {
        assert_eq!(
            triggers("Fazer rollback quando a taxa de erro passar de 2%.\n"),
            ["Fazer rollback quando a taxa de erro passar de 2%"]
        );
        assert_eq!(
            triggers("Se hace rollback del despliegue si fallan las pruebas.\n"),
            ["Se hace rollback del despliegue si fallan las pruebas"]
        );
        assert_eq!(
            triggers("Retour arrière si le taux d'erreur dépasse 3 %.\n"),
            ["Retour arrière si le taux d'erreur dépasse 3 %"]
        );
        assert_eq!(
            triggers("Rollback, falls der Health-Check fehlschlagen sollte.\n"),
            ["Rollback, falls der Health-Check fehlschlagen sollte"]
        );
    }

    #[test]
    fn rollback_statements_without_a_failure_or_denied_or_future_are_not_triggers() {
        assert!(triggers("Rollback takes under 10 minutes when using images.\n").is_empty());
        assert!(triggers("The rollback is rehearsed in staging before launch.\n").is_empty());
        assert!(triggers("We do not roll back on alarms; we fix forward.\n").is_empty());
        assert!(triggers("## Future Enhancements\n\n- Automatic rollback on alarm\n").is_empty());
        assert!(triggers("Automatic rollback on alarms could be added.\n").is_empty());
        assert!(triggers("Error rate above 1% pages the on-call engineer.\n").is_empty());
    }

    #[test]
    fn a_nested_cadence_is_named_by_its_parent_item() {
        assert_eq!(
            cadences("- QA stage (`qa`)\n  - Purpose: checks\n  - Deployment frequency: twice a week\n- Live stage\n  - Deployment frequency: monthly\n"),
            ["QA stage (qa): twice a week", "Live stage: monthly"]
        );
    }

    #[test]
    fn a_pipeline_named_continuous_or_a_monthly_cost_is_no_cadence() {
        assert!(cadences(
            "This guide sets up the Continuous Deployment (CD) pipeline for the app.\n"
        )
        .is_empty());
        assert!(
            cadences("A continuous delivery pipeline builds and deploys each service.\n")
                .is_empty()
        );
        assert!(
            cadences("A low monthly cost matters more than scale for the first release.\n")
                .is_empty()
        );
        assert_eq!(
            cadences("The team agreed: \"patch releases every 3 weeks\"\n"),
            ["The team agreed: patch releases every 3 weeks"]
        );
    }

    #[test]
    fn an_application_undoing_its_own_work_is_no_release_trigger() {
        assert!(
            triggers("## Import\n\n- Copy files to a temp folder, rollback on failure\n")
                .is_empty()
        );
        assert_eq!(
            triggers("## Deployment\n\n- Rollback on failure of the post-deploy checks\n"),
            ["Rollback on failure of the post-deploy checks"]
        );
    }

    #[test]
    fn a_to_do_or_a_recommendation_is_not_a_stated_procedure() {
        assert!(cadences("- Define the release cadence: \"monthly releases\"\n").is_empty());
        assert!(cadences("3. Recommended: weekly deploys to production\n").is_empty());
        assert!(triggers("Rollback-Trigger festlegen: Fehlerrate > 5 %\n").is_empty());
        assert!(triggers("Add rollback when health checks fail to the runbook.\n").is_empty());
    }

    #[test]
    fn table_cells_are_read_alone_and_named_by_their_row() {
        let text = "| Stage | Tool | When |\n|---|---|---|\n| Load tests | k6 | Weekly in staging; before each release |\n| preview | Pages | Deployed on every push to a branch |\n";
        assert_eq!(
            cadences(text),
            ["preview: Deployed on every push to a branch"]
        );
        let text =
            "| Topic | Rule |\n|---|---|\n| Rollback triggers | 5xx rate > 2 % for 10 min |\n";
        assert_eq!(triggers(text), ["5xx rate > 2 % for 10 min"]);
    }

    #[test]
    fn a_bare_frequency_field_counts_in_a_section_about_releasing() {
        assert_eq!(
            cadences(
                "## Production Deployment\n\n- **Frequency:** Continuous (every commit to main)\n"
            ),
            ["Frequency: Continuous (every commit to main)"]
        );
        assert!(cadences("## Backup Plan\n\n- **Frequency:** daily\n").is_empty());
        assert_eq!(
            cadences("- Deployment frequency: Multiple times per day\n"),
            ["Multiple times per day"]
        );
    }
}
