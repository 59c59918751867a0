//! java.util.regex.PatternSyntaxException for patterns that do not compile:
//! a scan for the syntax errors java.util.regex.Pattern reports most often,
//! giving its description and index (in UTF-16 units), and its message
//! layout: description, " near index N", the pattern, a caret line.

use super::error::{ExClass, Exception};

/// The PatternSyntaxException for `pattern`, which failed to compile with
/// `fallback` as the engine's own description.
pub fn pattern_syntax_exception(pattern: &str, fallback: &str) -> Exception {
    let (desc, index) = java_syntax_error(pattern).unwrap_or((fallback.to_string(), -1));
    Exception::new(
        ExClass::PatternSyntaxException,
        message(&desc, index, pattern),
    )
}

/// Check `pattern` before compiling: Java rejects some patterns the Rust
/// engines take as literals (`a{`, `a{2,1}`, `x**`).
pub fn check_java_syntax(pattern: &str) -> Result<(), Exception> {
    match java_syntax_error(pattern) {
        Some((desc, index)) => Err(Exception::new(
            ExClass::PatternSyntaxException,
            message(&desc, index, pattern),
        )),
        None => Ok(()),
    }
}

/// PatternSyntaxException.getMessage().
fn message(desc: &str, index: i64, pattern: &str) -> String {
    let mut m = desc.to_string();
    if index >= 0 {
        m.push_str(&format!(" near index {index}"));
    }
    m.push('\n');
    m.push_str(pattern);
    let len = pattern.encode_utf16().count() as i64;
    if index >= 0 && index < len {
        m.push('\n');
        m.push_str(&" ".repeat(index as usize));
        m.push('^');
    }
    m
}

/// Description and index of the first error Java's parser would report,
/// for the common cases; None when the scan finds none.
fn java_syntax_error(pattern: &str) -> Option<(String, i64)> {
    // (char, UTF-16 index) pairs.
    let mut chars = Vec::new();
    let mut u = 0i64;
    for c in pattern.chars() {
        chars.push((c, u));
        u += c.len_utf16() as i64;
    }
    let len = u;
    let at = |i: usize| chars.get(i).map_or(len, |&(_, x)| x);
    let err = |d: &str, i: i64| Some((d.to_string(), i));
    let mut depth = 0usize;
    // Is there an atom a quantifier may follow? After a quantifier: one
    // `?`/`+` modifier is allowed, then another quantifier dangles.
    let mut atom = false;
    let mut after_quantifier = false;
    let mut i = 0;
    while i < chars.len() {
        let (c, _) = chars[i];
        match c {
            '\\' => {
                let Some(&(e, _)) = chars.get(i + 1) else {
                    return err("Unexpected internal error", len);
                };
                if matches!(e, 'p' | 'P' | 'x' | 'N')
                    && chars.get(i + 2).is_some_and(|x| x.0 == '{')
                {
                    // \p{Name}, \x{hex}: the braces belong to the escape.
                    i += 2;
                    while i < chars.len() && chars[i].0 != '}' {
                        i += 1;
                    }
                    i += 1;
                } else if e == 'Q' {
                    // \Q...\E quotes everything up to \E.
                    i += 2;
                    while i < chars.len()
                        && !(chars[i].0 == '\\' && chars.get(i + 1).is_some_and(|x| x.0 == 'E'))
                    {
                        i += 1;
                    }
                    i += 2;
                } else {
                    i += 2;
                }
                atom = true;
                after_quantifier = false;
                continue;
            }
            '[' => {
                i = match class_end(&chars, i, len) {
                    Ok(end) => end,
                    Err(e) => return Some(e),
                };
                atom = true;
                after_quantifier = false;
                continue;
            }
            '(' => {
                depth += 1;
                if chars.get(i + 1).is_some_and(|x| x.0 == '?') {
                    i += 2;
                    match chars.get(i).map(|x| x.0) {
                        Some(':' | '=' | '!' | '>') => i += 1,
                        Some('<') => i += 1,
                        _ => {
                            // Inline flags: (?idmsuxU-idmsuxU) or (?flags:X).
                            while let Some(&(f, fi)) = chars.get(i) {
                                match f {
                                    'i' | 'd' | 'm' | 's' | 'u' | 'x' | 'U' | 'c' | '-' => i += 1,
                                    ')' => {
                                        depth -= 1;
                                        i += 1;
                                        break;
                                    }
                                    ':' => {
                                        i += 1;
                                        break;
                                    }
                                    _ => return err("Unknown inline modifier", fi),
                                }
                            }
                        }
                    }
                } else {
                    i += 1;
                }
                atom = false;
                after_quantifier = false;
                continue;
            }
            ')' => {
                if depth == 0 {
                    return err("Unmatched closing ')'", at(i) - 1);
                }
                depth -= 1;
                atom = true;
                after_quantifier = false;
            }
            '|' => {
                atom = false;
                after_quantifier = false;
            }
            '*' | '+' | '?' => {
                if after_quantifier && c != '*' {
                    // A lazy or possessive modifier.
                    after_quantifier = false;
                    atom = false;
                } else if !atom {
                    return err(&format!("Dangling meta character '{c}'"), at(i));
                } else {
                    atom = false;
                    after_quantifier = true;
                }
            }
            '{' if atom || after_quantifier => {
                let open = i;
                i += 1;
                let digits = |i: &mut usize| {
                    let start = *i;
                    let mut n: u64 = 0;
                    while let Some(&(d, _)) = chars.get(*i).filter(|x| x.0.is_ascii_digit()) {
                        n = n
                            .saturating_mul(10)
                            .saturating_add(u64::from(d as u8 - b'0'));
                        *i += 1;
                    }
                    (*i > start).then_some(n)
                };
                let Some(min) = digits(&mut i) else {
                    return err("Illegal repetition", at(open) + 1);
                };
                let mut max = min;
                if chars.get(i).is_some_and(|x| x.0 == ',') {
                    i += 1;
                    max = digits(&mut i).unwrap_or(u64::MAX);
                }
                if chars.get(i).is_none_or(|x| x.0 != '}') {
                    return err("Unclosed counted closure", at(i));
                }
                if max < min {
                    return err("Illegal repetition range", at(i));
                }
                atom = false;
                after_quantifier = true;
            }
            _ => {
                atom = true;
                after_quantifier = false;
            }
        }
        i += 1;
    }
    if depth > 0 {
        return err("Unclosed group", len);
    }
    None
}

