//! Rendering the plan to Markdown. Rendering returns a string (the preview uses
//! it); writing is [`crate::write`]'s job.
//!
//! Every field is written under the sub-heading its definition names. How a
//! value is written depends on where it came from: the documents (with a
//! source reference into the Sources appendix), a proposal not yet confirmed
//! (marked as proposed), or the user. A field with no value is written as
//! `TBD — owner: <role>`. Output is deterministic: the same inputs give the
//! same bytes.

use crate::answers::{Answer, Answers, Origin, Value};
use crate::diagrams::diagram_for;
use crate::fold::{fold_repeats, Item};
use crate::model::Source;
use crate::plan::{self, FieldDef, FieldKind, Phase, StepDef};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// The mark of MVP content.
pub const MVP_BADGE: &str = "🚀 MVP";
/// The mark of content about releases after the MVP.
pub const POST_MVP_BADGE: &str = "🔁 Post-MVP";

/// A sentence written under a sub-heading, where the brief asks the section
/// to refer to something.
fn heading_note(step_id: &str, heading: &str) -> Option<&'static str> {
    match (step_id, heading) {
        ("s7", "MVP Post-Deployment Verification") => Some("The MVP deployment is verified when every check below passes; those taken from the test strategy's MVP exit criteria cite it."),
        ("s7", "MVP Pre-Deployment Checks") => Some("The MVP is not deployed until every check below is met; those taken from the release criteria of the product requirements cite them."),
        _ => None,
    }
}

/// What the plan is about, for its title and introduction.
#[derive(Debug, Clone, Default)]
pub struct PlanContext {
    /// The project's name.
    pub project_name: String,
    /// The documents' text by path (as sources name them), so a source note
    /// quotes the passage in full and a value cut short where it was read
    /// is written whole. Empty: notes quote the sources' excerpts.
    pub documents: BTreeMap<String, String>,
}

impl PlanContext {
    /// The lines `start..=end` (1-based) of the document at `path`, as one
    /// line of text without list, quote, heading or table marks at its ends.
    fn passage(&self, path: &str, start: u32, end: u32) -> Option<String> {
        let text = self.documents.get(path)?;
        let from = usize::try_from(start.max(1)).ok()? - 1;
        let to = usize::try_from(end.max(start)).ok()?;
        let lines: Vec<&str> = text.lines().skip(from).take(to - from).collect();
        if lines.is_empty() {
            return None;
        }
        let joined = lines
            .iter()
            .map(|line| {
                line.trim()
                    .trim_start_matches(['-', '*', '+', '>', '#', '|', ' '])
                    .trim_end_matches(['|', ' '])
            })
            .collect::<Vec<_>>()
            .join(" ");
        // Plain text: emphasis and code marks removed, as the facts were read.
        let joined = inline(&joined.replace("**", "").replace(['`', '*'], ""));
        let joined = match joined.split_once(". ") {
            Some((number, rest))
                if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) =>
            {
                rest.to_string()
            }
            _ => joined,
        };
        (!joined.is_empty()).then_some(joined)
    }

    /// `text` written whole when it was cut short (`…` at its end) and one of
    /// `sources` holds it in full: from where it starts in the passage to the
    /// end of that table cell, or of the passage.
    fn completed(&self, text: &str, sources: &[Source]) -> String {
        let Some(cut) = text.trim_end().strip_suffix('…') else {
            return text.to_string();
        };
        let prefix = inline(cut);
        if prefix.chars().count() < 12 {
            return text.to_string();
        }
        for source in sources {
            let Some(passage) = self.passage(&source.path, source.line_start, source.line_end)
            else {
                continue;
            };
            if let Some(at) = passage.find(&prefix) {
                let rest = &passage[at..];
                let whole = rest
                    .get(prefix.len()..)
                    .and_then(|after| after.find(" | ").map(|end| &rest[..prefix.len() + end]))
                    .unwrap_or(rest)
                    .trim();
                if whole.len() > prefix.len() {
                    return whole.to_string();
                }
            }
        }
        text.to_string()
    }
}

/// Renders the whole plan.
pub fn render_plan(context: &PlanContext, answers: &Answers) -> String {
    render_parts(context, answers).out
}

/// The `step_id` of the part before the first step: the title, the plan in
/// brief and how to read it.
pub const OVERVIEW_ID: &str = "overview";
/// The heading the overview is shown under (it has none of its own).
pub const OVERVIEW_HEADING: &str = "Overview";
/// The `step_id` of the Sources appendix.
pub const SOURCES_ID: &str = "sources";
/// The heading of the Sources appendix.
pub const SOURCES_HEADING: &str = "Sources";

