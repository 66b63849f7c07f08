//! One item, written once: list items and table rows that repeat another
//! item of the same field are folded into it, their sources joined.
//!
//! Two rules, neither naming any document's words:
//! - an item whose identifiers (`AB-12`, `REQ-7`: capitals, a hyphen,
//!   digits) all appear in another item that carries more of them (or as
//!   many, earlier) repeats that item: a feature listing its story IDs and
//!   the stories themselves;
//! - an item whose words all appear, in order, inside another item (or
//!   that reads the same as an earlier one) repeats it.

use crate::model::Source;
use regex::Regex;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// An item of a list or a row of a table, with the sources that give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The cells (one for a list item).
    pub cells: Vec<String>,
    pub sources: Vec<Source>,
}

fn identifier() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| Regex::new(r"\b[A-Z][A-Z0-9]{0,9}-\d{1,6}\b").expect("valid pattern"))
}

/// The identifiers an item carries, such as story or requirement IDs.
pub fn identifiers(text: &str) -> BTreeSet<String> {
    identifier()
        .find_iter(text)
        .map(|m| m.as_str().to_string())
        .collect()
}

/// The words of a text for comparing: lower case, letters and digits only.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty()
        && needle.len() <= haystack.len()
        && haystack
            .windows(needle.len())
            .any(|window| window == needle)
}

/// The fewest words an item needs to be found inside another: a one- or
/// two-word item (`Build`) is a name, not a repeat of a longer item.
const MIN_WORDS: usize = 3;

/// Whether item `a` (at index `ia`) repeats item `b` (at `ib`).
fn repeats(a: &str, ia: usize, b: &str, ib: usize) -> bool {
    let (ids_a, ids_b) = (identifiers(a), identifiers(b));
    if !ids_a.is_empty() && ids_a.is_subset(&ids_b) && (ids_b.len() > ids_a.len() || ib < ia) {
        return true;
    }
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() {
        return false;
    }
    if wa == wb {
        return ib < ia;
    }
    wa.len() >= MIN_WORDS && wa.len() < wb.len() && contains_run(&wb, &wa)
}

/// The items with every repeat folded into the item it repeats (which keeps
/// its place and gains the repeat's sources). Items are compared by their
/// first cell for tables of several columns (the row's key: a role, a
/// check), by their text for lists.
pub fn fold_repeats(items: Vec<Item>) -> Vec<Item> {
    let keys: Vec<String> = items
        .iter()
        .map(|item| item.cells.first().cloned().unwrap_or_default())
        .collect();
    // Where each item goes: itself, or the item it repeats (followed to the end).
    let mut target: Vec<usize> = (0..items.len()).collect();
    for a in 0..items.len() {
        if let Some(b) = (0..items.len())
            .find(|&b| b != a && target[b] == b && repeats(&keys[a], a, &keys[b], b))
        {
            target[a] = b;
        }
    }
    let root = |mut index: usize| {
        let mut steps = 0;
        while target[index] != index && steps < items.len() {
            index = target[index];
            steps += 1;
        }
        index
    };
    let roots: Vec<usize> = (0..items.len()).map(root).collect();
    let mut extra: Vec<Vec<Source>> = vec![Vec::new(); items.len()];
    for (index, item) in items.iter().enumerate() {
        if roots[index] != index {
            extra[roots[index]].extend(item.sources.iter().cloned());
        }
    }
    items
        .into_iter()
        .enumerate()
        .filter(|(index, _)| roots[*index] == *index)
        .map(|(index, mut item)| {
            merge_sources(&mut item.sources, std::mem::take(&mut extra[index]));
            item
        })
        .collect()
}

fn merge_sources(into: &mut Vec<Source>, more: Vec<Source>) {
    for source in more {
        if !into.contains(&source) {
            into.push(source);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(line: u32) -> Source {
        Source {
            path: "docs/a.md".into(),
            line_start: line,
            line_end: line,
            heading: "H".into(),
            excerpt: format!("line {line}"),
        }
    }

    fn item(text: &str, line: u32) -> Item {
        Item {
            cells: vec![text.into()],
            sources: vec![source(line)],
        }
    }

    fn texts(items: &[Item]) -> Vec<&str> {
        items.iter().map(|i| i.cells[0].as_str()).collect()
    }

    #[test]
    fn items_whose_ids_another_item_lists_fold_into_it_with_their_sources() {
        let folded = fold_repeats(vec![
            item("Sign-in and roles (AC-1, AC-2) — people have accounts", 1),
            item("Check-out (AC-3) — the desk checks out", 2),
            item("AC-1 — Sign in with a code", 7),
            item("AC-2 — Register with consent", 8),
            item("AC-3 — Check out a visitor", 9),
            item("AC-9 — Something only stories have", 10),
        ]);
        assert_eq!(
            texts(&folded),
            [
                "Sign-in and roles (AC-1, AC-2) — people have accounts",
                "Check-out (AC-3) — the desk checks out",
                "AC-9 — Something only stories have",
            ]
        );
        assert_eq!(folded[0].sources, vec![source(1), source(7), source(8)]);
        assert_eq!(folded[1].sources, vec![source(2), source(9)]);
    }

    #[test]
    fn a_later_item_that_lists_more_ids_absorbs_an_earlier_one() {
        let folded = fold_repeats(vec![item("QX-4 — Alone", 1), item("Group (QX-4, QX-5)", 2)]);
        assert_eq!(texts(&folded), ["Group (QX-4, QX-5)"]);
        assert_eq!(folded[0].sources, vec![source(2), source(1)]);
    }

    #[test]
    fn an_item_said_inside_another_folds_and_distinct_items_stay() {
        let folded = fold_repeats(vec![
            item("Recovery time: 2 hours", 1),
            item("Recovery time: 2 hours, data loss 10 minutes", 2),
            item("recovery time 2 hours", 3),
            item("Error rate below 1%", 4),
        ]);
        assert_eq!(
            texts(&folded),
            [
                "Recovery time: 2 hours, data loss 10 minutes",
                "Error rate below 1%"
            ]
        );
        assert_eq!(folded[0].sources, vec![source(2), source(1), source(3)]);
    }

    #[test]
    fn table_rows_compare_by_their_first_cell() {
        let row = |key: &str, duty: &str, line: u32| Item {
            cells: vec![key.into(), duty.into()],
            sources: vec![source(line)],
        };
        let folded = fold_repeats(vec![
            row("Tester", "tests", 1),
            row("Owner", "owns", 2),
            row("Tester", "also tests", 3),
        ]);
        assert_eq!(texts(&folded), ["Tester", "Owner"]);
        assert_eq!(folded[0].cells[1], "tests");
        assert_eq!(folded[0].sources, vec![source(1), source(3)]);
    }

    #[test]
    fn identifiers_are_capitals_a_hyphen_and_digits() {
        let ids: Vec<String> = identifiers("see AB-12, x-1, REQ7-3 and T-0")
            .into_iter()
            .collect();
        assert_eq!(ids, ["AB-12", "REQ7-3", "T-0"]);
    }
}
