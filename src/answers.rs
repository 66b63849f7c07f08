//! The user's answers to the wizard; the suggestions made from facts are in
//! [`suggest`].
//!
//! Every answer records where it came from: the documents (with sources), a
//! proposal the user has not confirmed yet, or the user. The renderer writes
//! each kind differently so that no reader mistakes a proposal for a decision.

use crate::model::Source;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// A field's value; its shape follows the field's kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(untagged)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum Value {
    /// Text, long text and single choice.
    Text(String),
    /// Multiple choice, ordered list and checklist.
    List(Vec<String>),
    /// Table rows, cells in column order.
    Table(Vec<Vec<String>>),
}

impl Value {
    /// Whether there is nothing in it.
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Text(text) => text.trim().is_empty(),
            Value::List(items) => items.iter().all(|item| item.trim().is_empty()),
            Value::Table(rows) => rows
                .iter()
                .all(|row| row.iter().all(|cell| cell.trim().is_empty())),
        }
    }

    /// The value as lines (a text is one line; a table row's cells are joined).
    pub fn lines(&self) -> Vec<String> {
        match self {
            Value::Text(text) => vec![text.clone()],
            Value::List(items) => items.clone(),
            Value::Table(rows) => rows.iter().map(|row| row.join(" — ")).collect(),
        }
    }

    /// The value as table rows: a list becomes one row per item.
    pub fn rows(&self) -> Vec<Vec<String>> {
        match self {
            Value::Text(text) => vec![vec![text.clone()]],
            Value::List(items) => items.iter().map(|item| vec![item.clone()]).collect(),
            Value::Table(rows) => rows.clone(),
        }
    }

    /// The lines joined into one text with `, ` (a text stays as it is).
    pub fn joined(&self) -> String {
        self.lines().join(", ")
    }

    /// The first cell of each row (a list's items; a text itself), blank
    /// cells dropped: what a table lists, such as environments or roles.
    pub fn first_column(&self) -> Vec<String> {
        self.rows()
            .into_iter()
            .filter_map(|row| row.into_iter().next())
            .filter(|cell| !cell.trim().is_empty())
            .collect()
    }
}

/// Where an answer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum Origin {
    /// Read from the project's documents; `sources` says where.
    Document,
    /// Suggested by DeployPlan (best practice or a rule over the facts) and not
    /// yet confirmed by the user; written as "proposed".
    Proposed,
    /// Entered or confirmed by the user.
    User,
}

/// The answer to one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Answer {
    pub value: Value,
    pub origin: Origin,
    /// Why this was suggested, citing its source, for suggestions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// For lists and tables: the sources of each item (row), in order, so the
    /// plan can cite every item on its own. Empty when not known per item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item_sources: Vec<Vec<Source>>,
}

/// All answers of a plan, keyed by field id, and the step the user was on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Answers {
    pub values: BTreeMap<String, Answer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_step: Option<String>,
}

impl Answers {
    /// The answer to a field, if it has a non-empty one.
    pub fn get(&self, field_id: &str) -> Option<&Answer> {
        self.values
            .get(field_id)
            .filter(|answer| !answer.value.is_empty())
    }

    /// A field's answer as one text ([`Value::joined`]), if it has one.
    pub fn joined(&self, field_id: &str) -> Option<String> {
        self.get(field_id).map(|answer| answer.value.joined())
    }

    /// The first column of a field's answer ([`Value::first_column`]); empty
    /// when it has none.
    pub fn first_column(&self, field_id: &str) -> Vec<String> {
        self.get(field_id)
            .map(|answer| answer.value.first_column())
            .unwrap_or_default()
    }

    /// Sets a field's answer as given by the user.
    pub fn set_user(&mut self, field_id: &str, value: Value) {
        self.values.insert(
            field_id.to_string(),
            Answer {
                value,
                origin: Origin::User,
                reason: None,
                sources: Vec::new(),
                item_sources: Vec::new(),
            },
        );
    }

    /// Fills every field the user has not answered from `suggested`, keeping
    /// the user's own answers as they are.
    pub fn merge_suggestions(&mut self, suggested: &Answers) {
        for (id, answer) in &suggested.values {
            self.values
                .entry(id.clone())
                .or_insert_with(|| answer.clone());
        }
    }
}

pub mod documents_say;
pub mod patterns;
pub mod platform;
mod suggest;
pub use suggest::suggest_answers;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_json_shape_follows_the_kind() {
        let text: Value = serde_json::from_str("\"x\"").unwrap();
        let list: Value = serde_json::from_str("[\"a\",\"b\"]").unwrap();
        let table: Value = serde_json::from_str("[[\"a\",\"b\"]]").unwrap();
        assert_eq!(text, Value::Text("x".into()));
        assert_eq!(list, Value::List(vec!["a".into(), "b".into()]));
        assert_eq!(table, Value::Table(vec![vec!["a".into(), "b".into()]]));
    }

    #[test]
    fn answers_without_item_sources_still_load() {
        let answer: Answer = serde_json::from_str(r#"{"value":["a"],"origin":"user"}"#).unwrap();
        assert!(answer.item_sources.is_empty());
    }
}
