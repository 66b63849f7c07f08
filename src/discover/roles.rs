//! Which role a document fills, and why: from its place in a known layout,
//! its file name, its title, or its headings — in that order of trust.

use crate::markdown::Outline;
use crate::model::Role;

/// Name phrases and the role they give, most specific first. A phrase is a
/// run of words of the file name or title; a trailing `*` matches any word
/// starting so (`spec*` matches `specification`).
const NAME_PHRASES: &[(&[&str], Role)] = &[
    // Security before anything "requirements"-like: `securityRequirements`.
    // Testing of security is testing: `security-test-cases`.
    (&["security", "test*"], Role::Test),
    (&["security"], Role::Security),
    (&["threat", "model*"], Role::Security),
    (&["iam"], Role::Security),
    (&["compliance"], Role::Security),
    (&["privacy"], Role::Security),
    (&["sicherheit*"], Role::Security),
    (&["seguridad"], Role::Security),
    (&["securite"], Role::Security),
    (&["sécurité"], Role::Security),
    (&["segurança"], Role::Security),
    (&["test*"], Role::Test),
    (&["validation", "plan"], Role::Test),
    (&["verification", "plan"], Role::Test),
    (&["qa"], Role::Test),
    (&["quality", "assurance"], Role::Test),
    (&["prueba*"], Role::Test),
    (&["teste*"], Role::Test),
    (&["user", "stor*"], Role::Stories),
    (&["stor*"], Role::Stories),
    (&["backlog"], Role::Stories),
    (&["epic*"], Role::Stories),
    (&["tasks"], Role::Stories),
    (&["historias"], Role::Stories),
    (&["front", "end", "architecture"], Role::Spec),
    (&["frontend", "architecture"], Role::Spec),
    (&["front", "end", "spec*"], Role::Ui),
    (&["frontend", "spec*"], Role::Ui),
    (&["ui"], Role::Ui),
    (&["styling"], Role::Ui),
    (&["typography"], Role::Ui),
    (&["color*"], Role::Ui),
    (&["colour*"], Role::Ui),
    (&["design", "principles"], Role::Ui),
    (&["user", "flows"], Role::Ui),
    (&["ux"], Role::Ui),
    (&["user", "interface"], Role::Ui),
    (&["design", "system"], Role::Ui),
    (&["wireframe*"], Role::Ui),
    (&["style", "guide"], Role::Ui),
    (&["business", "req*"], Role::Brd),
    (&["brd"], Role::Brd),
    (&["brief"], Role::Brd),
    (&["business", "case"], Role::Brd),
    (&["vision"], Role::Brd),
    (&["roadmap"], Role::Brd),
    (&["milestone*"], Role::Brd),
    (&["meilenstein*"], Role::Brd),
    (&["cronograma"], Role::Brd),
    (&["roteiro"], Role::Brd),
    (&["product", "strategy"], Role::Brd),
    (&["monetization"], Role::Brd),
    (&["market", "research"], Role::Brd),
    (&["charter"], Role::Brd),
    (&["project", "overview"], Role::Brd),
    (&["lastenheft"], Role::Brd),
    (&["cahier", "des", "charges"], Role::Brd),
    (&["tech*", "spec*"], Role::Spec),
    (&["architecture"], Role::Spec),
    (&["architektur"], Role::Spec),
    (&["arquitectura"], Role::Spec),
    (&["arquitetura"], Role::Spec),
    (&["system", "design"], Role::Spec),
    (&["technical", "design"], Role::Spec),
    (&["design"], Role::Spec),
    (&["decisions"], Role::Spec),
    (&["decision", "record*"], Role::Spec),
    (&["tech", "stack"], Role::Spec),
    (&["technical"], Role::Spec),
    (&["api"], Role::Spec),
    (&["database"], Role::Spec),
    (&["data", "model*"], Role::Spec),
    (&["infrastru*"], Role::Spec),
    (&["monitoring"], Role::Spec),
    (&["observability"], Role::Spec),
    (&["backup*"], Role::Spec),
    (&["disaster", "recovery"], Role::Spec),
    (&["betriebs*"], Role::Spec),
    (&["coding", "standards"], Role::Spec),
    (&["error", "handling"], Role::Spec),
    (&["nfrd"], Role::Spec),
    (&["non", "functional", "req*"], Role::Spec),
    (&["nonfunctional", "req*"], Role::Spec),
    (&["pflichtenheft"], Role::Spec),
    (&["prd"], Role::Prd),
    (&["product", "req*"], Role::Prd),
    (&["product", "spec*"], Role::Prd),
    (&["frd"], Role::Prd),
    (&["functional", "req*"], Role::Prd),
    (&["req*"], Role::Prd),
    (&["anforderung*"], Role::Prd),
    (&["requisitos"], Role::Prd),
    (&["exigences"], Role::Prd),
    (&["feature*", "priorit*"], Role::Prd),
    (&["features"], Role::Prd),
    (&["mvp"], Role::Prd),
    (&["spec"], Role::Prd),
    (&["specs"], Role::Prd),
    (&["specification*"], Role::Prd),
    (&["especifica*"], Role::Prd),
];

