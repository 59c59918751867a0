//! java.util.regex.PatternSyntaxException for patterns that do not compile:
//! a scan for the syntax errors java.util.regex.Pattern reports most often,
//! giving its description and index (in UTF-16 units), and its message
//! layout: description, " near index N", the pattern, a caret line.

use super::error::{ExClass, Exception};

/// The PatternSyntaxException for `pattern`, which failed to compile with
/// `fallback` as the engine's own description.
pub fn pattern_syntax_exception(pattern: &str, fallback: &str) -> Exception {
    let (desc, index) = java_syntax_error(pattern).unwrap_or((fallback.to_string(), -1));
    exception(&desc, index, pattern)
}

/// Pattern.error's exception (the JVM's innermost frame, JDK 17).
fn exception(desc: &str, index: i64, pattern: &str) -> Exception {
    Exception::new(
        ExClass::PatternSyntaxException,
        message(desc, index, pattern),
    )
    .at_jdk(super::jdk_frame::PATTERN_ERROR)
}

/// A `\p{Name}` / `\P{Name}` of `pattern` whose property `compiles` rejects
/// on its own: Pattern's "Unknown character property name {Name}" at its
/// closing brace.
pub fn unknown_property(pattern: &str, compiles: impl Fn(&str) -> bool) -> Option<Exception> {
    let mut u = 0i64;
    let mut it = pattern.char_indices().peekable();
    while let Some((b, c)) = it.next() {
        if c == '\\' {
            let rest = &pattern[b..];
            if (rest.starts_with("\\p{") || rest.starts_with("\\P{"))
                && let Some(close) = rest.find('}')
                && !compiles(&rest[..=close])
            {
                let name = &rest[3..close];
                let index = u + rest[..close].encode_utf16().count() as i64;
                return Some(exception(
                    &format!("Unknown character property name {{{name}}}"),
                    index,
                    pattern,
                ));
            }
            // Skip the escaped char.
            u += 1;
            if let Some((_, e)) = it.next() {
                u += e.len_utf16() as i64;
            }
            continue;
        }
        u += c.len_utf16() as i64;
    }
    None
}

