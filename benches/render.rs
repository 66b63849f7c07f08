//! The core's part of a live-preview update: render the plan from the answers
//! to Markdown and that to HTML (what the `render_preview` command does), on
//! the sample project and on the largest corpus set, with the answers the
//! documents suggest. See BENCHMARKS.md for the method and the numbers.
//!
//! Run: `cargo bench -p deployplan --bench render`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use deployplan::answers::{suggest_answers, Answers};
use deployplan::save::plan_markdown;
use deployplan::Project;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The largest corpus set by name, if the shared corpus is there.
const LARGEST_CORPUS_SET: &str = "ALLiDoizCode__Permamind";

fn render_preview(project: &Project, answers: &Answers) -> usize {
    let markdown = plan_markdown(project, answers);
    deployplan::markdown::render_html(&markdown).len()
}

fn bench_one(c: &mut Criterion, name: &str, path: &Path) {
    let project = Project::open(path).expect("the project opens");
    let answers = suggest_answers(&project);
    c.benchmark_group("render_preview")
        .sample_size(50)
        .measurement_time(Duration::from_secs(5))
        .bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| render_preview(&project, &answers))
        });
}

fn bench_render(c: &mut Criterion) {
    bench_one(
        c,
        "sample-project",
        &deployplan::sample::sample_project_dir(),
    );
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(LARGEST_CORPUS_SET);
    if corpus.is_dir() {
        bench_one(c, &format!("corpus/{LARGEST_CORPUS_SET}"), &corpus);
    }
}

criterion_group!(benches, bench_render);
criterion_main!(benches);
