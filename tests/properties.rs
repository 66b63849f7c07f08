//! Property tests: the outline parser, fact extraction and the renderer never
//! panic, whatever text they are given. Bounded (256 cases each) so CI stays fast.

use deployplan::answers::{Answer, Answers, Origin, Value};
use deployplan::facts::extract_facts;
use deployplan::markdown::{parse_outline, render_html};
use deployplan::model::{Document, Role, Source};
use deployplan::plan::steps;
use deployplan::project::LoadedDocument;
use deployplan::render::{render_plan, PlanContext};
use deployplan::save::{diff_lines, DiffKind};
use proptest::prelude::*;

/// Markdown-ish text: the characters that matter to a parser, plus anything.
fn markdownish() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("# ".to_string()),
            Just("## 3.1 Scope ✅\n".to_string()),
            Just("```\n".to_string()),
            Just("- ".to_string()),
            Just("1. ".to_string()),
            Just("> ".to_string()),
            Just("| a | b |\n|---|---|\n".to_string()),
            Just("**Field:** value\n".to_string()),
            Just("---\n".to_string()),
            Just("\r\n".to_string()),
            Just("\n".to_string()),
            Just("\u{feff}".to_string()),
            Just(
                "Kubernetes on AWS, not GCP; e.g. Flux or Argo CD. 99.9% uptime, RTO 1h."
                    .to_string()
            ),
            "[\\PC]{0,40}",
        ],
        0..60,
    );
    pieces.prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn outlines_are_parsed_from_any_text(text in markdownish()) {
        let outline = parse_outline(&text);
        let lines = text.lines().count().max(1) as u32 + 1;
        for section in &outline.sections {
            prop_assert!(section.line_start >= 1 && section.line_start <= section.line_end.max(section.line_start));
            prop_assert!(section.line_start <= lines);
        }
        let _ = render_html(&text);
    }

    #[test]
    fn the_html_parts_of_any_text_join_to_its_html(text in markdownish()) {
        let parts = deployplan::markdown::render_html_parts(&text);
        prop_assert_eq!(parts.concat(), render_html(&text));
        let decorated = deployplan::plan_html::decorate_parts(&parts);
        prop_assert_eq!(decorated.concat(), deployplan::plan_html::decorate(&render_html(&text)));
    }

    #[test]
    fn facts_are_extracted_from_any_text(text in markdownish(), role in prop::sample::select(Role::ALL.to_vec())) {
        let outline = parse_outline(&text);
        let document = Document { path: "project_docs/doc.md".into(), role: Some(role), reason: String::new(), bytes: text.len() as u64, warnings: Vec::new(), own_output: false };
        let facts = extract_facts(&[LoadedDocument { document, text: text.clone(), outline }]);
        for fact in facts {
            prop_assert!(!fact.sources.is_empty(), "fact without a source: {fact:?}");
        }
    }

    #[test]
    fn any_answers_render_every_section(texts in prop::collection::vec("[\\PC\\n|#`<>\"]{0,30}", 1..20)) {
        let mut answers = Answers::default();
        let fields: Vec<_> = steps().iter().flat_map(|s| s.fields.iter()).collect();
        for (index, text) in texts.iter().enumerate() {
            let field = fields[index % fields.len()];
            let value = match index % 3 {
                0 => Value::Text(text.clone()),
                1 => Value::List(vec![text.clone(), text.clone()]),
                _ => Value::Table(vec![vec![text.clone(); 3]]),
            };
            let source = Source { path: "d.md".into(), line_start: 1, line_end: 1, heading: text.clone(), excerpt: text.clone() };
            let origin = [Origin::User, Origin::Document, Origin::Proposed][index % 3];
            answers.values.insert(field.id.clone(), Answer { value, origin, reason: Some(text.clone()), sources: vec![source.clone()], item_sources: vec![vec![source]] });
        }
        let plan = render_plan(&PlanContext { project_name: texts[0].clone(), ..PlanContext::default() }, &answers);
        for step in steps() {
            let heading = format!("\n## {}\n", step.heading());
            prop_assert!(plan.contains(&heading), "missing {}", step.heading());
        }
    }

    /// The side-by-side diff accounts for every line of both versions, in
    /// order: shown, or folded into a "skipped" row.
    #[test]
    fn the_plan_diff_accounts_for_every_line(
        old in prop::collection::vec("[ab#\\- ]{0,3}", 0..40),
        new in prop::collection::vec("[ab#\\- ]{0,3}", 0..40),
    ) {
        let (old, new) = (old.join("\n"), new.join("\n"));
        let diff = diff_lines("plan.md", &old, &new);
        let (mut left, mut right) = (0u32, 0u32);
        for row in &diff.rows {
            if row.kind == DiffKind::Skipped {
                prop_assert_eq!(row.left_line, Some(left + 1));
                left += row.skipped;
                right += row.skipped;
                continue;
            }
            if let Some(line) = row.left_line { left += 1; prop_assert_eq!(line, left); }
            if let Some(line) = row.right_line { right += 1; prop_assert_eq!(line, right); }
        }
        let count = |text: &str| text.lines().count() as u32;
        if diff.rows.is_empty() {
            prop_assert_eq!(old.lines().collect::<Vec<_>>(), new.lines().collect::<Vec<_>>());
        } else {
            prop_assert_eq!(left, count(&old));
            prop_assert_eq!(right, count(&new));
        }
    }
}
