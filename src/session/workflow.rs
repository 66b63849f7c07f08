//! What a user does with an opened project, for both front ends: keep the
//! draft, save the plan (and, when it was edited by hand, diff, overwrite or
//! keep it; or save it elsewhere), review it (comments, sign-offs) and export
//! it. The clock is passed in, so tests can fix it.

use super::OpenedProject;
use crate::answers::Answers;
use crate::error::{Error, Result};
use crate::export::{export_plan, export_rendered, ExportOptions, Format};
use crate::render::RenderedPlan;
use crate::review::{self, Decision, PlanReview};
use crate::save::{self, PlanDiff, SaveOutcome};
use crate::write::write_atomic;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

impl OpenedProject {
    /// Keeps `answers` as the project's draft and as the opened answers.
    ///
    /// Errors: the draft cannot be written (the opened answers stay as they were).
    pub fn save_draft(&mut self, answers: &Answers) -> Result<()> {
        crate::draft::save_draft(&self.project.root, answers)?;
        self.answers = answers.clone();
        Ok(())
    }

    /// The plan's Markdown for `answers`.
    pub fn plan_markdown(&self, answers: &Answers) -> String {
        save::plan_markdown(&self.project, answers)
    }

    /// Writes the plan for `answers` to `target` (default
    /// `project_docs/deploymentPlan.md`) without touching the draft; see
    /// [`save::save_plan`].
    ///
    /// Errors: [`Error::HandEdited`] unless `force`; write errors.
    pub fn write_plan(
        &self,
        answers: &Answers,
        target: Option<&Path>,
        force: bool,
    ) -> Result<SaveOutcome> {
        save::save_plan(&self.project, answers, target, force)
    }

    /// Save: keeps the draft, then writes the plan to its usual place.
    ///
    /// Errors: the draft cannot be written (nothing else is);
    /// [`Error::HandEdited`] when the plan on disk was edited by hand (see
    /// [`OpenedProject::plan_diff`], [`OpenedProject::overwrite`],
    /// [`OpenedProject::keep_plan_on_disk`]); write errors.
    pub fn save_plan(&mut self, answers: &Answers) -> Result<SaveOutcome> {
        self.save_draft(answers)?;
        self.write_plan(answers, None, false)
    }

    /// The diff between the hand-edited plan on disk and the plan for
    /// `answers`; `None` when the plan on disk is as DeployPlan wrote it.
    pub fn plan_diff(&self, answers: &Answers) -> Option<PlanDiff> {
        save::hand_edit_diff(&self.project, answers, None)
    }

    /// Keeps the draft, then overwrites the hand-edited plan the user
    /// reviewed (`reviewed_hash` from [`PlanDiff::disk_hash`]); the edited
    /// plan is kept as a backup.
    ///
    /// Errors: the draft cannot be written; [`Error::HandEdited`] when the
    /// plan changed again since it was reviewed; write errors.
    pub fn overwrite(&mut self, answers: &Answers, reviewed_hash: &str) -> Result<SaveOutcome> {
        self.save_draft(answers)?;
        save::overwrite_reviewed(&self.project, answers, None, reviewed_hash)
    }

    /// Keeps the hand-edited plan as it is; nothing is written but the
    /// choice. Returns the plan's path.
    ///
    /// Errors: the plan cannot be read or the choice cannot be written.
    pub fn keep_plan_on_disk(&self) -> Result<PathBuf> {
        save::keep_hand_edited(&self.project, None)
    }

    /// Save as: writes the plan for `answers` to `path`, a file the user
    /// chose (and, if it existed, agreed to replace; a backup is kept). The
    /// draft is kept first when it can be; a failure there does not stop this
    /// save, which is what the user turns to when saving fails.
    ///
    /// Errors: write errors.
    pub fn save_as(&mut self, answers: &Answers, path: &Path) -> Result<SaveOutcome> {
        let _ = self.save_draft(answers);
        self.write_plan(answers, Some(path), true)
    }

    /// The plan for `answers` with its structure: sections (Markdown, HTML,
    /// hash, phases, open items), sources and glossary.
    pub fn rendered(&self, answers: &Answers) -> RenderedPlan {
        save::rendered_plan(&self.project, answers)
    }

