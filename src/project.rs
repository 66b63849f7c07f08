//! An opened project: its documents read and parsed, and the facts they state.
//!
//! Opening is bounded work (see [`crate::discover::Limits`]) and never fails
//! on a bad document: unreadable, non-UTF-8 or oversized files become
//! warnings. The user's role choices ([`RoleOverrides`]) are kept in
//! `.deployplan/roles.json` and win over every guess.

use crate::discover::roles::{assign_roles, RoleInput};
use crate::discover::{discover_with_progress, Limits};
use crate::error::{Error, Result};
use crate::facts::extract;
use crate::markdown::{parse_outline, Outline};
use crate::model::{Conflict, Document, Fact, Role};
use crate::output_marker::{is_deployplan_output, OUTPUT_REASON};
use crate::progress::{Progress, ProgressStep, Stage};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A document with its text and outline.
#[derive(Debug, Clone)]
pub struct LoadedDocument {
    pub document: Document,
    pub text: String,
    pub outline: Outline,
}

#[cfg(test)]
impl LoadedDocument {
    /// A document read from `text` (tests): its outline parsed, no warnings.
    pub(crate) fn from_text(path: &str, role: Option<Role>, text: &str) -> LoadedDocument {
        LoadedDocument {
            document: Document {
                path: path.to_string(),
                role,
                reason: String::new(),
                bytes: text.len() as u64,
                warnings: Vec::new(),
                own_output: false,
            },
            text: text.to_string(),
            outline: parse_outline(text),
        }
    }
}

/// The user's role choices: relative path → role, or `None` for "fills no
/// role". Paths not listed keep the role DeployPlan guessed.
pub type RoleOverrides = BTreeMap<String, Option<Role>>;

/// Where role choices are kept, relative to the project folder.
pub use crate::store::ROLE_OVERRIDES_FILE;

/// Reads the role choices saved for the project at `root`; none saved gives
/// an empty map.
///
/// Errors: the file exists but cannot be read or is not a JSON object of
/// path → role name (or null).
pub fn load_role_overrides(root: &Path) -> Result<RoleOverrides> {
    Ok(crate::store::load_json(&crate::store::role_overrides_path(root))?.unwrap_or_default())
}

/// Saves the role choices for the project at `root` in `.deployplan/roles.json`,
/// creating the folder; written atomically (temporary file, fsync, rename), so
/// a crash never leaves half a file.
///
/// Errors: the folder or file cannot be written.
pub fn save_role_overrides(root: &Path, overrides: &RoleOverrides) -> Result<()> {
    crate::store::save_json(&crate::store::role_overrides_path(root), overrides)
}

/// A project folder, read.
#[derive(Debug, Clone)]
pub struct Project {
    /// The project folder, canonicalised.
    pub root: PathBuf,
    /// The folder's name, used as the project's name until a fact says otherwise.
    pub name: String,
    pub documents: Vec<LoadedDocument>,
    /// Plans and exports DeployPlan wrote, found among the documents: listed
    /// so the user sees why they are not read, never read for facts.
    pub own_outputs: Vec<Document>,
    pub facts: Vec<Fact>,
    /// Alternatives the documents mention but do not decide on.
    pub hints: Vec<Fact>,
    /// Problems met while reading, in plain words.
    pub warnings: Vec<String>,
}

impl Project {
    /// Finds, reads and parses the documents of the project at `root`, and
    /// extracts their facts, applying the role choices saved in
    /// `.deployplan/roles.json` (an unreadable choices file is a warning).
    ///
    /// Errors: the folder is missing or not a folder. Unreadable documents do
    /// not fail the whole project; they are listed in `warnings`.
    pub fn open(root: &Path) -> Result<Project> {
        Project::open_with_progress(root, &Progress::silent())
    }

    /// Like [`Project::open`], reporting to `progress` (the folder entries
    /// looked at, each document read) and stopping once it is cancelled.
    ///
    /// Errors: as [`Project::open`]; [`Error::Cancelled`] when cancelled.
    pub fn open_with_progress(root: &Path, progress: &Progress) -> Result<Project> {
        let (overrides, warning) = match load_role_overrides(root) {
            Ok(overrides) => (overrides, None),
            Err(Error::ProjectNotFound { .. }) => (RoleOverrides::new(), None),
            Err(error) => (
                RoleOverrides::new(),
                Some(format!("{error}; role choices ignored")),
            ),
        };
        let mut project = Project::read(root, &overrides, progress)?;
        project.warnings.extend(warning);
        Ok(project)
    }

