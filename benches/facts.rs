//! Discovery + outline + facts (`Project::open`) on the sample project, the
//! largest corpus set, synthetic documents of 1, 10 and 50 MB, and a folder
//! of 10,000 files. See BENCHMARKS.md for the method and the numbers.
//!
//! Run: `cargo bench -p deployplan --bench facts`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use deployplan::Project;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One section of a realistic technical specification, about 1.6 KB.
fn section(index: usize) -> String {
    format!(
        "## {index}. Component {index} ✅ (Done)\n\n\
         **Owner:** Platform team\n\
         **Status:** In progress\n\n\
         The service is deployed to AWS with Terraform and runs on Kubernetes (EKS). We will not use \
         Jenkins; GitHub Actions builds every commit. Alternatives such as Pulumi or CDK were considered.\n\n\
         - **Database:** PostgreSQL 16 with Flyway migrations\n\
         - **Availability:** 99.9% monthly\n\
         - **Latency:** p95 < 300 ms for reads\n\
         - Secrets are kept in HashiCorp Vault (e.g., not in env files)\n\n\
         | Category | Technology | Notes |\n|---|---|---|\n\
         | CI/CD | GitHub Actions | runs tests |\n| Monitoring | Prometheus, Grafana | dashboards |\n\n\
         ```yaml\n# not a heading\nimage: nginx:1.27\nreplicas: 3\n```\n\n\
         ### {index}.1 Test Environments\n\n- **Development:** local\n- **Staging:** mirrors prod\n- **Production:** live\n\n"
    )
}

/// A project with one SPEC document of about `bytes` bytes.
fn synthetic_project(bytes: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut text = String::from("# Technical Specification: Synthetic\n\n");
    let mut index = 1;
    while text.len() < bytes {
        text.push_str(&section(index));
        index += 1;
    }
    let docs = dir.path().join("project_docs");
    std::fs::create_dir_all(&docs).expect("folder");
    std::fs::write(docs.join("technicalSpecification.md"), text).expect("write");
    dir
}

fn folder_bytes(path: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![path.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                stack.push(entry.path());
            } else if entry.file_name().to_string_lossy().ends_with(".md") {
                total += entry.metadata().map(|m| m.len()).unwrap_or(0);
            }
        }
    }
    total
}

/// The corpus set with the most Markdown, if the shared corpus is there.
fn largest_corpus_set() -> Option<(String, PathBuf)> {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let sets = std::fs::read_dir(corpus).ok()?;
    sets.flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .max_by_key(|(_, path)| folder_bytes(path))
}

fn open(path: &Path) -> usize {
    let project = Project::open(path).expect("the project opens");
    project.facts.len()
}

fn bench_projects(c: &mut Criterion) {
    let mut group = c.benchmark_group("open");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    let sample = deployplan::sample::sample_project_dir();
    group.throughput(Throughput::Bytes(folder_bytes(&sample)));
    group.bench_function("sample-project", |b| b.iter(|| open(&sample)));
    if let Some((name, path)) = largest_corpus_set() {
        group.throughput(Throughput::Bytes(folder_bytes(&path)));
        group.bench_function(BenchmarkId::new("corpus", name), |b| b.iter(|| open(&path)));
    }
    group.finish();
}

fn bench_synthetic(c: &mut Criterion) {
    let mut group = c.benchmark_group("synthetic");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for megabytes in [1usize, 10, 50] {
        let project = synthetic_project(megabytes * 1024 * 1024);
        group.throughput(Throughput::Bytes((megabytes * 1024 * 1024) as u64));
        group.bench_function(BenchmarkId::from_parameter(format!("{megabytes}MB")), |b| {
            b.iter(|| open(project.path()))
        });
    }
    group.finish();
}

fn bench_many_files(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    for index in 0..10_000 {
        let folder = dir
            .path()
            .join("src")
            .join(format!("module{}", index / 100));
        std::fs::create_dir_all(&folder).expect("folder");
        std::fs::write(folder.join(format!("file{index}.rs")), "fn main() {}\n").expect("write");
    }
    std::fs::create_dir_all(dir.path().join("docs")).expect("folder");
    std::fs::write(
        dir.path().join("docs/prd.md"),
        "# PRD\n\n## Release Criteria\n\n- All green\n",
    )
    .expect("write");
    let mut group = c.benchmark_group("discovery");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("10000-files", |b| b.iter(|| open(dir.path())));
    group.finish();
}

/// A set of `files` documents of about `bytes` in all, none of which a
/// name, title or folder gives a role, so every one is read for every
/// subject (issue #13: every discovered document is read).
fn roleless_project(bytes: usize, files: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    let docs = dir.path().join("docs").join("notes");
    std::fs::create_dir_all(&docs).expect("folder");
    let per_file = bytes / files;
    for file in 0..files {
        let mut text = format!("# Note {file}\n\n");
        let mut index = 1;
        while text.len() < per_file {
            text.push_str(&section(file * 1000 + index));
            index += 1;
        }
        let mut cut = per_file.min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        std::fs::write(docs.join(format!("note-{file:04}.md")), text).expect("write");
    }
    dir
}

fn bench_every_document(c: &mut Criterion) {
    let mut group = c.benchmark_group("every-document");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for (name, bytes, files) in [
        ("100KB-20files", 100 * 1024, 20),
        ("10MB-1000files", 10 * 1024 * 1024, 1000),
    ] {
        let project = roleless_project(bytes, files);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| open(project.path()))
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_projects,
    bench_synthetic,
    bench_many_files,
    bench_every_document
);
criterion_main!(benches);