/// One part of the rendered plan: the overview, a step's section, or the
/// Sources appendix, as the renderer wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct RenderedSection {
    /// The step's id (`s6`), or [`OVERVIEW_ID`] / [`SOURCES_ID`]; the key
    /// of the section's comments and sign-offs.
    pub step_id: String,
    /// The heading text, e.g. `6. Rollback Strategy` ([`OVERVIEW_HEADING`]
    /// for the overview).
    pub heading: String,
    /// The `id` the heading has in the plan's HTML (empty for the overview).
    pub anchor: String,
    /// The section's `### ` sub-headings, in order.
    pub subheadings: Vec<String>,
    /// The section's Markdown, heading included: a slice of the plan,
    /// trailing blank lines trimmed to one newline.
    pub markdown: String,
    /// The section as HTML, with the notes it refers to (raw HTML escaped,
    /// unsafe links dropped, markers and badges decorated).
    pub html: String,
    /// The hex SHA-256 of `markdown` without its trailing newline.
    pub hash: String,
    /// The release phases the section's fields are about (none for the
    /// overview and the sources).
    pub phases: Vec<Phase>,
    /// The section's fields still TBD (or with blank table cells).
    pub open: Vec<crate::check::CheckItem>,
    /// The section's proposals not yet confirmed.
    pub unconfirmed: Vec<crate::check::CheckItem>,
}

impl RenderedSection {
    /// Whether the section is about `phase`.
    pub fn is_about(&self, phase: Phase) -> bool {
        self.phases.contains(&phase)
    }
}

/// The plan as rendered: its Markdown, and the structure the renderer knew
/// while writing it, so no reader has to find it again in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct RenderedPlan {
    /// The title, without the `# `.
    pub title: String,
    /// The whole plan's Markdown, as [`render_plan`] returns it.
    pub markdown: String,
    /// The overview, the steps' sections and the Sources appendix, in order;
    /// their Markdown joined is the plan's.
    pub sections: Vec<RenderedSection>,
    /// The passages cited, in note order (`S1` first).
    pub sources: Vec<Source>,
    /// The glossary entries for the terms the plan uses.
    pub glossary: Vec<plan::GlossaryEntry>,
}

impl RenderedPlan {
    /// The section of the step (or overview, or sources) `step_id`.
    pub fn section(&self, step_id: &str) -> Option<&RenderedSection> {
        self.sections
            .iter()
            .find(|section| section.step_id == step_id)
    }
}

/// Renders the whole plan with its structure: each section's Markdown,
/// HTML, hash, phases and open items, the sources and the glossary.
pub fn render_structured(context: &PlanContext, answers: &Answers) -> RenderedPlan {
    let parts = render_parts(context, answers);
    let markdown = parts.out;
    let (open, unconfirmed) = crate::check::open_items(answers);
    let of_step =
        |items: &[crate::check::CheckItem], step_id: &str| -> Vec<crate::check::CheckItem> {
            items
                .iter()
                .filter(|item| item.subject.split('.').next() == Some(step_id))
                .cloned()
                .collect()
        };
    let definitions = crate::plan_html::definitions(&markdown);
    // Anchors as comrak gives them to the plan's headings, in the order it
    // meets them (a repeated heading gets a numbered suffix).
    let mut anchorizer = comrak::Anchorizer::new();
    let _ = anchorizer.anchorize(&parts.title_text);
    for heading in crate::first_page::HEADINGS {
        let _ = anchorizer.anchorize(heading);
    }
    let _ = anchorizer.anchorize(LEGEND_HEADING);
    let mut sections = Vec::new();
    for (index, part) in parts.sections.iter().enumerate() {
        let end = parts
            .sections
            .get(index + 1)
            .map_or(markdown.len(), |next| next.start);
        let body = markdown[part.start..end].trim_end();
        if body.trim().is_empty() {
            continue;
        }
        let anchor = if part.step_id == OVERVIEW_ID {
            String::new()
        } else {
            anchorizer.anchorize(&part.heading)
        };
        for sub in &part.subheadings {
            let _ = anchorizer.anchorize(sub);
        }
        let step = plan::steps().iter().find(|step| step.id == part.step_id);
        let mut phases: Vec<Phase> = Vec::new();
        for phase in [Phase::Mvp, Phase::PostMvp] {
            if step.is_some_and(|step| step.fields.iter().any(|field| field.phase == phase)) {
                phases.push(phase);
            }
        }
        sections.push(RenderedSection {
            step_id: part.step_id.clone(),
            heading: part.heading.clone(),
            anchor,
            subheadings: part.subheadings.clone(),
            markdown: format!("{body}\n"),
            html: section_html(body, &definitions),
            hash: crate::save::content_hash(body.as_bytes()),
            phases,
            open: of_step(&open, &part.step_id),
            unconfirmed: of_step(&unconfirmed, &part.step_id),
        });
    }
    RenderedPlan {
        title: parts.title_text,
        glossary: plan::glossary_used(&markdown)
            .into_iter()
            .cloned()
            .collect(),
        sources: parts.sources,
        sections,
        markdown,
    }
}