    /// The plan for `answers` prepared for review, with the documents the
    /// project lacks among its open items.
    ///
    /// Errors: the review file cannot be read or is not a review file.
    pub fn review(&self, answers: &Answers) -> Result<PlanReview> {
        self.review_of(&self.rendered(answers), answers)
    }

    fn review_of(&self, rendered: &RenderedPlan, answers: &Answers) -> Result<PlanReview> {
        let missing: Vec<String> = self
            .project
            .missing_roles()
            .into_iter()
            .map(|role| format!("No {} document: {}", role.label(), role.feeds()))
            .collect();
        review::review_rendered(&self.project.root, rendered, answers, &missing)
    }

    /// Adds `author`'s comment to the section `step_id` of the plan for
    /// `answers`, dated `now`; returns the review again.
    ///
    /// Errors: as [`review::add_comment`].
    pub fn comment(
        &self,
        answers: &Answers,
        step_id: &str,
        author: &str,
        text: &str,
        now: SystemTime,
    ) -> Result<PlanReview> {
        let rendered = self.rendered(answers);
        review::add_comment(
            &self.project.root,
            &rendered.sections,
            step_id,
            author,
            text,
            &rfc3339(now),
        )?;
        self.review_of(&rendered, answers)
    }

    /// Records `reviewer`'s decision on the section `step_id` of the plan for
    /// `answers` as it is now, dated `now`; returns the review again.
    ///
    /// Errors: as [`review::sign_off`].
    pub fn sign_off(
        &self,
        answers: &Answers,
        step_id: &str,
        reviewer: &str,
        decision: Decision,
        now: SystemTime,
    ) -> Result<PlanReview> {
        let rendered = self.rendered(answers);
        review::sign_off(
            &self.project.root,
            &rendered.sections,
            step_id,
            reviewer,
            decision,
            &rfc3339(now),
        )?;
        self.review_of(&rendered, answers)
    }

    /// The title every export of this project carries.
    pub fn export_title(&self) -> String {
        format!("Deployment plan — {}", self.project.display_name())
    }

    /// The plan as written on disk; `None` when none is written yet.
    ///
    /// Errors: [`Error::Read`] when the plan exists but cannot be read.
    pub fn written_plan(&self) -> Result<Option<String>> {
        let path = self.project.default_plan_path();
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(Some(text)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(Error::Read { path, source }),
        }
    }

    /// Exports `markdown` (a plan of this project as written on disk,
    /// perhaps edited by hand) in `format` to `to`,
    /// written atomically, titled [`OpenedProject::export_title`];
    /// `options` say how (paper, diagrams, printer, progress).
    ///
    /// Errors: as [`export_plan`] (nothing is written); write errors.
    pub fn export(
        &self,
        markdown: &str,
        format: Format,
        mut options: ExportOptions,
        to: &Path,
    ) -> Result<()> {
        options.title = self.export_title();
        let bytes = export_plan(markdown, format, &options)?;
        write_atomic(to, &bytes)
    }

    /// Exports `rendered` (a plan of this project rendered from its answers)
    /// in `format` to `to`, written atomically, titled
    /// [`OpenedProject::export_title`]; its contents and glossary read from
    /// its structure.
    ///
    /// Errors: as [`export_plan`] (nothing is written); write errors.
    pub fn export_rendered_to(
        &self,
        rendered: &RenderedPlan,
        format: Format,
        mut options: ExportOptions,
        to: &Path,
    ) -> Result<()> {
        options.title = self.export_title();
        let bytes = export_rendered(rendered, format, &options)?;
        write_atomic(to, &bytes)
    }

    /// The plan for `answers` exported in `format`, titled
    /// [`OpenedProject::export_title`]; its contents and glossary read from
    /// the rendered structure. Returns the bytes; writing them is the
    /// caller's (the app writes where the user chose, after the export).
    ///
    /// Errors: as [`export_plan`].
    pub fn export_answers(
        &self,
        answers: &Answers,
        format: Format,
        mut options: ExportOptions,
    ) -> Result<Vec<u8>> {
        options.title = self.export_title();
        export_rendered(&self.rendered(answers), format, &options)
    }
}

