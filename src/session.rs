//! Opening a project for editing: its documents read, its draft restored and
//! completed with suggestions. Both front ends start here.

use crate::answers::{suggest_answers, Answers};
use crate::draft::load_draft;
use crate::model::{Document, Fact, Role};
use crate::project::Project;
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

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
}

/// An opened project and its answers.
#[derive(Debug, Clone)]
pub struct OpenedProject {
    pub project: Project,
    pub answers: Answers,
    pub draft_restored: bool,
}

/// Opens the project at `root`: reads its documents, restores its draft and
/// completes it with suggestions. A draft that cannot be read is reported in
/// the warnings and work starts from the documents.
///
/// Errors: the folder is missing or not a folder.
pub fn open_for_editing(root: &Path) -> crate::Result<OpenedProject> {
    let mut project = Project::open(root)?;
    let (mut answers, draft_restored) = match load_draft(&project.root) {
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
    };
    answers.merge_suggestions(&suggest_answers(&project));
    Ok(OpenedProject {
        project,
        answers,
        draft_restored,
    })
}

/// Renames an unreadable draft to `deploymentPlan.draft.corrupt-N.json` beside
/// it, so the next autosave does not overwrite what may still be recovered.
fn set_aside_draft(root: &Path) -> Option<std::path::PathBuf> {
    let draft = crate::draft::draft_path(root);
    let folder = draft.parent()?;
    let kept = (1..1000)
        .map(|n| folder.join(format!("deploymentPlan.draft.corrupt-{n}.json")))
        .find(|candidate| !candidate.exists())?;
    std::fs::rename(&draft, &kept).ok()?;
    Some(kept)
}

impl OpenedProject {
    /// The view a front end shows.
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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
