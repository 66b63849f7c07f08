//! "What the documents say": the passages of a project's documents that speak
//! to a plan field, found by full-text ranking rather than by fixed headings.
//!
//! Every document is cut into passages (a few consecutive blocks of one
//! section, code left out). Words are folded (lower case, accents removed)
//! and stemmed, and passages are ranked with BM25 against the field's query,
//! which is data beside the field ([`crate::plan::FieldDef::query`]). A query
//! term may be a phrase ("roll back"): its words must stand together. Words of
//! the heading path count more than words of the text, because a section
//! titled "Rollback" speaks to rollback even where its text does not repeat
//! the word.

use crate::markdown::{BlockKind, Outline};
use crate::model::{Role, Source};
use crate::project::LoadedDocument;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;

/// A passage ranked for a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Where it stands: file, lines, heading path, and its text as the excerpt.
    pub source: Source,
    /// Its text, inline markup removed, blocks joined by line breaks.
    pub text: String,
    pub score: f32,
    /// How many of the query's terms stand in the heading path.
    pub heading_terms: usize,
    /// How many of the query's terms stand in the text.
    pub text_terms: usize,
    /// Whether the passage is rows of a table (cells joined by `|`), which
    /// read well only as a table.
    pub table: bool,
    /// The role of the document it stands in.
    pub role: Option<Role>,
}

impl Hit {
    /// Whether the passage is about the query, not just touching it: a term
    /// in its heading, or two different terms in its text.
    pub fn is_on_topic(&self) -> bool {
        self.heading_terms >= 1 || self.text_terms >= 2
    }
}

/// One passage of one document.
#[derive(Debug, Clone)]
struct Passage {
    source: Source,
    text: String,
    /// Folded, stemmed words of the text.
    words: Vec<String>,
    /// Folded, stemmed words of the heading path.
    heading_words: Vec<String>,
    table: bool,
    role: Option<Role>,
}

/// Most characters one passage holds before the next block starts another.
const PASSAGE_CHARS: usize = 700;
/// How much a word of the heading path counts, against one of the text.
const HEADING_WEIGHT: f32 = 2.5;
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// The documents' passages, indexed for ranking.
#[derive(Debug, Clone, Default)]
pub struct PassageIndex {
    passages: Vec<Passage>,
    /// Word → the passages that hold it (text or heading), each once.
    postings: HashMap<String, Vec<usize>>,
    average_length: f32,
}

impl PassageIndex {
    /// Cuts every document into passages and indexes them.
    pub fn build(documents: &[LoadedDocument]) -> PassageIndex {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut passages = Vec::new();
        for loaded in documents {
            let first = passages.len();
            cut_passages(
                &loaded.document.path,
                &loaded.outline,
                &stemmer,
                &mut passages,
            );
            for passage in &mut passages[first..] {
                passage.role = loaded.document.role;
            }
        }
        let mut postings: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, passage) in passages.iter().enumerate() {
            for word in passage.words.iter().chain(&passage.heading_words) {
                let list = postings.entry(word.clone()).or_default();
                if list.last() != Some(&index) {
                    list.push(index);
                }
            }
        }
        let total: usize = passages.iter().map(Passage::length).sum();
        let average_length = if passages.is_empty() {
            1.0
        } else {
            (total as f32 / passages.len() as f32).max(1.0)
        };
        PassageIndex {
            passages,
            postings,
            average_length,
        }
    }

    /// How many passages the documents were cut into.
    pub fn len(&self) -> usize {
        self.passages.len()
    }

    /// Whether there are no passages at all.
    pub fn is_empty(&self) -> bool {
        self.passages.is_empty()
    }

    /// The passages that speak to `query` (terms or phrases), best first, at
    /// most `limit`, each scoring at least `minimum`.
    pub fn search(&self, query: &[&str], limit: usize, minimum: f32) -> Vec<Hit> {
        let stemmer = Stemmer::create(Algorithm::English);
        let phrases: Vec<Vec<String>> = query
            .iter()
            .map(|term| words(term, &stemmer))
            .filter(|phrase| !phrase.is_empty())
            .collect();
        let mut scores: HashMap<usize, (f32, usize, usize)> = HashMap::new();
        let count = self.passages.len() as f32;
        for phrase in &phrases {
            let Some(candidates) = self.postings.get(&phrase[0]) else {
                continue;
            };
            let matches: Vec<(usize, f32, bool, bool)> = candidates
                .iter()
                .filter_map(|&index| {
                    let passage = &self.passages[index];
                    let in_text = occurrences(&passage.words, phrase);
                    let in_heading = occurrences(&passage.heading_words, phrase);
                    let frequency = in_text as f32 + HEADING_WEIGHT * in_heading as f32;
                    (frequency > 0.0).then_some((index, frequency, in_heading > 0, in_text > 0))
                })
                .collect();
            if matches.is_empty() {
                continue;
            }
            let documents_with = matches.len() as f32;
            let idf = ((count - documents_with + 0.5) / (documents_with + 0.5) + 1.0).ln();
            for (index, frequency, in_heading, in_text) in matches {
                let length = self.passages[index].length() as f32;
                let norm = K1 * (1.0 - B + B * length / self.average_length);
                let entry = scores.entry(index).or_default();
                entry.0 += idf * frequency * (K1 + 1.0) / (frequency + norm);
                entry.1 += usize::from(in_heading);
                entry.2 += usize::from(in_text);
            }
        }
        let mut ranked: Vec<(usize, (f32, usize, usize))> = scores
            .into_iter()
            .filter(|(_, (score, _, _))| *score >= minimum)
            .collect();
        // Ties go to the earlier passage, so the order never depends on hashing.
        ranked.sort_by(|a, b| b.1 .0.total_cmp(&a.1 .0).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .take(limit)
            .map(|(index, (score, heading_terms, text_terms))| {
                let passage = &self.passages[index];
                Hit {
                    source: passage.source.clone(),
                    text: passage.text.clone(),
                    score,
                    heading_terms,
                    text_terms,
                    table: passage.table,
                    role: passage.role,
                }
            })
            .collect()
    }
}

