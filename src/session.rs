//! Opening a project for editing: its documents read, its draft restored and
//! completed with suggestions. Both front ends start here.

use crate::answers::{suggest_answers, Answers, Origin};
use crate::draft::load_draft;
use crate::error::Error;
use crate::model::{Document, Fact, Role};
use crate::progress::Progress;
use crate::project::{load_role_overrides, save_role_overrides, Project};
use serde::Serialize;
use std::path::{Component, Path};
use ts_rs::TS;

mod workflow;
pub use workflow::rfc3339;

/// A role no document fills, and what it would have fed.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct MissingRole {
    pub role: Role,
    pub label: String,
    pub feeds: String,
}

/// Everything a front end shows about an opened project.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ProjectView {
    pub root: String,
    pub name: String,
    pub documents: Vec<Document>,
    pub missing_roles: Vec<MissingRole>,
    pub facts: Vec<Fact>,
    /// The draft (if any) completed with suggestions from the documents.
    pub answers: Answers,
    /// Whether a saved draft was restored.
    pub draft_restored: bool,
    /// Where Save writes the plan.
    pub plan_path: String,
    pub warnings: Vec<String>,
    /// "What the documents say": per field, the passages that speak to it,
    /// best first, for the wizard to offer (take, show in the document, or
    /// dismiss).
    pub passages: crate::answers::documents_say::FieldPassages,
}

/// An opened project and its answers.
#[derive(Debug, Clone)]
pub struct OpenedProject {
    pub project: Project,
    pub answers: Answers,
    pub draft_restored: bool,
}

/// The text of one of the project's documents, for a read-only viewer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct DocumentText {
    /// Relative to the project folder, as in [`ProjectView::documents`].
    pub path: String,
    /// As read (byte-order mark dropped), so line numbers match the sources.
    pub text: String,
    /// How many lines the text has.
    pub lines: usize,
}

/// Opens the project at `root`: reads its documents, restores its draft and
/// completes it with suggestions. A draft that cannot be read is reported in
/// the warnings and work starts from the documents.
///
/// Errors: the folder is missing or not a folder.
pub fn open_for_editing(root: &Path) -> crate::Result<OpenedProject> {
    open_for_editing_with(root, &Progress::silent())
}

/// Like [`open_for_editing`], reporting to `progress` and stopping once it is
/// cancelled (nothing is written before the documents are read).
///
/// Errors: as [`open_for_editing`]; `Cancelled` when cancelled.
pub fn open_for_editing_with(root: &Path, progress: &Progress) -> crate::Result<OpenedProject> {
    let mut project = Project::open_with_progress(root, progress)?;
    let (answers, draft_restored) = restore_draft(&mut project);
    Ok(completed(project, answers, draft_restored))
}

/// Opens the project at `root` with the answers in `answers_file` (the
/// draft format, as `deployplan generate --answers FILE` takes) instead of
/// its draft, completed with suggestions; with no file, as
/// [`open_for_editing`].
///
/// Errors: as [`open_for_editing`]; the answers file cannot be read or is not
/// an answers file.
pub fn open_with_answers(root: &Path, answers_file: Option<&Path>) -> crate::Result<OpenedProject> {
    let Some(file) = answers_file else {
        return open_for_editing(root);
    };
    let project = Project::open(root)?;
    let answers = crate::draft::read_answers(file)?;
    Ok(completed(project, answers, false))
}

/// The project's draft, if it can be read. A draft that cannot be read is
/// set aside (see [`set_aside_draft`]) and reported in the warnings, and work
/// starts from the documents.
fn restore_draft(project: &mut Project) -> (Answers, bool) {
    match load_draft(&project.root) {
        Ok(Some(answers)) => (answers, true),
        Ok(None) => (Answers::default(), false),
        Err(error) => {
            let kept = set_aside_draft(&project.root);
            let kept = kept
                .map(|path| format!("; it was kept as {}", path.display()))
                .unwrap_or_default();
            project.warnings.push(format!(
                "the saved draft could not be read, so work starts from the documents ({error}){kept}"
            ));
            (Answers::default(), false)
        }
    }
}

/// `answers` completed with the documents' suggestions for what they leave open.
fn completed(project: Project, mut answers: Answers, draft_restored: bool) -> OpenedProject {
    answers.merge_suggestions(&suggest_answers(&project));
    OpenedProject {
        project,
        answers,
        draft_restored,
    }
}

/// Renames an unreadable draft to `deploymentPlan.draft.corrupt-N.json` beside
/// it, so the next autosave does not overwrite what may still be recovered.
fn set_aside_draft(root: &Path) -> Option<std::path::PathBuf> {
    let draft = crate::store::draft_path(root);
    let kept = (1..1000)
        .map(|n| crate::store::corrupt_draft_path(root, n))
        .find(|candidate| !candidate.exists())?;
    std::fs::rename(&draft, &kept).ok()?;
    Some(kept)
}

