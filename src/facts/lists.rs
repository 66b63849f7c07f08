//! Keys that hold one fact per item: MVP scope, post-MVP increments, release
//! and exit criteria, test environments and stakeholders.
//!
//! Each reads the top-level items (list items, table rows, labelled
//! paragraphs) of the sections whose names match a set of synonyms, from
//! the roles that own the subject (PRODUCT.md §2). When the owning role says
//! nothing, the other roles are read instead — a project without a TEST
//! document may still list exit criteria in its PRD.

use super::lexicon::{names_subject, Subject};
use super::{non_decision_section, Collector, DocumentReader, Strength};
use crate::markdown::{Block, BlockKind};
use crate::model::Role;
use crate::pattern;
use crate::text::shorten;
use regex::Regex;
use std::collections::HashSet;

/// Reads the list facts of one document.
pub fn read(reader: &DocumentReader<'_>, collector: &mut Collector) {
    if reader.plays(&[Role::Stories, Role::Prd]) {
        scope_items(reader, collector);
    }
    if reader.plays(&[Role::Stories, Role::Prd, Role::Brd]) {
        increments(reader, collector);
    }
    for (key, _) in CRITERIA {
        if reader.plays(criteria_owners(key)) {
            criteria(reader, collector, key);
        }
    }
    // A section that lists the environments is read in any document.
    environments(reader, collector);
    if reader.plays(&[Role::Brd, Role::Test, Role::Prd]) {
        stakeholders(reader, collector);
    }
}

fn release_sections() -> &'static Regex {
    pattern!(
        r"\b(release criteria|launch criteria|go[- ]live criteria|release readiness|launch readiness|ready for (launch|release)|acceptance criteria summary|mvp (success|acceptance|launch) criteria|definition of release|launch checklist|release checklist)\b"
    )
}

fn exit_sections() -> &'static Regex {
    pattern!(
        r"\b(exit criteria|completion criteria|test completion|definition of done|dod|done criteria|quality gates?|testing checklist|test checklist|go[/ -]no[- ]go criteria|sign[- ]?off criteria)\b"
    )
}

/// Whether a block is a top-level item: a first-level list item, a table
/// body row, or a labelled paragraph.
fn is_item(block: &Block) -> bool {
    match &block.kind {
        BlockKind::ListItem => block.depth == 1,
        BlockKind::TableRow { header, .. } => !header,
        BlockKind::Paragraph => block.label.is_some(),
        BlockKind::Code { .. } => false,
    }
}

/// The item's text for a fact: its first paragraph, so a list item wrapped
/// over several lines is read whole (for a table row, its cells), at most
/// 200 characters.
fn item_text(block: &Block) -> String {
    let text = match &block.kind {
        BlockKind::TableRow { cells, .. } => cells
            .iter()
            .filter(|c| !c.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" — "),
        _ => block
            .text
            .lines()
            .skip_while(|l| l.trim().is_empty())
            .take_while(|l| !l.trim().is_empty())
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" "),
    };
    shorten(text.trim().trim_end_matches([':', ';']), 200)
}

/// Top-level items in the sections matching `sections`: the innermost
/// section, or its parent when the innermost is a bold line acting as a
/// heading (`**Functional:**`). A sibling subsection ("Quality Attributes"
/// beside "Exit Criteria") is not read.
fn items_in<'a>(
    reader: &'a DocumentReader<'_>,
    sections: impl Fn(&str) -> bool + 'a,
) -> impl Iterator<Item = &'a Block> + 'a {
    let outline = &reader.loaded.outline;
    reader.blocks().filter(move |block| {
        if !is_item(block) {
            return false;
        }
        let implicit = block
            .section
            .and_then(|s| outline.sections.get(s))
            .is_some_and(|s| s.implicit);
        let depth = if implicit { 2 } else { 1 };
        reader
            .names(block.section)
            .iter()
            .take(depth)
            .any(|n| sections(n))
    })
}

