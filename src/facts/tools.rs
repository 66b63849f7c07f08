//! Tools, platforms and standards: which ones the documents decide on, and
//! which they only mention as alternatives.
//!
//! A mention is a **hint**, not a fact, when it is
//! - in a section or field about the future, alternatives, risks, examples
//!   or what is out of scope ([`super::non_decision_section`]);
//! - after an example or negation cue in its clause: `e.g.`, `such as`,
//!   `must not use`, `instead of`, `X over Y` (Y loses), `vs`;
//! - uncertain: `could`, `consider`, `TBD`, `(optional)`, a question;
//! - one of several options: `X or Y`, or a comma list of rival choices for a
//!   key that normally has one value, unless one is marked `(recommended)`;
//! - in a comparison table (columns of options, pros and cons) or in a
//!   column headed "Alternatives".
//!
//! Every other mention is a decision: **strong** when a field label, table
//! category or heading names the key's subject ("CI/CD: GitHub Actions"),
//! **weak** otherwise. For keys that normally have one value
//! ([`SETTLED_KEYS`]), a strong decision turns weak mentions of other values
//! into hints — the tech-stack table wins over a passing remark.

use super::lexicon::{alternation, has_cue, Cue};
use super::vocabulary::{category_pattern, terms, Term, EXCLUSIVE_KEYS, SETTLED_KEYS};
use super::{
    clauses, is_word_at, non_decision_section, Collector, DocumentReader, EntriesView, Strength,
};
use crate::markdown::{Block, BlockKind};
use crate::pattern;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

fn matcher() -> &'static AhoCorasick {
    static MATCHER: OnceLock<AhoCorasick> = OnceLock::new();
    MATCHER.get_or_init(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(terms().iter().map(|t| t.alias))
            .expect("the vocabulary builds")
    })
}

/// A tool named in a piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// Index into [`terms`].
    pub term: usize,
}

/// The tools named in `text`, on word boundaries, longest first.
pub fn mentions(text: &str) -> Vec<Mention> {
    let all = terms();
    matcher()
        .find_iter(text)
        .filter_map(|found| {
            let term = &all[found.pattern().as_usize()];
            let (start, end) = (found.start(), found.end());
            if term.case_sensitive && &text[start..end] != term.alias {
                return None;
            }
            if term.case_sensitive && starts_a_longer_name(&text[end..]) {
                return None;
            }
            if !is_word_at(text, start, end - start) {
                return None;
            }
            // `file.aws` or `@aws-sdk/…`: part of a name, not a mention.
            let before = text[..start].chars().next_back();
            if matches!(before, Some('@' | '/' | '.' | '-' | '$')) {
                return None;
            }
            // `conftest.py`, `Express-like`, `GDPR-friendly`: a file name or
            // a comparison, not a mention of the tool itself.
            let after = &text[end..];
            if after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_alphabetic())
                || pattern!(r"^-(like|style|compatible|friendly|inspired|esque)\b").is_match(after)
            {
                return None;
            }
            Some(Mention {
                start,
                end,
                term: found.pattern().as_usize(),
            })
        })
        .filter(|m| !all[m.term].targets.is_empty())
        .collect()
}

/// Generic words that may follow a product's name without making it another
/// product ("Caddy Server", "Unleash Proxy").
const NAME_SUFFIXES: &[&str] = &[
    "Server",
    "Proxy",
    "Router",
    "Web",
    "HTTP",
    "HTTPS",
    "Cloud",
    "Edge",
    "Hosting",
    "Platform",
    "Framework",
    "CLI",
    "SDK",
    "API",
    "Application",
    "App",
    "Apps",
    "Service",
    "Services",
    "Client",
    "Dashboard",
    "Console",
    "Agent",
    "Enterprise",
    "Community",
    "Edition",
    "OSS",
    "Open",
];

/// Whether the text right after a capitalised name continues it into the
/// name of another product: "Apache Superset" is not the Apache web server.
fn starts_a_longer_name(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    word.chars().next().is_some_and(char::is_uppercase) && !NAME_SUFFIXES.contains(&word.as_str())
}

