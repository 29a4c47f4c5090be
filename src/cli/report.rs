//! One renderer for every user-facing error: file, line, column, the source line, a caret and
//! a help line (codespan-reporting), coloured only on a terminal.

use std::io::IsTerminal;

use clap::ValueEnum;
use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};

use super::Failure;
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::project::ProjectError;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

pub struct Reporter {
    color: termcolor::ColorChoice,
}

impl Reporter {
    pub fn new(choice: ColorChoice) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match choice {
            ColorChoice::Always => termcolor::ColorChoice::Always,
            ColorChoice::Never => termcolor::ColorChoice::Never,
            ColorChoice::Auto if no_color || !std::io::stderr().is_terminal() => {
                termcolor::ColorChoice::Never
            }
            ColorChoice::Auto => termcolor::ColorChoice::Auto,
        };
        Reporter { color }
    }

    pub fn status(&self, message: &str) {
        eprintln!("{message}");
    }

    pub fn failure(&self, failure: &Failure) {
        match failure {
            Failure::Diagnostics {
                diagnostics,
                sources,
            } => self.diagnostics(diagnostics, sources),
            Failure::Project(ProjectError::Config(diagnostic)) => {
                let sources = std::fs::read_to_string(&diagnostic.path)
                    .map(|text| {
                        vec![SourceFile {
                            path: diagnostic.path.clone(),
                            text,
                        }]
                    })
                    .unwrap_or_default();
                self.diagnostics(std::slice::from_ref(diagnostic), &sources)
            }
            Failure::Project(error) => eprintln!("error: {error}"),
            Failure::Other(message) => eprintln!("error: {message}"),
            Failure::Database(message) => eprintln!("error: {message}"),
            Failure::Located {
                diagnostic, source, ..
            } => self.emit(
                std::slice::from_ref(diagnostic),
                std::slice::from_ref(source),
            ),
            Failure::Problems(message) => eprintln!("error: {message}"),
        }
    }

    fn diagnostics(&self, diagnostics: &[Diagnostic], sources: &[SourceFile]) {
        self.emit(diagnostics, sources);
        let count = diagnostics.len();
        eprintln!(
            "error: {count} problem{} found",
            if count == 1 { "" } else { "s" }
        );
    }

    /// Each diagnostic with its source line, where its file is among `sources`.
    fn emit(&self, diagnostics: &[Diagnostic], sources: &[SourceFile]) {
        let mut files = SimpleFiles::new();
        let ids: Vec<(String, usize, &str)> = sources
            .iter()
            .map(|s| {
                (
                    s.path.clone(),
                    files.add(s.path.clone(), s.text.clone()),
                    s.text.as_str(),
                )
            })
            .collect();
        let writer = termcolor::StandardStream::stderr(self.color);
        let config = term::Config::default();
        for diagnostic in diagnostics {
            let report = to_report(diagnostic, &ids);
            let mut lock = writer.lock();
            if term::emit_to_write_style(&mut lock, &config, &files, &report).is_err() {
                eprintln!("{diagnostic}");
            }
        }
    }
}

fn to_report(d: &Diagnostic, files: &[(String, usize, &str)]) -> Report<usize> {
    let report = Report::error().with_message(&d.message);
    let mut labels = Vec::new();
    let mut notes = Vec::new();
    match locate(files, &d.path, d.line, d.column) {
        Some((id, range)) => labels.push(Label::primary(id, range)),
        None => notes.push(format!("at {}:{}:{}", d.path, d.line, d.column)),
    }
    if let Some(related) = &d.related {
        match locate(files, &related.path, related.line, related.column) {
            Some((id, range)) => {
                labels.push(Label::secondary(id, range).with_message(&related.message))
            }
            None => notes.push(format!(
                "{}:{}:{}: {}",
                related.path, related.line, related.column, related.message
            )),
        }
    }
    if let Some(help) = &d.help {
        notes.push(format!("help: {help}"));
    }
    report.with_labels(labels).with_notes(notes)
}

/// The byte range of the word at 1-based (`line`, `column`) in the named file.
fn locate(
    files: &[(String, usize, &str)],
    path: &str,
    line: u32,
    column: u32,
) -> Option<(usize, std::ops::Range<usize>)> {
    let (_, id, text) = files.iter().find(|(p, _, _)| p == path)?;
    let line_text_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1) as usize)
        .map(str::len)
        .sum();
    let line_text = text[line_text_start..].lines().next().unwrap_or("");
    let start = line_text_start
        + line_text
            .char_indices()
            .nth(column.saturating_sub(1) as usize)
            .map(|(i, _)| i)
            .unwrap_or(line_text.len());
    // At the end of a line (an error "at end of input"): a caret after the last character,
    // not a label that runs into the next line.
    if text[start..].starts_with(['\n', '\r']) || start == text.len() {
        return Some((*id, start..start));
    }
    let word_len = text[start..]
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || matches!(c, ':' | ',' | ']' | '}'))
        .map(|(i, _)| i)
        .unwrap_or(text.len() - start)
        .max(1)
        .min(text.len().saturating_sub(start));
    Some((*id, start..start + word_len))
}