/// The project read again after its documents changed, and the fields to
/// flag for the user.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct DocumentsRefresh {
    pub view: ProjectView,
    /// Documents added, removed or changed, by path.
    pub changed_documents: Vec<String>,
    /// Fields whose sources changed: a suggestion that now reads differently,
    /// or an answer (the user's too) citing a document that changed.
    pub changed_fields: Vec<String>,
}

fn text_hashes(project: &Project) -> std::collections::BTreeMap<String, String> {
    project
        .documents
        .iter()
        .map(|loaded| {
            (
                loaded.document.path.clone(),
                crate::save::content_hash(loaded.text.as_bytes()),
            )
        })
        .collect()
}

impl OpenedProject {
    /// Reads the documents again (keeping the user's role choices) and
    /// refreshes what comes from them: the user's own answers are kept as
    /// they are, every other answer is suggested afresh. Nothing is written.
    ///
    /// Errors: the project folder can no longer be read.
    pub fn refresh_documents(&mut self) -> crate::Result<DocumentsRefresh> {
        let root = self.project.root.clone();
        let overrides = crate::project::load_role_overrides(&root).unwrap_or_default();
        let project = Project::open_with(&root, &overrides)?;
        let (before, after) = (text_hashes(&self.project), text_hashes(&project));
        let changed_documents: Vec<String> = before
            .keys()
            .chain(after.keys())
            .filter(|path| before.get(*path) != after.get(*path))
            .cloned()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut answers = Answers {
            values: self
                .answers
                .values
                .iter()
                .filter(|(_, answer)| answer.origin == crate::answers::Origin::User)
                .map(|(id, answer)| (id.clone(), answer.clone()))
                .collect(),
            current_step: self.answers.current_step.clone(),
        };
        answers.merge_suggestions(&suggest_answers(&project));
        let cites_changed = |answer: &crate::answers::Answer| {
            answer
                .sources
                .iter()
                .chain(answer.item_sources.iter().flatten())
                .any(|source| changed_documents.contains(&source.path))
        };
        let changed_fields = self
            .answers
            .values
            .keys()
            .chain(answers.values.keys())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .filter(|id| {
                let (old, new) = (self.answers.values.get(*id), answers.values.get(*id));
                old.map(|a| &a.value) != new.map(|a| &a.value)
                    || old.is_some_and(cites_changed)
                    || new.is_some_and(cites_changed)
            })
            .cloned()
            .collect();
        self.project = project;
        self.answers = answers;
        Ok(DocumentsRefresh {
            view: self.view(),
            changed_documents,
            changed_fields,
        })
    }

    /// The view a front end shows.
    /// The text of the document at `path` (relative to the project folder).
    ///
    /// Only a document the project lists is served: absolute paths, `..`,
    /// and anything that resolves (through symlinks) outside the project
    /// folder are refused.
    ///
    /// Errors: [`Error::OutsideProject`]; [`Error::NotADocument`] for other
    /// paths inside the project.
    pub fn document_text(&self, path: &str) -> crate::Result<DocumentText> {
        let project = &self.project;
        let outside = || Error::OutsideProject {
            path: path.to_string(),
        };
        let relative = Path::new(path);
        if path.is_empty()
            || !relative
                .components()
                .all(|part| matches!(part, Component::Normal(_)))
        {
            return Err(outside());
        }
        // Resolve symlinks, then insist on staying inside the project.
        let resolved = project
            .root
            .join(relative)
            .canonicalize()
            .map_err(|_| outside())?;
        if !resolved.starts_with(&project.root) {
            return Err(outside());
        }
        let loaded = project
            .documents
            .iter()
            .find(|loaded| {
                loaded.document.path == path
                    && project
                        .root
                        .join(&loaded.document.path)
                        .canonicalize()
                        .is_ok_and(|own| own == resolved)
            })
            .ok_or_else(|| Error::NotADocument {
                path: path.to_string(),
            })?;
        Ok(DocumentText {
            path: loaded.document.path.clone(),
            lines: loaded.text.lines().count(),
            text: loaded.text.clone(),
        })
    }

