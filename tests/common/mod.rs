//! What several integration tests share: a fresh copy of the sample project.

use std::path::{Path, PathBuf};

/// The sample project in the repository.
pub fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sample-project")
}

/// A temporary copy of the sample project without what the app writes into
/// it (plan, draft, role choices), so each test starts from the documents.
pub fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_documents(&sample_dir(), dir.path());
    dir
}

fn copy_documents(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if name == ".deployplan"
            || name == "deploymentPlan.md"
            || name == "deploymentPlan.draft.json"
        {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_documents(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