/// Reads the tool facts of one document.
pub fn read(reader: &DocumentReader<'_>, collector: &mut Collector) {
    let blocks: Vec<&Block> = reader.blocks().collect();
    // Per table: its header cells and whether it compares options.
    let mut headers: HashMap<u32, (Vec<String>, bool)> = HashMap::new();
    for block in &blocks {
        if let BlockKind::TableRow {
            cells,
            header: true,
        } = &block.kind
        {
            let lower: Vec<String> = cells.iter().map(|h| h.to_lowercase()).collect();
            headers.insert(block.group, (lower, is_comparison_table(cells)));
        }
    }
    let no_header = (Vec::new(), false);
    for block in blocks {
        let section_names = reader.names(block.section);
        let section_off = reader.is_off(block.section);
        let label_off = block
            .label
            .as_deref()
            .is_some_and(|l| non_decision_section().is_match(&l.to_lowercase()) || off_label(l));
        match &block.kind {
            BlockKind::TableRow { header: true, .. } => continue,
            BlockKind::TableRow { cells, .. } => {
                let (header, comparison) = headers.get(&block.group).unwrap_or(&no_header);
                let comparison = *comparison;
                let category = cells.first().cloned().unwrap_or_default();
                // A row headed "Alternatives considered" or "Future" lists options.
                let row_off = off_label(&category)
                    || non_decision_section().is_match(&category.to_lowercase());
                for (column, cell) in cells.iter().enumerate() {
                    let column_name = header.get(column).cloned().unwrap_or_default();
                    let column_off = pattern!(r"alternativ|option|considered|rejected|instead|\bvs\b|versus|compared|not chosen|runner")
                        .is_match(&column_name);
                    let context = Context {
                        off: section_off || comparison || column_off || row_off,
                        label: if column > 0 {
                            Some(category.as_str())
                        } else {
                            None
                        },
                        column: Some(column_name.as_str()),
                        sections: section_names,
                    };
                    read_text(reader, block, cell, &context, collector);
                }
            }
            _ => {
                let context = Context {
                    off: section_off || label_off,
                    label: block.label.as_deref(),
                    column: None,
                    sections: section_names,
                };
                let text = block.text.as_str();
                read_text(reader, block, text, &context, collector);
            }
        }
    }
}

/// Field labels that introduce options rather than decisions.
fn off_label(label: &str) -> bool {
    pattern!(r"\b(alternatives?|options?|considered|not used|avoid|instead|vs\.?|versus|rejected|excluded|deferred|tbd)\b")
        .is_match(label)
}

struct Context<'a> {
    /// The whole block is about options, not decisions.
    off: bool,
    /// Field label or table category of the text.
    label: Option<&'a str>,
    /// Table column heading, lower case.
    column: Option<&'a str>,
    /// Section names, innermost first.
    sections: &'a [&'a str],
}

fn is_comparison_table(header: &[String]) -> bool {
    let cue = pattern!(
        r"\b(pros?|cons?|options?|alternatives?|comparison|score|rating|vs\.?|versus|trade-?offs?|considered)\b"
    );
    if header.iter().any(|cell| cue.is_match(cell)) {
        return true;
    }
    // Columns named after rival tools: `| Criterion | Vercel | Netlify |`.
    header
        .iter()
        .skip(1)
        .filter(|cell| !mentions(cell).is_empty())
        .count()
        >= 2
}