/// The criteria keys and the roles that own them.
pub const CRITERIA: &[(&str, &[Role])] = &[
    ("release.criterion", &[Role::Prd, Role::Brd]),
    ("test.exit_criterion", &[Role::Test]),
];

/// Roles read when the owners state no criteria: not stories, whose
/// checklists are per story.
pub const FALLBACK_ROLES: &[Role] = &[Role::Prd, Role::Brd, Role::Spec, Role::Security];

fn criteria_owners(key: &str) -> &'static [Role] {
    CRITERIA
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, roles)| *roles)
        .unwrap_or(&[])
}

/// Reads `key`'s criteria (one per top-level item of a fitting section)
/// from one document, whatever its role: the extractor calls this for
/// other roles when the owning roles state none.
pub fn criteria(reader: &DocumentReader<'_>, collector: &mut Collector, key: &str) {
    let (sections, subject) = if key == "release.criterion" {
        (release_sections(), Subject::ReleaseCriteria)
    } else {
        (exit_sections(), Subject::ExitCriteria)
    };
    let named = |name: &str| {
        sections.is_match(name)
            || (names_subject(subject, name) && !non_decision_section().is_match(name))
    };
    // Acceptance criteria are a release's only under its launch
    // ("Go-live > Acceptance criteria"), not under each story or milestone.
    let launch_acceptance = |block: &Block| {
        key == "release.criterion" && {
            let names = reader.names(block.section);
            names
                .first()
                .is_some_and(|n| names_subject(Subject::AcceptanceCriteria, n))
                && names
                    .iter()
                    .skip(1)
                    .take(2)
                    .any(|n| names_subject(Subject::Launch, n))
        }
    };
    let launch_blocks = reader
        .blocks()
        .filter(|b| is_item(b) && launch_acceptance(b));
    let mut taken: HashSet<u32> = HashSet::new();
    for block in items_in(reader, named).chain(launch_blocks) {
        if !taken.insert(block.line_start) {
            continue;
        }
        if pattern!(r"\bentry criteria\b|suspension")
            .is_match(reader.names(block.section).first().unwrap_or(&""))
        {
            continue;
        }
        let value = item_text(block);
        if value.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
            collector.add(
                key,
                &value,
                Strength::Strong,
                reader.index,
                reader.block_source(block, 0),
            );
        }
    }
}

/// Whether `role` owns the criteria `key`.
pub fn owns(role: Role, key: &str) -> bool {
    criteria_owners(key).contains(&role)
}

/// A story ID: `MVP-STORY-01`, `US-12`, `Story 1.7`, `1.7`.
fn story_id() -> &'static Regex {
    pattern!(r"^\W*(?:story\s+)?((?:[a-z][a-z0-9]*-)+\d+[a-z]?|us-?\d+|\d+\.\d+)\b")
}