/// Document-type acronyms (IEEE, MIL-STD-498 and common practice), what
/// they stand for, and the role that kind of document fills. Matched as a
/// whole word of a file name or title (`SRS.md`, `02_SDD_v3.md`).
pub const ACRONYMS: &[(&str, &str, Role)] = &[
    ("srs", "software requirements specification", Role::Prd),
    ("sss", "system/subsystem specification", Role::Prd),
    ("irs", "interface requirements specification", Role::Prd),
    ("frs", "functional requirements specification", Role::Prd),
    ("urs", "user requirements specification", Role::Prd),
    ("sdd", "software design description", Role::Spec),
    ("ssdd", "system/subsystem design description", Role::Spec),
    ("idd", "interface design description", Role::Spec),
    ("dbdd", "database design description", Role::Spec),
    ("sps", "software product specification", Role::Spec),
    ("sad", "software architecture document", Role::Spec),
    ("hld", "high-level design", Role::Spec),
    ("lld", "low-level design", Role::Spec),
    ("icd", "interface control document", Role::Spec),
    ("trd", "technical requirements document", Role::Spec),
    ("tsd", "technical specification document", Role::Spec),
    ("adr", "architecture decision record", Role::Spec),
    ("adrs", "architecture decision records", Role::Spec),
    ("ocd", "operational concept description", Role::Brd),
    ("conops", "concept of operations", Role::Brd),
    ("sdp", "software development plan", Role::Brd),
    ("pmp", "project management plan", Role::Brd),
    ("sow", "statement of work", Role::Brd),
    ("mrd", "market requirements document", Role::Brd),
    ("stp", "software test plan", Role::Test),
    ("std", "software test description", Role::Test),
    ("str", "software test report", Role::Test),
    ("rtm", "requirements traceability matrix", Role::Test),
    ("atp", "acceptance test plan", Role::Test),
    ("mtp", "master test plan", Role::Test),
    ("ssp", "system security plan", Role::Security),
    ("dpia", "data protection impact assessment", Role::Security),
];

/// Names that are never planning documents, whatever their words.
const NOT_PLANNING: &[&str] = &[
    "readme",
    "changelog",
    "license",
    "licence",
    "contributing",
    "code_of_conduct",
    "code-of-conduct",
    "security_policy",
    "authors",
    "notice",
    "history",
];

/// Splits a file name or title into lower-case words: `technicalSpecification_v2`
/// → `technical specification v2`; numbers on their own are dropped.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && previous_lower && !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            // `APISpec` → `api spec`: an upper-case run ends before the
            // capital that starts the next word.
            if c.is_lowercase() && !previous_lower && current.chars().count() >= 2 {
                let last = current.pop();
                out.push(std::mem::take(&mut current));
                current.extend(last);
            }
            previous_lower = c.is_lowercase() || c.is_ascii_digit();
            current.extend(c.to_lowercase());
        } else {
            previous_lower = false;
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.retain(|word| !word.chars().all(|c| c.is_ascii_digit()));
    out
}

fn phrase_matches(words: &[String], phrase: &[&str]) -> bool {
    if phrase.is_empty() || words.len() < phrase.len() {
        return false;
    }
    words.windows(phrase.len()).any(|window| {
        window
            .iter()
            .zip(phrase)
            .all(|(word, pattern)| match pattern.strip_suffix('*') {
                Some(prefix) => word.starts_with(prefix),
                None => word == pattern,
            })
    })
}

