//! The rendered plan's structure, on the bundled sample: it is what readers
//! used to find again in the text (sections split at `## ` lines, contents
//! and glossary read from the HTML), so sign-offs and exports are unchanged.

mod common;

use common::sample_dir;
use deployplan::answers::suggest_answers;
use deployplan::export::html::{standalone_page, standalone_page_with, Contents};
use deployplan::export::{export_plan, export_rendered, ExportOptions, Format};
use deployplan::plan::Phase;
use deployplan::render::OVERVIEW_ID;
use deployplan::save::{content_hash, plan_markdown, rendered_plan};
use deployplan::Project;

/// How review split the plan before the structure existed: at each `## `
/// line outside code fences, the text before the first one the overview;
/// each part's hash that of its text without trailing blank lines.
fn split_at_level_two(markdown: &str) -> Vec<(String, String)> {
    let mut sections: Vec<(String, String)> = vec![("Overview".into(), String::new())];
    let mut fence = false;
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed.trim_start().starts_with("```") || trimmed.trim_start().starts_with("~~~") {
            fence = !fence;
        } else if !fence {
            if let Some(heading) = trimmed.strip_prefix("## ") {
                sections.push((heading.trim().to_string(), String::new()));
            }
        }
        sections.last_mut().unwrap().1.push_str(line);
    }
    sections
        .into_iter()
        .map(|(heading, text)| (heading, content_hash(text.trim_end().as_bytes())))
        .collect()
}

#[test]
fn the_sections_and_hashes_are_those_review_found_in_the_text() {
    let dir = common::sample_copy();
    let project = Project::open(dir.path()).unwrap();
    let answers = suggest_answers(&project);
    let rendered = rendered_plan(&project, &answers);
    assert_eq!(rendered.markdown, plan_markdown(&project, &answers));
    let found: Vec<(String, String)> = rendered
        .sections
        .iter()
        .map(|section| (section.heading.clone(), section.hash.clone()))
        .collect();
    assert_eq!(found, split_at_level_two(&rendered.markdown));
    assert_eq!(rendered.sections[0].step_id, OVERVIEW_ID);
    assert!(rendered.sections[0].phases.is_empty());
    let s1 = rendered.section("s1").unwrap();
    assert!(s1.is_about(Phase::Mvp) && s1.is_about(Phase::PostMvp));
    assert!(!rendered.sources.is_empty());
}

#[test]
fn the_export_reads_the_same_contents_and_glossary_from_the_structure() {
    let project = Project::open(&sample_dir()).unwrap();
    let answers = suggest_answers(&project);
    let rendered = rendered_plan(&project, &answers);
    let body = deployplan::markdown::render_html(&rendered.markdown);
    let options = ExportOptions::titled("Sample");
    assert_eq!(Contents::of_rendered(&rendered), Contents::of_html(&body));
    assert_eq!(
        standalone_page_with(&body, &Contents::of_rendered(&rendered), &[], &options),
        standalone_page(&body, &[], &options)
    );
    assert_eq!(
        export_rendered(&rendered, Format::Html, &options).unwrap(),
        export_plan(&rendered.markdown, Format::Html, &options).unwrap()
    );
}

#[test]
fn the_preview_parts_are_the_sections_and_sub_sections_the_renderer_wrote() {
    let project = Project::open(&sample_dir()).unwrap();
    let answers = suggest_answers(&project);
    let rendered = rendered_plan(&project, &answers);
    let parts = deployplan::markdown::render_html_parts(&rendered.markdown);
    assert_eq!(
        parts.concat(),
        deployplan::markdown::render_html(&rendered.markdown)
    );
    // Every part after the first starts at a section or sub-section heading,
    // and the section headings are those the renderer wrote, in order.
    assert!(parts[1..]
        .iter()
        .all(|part| part.starts_with("<h2") || part.starts_with("<h3")));
    let cut_at: Vec<String> = parts
        .iter()
        .filter(|part| part.starts_with("<h2"))
        .map(|part| {
            let text = part.split('>').nth(1).unwrap_or_default();
            deployplan::export::html::unescape(text.split('<').next().unwrap_or_default())
        })
        .collect();
    let written: Vec<String> = rendered
        .sections
        .iter()
        .filter(|section| section.step_id != OVERVIEW_ID)
        .map(|section| section.heading.clone())
        .collect();
    assert_eq!(cut_at, written);
}