/// A section's HTML: its Markdown with the notes it refers to (their
/// definitions are in the Sources section), so every marker resolves within
/// the section; markers and proposal badges decorated.
pub fn section_html(markdown: &str, definitions: &BTreeMap<String, String>) -> String {
    let mut text = markdown.to_string();
    let own = crate::plan_html::definitions(markdown);
    let wanted: Vec<&String> = crate::plan_html::referenced_labels(markdown)
        .into_iter()
        .filter(|label| !own.contains_key(label))
        .filter_map(|label| definitions.get(&label))
        .collect();
    if !wanted.is_empty() {
        text.push('\n');
        for line in wanted {
            text.push_str(line);
            text.push('\n');
        }
    }
    crate::plan_html::decorate(&crate::markdown::render_html(&text))
}

/// Where a part of the plan starts in the renderer's output.
struct PartStart {
    step_id: String,
    heading: String,
    subheadings: Vec<String>,
    start: usize,
}

/// What the renderer wrote: the Markdown and where each part starts.
struct Parts {
    out: String,
    title_text: String,
    sections: Vec<PartStart>,
    sources: Vec<Source>,
}

fn render_parts(context: &PlanContext, answers: &Answers) -> Parts {
    let mut renderer = Renderer {
        out: String::new(),
        sources: SourceIndex::default(),
        notes: Vec::new(),
        context,
    };
    let mut sections = vec![PartStart {
        step_id: OVERVIEW_ID.into(),
        heading: OVERVIEW_HEADING.into(),
        subheadings: Vec::new(),
        start: 0,
    }];
    renderer.line(&crate::output_marker::marker_line("plan"));
    renderer.line("");
    let title_text = renderer.title(context);
    renderer
        .out
        .push_str(&crate::first_page::first_page(answers));
    renderer.legend();
    for step in plan::steps() {
        let start = renderer.out.len();
        let subheadings = renderer.step(step, answers);
        sections.push(PartStart {
            step_id: step.id.clone(),
            heading: step.heading(),
            subheadings,
            start,
        });
    }
    sections.push(PartStart {
        step_id: SOURCES_ID.into(),
        heading: SOURCES_HEADING.into(),
        subheadings: Vec::new(),
        start: renderer.out.len(),
    });
    renderer.sources_appendix();
    Parts {
        out: renderer.out,
        title_text,
        sections,
        sources: renderer.sources.ordered,
    }
}

/// The heading of the legend, after the first page.
const LEGEND_HEADING: &str = "How to read this plan";

/// Sources numbered in order of first use, `S1`, `S2`, …: one number per
/// passage (document and lines), however many facts were read from it.
#[derive(Default)]
struct SourceIndex {
    ids: BTreeMap<(String, u32, u32), usize>,
    ordered: Vec<Source>,
}

impl SourceIndex {
    /// The number of the passage `source` is from, numbering it if it is
    /// new. Of several excerpts of one passage the note keeps a whole one
    /// (not cut at either end) when there is one.
    fn cite(&mut self, source: &Source) -> usize {
        let key = (source.path.clone(), source.line_start, source.line_end);
        if let Some(&id) = self.ids.get(&key) {
            let kept = &mut self.ordered[id - 1];
            let cut = |text: &str| text.starts_with('…') || text.ends_with('…');
            if cut(&kept.excerpt) && !cut(&source.excerpt) {
                kept.excerpt = source.excerpt.clone();
            }
            return id;
        }
        self.ordered.push(source.clone());
        let id = self.ordered.len();
        self.ids.insert(key, id);
        id
    }
}

/// Source numbers as footnote references: `[^S1][^S4]`, each source once,
/// in number order. GitHub and GitLab show them as numbered notes; the
/// label keeps the source ID readable in the Markdown itself.
fn footnotes(mut ids: Vec<usize>) -> String {
    ids.sort_unstable();
    ids.dedup();
    ids.iter().map(|id| format!("[^S{id}]")).collect()
}

struct Renderer<'c> {
    context: &'c PlanContext,
    out: String,
    sources: SourceIndex,
    /// Notes (a proposal's reason, or what else the documents say), in
    /// order of first use: `P1` for proposals, `N1` for other notes.
    notes: Vec<(String, String)>,
}

/// The mark a proposed value carries on its line, in every format.
pub const PROPOSED_MARK: &str = "*(proposed)*";

