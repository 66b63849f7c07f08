//! The one module that talks to comrak. It owns the comrak [`Options`], turns
//! a document into an owned [`Outline`] at once (no `Node<'a>` leaves this
//! module), and renders Markdown to HTML for previews and exports.
//!
//! The outline copes with Markdown as people write it: `#` lines inside code
//! fences are not headings; a paragraph that is one whole line of **bold** is
//! read as a heading; a document with no headings at all gets its
//! plain-text `1. INTRODUCTION` lines as headings; every heading also has a
//! [`Section::name`] without its numbering, emoji and status suffix, for
//! matching. Text in code blocks is kept apart from prose.

use comrak::nodes::{AstNode, NodeValue};
use comrak::{parse_document, Arena, Options};
use serde::Serialize;

/// The comrak options used everywhere: GitHub-flavoured extensions on, and raw
/// HTML escaped so that untrusted text always renders as text.
fn options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.tasklist = true;
    options.extension.autolink = true;
    options.extension.footnotes = true;
    options.extension.front_matter_delimiter = Some("---".to_string());
    options.extension.header_id_prefix = Some(String::new());
    options.render.r#unsafe = false;
    options.render.escape = true;
    options
}

/// Renders Markdown to HTML. Raw HTML in the input is escaped, never passed
/// through, so document text cannot become markup or script.
pub fn render_html(markdown: &str) -> String {
    comrak::markdown_to_html(markdown, &options())
}

/// Renders Markdown to HTML in parts: what comes before the first level-2 or
/// level-3 heading of the document, then one part per such heading up to the
/// next. Joined, the parts are [`render_html`]'s HTML. The cut is made while
/// the tree is written (a heading node of the document's top level), never by
/// looking for tags in the text, so a heading inside a list, a quote or code
/// never starts a part. The preview replaces only the parts that changed.
pub fn render_html_parts(markdown: &str) -> Vec<String> {
    // NUL never reaches comrak's output (CommonMark replaces it in the
    // input with U+FFFD), so it can mark the cuts. The newline after it
    // keeps the heading from starting a line of its own: the line break it
    // would have written is written (or not) before the cut, as without it.
    const CUT: &str = "\0\n";
    fn cutting_formatter<'a>(
        context: &mut comrak::html::Context<()>,
        node: &'a AstNode<'a>,
        entering: bool,
    ) -> Result<comrak::html::ChildRendering, std::fmt::Error> {
        if entering {
            if let NodeValue::Heading(heading) = &node.data().value {
                let top_level = node
                    .parent()
                    .is_some_and(|parent| matches!(parent.data().value, NodeValue::Document));
                if top_level && matches!(heading.level, 2 | 3) {
                    context.cr()?;
                    std::fmt::Write::write_str(context, CUT)?;
                }
            }
        }
        comrak::html::format_node_default(context, node, entering)
    }
    let arena = Arena::new();
    let options = options();
    let root = parse_document(&arena, markdown, &options);
    let mut html = String::new();
    let written = comrak::html::format_document_with_formatter(
        root,
        &options,
        &mut html,
        &comrak::options::Plugins::default(),
        cutting_formatter,
        (),
    );
    if written.is_err() {
        return vec![render_html(markdown)];
    }
    html.split(CUT).map(str::to_string).collect()
}

/// A heading of a document, with where its section starts and ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Heading text without the `#` marks, as written.
    pub title: String,
    /// The title for matching: lower case, without numbering (`3.1`, `B.`),
    /// emoji, status suffixes (`✅ (Done)`) or a trailing colon.
    pub name: String,
    /// 1 to 6 for real headings; a bold-line heading sits one level below
    /// the heading it belongs to (at most 7).
    pub level: u8,
    /// Titles from the top heading down to this one.
    pub path: Vec<String>,
    /// 1-based first line (the heading line).
    pub line_start: u32,
    /// 1-based last line of the section, before the next heading of the same or a higher level.
    pub line_end: u32,
    /// True when the heading is not a Markdown heading but a whole-line bold
    /// paragraph, or a plain-text `1. INTRODUCTION` line.
    pub implicit: bool,
    /// Index of the enclosing section.
    pub parent: Option<usize>,
}

