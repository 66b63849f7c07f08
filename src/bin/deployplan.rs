//! `deployplan`: the command-line front end over the DeployPlan core.

use clap::{Parser, Subcommand};
use deployplan::answers::{suggest_answers, Answers};
use deployplan::check::check_plan;
use deployplan::draft::{load_draft, read_answers};
use deployplan::facts::report::FactsReport;
use deployplan::sample::sample_project_dir;
use deployplan::save::save_plan;
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
    /// List the documents, their roles and the facts read from them.
    Facts {
        /// The project folder (default: the bundled sample project).
        dir: Option<PathBuf>,
        /// Print JSON instead of a table.
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

fn project_dir(dir: Option<PathBuf>) -> PathBuf {
    dir.unwrap_or_else(sample_project_dir)
}

/// The answers to use: the file given, else the draft, each completed with
/// document-derived suggestions for what it leaves open.
fn answers_for(project: &Project, file: Option<&Path>) -> deployplan::Result<Answers> {
    let mut answers = match file {
        Some(path) => read_answers(path)?,
        None => load_draft(&project.root)?.unwrap_or_default(),
    };
    answers.merge_suggestions(&suggest_answers(project));
    Ok(answers)
}

fn generate(
    dir: Option<PathBuf>,
    answers: Option<PathBuf>,
    out: Option<PathBuf>,
    force: bool,
) -> deployplan::Result<bool> {
    let project = Project::open(&project_dir(dir))?;
    for warning in &project.warnings {
        eprintln!("warning: {warning}");
    }
    let answers = answers_for(&project, answers.as_deref())?;
    let outcome = save_plan(&project, &answers, out.as_deref(), force)?;
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
    let project = Project::open(&project_dir(dir))?;
    let answers = answers_for(&project, answers.as_deref())?;
    let report = check_plan(&project, &answers, plan.as_deref());
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
    let dir = project_dir(dir);
    let project = Project::open(&dir)?;
    let report = FactsReport::new(&project, &dir.display().to_string());
    if json {
        print!("{}", report.to_json());
    } else {
        print!("{}", report.to_table());
    }
    Ok(true)
}
