//! Reading located YAML: typed access to nodes, with every mistake reported at its place.
//!
//! `marked_yaml` keeps a start marker on every node. [`Reader`] wraps one file's parsed tree
//! and collects [`Diagnostic`]s instead of stopping at the first, so a user sees every problem
//! in one run.

use marked_yaml::types::{MarkedMappingNode, MarkedScalarNode};
use marked_yaml::Node;

use crate::diagnostic::{closest, did_you_mean, Diagnostic, FileId, Span, Spanned};

pub struct Reader<'a> {
    pub file: FileId,
    pub path: &'a str,
    text: &'a str,
    lines: Vec<&'a str>,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Reader<'a> {
    pub fn new(file: FileId, path: &'a str, text: &'a str) -> Self {
        Reader {
            file,
            path,
            text,
            lines: text.lines().collect(),
            diagnostics: Vec::new(),
        }
    }

    /// The whole text being read.
    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn span(&self, node: &Node) -> Span {
        self.marker_span(node.span().start())
    }

    pub fn key_span(&self, key: &MarkedScalarNode) -> Span {
        self.marker_span(key.span().start())
    }

    fn marker_span(&self, marker: Option<&marked_yaml::Marker>) -> Span {
        match marker {
            Some(m) => Span {
                file: self.file,
                line: m.line() as u32,
                column: m.column() as u32,
            },
            None => Span {
                file: self.file,
                line: 1,
                column: 1,
            },
        }
    }

    /// The place of the character at (`line`, `column`), both 0-based, inside a scalar's value.
    ///
    /// Quoted scalars start one column after their quote; later lines of a block or multi-line
    /// scalar start after that source line's indentation.
    pub fn inner_span(&self, node: &Node, line: usize, column: usize) -> Span {
        let start = self.span(node);
        let source_line = self
            .lines
            .get(start.line as usize - 1)
            .copied()
            .unwrap_or("");
        let first_char = source_line.chars().nth(start.column as usize - 1);
        let quoted = matches!(first_char, Some('"') | Some('\''));
        if line == 0 {
            return Span {
                column: start.column + column as u32 + u32::from(quoted),
                ..start
            };
        }
        let target_line = start.line + line as u32;
        let indent = self
            .lines
            .get(target_line as usize - 1)
            .map(|l| l.chars().take_while(|c| c.is_whitespace()).count())
            .unwrap_or(0);
        Span {
            line: target_line,
            column: indent as u32 + 1 + column as u32,
            ..start
        }
    }

    pub fn error(&mut self, span: Span, message: impl Into<String>, help: Option<String>) {
        self.diagnostics.push(
            Diagnostic::new(self.path, span.line, span.column, message).with_optional_help(help),
        );
    }

    pub fn mapping<'n>(&mut self, node: &'n Node, what: &str) -> Option<&'n MarkedMappingNode> {
        match node {
            Node::Mapping(map) => Some(map),
            _ => {
                let span = self.span(node);
                self.error(
                    span,
                    format!("{what} must be a mapping (`key: value` lines)"),
                    None,
                );
                None
            }
        }
    }

    /// Reports every key of `map` that is not in `allowed`, with the closest allowed key.
    pub fn check_keys(&mut self, map: &MarkedMappingNode, allowed: &[&str], what: &str) {
        for key in map.keys() {
            if !allowed.contains(&key.as_str()) {
                let span = self.key_span(key);
                let help = did_you_mean(key.as_str(), allowed.iter().copied())
                    .unwrap_or_else(|| format!("the keys of {what} are: {}", allowed.join(", ")));
                self.error(
                    span,
                    format!("unknown key `{}` in {what}", key.as_str()),
                    Some(help),
                );
            }
        }
    }

    pub fn scalar(&mut self, node: &Node, what: &str) -> Option<Spanned<String>> {
        match node {
            Node::Scalar(s) => Some(Spanned::new(s.as_str().to_string(), self.span(node))),
            _ => {
                let span = self.span(node);
                self.error(span, format!("{what} must be a single value"), None);
                None
            }
        }
    }

    pub fn get_scalar(&mut self, map: &MarkedMappingNode, key: &str) -> Option<Spanned<String>> {
        let node = map.get(key)?;
        self.scalar(node, &format!("`{key}`"))
    }

    pub fn get_bool(&mut self, map: &MarkedMappingNode, key: &str) -> Option<bool> {
        let node = map.get(key)?;
        let value = self.scalar(node, &format!("`{key}`"))?;
        match value.value.as_str() {
            "true" => Some(true),
            "false" => Some(false),
            other => {
                self.error(
                    value.span,
                    format!("`{key}` must be true or false, not `{other}`"),
                    None,
                );
                None
            }
        }
    }

    /// A list of names: a sequence of scalars, or one scalar for a list of one.
    pub fn names(&mut self, node: &Node, what: &str) -> Vec<Spanned<String>> {
        match node {
            Node::Scalar(_) => self.scalar(node, what).into_iter().collect(),
            Node::Sequence(items) => items
                .iter()
                .filter_map(|item| self.scalar(item, &format!("each entry of {what}")))
                .collect(),
            Node::Mapping(_) => {
                let span = self.span(node);
                self.error(span, format!("{what} must be a list of names"), None);
                Vec::new()
            }
        }
    }

    pub fn get_names(&mut self, map: &MarkedMappingNode, key: &str) -> Vec<Spanned<String>> {
        match map.get(key) {
            Some(node) => self.names(node, &format!("`{key}`")),
            None => Vec::new(),
        }
    }

    /// Reports a key that must be present.
    pub fn require<'n>(
        &mut self,
        map: &'n MarkedMappingNode,
        key: &str,
        at: Span,
        what: &str,
    ) -> Option<&'n Node> {
        let node = map.get(key);
        // A misspelt key (`colums:`) is reported as unknown with "did you mean"; saying also
        // that the key is missing would report one mistake twice.
        let misspelt = map
            .keys()
            .any(|k| k.as_str() != key && closest(k.as_str(), [key]).is_some());
        if node.is_none() && !misspelt {
            self.error(
                at,
                format!("{what} has no `{key}`"),
                Some(format!("add `{key}:`")),
            );
        }
        node
    }
}
