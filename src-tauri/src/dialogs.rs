//! The app's native file dialogs (rfd): the project folder to open, where to
//! save the plan, where to export it. Each is described as a [`Dialog`] and
//! asked with [`ask`], which builds it on the main thread and awaits it off
//! that thread, as tauri-plugin-dialog does (a GTK dialog run from the main
//! thread can deadlock).
//!
//! Builds with the `e2e` feature take the answer from the environment instead
//! (a WebDriver test cannot click a native dialog): `DEPLOYPLAN_E2E_PICK_FOLDER`
//! (the folder), `DEPLOYPLAN_E2E_SAVE_PATH` (the file to save the plan to),
//! `DEPLOYPLAN_E2E_EXPORT_DIR` (the folder an export is written to, under the
//! name the dialog suggests). Release builds carry none of these names
//! (`.ci/check_release_hooks.sh`).

use crate::commands::{blocking, Result};
use crate::error::{CommandError, ErrorCode};
use deployplan::export::Format;
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use tauri::{AppHandle, Runtime, WebviewWindow};

/// What a dialog asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialog {
    /// The project folder to open.
    ProjectFolder,
    /// Where to save the plan (Save as…).
    SavePlan,
    /// Where to export the plan in this format.
    Export(Format),
}

/// A file a save dialog suggests: its name, and the one filter offered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SuggestedFile {
    pub name: String,
    pub filter: &'static str,
    pub extensions: &'static [&'static str],
}

impl Dialog {
    /// The dialog's title.
    pub(crate) fn title(self) -> &'static str {
        match self {
            Dialog::ProjectFolder => "Open project folder",
            Dialog::SavePlan => "Save the plan as",
            Dialog::Export(_) => "Export the plan",
        }
    }

    /// The file a save dialog suggests; `None` for the folder dialog.
    pub(crate) fn suggested_file(self) -> Option<SuggestedFile> {
        let (format, filter, extensions): (Format, &str, &[&str]) = match self {
            Dialog::ProjectFolder => return None,
            Dialog::SavePlan | Dialog::Export(Format::Markdown) => {
                (Format::Markdown, "Markdown", &["md"])
            }
            Dialog::Export(Format::Html) => (Format::Html, "HTML", &["html", "htm"]),
            Dialog::Export(Format::Pdf) => (Format::Pdf, "PDF", &["pdf"]),
        };
        Some(SuggestedFile {
            name: format!("deploymentPlan.{}", format.extension()),
            filter,
            extensions,
        })
    }

    /// The e2e build's stand-in for the user's answer, from the environment.
    #[cfg(feature = "e2e")]
    fn stand_in(self) -> Option<PathBuf> {
        let from = |name: &str| std::env::var_os(name).map(PathBuf::from);
        match self {
            Dialog::ProjectFolder => from("DEPLOYPLAN_E2E_PICK_FOLDER"),
            Dialog::SavePlan => from("DEPLOYPLAN_E2E_SAVE_PATH"),
            Dialog::Export(_) => {
                let name = self.suggested_file()?.name;
                from("DEPLOYPLAN_E2E_EXPORT_DIR").map(|folder| folder.join(name))
            }
        }
    }
}

/// Asks the user with the native dialog `dialog`, in front of `window`;
/// `None` when they cancelled.
///
/// Errors: `internal` when the main thread cannot be reached.
pub(crate) async fn ask<R: Runtime>(
    app: &AppHandle<R>,
    window: WebviewWindow<R>,
    dialog: Dialog,
) -> Result<Option<PathBuf>> {
    #[cfg(feature = "e2e")]
    if let Some(path) = dialog.stand_in() {
        return Ok(Some(path));
    }
    let chosen = show(app, move || {
        let builder = rfd::AsyncFileDialog::new()
            .set_title(dialog.title())
            .set_parent(&window);
        let asked: Pin<Box<dyn Future<Output = Option<rfd::FileHandle>> + Send>> =
            match dialog.suggested_file() {
                None => Box::pin(builder.pick_folder()),
                Some(file) => Box::pin(
                    builder
                        .set_file_name(file.name)
                        .add_filter(file.filter, file.extensions)
                        .save_file(),
                ),
            };
        asked
    })
    .await?;
    Ok(chosen.map(|handle| handle.path().to_path_buf()))
}