    /// Like [`Project::open`], with the given role choices instead of the saved ones.
    ///
    /// Errors: the folder is missing or not a folder.
    pub fn open_with(root: &Path, overrides: &RoleOverrides) -> Result<Project> {
        Project::read(root, overrides, &Progress::silent())
    }

    fn read(root: &Path, overrides: &RoleOverrides, progress: &Progress) -> Result<Project> {
        const WHAT: &str = "opening the project";
        let discovery = discover_with_progress(root, &Limits::default(), progress)?;
        let root = root.canonicalize().map_err(|source| Error::Read {
            path: root.to_path_buf(),
            source,
        })?;
        let mut documents = Vec::new();
        let mut own_outputs = Vec::new();
        let mut warnings = discovery.warnings;
        let total = u32::try_from(discovery.candidates.len()).unwrap_or(u32::MAX);
        for (index, candidate) in discovery.candidates.into_iter().enumerate() {
            progress.check(WHAT)?;
            progress.report(ProgressStep {
                stage: Stage::Reading,
                done: u32::try_from(index).unwrap_or(u32::MAX),
                total: Some(total),
                detail: Some(candidate.path.clone()),
            });
            let bytes = match std::fs::read(&candidate.absolute) {
                Ok(bytes) => bytes,
                Err(source) => {
                    warnings.push(
                        Error::Read {
                            path: PathBuf::from(&candidate.path),
                            source,
                        }
                        .to_string(),
                    );
                    continue;
                }
            };
            let (text, document_warnings) = decode(bytes);
            if is_deployplan_output(&text) {
                own_outputs.push(Document {
                    path: candidate.path,
                    role: None,
                    reason: OUTPUT_REASON.to_string(),
                    bytes: candidate.bytes,
                    warnings: Vec::new(),
                    own_output: true,
                });
                continue;
            }
            let outline = parse_outline(&text);
            let (role, reason) = (candidate.role, candidate.reason);
            warnings.extend(
                document_warnings
                    .iter()
                    .map(|w| format!("{}: {w}", candidate.path)),
            );
            documents.push(LoadedDocument {
                document: Document {
                    path: candidate.path,
                    role,
                    reason,
                    bytes: candidate.bytes,
                    warnings: document_warnings,
                    own_output: false,
                },
                text,
                outline,
            });
        }
        settle_roles(&mut documents, overrides);
        progress.check(WHAT)?;
        progress.report(ProgressStep::stage(Stage::Extracting));
        let extraction = extract(&documents);
        progress.check(WHAT)?;
        let name = root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "project".into());
        Ok(Project {
            root,
            name,
            documents,
            own_outputs,
            facts: extraction.facts,
            hints: extraction.hints,
            warnings,
        })
    }

    /// The documents' descriptions, without their text, by path; DeployPlan's
    /// own outputs among them are marked [`Document::own_output`].
    pub fn document_list(&self) -> Vec<Document> {
        let mut list: Vec<Document> = self
            .documents
            .iter()
            .map(|loaded| loaded.document.clone())
            .chain(self.own_outputs.iter().cloned())
            .collect();
        list.sort_by(|a, b| a.path.cmp(&b.path));
        list
    }

    /// Single-valued facts the documents disagree on (two availability
    /// targets, two launch dates): open decisions for the owner, each value
    /// with the sources that state it. The plan must not pick one silently.
    pub fn conflicts(&self) -> Vec<Conflict> {
        crate::facts::conflicts::find_conflicts(&self.facts)
    }

    /// Roles no document fills.
    pub fn missing_roles(&self) -> Vec<Role> {
        Role::ALL
            .into_iter()
            .filter(|role| {
                !self
                    .documents
                    .iter()
                    .any(|d| d.document.role == Some(*role))
            })
            .collect()
    }

    /// The project's name: the `project.name` fact, else the folder's name.
    pub fn display_name(&self) -> String {
        self.facts
            .iter()
            .find(|fact| fact.key == "project.name")
            .map(|fact| fact.value.clone())
            .unwrap_or_else(|| self.name.clone())
    }

    /// Where the plan is written by default: `project_docs/deploymentPlan.md`.
    pub fn default_plan_path(&self) -> PathBuf {
        crate::store::plan_path(&self.root)
    }
}

