//! Where the documents disagree (step 0, and the fields the disputed facts
//! feed): every value with its sources, and the owner who decides. A
//! disputed fact is never settled silently by picking one of its values.

use super::*;
use crate::model::Conflict;

/// What a single-valued key is called in the plan, and who settles it.
const DECIDERS: &[(&str, &str, &str)] = &[
    ("nfr.availability", "Availability target", "Product Owner"),
    ("nfr.rto", "Recovery time objective (RTO)", "Product Owner"),
    ("nfr.rpo", "Recovery point objective (RPO)", "Product Owner"),
    ("timeline.mvp_launch", "MVP launch date", "Product Owner"),
    ("db.engine", "Main database", "Backend Lead"),
];

impl<'a> Suggestions<'a> {
    /// The conflict on `key`, if the documents disagree on it.
    pub(super) fn conflict(&self, key: &str) -> Option<&'a Conflict> {
        self.conflicts.iter().find(|conflict| conflict.key == key)
    }

    /// One line naming every value of a disputed key and who decides, e.g.
    /// `Availability target: 99.9% or 99.95% — the documents disagree; TBD, decided by the Product Owner`.
    pub(super) fn disagreement_line(conflict: &Conflict) -> String {
        let (label, owner) = DECIDERS
            .iter()
            .find(|(key, _, _)| *key == conflict.key)
            .map(|(_, label, owner)| (label.to_string(), *owner))
            .unwrap_or_else(|| (conflict.key.clone(), "Product Owner"));
        let values: Vec<String> = conflict
            .values
            .iter()
            .map(|value| {
                if conflict.key == "db.engine" {
                    display_name(&value.value)
                } else {
                    value.value.clone()
                }
            })
            .collect();
        format!(
            "{label}: {} — the documents disagree; TBD, decided by the {owner}",
            values.join(" or ")
        )
    }

    /// The facts behind a conflict (all its values' sources), for citing.
    pub(super) fn conflict_facts(&self, conflict: &Conflict) -> Vec<&'a Fact> {
        let values: Vec<&str> = conflict.values.iter().map(|v| v.value.as_str()).collect();
        let sources: Vec<&crate::model::Source> = conflict
            .values
            .iter()
            .flat_map(|v| v.sources.iter())
            .collect();
        self.facts
            .iter()
            .filter(|fact| {
                fact.key == conflict.key
                    && (values.contains(&fact.value.as_str())
                        || fact.sources.iter().any(|s| sources.contains(&s)))
            })
            .collect()
    }

    pub(super) fn fill_disagreements(&mut self) {
        let items: Vec<(Vec<String>, Vec<&Fact>)> = self
            .conflicts
            .iter()
            .map(|conflict| {
                (
                    vec![Self::disagreement_line(conflict)],
                    self.conflict_facts(conflict),
                )
            })
            .collect();
        self.put_items("s0.disagreements", items, Origin::Document, None);
    }
}