/// The first phrase of [`NAME_PHRASES`] found in `text`, with its role;
/// else a document-type acronym of [`ACRONYMS`].
fn role_from_words(text: &str) -> Option<(Role, String)> {
    let words = words(text);
    if let Some((acronym, meaning, role)) = ACRONYMS
        .iter()
        .find(|(acronym, _, _)| words.iter().any(|w| w == acronym))
    {
        return Some((
            *role,
            format!("{} ({meaning})", acronym.to_ascii_uppercase()),
        ));
    }
    NAME_PHRASES
        .iter()
        .find(|(phrase, _)| phrase_matches(&words, phrase))
        .map(|(phrase, role)| (*role, phrase.join(" ").replace('*', "…")))
}

fn stem(name: &str) -> &str {
    let lower_end = name.len().saturating_sub(9);
    if name.to_ascii_lowercase().ends_with(".markdown") {
        return &name[..lower_end];
    }
    name.strip_suffix(".md")
        .or_else(|| name.strip_suffix(".MD"))
        .unwrap_or(name)
}

/// Words naming a deployment, release or operations document (a runbook, a
/// rollback procedure) in the five languages read. Such a document fills no
/// planning role, whatever its headings say: it is read as a source, never
/// taken for SECURITY or TEST because it mentions secrets or smoke tests.
const DEPLOYMENT_PHRASES: &[&[&str]] = &[
    &["deploy*"],
    &["runbook*"],
    &["run", "book"],
    &["rollback*"],
    &["roll", "back"],
    &["release", "process"],
    &["release", "procedure*"],
    &["cutover"],
    &["go", "live", "plan"],
    &["operations", "manual"],
    &["playbook*"],
    &["despliegue*"],
    &["implanta*"],
    &["implementa*", "produ*"],
    &["déploiement*"],
    &["deploiement*"],
    &["mise", "en", "production"],
    &["bereitstellung*"],
    &["inbetriebnahme"],
    &["rollout*"],
];

/// The reason given to a deployment or runbook document.
pub const DEPLOYMENT_REASON: &str =
    "a deployment or runbook document: it fills no planning role and is read as a source";

/// Whether a file name or title names a deployment or runbook document.
pub fn names_deployment(text: &str) -> bool {
    let words = words(text);
    DEPLOYMENT_PHRASES
        .iter()
        .any(|phrase| phrase_matches(&words, phrase))
}

/// A role guessed from the file name alone, with the reason.
pub fn role_from_name(name: &str) -> (Option<Role>, String) {
    let stem = stem(name);
    for role in Role::ALL {
        if role
            .canonical_file()
            .trim_end_matches(".md")
            .eq_ignore_ascii_case(stem)
        {
            return (
                Some(role),
                format!("file name is the canonical {} name", role.as_str()),
            );
        }
    }
    let lower = stem.to_ascii_lowercase();
    if NOT_PLANNING.contains(&lower.as_str()) {
        return (None, format!("{name} is not a planning document"));
    }
    if lower.ends_with(".story") {
        return (Some(Role::Stories), "file name ends in .story".to_string());
    }
    if names_deployment(stem) {
        return (None, DEPLOYMENT_REASON.to_string());
    }
    match role_from_words(stem) {
        Some((role, phrase)) => (Some(role), format!("file name says \"{phrase}\"")),
        None => (None, "no role recognised from the file name".to_string()),
    }
}