/// Gives every document its role from the whole set (title, folder,
/// headings; see [`assign_roles`]), then applies the user's choices, which
/// win over every guess.
fn settle_roles(documents: &mut [LoadedDocument], overrides: &RoleOverrides) {
    let assigned = {
        let inputs: Vec<RoleInput<'_>> = documents
            .iter()
            .map(|loaded| RoleInput {
                path: &loaded.document.path,
                role: loaded.document.role,
                reason: &loaded.document.reason,
                outline: &loaded.outline,
            })
            .collect();
        assign_roles(&inputs)
    };
    for (loaded, (role, reason)) in documents.iter_mut().zip(assigned) {
        let document = &mut loaded.document;
        (document.role, document.reason) = match overrides.get(&document.path) {
            Some(Some(chosen)) => (Some(*chosen), format!("set to {} by you", chosen.as_str())),
            Some(None) => (None, "set to no role by you".to_string()),
            None => (role, reason),
        };
    }
}

/// Bytes to text: a byte-order mark is dropped, UTF-16 with a BOM is
/// decoded, and invalid UTF-8 is read with replacement characters and a warning.
fn decode(bytes: Vec<u8>) -> (String, Vec<String>) {
    let mut warnings = Vec::new();
    if bytes.len() >= 2 && (bytes[..2] == [0xFF, 0xFE] || bytes[..2] == [0xFE, 0xFF]) {
        let little = bytes[0] == 0xFF;
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|pair| {
                if little {
                    u16::from_le_bytes([pair[0], pair[1]])
                } else {
                    u16::from_be_bytes([pair[0], pair[1]])
                }
            })
            .collect();
        warnings.push("UTF-16 text; converted to UTF-8".to_string());
        return (String::from_utf16_lossy(&units), warnings);
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            warnings.push(format!(
                "not valid UTF-8 at byte {at}; read with replacement characters"
            ));
            String::from_utf8_lossy(error.as_bytes()).into_owned()
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if text.as_bytes().contains(&0) {
        warnings.push("contains NUL bytes; probably not a text file".to_string());
    }
    (text, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, path: &str, bytes: &[u8]) {
        let full = root.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, bytes).unwrap();
    }

    #[test]
    fn a_byte_order_mark_is_dropped_and_bad_bytes_are_a_warning() {
        let (text, warnings) = decode(b"\xEF\xBB\xBF# Title\n".to_vec());
        assert_eq!(text, "# Title\n");
        assert!(warnings.is_empty());
        let (text, warnings) = decode(b"# Caf\xE9\n".to_vec());
        assert_eq!(text, "# Caf\u{fffd}\n");
        assert_eq!(
            warnings,
            ["not valid UTF-8 at byte 5; read with replacement characters"]
        );
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "# Hi".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(decode(bytes).0, "# Hi");
    }

    #[test]
    fn role_overrides_are_saved_loaded_and_applied() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            "docs/notes.md",
            b"# Notes\n\nWe deploy with GitHub Actions.\n",
        );
        write(root, "docs/prd.md", b"# PRD\n");
        assert!(load_role_overrides(root).unwrap().is_empty());

        let mut overrides = RoleOverrides::new();
        overrides.insert("docs/notes.md".to_string(), Some(Role::Spec));
        overrides.insert("docs/prd.md".to_string(), None);
        save_role_overrides(root, &overrides).unwrap();
        assert_eq!(load_role_overrides(root).unwrap(), overrides);
        let saved = std::fs::read_to_string(root.join(ROLE_OVERRIDES_FILE)).unwrap();
        assert!(saved.contains("\"docs/notes.md\": \"SPEC\""), "{saved}");

        let project = Project::open(root).unwrap();
        let roles: Vec<_> = project
            .documents
            .iter()
            .map(|d| (d.document.path.as_str(), d.document.role))
            .collect();
        assert_eq!(
            roles,
            [("docs/notes.md", Some(Role::Spec)), ("docs/prd.md", None)]
        );
        assert_eq!(project.documents[0].document.reason, "set to SPEC by you");
    }

    #[test]
    fn a_broken_role_file_is_a_warning_not_a_failure() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), ".deployplan/roles.json", b"{not json");
        write(dir.path(), "docs/prd.md", b"# PRD\n");
        let project = Project::open(dir.path()).unwrap();
        assert_eq!(project.documents.len(), 1);
        assert!(
            project
                .warnings
                .iter()
                .any(|w| w.contains("role choices ignored")),
            "{:?}",
            project.warnings
        );
    }

    #[test]
    fn documents_the_name_says_nothing_about_get_a_role_from_their_title() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "docs/doc-04.md", b"# Test Strategy for Shop\n");
        let project = Project::open(dir.path()).unwrap();
        assert_eq!(project.documents[0].document.role, Some(Role::Test));
        assert!(project.documents[0].document.reason.contains("title"));
    }
}
