//! Finding a project's planning documents and the role each one fills.
//!
//! The search is bounded, so a huge folder cannot freeze the app: it visits at
//! most [`Limits::max_entries`] folder entries, goes at most
//! [`Limits::max_depth`] folders deep, and skips files larger than
//! [`Limits::max_file_bytes`] (with a warning). It looks first where planning
//! documents live — `project_docs/`, `docs/`, the known tool layouts (BMAD,
//! Kiro `.kiro/`, spec-kit `specs/`) and the root — and elsewhere keeps only
//! files whose name says what they are. Output is sorted by path.
//!
//! Roles come first from the path and file name ([`roles::role_from_path`]);
//! files the name says nothing about are classified by their title and
//! headings once read ([`roles::role_from_content`]).

pub mod roles;

use crate::error::{Error, Result};
use crate::model::Role;
use crate::progress::{Progress, ProgressStep, Stage};
use std::path::{Path, PathBuf};

pub use roles::{role_from_content, role_from_name, role_from_path};

/// A Markdown file found in the project, before it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Path relative to the project folder, `/`-separated.
    pub path: String,
    /// Absolute path on disk.
    pub absolute: PathBuf,
    pub role: Option<Role>,
    /// Why it got that role (or none).
    pub reason: String,
    pub bytes: u64,
}

/// How much work discovery may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Folder entries looked at, in all; the search stops (with a warning) after that.
    pub max_entries: usize,
    /// Folders below the project folder.
    pub max_depth: usize,
    /// Larger files are skipped with a warning.
    pub max_file_bytes: u64,
    /// Documents kept, in all.
    pub max_documents: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_entries: 20_000,
            max_depth: 8,
            max_file_bytes: 64 * 1024 * 1024,
            max_documents: 2_000,
        }
    }
}

/// The documents found and what was skipped on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Discovery {
    pub candidates: Vec<Candidate>,
    /// Plain-words notes: files too large, the search stopped early, folders unreadable.
    pub warnings: Vec<String>,
}

/// Folders never searched: version control, dependencies, build output,
/// caches, our own state, and agent templates that are not the project's docs.
const SKIPPED_FOLDERS: &[&str] = &[
    "node_modules",
    ".git",
    "target",
    "dist",
    "build",
    "out",
    "vendor",
    ".venv",
    "venv",
    "__pycache__",
    ".next",
    ".nuxt",
    ".svelte-kit",
    "coverage",
    ".cache",
    ".deployplan",
    "bower_components",
    ".terraform",
    ".idea",
    ".vscode",
    ".bmad-core",
    ".github",
    ".gradle",
    "Pods",
    "DerivedData",
];

/// Hidden folders that hold planning documents (Kiro specs and steering).
const HIDDEN_DOC_FOLDERS: &[&str] = &[".kiro"];

/// Top-level folders whose Markdown files are all documents.
const DOC_FOLDERS: &[&str] = &[
    "project_docs",
    "docs",
    "doc",
    "documentation",
    ".kiro",
    "specs",
    "spec",
    "requirements",
    "design",
    "planning",
    "plans",
    "wiki",
    "architecture",
];

/// Finds the Markdown documents under `root` and gives each a role from its
/// path and name, with the default [`Limits`].
///
/// Errors: the folder is missing, is not a folder, or cannot be listed.
pub fn discover_documents(root: &Path) -> Result<Vec<Candidate>> {
    Ok(discover_with_limits(root, &Limits::default())?.candidates)
}

/// Like [`discover_documents`], with explicit limits, also returning the
/// warnings (skipped large files, an early stop).
///
/// Errors: the folder is missing, is not a folder, or cannot be listed.
pub fn discover_with_limits(root: &Path, limits: &Limits) -> Result<Discovery> {
    discover_with_progress(root, limits, &Progress::silent())
}

/// How many folder entries go by between two reports while looking.
const REPORT_EVERY_ENTRIES: usize = 200;

