//! `deployplan`: the command-line front end over the DeployPlan core.

use clap::{Parser, Subcommand};
use deployplan::check::check_plan;
use deployplan::export::{DiagramDrawing, ExportOptions, Format, Paper};
use deployplan::facts::report::FactsReport;
use deployplan::sample::sample_project_for_editing;
use deployplan::session::{open_with_answers, OpenedProject};
use deployplan::Project;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Turns a project's planning documents into an MVP-first Advanced Deployment Plan.
#[derive(Parser)]
#[command(name = "deployplan", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write the deployment plan (default: <DIR>/project_docs/deploymentPlan.md).
    Generate {
        /// The project folder (default: the bundled sample project).
        dir: Option<PathBuf>,
        /// Answers file (same format as the app's draft); default: the saved draft, else document-derived defaults.
        #[arg(long, value_name = "FILE")]
        answers: Option<PathBuf>,
        /// Where to write the plan.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Overwrite a plan that was edited by hand (a backup is kept).
        #[arg(long)]
        force: bool,
    },
    /// Check the plan: exit 0 when complete and current, else list what is
    /// missing, open (TBD), unconfirmed or stale, and exit 1.
    Check {
        /// The project folder (default: the bundled sample project).
        dir: Option<PathBuf>,
        /// Answers file; default: the saved draft, else document-derived defaults.
        #[arg(long, value_name = "FILE")]
        answers: Option<PathBuf>,
        /// The plan to check (default: <DIR>/project_docs/deploymentPlan.md).
        #[arg(long, value_name = "FILE")]
        plan: Option<PathBuf>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Export the plan as Markdown, standalone HTML or PDF. HTML needs nothing
    /// installed (diagrams kept as their Mermaid source unless --chromium);
    /// PDF from the command line needs Chromium (the app prints PDF itself:
    /// `deployplan-app --export-pdf`). Exports the written plan, else renders one.
    Export {
        /// The project folder (default: the bundled sample project).
        dir: Option<PathBuf>,
        /// md, html or pdf.
        #[arg(long, value_parser = parse_format)]
        format: Format,
        /// Where to write the export.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Paper size for HTML printing and PDF: a4 or letter.
        #[arg(long, value_parser = parse_paper, default_value = "a4")]
        paper: Paper,
        /// Draw the HTML's diagrams with the bundled Mermaid in headless
        /// Chromium (optional; needs Chromium). PDF always uses Chromium here.
        #[arg(long)]
        chromium: bool,
    },
    /// List the documents, their roles and the facts read from them.
    Facts {
        /// The project folder (default: the bundled sample project).
        dir: Option<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// What the documents say: per plan field, the passages that speak to it,
    /// best first, with file, heading and lines.
    Passages {
        /// The project folder (default: the bundled sample project).
        dir: Option<PathBuf>,
        /// Only this field (e.g. s6.mvp_rollback).
        #[arg(long)]
        field: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Generate {
            dir,
            answers,
            out,
            force,
        } => generate(dir, answers, out, force),
        Command::Facts { dir, json } => facts(dir, json),
        Command::Passages { dir, field, json } => passages(dir, field.as_deref(), json),
        Command::Export {
            dir,
            format,
            out,
            paper,
            chromium,
        } => export(dir, format, &out, paper, chromium),
        Command::Check {
            dir,
            answers,
            plan,
            json,
        } => check(dir, answers, plan, json),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("deployplan: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The folder given, else the sample project (the user's own copy when the app is installed).
fn project_dir(dir: Option<PathBuf>) -> deployplan::Result<PathBuf> {
    match dir {
        Some(dir) => Ok(dir),
        None => sample_project_for_editing(),
    }
}

/// The project at `dir` (default: the sample) with the answers to use: the
/// file given, else the draft (one that cannot be read is kept aside, as the
/// app does), each completed with document-derived suggestions for what it
/// leaves open. The project's warnings go to stderr.
fn open_project(dir: Option<PathBuf>, answers: Option<&Path>) -> deployplan::Result<OpenedProject> {
    let opened = open_with_answers(&project_dir(dir)?, answers)?;
    for warning in &opened.project.warnings {
        eprintln!("warning: {warning}");
    }
    Ok(opened)
}

fn generate(
    dir: Option<PathBuf>,
    answers: Option<PathBuf>,
    out: Option<PathBuf>,
    force: bool,
) -> deployplan::Result<bool> {
    let opened = open_project(dir, answers.as_deref())?;
    let outcome = opened.write_plan(&opened.answers, out.as_deref(), force)?;
    println!("wrote {}", outcome.path.display());
    if let Some(backup) = outcome.backup {
        println!("previous plan kept as {}", backup.display());
    }
    Ok(true)
}

/// Prints the check report; `Ok(false)` when it lists anything.
fn check(
    dir: Option<PathBuf>,
    answers: Option<PathBuf>,
    plan: Option<PathBuf>,
    json: bool,
) -> deployplan::Result<bool> {
    let opened = open_project(dir, answers.as_deref())?;
    let report = check_plan(&opened.project, &opened.answers, plan.as_deref());
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        );
    } else {
        print!("{}", report.to_text());
    }
    Ok(report.is_complete())
}

fn facts(dir: Option<PathBuf>, json: bool) -> deployplan::Result<bool> {
    let dir = project_dir(dir)?;
    let project = Project::open(&dir)?;
    let report = FactsReport::new(&project, &dir.display().to_string());
    if json {
        print!("{}", report.to_json());
    } else {
        print!("{}", report.to_table());
    }
    Ok(true)
}

fn passages(dir: Option<PathBuf>, field: Option<&str>, json: bool) -> deployplan::Result<bool> {
    let project = Project::open(&project_dir(dir)?)?;
    let mut passages = deployplan::answers::documents_say::field_passages(&project);
    if let Some(field) = field {
        if deployplan::plan::field(field).is_none() {
            return Err(deployplan::Error::InvalidInput {
                message: format!("no plan field '{field}' (fields are named like s6.mvp_rollback)"),
            });
        }
        passages.retain(|id, _| id == field);
    }
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&passages).unwrap_or_default()
        );
        return Ok(true);
    }
    for (id, list) in &passages {
        println!("{id}");
        for passage in list {
            let source = &passage.source;
            println!(
                "  {} › {} (lines {}–{}){}",
                source.path,
                source.heading,
                source.line_start,
                source.line_end,
                if passage.table { " [table]" } else { "" }
            );
            for line in passage.text.lines() {
                println!("    | {line}");
            }
        }
    }
    Ok(true)
}

