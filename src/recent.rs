//! The list of recently opened projects, kept in the user's config folder.
//! The path of the list is passed in, so tests can use their own.

use crate::write::write_atomic;
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
    std::fs::read_to_string(file)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
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
    let json = serde_json::to_string_pretty(&list).unwrap_or_default();
    write_atomic(file, json.as_bytes())?;
    Ok(list)
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
}