/// Like [`discover_with_limits`], reporting the entries looked at to
/// `progress` and stopping once it is cancelled.
///
/// Errors: as [`discover_with_limits`]; [`Error::Cancelled`] when cancelled.
pub fn discover_with_progress(
    root: &Path,
    limits: &Limits,
    progress: &Progress,
) -> Result<Discovery> {
    if !root.exists() {
        return Err(Error::ProjectNotFound {
            path: root.to_path_buf(),
        });
    }
    if !root.is_dir() {
        return Err(Error::NotAFolder {
            path: root.to_path_buf(),
        });
    }
    let top = std::fs::read_dir(root).map_err(|source| Error::Read {
        path: root.to_path_buf(),
        source,
    })?;
    progress.report(ProgressStep::stage(Stage::Looking));
    let mut walker = Walker {
        root,
        limits,
        progress,
        entries: 0,
        reported: 0,
        stopped: false,
        discovery: Discovery::default(),
    };
    let mut top_entries = sorted_entries(top, &mut walker.entries);
    // Documents folders first, so a cut-off search still has them.
    top_entries.sort_by_key(|(name, _)| {
        let rank = DOC_FOLDERS
            .iter()
            .position(|doc| doc.eq_ignore_ascii_case(name))
            .unwrap_or(DOC_FOLDERS.len());
        (rank, name.clone())
    });
    for (name, entry) in top_entries {
        if walker.stopped {
            break;
        }
        let in_docs = DOC_FOLDERS
            .iter()
            .any(|doc| doc.eq_ignore_ascii_case(&name));
        walker.visit(&name, &entry, 0, in_docs || is_file(&entry));
    }
    progress.check("opening the project")?;
    if walker.stopped {
        walker.discovery.warnings.push(format!(
            "stopped looking for documents after {} folder entries; documents deeper in the folder may be missing",
            limits.max_entries
        ));
    }
    walker
        .discovery
        .candidates
        .sort_by(|a, b| a.path.cmp(&b.path));
    Ok(walker.discovery)
}

fn is_file(entry: &std::fs::DirEntry) -> bool {
    entry
        .file_type()
        .is_ok_and(|kind| kind.is_file() || kind.is_symlink())
}

/// Entries of a folder sorted by name, for a stable order on every platform.
fn sorted_entries(
    read_dir: std::fs::ReadDir,
    counter: &mut usize,
) -> Vec<(String, std::fs::DirEntry)> {
    let mut entries: Vec<(String, std::fs::DirEntry)> = read_dir
        .flatten()
        .map(|entry| (entry.file_name().to_string_lossy().into_owned(), entry))
        .collect();
    *counter += entries.len();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries
}

struct Walker<'a> {
    root: &'a Path,
    limits: &'a Limits,
    progress: &'a Progress,
    entries: usize,
    /// `entries` at the last report.
    reported: usize,
    stopped: bool,
    discovery: Discovery,
}

