//! Reading facts (PRODUCT.md §3) out of parsed documents, each with its sources.
//!
//! Every document is read, whatever its role: a role says which subjects a
//! document speaks for (a TEST document's "Exit Criteria"), and a document
//! with no role is read for every subject, its facts citing it like any
//! other. Only prose, list items and table rows are read — never code
//! blocks or headings' own words. Each matcher lives in its own module:
//! [`tools`] for the tool and platform keys (decisions kept apart from
//! alternatives and negations, which become hints), [`nfr`] for service
//! levels, [`lists`] for the one-fact-per-item keys, [`timeline`] for the
//! launch date and milestones, [`procedures`] for the release cadence and
//! rollback triggers. [`report`] shapes the result for the CLI.
//!
//! Output is deterministic: facts are ordered by key (in the order of
//! PRODUCT.md §3), then by where they were first read.

pub mod conflicts;
pub mod lexicon;
pub mod lists;
pub mod nfr;
pub mod procedures;
pub mod report;
pub mod timeline;
pub mod tools;
pub mod vocabulary;

use crate::markdown::{Block, BlockKind};
use crate::model::{Fact, Role, Source};
use crate::project::LoadedDocument;
use regex::Regex;
use std::collections::HashMap;

/// Every fact key, in the order of PRODUCT.md §3 (and of the output).
pub const KEYS: &[&str] = &[
    "project.name",
    "cloud.provider",
    "hosting.platform",
    "container.orchestrator",
    "container.used",
    "iac.tool",
    "gitops.tool",
    "ci.tool",
    "db.engine",
    "db.migration_tool",
    "frontend.framework",
    "backend.framework",
    "cdn",
    "messaging.broker",
    "storage.object",
    "web.server",
    "feature_flags.tool",
    "observability.tool",
    "secrets.store",
    "security.scanner",
    "policy.tool",
    "compliance",
    "nfr.availability",
    "nfr.latency",
    "nfr.rto",
    "nfr.rpo",
    "nfr.zero_downtime",
    "timeline.mvp_launch",
    "timeline.milestone",
    "mvp.scope_item",
    "postmvp.increment",
    "release.criterion",
    "release.cadence",
    "rollback.trigger",
    "test.exit_criterion",
    "test.environment",
    "stakeholder.role",
];

/// Keys where weak readings are dropped once a strong one exists: one
/// launch date said of the MVP beats dated releases met in a timeline.
/// A sprint length stands for a release cadence only where none is stated.
const PREFER_SURE: &[&str] = &["timeline.mvp_launch", "release.cadence"];

/// Longest excerpt kept in a source, in characters.
pub const EXCERPT_CHARS: usize = 200;
/// Most sources kept per fact (the earliest ones).
const MAX_SOURCES: usize = 8;

/// Facts and hints read from a set of documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    /// What the documents state as this project's decisions and requirements.
    pub facts: Vec<Fact>,
    /// Alternatives, examples and rejected options the documents mention:
    /// shown as hints, never as facts.
    pub hints: Vec<Fact>,
}

/// Extracts every fact the documents state, in a stable order.
pub fn extract_facts(documents: &[LoadedDocument]) -> Vec<Fact> {
    extract(documents).facts
}

/// Extracts facts and hints from every document.
pub fn extract(documents: &[LoadedDocument]) -> Extraction {
    let mut collector = Collector::default();
    let readers: Vec<DocumentReader<'_>> = documents
        .iter()
        .enumerate()
        .map(|(index, loaded)| DocumentReader::new(index, loaded.document.role, loaded))
        .collect();
    for reader in &readers {
        tools::read(reader, &mut collector);
        nfr::read(reader, &mut collector);
        timeline::read(reader, &mut collector);
        lists::read(reader, &mut collector);
        procedures::read(reader, &mut collector);
    }
    // Criteria the owning roles do not state may still be in other documents.
    for (key, _) in lists::CRITERIA {
        if !collector.has_key(key) {
            for reader in readers.iter().filter(|r| {
                r.role.is_some_and(|role| {
                    !lists::owns(role, key) && lists::FALLBACK_ROLES.contains(&role)
                })
            }) {
                lists::criteria(reader, &mut collector, key);
            }
        }
    }
    project_name(documents, &mut collector);
    collector.finish()
}

