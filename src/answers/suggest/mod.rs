//! Suggestions made from facts: one module per plan step, in step order.

mod build;
mod checks;
mod database;
mod delivery;
mod disagreements;
mod environments;
mod goals;
mod infrastructure;
mod roles;
mod rollback;
mod security;
mod strategy;
#[cfg(test)]
mod tests;
mod ui;

use super::{Answer, Answers, Origin, Value};
use crate::facts::vocabulary::{display_name, display_names};
use crate::model::{Fact, Source};
use crate::plan::{self, FieldKind};
use crate::project::Project;
use crate::text::{bracketed_date, cells, is_date_like, iso_date, mentions, schedule_point};
use std::fmt::Write as _;

/// Builds answers for every field the facts can fill, each citing its sources.
///
/// Values the documents state are [`Origin::Document`]; values DeployPlan
/// derives or recommends are [`Origin::Proposed`] with a reason citing the
/// facts that led to them. A tool the documents never name only ever appears
/// in a proposal. Later steps build on what earlier steps hold (environments,
/// patterns, roles). Fields nothing supports stay empty (written as TBD).
pub fn suggest_answers(project: &Project) -> Answers {
    // Values as a reader should see them: no checklist status marks or LaTeX.
    let index = crate::passages::PassageIndex::build(&project.documents);
    let mut facts: Vec<Fact> = project
        .facts
        .iter()
        .map(|fact| Fact {
            value: crate::text::plain_value(&fact.value),
            ..fact.clone()
        })
        .collect();
    // Patterns the documents decide, as facts the strategy rules read.
    facts.extend(super::patterns::documented_patterns(&index));
    // Platforms the documents describe in words, for the profile choice.
    facts.extend(super::platform::stated_platforms(&index));
    let conflicts = crate::facts::conflicts::find_conflicts(&facts);
    let mut suggestions = Suggestions {
        facts: &facts,
        conflicts: &conflicts,
        project_name: project.display_name(),
        answers: Answers::default(),
    };
    suggestions.fill();
    let passages = super::documents_say::passages_from_index(&index);
    super::documents_say::carry_into_answers(&passages, &mut suggestions.answers);
    suggestions.answers
}

struct Suggestions<'a> {
    facts: &'a [Fact],
    /// Single-valued facts the documents disagree on: never settled silently.
    conflicts: &'a [crate::model::Conflict],
    project_name: String,
    answers: Answers,
}

/// Which fact key fills which field directly, as display names.
const DIRECT: &[(&str, &str)] = &[
    ("s0.mvp_scope", "mvp.scope_item"),
    ("s1.gitops_tool", "gitops.tool"),
    ("s1.feature_flag_tool", "feature_flags.tool"),
    ("s2.iac_tool", "iac.tool"),
    ("s3.ci_tool", "ci.tool"),
    ("s4.secrets_store", "secrets.store"),
    ("s5.observability", "observability.tool"),
    ("s8.engine", "db.engine"),
    ("s8.migration_tool", "db.migration_tool"),
    ("s9.framework", "frontend.framework"),
    ("s9.cdn", "cdn"),
    ("s10.pipeline_checks", "security.scanner"),
    ("s10.policy_tool", "policy.tool"),
    ("s10.compliance", "compliance"),
];

/// Roles a rule falls back to when the stakeholders name none like them.
const RELEASE_MANAGER_ROLE: &str = "Release Manager";
const PRODUCT_OWNER_ROLE: &str = "Product Owner";
const QA_LEAD_ROLE: &str = "QA Lead";

/// Databases that usually hold the system of record, most likely first.
const PRIMARY_DATABASES: &[&str] = &[
    "postgresql",
    "mysql",
    "mariadb",
    "sqlserver",
    "mongodb",
    "dynamodb",
    "firestore",
    "sqlite",
];

/// Environments in the order a release passes through them.
const ENVIRONMENT_ORDER: &[&str] = &["dev", "preview", "test", "qa", "staging", "uat", "prod"];

/// Words that mark a post-MVP statement as being about feature flags.
const FLAG_WORDS: &[&str] = &["flag", "kill switch", "dark launch", "ships dark"];
/// Words that mark a statement as being about release cadence.
const CADENCE_WORDS: &[&str] = &[
    "every two weeks",
    "every week",
    "weekly",
    "fortnight",
    "release is made",
    "release train",
    "cadence",
    "sprint",
];
/// Words that mark a statement as asking for a gradual (canary) rollout.
const CANARY_WORDS: &[&str] = &[
    "canary",
    "small share of traffic",
    "small percentage",
    "gradual rollout",
    "progressive",
];

/// Database facts with the systems of record first; caches and search
/// stores after.
fn primary_databases_first(facts: &mut [&Fact]) {
    facts.sort_by_key(|fact| {
        PRIMARY_DATABASES
            .iter()
            .position(|e| *e == fact.value)
            .unwrap_or(PRIMARY_DATABASES.len())
    });
}

/// The display names of the facts' values, each once, in the order first met.
fn names_of(facts: &[&Fact]) -> Vec<String> {
    display_names(facts.iter().map(|fact| fact.value.as_str()))
}

/// `file.md › Heading (line N)` for a fact's first source.
fn cite(fact: &Fact) -> String {
    fact.sources.first().map(cite_source).unwrap_or_default()
}