/// What kind of block a piece of text came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    ListItem,
    /// A table row; `header` is true for the table's first (heading) row.
    TableRow {
        cells: Vec<String>,
        header: bool,
    },
    Code {
        info: String,
    },
}

/// A piece of a document's text, kept with its lines and section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    #[serde(flatten)]
    pub kind: BlockKind,
    /// The text, inline markup removed; line breaks inside a paragraph kept as `\n`.
    pub text: String,
    pub line_start: u32,
    pub line_end: u32,
    /// Index into [`Outline::sections`] of the innermost enclosing section.
    pub section: Option<usize>,
    /// The bold lead of a `**Field:** value` paragraph or item, without the
    /// colon; `text` then holds the whole line, label included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// List nesting depth for list items (1 for a top-level item), 0 otherwise.
    pub depth: u8,
    /// Blocks of the same list or table share a group number; paragraphs and
    /// code blocks each get their own.
    pub group: u32,
}

impl Block {
    /// The text after the label (`**Field:** value` → `value`), or the whole text.
    pub fn value_text(&self) -> &str {
        match &self.label {
            Some(label) => strip_label(&self.text, label),
            None => &self.text,
        }
    }
}

fn strip_label<'t>(text: &'t str, label: &str) -> &'t str {
    let Some(rest) = text.trim_start().strip_prefix(label) else {
        return text;
    };
    rest.trim_start_matches(|c: char| {
        c == ':' || c == '*' || c == '-' || c == '–' || c.is_whitespace()
    })
}

/// A document parsed once: its sections and its text blocks, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Outline {
    pub sections: Vec<Section>,
    pub blocks: Vec<Block>,
}

impl Outline {
    /// The heading path of a block, joined with ` > `.
    pub fn heading_of(&self, block: &Block) -> String {
        block
            .section
            .map(|index| self.heading_path(index))
            .unwrap_or_default()
    }

    /// The heading path of a section, joined with ` > `.
    pub fn heading_path(&self, section: usize) -> String {
        self.sections
            .get(section)
            .map(|s| s.path.join(" > "))
            .unwrap_or_default()
    }

    /// The section and its ancestors, innermost first.
    pub fn ancestors(&self, section: Option<usize>) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut current = section;
        while let Some(index) = current {
            chain.push(index);
            current = self
                .sections
                .get(index)
                .and_then(|s| s.parent)
                .filter(|&parent| parent < index);
        }
        chain
    }

    /// The document's title: its first level-1 heading, else its first heading.
    pub fn title(&self) -> Option<&str> {
        self.sections
            .iter()
            .find(|s| s.level == 1 && !s.implicit)
            .or_else(|| self.sections.iter().find(|s| !s.implicit))
            .map(|s| s.title.as_str())
    }
}

/// Parses a document into its outline. Never fails: anything comrak accepts
/// (which is any text) gives an outline.
pub fn parse_outline(text: &str) -> Outline {
    let arena = Arena::new();
    let options = options();
    let root = parse_document(&arena, text, &options);
    let total_lines = count_lines(text);
    let has_headings = root
        .descendants()
        .any(|node| matches!(node.data().value, NodeValue::Heading(_)));
    let mut builder = Builder {
        outline: Outline::default(),
        stack: Vec::new(),
        total_lines,
        has_headings,
        group: 0,
    };
    builder.walk(root);
    builder.outline
}

fn count_lines(text: &str) -> u32 {
    let lines = text.lines().count().max(1);
    u32::try_from(lines).unwrap_or(u32::MAX)
}

struct Builder {
    outline: Outline,
    /// Open sections, outermost first.
    stack: Vec<usize>,
    total_lines: u32,
    has_headings: bool,
    group: u32,
}

/// One visual line of a paragraph: its text and whether it opens with bold.
struct InlineLine {
    text: String,
    /// The bold lead, when the line starts with bold text.
    bold_lead: Option<String>,
    /// True when the line is nothing but bold text (and maybe a colon).
    all_bold: bool,
}

