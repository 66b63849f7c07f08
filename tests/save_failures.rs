//! Faults injected into saving: a read-only disk, a full disk, a folder where
//! the plan goes. Each must leave the old plan byte-identical and say what
//! happened in plain words.
//!
//! The disk faults use real file systems: a small tmpfs mounted for the test
//! (and remounted read-only for the read-only case). That needs root, which
//! the project's machines and CI run as; elsewhere these tests fail with a
//! message saying so rather than skipping silently.

#![cfg(target_os = "linux")]

use deployplan::answers::{suggest_answers, Answers, Value};
use deployplan::draft::{draft_path, save_draft};
use deployplan::save::save_plan;
use deployplan::Project;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A tmpfs mounted on a fresh temporary folder, unmounted when dropped.
struct Mount {
    dir: tempfile::TempDir,
}

impl Mount {
    fn tmpfs(size: &str) -> Mount {
        let dir = tempfile::tempdir().unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .expect("the `mount` command is needed for the disk-fault tests");
        assert!(
            status.success(),
            "mounting a tmpfs failed: these fault-injection tests need root (CI runs as root)"
        );
        Mount { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount_read_only(&self) {
        let status = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .status()
            .unwrap();
        assert!(status.success(), "remounting read-only failed");
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// A project with one document and a saved plan, inside `root`.
fn project_with_a_saved_plan(root: &Path) -> (Project, Answers, PathBuf, Vec<u8>) {
    let docs = root.join("project_docs");
    fs::create_dir_all(&docs).unwrap();
    fs::write(
        docs.join("userStories.md"),
        "# User Stories\n\n- As a user I sign in\n",
    )
    .unwrap();
    let project = Project::open(root).unwrap();
    let mut answers = suggest_answers(&project);
    let outcome = save_plan(&project, &answers, None, false).unwrap();
    let old = fs::read(&outcome.path).unwrap();
    answers.set_user(
        "s0.purpose",
        Value::Text("A purpose that changes the plan".repeat(200)),
    );
    (project, answers, outcome.path, old)
}

#[test]
fn a_save_to_a_read_only_disk_leaves_the_old_plan_and_says_so() {
    let mount = Mount::tmpfs("4m");
    let (project, answers, plan, old) = project_with_a_saved_plan(mount.path());
    mount.remount_read_only();

    let error = save_plan(&project, &answers, None, false).unwrap_err();
    assert_eq!(error.code(), "write_failed");
    let message = error.to_string();
    assert!(message.contains("read-only"), "{message}");
    assert!(message.contains("previous version"), "{message}");
    assert_eq!(
        fs::read(&plan).unwrap(),
        old,
        "the old plan is byte-identical"
    );

    let draft = save_draft(&project.root, &answers).unwrap_err();
    assert!(draft.to_string().contains("read-only"), "{draft}");
}

#[test]
fn a_save_to_a_full_disk_leaves_the_old_plan_and_no_temporary_file() {
    let mount = Mount::tmpfs("256k");
    let (project, answers, plan, old) = project_with_a_saved_plan(mount.path());
    // Fill the disk: write until it refuses.
    let filler = mount.path().join("filler");
    let mut file = fs::File::create(&filler).unwrap();
    let block = vec![0u8; 4096];
    let full = loop {
        use std::io::Write;
        if let Err(error) = file.write_all(&block).and_then(|()| file.sync_all()) {
            break error;
        }
    };
    assert_eq!(full.kind(), std::io::ErrorKind::StorageFull, "{full}");

    let error = save_plan(&project, &answers, None, false).unwrap_err();
    let message = error.to_string();
    assert_eq!(error.code(), "write_failed", "{message}");
    assert!(message.contains("disk is full"), "{message}");
    assert_eq!(
        fs::read(&plan).unwrap(),
        old,
        "the old plan is byte-identical"
    );
    let leftovers: Vec<_> = fs::read_dir(plan.parent().unwrap())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // The draft too fails cleanly, and the old draft (if any) survives.
    let draft_before = fs::read(draft_path(&project.root)).ok();
    assert!(save_draft(&project.root, &answers).is_err());
    assert_eq!(fs::read(draft_path(&project.root)).ok(), draft_before);

    // Room again: the same save now works.
    drop(file);
    fs::remove_file(&filler).unwrap();
    save_plan(&project, &answers, None, false).unwrap();
    assert_ne!(fs::read(&plan).unwrap(), old);
}

#[test]
fn a_folder_where_the_plan_goes_is_refused_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let (project, answers, plan, _) = project_with_a_saved_plan(dir.path());
    fs::remove_file(&plan).unwrap();
    fs::create_dir(&plan).unwrap();
    fs::write(plan.join("inside.txt"), "untouched").unwrap();
    let error = save_plan(&project, &answers, None, false).unwrap_err();
    assert_eq!(error.code(), "target_is_folder");
    assert!(error.to_string().contains("it is a folder"), "{error}");
    assert_eq!(
        fs::read_to_string(plan.join("inside.txt")).unwrap(),
        "untouched"
    );
}