/// Index just past the character class opening at `open`: nested classes,
/// escapes and ranges (a backwards range is an error).
fn class_end(chars: &[(char, i64)], open: usize, len: i64) -> Result<usize, (String, i64)> {
    let mut i = open + 1;
    if chars.get(i).is_some_and(|x| x.0 == '^') {
        i += 1;
    }
    let mut first = true;
    // The last plain char, a possible range start.
    let mut prev: Option<char> = None;
    loop {
        let Some(&(c, _)) = chars.get(i) else {
            return Err(("Unclosed character class".to_string(), len - 1));
        };
        match c {
            ']' if !first => return Ok(i + 1),
            '[' => {
                i = class_end(chars, i, len)?;
                prev = None;
            }
            '\\' => {
                i += 2;
                prev = None;
            }
            '-' if prev.is_some()
                && chars
                    .get(i + 1)
                    .is_some_and(|x| x.0 != ']' && x.0 != '[' && x.0 != '\\') =>
            {
                let (hi, hi_at) = chars[i + 1];
                if prev.is_some_and(|lo| hi < lo) {
                    return Err(("Illegal character range".to_string(), hi_at));
                }
                i += 2;
                prev = None;
            }
            _ => {
                prev = Some(c);
                i += 1;
            }
        }
        first = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Messages recorded from JVM 1.11.1 / JDK 17 `(re-pattern p)`.
    #[test]
    fn java_messages_for_common_errors() {
        let m = |p: &str| message_of(p);
        assert_eq!(m("a(b"), "Unclosed group near index 3\na(b");
        assert_eq!(m("a)b"), "Unmatched closing ')' near index 0\na)b\n^");
        assert_eq!(m(")"), "Unmatched closing ')'\n)");
        assert_eq!(m("*a"), "Dangling meta character '*' near index 0\n*a\n^");
        assert_eq!(
            m("x**"),
            "Dangling meta character '*' near index 2\nx**\n  ^"
        );
        assert_eq!(
            m("a|*"),
            "Dangling meta character '*' near index 2\na|*\n  ^"
        );
        assert_eq!(
            m("a{2,1}"),
            "Illegal repetition range near index 5\na{2,1}\n     ^"
        );
        assert_eq!(m("a{,2}"), "Illegal repetition near index 2\na{,2}\n  ^");
        assert_eq!(m("a{1"), "Unclosed counted closure near index 3\na{1");
        assert_eq!(
            m("[abc"),
            "Unclosed character class near index 3\n[abc\n   ^"
        );
        assert_eq!(m("[]"), "Unclosed character class near index 1\n[]\n ^");
        assert_eq!(
            m("[b-a]"),
            "Illegal character range near index 3\n[b-a]\n   ^"
        );
        assert_eq!(m("(?z)"), "Unknown inline modifier near index 2\n(?z)\n  ^");
        assert_eq!(m("ab\\"), "Unexpected internal error near index 3\nab\\");
        assert_eq!(m("((a)"), "Unclosed group near index 4\n((a)");
        assert_eq!(m("é("), "Unclosed group near index 2\né(");
        for ok in [
            "a*?b+?c??",
            "x*+",
            "x{2}{3}",
            "[a-]",
            "[]a]",
            "(?i)a",
            "(?<n>a)",
            "\\Q(\\E",
            "a{2,}",
        ] {
            assert_eq!(java_syntax_error(ok), None, "{ok}");
        }
    }

    fn message_of(p: &str) -> String {
        pattern_syntax_exception(p, "?")
            .message()
            .unwrap_or_default()
            .to_string()
    }
}