impl Passage {
    fn length(&self) -> usize {
        self.words.len() + self.heading_words.len()
    }
}

/// Cuts one document into passages: consecutive non-code blocks of one
/// section, up to [`PASSAGE_CHARS`] each (a longer block stands alone).
fn cut_passages(path: &str, outline: &Outline, stemmer: &Stemmer, out: &mut Vec<Passage>) {
    let mut current: Option<Pending> = None;
    let flush = |current: &mut Option<Pending>, out: &mut Vec<Passage>| {
        if let Some(pending) = current.take() {
            let heading = pending
                .section
                .map(|index| outline.heading_path(index))
                .unwrap_or_default();
            let text_words = words(&pending.text, stemmer);
            if text_words.is_empty() {
                return;
            }
            out.push(Passage {
                source: Source {
                    path: path.to_string(),
                    line_start: pending.start,
                    line_end: pending.end,
                    heading: heading.clone(),
                    excerpt: pending.text.clone(),
                },
                heading_words: words(&heading, stemmer),
                words: text_words,
                text: pending.text,
                table: pending.table,
                role: None,
            });
        }
    };
    for block in &outline.blocks {
        if matches!(block.kind, BlockKind::Code { .. }) {
            flush(&mut current, out);
            continue;
        }
        let table = matches!(block.kind, BlockKind::TableRow { .. });
        // One block a line: a paragraph's own line breaks become spaces.
        let block_text = match &block.kind {
            BlockKind::TableRow { cells, .. } => cells.join(" | "),
            _ => block.text.split_whitespace().collect::<Vec<_>>().join(" "),
        };
        if block_text.trim().is_empty() {
            continue;
        }
        // A table and the prose around it are separate passages.
        let joins = current.as_ref().is_some_and(|pending| {
            pending.section == block.section
                && pending.table == table
                && pending.text.len() + block_text.len() < PASSAGE_CHARS
        });
        if !joins {
            flush(&mut current, out);
        }
        match &mut current {
            Some(pending) => {
                pending.end = block.line_end;
                pending.text.push('\n');
                pending.text.push_str(&block_text);
            }
            None => {
                current = Some(Pending {
                    section: block.section,
                    start: block.line_start,
                    end: block.line_end,
                    text: block_text,
                    table,
                })
            }
        }
    }
    flush(&mut current, out);
}

/// A passage being gathered from consecutive blocks.
struct Pending {
    section: Option<usize>,
    start: u32,
    end: u32,
    text: String,
    table: bool,
}

/// How often `phrase` stands in `words`, its words together and in order.
fn occurrences(words: &[String], phrase: &[String]) -> usize {
    if phrase.len() > words.len() {
        return 0;
    }
    words
        .windows(phrase.len())
        .filter(|window| window.iter().zip(phrase).all(|(a, b)| a == b))
        .count()
}

/// The folded, stemmed words of `text`.
pub fn words(text: &str, stemmer: &Stemmer) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(fold)
        .map(|word| stemmer.stem(&word).into_owned())
        .collect()
}

