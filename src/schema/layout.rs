//! Where a YAML layout mistake really is.
//!
//! The YAML scanner reports the place where it gave up, which is often the line after the one
//! to change: a tab is noticed while the previous value is still being scanned, a key without a
//! colon is read as the start of a value that runs on into the next line, a dedented key is only
//! wrong once the next, correctly indented line arrives. These functions look at the text around
//! the reported place and name the line the user must change. Pure: text in, a place out.

/// A line to change, 1-based, with what is wrong with it and how to fix it.
#[derive(Debug, PartialEq)]
pub struct Culprit {
    pub line: u32,
    pub column: u32,
    pub message: String,
    pub help: String,
}

/// The line behind the scanner error `info` reported at `line` (1-based), when the text shows
/// one; `None` keeps the scanner's own place.
pub fn culprit(text: &str, line: u32, info: &str) -> Option<Culprit> {
    let lines: Vec<&str> = text.split('\n').collect();
    let at = (line as usize).checked_sub(1)?;
    if info.contains("tab") {
        tab_in_indentation(&lines, at)
    } else if info.contains("mapping values are not allowed") {
        misindented_before_value(&lines, at)
    } else if info.contains("expect ':'") || info.contains("could not find expected ':'") {
        key_without_colon(&lines, at)
    } else if info.contains("did not find expected key") {
        key_between_levels(&lines, at)
    } else {
        None
    }
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_content(line: &str) -> bool {
    let code = line.trim();
    !code.is_empty() && !code.starts_with('#')
}

/// The index of the nearest content line before `at`.
fn previous_content(lines: &[&str], at: usize) -> Option<usize> {
    (0..at).rev().find(|&i| is_content(lines[i]))
}

/// The key of a `key: value` or `key:` line (after any `- `), if it has one.
fn key_of(line: &str) -> Option<&str> {
    let code = line.trim_start().trim_start_matches("- ").trim_start();
    let colon = code
        .find(": ")
        .or_else(|| code.strip_suffix(':').map(|c| c.len()))?;
    let key = code[..colon].trim_end();
    (!key.is_empty() && !key.contains(['"', '\'', '{', '[', '#'])).then_some(key)
}

/// Whether a `key: value` line holds its value on the line (so nothing may be nested under it).
fn has_inline_value(line: &str) -> bool {
    let code = line.trim_start().trim_start_matches("- ");
    code.find(": ").is_some_and(|colon| {
        let value = code[colon + 1..].trim_start();
        !value.is_empty() && !value.starts_with(['#', '|', '>'])
    })
}

fn column_of_key(line: &str) -> u32 {
    let code = line.trim_start().trim_start_matches("- ");
    (line.len() - code.len()) as u32 + 1
}

/// A tab where indentation is: on the reported line or, since the scanner notices it while it
/// is still reading the value before, on the lines after it.
fn tab_in_indentation(lines: &[&str], at: usize) -> Option<Culprit> {
    let found = lines.iter().enumerate().skip(at).find_map(|(i, line)| {
        let lead = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        lead.find('\t').map(|column| (i, column))
    });
    let (index, column) = found.or_else(|| {
        let column = lines.get(at)?.find('\t')?;
        Some((at, column))
    })?;
    Some(Culprit {
        line: index as u32 + 1,
        column: lines[index][..column].chars().count() as u32 + 1,
        message: "a tab in the indentation".to_string(),
        help: "YAML indents with spaces only: replace the tab with spaces".to_string(),
    })
}

/// "mapping values are not allowed" on a line indented under a `key: value` line: either that
/// line was dedented (its neighbours line up with the reported one) or the reported line is
/// indented too far.
fn misindented_before_value(lines: &[&str], at: usize) -> Option<Culprit> {
    let reported = lines.get(at)?;
    let before = previous_content(lines, at)?;
    let above = lines[before];
    if indent(above) >= indent(reported) || !has_inline_value(above) {
        return None;
    }
    let sibling = previous_content(lines, before).map(|i| lines[i]);
    if sibling.is_some_and(|s| indent(s) == indent(reported) && key_of(s).is_some()) {
        let sibling = sibling.unwrap_or_default();
        let key = key_of(above)?;
        return Some(Culprit {
            line: before as u32 + 1,
            column: column_of_key(above),
            message: format!(
                "`{key}` is indented {} spaces, the keys beside it {}",
                indent(above),
                indent(sibling)
            ),
            help: format!(
                "line `{key}` up with `{}` on the line above it",
                key_of(sibling).unwrap_or_default()
            ),
        });
    }
    let key = key_of(reported)?;
    Some(Culprit {
        line: at as u32 + 1,
        column: column_of_key(reported),
        message: format!(
            "`{key}` is indented under `{}`, which has a value already",
            key_of(above)?
        ),
        help: format!(
            "line `{key}` up with `{}` ({} spaces), or quote the value if `: ` belongs to it",
            key_of(above)?,
            indent(above)
        ),
    })
}

/// A `key value` line without its colon: the scanner reads it as the start of a plain value
/// that runs on to the next line, and gives up there.
fn key_without_colon(lines: &[&str], at: usize) -> Option<Culprit> {
    let reported = lines.get(at)?;
    let mut culprit = None;
    let mut index = at;
    while let Some(before) = previous_content(lines, index) {
        let line = lines[before];
        if indent(line) != indent(reported) || line.contains(':') {
            break;
        }
        culprit = Some(before);
        index = before;
    }
    let index = culprit.unwrap_or(at);
    let line = lines[index];
    let code = line.trim();
    let written = match code.split_once(' ') {
        Some((key, rest)) => format!("`{key}: {}`", rest.trim_start()),
        None => format!("`{code}: …`"),
    };
    Some(Culprit {
        line: index as u32 + 1,
        column: indent(line) as u32 + 1,
        message: format!("`{code}` has no colon after its key"),
        help: format!("write {written}"),
    })
}

/// A key whose indentation matches no mapping around it.
fn key_between_levels(lines: &[&str], at: usize) -> Option<Culprit> {
    let reported = lines.get(at)?;
    if !is_content(reported) {
        return None;
    }
    let sibling = previous_content(lines, at).map(|i| (i, lines[i]))?;
    let what = key_of(reported).map_or_else(
        || format!("`{}`", reported.trim()),
        |key| format!("`{key}`"),
    );
    let (line, text) = sibling;
    let help = match key_of(text) {
        Some(key) if indent(text) != indent(reported) => format!(
            "line it up with `{key}` on line {} ({} spaces), or with the mapping it belongs to",
            line + 1,
            indent(text)
        ),
        _ => "check the indentation: the keys of one mapping start in the same column".to_string(),
    };
    Some(Culprit {
        line: at as u32 + 1,
        column: indent(reported) as u32 + 1,
        message: format!(
            "{what} is indented {} spaces, which lines up with no mapping around it",
            indent(reported)
        ),
        help,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tab_on_the_line_after_a_value() {
        let text = "a:\n  b: text\n\t c: int\n";
        let c = culprit(text, 2, "while scanning a plain scalar, found a tab").unwrap();
        assert_eq!((c.line, c.column), (3, 1));
    }

    #[test]
    fn a_value_with_a_colon_in_it_keeps_the_scanners_place() {
        let text = "a:\n  b: x: y\n";
        assert_eq!(
            culprit(text, 2, "mapping values are not allowed in this context"),
            None
        );
    }
}
