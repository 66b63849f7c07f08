//! The list of recently opened projects, kept in the user's config folder.
//! The path of the list is passed in, so tests can use their own.

use crate::store::{load_json, save_json};
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// How many projects the list keeps.
pub const RECENT_KEPT: usize = 10;

/// A project opened before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct RecentProject {
    pub path: String,
    pub name: String,
}

/// The recent projects in `file`, newest first; an unreadable list is empty.
pub fn load_recent(file: &Path) -> Vec<RecentProject> {
    load_json(file).ok().flatten().unwrap_or_default()
}

/// Puts `project` first in the list in `file`, dropping older duplicates and
/// the oldest beyond [`RECENT_KEPT`].
///
/// Errors: the list cannot be written.
pub fn remember_recent(file: &Path, project: RecentProject) -> crate::Result<Vec<RecentProject>> {
    let mut list = load_recent(file);
    list.retain(|known| known.path != project.path);
    list.insert(0, project);
    list.truncate(RECENT_KEPT);
    write_recent(file, &list)?;
    Ok(list)
}

/// Removes the project at `path` from the list in `file` and returns the list
/// left; a path the list does not hold leaves it as it was.
///
/// Errors: the list cannot be written.
pub fn forget_recent(file: &Path, path: &str) -> crate::Result<Vec<RecentProject>> {
    let mut list = load_recent(file);
    let before = list.len();
    list.retain(|known| known.path != path);
    if list.len() != before {
        write_recent(file, &list)?;
    }
    Ok(list)
}

/// Empties the list in `file`.
///
/// Errors: the list cannot be written.
pub fn clear_recent(file: &Path) -> crate::Result<()> {
    write_recent(file, &[])
}

fn write_recent(file: &Path, list: &[RecentProject]) -> crate::Result<()> {
    save_json(file, list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(n: usize) -> RecentProject {
        RecentProject {
            path: format!("/p/{n}"),
            name: format!("p{n}"),
        }
    }

    #[test]
    fn reopening_a_project_moves_it_to_the_top_without_duplicates() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config/recent.json");
        for n in 0..3 {
            remember_recent(&file, project(n)).unwrap();
        }
        let list = remember_recent(&file, project(0)).unwrap();
        assert_eq!(
            list.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["p0", "p2", "p1"]
        );
        assert_eq!(load_recent(&file), list);
    }

    #[test]
    fn the_list_keeps_only_the_newest() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("recent.json");
        for n in 0..15 {
            remember_recent(&file, project(n)).unwrap();
        }
        let list = load_recent(&file);
        assert_eq!(list.len(), RECENT_KEPT);
        assert_eq!(list[0].name, "p14");
    }

    #[test]
    fn forgetting_a_project_removes_only_that_one() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("recent.json");
        for n in 0..3 {
            remember_recent(&file, project(n)).unwrap();
        }
        let list = forget_recent(&file, "/p/1").unwrap();
        assert_eq!(
            list.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["p2", "p0"]
        );
        assert_eq!(load_recent(&file), list);
    }

    #[test]
    fn forgetting_an_unknown_project_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("recent.json");
        remember_recent(&file, project(0)).unwrap();
        assert_eq!(forget_recent(&file, "/elsewhere").unwrap(), [project(0)]);
        assert_eq!(load_recent(&file), [project(0)]);
        // With no list at all, nothing is written.
        let missing = dir.path().join("none/recent.json");
        assert!(forget_recent(&missing, "/p/0").unwrap().is_empty());
        assert!(!missing.exists());
    }

    #[test]
    fn clearing_empties_the_list_for_good() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config/recent.json");
        for n in 0..3 {
            remember_recent(&file, project(n)).unwrap();
        }
        clear_recent(&file).unwrap();
        assert!(load_recent(&file).is_empty());
        assert_eq!(remember_recent(&file, project(7)).unwrap(), [project(7)]);
    }
}