/// Lower case without accents: `Implantação` → `implantacao`; German
/// umlauts as their plain vowels.
pub fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ß' => 's',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(path: &str, text: &str) -> LoadedDocument {
        LoadedDocument::from_text(path, None, text)
    }

    const OPERATIONS: &str = "# Operations\n\n## Backups\n\nThe database is backed up every night and kept for 30 days.\n\n## Rolling back a release\n\nIf a release fails, redeploy the previous image and restore the snapshot taken before the migration. This takes 15 minutes.\n\n## Team\n\nThe on-call engineer owns releases.\n\n```sh\nrollback --now\n```\n";

    #[test]
    fn the_section_about_the_query_ranks_first_even_when_its_text_does_not_repeat_the_word() {
        let index = PassageIndex::build(&[document("docs/ops.md", OPERATIONS)]);
        let hits = index.search(&["rollback", "roll back", "revert"], 3, 0.0);
        assert_eq!(
            hits[0].source.heading,
            "Operations > Rolling back a release"
        );
        assert!(hits[0].text.contains("previous image"));
        assert_eq!(hits[0].source.path, "docs/ops.md");
        assert_eq!(hits[0].source.line_start, 9);
    }

    #[test]
    fn stemming_matches_other_forms_of_a_word() {
        let index = PassageIndex::build(&[document("docs/ops.md", OPERATIONS)]);
        let hits = index.search(&["backup"], 1, 0.0);
        assert_eq!(hits[0].source.heading, "Operations > Backups");
    }

    #[test]
    fn a_phrase_needs_its_words_together() {
        let text =
            "# A\n\nWe roll the dice and look back later.\n\n# B\n\nTo roll back, redeploy.\n";
        let index = PassageIndex::build(&[document("a.md", text)]);
        let hits = index.search(&["roll back"], 5, 0.0);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].source.heading, "B");
    }

    #[test]
    fn code_blocks_are_not_passages() {
        let index = PassageIndex::build(&[document("docs/ops.md", OPERATIONS)]);
        assert!(index
            .search(&["now"], 5, 0.0)
            .iter()
            .all(|hit| !hit.text.contains("--now")));
    }

    #[test]
    fn accents_are_folded_so_queries_in_other_languages_match() {
        let text = "# Implantação\n\nA reversão usa a imagem anterior.\n";
        let index = PassageIndex::build(&[document("docs/pt.md", text)]);
        let hits = index.search(&["reversao"], 1, 0.0);
        assert_eq!(hits.len(), 1);
    }

    #[test]
    fn a_passage_is_on_topic_with_a_term_in_its_heading_or_two_in_its_text() {
        let index = PassageIndex::build(&[document("docs/ops.md", OPERATIONS)]);
        let backups = index.search(&["backup"], 1, 0.0);
        assert!(backups[0].is_on_topic(), "heading term");
        let team = index.search(&["releases"], 5, 0.0);
        let owner = team
            .iter()
            .find(|h| h.source.heading.ends_with("Team"))
            .unwrap();
        assert!(!owner.is_on_topic(), "one word in passing");
        let two = index.search(&["image", "snapshot"], 1, 0.0);
        assert_eq!(two[0].text_terms, 2);
        assert!(two[0].is_on_topic());
    }

    #[test]
    fn a_table_and_the_prose_around_it_are_separate_passages() {
        let text = "# Recovery\n\nRestores take an hour.\n\n| Scenario | RTO |\n|---|---|\n| Pod restart | 2 min |\n";
        let index = PassageIndex::build(&[document("r.md", text)]);
        assert_eq!(index.len(), 2);
        let hits = index.search(&["rto", "restores"], 2, 0.0);
        assert!(hits
            .iter()
            .any(|h| h.table && h.text.contains("Pod restart | 2 min")));
        assert!(hits
            .iter()
            .any(|h| !h.table && h.text == "Restores take an hour."));
    }

    #[test]
    fn nothing_is_found_below_the_minimum_or_for_unknown_words() {
        let index = PassageIndex::build(&[document("docs/ops.md", OPERATIONS)]);
        assert!(index.search(&["kubernetes"], 5, 0.0).is_empty());
        assert!(index.search(&["backup"], 5, 1000.0).is_empty());
        assert!(PassageIndex::default()
            .search(&["backup"], 5, 0.0)
            .is_empty());
    }

    #[test]
    fn long_sections_are_cut_into_several_passages_in_order() {
        let paragraph = "Deployments go through staging first. ".repeat(10);
        let text = format!("# Deploy\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n");
        let index = PassageIndex::build(&[document("d.md", &text)]);
        assert_eq!(index.len(), 3);
        let hits = index.search(&["staging"], 3, 0.0);
        assert!(hits[0].source.line_start < hits[1].source.line_start);
    }
}
