//! Deployment patterns the documents decide ("Deployment strategy: Recreate",
//! "the application is released with rolling updates"), read from the ranked
//! passages and turned into `deploy.pattern` facts for the suggestion rules.
//!
//! A pattern counts only where a passage states it: mentions that are
//! negated ("no rolling update"), future or optional ("blue/green is a future
//! enhancement"), conditional ("for major changes, use …") or offered as one
//! of several alternatives are left out. The cue words are data, in the five
//! languages; a new language is new entries, not new code.

use super::documents_say::states_something;
use crate::model::{Fact, Role, Source};
use crate::passages::PassageIndex;

/// The fact key of a documented deployment pattern (internal to the answers).
pub const PATTERN_KEY: &str = "deploy.pattern";

/// Each pattern of the plan (the choices of `s1.*_pattern`) and how the
/// documents write it, folded (lower case, `-`, `/` and `_` as spaces).
const PATTERN_NAMES: &[(&str, &[&str])] = &[
    (
        "Blue/Green",
        &[
            "blue green",
            "bluegreen",
            "red black",
            "azul verde",
            "bleu vert",
        ],
    ),
    ("Canary", &["canary", "canario", "canário", "kanarien"]),
    (
        "Rolling Update",
        &[
            "rolling update",
            "rolling updates",
            "rollingupdate",
            "rolling deployment",
            "rolling deploy",
        ],
    ),
    ("Recreate", &["recreate"]),
];

/// Words that, just before a pattern's name, negate it.
const NEGATIONS: &[&str] = &[
    "no",
    "not",
    "without",
    "instead of",
    "rather than",
    "avoid",
    "avoids",
    "never",
    "kein",
    "keine",
    "keinen",
    "nicht",
    "ohne",
    "statt",
    "anstatt",
    "sem",
    "não",
    "nao",
    "sin",
    "sans",
    "pas",
    "ni",
];

/// Words that make a statement future, optional, conditional or one of
/// several alternatives rather than the decision.
const NOT_DECIDED: &[&str] = &[
    "future",
    "later",
    "planned",
    "enhancement",
    "optional",
    "could",
    "might",
    "may",
    "consider",
    "considered",
    "alternative",
    "alternatively",
    "if ",
    "for major",
    "for large",
    "post mvp",
    "phase 2",
    "nice to have",
    " or ",
    " vs ",
    "versus",
    "zukünftig",
    "zukuenftig",
    "später",
    "spaeter",
    "geplant",
    "optional",
    "alternativ",
    " oder ",
    "futuro",
    "futura",
    "opcional",
    "planejado",
    "planeado",
    " ou ",
    " o ",
    "futur",
    "facultatif",
    "éventuel",
    "prévu",
];

/// Words that put a line in the context of deploying (in the five
/// languages): a pattern's name counts only beside one of them, in the line
/// or its heading ("blue/green" is also a colour scheme).
const DEPLOY_CONTEXT: &[&str] = &[
    "deploy",
    "release",
    "rollout",
    "roll out",
    "strategy",
    "traffic",
    "update",
    "version",
    "environment",
    "cluster",
    "pod",
    "pods",
    "instance",
    "server",
    "downtime",
    "bereitstell",
    "strategie",
    "ausroll",
    "implanta",
    "despliegue",
    "desplieg",
    "déploie",
    "déploiement",
    "deployment",
    "lançamento",
    "estrategia",
    "estratégia",
    "stratégie",
];

/// Query terms that find passages about the deployment pattern.
const QUERY: &[&str] = &[
    "deployment strategy",
    "deployment pattern",
    "rollout strategy",
    "release strategy",
    "blue green",
    "canary",
    "rolling update",
    "recreate",
    "deployment strategie",
    "bereitstellungsstrategie",
    "estratégia de implantação",
    "estrategia de despliegue",
    "stratégie de déploiement",
];

/// How many ranked passages are read for patterns.
const PASSAGES_READ: usize = 40;

/// The patterns the documents state, one fact per statement, each citing its
/// passage with the stating line as the excerpt.
pub fn documented_patterns(index: &PassageIndex) -> Vec<Fact> {
    let mut facts: Vec<Fact> = Vec::new();
    for hit in index.search(QUERY, PASSAGES_READ, 0.0) {
        // A story's notes are about building one feature, not about how the
        // project is deployed.
        if hit.table || hit.role == Some(Role::Stories) || !states_something(&hit) {
            continue;
        }
        let heading = fold(&hit.source.heading);
        for line in hit.text.lines() {
            let folded = fold(line);
            let in_context = DEPLOY_CONTEXT
                .iter()
                .any(|word| folded.contains(word) || heading.contains(word));
            if !in_context {
                continue;
            }
            for pattern in stated_patterns(line) {
                let duplicate = facts.iter().any(|fact| {
                    fact.value == pattern
                        && fact.sources[0].path == hit.source.path
                        && fact.sources[0].line_start == hit.source.line_start
                });
                if !duplicate {
                    facts.push(Fact {
                        key: PATTERN_KEY.into(),
                        value: pattern.into(),
                        sources: vec![Source {
                            excerpt: line.trim().to_string(),
                            ..hit.source.clone()
                        }],
                    });
                }
            }
        }
    }
    facts
}

