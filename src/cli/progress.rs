//! Progress of long work: a bar on a terminal; one line per step when the output is a pipe or
//! a log (so CI logs say what ran); nothing with `--quiet`.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

use super::report::Reporter;

pub struct Progress<'r> {
    reporter: &'r Reporter,
    mode: Mode,
}

enum Mode {
    Quiet,
    Lines,
    Bar(ProgressBar),
}

impl<'r> Progress<'r> {
    /// `total` steps; the bar only when standard error is a terminal and `CI` is not set.
    pub fn new(reporter: &'r Reporter, quiet: bool, total: u64) -> Self {
        let interactive = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let mode = if quiet {
            Mode::Quiet
        } else if interactive && total > 1 {
            let bar = ProgressBar::new(total);
            let style = ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            Mode::Bar(bar)
        } else {
            Mode::Lines
        };
        Progress { reporter, mode }
    }

    /// A bar on a terminal and nothing otherwise: for work whose steps are too many to list
    /// (the tables `pull` reads).
    pub fn bar_only(reporter: &'r Reporter, quiet: bool, total: u64) -> Self {
        let mut progress = Progress::new(reporter, quiet, total);
        if matches!(progress.mode, Mode::Lines) {
            progress.mode = Mode::Quiet;
        }
        progress
    }

    /// A step starts: `message` says which.
    pub fn step(&self, message: String) {
        match &self.mode {
            Mode::Quiet => {}
            Mode::Lines => self.reporter.status(&message),
            Mode::Bar(bar) => {
                bar.set_message(message);
                bar.inc(1);
            }
        }
    }

    /// Clears the bar (a summary line follows).
    pub fn finish(&self) {
        if let Mode::Bar(bar) = &self.mode {
            bar.finish_and_clear();
        }
    }
}

/// A bar that goes out of scope is cleared, not left half-drawn (work that ends in an error,
/// or whose owner never calls `finish`).
impl Drop for Progress<'_> {
    fn drop(&mut self) {
        if let Mode::Bar(bar) = &self.mode {
            if !bar.is_finished() {
                bar.finish_and_clear();
            }
        }
    }
}

/// A bar-only [`Progress`] that starts at the first step, for work whose size only the callee
/// learns (the queries an engine prepares, the tables `pull` reads).
pub struct LazyBar<'r> {
    reporter: &'r Reporter,
    quiet: bool,
    bar: Option<Progress<'r>>,
}

impl<'r> LazyBar<'r> {
    pub fn new(reporter: &'r Reporter, quiet: bool) -> Self {
        LazyBar {
            reporter,
            quiet,
            bar: None,
        }
    }

    /// One of `total` steps starts.
    pub fn step(&mut self, total: usize, message: String) {
        let (reporter, quiet) = (self.reporter, self.quiet);
        self.bar
            .get_or_insert_with(|| Progress::bar_only(reporter, quiet, total as u64))
            .step(message);
    }
}