fn scope_items(reader: &DocumentReader<'_>, collector: &mut Collector) {
    let mvp = pattern!(r"\b(mvp|must[- ]have|minimum viable|release 1)\b");
    let not_mvp = pattern!(
        r"\b(post[- ]?mvp|future|phase [2-9]|later|won'?t|could have|should have|nice to have|out of scope|deferred|backlog items? \(post)\b"
    );
    let title_mvp = reader
        .loaded
        .outline
        .title()
        .is_some_and(|t| mvp.is_match(t) && !not_mvp.is_match(t));
    let outline = &reader.loaded.outline;
    let mut seen: HashSet<String> = HashSet::new();
    let in_mvp = |names: &[&str], own: &str| -> bool {
        if names.iter().any(|n| not_mvp.is_match(n)) || not_mvp.is_match(own) {
            return false;
        }
        title_mvp || names.iter().any(|n| mvp.is_match(n)) || mvp.is_match(own)
    };
    // A story document that marks nothing as MVP or later (one story per
    // file, an epic's shard) puts its stories in the scope it belongs to:
    // the MVP, unless a later-phase marker says otherwise.
    let unmarked = reader.role == Some(Role::Stories)
        && outline
            .sections
            .iter()
            .filter(|s| story_id().is_match(&s.title))
            .count()
            == 1
        && !outline
            .sections
            .iter()
            .any(|s| mvp.is_match(&s.name) || not_mvp.is_match(&s.name));
    if reader.plays(&[Role::Stories]) {
        // Story headings: `### Story 1.7: Publish command`.
        for (index, section) in outline.sections.iter().enumerate() {
            let Some(found) = story_id().captures(&section.title) else {
                continue;
            };
            let names = reader.names(section.parent);
            if (unmarked || in_mvp(names, &section.title))
                && seen.insert(found[1].to_lowercase())
                && collector.first_time("mvp.scope_item", &found[1])
            {
                let source = reader.source(
                    section.line_start,
                    section.line_start,
                    Some(index),
                    &section.title,
                    0,
                );
                collector.add(
                    "mvp.scope_item",
                    &shorten(&section.title, 200),
                    Strength::Strong,
                    reader.index,
                    source,
                );
            }
        }
        // Story items: `- **MVP-STORY-01**` or `| US-3 | … |`.
        for block in reader
            .blocks()
            .filter(|b| is_item(b) || matches!(b.kind, BlockKind::ListItem))
        {
            let text = item_text(block);
            let Some(found) = story_id().captures(&text) else {
                continue;
            };
            if found[1].to_lowercase().starts_with("epic") {
                continue;
            }
            let names = reader.names(block.section);
            if in_mvp(names, &text)
                && seen.insert(found[1].to_lowercase())
                && collector.first_time("mvp.scope_item", &found[1])
            {
                let text = with_title(reader, block, &text, found[0].len());
                collector.add(
                    "mvp.scope_item",
                    &text,
                    Strength::Strong,
                    reader.index,
                    reader.block_source(block, 0),
                );
            }
        }
    }
    if reader.plays(&[Role::Prd]) {
        let scope = pattern!(
            r"\b(mvp scope|scope \(mvp\)|in scope|mvp features|core features|must[- ]haves?|mvp requirements|proposed mvp scope|mvp feature set|features \(mvp\))\b"
        );
        let named = |name: &str| {
            scope.is_match(name)
                || (names_subject(Subject::MvpScope, name)
                    && !not_mvp.is_match(name)
                    && !non_decision_section().is_match(name))
        };
        for block in items_in(reader, named) {
            let names = reader.names(block.section);
            if names.iter().take(2).any(|n| not_mvp.is_match(n)) {
                continue;
            }
            let text = item_text(block);
            if seen.insert(text.to_lowercase()) {
                collector.add(
                    "mvp.scope_item",
                    &text,
                    Strength::Weak,
                    reader.index,
                    reader.block_source(block, 0),
                );
            }
        }
    }
}

/// An item that is only an ID (`MVP-STORY-01`) reads with its title: the
/// rest of its first line, else its first nested item or field
/// (`MVP-STORY-01 — As a volunteer, I book a slot`).
fn with_title(reader: &DocumentReader<'_>, block: &Block, text: &str, id_len: usize) -> String {
    let rest = text
        .get(id_len..)
        .unwrap_or("")
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '*'));
    if rest.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
        return text.to_string();
    }
    let blocks = &reader.loaded.outline.blocks;
    let Some(at) = blocks.iter().position(|b| std::ptr::eq(b, block)) else {
        return text.to_string();
    };
    let title = blocks[at + 1..]
        .iter()
        .take_while(|b| matches!(b.kind, BlockKind::ListItem) && b.depth > block.depth)
        .map(|b| {
            b.value_text()
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_string()
        })
        .find(|line| line.chars().filter(|c| c.is_alphabetic()).count() >= 3);
    match title {
        Some(title) => shorten(&format!("{} — {title}", text.trim()), 200),
        None => text.to_string(),
    }
}

