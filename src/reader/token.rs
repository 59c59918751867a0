//! Tokens: symbols, keywords, nil/true/false (LispReader.interpretToken and
//! matchSymbol with symbolPat `[:]?([\D&&[^/]].*/)?(/|[\D&&[^/]][^/]*)`).

use super::Reader;
use super::source::{is_terminating_macro, is_whitespace};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::value::Value;

fn invalid_token(s: &str) -> Exception {
    Exception::new(ExClass::RuntimeException, format!("Invalid token: {s}"))
}

/// Characters Java's `.` does not match (line terminators).
fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// `[\D&&[^/]]`
fn name_start(c: char) -> bool {
    !c.is_ascii_digit() && c != '/'
}

/// Does `s` match `/|[\D&&[^/]][^/]*` (the name group)?
fn is_name(s: &str) -> bool {
    if s == "/" {
        return true;
    }
    let mut it = s.chars();
    match it.next() {
        Some(c) if name_start(c) => it.all(|c| c != '/'),
        _ => false,
    }
}

/// Does `s` match `[\D&&[^/]].*/` (the namespace group, trailing slash
/// included)?
fn is_ns_part(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if name_start(c) => {}
        _ => return false,
    }
    let rest = it.as_str();
    rest.ends_with('/') && !rest.chars().any(is_line_terminator)
}

/// symbolPat without the optional leading colon: (ns group, name group).
/// Like Java's greedy regex, the longest namespace group wins.
fn match_symbol_pat(s: &str) -> Option<(Option<&str>, &str)> {
    // Candidate splits after each '/', longest namespace first.
    let slashes: Vec<usize> = s.match_indices('/').map(|(i, _)| i).collect();
    for &i in slashes.iter().rev() {
        let (ns, name) = (&s[..=i], &s[i + 1..]);
        if is_ns_part(ns) && is_name(name) {
            return Some((Some(ns), name));
        }
    }
    if is_name(s) {
        return Some((None, s));
    }
    None
}

/// `Symbol.intern(String)`: split at the first slash unless the whole is "/".
pub(crate) fn split_first_slash(s: &str) -> (Option<&str>, &str) {
    if s == "/" {
        return (None, s);
    }
    match s.find('/') {
        Some(i) => (Some(&s[..i]), &s[i + 1..]),
        None => (None, s),
    }
}

impl Reader {
    /// readToken: from `init` up to whitespace or a terminating macro.
    pub(super) fn read_token(&mut self, init: char) -> String {
        let mut sb = String::new();
        sb.push(init);
        loop {
            match self.src.peek() {
                None => {
                    self.src.touch_eof();
                    return sb;
                }
                Some(c) if is_whitespace(c) || is_terminating_macro(c) => return sb,
                Some(c) => {
                    self.src.next();
                    sb.push(c);
                }
            }
        }
    }

    pub(super) fn interpret_token(&self, s: &str) -> Result<Value> {
        match s {
            "nil" => return Ok(Value::NIL),
            "true" => return Ok(Value::TRUE),
            "false" => return Ok(Value::FALSE),
            "/" => return Ok(Value::symbol(None, "/")),
            _ => {}
        }
        self.match_symbol(s).ok_or_else(|| invalid_token(s))
    }

    fn match_symbol(&self, s: &str) -> Option<Value> {
        // `[:]?` is optional: if the rest fails to match, the colon may
        // belong to the name (":1" is the keyword :1).
        let (ns, name) = s
            .strip_prefix(':')
            .and_then(match_symbol_pat)
            .or_else(|| match_symbol_pat(s))?;
        if ns.is_some_and(|n| n.ends_with(":/"))
            || name.ends_with(':')
            || s.char_indices()
                .nth(1)
                .is_some_and(|(i, _)| s[i..].contains("::"))
        {
            return None;
        }
        if let Some(rest) = s.strip_prefix("::") {
            // Auto-resolved keyword: ::name or ::alias/name.
            let (kns, kname) = split_first_slash(rest);
            let ns = match kns {
                Some(alias) => self.resolve_alias(alias)?,
                None => self.current_ns(),
            };
            return Some(Value::keyword(Some(&ns), kname));
        }
        let is_keyword = s.starts_with(':');
        let (sns, sname) = split_first_slash(if is_keyword { &s[1..] } else { s });
        Some(if is_keyword {
            Value::keyword(sns, sname)
        } else {
            Value::new_symbol(sns, sname)
        })
    }
}
