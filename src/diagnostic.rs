//! User-facing errors with a location.
//!
//! Every error a user can fix is a [`Diagnostic`]: it names the file, line and column of the
//! cause, says what is wrong and, where possible, what to do about it. The core only builds
//! these values; the CLI decides how to print them (see `cli::report`).

use std::fmt;

/// A position in one of the project's source files (1-based line and column, in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub file: FileId,
    pub line: u32,
    pub column: u32,
}

/// Index of a file in the list of sources given to the loader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// A value together with where it was written.
#[derive(Clone, Debug)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

impl Spanned<String> {
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

/// A place in a file that is not one of the loaded sources (a setting of dbtool.toml), for
/// errors about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub line: u32,
    pub column: u32,
}

impl Location {
    pub fn diagnostic(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(&self.path, self.line, self.column, message)
    }
}

/// One source file: its path as the user should see it, and its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// An error at a place in a source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
    pub help: Option<String>,
    /// A second place that explains the first ("first declared here"). Boxed because it is
    /// rare and keeps `Result<_, Diagnostic>` small.
    pub related: Option<Box<Related>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl Diagnostic {
    pub fn new(
        path: impl Into<String>,
        line: u32,
        column: u32,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            path: path.into(),
            line,
            column,
            message: message.into(),
            help: None,
            related: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_optional_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    pub fn with_related(mut self, path: &str, line: u32, column: u32, message: &str) -> Self {
        self.related = Some(Box::new(Related {
            path: path.to_string(),
            line,
            column,
            message: message.to_string(),
        }));
        self
    }

    /// `path:line:col: error: message`, the first line of the plain rendering.
    pub fn headline(&self) -> String {
        format!(
            "{}:{}:{}: error: {}",
            self.path, self.line, self.column, self.message
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.headline())?;
        if let Some(related) = &self.related {
            write!(
                f,
                "\n  {}:{}:{}: note: {}",
                related.path, related.line, related.column, related.message
            )?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// Several diagnostics from one run, reported together.
#[derive(Clone, Debug, thiserror::Error)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

/// 1-based line and column (in characters) of a byte offset into `text`.
pub fn line_column(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line as u32, column as u32)
}

/// The byte offset of the character at 0-based `index` of `text`; its length for the position
/// just past the end (where "unexpected end of input" points).
pub fn char_offset(text: &str, index: usize) -> Option<usize> {
    text.char_indices()
        .map(|(byte, _)| byte)
        .chain(std::iter::once(text.len()))
        .nth(index)
}

/// The closest candidate to `name`, if one is close enough to be a likely typo.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = name.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// "did you mean `x`?" for the closest candidate, if any.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(name, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// `1 version`, `2 versions`, `0 queries`: a count with its noun, in English.
pub fn counted(count: usize, noun: &str) -> String {
    if count == 1 {
        return format!("1 {noun}");
    }
    let plural = match noun.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{stem}ies"),
        _ => format!("{noun}s"),
    };
    format!("{count} {plural}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_english() {
        assert_eq!(counted(1, "module"), "1 module");
        assert_eq!(counted(2, "query"), "2 queries");
        assert_eq!(counted(0, "materialized view"), "0 materialized views");
        assert_eq!(counted(3, "day"), "3 days");
    }

    #[test]
    fn character_positions_become_byte_offsets_up_to_the_end() {
        assert_eq!(char_offset("héllo", 2), Some(3));
        assert_eq!(char_offset("héllo", 5), Some(6), "just past the end");
        assert_eq!(char_offset("héllo", 6), None);
        assert_eq!(line_column("a\nbé c", 6), (2, 4));
    }
}