fn increments(reader: &DocumentReader<'_>, collector: &mut Collector) {
    let later = pattern!(
        r"\b(post[- ]?mvp|future (phases?|increments?|releases?|iterations?|scope|features?|work)|scope reserved for future|later (phases?|releases?)|beyond (the )?mvp|next (increments?|releases?)|increments)\b"
    );
    let outline = &reader.loaded.outline;
    let mut matched: Vec<usize> = Vec::new();
    for (index, section) in outline.sections.iter().enumerate() {
        if !later.is_match(&section.name) && !names_subject(Subject::Increments, &section.name) {
            continue;
        }
        // The outermost matching section speaks for its children.
        if outline
            .ancestors(section.parent)
            .iter()
            .any(|a| matched.contains(a))
        {
            continue;
        }
        matched.push(index);
        let children: Vec<usize> = (index + 1..outline.sections.len())
            .filter(|&c| outline.sections[c].parent == Some(index))
            .collect();
        if !children.is_empty() {
            for child in children {
                let title = &outline.sections[child];
                let source = reader.source(
                    title.line_start,
                    title.line_end,
                    Some(child),
                    &title.title,
                    0,
                );
                collector.add(
                    "postmvp.increment",
                    &shorten(&title.title, 200),
                    Strength::Strong,
                    reader.index,
                    source,
                );
            }
            continue;
        }
        for block in reader
            .blocks()
            .filter(|b| b.section == Some(index) && is_item(b))
        {
            collector.add(
                "postmvp.increment",
                &item_text(block),
                Strength::Strong,
                reader.index,
                reader.block_source(block, 0),
            );
        }
    }
}

/// Environment names in a piece of text, as slugs.
pub fn environment_slugs(text: &str) -> Vec<&'static str> {
    let table: [(&str, &Regex); 7] = [
        (
            "dev",
            pattern!(
                r"\b(dev|development|local|localhost|sandbox|entwicklung|desenvolvimento|desarrollo|d[ée]veloppement)\b"
            ),
        ),
        (
            "test",
            pattern!(r"\b(test|testing|testnet|sit|teste|pruebas|essais?)\b"),
        ),
        ("qa", pattern!(r"\b(qa|quality assurance)\b")),
        (
            "staging",
            pattern!(
                r"\b(staging|stage|pre-?prod(uction)?|homologa[çc][ãa]o|preproducci[óo]n|pr[ée]-?production)\b"
            ),
        ),
        (
            "uat",
            pattern!(r"\b(uat|user acceptance|recette|abnahme)\b"),
        ),
        (
            "prod",
            pattern!(r"\b(prod|production|live|mainnet|produktion|produ[çc][ãa]o|producci[óo]n)\b"),
        ),
        ("preview", pattern!(r"\b(preview|review apps?|ephemeral)\b")),
    ];
    table
        .iter()
        .filter(|(_, pattern)| pattern.is_match(text))
        .map(|(slug, _)| *slug)
        .collect()
}

