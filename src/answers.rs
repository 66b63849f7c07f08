//! The user's answers to the wizard; the suggestions made from facts are in
//! [`suggest`].
//!
//! Every answer records where it came from: the documents (with sources), a
//! proposal the user has not confirmed yet, or the user. The renderer writes
//! each kind differently so that no reader mistakes a proposal for a decision.

use crate::model::Source;
use crate::plan::{FieldDef, StepDef};
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

#[cfg(test)]
impl Answer {
    /// An answer with no reason and no sources (tests).
    pub(crate) fn bare(value: Value, origin: Origin) -> Answer {
        Answer {
            value,
            origin,
            reason: None,
            sources: Vec::new(),
            item_sources: Vec::new(),
        }
    }
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

    /// What is still open in one wizard step: its fields with no value
    /// (written as TBD) and those holding a suggestion not yet confirmed.
    pub fn open_fields<'a>(&self, step: &'a StepDef) -> OpenFields<'a> {
        let mut open = OpenFields::default();
        for field in &step.fields {
            match self.get(&field.id) {
                None => open.tbd.push(field),
                Some(answer) if answer.origin == Origin::Proposed => open.proposed.push(field),
                Some(_) => {}
            }
        }
        open
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

/// A step's open fields ([`Answers::open_fields`]), in the step's order.
#[derive(Debug, Default)]
pub struct OpenFields<'a> {
    /// No value: written as `TBD — owner: …`.
    pub tbd: Vec<&'a FieldDef>,
    /// A suggestion the user has not confirmed.
    pub proposed: Vec<&'a FieldDef>,
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
    fn open_fields_are_the_unanswered_and_the_unconfirmed() {
        let step = &crate::plan::steps()[0];
        let [first, second, third, ..] = &step.fields[..] else {
            panic!("the first step has at least three fields");
        };
        let mut answers = Answers::default();
        answers.set_user(&first.id, Value::Text("x".into()));
        answers.set_user(&second.id, Value::Text("  ".into()));
        answers.values.insert(
            third.id.clone(),
            answer(Value::Text("y".into()), Origin::Proposed),
        );
        let open = answers.open_fields(step);
        assert!(!open.tbd.iter().any(|field| field.id == first.id));
        assert!(open.tbd.iter().any(|field| field.id == second.id));
        assert_eq!(
            open.proposed.iter().map(|f| &f.id).collect::<Vec<_>>(),
            [&third.id]
        );
        assert_eq!(open.tbd.len(), step.fields.len() - 2);
    }

    fn answer(value: Value, origin: Origin) -> Answer {
        Answer::bare(value, origin)
    }

    /// `ui/src/lib/answers.ts` keeps small copies of [`Value::is_empty`],
    /// [`Value::lines`] and [`Answers::open_fields`], run at every keystroke
    /// without a round trip to the core. `cargo test` writes these cases to
    /// `ui/src/lib/bindings/coreCases.json` (committed, checked for drift in
    /// CI like the generated types) and `answers.test.ts` checks the copies
    /// against them; the UI's test fixtures take the role labels from there.
    /// The open fields agree with the review's open items.
    #[test]
    fn cases_for_the_ui_copies_are_written_and_agree_with_the_open_items() {
        let text = |s: &str| Value::Text(s.into());
        let list = |items: &[&str]| Value::List(items.iter().map(|s| s.to_string()).collect());
        let table = |rows: &[&[&str]]| {
            Value::Table(
                rows.iter()
                    .map(|row| row.iter().map(|s| s.to_string()).collect())
                    .collect(),
            )
        };
        let values = [
            text(""),
            text("   "),
            text("Kubernetes"),
            text(" padded "),
            list(&[]),
            list(&[""]),
            list(&["", " \t"]),
            list(&["build", "", "deploy"]),
            table(&[&["", " "]]),
            table(&[&["", ""], &["", "x"]]),
            table(&[&["dev", "Development"], &["prod", ""]]),
        ];
        let value_cases: Vec<serde_json::Value> = values
            .iter()
            .map(|value| {
                serde_json::json!({
                    "value": value,
                    "is_empty": value.is_empty(),
                    "lines": value.lines(),
                })
            })
            .collect();

        let steps = &crate::plan::steps()[..2];
        let mut progress_cases = Vec::new();
        for step in steps {
            let ids: Vec<&str> = step.fields.iter().map(|field| field.id.as_str()).collect();
            let mut some = Answers::default();
            for (index, id) in ids.iter().enumerate() {
                let (value, origin) = match index % 5 {
                    0 => (text("stated"), Origin::Document),
                    1 => (text("suggested"), Origin::Proposed),
                    2 => (text("  "), Origin::User),
                    3 => (list(&[" "]), Origin::Proposed),
                    _ => (text("mine"), Origin::User),
                };
                some.values.insert(id.to_string(), answer(value, origin));
            }
            let mut all = Answers::default();
            for id in &ids {
                all.set_user(id, text("done"));
            }
            for answers in [Answers::default(), some, all] {
                let open = answers.open_fields(step);
                let (check_open, check_unconfirmed) = crate::check::open_items(&answers);
                let in_step = |subject: &String| ids.contains(&subject.as_str());
                let unconfirmed: Vec<&String> = check_unconfirmed
                    .iter()
                    .map(|item| &item.subject)
                    .filter(|s| in_step(s))
                    .collect();
                assert_eq!(
                    unconfirmed,
                    open.proposed.iter().map(|f| &f.id).collect::<Vec<_>>()
                );
                for field in &open.tbd {
                    assert!(
                        check_open.iter().any(|item| item.subject == field.id),
                        "{}",
                        field.id
                    );
                }
                progress_cases.push(serde_json::json!({
                    "step": step.id,
                    "answers": answers,
                    "tbd": open.tbd.iter().map(|f| &f.id).collect::<Vec<_>>(),
                    "proposed": open.proposed.iter().map(|f| &f.id).collect::<Vec<_>>(),
                }));
            }
        }

        let cases = serde_json::json!({
            "about": "Written by `cargo test` (src/answers.rs); checked by ui/src/lib/answers.test.ts. Do not edit.",
            "values": value_cases,
            "steps": steps,
            "progress": progress_cases,
            "roles": crate::model::RoleLabel::all(),
        });
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("ui/src/lib/bindings/coreCases.json");
        let written = serde_json::to_string_pretty(&cases).unwrap() + "\n";
        if std::fs::read_to_string(&path).ok().as_deref() != Some(written.as_str()) {
            std::fs::write(&path, written).unwrap();
        }
    }

    #[test]
    fn answers_without_item_sources_still_load() {
        let answer: Answer = serde_json::from_str(r#"{"value":["a"],"origin":"user"}"#).unwrap();
        assert!(answer.item_sources.is_empty());
    }
}