/// How sure a reading is: a decision stated in a labelled field or a
/// fitting section is strong; one met in passing is weak; an alternative,
/// example or negation is a hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    Hint,
    Weak,
    Strong,
}

#[derive(Debug, Clone)]
struct Entry {
    key: usize,
    value: String,
    strength: Strength,
    /// Document index, line, sequence: where it was first read.
    order: (usize, u32, usize),
    sources: Vec<Source>,
}

/// Gathers readings, merging the same key and value into one fact with
/// several sources.
#[derive(Debug, Default)]
pub struct Collector {
    entries: Vec<Entry>,
    index: HashMap<(usize, String, bool), usize>,
    sequence: usize,
    /// IDs of list items already read, per key (a story in the PRD and in
    /// its own file is one item).
    ids: std::collections::HashSet<(String, String)>,
}

impl Collector {
    /// Records that `key` has `value`, read at `source` with `strength`.
    pub fn add(
        &mut self,
        key: &str,
        value: &str,
        strength: Strength,
        document: usize,
        source: Source,
    ) {
        self.add_with(key, value, strength, document, || source);
    }

    /// Like [`Collector::add`], building the source only when it is kept
    /// (a fact keeps at most eight), which saves work on repetitive text.
    pub fn add_with(
        &mut self,
        key: &str,
        value: &str,
        strength: Strength,
        document: usize,
        source: impl FnOnce() -> Source,
    ) {
        let Some(key_index) = KEYS.iter().position(|k| *k == key) else {
            return;
        };
        // Inline HTML (`<a id="x"></a>` anchors) is markup, not part of a value.
        let stripped = crate::pattern!(r"<(/?[a-z][a-z0-9]*)(\s[^<>]*)?/?>").replace_all(value, "");
        let value = stripped.trim();
        if value.is_empty() {
            return;
        }
        let identity = (key_index, normalize(value), strength == Strength::Hint);
        self.sequence += 1;
        match self.index.get(&identity) {
            Some(&at) => {
                let entry = &mut self.entries[at];
                entry.strength = entry.strength.max(strength);
                if entry.sources.len() < MAX_SOURCES {
                    let source = source();
                    if !entry.sources.contains(&source) {
                        entry.sources.push(source);
                    }
                }
            }
            None => {
                let source = source();
                self.index.insert(identity, self.entries.len());
                self.entries.push(Entry {
                    key: key_index,
                    value: value.to_string(),
                    strength,
                    order: (document, source.line_start, self.sequence),
                    sources: vec![source],
                });
            }
        }
    }

    /// Whether the item `id` of `key` is met for the first time in any
    /// document (and remembers it).
    pub fn first_time(&mut self, key: &str, id: &str) -> bool {
        self.ids.insert((key.to_string(), id.to_lowercase()))
    }

    /// Whether any decision (not a hint) for `key` was recorded.
    pub fn has_key(&self, key: &str) -> bool {
        self.entries
            .iter()
            .any(|e| KEYS[e.key] == key && e.strength != Strength::Hint)
    }

    /// Whether a decision (not a hint) for `key` with `value` was recorded.
    pub fn has_fact(&self, key: &str, value: &str) -> bool {
        KEYS.iter()
            .position(|k| *k == key)
            .is_some_and(|key_index| {
                self.index
                    .contains_key(&(key_index, normalize(value), false))
            })
    }