fn environments(reader: &DocumentReader<'_>, collector: &mut Collector) {
    let section = pattern!(
        r"\benvironments\b|^environment$|environment (strategy|overview|setup|tiers?|matrix)|deployment targets"
    );
    let skip = pattern!(r"\b(future|post[- ]?mvp|out[- ]of[- ]scope|examples?)\b");
    let variables = pattern!(r"\bvariables?\b");
    let lists_environments =
        |name: &str| section.is_match(name) || names_subject(Subject::Environments, name);
    let outline = &reader.loaded.outline;
    // Items of an environments section: the name is the label, first cell, or lead words.
    for block in reader.blocks() {
        let names = reader.names(block.section);
        if !is_item(block)
            || !names.first().is_some_and(|n| lists_environments(n))
            || names
                .iter()
                .any(|n| skip.is_match(n) || variables.is_match(n))
        {
            continue;
        }
        let name = match (&block.kind, &block.label) {
            (BlockKind::TableRow { cells, .. }, _) => cells.first().cloned().unwrap_or_default(),
            (_, Some(label)) => label.clone(),
            _ => lead_words(&block.text),
        };
        if pattern!(r"\b(config|configuration|data|strategy|management|variables?|secrets?)\b")
            .is_match(&name)
        {
            continue;
        }
        for slug in environment_slugs(&name) {
            collector.add(
                "test.environment",
                slug,
                Strength::Strong,
                reader.index,
                reader.block_source(block, 0),
            );
        }
    }
    // Headings that name one environment: `Staging Environment`, `Production
    // Environment Stage` (also under `Environment Variables`: the variables
    // of each environment name the environment).
    // In the other languages the environment word comes first
    // (`Ambiente de produção`, `Entorno de pruebas`) or ends a compound
    // (`Produktionsumgebung`).
    let named = pattern!(r"^(\w+(?:[ /-]\w+)?) (environment|env)\b(?:[^s]|$)");
    let named_after = pattern!(
        r"^(?:ambiente|entorno|environnement) (?:de |da |do |des? |del )?(\w+(?:[ /-]\w+)?)$|^(\w+?)s?-?umgebung$"
    );
    for (index, heading) in outline.sections.iter().enumerate() {
        let Some(found) = named
            .captures(&heading.name)
            .map(|c| c[1].to_string())
            .or_else(|| {
                named_after.captures(&heading.name).and_then(|c| {
                    c.get(1)
                        .or_else(|| c.get(2))
                        .map(|m| m.as_str().to_string())
                })
            })
        else {
            continue;
        };
        if outline
            .ancestors(Some(index))
            .iter()
            .any(|&a| skip.is_match(&outline.sections[a].name))
        {
            continue;
        }
        for slug in environment_slugs(&found) {
            let source = reader.source(
                heading.line_start,
                heading.line_start,
                Some(index),
                &heading.title,
                0,
            );
            collector.add(
                "test.environment",
                slug,
                Strength::Strong,
                reader.index,
                source,
            );
        }
    }
}

/// The first words of an item, before `:`, ` - ` or `(`.
fn lead_words(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    let end = [": ", " - ", " – ", " (", ", "]
        .iter()
        .filter_map(|sep| line.find(sep))
        .min()
        .unwrap_or(line.len());
    line[..end].chars().take(60).collect()
}