/// A role from the file's place in a known layout (BMAD, Kiro, spec-kit),
/// else from its name. `path` is relative, `/`-separated.
pub fn role_from_path(path: &str) -> (Option<Role>, String) {
    let parts: Vec<&str> = path.split('/').collect();
    let name = parts.last().copied().unwrap_or(path);
    let stem_lower = stem(name).to_ascii_lowercase();
    let folder = |index_from_end: usize| -> Option<String> {
        parts
            .len()
            .checked_sub(index_from_end + 1)
            .map(|i| parts[i].to_ascii_lowercase())
    };
    let parent = folder(1);
    let grandparent = folder(2);
    let great = folder(3);

    // Kiro: .kiro/specs/<feature>/{requirements,design,tasks}.md and .kiro/steering/*.md
    if grandparent.as_deref() == Some("specs") && great.as_deref() == Some(".kiro") {
        let role = match stem_lower.as_str() {
            "requirements" => Some(Role::Prd),
            "design" => Some(Role::Spec),
            "tasks" => Some(Role::Stories),
            _ => None,
        };
        if let Some(role) = role {
            return (
                Some(role),
                format!("Kiro spec layout: {stem_lower}.md of a feature spec"),
            );
        }
        return (
            None,
            "Kiro spec folder, but not requirements, design or tasks".to_string(),
        );
    }
    if parent.as_deref() == Some("steering") && grandparent.as_deref() == Some(".kiro") {
        let role = match stem_lower.as_str() {
            "product" | "project-overview" | "overview" => Some(Role::Brd),
            "tech" | "structure" | "architecture" => Some(Role::Spec),
            _ => None,
        };
        if let Some(role) = role {
            return (Some(role), format!("Kiro steering file {stem_lower}.md"));
        }
    }
    // spec-kit: specs/<feature>/{spec,plan,tasks}.md
    if grandparent.as_deref() == Some("specs") {
        let role = match stem_lower.as_str() {
            "spec" => Some(Role::Prd),
            "plan" | "data-model" | "research" => Some(Role::Spec),
            "tasks" => Some(Role::Stories),
            _ => None,
        };
        if let Some(role) = role {
            return (
                Some(role),
                format!("spec-kit layout: {stem_lower}.md of a feature"),
            );
        }
    }
    // BMAD: sharded docs/prd/*.md, docs/architecture/*.md, docs/stories/*.md
    if parts.len() >= 2 {
        match parent.as_deref() {
            Some("prd") => {
                if stem_lower.starts_with("epic") {
                    return (
                        Some(Role::Stories),
                        "BMAD layout: an epic shard of the PRD (docs/prd/epic-*)".to_string(),
                    );
                }
                return (
                    Some(Role::Prd),
                    "BMAD layout: a shard of the PRD (docs/prd/)".to_string(),
                );
            }
            Some("architecture") => {
                if let (Some(role @ (Role::Security | Role::Test | Role::Ui)), reason) =
                    role_from_name(name)
                {
                    return (Some(role), format!("{reason} (architecture shard)"));
                }
                if !NOT_PLANNING.contains(&stem_lower.as_str()) {
                    return (
                        Some(Role::Spec),
                        "BMAD layout: a shard of the architecture (docs/architecture/)".to_string(),
                    );
                }
            }
            Some("stories") => {
                return (
                    Some(Role::Stories),
                    "BMAD layout: a story file (docs/stories/)".to_string(),
                );
            }
            _ => {}
        }
    }
    role_from_name(name)
}

/// Heading words typical of each role, for documents whose name and title
/// say nothing.
const HEADING_HINTS: &[(Role, &[&str])] = &[
    (
        Role::Spec,
        &[
            "system architecture",
            "high level architecture",
            "tech stack",
            "technology stack",
            "data model",
            "api design",
            "api endpoints",
            "components",
            "database schema",
            "technical requirements",
        ],
    ),
    (
        Role::Brd,
        &[
            "business objectives",
            "business goals",
            "stakeholder",
            "raci",
            "business case",
            "market",
            "roi",
            "value proposition",
            "success metrics",
            "kpi",
        ],
    ),
    (
        Role::Prd,
        &[
            "mvp scope",
            "functional requirements",
            "release criteria",
            "user personas",
            "non-functional requirements",
            "out of scope",
            "product goals",
            "features",
        ],
    ),
    (
        Role::Ui,
        &[
            "wireframe",
            "typography",
            "color palette",
            "colour palette",
            "navigation",
            "accessibility",
            "responsive",
            "component library",
            "user flows",
            "style guide",
        ],
    ),
    (
        Role::Security,
        &[
            "threat model",
            "authentication",
            "authorization",
            "encryption",
            "compliance",
            "vulnerability",
            "secrets management",
            "access control",
            "incident response",
        ],
    ),
    (
        Role::Stories,
        &[
            "user stories",
            "acceptance criteria",
            "backlog",
            "epic",
            "story",
        ],
    ),
    (
        Role::Test,
        &[
            "test environments",
            "exit criteria",
            "test data",
            "test automation",
            "defect",
            "test cases",
            "regression",
            "entry criteria",
            "test approach",
        ],
    ),
];

