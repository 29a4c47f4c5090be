//! `dbtool check`'s output: the problems `workflow::check` finds, as text, JSON or GitHub
//! annotations. Exit 0 when there are none, 1 with the list (and how to fix each), 2 when the
//! check cannot run.

use super::report::Reporter;
use super::{to_json, write_stdout, Failure};
use crate::project::Project;
use crate::workflow::check::Problem;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    // A doc comment here would give the value its own help line, and clap would then lay
    // `check --help` out unlike every other command's: the arg's help says it instead.
    Github,
}

pub fn check(
    project: &Project,
    reporter: &Reporter,
    quiet: bool,
    format: CheckFormat,
) -> Result<(), Failure> {
    let problems = crate::workflow::check::problems(project)?;
    print(&problems, format)?;
    if problems.is_empty() {
        if !quiet && format == CheckFormat::Text {
            reporter.status("check: schema, migrations, queries and generated/ are current");
        }
        return Ok(());
    }
    Err(Failure::Problems(format!(
        "check found {}",
        crate::diagnostic::counted(problems.len(), "problem")
    )))
}

fn print(problems: &[Problem], format: CheckFormat) -> Result<(), Failure> {
    let text = match format {
        CheckFormat::Json => {
            let report = serde_json::json!({ "ok": problems.is_empty(), "problems": problems });
            to_json(&report)?
        }
        CheckFormat::Github => problems
            .iter()
            .map(|p| {
                let mut place = Vec::new();
                if let Some(file) = &p.file {
                    place.push(format!("file={file}"));
                }
                if let Some(line) = p.line {
                    place.push(format!("line={line}"));
                }
                if let Some(column) = p.column {
                    place.push(format!("col={column}"));
                }
                place.push(format!("title=dbtool check ({})", p.check));
                format!(
                    "::error {}::{} (fix: {})\n",
                    place.join(","),
                    escape_annotation(&p.message),
                    escape_annotation(&p.fix)
                )
            })
            .collect(),
        CheckFormat::Text => problems
            .iter()
            .map(|p| {
                let place = match (&p.file, p.line, p.column) {
                    (Some(file), Some(line), Some(column)) => format!("{file}:{line}:{column}: "),
                    (Some(file), _, _) => format!("{file}: "),
                    _ => String::new(),
                };
                format!("{place}{}: {}\n  fix: {}\n", p.check, p.message, p.fix)
            })
            .collect(),
    };
    write_stdout(text.as_bytes())
}

/// GitHub's workflow commands end at a newline and treat `%` specially.
fn escape_annotation(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}