impl Builder {
    fn next_group(&mut self) -> u32 {
        self.group += 1;
        self.group
    }

    fn walk<'a>(&mut self, root: &'a AstNode<'a>) {
        // An explicit stack instead of recursion: deeply nested input must not
        // overflow ours.
        let mut pending: Vec<(&'a AstNode<'a>, u8)> = vec![(root, 0)];
        let mut list_groups: std::collections::HashMap<usize, u32> =
            std::collections::HashMap::new();
        while let Some((node, depth)) = pending.pop() {
            let (line_start, line_end) = {
                let data = node.data();
                let start = data.sourcepos.start.line.max(1);
                let end = data.sourcepos.end.line.max(start);
                (to_u32(start), to_u32(end))
            };
            let mut descend = true;
            let mut child_depth = depth;
            let data = node.data();
            match &data.value {
                NodeValue::Heading(heading) => {
                    let title = inline_text(node).trim().to_string();
                    self.open_section(title, heading.level, line_start, false);
                    descend = false;
                }
                NodeValue::Paragraph => {
                    let in_item = node.parent().is_some_and(|p| {
                        matches!(p.data().value, NodeValue::Item(_) | NodeValue::TaskItem(_))
                    });
                    if !in_item {
                        self.paragraph(node, line_start, line_end);
                    }
                    descend = false;
                }
                NodeValue::List(_) => {
                    child_depth = depth.saturating_add(1);
                }
                NodeValue::Item(_) | NodeValue::TaskItem(_) => {
                    let parent_id = node.parent().map(|p| p as *const _ as usize).unwrap_or(0);
                    let group = match list_groups.get(&parent_id) {
                        Some(group) => *group,
                        None => {
                            let group = self.next_group();
                            list_groups.insert(parent_id, group);
                            group
                        }
                    };
                    self.item(node, depth.max(1), group, line_start, line_end);
                    child_depth = depth;
                }
                NodeValue::Table(_) => {
                    let group = self.next_group();
                    for row in node.children() {
                        let (start, end) = {
                            let data = row.data();
                            (
                                to_u32(data.sourcepos.start.line.max(1)),
                                to_u32(data.sourcepos.end.line.max(1)),
                            )
                        };
                        let header = matches!(row.data().value, NodeValue::TableRow(true));
                        let cells: Vec<String> = row
                            .children()
                            .map(|cell| inline_text(cell).trim().to_string())
                            .collect();
                        let text = cells.join(" | ");
                        self.push(
                            BlockKind::TableRow { cells, header },
                            text,
                            start,
                            end.max(start),
                            None,
                            0,
                            group,
                        );
                    }
                    descend = false;
                }
                NodeValue::CodeBlock(code) => {
                    let group = self.next_group();
                    self.push(
                        BlockKind::Code {
                            info: code.info.clone(),
                        },
                        code.literal.clone(),
                        line_start,
                        line_end,
                        None,
                        0,
                        group,
                    );
                    descend = false;
                }
                NodeValue::HtmlBlock(_) | NodeValue::FrontMatter(_) => descend = false,
                _ => {}
            }
            if descend {
                let children: Vec<_> = node.children().collect();
                for child in children.into_iter().rev() {
                    pending.push((child, child_depth));
                }
            }
        }
    }

    fn open_section(&mut self, title: String, level: u8, line_start: u32, implicit: bool) {
        while let Some(&top) = self.stack.last() {
            if self.outline.sections[top].level >= level {
                let section = &mut self.outline.sections[top];
                section.line_end = line_start.saturating_sub(1).max(section.line_start);
                self.stack.pop();
            } else {
                break;
            }
        }
        let mut path: Vec<String> = self
            .stack
            .iter()
            .map(|&i| self.outline.sections[i].title.clone())
            .collect();
        path.push(title.clone());
        let name = normalize_heading(&title);
        let parent = self.stack.last().copied();
        self.outline.sections.push(Section {
            title,
            name,
            level,
            path,
            line_start,
            line_end: self.total_lines,
            implicit,
            parent,
        });
        self.stack.push(self.outline.sections.len() - 1);
    }

    /// The level a bold-line heading gets: one below the innermost real heading.
    fn implicit_level(&self) -> u8 {
        let real = self
            .stack
            .iter()
            .rev()
            .map(|&i| &self.outline.sections[i])
            .find(|s| !s.implicit)
            .map(|s| s.level)
            .unwrap_or(0);
        (real + 1).min(7)
    }

    #[allow(clippy::too_many_arguments)] // reason: a block is built from exactly these parts
    fn push(
        &mut self,
        kind: BlockKind,
        text: String,
        line_start: u32,
        line_end: u32,
        label: Option<String>,
        depth: u8,
        group: u32,
    ) {
        let section = self.stack.last().copied();
        self.outline.blocks.push(Block {
            kind,
            text,
            line_start,
            line_end,
            section,
            label,
            depth,
            group,
        });
    }

    fn paragraph<'a>(&mut self, node: &'a AstNode<'a>, line_start: u32, line_end: u32) {
        let lines = inline_lines(node);
        let mut index = 0;
        // A first line of nothing but bold is a heading in disguise.
        if let Some(first) = lines.first() {
            if first.all_bold && is_heading_like(&first.text) {
                let title = first.text.trim().trim_end_matches(':').trim().to_string();
                let level = self.implicit_level();
                self.open_section(title, level, line_start, true);
                index = 1;
            } else if !self.has_headings && lines.len() == 1 {
                if let Some(level) = plain_heading_level(&first.text) {
                    self.open_section(first.text.trim().to_string(), level, line_start, true);
                    return;
                }
            }
        }
        // Split the rest into one block per `**Field:** value` line; other
        // lines stay with the paragraph they continue.
        let mut current: Option<(String, u32, Option<String>)> = None;
        let group = self.next_group();
        while index < lines.len() {
            let line = &lines[index];
            let number = line_start
                .saturating_add(to_u32(index))
                .min(line_end.max(line_start));
            let starts_field = line.bold_lead.is_some();
            match current.as_mut() {
                Some((text, _, _)) if !starts_field => {
                    text.push('\n');
                    text.push_str(&line.text);
                }
                _ => {
                    if let Some((text, start, label)) = current.take() {
                        let end = number.saturating_sub(1).max(start);
                        self.push(BlockKind::Paragraph, text, start, end, label, 0, group);
                    }
                    let label = line.bold_lead.as_ref().map(|lead| clean_label(lead));
                    current = Some((line.text.clone(), number, label));
                }
            }
            index += 1;
        }
        if let Some((text, start, label)) = current {
            self.push(
                BlockKind::Paragraph,
                text,
                start,
                line_end.max(start),
                label,
                0,
                group,
            );
        }
    }

    fn item<'a>(
        &mut self,
        node: &'a AstNode<'a>,
        depth: u8,
        group: u32,
        line_start: u32,
        line_end: u32,
    ) {
        // The item's own text: its paragraphs, not nested lists.
        let mut text = String::new();
        let mut label = None;
        for child in node.children() {
            if !matches!(child.data().value, NodeValue::Paragraph) {
                continue;
            }
            let lines = inline_lines(child);
            if text.is_empty() {
                label = lines
                    .first()
                    .and_then(|l| l.bold_lead.as_ref())
                    .map(|lead| clean_label(lead));
            }
            for line in lines {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&line.text);
            }
        }
        // Own lines end where the first nested block starts.
        let own_end = node
            .children()
            .filter(|child| !matches!(child.data().value, NodeValue::Paragraph))
            .map(|child| to_u32(child.data().sourcepos.start.line).saturating_sub(1))
            .next()
            .unwrap_or(line_end)
            .max(line_start);
        if !self.has_headings && depth == 1 && node.children().count() == 1 {
            if let Some(level) = plain_heading_level(&text) {
                let marker = list_marker(node);
                self.open_section(format!("{marker}{}", text.trim()), level, line_start, true);
                return;
            }
        }
        self.push(
            BlockKind::ListItem,
            text,
            line_start,
            own_end,
            label,
            depth,
            group,
        );
    }
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