/// Reads the mentions in one piece of text (a block, or one table cell).
fn read_text(
    reader: &DocumentReader<'_>,
    block: &Block,
    text: &str,
    context: &Context<'_>,
    collector: &mut Collector,
) {
    let found = mentions(text);
    if found.is_empty() {
        return;
    }
    let all = terms();
    let parts = clauses(text);
    for (clause_start, clause_end) in parts {
        let clause = &text[clause_start..clause_end];
        let in_clause: Vec<&Mention> = found
            .iter()
            .filter(|m| m.start >= clause_start && m.end <= clause_end)
            .collect();
        if in_clause.is_empty() {
            continue;
        }
        let alternatives = alternative_mentions(text, &in_clause);
        for mention in &in_clause {
            let term = &all[mention.term];
            if let Some(needed) = term.needs_context {
                if !has_context(needed, context) {
                    continue;
                }
            }
            let local_start = mention.start - clause_start;
            let hint = context.off
                || clause.contains('?')
                || cue_before(clause, local_start)
                || cue_after(&text[mention.end..clause_end])
                || (alternatives.contains(&mention.start)
                    && !marked_chosen(&text[mention.end..clause_end]));
            for (key, slug) in &term.targets {
                // A secrets store for local development is not a deployment decision.
                let local_only = *key == "secrets.store"
                    && (pattern!(r"\b(local(ly)?|localhost|development|dev)\b").is_match(clause)
                        || context
                            .label
                            .is_some_and(|l| pattern!(r"\b(local|development|dev)\b").is_match(l)));
                let strength = if hint || local_only {
                    Strength::Hint
                } else if is_strong(key, context) {
                    Strength::Strong
                } else {
                    Strength::Weak
                };
                let (key, value) = negated_container(key, slug, hint, clause, local_start);
                let strength = if key == "container.used" && value == "false" {
                    Strength::Strong
                } else {
                    strength
                };
                let found = &text[mention.start..mention.end];
                collector.add_with(key, value, strength, reader.index, || {
                    reader.source(
                        block.line_start,
                        block.line_end,
                        block.section,
                        &block.text,
                        block.text.find(found).unwrap_or(0),
                    )
                });
            }
        }
    }
}

/// "We will not containerise": a negated container mention is the fact
/// `container.used = false`.
fn negated_container<'k>(
    key: &'k str,
    slug: &'k str,
    hint: bool,
    clause: &str,
    at: usize,
) -> (&'k str, &'k str) {
    // The negation must bear on the containers themselves ("no Docker",
    // "without containers", "not using Docker"), not on a nearby verb
    // ("never push Docker images by hand").
    let close = clause[..at].split_whitespace().rev().take(2).any(|word| {
        lexicon_negation().is_match(word) || pattern!(r"^(not|no|without|never)$").is_match(word)
    });
    if key == "container.used" && hint && negation_before(clause, at) && close {
        return (key, "false");
    }
    (key, slug)
}

fn has_context(needed: &'static str, context: &Context<'_>) -> bool {
    static CACHE: OnceLock<std::sync::Mutex<HashMap<&'static str, &'static Regex>>> =
        OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let pattern = {
        let Ok(mut cache) = cache.lock() else {
            return false;
        };
        match cache.get(needed) {
            Some(pattern) => *pattern,
            None => {
                let Ok(compiled) = Regex::new(&format!("(?i){needed}")) else {
                    return false;
                };
                let leaked: &'static Regex = Box::leak(Box::new(compiled));
                cache.insert(needed, leaked);
                leaked
            }
        }
    };
    context.label.is_some_and(|l| pattern.is_match(l))
        || context.sections.iter().take(2).any(|s| pattern.is_match(s))
}

fn is_strong(key: &str, context: &Context<'_>) -> bool {
    let Ok(category) = cached_category(key) else {
        return false;
    };
    let stack = pattern!(
        r"tech(nology|nical)? stack|technical assumptions|\bstack\b|platform|tooling|tools|infrastructure|architecture|technolog"
    );
    context.label.is_some_and(|l| category.is_match(l))
        || context.column.is_some_and(|c| {
            category.is_match(c)
                || pattern!(r"^(tool|technology|choice|decision|service|product)s?$").is_match(c)
        })
        || context
            .sections
            .first()
            .is_some_and(|s| category.is_match(s) || stack.is_match(s))
}

fn cached_category(key: &str) -> Result<&'static Regex, ()> {
    static CACHE: OnceLock<HashMap<&'static str, Regex>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| {
        super::KEYS
            .iter()
            .filter_map(|k| {
                Regex::new(&format!("(?i){}", category_pattern(k)))
                    .ok()
                    .map(|r| (*k, r))
            })
            .collect()
    });
    cache.get(key).ok_or(())
}

