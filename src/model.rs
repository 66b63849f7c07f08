//! The nouns shared by every stage: document roles, documents, facts and
//! their sources.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The role a planning document fills (PRODUCT.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "UPPERCASE")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum Role {
    Spec,
    Brd,
    Prd,
    Ui,
    Security,
    Stories,
    Test,
}

impl Role {
    /// Every role, in the order the brief lists them.
    pub const ALL: [Role; 7] = [
        Role::Spec,
        Role::Brd,
        Role::Prd,
        Role::Ui,
        Role::Security,
        Role::Stories,
        Role::Test,
    ];

    /// The role's name as written in JSON (`SPEC`, `BRD`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Spec => "SPEC",
            Role::Brd => "BRD",
            Role::Prd => "PRD",
            Role::Ui => "UI",
            Role::Security => "SECURITY",
            Role::Stories => "STORIES",
            Role::Test => "TEST",
        }
    }

    /// A plain-words name for people who do not know the acronyms.
    pub fn label(self) -> &'static str {
        match self {
            Role::Spec => "Technical specification",
            Role::Brd => "Business requirements",
            Role::Prd => "Product requirements (MVP scope)",
            Role::Ui => "UI specification",
            Role::Security => "Security requirements",
            Role::Stories => "User stories",
            Role::Test => "Test strategy",
        }
    }

    /// The canonical file name under `project_docs/`.
    pub fn canonical_file(self) -> &'static str {
        match self {
            Role::Spec => "technicalSpecification.md",
            Role::Brd => "businessRequirements.md",
            Role::Prd => "productRequirements_mvp.md",
            Role::Ui => "uiSpecification.md",
            Role::Security => "securityRequirements.md",
            Role::Stories => "userStories.md",
            Role::Test => "testStrategy.md",
        }
    }

    /// What the plan takes from a document of this role, for "missing" notices.
    pub fn feeds(self) -> &'static str {
        match self {
            Role::Spec => {
                "architecture, tech stack, NFRs/SLOs, infrastructure, data stores, secrets"
            }
            Role::Brd => "business goals, timeline and milestones, stakeholders",
            Role::Prd => "MVP scope, release criteria, release strategy ideas, NFRs",
            Role::Ui => "UI framework, browsers, accessibility, assets",
            Role::Security => "compliance, secure configuration, secrets, scanning, policy-as-code",
            Role::Stories => "MVP-prioritised stories and post-MVP increments",
            Role::Test => "test environments, MVP exit criteria, test roles",
        }
    }

    /// Parses `SPEC`, `spec`, … into a role.
    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|role| role.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

/// A role and its plain-words name, for choosing a role in the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct RoleLabel {
    pub role: Role,
    /// [`Role::label`].
    pub label: &'static str,
}

impl RoleLabel {
    /// Every role with its label, in [`Role::ALL`]'s order.
    pub fn all() -> Vec<RoleLabel> {
        Role::ALL
            .into_iter()
            .map(|role| RoleLabel {
                role,
                label: role.label(),
            })
            .collect()
    }
}

/// A Markdown file of the project and the role it fills.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Document {
    /// Path relative to the project folder, with `/` separators.
    pub path: String,
    /// The role it fills, or `None` for a document that fills none.
    pub role: Option<Role>,
    /// Why it was given that role (or none), in plain words.
    pub reason: String,
    /// Size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    /// Problems met while reading it (e.g. not valid UTF-8).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// A plan or export DeployPlan wrote (see [`crate::output_marker`]):
    /// listed, never read as a source, and given no role.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub own_output: bool,
}

/// Where a fact was read: file, 1-based line range, heading path, excerpt.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Source {
    pub path: String,
    pub line_start: u32,
    pub line_end: u32,
    /// Heading path, e.g. `Tech Stack > CI/CD`.
    pub heading: String,
    pub excerpt: String,
}

/// One thing the documents state, under a key of PRODUCT.md §3.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Fact {
    pub key: String,
    pub value: String,
    pub sources: Vec<Source>,
}

/// One value of a [`Conflict`] and where the documents state it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ConflictValue {
    pub value: String,
    pub sources: Vec<Source>,
}

/// Documents that disagree on a fact that has one value (two availability
/// targets, two launch dates, two relational databases): an open decision for
/// the owner, never settled silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct Conflict {
    pub key: String,
    /// The disagreeing values, in the order the facts list them.
    pub values: Vec<ConflictValue>,
}