fn parse_format(text: &str) -> Result<Format, String> {
    Format::parse(text).ok_or_else(|| format!("unknown format '{text}' (use md, html or pdf)"))
}

fn parse_paper(text: &str) -> Result<Paper, String> {
    Paper::parse(text).ok_or_else(|| format!("unknown paper '{text}' (use a4 or letter)"))
}

/// Exports the written plan (or, when none is written yet, the plan the
/// draft and the documents give) to `out`.
fn export(
    dir: Option<PathBuf>,
    format: Format,
    out: &Path,
    paper: Paper,
    chromium: bool,
) -> deployplan::Result<bool> {
    let opened = open_project(dir, None)?;
    let rendered = opened.rendered(&opened.answers);
    let mut options = ExportOptions::titled(&opened.export_title());
    options.paper = paper;
    if chromium || format == Format::Pdf {
        options.drawing = DiagramDrawing::Chromium;
    }
    match opened.written_plan()? {
        // Written otherwise than the answers give it (edited by hand, or
        // older): its own text is exported.
        Some(text) if text != rendered.markdown => opened.export(&text, format, options, out)?,
        written => {
            if written.is_none() {
                eprintln!(
                    "note: no plan written yet; exporting the plan from the draft and documents"
                );
            }
            opened.export_rendered_to(&rendered, format, options, out)?;
        }
    }
    println!("wrote {}", out.display());
    Ok(true)
}
