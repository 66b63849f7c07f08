//! Service levels: availability, latency, RTO/RPO and zero downtime, as
//! written, from the documents that state non-functional requirements
//! (SPEC, PRD, BRD; RTO/RPO also from SECURITY).
//!
//! - `nfr.availability`: a percentage from 90 to 100 in a clause (or field)
//!   about availability, uptime or an SLA — `99.9%`.
//! - `nfr.latency`: a clause with a time bound (`within 2 seconds`,
//!   `p95 < 300 ms`, `$\le$ 800ms`) in a performance or NFR section or field.
//! - `nfr.rto` / `nfr.rpo`: what follows `RTO` / `Recovery Time Objective`.
//! - `nfr.zero_downtime`: `true` when zero or no downtime is required.
//!
//! Future, out-of-scope and alternative sections are skipped, as are negated
//! clauses ("zero downtime is not required").

use super::{clauses, Collector, DocumentReader, Strength};
use crate::markdown::{Block, BlockKind};
use crate::model::Role;
use crate::pattern;

/// Reads the service-level facts of one document.
pub fn read(reader: &DocumentReader<'_>, collector: &mut Collector) {
    let nfr_role = reader.plays(&[Role::Spec, Role::Prd, Role::Brd]);
    let recovery_role = nfr_role || reader.plays(&[Role::Security]);
    if !recovery_role {
        return;
    }
    for block in reader.blocks() {
        if matches!(block.kind, BlockKind::TableRow { header: true, .. }) {
            continue;
        }
        if reader.is_off(block.section) {
            continue;
        }
        let label = block.label.as_deref().unwrap_or("");
        let text = table_text(block);
        for (start, end) in clauses(&text) {
            let clause = &text[start..end];
            if pattern!(
                r"\b(not|no longer|never)\s+(required|needed|necessary|a requirement|specified)\b"
            )
            .is_match(clause)
            {
                continue;
            }
            // Cheap byte checks first: most clauses hold no service level.
            let digits = clause.bytes().any(|b| b.is_ascii_digit());
            let lower = clause.to_ascii_lowercase();
            if nfr_role {
                if digits && clause.contains('%') {
                    availability(reader, block, label, clause, start, collector);
                }
                if digits {
                    latency(reader, block, label, clause, start, collector);
                }
                if lower.contains("downtime") || lower.contains("interruption") {
                    zero_downtime(reader, block, clause, start, collector);
                }
            }
            if digits
                && (lower.contains("rto")
                    || lower.contains("rpo")
                    || lower.contains("recovery")
                    || !label.is_empty())
            {
                recovery(reader, block, label, clause, start, collector);
            }
        }
    }
}

/// A table row reads as `category: value` so the category acts as a label.
fn table_text(block: &Block) -> String {
    match &block.kind {
        BlockKind::TableRow { cells, .. } => cells.join(": "),
        _ => block.text.clone(),
    }
}

fn availability(
    reader: &DocumentReader<'_>,
    block: &Block,
    label: &str,
    clause: &str,
    at: usize,
    collector: &mut Collector,
) {
    let topic = pattern!(r"\b(availability|available|uptime|up-time|sla|slo)\b");
    if !(topic.is_match(clause) || topic.is_match(label)) {
        return;
    }
    if pattern!(r"\b(coverage|pass rate|success rate of tests|accuracy|cpu|memory|disk|utili[sz]ation|budget)\b").is_match(clause)
        && !topic.is_match(label)
    {
        return;
    }
    for found in pattern!(r"(\d{2,3}(?:\.\d+)?)\s?%").captures_iter(clause) {
        let (Some(whole), Some(number)) = (found.get(0), found.get(1)) else {
            continue;
        };
        let Ok(percent) = number.as_str().parse::<f64>() else {
            continue;
        };
        if (90.0..=100.0).contains(&percent) {
            let value = whole.as_str().replace(' ', "");
            let source = reader.block_source(block, at + whole.start());
            collector.add(
                "nfr.availability",
                &value,
                Strength::Strong,
                reader.index,
                source,
            );
        }
    }
}