/// `file.md › Heading (line N)` for a source.
fn cite_source(source: &Source) -> String {
    let file = source.path.rsplit('/').next().unwrap_or(&source.path);
    let heading = source
        .heading
        .rsplit(" > ")
        .next()
        .unwrap_or(&source.heading);
    if heading.is_empty() {
        format!("{file} (line {})", source.line_start)
    } else {
        format!("{file} › {heading} (line {})", source.line_start)
    }
}
/// A role from `roles` whose name contains one of `words`, else `fallback`.
fn role_like(roles: &[String], words: &[&str], fallback: &str) -> String {
    roles
        .iter()
        .find(|role| mentions(role, words))
        .cloned()
        .unwrap_or_else(|| fallback.to_string())
}

impl<'a> Suggestions<'a> {
    fn of(&self, key: &str) -> Vec<&'a Fact> {
        self.facts.iter().filter(|fact| fact.key == key).collect()
    }

    /// The display names of a key's values, first occurrence first.
    fn names(&self, key: &str) -> Vec<String> {
        names_of(&self.of(key))
    }

    /// The display name of a key's first value.
    fn first_name(&self, key: &str) -> Option<String> {
        self.of(key).first().map(|fact| display_name(&fact.value))
    }

    /// The text of an earlier answer (a list's items joined).
    fn text(&self, field_id: &str) -> Option<String> {
        self.answers.joined(field_id)
    }

    /// The first cells of an earlier table answer's rows.
    fn first_column(&self, field_id: &str) -> Vec<String> {
        self.answers.first_column(field_id)
    }

    fn sources(facts: &[&Fact]) -> Vec<Source> {
        let mut sources: Vec<Source> = facts
            .iter()
            .flat_map(|fact| fact.sources.iter().cloned())
            .collect();
        sources.sort();
        sources.dedup();
        sources
    }

    fn put(
        &mut self,
        field_id: &str,
        value: Value,
        origin: Origin,
        reason: Option<String>,
        facts: &[&Fact],
    ) {
        if value.is_empty() {
            return;
        }
        debug_assert!(plan::field(field_id).is_some(), "unknown field {field_id}");
        self.answers.values.insert(
            field_id.to_string(),
            Answer {
                value,
                origin,
                reason,
                sources: Self::sources(facts),
                item_sources: Vec::new(),
            },
        );
    }

    /// Puts a list or table whose every item (row) cites its own facts.
    fn put_items(
        &mut self,
        field_id: &str,
        items: Vec<(Vec<String>, Vec<&Fact>)>,
        origin: Origin,
        reason: Option<String>,
    ) {
        if items.is_empty() {
            return;
        }
        let kind = plan::field(field_id)
            .map(|f| f.kind)
            .unwrap_or(FieldKind::List);
        let all: Vec<&Fact> = items
            .iter()
            .flat_map(|(_, facts)| facts.iter().copied())
            .collect();
        let item_sources: Vec<Vec<Source>> = items
            .iter()
            .map(|(_, facts)| Self::sources(facts))
            .collect();
        let value = if kind == FieldKind::Table {
            Value::Table(items.into_iter().map(|(row, _)| row).collect())
        } else {
            Value::List(items.into_iter().map(|(row, _)| row.join(" — ")).collect())
        };
        self.put(field_id, value, origin, reason, &all);
        if let Some(answer) = self.answers.values.get_mut(field_id) {
            answer.item_sources = item_sources;
        }
    }

    /// Puts a proposal; `facts` are what it was derived from.
    fn propose(&mut self, field_id: &str, value: Value, reason: String, facts: &[&Fact]) {
        self.put(field_id, value, Origin::Proposed, Some(reason), facts);
    }

    fn fill(&mut self) {
        for &(field_id, key) in DIRECT {
            let mut facts = self.of(key);
            if key == "db.engine" {
                primary_databases_first(&mut facts);
            }
            if facts.is_empty() {
                continue;
            }
            let kind = plan::field(field_id)
                .map(|f| f.kind)
                .unwrap_or(FieldKind::Text);
            if kind.is_list() {
                let mut items: Vec<(Vec<String>, Vec<&Fact>)> = Vec::new();
                for fact in facts {
                    let name = display_name(&fact.value);
                    match items.iter_mut().find(|(item, _)| item[0] == name) {
                        Some((_, cited)) => cited.push(fact),
                        None => items.push((vec![name], vec![fact])),
                    }
                }
                self.put_items(field_id, items, Origin::Document, None);
            } else {
                let value = Value::Text(names_of(&facts).join(", "));
                self.put(field_id, value, Origin::Document, None, &facts);
            }
        }
        self.fill_launch();
        self.fill_milestones();
        self.fill_post_mvp_statements();
        self.fill_goals();
        self.fill_disagreements();
        self.fill_workflow();
        self.fill_mvp_pattern();
        self.fill_post_mvp_pattern();
        self.fill_feature_flags();
        self.fill_cadence();
        self.fill_environments();
        self.fill_build();
        self.fill_delivery();
        self.fill_infrastructure();
        self.fill_service_levels();
        self.fill_observability();
        self.fill_roles();
        self.fill_rollback();
        self.fill_checks();
        self.fill_database();
        self.fill_ui();
        self.fill_security();
        self.fill_raci();
    }
}
