//! When the MVP launches, and the milestones on the way, as written.
//!
//! - `timeline.mvp_launch`: the time expression (`October 27, 2025`,
//!   `Weeks 9-10`, `Day 14`, `Q3 2026`) of a clause that speaks of launching
//!   or releasing the MVP, or of a launch milestone in a timeline section.
//! - `timeline.milestone`: one per top-level item of a timeline, milestone,
//!   schedule or phases section of a BRD or PRD that carries a time
//!   expression or opens with `Phase`/`Milestone`/`Sprint`.

use super::lexicon::{names_subject, Subject};
use super::{clauses, Collector, DocumentReader, Strength};
use crate::markdown::BlockKind;
use crate::model::Role;
use crate::pattern;
use crate::text::shorten;
use regex::Regex;

/// Time expressions: dates, quarters, week/day/sprint/month numbers.
pub fn time_expression() -> &'static Regex {
    pattern!(
        r"\b((jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(st|nd|rd|th)?\s+(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?,?\s+\d{4}|(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?\s+\d{4}|\d{4}-\d{2}-\d{2}|q[1-4]\s*(fy)?\s*'?\d{2,4}|h[12]\s+\d{4}|(weeks?|days?|sprints?|months?|iterations?)\s+\d+(\s*(-|–|to|and)\s*\d+)?)\b"
    )
}

fn timeline_section() -> &'static Regex {
    pattern!(
        r"\b(milestones?|timeline|schedule|roadmap|phases|phasing|release plan|delivery plan|project plan|next steps|immediate actions|gantt|key dates|plan(ning)? & timeline)\b"
    )
}

/// A timeline section, by its English name or the lexicon's milestone words.
fn in_timeline_section(name: &str) -> bool {
    timeline_section().is_match(name) || names_subject(Subject::Milestones, name)
}

fn launch_word() -> &'static Regex {
    pattern!(
        r"\b(launch(es|ed|ing)?|go[- ]live|goes live|go to market|general availability|public release|release[sd]?|ship(s|ped|ping)?)\b"
    )
}

/// Reads the launch date and milestones of one document.
pub fn read(reader: &DocumentReader<'_>, collector: &mut Collector) {
    if !reader.plays(&[Role::Brd, Role::Prd, Role::Stories, Role::Test]) {
        return;
    }
    let skip = pattern!(
        r"\b(out[- ]of[- ]scope|future|post[- ]?mvp|risks?|alternatives?|open questions|examples?|assumptions?)\b"
    );
    let title_mvp = reader
        .loaded
        .outline
        .title()
        .is_some_and(|t| pattern!(r"\bmvp\b").is_match(t));
    for block in reader.blocks() {
        if matches!(block.kind, BlockKind::TableRow { header: true, .. }) {
            continue;
        }
        let names = reader.names(block.section);
        if names.iter().take(2).any(|n| skip.is_match(n)) {
            continue;
        }
        let in_timeline = names.iter().take(2).any(|n| in_timeline_section(n));
        let text = block.text.as_str();
        let label = block.label.as_deref().unwrap_or("");
        for (start, end) in clauses(text) {
            let clause = &text[start..end];
            if !clause.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            let launch = launch_word().find_iter(clause).find(|found| {
                let before = clause[..found.start()].to_lowercase();
                let after = clause[found.end()..].to_lowercase();
                !(before.ends_with("post-")
                    || before.ends_with("pre-")
                    || before.ends_with("post ")
                    || before.ends_with("pre ")
                    || after.trim_start().starts_with("candidate"))
            });
            let Some(launch) = launch else { continue };
            let about_mvp =
                pattern!(r"\b(mvp|minimum viable|first release|initial release|v1(\.0)?)\b");
            let mvp = about_mvp.is_match(clause)
                || about_mvp.is_match(label)
                || (title_mvp && in_timeline);
            if !(mvp || in_timeline) {
                continue;
            }
            // A later increment's release is not the MVP launch.
            if pattern!(r"\b(increments?|post[- ]?mvp|v[2-9]|release [2-9])\b").is_match(clause) {
                continue;
            }
            // Said of the MVP, a launch date is sure; a dated release in a
            // timeline is only likely, and gives way to a sure one.
            let strength = if about_mvp.is_match(clause) || about_mvp.is_match(label) {
                Strength::Strong
            } else {
                Strength::Weak
            };
            // In a timeline, a launch item names the launch; elsewhere the
            // expression must be close to the launch words.
            for found in time_expression().find_iter(clause) {
                let near = in_timeline || found.start().abs_diff(launch.start()) < 120;
                if near {
                    let source = reader.block_source(block, start + found.start());
                    collector.add(
                        "timeline.mvp_launch",
                        found.as_str(),
                        strength,
                        reader.index,
                        source,
                    );
                }
            }
        }
    }
    milestones(reader, collector);
}

