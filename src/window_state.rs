//! The main window's size and position, remembered between runs in the user's
//! config folder. The path of the file is passed in, so tests can use their own.

use crate::store::{load_json, save_json};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Where the window was and how big, in physical pixels, and whether it was maximised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WindowGeometry {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
    #[serde(default)]
    pub maximized: bool,
}

/// Sizes outside this range are not restored (a corrupt or hand-edited file).
const SIZE_RANGE: std::ops::RangeInclusive<u32> = 200..=20_000;
/// Positions outside this range are not restored.
const POSITION_RANGE: std::ops::RangeInclusive<i32> = -20_000..=20_000;

impl WindowGeometry {
    /// Whether the values are ones a real window could have had.
    pub fn is_plausible(&self) -> bool {
        SIZE_RANGE.contains(&self.width)
            && SIZE_RANGE.contains(&self.height)
            && POSITION_RANGE.contains(&self.x)
            && POSITION_RANGE.contains(&self.y)
    }
}

/// The geometry saved in `file`; `None` when there is none, or it is unreadable
/// or implausible (the window then opens at its default size).
pub fn load_window_geometry(file: &Path) -> Option<WindowGeometry> {
    let geometry: WindowGeometry = load_json(file).ok().flatten()?;
    geometry.is_plausible().then_some(geometry)
}

/// Writes `geometry` to `file` (atomically, creating its folder).
///
/// Errors: the file cannot be written.
pub fn save_window_geometry(file: &Path, geometry: WindowGeometry) -> crate::Result<()> {
    save_json(file, &geometry)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GEOMETRY: WindowGeometry = WindowGeometry {
        x: 40,
        y: -10,
        width: 1400,
        height: 900,
        maximized: false,
    };

    #[test]
    fn a_saved_geometry_is_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config/window.json");
        assert_eq!(load_window_geometry(&file), None);
        save_window_geometry(&file, GEOMETRY).unwrap();
        assert_eq!(load_window_geometry(&file), Some(GEOMETRY));
    }

    #[test]
    fn a_corrupt_or_implausible_file_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("window.json");
        std::fs::write(&file, "{ not json").unwrap();
        assert_eq!(load_window_geometry(&file), None);
        let tiny = WindowGeometry {
            width: 3,
            ..GEOMETRY
        };
        save_window_geometry(&file, tiny).unwrap();
        assert_eq!(load_window_geometry(&file), None);
        let far = WindowGeometry {
            x: 1_000_000,
            ..GEOMETRY
        };
        save_window_geometry(&file, far).unwrap();
        assert_eq!(load_window_geometry(&file), None);
    }

    #[test]
    fn an_older_file_without_maximized_still_loads() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("window.json");
        std::fs::write(&file, r#"{"x":1,"y":2,"width":1000,"height":700}"#).unwrap();
        assert_eq!(
            load_window_geometry(&file),
            Some(WindowGeometry {
                x: 1,
                y: 2,
                width: 1000,
                height: 700,
                maximized: false
            })
        );
    }
}