/// Check `pattern` before compiling: Java rejects some patterns the Rust
/// engines take as literals (`a{`, `a{2,1}`, `x**`).
pub fn check_java_syntax(pattern: &str) -> Result<(), Exception> {
    match java_syntax_error(pattern) {
        Some((desc, index)) => Err(exception(&desc, index, pattern)),
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
    // Names of the groups defined so far.
    let mut names: Vec<String> = Vec::new();
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
                if e == 'k' {
                    // \k<name>: a group defined before it.
                    if chars.get(i + 2).is_none_or(|x| x.0 != '<') {
                        return err(
                            "\\k is not followed by '<' for named capturing group",
                            at(i + 2),
                        );
                    }
                    let (name, end) = match group_name(&chars, i + 3, len) {
                        Ok(x) => x,
                        Err(e) => return Some(e),
                    };
                    if !names.contains(&name) {
                        return err(
                            &format!("named capturing group <{name}> does not exist"),
                            at(end),
                        );
                    }
                    i = end + 1;
                    atom = true;
                    after_quantifier = false;
                    continue;
                }
                if e == 'x' && chars.get(i + 2).is_none_or(|x| x.0 != '{') {
                    // \xhh: two hex digits.
                    for k in [i + 2, i + 3] {
                        if chars.get(k).is_none_or(|x| !x.0.is_ascii_hexdigit()) {
                            return err("Illegal hexadecimal escape sequence", at(k));
                        }
                    }
                    i += 4;
                    atom = true;
                    after_quantifier = false;
                    continue;
                }
                if e == 'x' && chars.get(i + 3).is_none_or(|x| !x.0.is_ascii_hexdigit()) {
                    return err("Illegal hexadecimal escape sequence", at(i + 2));
                }
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
                        Some('<') if chars.get(i + 1).is_some_and(|x| x.0 == '=' || x.0 == '!') => {
                            i += 2;
                        }
                        Some('<') => {
                            // (?<name>X): a new, unique name.
                            let (name, end) = match group_name(&chars, i + 1, len) {
                                Ok(x) => x,
                                Err(e) => return Some(e),
                            };
                            if names.contains(&name) {
                                return err(
                                    &format!("Named capturing group <{name}> is already defined"),
                                    at(end),
                                );
                            }
                            names.push(name);
                            i = end + 1;
                        }
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
                // A count past Integer.MAX_VALUE is an illegal range at
                // the digit that overflows it.
                let digits = |i: &mut usize| -> Result<Option<u64>, i64> {
                    let start = *i;
                    let mut n: u64 = 0;
                    while let Some(&(d, _)) = chars.get(*i).filter(|x| x.0.is_ascii_digit()) {
                        n = n * 10 + u64::from(d as u8 - b'0');
                        if n > i32::MAX as u64 {
                            return Err(at(*i));
                        }
                        *i += 1;
                    }
                    Ok((*i > start).then_some(n))
                };
                let min = match digits(&mut i) {
                    Ok(Some(n)) => n,
                    Ok(None) => return err("Illegal repetition", at(open) + 1),
                    Err(x) => return err("Illegal repetition range", x),
                };
                let mut max = min;
                if chars.get(i).is_some_and(|x| x.0 == ',') {
                    i += 1;
                    max = match digits(&mut i) {
                        Ok(n) => n.unwrap_or(u64::MAX),
                        Err(x) => return err("Illegal repetition range", x),
                    };
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

/// A group name starting at `start` (Pattern.groupname): a Latin letter,
/// then letters and digits, up to `>`. The name and the index of the `>`.
fn group_name(
    chars: &[(char, i64)],
    start: usize,
    len: i64,
) -> Result<(String, usize), (String, i64)> {
    let at = |i: usize| chars.get(i).map_or(len, |&(_, x)| x);
    if chars.get(start).is_none_or(|x| !x.0.is_ascii_alphabetic()) {
        return Err((
            "capturing group name does not start with a Latin letter".to_string(),
            at(start),
        ));
    }
    let mut i = start;
    while chars.get(i).is_some_and(|x| x.0.is_ascii_alphanumeric()) {
        i += 1;
    }
    if chars.get(i).is_none_or(|x| x.0 != '>') {
        return Err((
            "named capturing group is missing trailing '>'".to_string(),
            at(i),
        ));
    }
    Ok((chars[start..i].iter().map(|x| x.0).collect(), i))
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
            // `[a-` and `[a-\` end the pattern inside a range.
            '-' if prev.is_some()
                && (i + 1 >= chars.len() || (chars[i + 1].0 == '\\' && i + 2 >= chars.len())) =>
            {
                return Err(("Illegal character range".to_string(), len));
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
        assert_eq!(m("[a-"), "Illegal character range near index 3\n[a-");
        assert_eq!(m("[^a-"), "Illegal character range near index 4\n[^a-");
        assert_eq!(m("[a-\\"), "Illegal character range near index 4\n[a-\\");
        assert_eq!(
            m("(?<n>a)(?<n>b)"),
            "Named capturing group <n> is already defined near index 11\n(?<n>a)(?<n>b)\n           ^"
        );
        assert_eq!(
            m("(?<n>a)\\k<m>"),
            "named capturing group <m> does not exist near index 11\n(?<n>a)\\k<m>\n           ^"
        );
        assert_eq!(
            m("(?<1a>x)"),
            "capturing group name does not start with a Latin letter near index 3\n(?<1a>x)\n   ^"
        );
        assert_eq!(
            m("(?<n"),
            "named capturing group is missing trailing '>' near index 4\n(?<n"
        );
        assert_eq!(
            m("a{99999999999}"),
            "Illegal repetition range near index 11\na{99999999999}\n           ^"
        );
        assert_eq!(
            m("\\x{zz}"),
            "Illegal hexadecimal escape sequence near index 2\n\\x{zz}\n  ^"
        );
        for ok in [
            "a*?b+?c??",
            "x*+",
            "x{2}{3}",
            "[a-]",
            "[]a]",
            "(?i)a",
            "(?<n>a)",
            "(?<n>a)\\k<n>",
            "(?<=a)b(?<!c)",
            "\\x41\\x{263a}",
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