/// Shows a native dialog: `open` builds the rfd dialog on the main thread and
/// its future is awaited here, so neither thread blocks the other.
///
/// Errors: `internal` when the main thread cannot be reached.
pub(crate) async fn show<R, F, Asked>(app: &AppHandle<R>, open: F) -> Result<Asked::Output>
where
    R: Runtime,
    F: FnOnce() -> Asked + Send + 'static,
    Asked: Future + Send + 'static,
{
    let (sender, receiver) = std::sync::mpsc::channel();
    app.run_on_main_thread(move || {
        let _ = sender.send(open());
    })?;
    let asked = blocking(move || {
        receiver
            .recv()
            .map_err(|e| CommandError::new(ErrorCode::Internal, e.to_string()))
    })
    .await?;
    Ok(asked.await)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggested(dialog: Dialog) -> (String, &'static str, &'static [&'static str]) {
        let file = dialog.suggested_file().expect("a save dialog");
        (file.name, file.filter, file.extensions)
    }

    #[test]
    fn an_export_suggests_the_plans_name_with_the_formats_extension() {
        assert_eq!(
            suggested(Dialog::Export(Format::Pdf)),
            ("deploymentPlan.pdf".to_string(), "PDF", &["pdf"][..])
        );
        assert_eq!(
            suggested(Dialog::Export(Format::Html)),
            (
                "deploymentPlan.html".to_string(),
                "HTML",
                &["html", "htm"][..]
            )
        );
        assert_eq!(
            suggested(Dialog::Export(Format::Markdown)),
            ("deploymentPlan.md".to_string(), "Markdown", &["md"][..])
        );
        assert_eq!(Dialog::Export(Format::Pdf).title(), "Export the plan");
    }

    #[test]
    fn save_as_suggests_the_plans_usual_name_and_the_folder_dialog_no_file() {
        assert_eq!(
            suggested(Dialog::SavePlan),
            ("deploymentPlan.md".to_string(), "Markdown", &["md"][..])
        );
        assert_eq!(Dialog::SavePlan.title(), "Save the plan as");
        assert_eq!(Dialog::ProjectFolder.suggested_file(), None);
        assert_eq!(Dialog::ProjectFolder.title(), "Open project folder");
    }

    /// The e2e tests answer each dialog through its own variable (the only
    /// test that sets them: nothing else here reads them).
    #[cfg(feature = "e2e")]
    #[test]
    fn the_e2e_build_takes_each_answer_from_its_variable() {
        std::env::set_var("DEPLOYPLAN_E2E_PICK_FOLDER", "/projects/shop");
        std::env::set_var("DEPLOYPLAN_E2E_SAVE_PATH", "/elsewhere/plan.md");
        std::env::set_var("DEPLOYPLAN_E2E_EXPORT_DIR", "/exports");
        assert_eq!(
            Dialog::ProjectFolder.stand_in(),
            Some(PathBuf::from("/projects/shop"))
        );
        assert_eq!(
            Dialog::SavePlan.stand_in(),
            Some(PathBuf::from("/elsewhere/plan.md"))
        );
        assert_eq!(
            Dialog::Export(Format::Html).stand_in(),
            Some(PathBuf::from("/exports/deploymentPlan.html"))
        );
        std::env::remove_var("DEPLOYPLAN_E2E_SAVE_PATH");
        assert_eq!(
            Dialog::SavePlan.stand_in(),
            None,
            "no variable: the real dialog"
        );
    }
}