impl Walker<'_> {
    /// Looks at one entry. `in_docs` is true inside a documents folder (or at
    /// the root), where every Markdown file is kept.
    fn visit(&mut self, name: &str, entry: &std::fs::DirEntry, depth: usize, in_docs: bool) {
        if self.entries > self.limits.max_entries || self.progress.is_cancelled() {
            self.stopped = true;
            return;
        }
        let Ok(kind) = entry.file_type() else { return };
        let path = entry.path();
        if self.entries >= self.reported + REPORT_EVERY_ENTRIES {
            self.reported = self.entries;
            self.progress.report(ProgressStep {
                stage: Stage::Looking,
                done: u32::try_from(self.entries).unwrap_or(u32::MAX),
                total: None,
                detail: Some(self.relative(&path)),
            });
        }
        if kind.is_dir() {
            let hidden = name.starts_with('.') && !HIDDEN_DOC_FOLDERS.contains(&name);
            if depth >= self.limits.max_depth || hidden || SKIPPED_FOLDERS.contains(&name) {
                return;
            }
            let Ok(read_dir) = std::fs::read_dir(&path) else {
                self.discovery
                    .warnings
                    .push(format!("cannot list {}", self.relative(&path)));
                return;
            };
            for (child_name, child) in sorted_entries(read_dir, &mut self.entries) {
                if self.stopped {
                    return;
                }
                self.visit(&child_name, &child, depth + 1, in_docs);
            }
        } else if kind.is_symlink()
            && !SKIPPED_FOLDERS.contains(&name)
            && std::fs::metadata(&path).is_ok_and(|target| target.is_dir())
        {
            // Links to folders are never followed (no loops, no escaping the
            // project); one that leads outside is said so.
            let inside = match (path.canonicalize(), self.root.canonicalize()) {
                (Ok(target), Ok(root)) => target.starts_with(root),
                _ => false,
            };
            if !inside {
                self.discovery.warnings.push(format!(
                    "{}: skipped, a link to a folder outside the project",
                    self.relative(&path)
                ));
            }
        } else if (kind.is_file() || kind.is_symlink()) && is_markdown(name) && !is_own_output(name)
        {
            self.file(&path, in_docs);
        }
    }

    fn file(&mut self, path: &Path, in_docs: bool) {
        let relative = self.relative(path);
        // A symlink is followed only when it stays inside the project.
        let Ok(metadata) = std::fs::metadata(path) else {
            return;
        };
        if !metadata.is_file() {
            return;
        }
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            let inside = match (path.canonicalize(), self.root.canonicalize()) {
                (Ok(target), Ok(root)) => target.starts_with(root),
                _ => false,
            };
            if !inside {
                self.discovery.warnings.push(format!(
                    "{relative}: skipped, a link to a file outside the project"
                ));
                return;
            }
        }
        let (role, reason) = role_from_path(&relative);
        if !in_docs && role.is_none() {
            return;
        }
        if metadata.len() > self.limits.max_file_bytes {
            self.discovery.warnings.push(format!(
                "{relative}: skipped, {} MB is more than the {} MB limit",
                metadata.len() / (1024 * 1024),
                self.limits.max_file_bytes / (1024 * 1024)
            ));
            return;
        }
        if self.discovery.candidates.len() >= self.limits.max_documents {
            self.stopped = true;
            return;
        }
        self.discovery.candidates.push(Candidate {
            path: relative,
            absolute: path.to_path_buf(),
            role,
            reason,
            bytes: metadata.len(),
        });
    }

    fn relative(&self, path: &Path) -> String {
        let relative = path.strip_prefix(self.root).unwrap_or(path);
        relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }
}

