//! Hostile and unusual input: each case must give a clear result — no panic,
//! no hang, nothing written wrong.

use deployplan::answers::suggest_answers;
use deployplan::save::{plan_markdown, save_plan};
use deployplan::Project;
use std::fs;
use std::path::Path;

fn project_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    dir
}

/// Opens, suggests and renders: the whole path a user takes.
fn open_and_render(root: &Path) -> (Project, String) {
    let project = Project::open(root).expect("the project opens");
    let plan = plan_markdown(&project, &suggest_answers(&project));
    assert_eq!(
        plan.lines()
            .filter(|l| l.starts_with("## ") && l.as_bytes()[3].is_ascii_digit())
            .count(),
        12
    );
    (project, plan)
}

#[test]
fn a_missing_folder_is_named_in_the_error() {
    let error = Project::open(Path::new("/no/such/deployplan/project")).unwrap_err();
    assert_eq!(error.code(), "project_not_found");
    assert!(error.to_string().contains("/no/such/deployplan/project"));
}

#[test]
fn a_file_given_as_the_project_is_refused() {
    let dir = project_with(&[("notes.md", b"# Notes\n")]);
    let error = Project::open(&dir.path().join("notes.md")).unwrap_err();
    assert_eq!(error.code(), "not_a_folder");
}

#[test]
fn a_folder_without_documents_gives_a_plan_of_tbds() {
    let dir = tempfile::tempdir().unwrap();
    let (project, plan) = open_and_render(dir.path());
    assert!(project.documents.is_empty());
    assert_eq!(project.missing_roles().len(), 7);
    assert!(plan.contains("TBD — owner:"));
}

#[test]
fn empty_and_binary_files_are_read_without_harm() {
    let mut binary = b"# Technical Specification\n\x00\x01\x02\xff\xfe".to_vec();
    binary.extend(std::iter::repeat_n(0u8, 4096));
    let dir = project_with(&[
        ("project_docs/userStories.md", b""),
        ("project_docs/technicalSpecification.md", &binary),
    ]);
    let (project, _) = open_and_render(dir.path());
    assert_eq!(project.documents.len(), 2);
}

#[test]
fn latin1_text_is_decoded_with_a_warning() {
    let dir = project_with(&[(
        "project_docs/technicalSpecification.md",
        b"# Sp\xe9cification\n\nWe deploy to AWS with Terraform.\n",
    )]);
    let (project, _) = open_and_render(dir.path());
    let warnings = project.warnings.join("\n");
    assert!(warnings.contains("technicalSpecification.md"), "{warnings}");
    assert!(project
        .facts
        .iter()
        .any(|f| f.key == "iac.tool" && f.value == "terraform"));
}

#[test]
fn utf16_with_a_bom_is_read_as_text() {
    let text = "# Technical Specification\n\n## Tech Stack\n\n- CI: GitHub Actions\n";
    let mut bytes = vec![0xff, 0xfe];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let dir = project_with(&[("project_docs/technicalSpecification.md", &bytes)]);
    let (project, _) = open_and_render(dir.path());
    assert!(
        project
            .facts
            .iter()
            .any(|f| f.key == "ci.tool" && f.value == "github-actions"),
        "{:?}",
        project.facts
    );
}

#[test]
fn four_hundred_thousand_headings_are_parsed() {
    let mut text = String::with_capacity(8_000_000);
    for n in 0..400_000 {
        text.push_str(&format!("## Heading {n}\n"));
    }
    let dir = project_with(&[("project_docs/technicalSpecification.md", text.as_bytes())]);
    let project = Project::open(dir.path()).unwrap();
    assert_eq!(project.documents.len(), 1);
}