impl Renderer<'_> {
    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// Writes the title; returns its text.
    fn title(&mut self, context: &PlanContext) -> String {
        let name = inline(&context.project_name);
        let title = format!("Advanced Deployment Plan — {name}");
        self.line(&format!("# {title}"));
        self.line("");
        title
    }

    /// How to read the rest, in one paragraph, after the first page.
    fn legend(&mut self) {
        self.line(&format!("### {LEGEND_HEADING}"));
        self.line("");
        self.line(&format!(
            "*{MVP_BADGE} marks what applies to the first (MVP) release and {POST_MVP_BADGE} what applies to later releases. A small note number after a statement leads to the passage of the documents it was taken from (file, heading, line and text, under **Sources** at the end). A value marked (proposed) is DeployPlan's suggestion, not a decision until its owner confirms it. `TBD — owner: <role>` marks what is still open. Sections 0–11 follow the deployment brief; diagrams are drawn from the same answers as the text.*"
        ));
        self.line("");
    }

    /// Writes a step's section; returns its sub-headings.
    fn step(&mut self, step: &StepDef, answers: &Answers) -> Vec<String> {
        // The step's one-line intro is the wizard's help; the plan goes
        // straight to this project's answers.
        self.line(&format!("## {}", step.heading()));
        self.line("");
        let mut headings: Vec<&str> = Vec::new();
        for field in &step.fields {
            if !headings.contains(&field.heading.as_str()) {
                headings.push(&field.heading);
            }
        }
        for heading in &headings {
            let heading = *heading;
            self.line(&format!("### {heading}"));
            self.line("");
            if let Some(note) = heading_note(&step.id, heading) {
                self.line(&format!("*{note}*"));
                self.line("");
            }
            for field in step.fields.iter().filter(|f| f.heading == heading) {
                self.field(field, answers.get(&field.id));
            }
            self.diagrams_after(step, heading, answers);
        }
        headings.into_iter().map(str::to_string).collect()
    }

    fn field(&mut self, field: &FieldDef, answer: Option<&Answer>) {
        let badge = match field.phase {
            Phase::Mvp => format!("{MVP_BADGE} "),
            Phase::PostMvp => format!("{POST_MVP_BADGE} "),
            Phase::General => String::new(),
        };
        let label = format!("{badge}**{}:**", inline(&field.label));
        let Some(answer) = answer else {
            self.line(&format!("{label} TBD — owner: {}", field.owner));
            self.line("");
            return;
        };
        let per_item = !answer.item_sources.is_empty()
            && answer.item_sources.len() == answer.value.rows().len()
            && !matches!(answer.value, Value::Text(_));
        // The provenance of the whole value: the proposal mark and its note,
        // and (unless each item cites its own) the sources.
        let mark = self.mark(answer, !per_item);
        match (field.kind, &answer.value) {
            (FieldKind::Table, value) => {
                self.line(&format!("{label}{mark}"));
                self.line("");
                let items = self.items_of(value, answer, per_item);
                let rows: Vec<Vec<String>> = items.iter().map(|i| i.cells.clone()).collect();
                let item_refs = per_item.then(|| self.item_references(&items));
                self.table(&field.columns, &rows, item_refs.as_deref());
                self.line("");
                let blank = rows.iter().any(|row| {
                    row.iter().any(|c| !c.trim().is_empty())
                        && (0..field.columns.len())
                            .any(|i| row.get(i).is_none_or(|c| c.trim().is_empty()))
                });
                if blank {
                    self.line(&format!("*TBD cells — owner: {}*", field.owner));
                    self.line("");
                }
            }
            (kind, value)
                if kind.is_list() || matches!(value, Value::List(_) | Value::Table(_)) =>
            {
                self.line(&format!("{label}{mark}"));
                self.line("");
                let checklist = kind == FieldKind::Checklist;
                let items = self.items_of(value, answer, per_item);
                let item_refs = if per_item {
                    self.item_references(&items)
                } else {
                    Vec::new()
                };
                let mut number = 0;
                for (index, item) in items.iter().enumerate() {
                    let text = item.cells.join(" — ");
                    if text.trim().is_empty() {
                        continue;
                    }
                    number += 1;
                    let marker = match kind {
                        FieldKind::List => format!("{number}."),
                        _ if checklist => "- [ ]".to_string(),
                        _ => "-".to_string(),
                    };
                    let refs = item_refs
                        .get(index)
                        .filter(|r| !r.is_empty())
                        .map(|r| format!(" {r}"))
                        .unwrap_or_default();
                    self.line(&format!("{marker} {}{refs}", inline(&text)));
                }
                self.line("");
            }
            (FieldKind::LongText, Value::Text(text)) => {
                // The mark ends the text itself, so the value's last line
                // carries its source IDs (or the word proposed) for readers
                // and scripts that read the plan line by line.
                self.line(&label);
                self.line("");
                let text = block(&self.context.completed(text, &answer.sources));
                self.line(&format!("{}{mark}", text.trim_end()));
                self.line("");
            }
            (_, value) => {
                let text = self.context.completed(&value.joined(), &answer.sources);
                self.line(&format!("{label} {}{mark}", inline(&text)));
                self.line("");
            }
        }
    }

    /// A note's footnote label, numbering it if it is new: `P1` for a
    /// proposal's reason, `N1` for what else the documents say.
    fn note_label(&mut self, prefix: char, text: String) -> String {
        if let Some((label, _)) = self
            .notes
            .iter()
            .find(|(label, existing)| label.starts_with(prefix) && *existing == text)
        {
            return label.clone();
        }
        let number = self
            .notes
            .iter()
            .filter(|(label, _)| label.starts_with(prefix))
            .count()
            + 1;
        let label = format!("{prefix}{number}");
        self.notes.push((label.clone(), text));
        label
    }

    /// What follows a value on its line: ` *(proposed)* [^P1]` for a
    /// proposal, its source notes (`[^S3][^S4]`) when `with_sources`, and a
    /// note for a document value's reason. Empty for the user's own values.
    fn mark(&mut self, answer: &Answer, with_sources: bool) -> String {
        let refs = if with_sources {
            let ids: Vec<usize> = answer
                .sources
                .iter()
                .map(|s| self.sources.cite(s))
                .collect();
            footnotes(ids)
        } else {
            String::new()
        };
        let reason = answer
            .reason
            .as_deref()
            .map(inline)
            .filter(|r| !r.is_empty());
        let mut out = String::new();
        match answer.origin {
            Origin::Proposed => {
                out.push(' ');
                out.push_str(PROPOSED_MARK);
                let note = match reason {
                    Some(reason) => format!("Proposed by DeployPlan, not yet confirmed: {reason}"),
                    None => "Proposed by DeployPlan, not yet confirmed.".to_string(),
                };
                let label = self.note_label('P', note);
                out.push_str(&format!(" [^{label}]"));
                out.push_str(&refs);
            }
            Origin::Document => {
                if !refs.is_empty() {
                    out.push(' ');
                    out.push_str(&refs);
                }
                if let Some(reason) = reason {
                    let label = self.note_label('N', reason);
                    out.push_str(if refs.is_empty() { " " } else { "" });
                    out.push_str(&format!("[^{label}]"));
                }
            }
            Origin::User => {}
        }
        out
    }

    /// Each item's own source notes, in item order.
    fn item_references(&mut self, items: &[Item]) -> Vec<String> {
        items
            .iter()
            .map(|item| footnotes(item.sources.iter().map(|s| self.sources.cite(s)).collect()))
            .collect()
    }

    /// A Markdown table; with `item_refs`, a last column cites each row's sources.
    fn table(&mut self, columns: &[String], rows: &[Vec<String>], item_refs: Option<&[String]>) {
        let mut header: Vec<String> = columns.iter().map(|c| cell(c)).collect();
        if item_refs.is_some() {
            header.push("Source".to_string());
        }
        self.line(&format!("| {} |", header.join(" | ")));
        self.line(&format!("|{}", "---|".repeat(header.len())));
        for (index, row) in rows.iter().enumerate() {
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let mut cells: Vec<String> = (0..columns.len())
                .map(|i| {
                    row.get(i)
                        .map(|c| cell(c))
                        .filter(|c| !c.is_empty())
                        .unwrap_or_else(|| "TBD".to_string())
                })
                .collect();
            if let Some(refs) = item_refs {
                let refs = refs.get(index).cloned().unwrap_or_default();
                cells.push(if refs.is_empty() {
                    "—".to_string()
                } else {
                    refs
                });
            }
            self.line(&format!("| {} |", cells.join(" | ")));
        }
    }

    /// The diagram drawn from the answers for this sub-heading, if it has one.
    fn diagrams_after(&mut self, step: &StepDef, heading: &str, answers: &Answers) {
        if let Some(diagram) = diagram_for(&step.id, heading, answers) {
            self.line("```mermaid");
            self.out.push_str(&diagram.mermaid);
            self.line("```");
            self.line("");
            if !diagram.caption.is_empty() {
                self.line(&format!("*{}*", inline(&diagram.caption)));
                self.line("");
            }
        }
    }

    /// A value's items (list items, table rows) with their sources, each
    /// cell cut short where it was read written whole from its passage, and
    /// repeats folded ([`crate::fold`]) when each item cites its own sources.
    fn items_of(&self, value: &Value, answer: &Answer, per_item: bool) -> Vec<Item> {
        let rows = match value {
            Value::Table(rows) => rows.clone(),
            other => other.lines().into_iter().map(|line| vec![line]).collect(),
        };
        let items: Vec<Item> = rows
            .into_iter()
            .enumerate()
            .map(|(index, cells)| {
                let sources = if per_item {
                    answer.item_sources.get(index).cloned().unwrap_or_default()
                } else {
                    Vec::new()
                };
                let cited = if sources.is_empty() {
                    &answer.sources
                } else {
                    &sources
                };
                let cells = cells
                    .iter()
                    .map(|cell| self.context.completed(cell, cited))
                    .collect();
                Item { cells, sources }
            })
            .collect();
        if per_item {
            fold_repeats(items)
        } else {
            items
        }
    }

    /// The notes: every source as a footnote (document, line, heading and
    /// the passage in full), then the notes of proposals and reasons.
    fn sources_appendix(&mut self) {
        self.line(&format!("## {SOURCES_HEADING}"));
        self.line("");
        if self.sources.ordered.is_empty() && self.notes.is_empty() {
            self.line("No statement in this plan was taken from the documents.");
            return;
        }
        self.line("*Each S note is the passage of the project's documents a statement was taken from: the document, its lines, the heading it is under and its text. Each P note gives the reason for a proposal; each N note says what else the documents give.*");
        self.line("");
        let sources: Vec<String> = self
            .sources
            .ordered
            .iter()
            .enumerate()
            .map(|(index, source)| {
                let lines = if source.line_start == source.line_end {
                    format!("line {}", source.line_start)
                } else {
                    format!("lines {}–{}", source.line_start, source.line_end)
                };
                let heading = source
                    .heading
                    .rsplit(" > ")
                    .next()
                    .map(inline)
                    .filter(|h| !h.is_empty())
                    .map(|h| format!(", under “{}”", h.replace('*', "\\*")))
                    .unwrap_or_default();
                let passage = self
                    .context
                    .passage(&source.path, source.line_start, source.line_end)
                    .unwrap_or_else(|| inline(&source.excerpt));
                format!(
                    "[^S{}]: `{}`, {lines}{heading}: {}",
                    index + 1,
                    source.path.replace('`', "'"),
                    passage
                )
            })
            .collect();
        for line in sources {
            self.line(&line);
        }
        let notes: Vec<String> = self
            .notes
            .iter()
            .map(|(label, text)| format!("[^{label}]: {text}"))
            .collect();
        for line in notes {
            self.line(&line);
        }
    }
}

