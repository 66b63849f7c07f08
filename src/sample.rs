//! Where the bundled sample project lives.
//!
//! From a source checkout the sample is `examples/sample-project`. An installed
//! app finds it beside the program (`../share/deployplan/sample-project`), a
//! read-only folder: it is copied once into the user's data folder, and that
//! copy is what the app and the CLI open and write to.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// The sample project to open: `$DEPLOYPLAN_SAMPLE_DIR` if set; else, for an
/// installed app, the user's own copy of the installed sample (made on first
/// use under `data_dir`); else the one in the source tree.
///
/// Errors: the installed sample cannot be copied into `data_dir`.
pub fn sample_project_dir_in(data_dir: Option<&Path>) -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os("DEPLOYPLAN_SAMPLE_DIR") {
        return Ok(PathBuf::from(dir));
    }
    let installed = std::env::current_exe()
        .ok()
        .and_then(|exe| {
            exe.parent()
                .map(|bin| bin.join("../share/deployplan/sample-project"))
        })
        .filter(|dir| dir.is_dir());
    match (installed, data_dir) {
        (Some(installed), Some(data_dir)) => {
            let copy = data_dir.join("deployplan").join("sample-project");
            if !copy.is_dir() {
                copy_folder(&installed, &copy)?;
            }
            Ok(copy)
        }
        (Some(installed), None) => Ok(installed),
        (None, _) => Ok(PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join("sample-project")),
    }
}

/// Where the bundled sample lives (possibly read-only): `$DEPLOYPLAN_SAMPLE_DIR`,
/// else the installed copy, else the source tree's.
pub fn sample_project_dir() -> PathBuf {
    sample_project_dir_in(None).unwrap_or_else(|_| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join("sample-project")
    })
}

/// The sample project to open and write to, with the user's data folder from
/// the environment (`$XDG_DATA_HOME`, else `~/.local/share`).
///
/// Errors: the installed sample cannot be copied into the data folder.
pub fn sample_project_for_editing() -> Result<PathBuf> {
    let data_dir = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/share")));
    sample_project_dir_in(data_dir.as_deref())
}

/// Copies a folder of plain files and folders (symlinks are not followed).
fn copy_folder(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).map_err(|source| Error::Write {
        path: to.to_path_buf(),
        source,
    })?;
    let entries = std::fs::read_dir(from).map_err(|source| Error::Read {
        path: from.to_path_buf(),
        source,
    })?;
    for entry in entries.flatten() {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            copy_folder(&entry.path(), &target)?;
        } else if kind.is_file() {
            std::fs::copy(entry.path(), &target).map_err(|source| Error::Write {
                path: target.clone(),
                source,
            })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_copied_with_its_subfolders() {
        let from = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(from.path().join("project_docs")).unwrap();
        std::fs::write(
            from.path().join("project_docs/userStories.md"),
            "# Stories\n",
        )
        .unwrap();
        let to = tempfile::tempdir().unwrap();
        let copy = to.path().join("deployplan/sample-project");
        copy_folder(from.path(), &copy).unwrap();
        assert_eq!(
            std::fs::read_to_string(copy.join("project_docs/userStories.md")).unwrap(),
            "# Stories\n"
        );
    }

    #[test]
    fn from_a_checkout_the_sample_is_the_source_tree_copy() {
        let dir = sample_project_dir_in(None).unwrap();
        assert!(dir.join("project_docs/technicalSpecification.md").is_file());
    }
}