/// A role from the document's title, else from its headings, for documents
/// whose path and name gave none. `None` when nothing is clear enough.
pub fn role_from_content(path: &str, outline: &Outline) -> Option<(Role, String)> {
    role_from_title(path, outline).or_else(|| role_from_headings(path, outline))
}

/// A role from the document's title alone.
fn role_from_title(path: &str, outline: &Outline) -> Option<(Role, String)> {
    let name = path.rsplit('/').next().unwrap_or(path);
    if NOT_PLANNING.contains(&stem(name).to_ascii_lowercase().as_str()) {
        return None;
    }
    let title = outline.title()?;
    let (role, phrase) = role_from_words(title)?;
    Some((
        role,
        format!("title \"{}\" says \"{phrase}\"", shorten(title, 80)),
    ))
}

/// A role from the document's headings, when most of them point one way.
fn role_from_headings(path: &str, outline: &Outline) -> Option<(Role, String)> {
    let name = path.rsplit('/').next().unwrap_or(path);
    if NOT_PLANNING.contains(&stem(name).to_ascii_lowercase().as_str()) {
        return None;
    }
    let mut scores: Vec<(Role, usize, Vec<&str>)> = Vec::new();
    for (role, hints) in HEADING_HINTS {
        let mut matched: Vec<&str> = Vec::new();
        for section in &outline.sections {
            if hints.iter().any(|hint| contains_words(&section.name, hint))
                && !matched.contains(&section.title.as_str())
            {
                matched.push(section.title.as_str());
            }
        }
        scores.push((*role, matched.len(), matched));
    }
    scores.sort_by_key(|score| std::cmp::Reverse(score.1));
    let (best, second) = (scores.first()?, scores.get(1).map(|s| s.1).unwrap_or(0));
    if best.1 >= 3 && best.1 > second * 2 {
        let examples: Vec<String> = best
            .2
            .iter()
            .take(3)
            .map(|t| format!("\"{}\"", shorten(t, 40)))
            .collect();
        return Some((
            best.0,
            format!(
                "headings such as {} suggest {}",
                examples.join(", "),
                best.0.as_str()
            ),
        ));
    }
    None
}

/// One document to give a role: its path, the role its path and name gave
/// (with the reason), and its outline.
pub struct RoleInput<'a> {
    pub path: &'a str,
    pub role: Option<Role>,
    pub reason: &'a str,
    pub outline: &'a Outline,
}

/// Least documents with a role a folder needs before it lends that role to
/// its other documents, and the share of them that must agree.
const FOLDER_MIN_DOCUMENTS: usize = 2;
const FOLDER_MIN_SHARE: f64 = 0.6;

/// Roles for a whole set of documents, with reasons, in the order given.
/// Trust goes: the path and name (already in the input), the title, the
/// role most documents of the same folder have, the folder's own name
/// (`user-stories/`, `adr/`), then the headings. A deployment or runbook
/// document keeps no role; so do READMEs and changelogs.
pub fn assign_roles(inputs: &[RoleInput<'_>]) -> Vec<(Option<Role>, String)> {
    let mut out: Vec<(Option<Role>, String, bool)> = inputs
        .iter()
        .map(|input| {
            if input.role.is_some() {
                return (input.role, input.reason.to_string(), true);
            }
            if input.outline.title().is_some_and(names_deployment) {
                return (None, DEPLOYMENT_REASON.to_string(), false);
            }
            if let Some((role, reason)) = role_from_title(input.path, input.outline) {
                return (Some(role), reason, true);
            }
            (None, input.reason.to_string(), false)
        })
        .collect();
    let not_planning = |input: &RoleInput<'_>| {
        let name = input.path.rsplit('/').next().unwrap_or(input.path);
        NOT_PLANNING.contains(&stem(name).to_ascii_lowercase().as_str())
    };
    let deployment = |input: &RoleInput<'_>| {
        let name = input.path.rsplit('/').next().unwrap_or(input.path);
        names_deployment(stem(name))
            || input.outline.title().is_some_and(names_deployment)
            || folder_of(input.path)
                .rsplit('/')
                .next()
                .is_some_and(names_deployment)
    };
    // Folder majority, from the documents whose own name or title spoke.
    let mut folders: std::collections::BTreeMap<&str, Vec<Role>> = Default::default();
    for (input, (role, _, own)) in inputs.iter().zip(&out) {
        if let (Some(role), true) = (role, own) {
            folders
                .entry(folder_of(input.path))
                .or_default()
                .push(*role);
        }
    }
    for (index, input) in inputs.iter().enumerate() {
        if out[index].0.is_some() || not_planning(input) {
            continue;
        }
        if deployment(input) {
            out[index].1 = DEPLOYMENT_REASON.to_string();
            continue;
        }
        let folder = folder_of(input.path);
        if let Some((role, count, total)) = folders.get(folder).and_then(|roles| majority(roles)) {
            out[index] = (
                Some(role),
                format!(
                    "{count} of the {total} documents with a role in {folder}/ are {}",
                    role.as_str()
                ),
                false,
            );
            continue;
        }
        if let Some((role, reason)) = role_from_folder_name(input.path) {
            out[index] = (Some(role), reason, false);
            continue;
        }
        if let Some((role, reason)) = role_from_headings(input.path, input.outline) {
            out[index] = (Some(role), reason, false);
        }
    }
    out.into_iter()
        .map(|(role, reason, _)| (role, reason))
        .collect()
}

