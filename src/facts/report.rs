//! The `deployplan facts` output: JSON in the shape of PRODUCT.md §3, or a
//! table for people, grouped by role and by key.

use crate::model::{Conflict, Fact, Role};
use crate::project::Project;
use serde::Serialize;
use std::fmt::Write as _;

/// One document in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentEntry {
    pub path: String,
    pub role: Option<Role>,
    pub bytes: u64,
    pub reason: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// A plan or export DeployPlan wrote: listed, never read.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub own_output: bool,
}

/// What `deployplan facts --json` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FactsReport {
    /// The project folder as given.
    pub project: String,
    pub documents: Vec<DocumentEntry>,
    pub facts: Vec<Fact>,
    /// Alternatives and examples the documents mention, not decided.
    pub hints: Vec<Fact>,
    /// Single-valued facts the documents disagree on, each value with its sources.
    pub conflicts: Vec<Conflict>,
    /// Roles no document fills.
    pub missing_roles: Vec<Role>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl FactsReport {
    /// The report of an opened project; `project` is the folder as the user named it.
    pub fn new(project: &Project, shown_as: &str) -> Self {
        FactsReport {
            project: shown_as.to_string(),
            documents: project
                .document_list()
                .into_iter()
                .map(|d| DocumentEntry {
                    path: d.path,
                    role: d.role,
                    bytes: d.bytes,
                    reason: d.reason,
                    warnings: d.warnings,
                    own_output: d.own_output,
                })
                .collect(),
            facts: project.facts.clone(),
            hints: project.hints.clone(),
            conflicts: project.conflicts(),
            missing_roles: project.missing_roles(),
            warnings: project.warnings.clone(),
        }
    }

    /// Pretty-printed JSON, ending with a newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string());
        text.push('\n');
        text
    }

    /// A plain-text table: documents by role, then facts by key with their
    /// first source, then hints and warnings.
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "Project: {}", self.project);
        let _ = writeln!(out, "\nDocuments");
        let mut roles: Vec<Option<Role>> = Role::ALL.iter().copied().map(Some).collect();
        roles.push(None);
        for role in roles {
            let documents: Vec<&DocumentEntry> = self
                .documents
                .iter()
                .filter(|d| d.role == role && !d.own_output)
                .collect();
            let name = role.map(|r| r.as_str()).unwrap_or("(no role)");
            if documents.is_empty() {
                if role.is_some() {
                    let _ = writeln!(out, "  {name:<9} — missing");
                }
                continue;
            }
            for (index, document) in documents.iter().enumerate() {
                let shown = if index == 0 { name } else { "" };
                let _ = writeln!(
                    out,
                    "  {shown:<9} {}  ({} bytes; {})",
                    document.path, document.bytes, document.reason
                );
            }
        }
        let outputs: Vec<&DocumentEntry> = self.documents.iter().filter(|d| d.own_output).collect();
        if !outputs.is_empty() {
            let _ = writeln!(out, "\n{}", crate::output_marker::OUTPUT_REASON);
            for document in outputs {
                let _ = writeln!(out, "  {}  ({} bytes)", document.path, document.bytes);
            }
        }
        let _ = writeln!(out, "\nFacts");
        if self.facts.is_empty() {
            let _ = writeln!(out, "  (none)");
        }
        write_facts(&mut out, &self.facts);
        if !self.conflicts.is_empty() {
            let _ = writeln!(
                out,
                "\nConflicts (the documents disagree; the owner chooses)"
            );
            for conflict in &self.conflicts {
                let _ = writeln!(out, "  {}", conflict.key);
                for value in &conflict.values {
                    let places: Vec<String> = value
                        .sources
                        .iter()
                        .map(|s| format!("{}:{}", s.path, s.line_start))
                        .collect();
                    let _ = writeln!(out, "    {}  — {}", value.value, places.join(", "));
                }
            }
        }
        if !self.hints.is_empty() {
            let _ = writeln!(out, "\nHints (mentioned as options, not decided)");
            write_facts(&mut out, &self.hints);
        }
        if !self.warnings.is_empty() {
            let _ = writeln!(out, "\nWarnings");
            for warning in &self.warnings {
                let _ = writeln!(out, "  {warning}");
            }
        }
        out
    }
}

fn write_facts(out: &mut String, facts: &[Fact]) {
    let width = facts.iter().map(|f| f.key.len()).max().unwrap_or(0);
    let mut previous = "";
    for fact in facts {
        let key = if fact.key == previous {
            ""
        } else {
            fact.key.as_str()
        };
        previous = &fact.key;
        let value: String = if fact.value.chars().count() > 70 {
            format!("{}…", fact.value.chars().take(69).collect::<String>())
        } else {
            fact.value.clone()
        };
        let place = fact
            .sources
            .first()
            .map(|s| {
                let more = if fact.sources.len() > 1 {
                    format!(" (+{})", fact.sources.len() - 1)
                } else {
                    String::new()
                };
                format!("{}:{}{more}", s.path, s.line_start)
            })
            .unwrap_or_default();
        let _ = writeln!(out, "  {key:<width$}  {value}  — {place}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;
    use std::path::PathBuf;

    fn project() -> Project {
        Project {
            root: PathBuf::from("/p"),
            name: "p".into(),
            documents: Vec::new(),
            own_outputs: Vec::new(),
            facts: vec![Fact {
                key: "ci.tool".into(),
                value: "github-actions".into(),
                sources: vec![Source {
                    path: "docs/a.md".into(),
                    line_start: 4,
                    line_end: 4,
                    heading: "Stack".into(),
                    excerpt: "CI: GitHub Actions".into(),
                }],
            }],
            hints: Vec::new(),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn the_json_keeps_the_documented_shape() {
        let json: serde_json::Value =
            serde_json::from_str(&FactsReport::new(&project(), "demo").to_json()).unwrap();
        assert_eq!(json["project"], "demo");
        assert_eq!(json["facts"][0]["key"], "ci.tool");
        assert_eq!(json["facts"][0]["sources"][0]["line_start"], 4);
        assert_eq!(json["facts"][0]["sources"][0]["heading"], "Stack");
        assert!(json["documents"].is_array());
        assert!(json["hints"].is_array());
        assert_eq!(json["conflicts"], serde_json::json!([]));
    }

    #[test]
    fn disagreeing_targets_are_listed_as_conflicts_with_their_sources() {
        let mut project = project();
        for (value, path) in [("99.9%", "docs/prd.md"), ("99.5%", "docs/spec.md")] {
            project.facts.push(Fact {
                key: "nfr.availability".into(),
                value: value.into(),
                sources: vec![Source {
                    path: path.into(),
                    line_start: 2,
                    line_end: 2,
                    heading: String::new(),
                    excerpt: value.into(),
                }],
            });
        }
        let report = FactsReport::new(&project, "demo");
        let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
        assert_eq!(json["conflicts"][0]["key"], "nfr.availability");
        assert_eq!(json["conflicts"][0]["values"][1]["value"], "99.5%");
        assert_eq!(
            json["conflicts"][0]["values"][1]["sources"][0]["path"],
            "docs/spec.md"
        );
        let table = report.to_table();
        assert!(table.contains("    99.5%  — docs/spec.md:2"), "{table}");
    }

    #[test]
    fn the_table_lists_missing_roles_and_facts_with_their_place() {
        let table = FactsReport::new(&project(), "demo").to_table();
        assert!(table.contains("SPEC      — missing"), "{table}");
        assert!(
            table.contains("ci.tool  github-actions  — docs/a.md:4"),
            "{table}"
        );
    }
}