fn latency(
    reader: &DocumentReader<'_>,
    block: &Block,
    label: &str,
    clause: &str,
    at: usize,
    collector: &mut Collector,
) {
    let duration = pattern!(r"\d+(\.\d+)?\s*(ms|milliseconds?|s|secs?|seconds?|mins?|minutes?)\b");
    let Some(found) = duration.find(clause) else {
        return;
    };
    let bound = pattern!(
        r"(\bp\d{2}\b|\d{2}(th)?\s*percentile|\bwithin\b|\bunder\b|\bbelow\b|less than|at most|no more than|\bmax(imum)?\b|<|≤|\\le\b|\blatency\b|response time)"
    );
    if !bound.is_match(clause) {
        return;
    }
    let topic = pattern!(
        r"latency|performance|response|speed|\bnfr\d*\b|\bslos?\b|service level|load time|\blcp\b|ttfb|non[- ]?functional|quality attributes|responsiveness"
    );
    let names = reader.names(block.section);
    let in_topic = topic.is_match(label) || names.iter().take(2).any(|n| topic.is_match(n));
    if !in_topic {
        return;
    }
    // Design notes and stories' acceptance criteria restate targets; the
    // requirement itself lives in an NFR or SLO section.
    if names.iter().any(|n| {
        pattern!(r"^(story|epic)\b|acceptance criteria|considerations|optimi[sz]ation|tuning")
            .is_match(n)
    }) {
        return;
    }
    // How long the delivery machinery takes is not the product's latency.
    if pattern!(r"\b(pipeline|deploy\w*|build|rollback|roll back|test execution|tests|provision\w*|migration|backup|restore|ci)\b").is_match(clause) {
        return;
    }
    // Not a timeout, schedule or interval: those are settings, not targets.
    if pattern!(r"\b(timeout|time-out|every|interval|poll(ed|ing)?|retention|expir\w*|ttl|cron|backoff|retry)\b").is_match(clause) {
        return;
    }
    let value = clean_statement(clause, label);
    let source = reader.block_source(block, at + found.start());
    collector.add(
        "nfr.latency",
        &value,
        Strength::Strong,
        reader.index,
        source,
    );
}

fn recovery(
    reader: &DocumentReader<'_>,
    block: &Block,
    label: &str,
    clause: &str,
    at: usize,
    collector: &mut Collector,
) {
    let rto = pattern!(
        r"(\brto\b|recovery time objective)(\s*\([^)]*\))?\s*(:|=|-|–|of|is|are|must be|shall be|should be|<|≤|under|within)?\s*"
    );
    let rpo = pattern!(
        r"(\brpo\b|recovery point objective)(\s*\([^)]*\))?\s*(:|=|-|–|of|is|are|must be|shall be|should be|<|≤|under|within)?\s*"
    );
    for (key, pattern) in [("nfr.rto", rto), ("nfr.rpo", rpo)] {
        // What follows the objective's name in the clause, else (under an
        // RTO/RPO label) the whole clause; the objective is the duration it
        // opens with, not the rest of the sentence (`4h, RTO 4h (…)` is `4h`).
        let mut targets = Vec::new();
        if let Some(found) = pattern.find(clause) {
            targets.push(&clause[found.end()..]);
        }
        if pattern.is_match(label) {
            targets.push(clause);
        }
        let Some(value) = targets
            .into_iter()
            .find_map(|target| leading_duration(&clean_statement(target, label)))
        else {
            continue;
        };
        if value.chars().any(|c| c.is_ascii_digit()) {
            let source = reader.block_source(block, at);
            collector.add(key, &value, Strength::Strong, reader.index, source);
        }
    }
}

/// The duration a text opens with, with its bound (`< 4h`, `less than 5
/// minutes`, `unter 4 Stunden`, `24 horas`), in the five languages read.
fn leading_duration(text: &str) -> Option<String> {
    let found = pattern!(
        r"^\s*((?:<=?|≤|~|≈|max\.?|maximum|maximal|under|below|less than|within|at most|up to|unter|weniger als|höchstens|bis zu|innerhalb von|menos de|até|hasta|en menos de|moins de|au plus|jusqu'à|en)\s*)?\d+(?:[.,:]\d+)?\s*(?:[-–]\s*\d+\s*)?(s|secs?|seconds?|min|mins|minutes?|minuten|minutos?|h|hrs?|hours?|stunden?|std|horas?|heures?|d|days?|tage?n?|dias?|días|jours?|weeks?|wochen?|semanas?|semaines?)\b"
    )
    .find(text)?;
    Some(found.as_str().trim().to_string())
}

