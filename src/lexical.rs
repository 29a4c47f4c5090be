//! SQL text for the scanners that do not parse: whole-word mentions, and skipping over quoted
//! text when splitting scripts and finding parameters: strings (`'…'`, with `''`, and `E'…'` with backslash escapes), quoted
//! identifiers (`"…"`) and PostgreSQL's dollar quotes (`$$…$$`, `$tag$…$tag$`).

/// Whether `sql` names `name` as a whole word (letters, digits and `_`), for the scanners
/// that only need to know which objects a statement mentions.
pub fn mentions_word(sql: &str, name: &str) -> bool {
    sql.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .any(|word| word == name)
}

/// What starts at byte `i` of SQL text that a scanner must step over whole, if anything: a
/// quoted string or identifier, a dollar quote (`quoted`), or a `--` or `/* */` comment. The
/// index returned is just after it (a `--` comment ends before its line break).
pub fn skip_at(text: &str, i: usize) -> Option<(usize, Skipped)> {
    let bytes = text.as_bytes();
    match bytes.get(i)? {
        b'\'' | b'"' => Some((skip_quoted(bytes, i), Skipped::Quoted)),
        b'$' => {
            let end = skip_dollar_quoted(text, i);
            (end > i + 1).then_some((end, Skipped::Quoted))
        }
        b'-' if bytes.get(i + 1) == Some(&b'-') => Some((
            text[i..].find('\n').map_or(bytes.len(), |n| i + n),
            Skipped::Comment,
        )),
        b'/' if bytes.get(i + 1) == Some(&b'*') => Some((
            text[i + 2..]
                .find("*/")
                .map_or(bytes.len(), |n| i + 2 + n + 2),
            Skipped::Comment,
        )),
        _ => None,
    }
}

/// What [`skip_at`] stepped over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skipped {
    Quoted,
    Comment,
}

/// The index just after the quoted text that starts at `open` (a `'` or `"`).
pub fn skip_quoted(bytes: &[u8], open: usize) -> usize {
    let quote = bytes[open];
    // E'…' strings take backslash escapes.
    let escapes = quote == b'\''
        && open > 0
        && matches!(bytes[open - 1], b'E' | b'e')
        && (open < 2 || !(bytes[open - 2].is_ascii_alphanumeric() || bytes[open - 2] == b'_'));
    let mut i = open + 1;
    while i < bytes.len() {
        if escapes && bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i] == quote {
            if bytes.get(i + 1) == Some(&quote) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        i += 1;
    }
    bytes.len()
}

/// The index just after a dollar-quoted string starting at `open` (a `$`), or `open + 1`
/// when the `$` starts no such string (`$1` is a parameter).
pub fn skip_dollar_quoted(text: &str, open: usize) -> usize {
    let rest = &text[open + 1..];
    let tag_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    if !rest[tag_len..].starts_with('$')
        || rest[..tag_len].starts_with(|c: char| c.is_ascii_digit())
    {
        return open + 1;
    }
    let tag = &text[open..open + tag_len + 2];
    let body = open + tag.len();
    text[body..]
        .find(tag)
        .map_or(text.len(), |n| body + n + tag.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_identifiers_and_dollar_quotes_are_skipped_whole() {
        let text = r#"'it''s' "a""b" E'it\'s' $$a;b$$ $fn$x$fn$ $1"#;
        let b = text.as_bytes();
        assert_eq!(&text[..skip_quoted(b, 0)], "'it''s'");
        assert_eq!(&text[8..skip_quoted(b, 8)], r#""a""b""#);
        assert_eq!(&text[16..skip_quoted(b, 16)], r"'it\'s'");
        assert_eq!(&text[24..skip_dollar_quoted(text, 24)], "$$a;b$$");
        assert_eq!(&text[32..skip_dollar_quoted(text, 32)], "$fn$x$fn$");
        assert_eq!(skip_dollar_quoted(text, 42), 43, "`$1` is not a quote");
    }
}