fn list_marker<'a>(node: &'a AstNode<'a>) -> String {
    match &node.data().value {
        NodeValue::Item(list) if list.list_type == comrak::nodes::ListType::Ordered => {
            format!("{}. ", list.start)
        }
        _ => String::new(),
    }
}

/// Text of a node's inlines, breaks as spaces.
fn inline_text<'a>(node: &'a AstNode<'a>) -> String {
    let mut out = String::new();
    let mut stack = vec![node];
    while let Some(current) = stack.pop() {
        match &current.data().value {
            NodeValue::Text(literal) => out.push_str(literal),
            NodeValue::Code(code) => out.push_str(&code.literal),
            NodeValue::LineBreak | NodeValue::SoftBreak => out.push(' '),
            NodeValue::HtmlInline(_) => {}
            _ => stack.extend(current.reverse_children()),
        }
    }
    out
}

/// A paragraph's inlines as lines, each knowing whether it opens with bold.
fn inline_lines<'a>(paragraph: &'a AstNode<'a>) -> Vec<InlineLine> {
    let mut lines = vec![InlineLine {
        text: String::new(),
        bold_lead: None,
        all_bold: true,
    }];
    for child in paragraph.children() {
        let data = child.data();
        let Some(line) = lines.last_mut() else { break };
        match &data.value {
            NodeValue::SoftBreak | NodeValue::LineBreak => {
                lines.push(InlineLine {
                    text: String::new(),
                    bold_lead: None,
                    all_bold: true,
                });
            }
            NodeValue::Strong => {
                let strong = inline_text(child);
                if line.text.trim().is_empty() {
                    line.bold_lead = Some(strong.clone());
                } else if !strong.trim().is_empty() {
                    line.all_bold = false;
                }
                line.text.push_str(&strong);
            }
            other => {
                let piece = match other {
                    NodeValue::Text(literal) => literal.to_string(),
                    NodeValue::Code(code) => code.literal.clone(),
                    NodeValue::HtmlInline(_) => String::new(),
                    _ => inline_text(child),
                };
                let only_punctuation = piece
                    .trim()
                    .chars()
                    .all(|c| matches!(c, ':' | '.' | '-' | '–'));
                if !(piece.trim().is_empty() || only_punctuation && line.bold_lead.is_some()) {
                    line.all_bold = false;
                }
                line.text.push_str(&piece);
            }
        }
    }
    for line in &mut lines {
        if line.bold_lead.is_none() {
            line.all_bold = false;
        }
    }
    lines.retain(|line| !line.text.trim().is_empty());
    lines
}

