//! Writing files safely: a temporary file in the same folder, flushed to disk,
//! then renamed over the target, so a reader never sees half a file and a
//! failed write leaves the old file as it was. The previous version is kept as
//! a backup.

use crate::error::{Error, Result};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// How many backups of a file are kept.
pub const BACKUPS_KEPT: usize = 5;

/// Writes `contents` to `path` atomically, creating parent folders.
///
/// Errors: the target is a folder, or the folder cannot be written (the old
/// file, if any, is left untouched).
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    if path.is_dir() {
        return Err(Error::TargetIsFolder {
            path: path.to_path_buf(),
        });
    }
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(folder).map_err(|source| Error::Write {
        path: folder.to_path_buf(),
        source,
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| -> std::io::Result<()> {
        let mut file = fs::File::create(&temporary)?;
        file.write_all(contents)?;
        file.sync_all()?;
        fs::rename(&temporary, path)?;
        if let Ok(dir) = fs::File::open(folder) {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    written.map_err(|source| {
        let _ = fs::remove_file(&temporary);
        Error::Write {
            path: path.to_path_buf(),
            source,
        }
    })
}

/// A write failure in plain words, for a message a user can act on: what
/// happened and that the old file is still there.
pub fn explain_write_error(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let plain = match error.kind() {
        ErrorKind::ReadOnlyFilesystem => "the folder is on a read-only disk",
        ErrorKind::StorageFull => "the disk is full",
        ErrorKind::QuotaExceeded => "your disk quota is used up",
        ErrorKind::FileTooLarge => "the file is larger than this disk allows",
        ErrorKind::PermissionDenied => "you do not have permission to write there",
        ErrorKind::NotFound => "the folder does not exist",
        ErrorKind::IsADirectory => "a folder has that name",
        _ => return format!("{error}; the previous version, if any, is unchanged"),
    };
    format!("{plain} ({error}); the previous version, if any, is unchanged")
}

/// Copies the current `path` (if it exists) into `backups`, as
/// `<name>.1` (newest) … `<name>.N`, dropping the oldest. Returns the backup's path.
///
/// Errors: the backup cannot be written; then nothing else should be written either.
pub fn back_up(path: &Path, backups: &Path) -> Result<Option<PathBuf>> {
    if !path.is_file() {
        return Ok(None);
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    fs::create_dir_all(backups).map_err(|source| Error::Write {
        path: backups.to_path_buf(),
        source,
    })?;
    let numbered = |n: usize| backups.join(format!("{name}.{n}"));
    let _ = fs::remove_file(numbered(BACKUPS_KEPT));
    for n in (1..BACKUPS_KEPT).rev() {
        if numbered(n).exists() {
            fs::rename(numbered(n), numbered(n + 1)).map_err(|source| Error::Write {
                path: numbered(n + 1),
                source,
            })?;
        }
    }
    let contents = fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    write_atomic(&numbered(1), &contents)?;
    Ok(Some(numbered(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_create_parent_folders_and_leave_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("project_docs/deploymentPlan.md");
        write_atomic(&target, b"hello").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "hello");
        let names: Vec<_> = fs::read_dir(target.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_folder_in_the_way_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("deploymentPlan.md");
        fs::create_dir(&target).unwrap();
        let error = write_atomic(&target, b"x").unwrap_err();
        assert_eq!(error.code(), "target_is_folder");
        assert!(target.is_dir());
    }

    #[test]
    fn backups_rotate_and_keep_the_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("plan.md");
        let backups = dir.path().join("backups");
        for version in 0..7 {
            write_atomic(&target, format!("v{version}").as_bytes()).unwrap();
            back_up(&target, &backups).unwrap();
        }
        assert_eq!(fs::read_to_string(backups.join("plan.md.1")).unwrap(), "v6");
        assert_eq!(fs::read_to_string(backups.join("plan.md.5")).unwrap(), "v2");
        assert!(!backups.join("plan.md.6").exists());
    }
}