/// One line of Markdown text: newlines folded.
fn inline(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A block of Markdown text: kept as written, trailing space trimmed, no
/// line that would start a heading of the plan's own structure.
fn block(text: &str) -> String {
    text.trim()
        .lines()
        .map(|line| {
            if line.trim_start().starts_with('#') {
                format!("\\{}", line.trim_start())
            } else {
                line.trim_end().to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A table cell: one line, pipes escaped.
fn cell(text: &str) -> String {
    inline(text).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context() -> PlanContext {
        PlanContext {
            project_name: "Demo".into(),
            ..PlanContext::default()
        }
    }

    #[test]
    fn an_empty_plan_has_every_section_and_tbds_with_owners() {
        let plan = render_plan(&context(), &Answers::default());
        for step in plan::steps() {
            assert!(
                plan.contains(&format!("\n## {}\n", step.heading())),
                "missing {}",
                step.heading()
            );
        }
        for heading in [
            "MVP Deployment Pattern",
            "Post-MVP Deployment Pattern",
            "Feature Flags",
            "Release Cadence",
            "MVP Pipeline Stages",
            "Post-MVP Pipeline Stages",
            "MVP Pre-Deployment Checks",
            "MVP Post-Deployment Verification",
        ] {
            assert!(
                plan.contains(&format!("### {heading}\n")),
                "missing {heading}"
            );
        }
        assert!(plan.contains("TBD — owner: DevOps Engineer"));
    }

    #[test]
    fn user_text_appears_and_proposals_are_marked() {
        let mut answers = Answers::default();
        answers.set_user("s0.purpose", Value::Text("Ship the pantry app".into()));
        answers.values.insert(
            "s1.mvp_pattern".into(),
            Answer {
                value: Value::Text("Blue/Green".into()),
                origin: Origin::Proposed,
                reason: Some("99.9% availability".into()),
                sources: vec![],
                item_sources: vec![],
            },
        );
        let plan = render_plan(&context(), &answers);
        assert!(plan.contains("Ship the pantry app"));
        assert!(
            plan.contains("**Pattern for the MVP release:** Blue/Green *(proposed)* [^P1]\n"),
            "{plan}"
        );
        assert!(plan
            .contains("\n[^P1]: Proposed by DeployPlan, not yet confirmed: 99.9% availability\n"));
    }

    #[test]
    fn document_values_cite_the_sources_appendix() {
        let mut answers = Answers::default();
        let source = Source {
            path: "project_docs/a.md".into(),
            line_start: 4,
            line_end: 5,
            heading: "Stack".into(),
            excerpt: "GitHub Actions".into(),
        };
        answers.values.insert(
            "s3.ci_tool".into(),
            Answer {
                value: Value::Text("GitHub Actions".into()),
                origin: Origin::Document,
                reason: None,
                sources: vec![source],
                item_sources: vec![],
            },
        );
        let plan = render_plan(&context(), &answers);
        assert!(
            plan.contains("**CI service:** GitHub Actions [^S1]\n"),
            "{plan}"
        );
        assert!(plan
            .contains("\n[^S1]: `project_docs/a.md`, lines 4–5, under “Stack”: GitHub Actions\n"));
    }

    #[test]
    fn tables_escape_pipes_and_fill_blank_cells() {
        let mut answers = Answers::default();
        answers.set_user(
            "s2.environments",
            Value::Table(vec![vec!["Dev".into(), "a|b".into()]]),
        );
        let plan = render_plan(&context(), &answers);
        assert!(plan.contains("| Dev | a\\|b | TBD | TBD | TBD |"));
        assert!(plan.contains("```mermaid\n---\ntitle: Environment promotion\n---\nflowchart LR\n    n0[\"Dev\"]\n```"));
    }

    #[test]
    fn sources_are_footnotes_each_once_in_number_order() {
        assert_eq!(footnotes(vec![3, 1, 3, 2]), "[^S1][^S2][^S3]");
        assert_eq!(footnotes(vec![]), "");
    }

    #[test]
    fn a_document_value_with_a_reason_gets_a_note_and_equal_reasons_share_one() {
        let mut answers = Answers::default();
        for id in ["s1.mvp_pattern", "s1.mvp_pattern_why"] {
            answers.values.insert(
                id.into(),
                Answer {
                    value: Value::Text("Canary".into()),
                    origin: Origin::Proposed,
                    reason: Some("the same reason".into()),
                    sources: vec![],
                    item_sources: vec![],
                },
            );
        }
        answers.values.insert(
            "s0.mvp_launch".into(),
            Answer {
                value: Value::Text("2030-01-01".into()),
                origin: Origin::Document,
                reason: Some("also 2030-02-01".into()),
                sources: vec![],
                item_sources: vec![],
            },
        );
        let plan = render_plan(&context(), &answers);
        assert_eq!(plan.matches("\n[^P1]: ").count(), 1);
        assert!(!plan.contains("[^P2]"));
        assert!(
            plan.contains("**Why this pattern for the MVP:**\n\nCanary *(proposed)* [^P1]\n"),
            "{plan}"
        );
        assert!(
            plan.contains("**MVP launch target:** 2030-01-01 [^N1]\n"),
            "{plan}"
        );
        assert!(plan.contains("\n[^N1]: also 2030-02-01\n"));
    }

    #[test]
    fn rendering_is_deterministic() {
        let mut answers = Answers::default();
        answers.set_user(
            "s4.mvp_stages",
            Value::List(vec!["Build".into(), "Deploy \"staging\"".into()]),
        );
        assert_eq!(
            render_plan(&context(), &answers),
            render_plan(&context(), &answers)
        );
        assert!(render_plan(&context(), &answers).contains("n1[\"Deploy #quot;staging#quot;\"]"));
    }

    #[test]
    fn an_empty_plan_still_draws_every_diagram_marked_proposed() {
        let plan = render_plan(&context(), &Answers::default());
        assert!(plan.matches("```mermaid\n").count() >= 5);
        for title in [
            "title: GitOps workflow (proposed)",
            "title: Environment promotion (proposed)",
            "title: MVP pipeline (proposed)",
            "title: Rollback decision flow (proposed)",
            "title: Release timeline (proposed)",
        ] {
            assert!(plan.contains(title), "missing {title}");
        }
    }

    #[test]
    fn the_plan_opens_with_the_plan_in_brief_then_how_to_read_it() {
        let plan = render_plan(&context(), &Answers::default());
        let brief = plan.find("### The plan in brief\n").unwrap();
        let legend = plan.find("### How to read this plan\n").unwrap();
        assert!(brief < legend && legend < plan.find("\n## ").unwrap());
        assert!(
            plan.contains("🚀 MVP **Pattern for the MVP release:** TBD — owner: DevOps Engineer")
        );
        assert!(plan
            .contains("🔁 Post-MVP **Pattern for later releases:** TBD — owner: DevOps Engineer"));
    }

    #[test]
    fn list_items_and_table_rows_cite_their_own_sources() {
        let source = |line: u32| Source {
            path: "project_docs/prd.md".into(),
            line_start: line,
            line_end: line,
            heading: "Scope".into(),
            excerpt: format!("line {line}"),
        };
        let mut answers = Answers::default();
        answers.values.insert(
            "s0.mvp_scope".into(),
            Answer {
                value: Value::List(vec!["Sign-in".into(), "Booking".into()]),
                origin: Origin::Document,
                reason: None,
                sources: vec![source(3), source(9)],
                item_sources: vec![vec![source(3)], vec![source(9)]],
            },
        );
        answers.values.insert(
            "s2.environments".into(),
            Answer {
                value: Value::Table(vec![vec!["Staging".into(), "Rehearsals".into()]]),
                origin: Origin::Document,
                reason: None,
                sources: vec![source(12)],
                item_sources: vec![vec![source(12)]],
            },
        );
        let plan = render_plan(&context(), &answers);
        assert!(
            plan.contains("1. Sign-in [^S1]\n2. Booking [^S2]\n"),
            "{plan}"
        );
        assert!(plan.contains(
            "| Environment | Purpose | Provisioning | MVP scale | Full scale | Source |"
        ));
        assert!(plan.contains("| Staging | Rehearsals | TBD | TBD | TBD | [^S3] |"));
        assert!(plan.contains("*TBD cells — owner: DevOps Engineer*"));
        assert!(plan.contains("\n[^S2]: `project_docs/prd.md`, line 9, under “Scope”: line 9\n"));
    }

    #[test]
    fn a_value_cut_short_where_it_was_read_is_written_whole_from_its_passage() {
        let mut context = context();
        context.documents.insert(
            "docs/t.md".into(),
            "# Envs\n\n| Name | Purpose |\n|---|---|\n| Demo | Shows the product to buyers; it runs nightly and is reset every week. | \n".into(),
        );
        let source = Source {
            path: "docs/t.md".into(),
            line_start: 5,
            line_end: 5,
            heading: "Envs".into(),
            excerpt: "Demo | Shows the product to buyers; it runs nightly and is res…".into(),
        };
        let mut answers = Answers::default();
        answers.values.insert(
            "s2.environments".into(),
            Answer {
                value: Value::Table(vec![vec![
                    "Demo".into(),
                    "Shows the product to buyers; it runs…".into(),
                ]]),
                origin: Origin::Document,
                reason: None,
                sources: vec![source.clone()],
                item_sources: vec![vec![source]],
            },
        );
        let plan = render_plan(&context, &answers);
        assert!(
            plan.contains("| Demo | Shows the product to buyers; it runs nightly and is reset every week. | TBD |"),
            "{plan}"
        );
        assert!(plan.contains("[^S1]: `docs/t.md`, line 5, under “Envs”: Demo | Shows the product to buyers; it runs nightly and is reset every week.\n"), "{plan}");
        assert!(!plan.contains('…'));
    }

    #[test]
    fn a_scope_item_appears_once_with_the_sources_of_its_repeats() {
        let source = |line: u32| Source {
            path: "project_docs/x.md".into(),
            line_start: line,
            line_end: line,
            heading: "Scope".into(),
            excerpt: format!("line {line}"),
        };
        let mut answers = Answers::default();
        answers.values.insert(
            "s0.mvp_scope".into(),
            Answer {
                value: Value::List(vec![
                    "Booking (BK-1, BK-2) — people book a slot".into(),
                    "BK-1 — Book a slot".into(),
                    "BK-2 — Cancel a slot".into(),
                ]),
                origin: Origin::Document,
                reason: None,
                sources: vec![source(1), source(5), source(6)],
                item_sources: vec![vec![source(1)], vec![source(5)], vec![source(6)]],
            },
        );
        let plan = render_plan(&context(), &answers);
        assert!(
            plan.contains("**What the MVP contains:**\n\n1. Booking (BK-1, BK-2) — people book a slot [^S1][^S2][^S3]\n\n"),
            "{plan}"
        );
        assert!(!plan.contains("Book a slot"));
    }

    #[test]
    fn post_deployment_verification_refers_to_the_mvp_exit_criteria() {
        let plan = render_plan(&context(), &Answers::default());
        let at = plan.find("### MVP Post-Deployment Verification\n").unwrap();
        assert!(plan[at..].contains("MVP exit criteria"));
    }
}