fn clean_label(lead: &str) -> String {
    lead.trim()
        .trim_end_matches([':', '-', '–'])
        .trim()
        .to_string()
}

/// A short bold line can be a heading; a bold sentence cannot.
fn is_heading_like(text: &str) -> bool {
    let trimmed = text.trim();
    let chars = trimmed.chars().count();
    (2..=100).contains(&chars)
        && trimmed.chars().any(char::is_alphabetic)
        && !trimmed.ends_with('.')
}

/// `1. INTRODUCTION`, `2.3 SCOPE OF WORK` or `OVERVIEW`: a plain-text
/// heading, with its level from the depth of its numbering.
fn plain_heading_level(text: &str) -> Option<u8> {
    let trimmed = text.trim();
    if trimmed.contains('\n') || trimmed.chars().count() > 80 {
        return None;
    }
    let number_end = trimmed
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(trimmed.len());
    let (number, words) = trimmed.split_at(number_end);
    let words = words.trim();
    let letters: Vec<char> = words.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 3 || letters.iter().any(|c| c.is_lowercase()) {
        return None;
    }
    let depth = number
        .split('.')
        .filter(|part| !part.is_empty())
        .count()
        .max(1);
    Some(u8::try_from(depth.min(6)).unwrap_or(6))
}

/// Status words removed from the end of a heading that carries an emoji or
/// a bracketed status.
const STATUS_WORDS: &[&str] = &[
    "done",
    "complete",
    "completed",
    "in progress",
    "wip",
    "todo",
    "to do",
    "pending",
    "blocked",
    "draft",
    "ok",
    "deprecated",
    "new",
    "updated",
    "optional",
    "partial",
    "started",
    "not started",
];