/// Cues that make what follows them an example, option or rejected choice.
fn cue_before(clause: &str, at: usize) -> bool {
    let before = &clause[..at];
    // An example cue inside parentheses reaches only to the closing one.
    let example = pattern!(
        r"\b(e\.g\.?|eg\.|i\.e\.|for example|for instance|such as|like|options? (include|are)|alternatives?( include| are|:)|or similar|similar to|including but not limited to)(\W|$)"
    );
    for found in example.find_iter(before) {
        let between = &before[found.end()..];
        let opened = before[..found.start()].matches('(').count()
            > before[..found.start()].matches(')').count();
        if !opened || !between.contains(')') {
            return true;
        }
    }
    if negation_before(clause, at) {
        return true;
    }
    let doubt = pattern!(
        r"\b(could|might|consider(ing|ed)?|evaluat(e|ing|ion)|possibl[ey]|potential(ly)?|tbd|to be (decided|determined|confirmed|defined)|candidates?|optional(ly)?|if needed|if required|maybe|perhaps|alternatively|or$)\b"
    );
    doubt.is_match(before)
        || has_cue(Cue::Doubt, before)
        || has_cue(Cue::Example, before)
        || in_doubtful_parentheses(clause, at)
}

/// A mention inside parentheses that call it planned, optional or open:
/// `Kubernetes Secrets (Sealed Secrets before production, planned)`.
fn in_doubtful_parentheses(clause: &str, at: usize) -> bool {
    let before = &clause[..at];
    let Some(open) = before.rfind('(') else {
        return false;
    };
    if before[open..].contains(')') {
        return false;
    }
    let Some(close) = clause[at..].find(')') else {
        return false;
    };
    has_cue(Cue::Doubt, &clause[open..at + close])
}

fn negation_before(clause: &str, at: usize) -> bool {
    let before = &clause[..at];
    let negation = pattern!(
        r"\b(not|no|never|without|avoid(s|ing)?|don'?t|doesn'?t|won'?t|cannot|can'?t|instead of|rather than|over|vs\.?|versus|compared (to|with)|replac(e|es|ed|ing)|migrat(e|es|ed|ing) (away )?from|deprecat\w*|drop(s|ped)?|remov(e|es|ed|ing)|exclud\w*|out of scope|no longer)\b"
    );
    let Some(last) = negation
        .find_iter(before)
        .map(|m| m.end())
        .chain(
            lexicon_negation()
                .captures_iter(before)
                .filter_map(|c| c.get(1))
                .map(|m| m.end()),
        )
        .max()
    else {
        return false;
    };
    // "but", "however" and a new field end a negation's reach.
    let after_cue = &before[last..];
    !pattern!(r"\b(but|however|instead|yet)\b|:").is_match(after_cue)
}

/// Negation words of every language (the English ones are also above).
fn lexicon_negation() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        super::compile_pattern(&super::lexicon::bounded(alternation(Cue::Negation)))
    })
}

/// `(optional)`, `(TBD)`, `(future)` right after a mention.
fn cue_after(after: &str) -> bool {
    pattern!(r"^[\s*_`'\x22]*(\((optional|tbd|considered|alternative|future|later|post[- ]?mvp|maybe|example|e\.g\.?|if needed|not used|deprecated|planned|tests?|testing|local|dev)\b|\?)")
        .is_match(after)
}

/// `(recommended)`, `(chosen)`, `(preferred)` right after a mention.
fn marked_chosen(after: &str) -> bool {
    pattern!(r"^[\s*_`'\x22]*\((strongly |highly )?(recommended|preferred|chosen|selected|default|primary|decided|final|mandatory|required)\b")
        .is_match(after)
}