    fn finish(mut self) -> Extraction {
        tools::settle(&mut self.entries_view());
        // Where a key has a sure reading, likely ones give way to it.
        for key in PREFER_SURE {
            let Some(key_index) = KEYS.iter().position(|k| k == key) else {
                continue;
            };
            if self
                .entries
                .iter()
                .any(|e| e.key == key_index && e.strength == Strength::Strong)
            {
                self.entries
                    .retain(|e| e.key != key_index || e.strength != Strength::Weak);
            }
        }
        self.entries.sort_by_key(|entry| (entry.key, entry.order));
        let mut facts = Vec::new();
        let mut hints: Vec<Fact> = Vec::new();
        let decided: std::collections::HashSet<(usize, String)> = self
            .entries
            .iter()
            .filter(|e| e.strength != Strength::Hint)
            .map(|e| (e.key, normalize(&e.value)))
            .collect();
        for entry in self.entries {
            let fact = Fact {
                key: KEYS[entry.key].to_string(),
                value: entry.value.clone(),
                sources: entry.sources,
            };
            if entry.strength == Strength::Hint {
                if !decided.contains(&(entry.key, normalize(&entry.value))) {
                    hints.push(fact);
                }
            } else {
                facts.push(fact);
            }
        }
        Extraction { facts, hints }
    }

    fn entries_view(&mut self) -> EntriesView<'_> {
        EntriesView {
            entries: &mut self.entries,
        }
    }
}

/// Lets the tool matcher revise strengths once every document is read.
pub struct EntriesView<'a> {
    entries: &'a mut Vec<Entry>,
}

impl EntriesView<'_> {
    /// Key, value and strength of every reading.
    pub fn readings(&self) -> Vec<(&'static str, String, Strength)> {
        self.entries
            .iter()
            .map(|e| (KEYS[e.key], e.value.clone(), e.strength))
            .collect()
    }

    /// Turns the readings of `key` with `value` into hints.
    pub fn demote(&mut self, key: &str, value: &str) {
        let wanted = normalize(value);
        for entry in self.entries.iter_mut() {
            if KEYS[entry.key] == key && normalize(&entry.value) == wanted {
                entry.strength = Strength::Hint;
            }
        }
    }
}

/// Lower case, whitespace collapsed: how values are compared.
pub fn normalize(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// One document, ready to be read block by block.
pub struct DocumentReader<'a> {
    pub index: usize,
    /// The role it fills; `None` reads it for every subject.
    pub role: Option<Role>,
    pub loaded: &'a LoadedDocument,
    /// Per section: the normalised names of it and its ancestors, innermost first.
    chains: Vec<Vec<&'a str>>,
    /// Per section: whether it or an ancestor is about options, not decisions.
    off: Vec<bool>,
}

impl<'a> DocumentReader<'a> {
    fn new(index: usize, role: Option<Role>, loaded: &'a LoadedDocument) -> Self {
        let outline = &loaded.outline;
        let chains = (0..outline.sections.len())
            .map(|i| {
                outline
                    .ancestors(Some(i))
                    .into_iter()
                    .map(|s| outline.sections[s].name.as_str())
                    .collect()
            })
            .collect::<Vec<Vec<&str>>>();
        let off = chains
            .iter()
            .map(|names| names.iter().any(|n| non_decision_section().is_match(n)))
            .collect();
        DocumentReader {
            index,
            role,
            loaded,
            chains,
            off,
        }
    }

    /// Whether the document speaks for a subject owned by `roles`: it fills
    /// one of them, or fills no role (and so is read for every subject).
    pub fn plays(&self, roles: &[Role]) -> bool {
        self.role.is_none_or(|role| roles.contains(&role))
    }

    /// Whether the section (or an enclosing one) is about future plans,
    /// options, risks or examples rather than decisions.
    pub fn is_off(&self, section: Option<usize>) -> bool {
        section
            .and_then(|s| self.off.get(s).copied())
            .unwrap_or(false)
    }