#[test]
fn five_thousand_deep_lists_and_quotes_do_not_overflow_the_stack() {
    let mut lists = String::new();
    for depth in 0..5_000 {
        lists.push_str(&"  ".repeat(depth));
        lists.push_str("- item\n");
    }
    let quotes = format!("{} deep quote\n", ">".repeat(5_000));
    let dir = project_with(&[
        ("project_docs/technicalSpecification.md", lists.as_bytes()),
        ("project_docs/userStories.md", quotes.as_bytes()),
    ]);
    // Run on a thread with an ordinary 2 MiB stack, as the app's workers have.
    let root = dir.path().to_path_buf();
    let handle = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || open_and_render(&root).0.documents.len())
        .unwrap();
    assert_eq!(handle.join().expect("no stack overflow"), 2);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_ends() {
    let dir = project_with(&[("project_docs/userStories.md", b"# User Stories\n")]);
    std::os::unix::fs::symlink(dir.path().join("docs"), dir.path().join("docs")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("project_docs/loop")).unwrap();
    let (project, _) = open_and_render(dir.path());
    assert_eq!(project.documents.len(), 1);
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_project_is_not_followed() {
    let outside = project_with(&[(
        "secret.md",
        b"# Technical Specification\n\nWe use Kubernetes on GCP.\n",
    )]);
    let dir = project_with(&[("project_docs/userStories.md", b"# User Stories\n")]);
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        dir.path().join("project_docs/technicalSpecification.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("docs")).unwrap();
    let (project, _) = open_and_render(dir.path());
    assert!(project
        .documents
        .iter()
        .all(|d| !d.document.path.contains("secret")
            && !d.document.path.contains("technicalSpecification")));
    assert!(!project.facts.iter().any(|f| f.value == "gcp"));
    let warnings = project.warnings.join("\n");
    assert!(
        warnings.contains("docs: skipped, a link to a folder outside the project"),
        "{warnings}"
    );
}

#[test]
fn odd_file_names_are_kept_as_they_are() {
    let dir = project_with(&[
        (
            "project_docs/test strategy (v2).md",
            b"# Test Strategy\n\n## Exit Criteria\n\n- All tests pass\n",
        ),
        ("project_docs/sécurité.md", b"# Security Requirements\n"),
        ("project_docs/line\nbreak.md", b"# Notes\n"),
    ]);
    let (project, _) = open_and_render(dir.path());
    let paths: Vec<&str> = project
        .documents
        .iter()
        .map(|d| d.document.path.as_str())
        .collect();
    assert!(
        paths.contains(&"project_docs/test strategy (v2).md"),
        "{paths:?}"
    );
    assert!(paths.contains(&"project_docs/sécurité.md"), "{paths:?}");
    assert!(paths.contains(&"project_docs/line\nbreak.md"), "{paths:?}");
}

#[test]
fn a_folder_where_the_plan_goes_is_refused_and_left_alone() {
    let dir = project_with(&[("project_docs/userStories.md", b"# User Stories\n")]);
    fs::create_dir_all(dir.path().join("project_docs/deploymentPlan.md/inside")).unwrap();
    let project = Project::open(dir.path()).unwrap();
    let error = save_plan(&project, &suggest_answers(&project), None, false).unwrap_err();
    assert_eq!(error.code(), "target_is_folder");
    assert!(error.to_string().contains("deploymentPlan.md"));
    assert!(dir
        .path()
        .join("project_docs/deploymentPlan.md/inside")
        .is_dir());
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_project_is_named_in_a_warning() {
    let outside = project_with(&[("secret.md", b"# Technical Specification\n")]);
    let dir = project_with(&[("project_docs/userStories.md", b"# User Stories\n")]);
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        dir.path().join("project_docs/technicalSpecification.md"),
    )
    .unwrap();
    let (project, _) = open_and_render(dir.path());
    let warnings = project.warnings.join("\n");
    assert!(
        warnings.contains("project_docs/technicalSpecification.md")
            && warnings.contains("outside the project"),
        "{warnings}"
    );
}

/// A FIFO never sends an end of file: reading it would hang. It is not a
/// regular file, so it is passed over.
#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_document_does_not_hang_the_open() {
    let dir = project_with(&[("project_docs/userStories.md", b"# User Stories\n")]);
    let fifo = dir.path().join("project_docs/technicalSpecification.md");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let (project, _) = open_and_render(dir.path());
    assert!(project
        .documents
        .iter()
        .all(|d| d.document.path != "project_docs/technicalSpecification.md"));
}

#[test]
fn a_folder_named_like_a_document_is_searched_not_read() {
    let dir = project_with(&[
        ("project_docs/userStories.md", b"# User Stories\n"),
        (
            "project_docs/technicalSpecification.md/notes.md",
            b"# Notes\n",
        ),
    ]);
    let (project, _) = open_and_render(dir.path());
    assert!(project
        .documents
        .iter()
        .any(|d| d.document.path == "project_docs/userStories.md"));
}

#[test]
fn a_folder_with_only_other_files_gives_a_plan_of_tbds() {
    let dir = project_with(&[
        ("project_docs/diagram.png", b"\x89PNG\r\n\x1a\n"),
        ("project_docs/notes.txt", b"not markdown"),
    ]);
    let (project, plan) = open_and_render(dir.path());
    assert!(project.documents.is_empty());
    assert!(plan.contains("TBD"));
}

/// 50 MB is under the 64 MB limit, so it is read and parsed. Not timed: it
/// must finish and give a plan (the benchmark measures speed).
#[test]
fn a_fifty_megabyte_document_is_read() {
    let section = "## Requirement\n\nThe system shall run on Kubernetes. ".repeat(4)
        + &"Some words of prose that go on. ".repeat(30)
        + "\n\n- a list item\n- another\n\n";
    let mut text = String::from("# Technical Specification\n\n");
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(&section);
    }
    let dir = project_with(&[("project_docs/technicalSpecification.md", text.as_bytes())]);
    let (project, _) = open_and_render(dir.path());
    assert_eq!(project.documents.len(), 1);
    assert!(project.documents[0].document.bytes >= 50 * 1024 * 1024);
}

/// Root (which the tests run as) reads any file whatever its permissions, so
/// the CLI is run as `nobody` (setpriv) on a project with a mode-000 document.
#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_document_is_a_warning_and_the_plan_is_still_written() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project_with(&[
        ("project_docs/userStories.md", b"# User Stories\n"),
        (
            "project_docs/technicalSpecification.md",
            b"# Technical Specification\n",
        ),
    ]);
    let open = fs::Permissions::from_mode(0o777);
    fs::set_permissions(dir.path(), open.clone()).unwrap();
    fs::set_permissions(dir.path().join("project_docs"), open).unwrap();
    let secret = dir.path().join("project_docs/technicalSpecification.md");
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
    let output = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(env!("CARGO_BIN_EXE_deployplan"))
        .arg("generate")
        .arg(dir.path())
        .output()
        .expect("setpriv (util-linux) runs the CLI as nobody");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("cannot read project_docs/technicalSpecification.md")
            && stderr.contains("ermission denied"),
        "{stderr}"
    );
    assert!(dir.path().join("project_docs/deploymentPlan.md").is_file());
}