/// Mentions that stand as options: `X or Y`, `X / Y`, `either X or Y`, and
/// comma lists of rival values of a one-choice key. Returns their starts.
fn alternative_mentions(text: &str, mentions: &[&Mention]) -> Vec<usize> {
    let all = terms();
    let mut out = Vec::new();
    static OR_GAP: OnceLock<Regex> = OnceLock::new();
    let or_gap = OR_GAP.get_or_init(|| {
        super::compile_pattern(&format!(
            r"(?i)^[\s,'\x22`*_]*(\([^)]*\))?[\s,'\x22`*_]*(or|and/or|/|{})[\s'\x22`*_]*(either\s+)?$",
            alternation(Cue::Or)
        ))
    });
    for pair in mentions.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.end > b.start {
            continue;
        }
        let gap = &text[a.end..b.start];
        let rivals = shares_key(&all[a.term], &all[b.term]);
        if rivals && or_gap.is_match(gap) {
            out.push(a.start);
            out.push(b.start);
        }
    }
    // Comma lists of rival choices: `Vercel, Netlify, AWS Amplify`.
    for key in EXCLUSIVE_KEYS {
        let of_key: Vec<&&Mention> = mentions
            .iter()
            .filter(|m| all[m.term].targets.iter().any(|(k, _)| k == key))
            .collect();
        let mut slugs: Vec<&str> = of_key
            .iter()
            .flat_map(|m| {
                all[m.term]
                    .targets
                    .iter()
                    .filter(|(k, _)| k == key)
                    .map(|(_, s)| *s)
            })
            .collect();
        slugs.sort_unstable();
        slugs.dedup();
        if slugs.len() < 2 {
            continue;
        }
        let listed = of_key.windows(2).all(|pair| {
            let gap = &text[pair[0].end.min(pair[1].start)..pair[1].start];
            gap.len() < 60 && (gap.contains(',') || gap.contains(" or ") || gap.contains('/'))
        });
        if listed {
            // Everything in the list's segments is an option: `AWS Amplify` too.
            let first = of_key.first().map(|m| m.start).unwrap_or(0);
            let last = of_key.last().map(|m| m.end).unwrap_or(0);
            for mention in mentions {
                if mention.start >= first && mention.end <= last + 20 {
                    out.push(mention.start);
                }
            }
        }
    }
    out
}

fn shares_key(a: &Term, b: &Term) -> bool {
    a.targets
        .iter()
        .any(|(key, _)| b.targets.iter().any(|(other, _)| other == key))
}