fn zero_downtime(
    reader: &DocumentReader<'_>,
    block: &Block,
    clause: &str,
    at: usize,
    collector: &mut Collector,
) {
    let Some(found) = pattern!(r"\b(zero[- ]downtime|no downtime|without downtime|without (any )?service interruption|no service interruption)\b").find(clause) else {
        return;
    };
    if pattern!(r"\b(not|no need|optional|nice to have|could|might)\b")
        .is_match(&clause[..found.start()])
    {
        return;
    }
    let source = reader.block_source(block, at + found.start());
    collector.add(
        "nfr.zero_downtime",
        "true",
        Strength::Strong,
        reader.index,
        source,
    );
}

/// The statement without its field label, list number or trailing period,
/// at most 160 characters.
fn clean_statement(text: &str, label: &str) -> String {
    let mut value = text.trim();
    if !label.is_empty() {
        if let Some(rest) = value.strip_prefix(label) {
            value = rest.trim_start_matches([':', ' ', '-', '–']);
        }
    }
    let value = value.trim().trim_end_matches(['.', ';', ',']).trim();
    crate::text::shorten(value, 160)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::Role;

    #[test]
    fn availability_is_read_as_written_from_an_slo_field() {
        let text = "### Service Level Objectives\n\n- **Availability (Homepage):** 99.9% (HTTP GET success rate).\n- **Correctness:** 99.8% processed without errors.\n";
        assert_eq!(
            values(&read(Role::Spec, text).facts, "nfr.availability"),
            ["99.9%"]
        );
    }

    #[test]
    fn an_uptime_sentence_gives_availability() {
        let text = "### Reliability\n\n- The system SHALL achieve 99% uptime for workflows\n- Code coverage is ≥ 95%\n";
        assert_eq!(
            values(&read(Role::Prd, text).facts, "nfr.availability"),
            ["99%"]
        );
    }

    #[test]
    fn latency_targets_are_read_from_performance_sections_only() {
        let text = "## Non Functional\n\n- **NFR4:** `search` must return results within 2 seconds\n- The API is polled every 15 minutes\n\n## Story 2.1\n\n- completes within 5 seconds\n";
        assert_eq!(
            values(&read(Role::Prd, text).facts, "nfr.latency"),
            ["search must return results within 2 seconds"]
        );
    }

    #[test]
    fn a_percentile_latency_keeps_its_wording() {
        let text = "### SLOs\n\n- **Latency (Booking API):** 95th percentile $\\le$ 800ms.\n";
        assert_eq!(
            values(&read(Role::Spec, text).facts, "nfr.latency"),
            ["95th percentile $\\le$ 800ms"]
        );
    }

    #[test]
    fn recovery_objectives_are_read_after_their_names() {
        let text =
            "## Disaster Recovery\n\n- RTO: 4 hours\n- **Recovery Point Objective:** 15 minutes\n";
        let facts = read(Role::Spec, text).facts;
        assert_eq!(values(&facts, "nfr.rto"), ["4 hours"]);
        assert_eq!(values(&facts, "nfr.rpo"), ["15 minutes"]);
    }

    #[test]
    fn a_recovery_objective_is_the_duration_it_opens_with() {
        let text = "## Backup\n\n- Targets: RPO 24 Stunden (täglich), RTO unter 4 Stunden, dann Prüfung.\n- RTO liegt weit über dem Ziel.\n";
        let facts = read(Role::Spec, text).facts;
        assert_eq!(values(&facts, "nfr.rpo"), ["24 Stunden"]);
        assert_eq!(values(&facts, "nfr.rto"), ["unter 4 Stunden"]);
    }

    #[test]
    fn zero_downtime_counts_unless_future_or_negated() {
        assert_eq!(
            values(
                &read(Role::Prd, "Deployments must have zero downtime.\n").facts,
                "nfr.zero_downtime"
            ),
            ["true"]
        );
        assert!(read(
            Role::Prd,
            "## Future Enhancements\n\n- Zero-downtime deployments\n"
        )
        .facts
        .is_empty());
        assert!(
            read(Role::Prd, "Zero downtime is not required for the MVP.\n")
                .facts
                .is_empty()
        );
    }

    #[test]
    fn stories_and_ui_documents_state_no_service_levels() {
        assert!(read(Role::Stories, "## Performance\n\n- Uptime 99.9%\n")
            .facts
            .is_empty());
    }
}
