//! Where the bundled sample project lives.

use std::path::PathBuf;

/// The sample project: `$DEPLOYPLAN_SAMPLE_DIR` if set, else the copy installed
/// beside the program (`../share/deployplan/sample-project`), else the one in
/// the source tree.
pub fn sample_project_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("DEPLOYPLAN_SAMPLE_DIR") {
        return PathBuf::from(dir);
    }
    if let Some(installed) = std::env::current_exe()
        .ok()
        .and_then(|exe| {
            exe.parent()
                .map(|bin| bin.join("../share/deployplan/sample-project"))
        })
        .filter(|dir| dir.is_dir())
    {
        return installed;
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join("sample-project")
}