/// The patterns one line states as decided (not negated, future, optional,
/// conditional or alternatives).
fn stated_patterns(line: &str) -> Vec<&'static str> {
    let found: Vec<&'static str> = PATTERN_NAMES
        .iter()
        .filter(|(_, names)| states(line, names))
        .map(|(pattern, _)| *pattern)
        .collect();
    // Two patterns in one line compare or replace one another ("rolling
    // update failed, solved with recreate"): not a statement of either.
    if found.len() > 1 {
        return Vec::new();
    }
    found
}

/// Whether `line` states one of `names` (folded) as decided: not negated,
/// future, optional, conditional or one of several alternatives.
pub(super) fn states(line: &str, names: &[&str]) -> bool {
    // An aside can make the whole line conditional ("(if needed)").
    let whole = format!(" {} ", fold(line));
    if NOT_DECIDED.iter().any(|cue| whole.contains(cue)) {
        return false;
    }
    let folded = format!(" {} ", fold(&without_asides(line)));
    names.iter().any(|name| {
        let needle = format!(" {name}");
        folded.match_indices(&needle).any(|(at, _)| {
            let after = folded[at + needle.len()..].chars().next();
            after.is_none_or(|c| !c.is_alphanumeric()) && !negated(&folded[..at])
        })
    })
}

/// Whether the words just before a mention (up to three) negate it.
fn negated(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().collect();
    let last: Vec<&str> = words.iter().rev().take(3).rev().copied().collect();
    let tail = last.join(" ");
    NEGATIONS.iter().any(|negation| {
        last.contains(negation)
            || tail.ends_with(negation)
            || tail.contains(&format!("{negation} "))
    })
}

/// The line without its parenthesised asides: "(~10 min rolling update)"
/// explains something else and does not decide the pattern.
fn without_asides(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut depth = 0usize;
    for c in line.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Lower case; `-`, `/`, `_` and punctuation as spaces.
fn fold(text: &str) -> String {
    crate::text::keep_chars(&text.to_lowercase(), |c| c.is_alphanumeric() || c == ' ')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::LoadedDocument;

    #[test]
    fn a_stated_pattern_is_found_and_a_negated_one_is_not() {
        assert_eq!(
            stated_patterns(
                "Deployment strategy: Recreate (no rolling update, the database pool is small)"
            ),
            vec!["Recreate"]
        );
        assert_eq!(
            stated_patterns("Bereitstellung: Recreate-Strategie (kein RollingUpdate)"),
            vec!["Recreate"]
        );
        assert_eq!(
            stated_patterns("The service is released with rolling updates, one node at a time."),
            vec!["Rolling Update"]
        );
        assert_eq!(
            stated_patterns("We switch traffic with a blue/green deployment."),
            vec!["Blue/Green"]
        );
    }

    #[test]
    fn future_optional_conditional_and_alternative_mentions_are_not_decisions() {
        for line in [
            "Canary releases are a future enhancement.",
            "For major changes, use blue-green deployment.",
            "Blue/green or canary, depending on the budget.",
            "A canary could be added once traffic grows.",
            "Canary-Releases sind später geplant.",
            "If the cluster allows it, rolling updates.",
        ] {
            assert!(stated_patterns(line).is_empty(), "{line}");
        }
    }

    #[test]
    fn a_user_story_does_not_decide_the_projects_pattern() {
        let text = "# Story 4.2: Faster search\n\n## Risk mitigation\n\nCanary deployment of the new index to a subset of traffic first.\n";
        let document = LoadedDocument::from_text("docs/stories/4.2.md", Some(Role::Stories), text);
        assert!(documented_patterns(&PassageIndex::build(&[document])).is_empty());
    }

    #[test]
    fn a_pattern_named_in_an_aside_is_not_decided() {
        assert!(stated_patterns(
            "Undo: set the old node size and apply (about 10 min of rolling update)"
        )
        .is_empty());
    }

    #[test]
    fn an_aside_that_makes_the_line_conditional_is_heeded() {
        assert!(!states(
            "Direct API (if needed): the vendor's npm package",
            &["npm package"]
        ));
        assert!(states(
            "Release: published to npm on every tag",
            &["published to npm"]
        ));
    }

    #[test]
    fn a_line_naming_two_patterns_states_neither() {
        assert!(stated_patterns(
            "Rolling update ran out of CPU; solved with the recreate strategy"
        )
        .is_empty());
    }

    #[test]
    fn a_colour_scheme_is_not_a_deployment_pattern() {
        let text = "# Design\n\n## Hero section\n\nAnimated heading in a blue/green gradient.\n";
        let document = LoadedDocument::from_text("docs/ui.md", None, text);
        assert!(documented_patterns(&PassageIndex::build(&[document])).is_empty());
    }

    #[test]
    fn words_that_merely_contain_a_name_do_not_count() {
        assert!(stated_patterns("Recreated indexes are rebuilt nightly.").is_empty());
    }

    #[test]
    fn documented_patterns_cite_the_stating_line() {
        let text = "# Operations\n\n## Deployment strategy\n\nAll environments use the Recreate strategy; the old pods stop before the new ones start.\n\n## Future work\n\nCanary releases once traffic grows.\n";
        let document = LoadedDocument::from_text("docs/ops.md", None, text);
        let facts = documented_patterns(&PassageIndex::build(&[document]));
        assert_eq!(facts.len(), 1, "{facts:?}");
        assert_eq!(facts[0].value, "Recreate");
        assert!(facts[0].sources[0].excerpt.contains("Recreate strategy"));
        assert_eq!(facts[0].sources[0].path, "docs/ops.md");
    }
}