fn milestones(reader: &DocumentReader<'_>, collector: &mut Collector) {
    if !reader.plays(&[Role::Brd, Role::Prd]) {
        return;
    }
    let opener = pattern!(
        r"^\W*(phase|milestone|m\d+\b|stage|sprint|week|day|month|q[1-4]|release|iteration|step)\b"
    );
    for block in reader.blocks() {
        let is_item = match &block.kind {
            BlockKind::ListItem => block.depth == 1,
            BlockKind::TableRow { header, .. } => !header,
            BlockKind::Paragraph => block.label.is_some(),
            BlockKind::Code { .. } => false,
        };
        if !is_item {
            continue;
        }
        let names = reader.names(block.section);
        if !names.iter().take(2).any(|n| in_timeline_section(n)) {
            continue;
        }
        let first_line = block.text.lines().next().unwrap_or("").trim();
        if first_line.is_empty()
            || !(time_expression().is_match(first_line) || opener.is_match(first_line))
        {
            continue;
        }
        let value = shorten(first_line.trim_end_matches(['.', ':']), 200);
        collector.add(
            "timeline.milestone",
            &value,
            Strength::Strong,
            reader.index,
            reader.block_source(block, 0),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::Role;

    #[test]
    fn the_launch_milestone_of_a_timeline_gives_the_mvp_launch() {
        let text = "## Next Steps & Timeline\n\n### Milestones\n\n- **Phase 1: Setup (Weeks 1-2):** environments.\n- **Phase 4: Testing & Launch (Weeks 9-10):** deploy.\n- **Phase 5: Growth (Post-Launch):** content.\n";
        let facts = read(Role::Brd, text).facts;
        assert_eq!(values(&facts, "timeline.mvp_launch"), ["Weeks 9-10"]);
        assert_eq!(
            values(&facts, "timeline.milestone"),
            [
                "Phase 1: Setup (Weeks 1-2): environments",
                "Phase 4: Testing & Launch (Weeks 9-10): deploy",
                "Phase 5: Growth (Post-Launch): content"
            ]
        );
    }

    #[test]
    fn a_goal_to_launch_the_mvp_by_a_date_gives_that_date() {
        let text = "## Goals\n\n- Launch MVP within 2 weeks with the CLI by October 27, 2025\n";
        assert_eq!(
            values(&read(Role::Prd, text).facts, "timeline.mvp_launch"),
            ["October 27, 2025"]
        );
    }

    #[test]
    fn launch_dates_unrelated_to_the_mvp_are_ignored() {
        let text = "## Marketing\n\nThe blog launches in Q3 2027.\n";
        assert!(read(Role::Brd, text).facts.is_empty());
    }

    #[test]
    fn the_mvp_launch_beats_candidates_increments_and_other_dated_releases() {
        let text = "## Milestones\n\n| Milestone | Date |\n|---|---|\n| M3 — MVP release candidate | 2031-03-02 |\n| M4 — MVP launch | 2031-03-16 |\n| M5 — Increment 1 release | 2031-05-11 |\n| M6 — Partner portal release | 2031-07-01 |\n";
        assert_eq!(
            values(&read(Role::Brd, text).facts, "timeline.mvp_launch"),
            ["2031-03-16"]
        );
    }

    #[test]
    fn a_quarter_is_a_time_expression() {
        let text = "The MVP goes live in Q3 2026.\n";
        assert_eq!(
            values(&read(Role::Prd, text).facts, "timeline.mvp_launch"),
            ["Q3 2026"]
        );
    }
}