    /// The prose blocks: paragraphs, list items and table rows (never code).
    pub fn blocks(&self) -> impl Iterator<Item = &'a Block> + 'a {
        self.loaded
            .outline
            .blocks
            .iter()
            .filter(|b| !matches!(b.kind, BlockKind::Code { .. }))
    }

    /// Section names around a block, innermost first.
    pub fn names(&self, section: Option<usize>) -> &[&'a str] {
        section
            .and_then(|s| self.chains.get(s))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Whether the block's innermost section, or any enclosing one, matches.
    pub fn within(&self, block: &Block, pattern: &Regex) -> bool {
        self.names(block.section)
            .iter()
            .any(|name| pattern.is_match(name))
    }

    /// A source for lines of this document, with an excerpt of `text` around byte `at`.
    pub fn source(
        &self,
        line_start: u32,
        line_end: u32,
        section: Option<usize>,
        text: &str,
        at: usize,
    ) -> Source {
        Source {
            path: self.loaded.document.path.clone(),
            line_start,
            line_end: line_end.max(line_start),
            heading: section
                .map(|s| self.loaded.outline.heading_path(s))
                .unwrap_or_default(),
            excerpt: excerpt(text, at),
        }
    }

    /// A source for a whole block.
    pub fn block_source(&self, block: &Block, at: usize) -> Source {
        self.source(
            block.line_start,
            block.line_end,
            block.section,
            &block.text,
            at,
        )
    }
}

/// At most [`EXCERPT_CHARS`] characters of `text` around byte `at`,
/// whitespace collapsed, with `…` where it was cut.
pub fn excerpt(text: &str, at: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = flat.chars().collect();
    if chars.len() <= EXCERPT_CHARS {
        return flat;
    }
    // Map the byte offset in the original text to a char offset, roughly.
    let ratio = at.min(text.len()) as f64 / text.len().max(1) as f64;
    let center = (ratio * chars.len() as f64) as usize;
    let start = center
        .saturating_sub(EXCERPT_CHARS / 3)
        .min(chars.len() - EXCERPT_CHARS);
    let end = start + EXCERPT_CHARS;
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// A case-insensitive regex, compiled once per call site.
#[macro_export]
#[doc(hidden)]
macro_rules! pattern {
    ($text:expr) => {{
        static PATTERN: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        PATTERN.get_or_init(|| $crate::facts::compile_pattern(concat!("(?i)", $text)))
    }};
}

/// Compiles a built-in pattern (used by `pattern!`, once per call site).
/// The patterns are constants covered by the tests, so a failure is a bug.
#[doc(hidden)]
pub fn compile_pattern(text: &str) -> Regex {
    #[allow(clippy::expect_used)] // reason: built-in constant patterns, exercised by every test run
    Regex::new(text).expect("valid built-in pattern")
}

/// Sections whose content is not a decision: future plans, alternatives,
/// open questions, examples, risks, out-of-scope lists.
/// The English words are here; every language's words (English ones too)
/// come from [`lexicon::Cue::NotDecidedSection`].
pub fn non_decision_section() -> &'static Regex {
    static PATTERN: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    PATTERN.get_or_init(|| {
        compile_pattern(&format!(
            r"(?i)(?:^|\W)(out[- ]of[- ]scope|not in scope|non[- ]goals?|future|roadmap|later phases?|phase [2-9]|post[- ]?mvp|open (questions?|issues)|questions|alternatives?|options? considered|considered options|rejected|comparisons?|compared|trade[- ]?offs?|risks?|examples?|references?|glossary|appendix|change ?log|history|lessons learned|faq|competit\w*|inspiration|deprecated|legacy|won'?t have|could have|nice to have|next steps|enhancements?|ideas|wish ?list|parking lot|{})(?:$|\W)",
            lexicon::alternation(lexicon::Cue::NotDecidedSection)
        ))
    })
}

/// Splits text into clauses (sentences and `;`-separated parts), as byte
/// ranges. `e.g.`, `i.e.`, `vs.`, `etc.` and decimal points do not split.
pub fn clauses(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let split = match c {
            b'\n' | b';' => true,
            b'.' | b'!' | b'?' => {
                let next = bytes.get(i + 1).copied();
                let at_end = next.is_none_or(|n| n == b' ' || n == b'\n' || n == b'\t');
                at_end && !(c == b'.' && is_abbreviation(&text[start..i]))
            }
            _ => false,
        };
        if split {
            let end = if c == b'\n' || c == b';' { i } else { i + 1 };
            if !text[start..end].trim().is_empty() {
                out.push((start, end));
            }
            start = i + 1;
        }
        i += 1;
    }
    if !text[start..].trim().is_empty() {
        out.push((start, text.len()));
    }
    out
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        word.as_str(),
        "e.g"
            | "i.e"
            | "eg"
            | "ie"
            | "vs"
            | "etc"
            | "approx"
            | "incl"
            | "min"
            | "max"
            | "no"
            | "fig"
            | "cf"
            | "est"
    ) || word.len() == 1
}