/// `now` as RFC 3339 in UTC (`2026-11-26T06:30:00Z`), to the second.
pub fn rfc3339(now: SystemTime) -> String {
    let seconds = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    crate::text::rfc3339(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Value;
    use crate::session::open_for_editing;
    use std::time::Duration;

    fn at(seconds: u64) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(seconds)
    }

    fn opened() -> (tempfile::TempDir, OpenedProject) {
        let dir = tempfile::tempdir().unwrap();
        let docs = dir.path().join("project_docs");
        std::fs::create_dir_all(&docs).unwrap();
        std::fs::write(docs.join("userStories.md"), "# User Stories\n").unwrap();
        let opened = open_for_editing(dir.path()).unwrap();
        (dir, opened)
    }

    #[test]
    fn times_are_written_as_rfc3339_utc() {
        assert_eq!(rfc3339(at(0)), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(at(1_795_156_200)), "2026-11-20T06:30:00Z");
        assert_eq!(rfc3339(at(951_782_400)), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn saving_keeps_the_draft_and_the_opened_answers_then_writes_the_plan() {
        let (dir, mut opened) = opened();
        let mut answers = opened.answers.clone();
        answers.set_user("s0.purpose", Value::Text("Ship it".into()));
        let outcome = opened.save_plan(&answers).unwrap();
        assert_eq!(opened.answers, answers);
        assert_eq!(
            crate::draft::load_draft(dir.path()).unwrap(),
            Some(answers.clone())
        );
        assert!(std::fs::read_to_string(outcome.path)
            .unwrap()
            .contains("Ship it"));
    }

    #[test]
    fn save_as_writes_even_when_the_draft_cannot_be_kept() {
        let (dir, mut opened) = opened();
        // A folder where the draft goes: the draft cannot be written.
        std::fs::create_dir_all(crate::store::draft_path(dir.path())).unwrap();
        let mut answers = opened.answers.clone();
        answers.set_user("s0.purpose", Value::Text("Elsewhere".into()));
        assert!(opened.save_draft(&answers).is_err());
        assert_ne!(opened.answers, answers, "a failed draft leaves the answers");
        let elsewhere = tempfile::tempdir().unwrap();
        let target = elsewhere.path().join("copy.md");
        let outcome = opened.save_as(&answers, &target).unwrap();
        assert_eq!(outcome.path, target);
        assert!(std::fs::read_to_string(&target)
            .unwrap()
            .contains("Elsewhere"));
    }

    #[test]
    fn comments_and_sign_offs_carry_the_time_given() {
        let (_dir, opened) = opened();
        let answers = opened.answers.clone();
        let step_id = opened.review(&answers).unwrap().sections[1].step_id.clone();
        opened
            .comment(&answers, &step_id, "Ana", "Looks right", at(0))
            .unwrap();
        let review = opened
            .sign_off(&answers, &step_id, "Ana", Decision::Approve, at(86_400))
            .unwrap();
        let section = review
            .sections
            .iter()
            .find(|section| section.step_id == step_id)
            .unwrap();
        assert_eq!(section.comments[0].at, "1970-01-01T00:00:00Z");
        assert_eq!(section.sign_offs[0].sign_off.at, "1970-01-02T00:00:00Z");
        assert!(section.sign_offs[0].current);
    }

    #[test]
    fn a_missing_document_is_an_open_item_of_the_review() {
        let (_dir, opened) = opened();
        let review = opened.review(&opened.answers).unwrap();
        assert!(review
            .open_items
            .iter()
            .any(|item| item.kind == "missing_document" && item.message.starts_with("No ")));
    }

    #[test]
    fn exports_are_titled_with_the_project_and_written_where_asked() {
        let (dir, opened) = opened();
        assert_eq!(opened.written_plan().unwrap(), None);
        let to = dir.path().join("out/plan.html");
        let markdown = opened.plan_markdown(&opened.answers);
        opened
            .export(
                &markdown,
                Format::Html,
                ExportOptions::titled("ignored"),
                &to,
            )
            .unwrap();
        let html = std::fs::read_to_string(&to).unwrap();
        let title = format!("<title>{}</title>", opened.export_title());
        assert!(html.contains(&title), "{}", &html[..html.len().min(400)]);
        assert!(opened.export_title().starts_with("Deployment plan — "));
    }
}