fn is_markdown(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// The plan DeployPlan writes is not an input.
fn is_own_output(name: &str) -> bool {
    name.eq_ignore_ascii_case("deploymentPlan.md")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, path: &str, text: &str) {
        let full = root.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }

    fn found(root: &Path) -> Vec<(String, Option<Role>)> {
        discover_documents(root)
            .unwrap()
            .into_iter()
            .map(|c| (c.path, c.role))
            .collect()
    }

    #[test]
    fn known_layouts_are_found_with_their_roles() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for path in [
            "docs/prd.md",
            "docs/prd/epic-1-setup.md",
            "docs/prd/requirements.md",
            "docs/architecture/tech-stack.md",
            "docs/stories/1.1.story.md",
            ".kiro/specs/login/requirements.md",
            ".kiro/specs/login/design.md",
            ".kiro/specs/login/tasks.md",
            "specs/001-auth/spec.md",
            "specs/001-auth/plan.md",
            "project_docs/03_architecture.md",
            "TEST_STRATEGY.md",
        ] {
            write(root, path, "# x\n");
        }
        assert_eq!(
            found(root),
            [
                (".kiro/specs/login/design.md".to_string(), Some(Role::Spec)),
                (
                    ".kiro/specs/login/requirements.md".to_string(),
                    Some(Role::Prd)
                ),
                (
                    ".kiro/specs/login/tasks.md".to_string(),
                    Some(Role::Stories)
                ),
                ("TEST_STRATEGY.md".to_string(), Some(Role::Test)),
                (
                    "docs/architecture/tech-stack.md".to_string(),
                    Some(Role::Spec)
                ),
                ("docs/prd.md".to_string(), Some(Role::Prd)),
                ("docs/prd/epic-1-setup.md".to_string(), Some(Role::Stories)),
                ("docs/prd/requirements.md".to_string(), Some(Role::Prd)),
                ("docs/stories/1.1.story.md".to_string(), Some(Role::Stories)),
                (
                    "project_docs/03_architecture.md".to_string(),
                    Some(Role::Spec)
                ),
                ("specs/001-auth/plan.md".to_string(), Some(Role::Spec)),
                ("specs/001-auth/spec.md".to_string(), Some(Role::Prd)),
            ]
        );
    }

    #[test]
    fn dependency_and_build_folders_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "node_modules/pkg/README.md", "# x\n");
        write(root, ".git/x.md", "# x\n");
        write(root, "target/doc/architecture.md", "# x\n");
        write(root, "docs/architecture.md", "# x\n");
        assert_eq!(
            found(root),
            [("docs/architecture.md".to_string(), Some(Role::Spec))]
        );
    }

    #[test]
    fn files_outside_document_folders_are_kept_only_when_their_name_gives_a_role() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "src/components/README.md", "# x\n");
        write(root, "backend/ARCHITECTURE.md", "# x\n");
        write(root, "README.md", "# x\n");
        assert_eq!(
            found(root),
            [
                ("README.md".to_string(), None),
                ("backend/ARCHITECTURE.md".to_string(), Some(Role::Spec))
            ]
        );
    }

    #[test]
    fn the_generated_plan_is_not_an_input() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "project_docs/deploymentPlan.md", "# plan\n");
        assert!(found(dir.path()).is_empty());
    }

    #[test]
    fn a_huge_folder_stops_the_search_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "docs/prd.md", "# x\n");
        for index in 0..60 {
            write(root, &format!("data/{index}.txt"), "");
        }
        let limits = Limits {
            max_entries: 20,
            ..Limits::default()
        };
        let discovery = discover_with_limits(root, &limits).unwrap();
        assert_eq!(
            discovery.candidates.len(),
            1,
            "the docs folder is searched first"
        );
        assert!(discovery.warnings[0].contains("stopped looking"));
    }

    #[test]
    fn a_file_over_the_size_limit_is_skipped_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "docs/prd.md", &"x".repeat(2000));
        let limits = Limits {
            max_file_bytes: 1000,
            ..Limits::default()
        };
        let discovery = discover_with_limits(dir.path(), &limits).unwrap();
        assert!(discovery.candidates.is_empty());
        assert!(discovery.warnings[0].contains("docs/prd.md: skipped"));
    }

    #[test]
    fn looking_through_a_large_folder_is_reported_as_it_goes() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "docs/prd.md", "# x\n");
        for index in 0..500 {
            write(dir.path(), &format!("data/{}/{index}.txt", index % 5), "");
        }
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = std::sync::Arc::clone(&seen);
        let progress = Progress::reporting(move |step| sink.lock().unwrap().push(step.clone()));
        discover_with_progress(dir.path(), &Limits::default(), &progress).unwrap();
        let seen = seen.lock().unwrap();
        assert_eq!(seen[0], ProgressStep::stage(Stage::Looking));
        let counts: Vec<u32> = seen[1..].iter().map(|step| step.done).collect();
        assert_eq!(counts.len(), 2, "every 200 entries or more: {counts:?}");
        assert!(counts.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(seen[1].detail.as_deref().unwrap().starts_with("data/"));
    }

    #[test]
    fn a_search_cancelled_midway_stops_with_cancelled() {
        let dir = tempfile::tempdir().unwrap();
        for index in 0..900 {
            write(dir.path(), &format!("docs/{index}.md"), "# x\n");
        }
        // The reporter cancels at the first count, as a user pressing Cancel would.
        let slot = std::sync::Arc::new(std::sync::OnceLock::<Progress>::new());
        let reports = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let (inner, counter) = (
            std::sync::Arc::clone(&slot),
            std::sync::Arc::clone(&reports),
        );
        let progress = Progress::reporting(move |step| {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            if step.done > 0 {
                inner.get().unwrap().cancel();
            }
        });
        slot.set(progress.clone()).unwrap();
        let error = discover_with_progress(dir.path(), &Limits::default(), &progress).unwrap_err();
        assert_eq!(error.code(), "cancelled");
        assert_eq!(
            reports.load(std::sync::atomic::Ordering::SeqCst),
            2,
            "no work after the cancel"
        );
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_it() {
        let error = discover_documents(Path::new("/no/such/folder")).unwrap_err();
        assert_eq!(error.code(), "project_not_found");
    }
}