fn folder_of(path: &str) -> &str {
    path.rsplit_once('/')
        .map(|(folder, _)| folder)
        .unwrap_or("")
}

/// The role most of `roles` share, when at least [`FOLDER_MIN_DOCUMENTS`]
/// do and they are [`FOLDER_MIN_SHARE`] of them: `(role, count, total)`.
fn majority(roles: &[Role]) -> Option<(Role, usize, usize)> {
    let best = Role::ALL
        .into_iter()
        .map(|role| (role, roles.iter().filter(|r| **r == role).count()))
        .max_by_key(|(_, count)| *count)?;
    let share = best.1 as f64 / roles.len().max(1) as f64;
    (best.1 >= FOLDER_MIN_DOCUMENTS && share >= FOLDER_MIN_SHARE).then_some((
        best.0,
        best.1,
        roles.len(),
    ))
}

/// Folder names that say nothing of a role: every documents folder.
const GENERIC_FOLDERS: &[&str] = &[
    "docs",
    "doc",
    "documentation",
    "project_docs",
    "wiki",
    "planning",
    "plans",
    "specs",
    "spec",
    ".kiro",
    "notes",
    "reference",
];

/// A role from the name of the folder holding the document, or the one
/// above it (`docs/user-stories/014-Checkout.md` is STORIES).
fn role_from_folder_name(path: &str) -> Option<(Role, String)> {
    let mut parts: Vec<&str> = path.split('/').collect();
    parts.pop();
    for folder in parts.iter().rev().take(2) {
        if GENERIC_FOLDERS.contains(&folder.to_ascii_lowercase().as_str()) {
            continue;
        }
        if let Some((role, phrase)) = role_from_words(folder) {
            return Some((role, format!("folder {folder}/ says \"{phrase}\"")));
        }
    }
    None
}