fn stakeholders(reader: &DocumentReader<'_>, collector: &mut Collector) {
    let section = pattern!(
        r"\b(stakeholders?|raci|roles (and|&) responsibilities|responsibilities|project team|team( structure| roles)?|governance|sponsors?|project organi[sz]ation|stakeholder input)\b"
    );
    let skip = pattern!(r"\b(personas?|users?|audience|customers?)\b");
    let named = |name: &str| section.is_match(name) || names_subject(Subject::Stakeholders, name);
    for block in items_in(reader, named) {
        let names = reader.names(block.section);
        if names.first().is_some_and(|n| skip.is_match(n)) {
            continue;
        }
        let value = match (&block.kind, &block.label) {
            (BlockKind::TableRow { cells, .. }, _) => cells.first().cloned().unwrap_or_default(),
            (_, Some(label)) => {
                let rest = block.value_text().lines().next().unwrap_or("").trim();
                if !rest.is_empty() && rest.chars().count() <= 60 {
                    format!("{label}: {rest}")
                } else {
                    label.clone()
                }
            }
            _ => lead_words(&block.text),
        };
        let value = shorten(value.trim().trim_end_matches([':', '.']), 120);
        if value.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !pattern!(r"^[rcia/ ,]+$").is_match(&value)
        {
            collector.add(
                "stakeholder.role",
                &value,
                Strength::Strong,
                reader.index,
                reader.block_source(block, 0),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::Role;

    #[test]
    fn release_criteria_are_one_fact_per_top_level_item() {
        let text = "## Release Criteria (MVP Focus)\n\nThe MVP is ready when:\n\n- **Core:** All MVP features tested.\n  - sub point\n- **Performance:** Meets targets.\n\n## Other\n\n- not a criterion\n";
        assert_eq!(
            values(&read(Role::Prd, text).facts, "release.criterion"),
            [
                "Core: All MVP features tested.",
                "Performance: Meets targets."
            ]
        );
    }

    #[test]
    fn exit_criteria_synonyms_are_recognised_in_test_documents() {
        for heading in [
            "MVP Exit Criteria",
            "Test Completion Criteria",
            "Definition of Done",
            "Summary: Testing Checklist",
        ] {
            let text = format!("## {heading}\n\n- [ ] All tests pass\n- [ ] Coverage ≥ 80%\n");
            assert_eq!(
                values(&read(Role::Test, &text).facts, "test.exit_criterion").len(),
                2,
                "{heading}"
            );
        }
    }

    #[test]
    fn a_definition_of_done_in_the_prd_counts_only_when_no_test_document_has_exit_criteria() {
        let stories = document(
            "prd.md",
            Role::Prd,
            "## Definition of Done\n\n- Code complete\n",
        );
        let alone = super::super::extract(std::slice::from_ref(&stories)).facts;
        assert_eq!(values(&alone, "test.exit_criterion"), ["Code complete"]);
        let test = document(
            "test.md",
            Role::Test,
            "## Exit Criteria\n\n- UAT signed off\n",
        );
        let both = super::super::extract(&[stories, test]).facts;
        assert_eq!(values(&both, "test.exit_criterion"), ["UAT signed off"]);
    }

    #[test]
    fn mvp_stories_keep_their_ids_and_post_mvp_stories_are_increments() {
        let text = "# User Stories\n\n## MVP Backlog Items\n\n### Setup\n\n- **MVP-STORY-01**\n  - **Story:** As a dev…\n- **MVP-STORY-02**\n\n## Post-MVP Backlog Items\n\n### Increment 1: Trust\n\n- **PH2-STORY-01**\n\n### Increment 2: Reminders\n\n- **PH3-STORY-01**\n";
        let facts = read(Role::Stories, text).facts;
        assert_eq!(
            values(&facts, "mvp.scope_item"),
            ["MVP-STORY-01 — As a dev…", "MVP-STORY-02"]
        );
        assert_eq!(
            values(&facts, "postmvp.increment"),
            ["Increment 1: Trust", "Increment 2: Reminders"]
        );
    }

    #[test]
    fn a_bare_story_id_reads_with_its_title() {
        let text = "## MVP Stories\n\n- **APP-S-07**\n  - **Story:** As a volunteer, I book a slot.\n- **APP-S-08**: Cancel a booking\n";
        assert_eq!(
            values(&read(Role::Stories, text).facts, "mvp.scope_item"),
            [
                "APP-S-07 — As a volunteer, I book a slot.",
                "APP-S-08: Cancel a booking"
            ]
        );
    }

    #[test]
    fn a_story_file_that_marks_no_phase_is_in_the_mvp_scope() {
        let one = "# Story 4.2: Export the ledger\n\n## Acceptance Criteria\n\n1. CSV file\n";
        assert_eq!(
            values(&read(Role::Stories, one).facts, "mvp.scope_item"),
            ["Story 4.2: Export the ledger"]
        );
        let later = "# Phase 2 stories\n\n## Story 9.1: Dark mode\n";
        assert!(values(&read(Role::Stories, later).facts, "mvp.scope_item").is_empty());
    }

    #[test]
    fn criteria_milestones_and_stakeholders_are_found_under_other_languages_headings() {
        let text = "## Abnahmekriterien\n\n- Alle Tests grün\n- Penetrationstest bestanden\n\n## Partes interessadas\n\n- **Patrocinador:** diretoria\n";
        let facts = read(Role::Prd, text).facts;
        assert_eq!(
            values(&facts, "release.criterion"),
            ["Alle Tests grün", "Penetrationstest bestanden"]
        );
        assert_eq!(
            values(&facts, "stakeholder.role"),
            ["Patrocinador: diretoria"]
        );
        let success = "## Success Criteria\n\n- SC-1: 90% of bookings finish in 2 minutes\n";
        assert_eq!(
            values(&read(Role::Prd, success).facts, "release.criterion"),
            ["SC-1: 90% of bookings finish in 2 minutes"]
        );
    }

    #[test]
    fn acceptance_criteria_are_release_criteria_only_under_the_launch() {
        let text = "## M1: Infrastruktur\n\n### Akzeptanzkriterien\n\n- Cluster läuft\n\n## M4: Go-Live\n\n### Akzeptanzkriterien\n\n- Produktiv unter der Domain\n- Anmeldung per SSO\n";
        assert_eq!(
            values(&read(Role::Brd, text).facts, "release.criterion"),
            ["Produktiv unter der Domain", "Anmeldung per SSO"]
        );
    }

    #[test]
    fn story_headings_in_an_mvp_section_are_scope_items() {
        let text =
            "# MVP Epics\n\n## Epic 1\n\n### Story 1.1: Publish command\n\n### Story 1.2: Search\n";
        assert_eq!(
            values(&read(Role::Stories, text).facts, "mvp.scope_item"),
            ["Story 1.1: Publish command", "Story 1.2: Search"]
        );
    }

    #[test]
    fn environments_come_from_their_section_and_from_headings() {
        let text = "## Test Environments (MVP Support)\n\n- **Development Environment:** local.\n- **QA / Staging Environment:** mirrors prod.\n- **Configuration Management:** Vercel env vars for production.\n\n## Pipeline\n\n### 3.1.5 Production Environment Stage\n";
        let facts = read(Role::Test, text).facts;
        assert_eq!(
            values(&facts, "test.environment"),
            ["dev", "qa", "staging", "prod"]
        );
    }

    #[test]
    fn environment_sections_and_names_are_read_in_every_language() {
        let german = "## Testumgebungen\n\n### Umgebungs-Hierarchie\n\n- DEV: Entwicklung\n- TEST: Integration\n- PROD: Betrieb\n";
        assert_eq!(
            values(&read(Role::Test, german).facts, "test.environment"),
            ["dev", "test", "prod"]
        );
        let portuguese =
            "## Ambiente de homologação\n\ntexto\n\n## Ambiente de produção\n\ntexto\n";
        assert_eq!(
            values(&read(Role::Spec, portuguese).facts, "test.environment"),
            ["staging", "prod"]
        );
        let compound = "## Produktionsumgebung\n\ntext\n";
        assert_eq!(
            values(&read(Role::Spec, compound).facts, "test.environment"),
            ["prod"]
        );
    }

    #[test]
    fn an_environment_heading_under_environment_variables_names_it() {
        let text = "## Environment Variables\n\n### Staging Environment\n\n- `API_URL`: the staging API\n\n### Variables\n\n- LOCAL_PATH: a folder\n";
        assert_eq!(
            values(&read(Role::Spec, text).facts, "test.environment"),
            ["staging"]
        );
    }

    #[test]
    fn an_environment_management_table_lists_environments() {
        let text = "### Environment Management\n\n| Environment | Command |\n|---|---|\n| Development | run dev |\n| Staging | deploy --env staging |\n| Production | deploy |\n";
        assert_eq!(
            values(&read(Role::Spec, text).facts, "test.environment"),
            ["dev", "staging", "prod"]
        );
    }

    #[test]
    fn a_raci_table_gives_one_stakeholder_per_row() {
        let text = "### Key Stakeholders (RACI Matrix)\n\n| Stakeholder | Role | R | A |\n|---|---|---|---|\n| Business Owner | Sponsor | | X |\n| Web Agency | Builds | R | |\n\n### User Personas\n\n- **Busy Parent:** wants speed\n";
        assert_eq!(
            values(&read(Role::Brd, text).facts, "stakeholder.role"),
            ["Business Owner", "Web Agency"]
        );
    }
}