/// Once every document is read: for one-choice keys, a strong decision turns
/// weak mentions of other values into hints; a tool that only produces
/// another's output (CloudFormation under CDK) is not a choice of its own.
pub fn settle(view: &mut EntriesView<'_>) {
    let readings = view.readings();
    for key in SETTLED_KEYS {
        let strong: Vec<&String> = readings
            .iter()
            .filter(|(k, _, s)| k == key && *s == Strength::Strong)
            .map(|(_, v, _)| v)
            .collect();
        if strong.is_empty() {
            continue;
        }
        for (k, value, strength) in &readings {
            if k == key && *strength == Strength::Weak && !strong.contains(&value) {
                view.demote(key, value);
            }
        }
    }
    let decided = |key: &str, value: &str| {
        readings
            .iter()
            .any(|(k, v, s)| *k == key && v == value && *s != Strength::Hint)
    };
    if decided("iac.tool", "cdk") {
        view.demote("iac.tool", "cloudformation");
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::Role;

    fn facts(text: &str, key: &str) -> Vec<String> {
        values(&read(Role::Spec, text).facts, key)
    }

    fn hints(text: &str, key: &str) -> Vec<String> {
        values(&read(Role::Spec, text).hints, key)
    }

    #[test]
    fn a_tech_stack_field_is_a_decision() {
        assert_eq!(
            facts("## Tech Stack\n\n- **CI/CD:** GitHub Actions\n", "ci.tool"),
            ["github-actions"]
        );
    }

    #[test]
    fn matching_is_on_word_boundaries_only() {
        let text = "We store logs at google and go live soon; the reactor is argocdx.\n";
        assert!(facts(text, "backend.framework").is_empty());
        assert!(facts(text, "frontend.framework").is_empty());
        assert!(facts(text, "gitops.tool").is_empty());
    }

    #[test]
    fn code_blocks_and_headings_are_not_read() {
        let text = "## GitHub Actions Example\n\n```yaml\n# uses: terraform\nruns-on: github actions\n```\n";
        assert!(read(Role::Spec, text).facts.is_empty());
    }

    #[test]
    fn examples_after_e_g_are_hints() {
        let text =
            "Hosting: basic hosting environment (e.g., Vercel, AWS Amplify) is provisioned.\n";
        assert!(facts(text, "hosting.platform").is_empty());
        assert_eq!(hints(text, "hosting.platform"), ["vercel"]);
        assert!(facts(text, "cloud.provider").is_empty());
    }

    #[test]
    fn a_rejected_tool_is_a_hint_and_the_winner_a_fact() {
        let text = "Decision 2: Use AWS CodePipeline over GitHub Actions for native integration.\n";
        assert_eq!(facts(text, "ci.tool"), ["codepipeline"]);
        assert_eq!(hints(text, "ci.tool"), ["github-actions"]);
    }

    #[test]
    fn negations_are_respected() {
        let text = "We will not use Kubernetes for the MVP.\n\nThe app must not use MongoDB.\n";
        assert!(facts(text, "container.orchestrator").is_empty());
        assert!(facts(text, "db.engine").is_empty());
        assert_eq!(hints(text, "db.engine"), ["mongodb"]);
    }

    #[test]
    fn either_or_options_are_hints() {
        let text = "Infrastructure will run on AWS or GCP.\n";
        assert!(facts(text, "cloud.provider").is_empty());
        assert_eq!(hints(text, "cloud.provider"), ["aws", "gcp"]);
    }

    #[test]
    fn a_recommended_option_in_a_list_of_rivals_is_the_decision() {
        let text =
            "- **Hosting Platform:** PaaS - Vercel (Strongly Recommended), Netlify, AWS Amplify.\n";
        assert_eq!(facts(text, "hosting.platform"), ["vercel"]);
        assert_eq!(hints(text, "hosting.platform"), ["netlify"]);
        assert!(
            facts(text, "cloud.provider").is_empty(),
            "AWS Amplify is one of the options"
        );
    }

    #[test]
    fn future_and_out_of_scope_sections_hold_no_decisions() {
        let text = "## Out of Scope\n\n- Integration with Jenkins or GitLab CI\n\n## Future Enhancements\n\n- Datadog dashboards\n";
        let extraction = read(Role::Spec, text);
        assert!(extraction.facts.is_empty(), "{:?}", extraction.facts);
        assert_eq!(values(&extraction.hints, "observability.tool"), ["datadog"]);
    }

    #[test]
    fn comparison_tables_hold_no_decisions() {
        let text = "| Option | Pros | Cons |\n|---|---|---|\n| Terraform | mature | state |\n| Pulumi | code | young |\n";
        assert!(facts(text, "iac.tool").is_empty());
        assert_eq!(hints(text, "iac.tool"), ["terraform", "pulumi"]);
    }

    #[test]
    fn a_tech_stack_table_row_is_a_strong_decision() {
        let text = "| Category | Technology |\n|---|---|\n| **Frontend Framework** | React ^18 |\n| **CI/CD** | GitHub Actions |\n";
        assert_eq!(facts(text, "frontend.framework"), ["react"]);
        assert_eq!(facts(text, "ci.tool"), ["github-actions"]);
    }

    #[test]
    fn a_strong_decision_outweighs_a_passing_mention_of_a_rival() {
        let spec = document(
            "docs/architecture.md",
            Role::Spec,
            "## Tech Stack\n\n- **Frontend Framework:** React\n",
        );
        let ui = document(
            "docs/front-end-spec.md",
            Role::Ui,
            "## Performance\n\nUse the Next.js Image component for pictures.\n",
        );
        let extraction = super::super::extract(&[spec, ui]);
        assert_eq!(values(&extraction.facts, "frontend.framework"), ["react"]);
        assert_eq!(values(&extraction.hints, "frontend.framework"), ["nextjs"]);
    }

    #[test]
    fn a_name_that_continues_into_another_product_is_not_that_tool() {
        assert!(facts("Dashboards are built in Apache Superset.\n", "web.server").is_empty());
        assert_eq!(
            facts(
                "The site is served by Apache behind the load balancer.\n",
                "web.server"
            ),
            ["apache"]
        );
        assert_eq!(
            facts("TLS ends at the Caddy Server on the host.\n", "web.server"),
            ["caddy"]
        );
    }

    #[test]
    fn case_sensitive_aliases_need_their_case() {
        assert_eq!(
            facts("GitOps: Flux syncs the cluster.\n", "gitops.tool"),
            ["flux"]
        );
        assert!(facts("A flux of changes.\n", "gitops.tool").is_empty());
    }

    #[test]
    fn environment_variables_are_a_secrets_store_only_in_a_secrets_context() {
        let secrets = "### Secrets Management\n\n- No hardcoded secrets. Use hosting environment tools and environment variables.\n";
        assert_eq!(facts(secrets, "secrets.store"), ["platform-env"]);
        assert!(facts(
            "## Config\n\nRead environment variables at start.\n",
            "secrets.store"
        )
        .is_empty());
    }

    #[test]
    fn a_secrets_store_for_local_development_is_a_hint() {
        let text = "## Secrets Management\n\n- **Development:** .env file (gitignored)\n- **Production:** AWS Secrets Manager\n";
        assert_eq!(facts(text, "secrets.store"), ["aws-secrets-manager"]);
        assert_eq!(hints(text, "secrets.store"), ["env-file"]);
    }

    #[test]
    fn options_plans_and_negations_are_hints_in_every_language() {
        // German: "or", "possibly", "missing", "planned" in parentheses.
        assert!(facts("Scanner: Trivy oder Grype im CI.\n", "security.scanner").is_empty());
        assert!(facts("Möglicherweise Vault für Secrets.\n", "secrets.store").is_empty());
        assert!(facts("Im CI fehlen Trivy-Scans.\n", "security.scanner").is_empty());
        assert_eq!(
            facts(
                "## Secrets\n\n- Secrets: Kubernetes Secrets (Vault vor PROD geplant)\n",
                "secrets.store"
            ),
            ["k8s-secrets"]
        );
        // Portuguese, Spanish, French.
        assert!(facts("Banco: PostgreSQL ou MySQL.\n", "db.engine").is_empty());
        assert!(facts("Cache opcional con Redis.\n", "db.engine").is_empty());
        assert!(facts(
            "Contrairement à Heroku, nous gérons tout.\n",
            "hosting.platform"
        )
        .is_empty());
        // An English decision stays one.
        assert_eq!(
            facts("Database: PostgreSQL 16.\n", "db.engine"),
            ["postgresql"]
        );
    }

    #[test]
    fn file_names_and_likenesses_are_not_mentions() {
        assert!(facts("Fixtures live in conftest.py.\n", "policy.tool").is_empty());
        assert!(facts("Stack: Hono, an Express-like API.\n", "backend.framework").is_empty());
        assert!(facts("Runbooks & SOPs are written.\n", "secrets.store").is_empty());
        assert!(facts("Database: MySQL 8 / SQLite (testing)\n", "db.engine") == ["mysql"]);
    }

    #[test]
    fn a_negation_of_a_nearby_verb_does_not_say_containers_are_unused() {
        let text = "## CI/CD\n\nNever manually push Docker images; the pipeline does.\n";
        assert!(!facts(text, "container.used").contains(&"false".to_string()));
        assert_eq!(
            facts("We do not use Docker images.\n", "container.used"),
            ["false"]
        );
    }

    #[test]
    fn a_negated_container_mention_says_containers_are_not_used() {
        assert_eq!(
            facts(
                "The app is not containerized; it runs on Vercel.\n",
                "container.used"
            ),
            ["false"]
        );
        assert_eq!(
            facts(
                "## Build\n\nThe API ships as a Docker image.\n",
                "container.used"
            ),
            ["true"]
        );
    }

    #[test]
    fn cloudformation_produced_by_cdk_is_not_a_separate_choice() {
        let text =
            "## Infrastructure\n\n- **IaC:** AWS CDK synthesises CloudFormation templates.\n";
        assert_eq!(facts(text, "iac.tool"), ["cdk"]);
    }

    #[test]
    fn uncertain_wording_makes_a_hint() {
        let text = "We could use LaunchDarkly for flags.\n\nError tracking (optional): Sentry (optional).\n";
        assert!(facts(text, "feature_flags.tool").is_empty());
        assert!(facts(text, "observability.tool").is_empty());
    }
}
