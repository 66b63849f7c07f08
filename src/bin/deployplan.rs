//! `deployplan`: the command-line front end over the DeployPlan core.

use clap::{Parser, Subcommand};
use deployplan::answers::{suggest_answers, Answers};
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
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
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
) -> deployplan::Result<()> {
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
    Ok(())
}

fn facts(dir: Option<PathBuf>, json: bool) -> deployplan::Result<()> {
    let dir = project_dir(dir);
    let project = Project::open(&dir)?;
    let report = FactsReport::new(&project, &dir.display().to_string());
    if json {
        print!("{}", report.to_json());
    } else {
        print!("{}", report.to_table());
    }
    Ok(())
}