fn contains_words(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(|c| c.is_alphanumeric() && c != 's')
    })
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse_outline;

    fn role(path: &str) -> Option<Role> {
        role_from_path(path).0
    }

    #[test]
    fn canonical_and_variant_names_give_their_roles() {
        assert_eq!(
            role("project_docs/technicalSpecification.md"),
            Some(Role::Spec)
        );
        assert_eq!(
            role("project_docs/technicalSpecifications.md"),
            Some(Role::Spec)
        );
        assert_eq!(
            role("project_docs/businessRequirements.md"),
            Some(Role::Brd)
        );
        assert_eq!(role("project_docs/productRequirements.md"), Some(Role::Prd));
        assert_eq!(role("project_docs/uiSpecifications.md"), Some(Role::Ui));
        assert_eq!(
            role("project_docs/securityRequirements.md"),
            Some(Role::Security)
        );
        assert_eq!(role("project_docs/userStories.md"), Some(Role::Stories));
        assert_eq!(role("project_docs/testStrategy.md"), Some(Role::Test));
    }

    #[test]
    fn numbered_and_screaming_case_names_give_their_roles() {
        assert_eq!(role("docs/03_architecture.md"), Some(Role::Spec));
        assert_eq!(role("TEST_STRATEGY.md"), Some(Role::Test));
        assert_eq!(role("docs/01-BRD.md"), Some(Role::Brd));
        assert_eq!(role("docs/NFRD.md"), Some(Role::Spec));
        assert_eq!(role("docs/Test Plan.md"), Some(Role::Test));
        assert_eq!(role("docs/FRD.md"), Some(Role::Prd));
    }

    #[test]
    fn bmad_names_and_shards_give_their_roles() {
        assert_eq!(role("docs/prd.md"), Some(Role::Prd));
        assert_eq!(role("docs/architecture.md"), Some(Role::Spec));
        assert_eq!(role("docs/front-end-spec.md"), Some(Role::Ui));
        assert_eq!(role("docs/front-end-architecture.md"), Some(Role::Spec));
        assert_eq!(role("docs/brief.md"), Some(Role::Brd));
        assert_eq!(
            role("docs/prd/user-interface-design-goals.md"),
            Some(Role::Prd)
        );
        assert_eq!(role("docs/prd/epic-list.md"), Some(Role::Stories));
        assert_eq!(role("docs/architecture/security.md"), Some(Role::Security));
        assert_eq!(
            role("docs/architecture/test-strategy-and-standards.md"),
            Some(Role::Test)
        );
        assert_eq!(role("docs/architecture/index.md"), Some(Role::Spec));
        assert_eq!(role("docs/stories/1.2.story.md"), Some(Role::Stories));
    }

    #[test]
    fn kiro_and_spec_kit_layouts_give_their_roles() {
        assert_eq!(role(".kiro/specs/a/requirements.md"), Some(Role::Prd));
        assert_eq!(role(".kiro/specs/a/design.md"), Some(Role::Spec));
        assert_eq!(role(".kiro/specs/a/tasks.md"), Some(Role::Stories));
        assert_eq!(role(".kiro/specs/a/NOTES.md"), None);
        assert_eq!(role(".kiro/steering/product.md"), Some(Role::Brd));
        assert_eq!(role(".kiro/steering/tech.md"), Some(Role::Spec));
        assert_eq!(
            role(".kiro/steering/testing-standards.md"),
            Some(Role::Test)
        );
        assert_eq!(role("specs/002-x/spec.md"), Some(Role::Prd));
        assert_eq!(role("specs/002-x/plan.md"), Some(Role::Spec));
        assert_eq!(role("specs/002-x/tasks.md"), Some(Role::Stories));
    }

    #[test]
    fn other_names_give_no_role() {
        assert_eq!(role("README.md"), None);
        assert_eq!(role("docs/deployment/DEPLOYMENT.md"), None);
        assert_eq!(role("CHANGELOG.md"), None);
        assert_eq!(role("docs/deployment/prerequisites.md"), None);
    }

    #[test]
    fn a_title_in_another_language_gives_a_role() {
        let outline = parse_outline("# Especificación de Requisitos\n\ntext\n");
        let (role, reason) = role_from_content("docs/doc1.md", &outline).unwrap();
        assert_eq!(role, Role::Prd);
        assert!(reason.contains("title"), "{reason}");
        let outline = parse_outline("# Sicherheitskonzept\n");
        assert_eq!(
            role_from_content("docs/a.md", &outline).unwrap().0,
            Role::Security
        );
    }

    #[test]
    fn headings_give_a_role_when_name_and_title_are_silent() {
        let outline = parse_outline(
            "# Notes\n## Test Environments\n## Exit Criteria\n## Defect Management\n## Test Data\n",
        );
        let (role, reason) = role_from_content("docs/notes.md", &outline).unwrap();
        assert_eq!(role, Role::Test);
        assert!(reason.starts_with("headings such as"), "{reason}");
    }

    fn assign(files: &[(&str, &str)]) -> Vec<(Option<Role>, String)> {
        let outlines: Vec<_> = files.iter().map(|(_, text)| parse_outline(text)).collect();
        let named: Vec<_> = files.iter().map(|(path, _)| role_from_path(path)).collect();
        let inputs: Vec<RoleInput<'_>> = files
            .iter()
            .zip(&outlines)
            .zip(&named)
            .map(|(((path, _), outline), (role, reason))| RoleInput {
                path,
                role: *role,
                reason,
                outline,
            })
            .collect();
        assign_roles(&inputs)
    }

    #[test]
    fn document_type_acronyms_give_their_roles_with_their_meaning() {
        assert_eq!(role("docs/SRS.md"), Some(Role::Prd));
        assert_eq!(role("docs/02_SDD_v3.md"), Some(Role::Spec));
        assert_eq!(role("docs/STP.md"), Some(Role::Test));
        assert_eq!(role("docs/CONOPS.md"), Some(Role::Brd));
        assert_eq!(role("docs/adr/ADR-0007-queue-choice.md"), Some(Role::Spec));
        let (_, reason) = role_from_path("docs/OCD.md");
        assert!(reason.contains("operational concept"), "{reason}");
        assert_eq!(role("docs/address-book.md"), None, "whole words only");
    }

    #[test]
    fn pascal_case_names_with_acronyms_and_topic_words_give_roles() {
        assert_eq!(role("docs/AIArchitecture.md"), Some(Role::Spec));
        assert_eq!(role("docs/APISpec.md"), Some(Role::Spec));
        assert_eq!(role("docs/Database.md"), Some(Role::Spec));
        assert_eq!(role("docs/Roadmap.md"), Some(Role::Brd));
        assert_eq!(role("docs/FeaturePrioritization.md"), Some(Role::Prd));
        assert_eq!(role("docs/security_test_cases.md"), Some(Role::Test));
        assert_eq!(role("docs/backup-recovery-konzept.md"), Some(Role::Spec));
        assert_eq!(role("docs/meilensteinplan.md"), Some(Role::Brd));
        assert_eq!(role("docs/design/typography.md"), Some(Role::Ui));
    }

    #[test]
    fn deployment_and_runbook_documents_fill_no_role_whatever_their_headings() {
        let (found, reason) = role_from_path("ops/deployment-secrets.md");
        assert_eq!((found, reason.as_str()), (None, DEPLOYMENT_REASON));
        assert_eq!(role("docs/Runbook.md"), None);
        let headings = "# Going live\n## Secrets management\n## Access control\n## Encryption\n## Authentication\n";
        let roles = assign(&[
            ("docs/deploy/steps.md", headings),
            ("docs/notes.md", "# Rollback procedure\n## Encryption\n"),
        ]);
        assert_eq!(roles[0], (None, DEPLOYMENT_REASON.to_string()));
        assert_eq!(roles[1], (None, DEPLOYMENT_REASON.to_string()));
    }

    #[test]
    fn a_folder_lends_its_main_role_to_documents_that_say_nothing() {
        let roles = assign(&[
            ("docs/backlog/a-story-login.md", "# x\n"),
            ("docs/backlog/b-story-cart.md", "# x\n"),
            ("docs/backlog/c-story-pay.md", "# x\n"),
            ("docs/backlog/overview.md", "# Where we are\n"),
            ("docs/other/overview.md", "# Where we are\n"),
        ]);
        assert_eq!(roles[3].0, Some(Role::Stories));
        assert!(
            roles[3].1.contains("3 of the 3 documents"),
            "{}",
            roles[3].1
        );
        assert_eq!(roles[4].0, None);
    }

    #[test]
    fn a_folder_name_gives_a_role_to_numbered_files() {
        let roles = assign(&[
            ("docs/user-stories/014-Checkout.md", "# Checkout\n"),
            ("docs/decisions/0003-queue.md", "# Use a queue\n"),
            ("docs/notes/0003-queue.md", "# Use a queue\n"),
        ]);
        assert_eq!(roles[0].0, Some(Role::Stories));
        assert!(
            roles[0].1.contains("folder user-stories/"),
            "{}",
            roles[0].1
        );
        assert_eq!(roles[1].0, Some(Role::Spec));
        assert_eq!(roles[2].0, None);
    }

    #[test]
    fn a_title_wins_over_the_folder() {
        let roles = assign(&[
            ("docs/user-stories/a.md", "# Test Plan\n"),
            ("docs/user-stories/b.md", "# Story\n"),
        ]);
        assert_eq!(roles[0].0, Some(Role::Test));
    }

    #[test]
    fn a_readme_is_not_classified_by_content() {
        let outline = parse_outline("# Test Strategy\n");
        assert!(role_from_content("README.md", &outline).is_none());
    }
}