/// The title for matching: lower case; numbering, emoji, status suffixes and
/// trailing punctuation removed; spaces collapsed.
pub fn normalize_heading(title: &str) -> String {
    let mut had_symbol = false;
    let mut cleaned = String::with_capacity(title.len());
    for c in title.chars() {
        if c.is_alphanumeric() || c.is_whitespace() || "&/-:()[]'.,+#".contains(c) {
            cleaned.push(c);
        } else {
            had_symbol = true;
            cleaned.push(' ');
        }
    }
    let mut text = cleaned.trim().to_lowercase();
    text = strip_numbering(&text).to_string();
    loop {
        let before = text.len();
        let trimmed = text
            .trim_end()
            .trim_end_matches([':', '.', ',', '-'])
            .trim_end()
            .to_string();
        text = trimmed;
        for (open, close) in [('(', ')'), ('[', ']')] {
            if text.ends_with(close) {
                if let Some(start) = text.rfind(open) {
                    let inner = text[start + 1..text.len() - 1].trim();
                    if STATUS_WORDS.contains(&inner) {
                        text.truncate(start);
                    }
                }
            }
        }
        if had_symbol {
            for word in STATUS_WORDS {
                if let Some(head) = text.strip_suffix(word) {
                    if head.ends_with(' ') {
                        text = head.trim_end().to_string();
                    }
                }
            }
        }
        if text.len() == before {
            break;
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes `3.1`, `3.1.`, `3)`, `B.`, `IV.`, `Section 3:`, `Step 2 -` from the start.
fn strip_numbering(text: &str) -> &str {
    let mut rest = text.trim_start();
    for prefix in ["section ", "chapter ", "part ", "appendix "] {
        if let Some(after) = rest.strip_prefix(prefix) {
            if after.starts_with(|c: char| c.is_ascii_digit() || c.is_ascii_alphabetic()) {
                let token_end = after.find(char::is_whitespace).unwrap_or(after.len());
                let token = &after[..token_end];
                if token.len() <= 6
                    && token
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || ".:)-".contains(c))
                {
                    return after[token_end..]
                        .trim_start_matches([':', '-', '.', ' '])
                        .trim_start();
                }
            }
        }
    }
    let token_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let token = &rest[..token_end];
    let numeric = !token.is_empty()
        && token.chars().any(|c| c.is_ascii_digit())
        && token
            .chars()
            .all(|c| c.is_ascii_digit() || ".)".contains(c));
    let lettered = token.len() == 2
        && token.ends_with(['.', ')'])
        && token.starts_with(|c: char| c.is_ascii_alphabetic());
    let roman = token.len() >= 2
        && token.ends_with('.')
        && token[..token.len() - 1]
            .chars()
            .all(|c| "ivxlc".contains(c));
    if (numeric || lettered || roman) && token_end < rest.len() {
        rest = rest[token_end..].trim_start();
    }
    rest
}

#[cfg(test)]
mod tests {
    #[test]
    fn html_parts_cut_before_each_section_heading_and_join_to_the_whole() {
        let plan = "# Plan\n\nlegend\n\n## 0. Intro\n\na\n\n## 1. Strategy\n\nb\n";
        let parts = render_html_parts(plan);
        assert_eq!(parts.len(), 3, "{parts:?}");
        assert!(parts[0].starts_with("<h1") && parts[0].contains("legend"));
        assert!(parts[1].starts_with("<h2") && parts[1].contains("0. Intro"));
        assert!(parts[2].starts_with("<h2") && parts[2].contains("1. Strategy"));
        assert_eq!(parts.concat(), render_html(plan));
    }

    #[test]
    fn html_parts_cut_before_sub_section_headings_but_not_deeper_ones() {
        let plan = "## 1. A\n\na\n\n### Workflow\n\nb\n\n#### detail\n\nc\n";
        let parts = render_html_parts(plan);
        assert_eq!(parts.len(), 3, "{parts:?}");
        assert_eq!(parts[0], "", "nothing before the first heading");
        assert!(parts[1].starts_with("<h2"));
        assert!(parts[2].starts_with("<h3") && parts[2].contains("<h4"));
        assert_eq!(parts.concat(), render_html(plan));
    }

    #[test]
    fn html_parts_do_not_cut_at_escaped_text_code_or_nested_headings() {
        let plan = "## 1. A\n\n```\n<h3>not a heading\n## nor this\n```\n\n<h2>raw</h2>\n\n> ## quoted heading\n\n- ### heading in a list\n";
        let parts = render_html_parts(plan);
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert_eq!(parts.concat(), render_html(plan));
    }

    #[test]
    fn an_empty_plan_is_one_empty_part() {
        assert_eq!(render_html_parts(""), [""]);
    }

    #[test]
    fn footnotes_stay_with_the_last_part_and_keep_their_numbers() {
        let plan = "## A\n\nx [^S1]\n\n## B\n\ny [^S2]\n\n[^S1]: one\n[^S2]: two\n";
        let parts = render_html_parts(plan);
        assert_eq!(parts.concat(), render_html(plan));
        assert!(parts.last().unwrap().contains("data-footnotes"));
    }

    use super::*;

    fn titles(outline: &Outline) -> Vec<&str> {
        outline.sections.iter().map(|s| s.title.as_str()).collect()
    }

    #[test]
    fn hash_lines_inside_fences_are_not_headings() {
        let outline =
            parse_outline("# Title\n\n```yaml\n# comment\nkey: 1\n```\n\n## Next\ntext\n");
        assert_eq!(titles(&outline), ["Title", "Next"]);
        assert!(outline
            .blocks
            .iter()
            .any(|b| matches!(&b.kind, BlockKind::Code { info } if info == "yaml")));
    }

    #[test]
    fn sections_know_their_path_and_lines() {
        let outline = parse_outline("# A\n\n## B\n\npara\n\n## C\n\n- item\n");
        let b = &outline.sections[1];
        assert_eq!(b.path, ["A", "B"]);
        assert_eq!((b.line_start, b.line_end), (3, 6));
        let item = outline
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::ListItem)
            .unwrap();
        assert_eq!(outline.heading_of(item), "A > C");
        assert_eq!(item.line_start, 9);
    }

    #[test]
    fn raw_html_renders_as_text() {
        let html = render_html("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>");
        assert!(!html.contains("<script>"));
        assert!(!html.contains("<img"));
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn a_whole_bold_line_is_read_as_a_heading_below_the_current_one() {
        let outline = parse_outline(
            "## Requirements\n\n**Functional:**\n\n- one\n\n**Non-Functional:**\n\n- two\n",
        );
        assert_eq!(
            titles(&outline),
            ["Requirements", "Functional", "Non-Functional"]
        );
        let second = &outline.sections[2];
        assert!(second.implicit);
        assert_eq!(second.level, 3);
        assert_eq!(second.path, ["Requirements", "Non-Functional"]);
        let item = outline.blocks.iter().find(|b| b.text == "two").unwrap();
        assert_eq!(outline.heading_of(item), "Requirements > Non-Functional");
    }

    #[test]
    fn a_bold_line_followed_by_text_heads_that_text() {
        let outline = parse_outline("# Epics\n\n**Epic 1: Foundation**\nBuild the base.\n");
        assert_eq!(titles(&outline), ["Epics", "Epic 1: Foundation"]);
        let block = &outline.blocks[0];
        assert_eq!(block.text, "Build the base.");
        assert_eq!(block.line_start, 4);
    }

    #[test]
    fn field_lines_of_one_paragraph_become_separate_blocks_with_labels() {
        let outline = parse_outline(
            "# Stack\n\n**Frontend:** React\n**CI/CD:** GitHub Actions\nrunning on every push\n",
        );
        let blocks: Vec<_> = outline
            .blocks
            .iter()
            .map(|b| (b.label.clone(), b.line_start, b.value_text().to_string()))
            .collect();
        assert_eq!(
            blocks,
            [
                (Some("Frontend".to_string()), 3, "React".to_string()),
                (
                    Some("CI/CD".to_string()),
                    4,
                    "GitHub Actions\nrunning on every push".to_string()
                ),
            ]
        );
    }

    #[test]
    fn numbered_emoji_and_status_headings_have_plain_names() {
        assert_eq!(normalize_heading("3.1 Scope ✅ (Done)"), "scope");
        assert_eq!(
            normalize_heading("Phase 1: Foundation ✅ COMPLETE"),
            "phase 1: foundation"
        );
        assert_eq!(
            normalize_heading("🚀 Release Criteria:"),
            "release criteria"
        );
        assert_eq!(
            normalize_heading("B. Stakeholder Input"),
            "stakeholder input"
        );
        assert_eq!(
            normalize_heading("Section 4: Test Environments"),
            "test environments"
        );
        assert_eq!(
            normalize_heading("Definition of Done"),
            "definition of done"
        );
        assert_eq!(normalize_heading("IV. Risks"), "risks");
    }

    #[test]
    fn a_document_without_headings_gets_its_capitalised_lines_as_headings() {
        let text = "1. INTRODUCTION\n\nThis is the intro.\n\n2. TEST ENVIRONMENTS\n\nStaging mirrors production.\n\n2.1 EXIT CRITERIA\n\nAll green.\n";
        let outline = parse_outline(text);
        assert_eq!(
            titles(&outline),
            [
                "1. INTRODUCTION",
                "2. TEST ENVIRONMENTS",
                "2.1 EXIT CRITERIA"
            ]
        );
        assert_eq!(
            outline.sections[2].path,
            ["2. TEST ENVIRONMENTS", "2.1 EXIT CRITERIA"]
        );
        assert_eq!(outline.sections[1].name, "test environments");
        let last = outline.blocks.last().unwrap();
        assert_eq!(
            outline.heading_of(last),
            "2. TEST ENVIRONMENTS > 2.1 EXIT CRITERIA"
        );
    }

    #[test]
    fn capitalised_lines_stay_text_when_the_document_has_headings() {
        let outline = parse_outline("# Title\n\nNOTE WELL\n");
        assert_eq!(titles(&outline), ["Title"]);
    }

    #[test]
    fn crlf_and_front_matter_keep_line_numbers_right() {
        let outline = parse_outline("---\r\ntitle: x\r\n---\r\n# Head\r\n\r\ntext\r\n");
        assert_eq!(titles(&outline), ["Head"]);
        assert_eq!(outline.sections[0].line_start, 4);
        let block = &outline.blocks[0];
        assert_eq!((block.text.as_str(), block.line_start), ("text", 6));
    }

    #[test]
    fn nested_list_items_know_their_depth_and_share_a_group_per_list() {
        let outline = parse_outline("- a\n  - a1\n  - a2\n- b\n");
        let items: Vec<_> = outline
            .blocks
            .iter()
            .map(|b| (b.text.as_str(), b.depth, b.line_end))
            .collect();
        assert_eq!(
            items,
            [("a", 1, 1), ("a1", 2, 2), ("a2", 2, 3), ("b", 1, 4)]
        );
        assert_eq!(outline.blocks[0].group, outline.blocks[3].group);
        assert_ne!(outline.blocks[0].group, outline.blocks[1].group);
    }

    #[test]
    fn table_rows_know_the_header() {
        let outline = parse_outline("| Tool | Use |\n|---|---|\n| Terraform | IaC |\n");
        let rows: Vec<_> = outline.blocks.iter().map(|b| b.kind.clone()).collect();
        assert_eq!(
            rows,
            [
                BlockKind::TableRow {
                    cells: vec!["Tool".into(), "Use".into()],
                    header: true
                },
                BlockKind::TableRow {
                    cells: vec!["Terraform".into(), "IaC".into()],
                    header: false
                },
            ]
        );
    }

    #[test]
    fn deeply_nested_input_does_not_overflow_the_stack() {
        let text = "> ".repeat(5000) + "deep\n";
        let outline = parse_outline(&text);
        assert!(outline.blocks.iter().any(|b| b.text.contains("deep")));
    }
}