/// Whether `needle` occurs in `haystack` at byte `at` as a whole word.
pub fn is_word_at(haystack: &str, at: usize, len: usize) -> bool {
    let before = haystack[..at].chars().next_back();
    let after = haystack[at + len..].chars().next();
    let joins = |c: char| c.is_alphanumeric() || c == '_';
    !before.is_some_and(joins) && !after.is_some_and(joins)
}

/// `project.name` from a `**Project Name:** X` field, else from the title of
/// a BRD, PRD or SPEC (`Business Requirements Document: X` → `X`).
fn project_name(documents: &[LoadedDocument], collector: &mut Collector) {
    let mut candidates: Vec<(usize, String, Source, usize)> = Vec::new();
    for (index, loaded) in documents.iter().enumerate() {
        let role = loaded.document.role;
        let reader = DocumentReader::new(index, role, loaded);
        for block in reader.blocks().take(200) {
            if let Some(label) = &block.label {
                if pattern!(r"^(project|product|application|app|system)( name)?$")
                    .is_match(label.trim())
                {
                    let value = block
                        .value_text()
                        .lines()
                        .next()
                        .unwrap_or("")
                        .trim()
                        .trim_end_matches('.');
                    if !value.is_empty() && value.chars().count() <= 80 {
                        candidates.push((
                            0,
                            value.to_string(),
                            reader.block_source(block, 0),
                            index,
                        ));
                    }
                }
            }
        }
        if !matches!(role, Some(Role::Brd | Role::Prd | Role::Spec)) {
            continue;
        }
        let Some(section) = loaded
            .outline
            .sections
            .iter()
            .position(|s| s.level == 1 && !s.implicit)
        else {
            continue;
        };
        let title = &loaded.outline.sections[section].title;
        if let Some(name) = name_from_title(title) {
            let line = loaded.outline.sections[section].line_start;
            candidates.push((
                1,
                name,
                reader.source(line, line, Some(section), title, 0),
                index,
            ));
        }
    }
    for (index, loaded) in documents.iter().enumerate() {
        let reader = DocumentReader::new(index, loaded.document.role, loaded);
        for (key, value, line) in front_matter(&loaded.text) {
            let name = match key.as_str() {
                "project" | "project_name" | "project-name" | "product" | "app" | "name" => {
                    Some(value.clone())
                }
                "title" => name_from_title(&value),
                _ => None,
            };
            if let Some(name) = name.filter(|n| !n.is_empty() && n.chars().count() <= 80) {
                candidates.push((0, name, reader.source(line, line, None, &value, 0), index));
            }
        }
        // The README's title names the project, once any tagline is cut off.
        let is_root_readme = loaded.document.path.eq_ignore_ascii_case("README.md");
        if let (true, Some(section)) = (
            is_root_readme,
            loaded
                .outline
                .sections
                .iter()
                .find(|s| s.level == 1 && !s.implicit),
        ) {
            let name = [" — ", " – ", " - ", ": ", " | "]
                .iter()
                .fold(section.title.as_str(), |name, separator| {
                    name.split(separator).next().unwrap_or(name)
                })
                .trim();
            if !name.is_empty() && name.chars().count() <= 60 {
                candidates.push((
                    2,
                    name.to_string(),
                    reader.source(
                        section.line_start,
                        section.line_start,
                        None,
                        &section.title,
                        0,
                    ),
                    index,
                ));
            }
        }
    }
    // The name most documents agree on; fields before titles, then document order.
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (_, name, _, _) in &candidates {
        *counts.entry(normalize(name)).or_default() += 1;
    }
    let best = candidates.iter().min_by_key(|(rank, name, _, index)| {
        (std::cmp::Reverse(counts[&normalize(name)]), *rank, *index)
    });
    if let Some((_, name, _, _)) = best {
        let wanted = normalize(name);
        for (_, candidate, source, index) in &candidates {
            if normalize(candidate) == wanted {
                collector.add(
                    "project.name",
                    name,
                    Strength::Strong,
                    *index,
                    source.clone(),
                );
            }
        }
    }
}