    /// Gives the document at `path` the role `role` (or none), remembers the
    /// choice in the project's `.deployplan/roles.json`, and reads the project
    /// again so facts and suggestions follow. The user's own answers are kept;
    /// every other answer is suggested afresh. The draft is saved so that
    /// reopening the project later shows the same.
    ///
    /// Errors: [`Error::NotADocument`] for a path the project does not list;
    /// the choices or the draft cannot be written.
    pub fn set_document_role(
        &mut self,
        path: &str,
        role: Option<Role>,
    ) -> crate::Result<ProjectView> {
        let root = self.project.root.clone();
        if !self
            .project
            .documents
            .iter()
            .any(|loaded| loaded.document.path == path)
        {
            return Err(Error::NotADocument {
                path: path.to_string(),
            });
        }
        // A broken choices file is replaced rather than blocking the user.
        let mut overrides = load_role_overrides(&root).unwrap_or_default();
        overrides.insert(path.to_string(), role);
        save_role_overrides(&root, &overrides)?;
        let project = Project::open_with(&root, &overrides)?;
        let mut answers = Answers {
            values: self
                .answers
                .values
                .iter()
                .filter(|(_, answer)| answer.origin == Origin::User)
                .map(|(id, answer)| (id.clone(), answer.clone()))
                .collect(),
            current_step: self.answers.current_step.clone(),
        };
        answers.merge_suggestions(&suggest_answers(&project));
        crate::draft::save_draft(&project.root, &answers)?;
        self.project = project;
        self.answers = answers;
        Ok(self.view())
    }

    pub fn view(&self) -> ProjectView {
        let project = &self.project;
        ProjectView {
            root: project.root.display().to_string(),
            name: project.display_name(),
            documents: project.document_list(),
            missing_roles: project
                .missing_roles()
                .into_iter()
                .map(|role| MissingRole {
                    role,
                    label: role.label().to_string(),
                    feeds: role.feeds().to_string(),
                })
                .collect(),
            facts: project.facts.clone(),
            answers: self.answers.clone(),
            draft_restored: self.draft_restored,
            plan_path: project.default_plan_path().display().to_string(),
            warnings: project.warnings.clone(),
            passages: crate::answers::documents_say::field_passages(project),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Origin, Value};

    #[test]
    fn a_changed_document_refreshes_suggestions_and_keeps_the_users_answers() {
        let dir = tempfile::tempdir().unwrap();
        let docs = dir.path().join("project_docs");
        std::fs::create_dir_all(&docs).unwrap();
        let spec = docs.join("technicalSpecification.md");
        std::fs::write(
            &spec,
            "# Technical Specification\n\n## Hosting\n\nWe run on AWS.\n",
        )
        .unwrap();
        let mut opened = open_for_editing(dir.path()).unwrap();
        opened
            .answers
            .set_user("s0.purpose", Value::Text("Mine, not the documents'".into()));
        let before = opened.answers.clone();

        std::fs::write(
            &spec,
            "# Technical Specification\n\n## Hosting\n\nWe run on Google Cloud (GCP).\n",
        )
        .unwrap();
        let refresh = opened.refresh_documents().unwrap();

        assert_eq!(
            refresh.changed_documents,
            ["project_docs/technicalSpecification.md"]
        );
        let purpose = &refresh.view.answers.values["s0.purpose"];
        assert_eq!(purpose.origin, Origin::User);
        assert_eq!(
            purpose.value,
            Value::Text("Mine, not the documents'".into())
        );
        assert!(refresh.view.facts.iter().any(|fact| fact.value == "gcp"));
        assert!(!refresh.changed_fields.is_empty());
        for id in &refresh.changed_fields {
            let (old, new) = (before.values.get(id), refresh.view.answers.values.get(id));
            let cites = |answer: Option<&crate::answers::Answer>| {
                answer.is_some_and(|a| {
                    a.sources
                        .iter()
                        .chain(a.item_sources.iter().flatten())
                        .any(|s| s.path.ends_with("technicalSpecification.md"))
                })
            };
            assert!(
                old.map(|a| &a.value) != new.map(|a| &a.value) || cites(old) || cites(new),
                "{id} flagged without reason"
            );
        }
        // Unchanged documents: nothing flagged.
        let again = opened.refresh_documents().unwrap();
        assert!(again.changed_documents.is_empty() && again.changed_fields.is_empty());
    }

    #[test]
    fn a_corrupt_draft_is_kept_aside_and_work_starts_from_the_documents() {
        let dir = tempfile::tempdir().unwrap();
        let draft = crate::draft::draft_path(dir.path());
        std::fs::create_dir_all(draft.parent().unwrap()).unwrap();
        std::fs::write(&draft, "{ half a draft").unwrap();
        let opened = open_for_editing(dir.path()).unwrap();
        assert!(!opened.draft_restored);
        assert!(
            !draft.exists(),
            "the corrupt draft no longer blocks autosave"
        );
        let kept = draft.with_file_name("deploymentPlan.draft.corrupt-1.json");
        assert_eq!(std::fs::read_to_string(kept).unwrap(), "{ half a draft");
        let warning = opened.project.warnings.join("\n");
        assert!(
            warning.contains("could not be read") && warning.contains("corrupt-1.json"),
            "{warning}"
        );
    }
}