/// The `key: value` lines of a YAML front matter block, keys in lower
/// case, values unquoted, with their 1-based line numbers.
fn front_matter(text: &str) -> Vec<(String, String, u32)> {
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (offset, line) in lines.enumerate().take(60) {
        let line = line.trim_end();
        if line == "---" || line == "..." {
            return out;
        }
        if line.starts_with([' ', '\t', '-', '#']) {
            continue;
        }
        if let Some((key, value)) = line.split_once(':') {
            let value = value.trim().trim_matches(['"', '\'']).trim();
            if !value.is_empty() {
                out.push((
                    key.trim().to_lowercase(),
                    value.to_string(),
                    u32::try_from(offset + 2).unwrap_or(u32::MAX),
                ));
            }
        }
    }
    // No closing line: not front matter.
    Vec::new()
}

fn name_from_title(title: &str) -> Option<String> {
    let doc_words = pattern!(
        r"\b(requirements?|specifications?|spec|document|brd|prd|srs|frd|architecture|design|strategy|plan|brief|overview)\b"
    );
    for separator in [": ", " - ", " – ", " — ", " | "] {
        if let Some((left, right)) = title.split_once(separator) {
            let (left, right) = (left.trim(), right.trim());
            if doc_words.is_match(left) && !right.is_empty() && !doc_words.is_match(right) {
                let cleaned = pattern!(r"\s*\((mvp|draft|v?\d+(\.\d+)*)\)\s*$").replace(right, "");
                return Some(cleaned.trim().to_string());
            }
            if doc_words.is_match(right) && !left.is_empty() && !doc_words.is_match(left) {
                return Some(left.to_string());
            }
        }
    }
    None
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::markdown::parse_outline;
    use crate::model::{Document, Fact, Role};
    use crate::project::LoadedDocument;

    /// A loaded document with a role, from Markdown text.
    pub fn document(path: &str, role: Role, text: &str) -> LoadedDocument {
        LoadedDocument {
            document: Document {
                own_output: false,
                path: path.into(),
                role: Some(role),
                reason: String::new(),
                bytes: text.len() as u64,
                warnings: Vec::new(),
            },
            text: text.into(),
            outline: parse_outline(text),
        }
    }

    /// Values of `key` among `facts`, in order.
    pub fn values(facts: &[Fact], key: &str) -> Vec<String> {
        facts
            .iter()
            .filter(|f| f.key == key)
            .map(|f| f.value.clone())
            .collect()
    }

    /// Facts and hints of one document.
    pub fn read(role: Role, text: &str) -> super::Extraction {
        super::extract(&[document("docs/doc.md", role, text)])
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    #[test]
    fn clauses_do_not_split_at_abbreviations_or_decimals() {
        let text = "Use Vercel (e.g. for previews). Availability is 99.9%; latency low";
        let parts: Vec<&str> = clauses(text)
            .into_iter()
            .map(|(s, e)| text[s..e].trim())
            .collect();
        assert_eq!(
            parts,
            [
                "Use Vercel (e.g. for previews).",
                "Availability is 99.9%",
                "latency low"
            ]
        );
    }

    #[test]
    fn excerpts_are_capped_around_the_match() {
        let text = format!("{} GitHub Actions {}", "a ".repeat(300), "b ".repeat(300));
        let at = text.find("GitHub").unwrap();
        let cut = excerpt(&text, at);
        assert!(cut.chars().count() <= EXCERPT_CHARS + 2);
        assert!(cut.contains("GitHub Actions"), "{cut}");
    }

    #[test]
    fn the_project_name_comes_from_a_document_title() {
        let extraction = read(
            Role::Brd,
            "# Business Requirements Document (BRD): Acme Shop Relaunch\n\ntext\n",
        );
        assert_eq!(
            values(&extraction.facts, "project.name"),
            ["Acme Shop Relaunch"]
        );
        assert_eq!(extraction.facts[0].sources[0].line_start, 1);
    }

    #[test]
    fn the_project_name_comes_from_front_matter_or_the_readme_title() {
        let notes = document(
            "docs/notes.md",
            Role::Spec,
            "---\nproject: Lumen Ledger\nstatus: draft\n---\n# Notes\n",
        );
        let facts = extract(&[notes]).facts;
        assert_eq!(values(&facts, "project.name"), ["Lumen Ledger"]);
        assert_eq!(facts[0].sources[0].line_start, 2);
        let mut readme = document(
            "README.md",
            Role::Spec,
            "# Quill — notes that sync everywhere\n\ntext\n",
        );
        readme.document.role = None;
        assert_eq!(values(&extract(&[readme]).facts, "project.name"), ["Quill"]);
        let unclosed = document("a.md", Role::Spec, "---\nproject: Nope\n# T\n");
        assert!(values(&extract(&[unclosed]).facts, "project.name").is_empty());
    }

    #[test]
    fn inline_html_is_not_part_of_a_value() {
        let facts = read(
            Role::Prd,
            "## Non-Functional\n\n- <a id=\"nfr-1\"></a>NFR1: responses within 300 ms at p95\n",
        )
        .facts;
        let latency = values(&facts, "nfr.latency");
        assert_eq!(latency.len(), 1);
        assert!(!latency[0].contains('<'), "{latency:?}");
    }

    #[test]
    fn documents_without_a_role_are_read_and_cited() {
        let mut doc = document(
            "notes/ROADMAP.md",
            Role::Spec,
            "## Stack\n\n- **Hosting:** Vercel\n\n## Release Criteria\n\n- All smoke tests green\n",
        );
        doc.document.role = None;
        let facts = extract(&[doc]).facts;
        assert_eq!(values(&facts, "hosting.platform"), ["vercel"]);
        assert_eq!(
            values(&facts, "release.criterion"),
            ["All smoke tests green"]
        );
        assert!(facts
            .iter()
            .all(|f| f.sources[0].path == "notes/ROADMAP.md"));
    }

    #[test]
    fn facts_are_ordered_by_key_then_position_and_merge_sources() {
        let a = document(
            "a.md",
            Role::Spec,
            "## Tech Stack\n\n- **CI/CD:** GitHub Actions\n- **Database:** PostgreSQL\n",
        );
        let b = document("b.md", Role::Spec, "## Stack\n\n- **CI:** GitHub Actions\n");
        let facts = extract(&[a, b]).facts;
        let keys: Vec<_> = facts
            .iter()
            .map(|f| (f.key.as_str(), f.value.as_str(), f.sources.len()))
            .collect();
        assert_eq!(
            keys,
            [
                ("ci.tool", "github-actions", 2),
                ("db.engine", "postgresql", 1)
            ]
        );
    }
}
