//! Regex patterns (`#"..."`): regex-automata (linear time) for the
//! patterns it supports, fancy-regex (backtracking) for the Java features it
//! lacks — lookahead/lookbehind, backreferences, atomic groups, possessive
//! quantifiers. Matching follows java.util.regex.Matcher: `find` from an
//! offset, `matches` of the whole input, successive finds stepping past empty
//! matches, Pattern.split and Matcher.appendReplacement's `$n` syntax.

use super::error::{ExClass, Exception, Result};
use super::gc::Ref;
use super::value::Value;

/// Group spans of one match (group 0 first; None for groups that did not
/// take part), as byte offsets.
pub type Spans = Vec<Option<(usize, usize)>>;

enum Engine {
    Automata(regex_automata::meta::Regex),
    Backtrack(fancy_regex::Regex),
}

impl Engine {
    fn compile(java: &str) -> Result<Engine> {
        super::regex_error::check_java_syntax(java)?;
        let rust = translate_java(java);
        let source = rust.as_str();
        match regex_automata::meta::Regex::new(source) {
            Ok(re) => Ok(Engine::Automata(re)),
            Err(first) => match fancy_regex::Regex::new(source) {
                Ok(re) => Ok(Engine::Backtrack(re)),
                Err(_) => Err(super::regex_error::pattern_syntax_exception(
                    java,
                    &first.to_string(),
                )),
            },
        }
    }

    /// The first match at or after byte `start` (the whole input stays
    /// visible to anchors and lookbehind).
    fn search(&self, s: &str, start: usize, anchored: bool) -> Option<Spans> {
        match self {
            Engine::Automata(re) => {
                let mut input = regex_automata::Input::new(s).span(start..s.len());
                if anchored {
                    input = input.anchored(regex_automata::Anchored::Yes);
                }
                let mut caps = re.create_captures();
                re.search_captures(&input, &mut caps);
                if !caps.is_match() {
                    return None;
                }
                Some(
                    (0..caps.group_len())
                        .map(|i| caps.get_group(i).map(|sp| (sp.start, sp.end)))
                        .collect(),
                )
            }
            Engine::Backtrack(re) => {
                // A backtracking limit hit counts as no match.
                let caps = re.captures_from_pos(s, start).ok()??;
                let first = caps.get(0)?;
                if anchored && first.start() != start {
                    return None;
                }
                Some(
                    (0..caps.len())
                        .map(|i| caps.get(i).map(|m| (m.start(), m.end())))
                        .collect(),
                )
            }
        }
    }

    fn group_len(&self) -> usize {
        match self {
            Engine::Automata(re) => re.group_info().group_len(regex_automata::PatternID::ZERO),
            Engine::Backtrack(re) => re.captures_len(),
        }
    }
}

pub struct Regex {
    source: String,
    engine: Engine,
    /// `(?:source)\z`, compiled on first `matches`: an anchored search of
    /// it is Java's `Matcher.matches()` (the whole input, trying alternatives
    /// a leftmost-first search of `source` would not).
    whole: std::sync::OnceLock<Option<Engine>>,
}

impl Regex {
    /// Compile a pattern; a syntax error is an IllegalArgumentException
    /// (PatternSyntaxException's superclass).
    pub fn new(source: &str) -> Result<Regex> {
        Ok(Regex {
            source: source.to_string(),
            engine: Engine::compile(source)?,
            whole: std::sync::OnceLock::new(),
        })
    }
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Matcher.groupCount().
    pub fn group_count(&self) -> usize {
        self.engine.group_len().saturating_sub(1)
    }

    /// Java's `find` from byte offset `start`.
    pub fn find_at(&self, s: &str, start: usize) -> Option<Spans> {
        if start > s.len() {
            return None;
        }
        self.engine.search(s, start, false)
    }

    /// Java's `matches`: the group spans when the pattern matches all of `s`.
    pub fn matches_whole(&self, s: &str) -> Option<Spans> {
        let whole = self
            .whole
            .get_or_init(|| Engine::compile(&format!("(?:{})\\z", self.source)).ok())
            .as_ref()?;
        whole.search(s, 0, true)
    }

    /// Java's `lookingAt`: the group spans of a match starting at 0 of `s`.
    pub fn looking_at(&self, s: &str) -> Option<Spans> {
        self.engine.search(s, 0, true)
    }

    /// `find` succeeds somewhere in `s`.
    pub fn is_match(&self, s: &str) -> bool {
        self.find_at(s, 0).is_some()
    }

    /// Successive `find`s (Matcher.find order: after an empty match the
    /// next search starts one char later), at most `limit` of them.
    pub fn find_all(&self, s: &str, limit: Option<usize>) -> Vec<Spans> {
        let mut out = Vec::new();
        let mut at = 0;
        while at <= s.len() && limit.is_none_or(|l| out.len() < l) {
            let Some(spans) = self.find_at(s, at) else {
                break;
            };
            let (a, b) = spans.first().copied().flatten().unwrap_or((at, at));
            at = if a == b { next_char(s, b) } else { b };
            out.push(spans);
        }
        out
    }

    /// Pattern.split(input, limit): no empty leading part for a zero-width
    /// match at 0; limit > 0 caps the parts, 0 drops trailing empty parts.
    pub fn split<'s>(&self, s: &'s str, limit: i64) -> Vec<&'s str> {
        let mut parts: Vec<&str> = Vec::new();
        let mut index = 0;
        let limited = limit > 0;
        for spans in self.find_all(s, None) {
            let Some((a, b)) = spans.first().copied().flatten() else {
                continue;
            };
            if limited && parts.len() as i64 >= limit - 1 {
                break;
            }
            if index == 0 && a == 0 && a == b {
                continue;
            }
            parts.push(s.get(index..a).unwrap_or(""));
            index = b;
        }
        if index == 0 && parts.is_empty() {
            return vec![s];
        }
        parts.push(s.get(index..).unwrap_or(""));
        if limit == 0 {
            while parts.last().is_some_and(|p| p.is_empty()) {
                parts.pop();
            }
        }
        parts
    }

    /// Matcher.replaceAll / replaceFirst with a Java replacement template.
    pub fn replace(&self, s: &str, template: &str, first_only: bool) -> Result<String> {
        let mut out = String::with_capacity(s.len());
        let mut last = 0;
        for spans in self.find_all(s, first_only.then_some(1)) {
            let Some((a, b)) = spans.first().copied().flatten() else {
                continue;
            };
            out.push_str(s.get(last..a).unwrap_or(""));
            expand_replacement(template, s, &spans, &mut out)?;
            last = b;
        }
        out.push_str(s.get(last..).unwrap_or(""));
        Ok(out)
    }
}

/// The byte offset one char after `b` (one past the end at the end).
fn next_char(s: &str, b: usize) -> usize {
    b + s
        .get(b..)
        .and_then(|t| t.chars().next())
        .map_or(1, char::len_utf8)
}

/// Matcher.appendReplacement's expansion of `rep` (`$n`, `\\x`) for one match.
pub fn expand_replacement(rep: &str, s: &str, spans: &Spans, out: &mut String) -> Result<()> {
    let groups = spans.len().saturating_sub(1);
    let mut it = rep.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '\\' => match it.next() {
                Some(n) => out.push(n),
                None => {
                    return Err(Exception::new(
                        ExClass::IllegalArgumentException,
                        "character to be escaped is missing",
                    ));
                }
            },
            '$' => {
                let Some(first) = it.next() else {
                    return Err(Exception::new(
                        ExClass::IllegalArgumentException,
                        "Illegal group reference: group index is missing",
                    ));
                };
                if first == '{' {
                    return Err(Exception::new(
                        ExClass::IllegalArgumentException,
                        "named capturing groups are not supported",
                    ));
                }
                let Some(mut n) = first.to_digit(10).map(|d| d as usize) else {
                    return Err(Exception::new(
                        ExClass::IllegalArgumentException,
                        "Illegal group reference",
                    ));
                };
                if n > groups {
                    return Err(Exception::new(
                        ExClass::IndexOutOfBoundsException,
                        format!("No group {n}"),
                    ));
                }
                // More digits while the number stays a valid group.
                while let Some(d) = it.peek().and_then(|c| c.to_digit(10)) {
                    let m = n * 10 + d as usize;
                    if m > groups {
                        break;
                    }
                    n = m;
                    it.next();
                }
                if let Some(Some((a, b))) = spans.get(n) {
                    out.push_str(s.get(*a..*b).unwrap_or(""));
                }
            }
            _ => out.push(c),
        }
    }
    Ok(())
}

impl Value {
    pub fn regex(source: &str) -> Result<Value> {
        Ok(Value::from(Ref::new(Regex::new(source)?)))
    }
}

/// java.util.regex.Matcher: a pattern, its input, and the position of the
/// last successful `find` (Matcher.find's iteration: after an empty match
/// the next search starts one char later).
pub struct Matcher {
    pub pattern: Value,
    pub text: String,
    state: super::gc::Lock<MatchState>,
}

#[derive(Default)]
struct MatchState {
    /// Byte offset where the next find starts (None once past the end).
    next: Option<usize>,
    last: Option<Vec<Option<(usize, usize)>>>,
    /// Matcher.region's bounds as byte offsets (None: the whole text).
    /// Searches see only this window, anchors matching at its ends (the
    /// JVM's default anchoring, opaque bounds).
    region: Option<(usize, usize)>,
}

fn no_match() -> Exception {
    Exception::new(ExClass::IllegalStateException, "No match found")
}

impl Matcher {
    pub fn new(pattern: Value, text: String) -> Matcher {
        Matcher {
            pattern,
            text,
            state: super::gc::Lock::new(MatchState {
                next: Some(0),
                last: None,
                region: None,
            }),
        }
    }

    fn regex(&self) -> Option<&Regex> {
        match self.pattern.view() {
            super::value::View::Regex(r) => Some(r),
            _ => None,
        }
    }

    /// The region window: its start and its text.
    fn window(&self, st: &MatchState) -> (usize, &str) {
        let (a, b) = st.region.unwrap_or((0, self.text.len()));
        (a, self.text.get(a..b).unwrap_or(""))
    }

    /// Matcher.region(start, end) in UTF-16 units: later matches see only
    /// that part of the text; resets the match state.
    pub fn region(&self, start: i64, end: i64) -> Result<()> {
        let len = self.text.encode_utf16().count() as i64;
        let oob = |m: &str| Err(Exception::new(ExClass::IndexOutOfBoundsException, m));
        if start < 0 || start > len {
            return oob("start");
        }
        if end < 0 || end > len {
            return oob("end");
        }
        if start > end {
            return oob("start > end");
        }
        let byte = |u: i64| {
            let mut units = 0i64;
            for (i, c) in self.text.char_indices() {
                if units >= u {
                    return i;
                }
                units += c.len_utf16() as i64;
            }
            self.text.len()
        };
        let (a, b) = (byte(start), byte(end));
        let mut st = super::gc::lock(&self.state);
        *st = MatchState {
            next: Some(a),
            last: None,
            region: Some((a, b)),
        };
        Ok(())
    }

    /// Matcher.reset(): no current match, no region, finds from the start.
    pub fn reset(&self) {
        *super::gc::lock(&self.state) = MatchState {
            next: Some(0),
            last: None,
            region: None,
        };
    }

    /// Matcher.lookingAt(): a match at the region's start; sets the current
    /// match.
    pub fn looking_at(&self) -> bool {
        let mut st = super::gc::lock(&self.state);
        let (a, text) = self.window(&st);
        let spans = self
            .regex()
            .and_then(|re| re.looking_at(text))
            .map(|sp| shift(sp, a));
        let ok = spans.is_some();
        st.last = spans;
        ok
    }

    /// Matcher.find(): the next match; false (and no current match) at the end.
    pub fn find(&self) -> bool {
        let mut st = super::gc::lock(&self.state);
        let (a, text) = self.window(&st);
        let found = match (st.next, self.regex()) {
            (Some(at), Some(re)) if at >= a && at - a <= text.len() => {
                re.find_at(text, at - a).map(|sp| shift(sp, a))
            }
            _ => None,
        };
        match found {
            Some(spans) => {
                let (a, b) = spans.first().copied().flatten().unwrap_or((0, 0));
                st.next = Some(if a == b {
                    b + self.text[b..].chars().next().map_or(1, char::len_utf8)
                } else {
                    b
                });
                st.last = Some(spans);
                true
            }
            None => {
                st.next = None;
                st.last = None;
                false
            }
        }
    }

    /// Matcher.matches(): the whole input; sets the current match.
    pub fn matches(&self) -> bool {
        let mut st = super::gc::lock(&self.state);
        let (a, text) = self.window(&st);
        let spans = self
            .regex()
            .and_then(|re| re.matches_whole(text))
            .map(|sp| shift(sp, a));
        let ok = spans.is_some();
        st.last = spans;
        ok
    }

    /// Matcher.groupCount().
    pub fn group_count(&self) -> usize {
        self.regex().map_or(0, Regex::group_count)
    }

    /// Matcher.group(n): the text of group n of the current match (None
    /// when the group did not take part).
    pub fn group(&self, n: usize) -> Result<Option<String>> {
        let st = super::gc::lock(&self.state);
        let Some(spans) = &st.last else {
            return Err(no_match());
        };
        match spans.get(n) {
            Some(sp) => Ok(sp.map(|(a, b)| self.text[a..b].to_string())),
            None => Err(Exception::new(
                ExClass::IndexOutOfBoundsException,
                format!("No group {n}"),
            )),
        }
    }

    /// Matcher.start() / end() of the current match, in UTF-16 units.
    pub fn bounds(&self) -> Result<(usize, usize)> {
        let st = super::gc::lock(&self.state);
        let (a, b) = st
            .last
            .as_ref()
            .and_then(|s| s.first().copied().flatten())
            .ok_or_else(no_match)?;
        let units = |i: usize| self.text[..i].encode_utf16().count();
        Ok((units(a), units(b)))
    }

    /// Matcher.toString().
    pub fn java_string(&self) -> String {
        let st = super::gc::lock(&self.state);
        let last = st
            .last
            .as_ref()
            .and_then(|s| s.first().copied().flatten())
            .map_or(String::new(), |(a, b)| self.text[a..b].to_string());
        let src = self.regex().map_or("", |r| r.source());
        format!(
            "java.util.regex.Matcher[pattern={src} region=0,{} lastmatch={last}]",
            self.text.encode_utf16().count()
        )
    }
}

/// Spans found in a window starting at byte `by`, as offsets of the text.
fn shift(spans: Spans, by: usize) -> Spans {
    spans
        .into_iter()
        .map(|sp| sp.map(|(x, y)| (x + by, y + by)))
        .collect()
}

/// Java's POSIX and java.lang.Character classes (`\p{Alpha}`), as sets
/// usable inside a class. Java's POSIX classes are ASCII-only by default.
fn java_property(name: &str) -> Option<&'static str> {
    Some(match name {
        "Lower" => "a-z",
        "Upper" => "A-Z",
        "ASCII" => "\\x00-\\x7F",
        "Alpha" => "a-zA-Z",
        "Digit" => "0-9",
        "Alnum" => "a-zA-Z0-9",
        "Punct" => "!-/:-@\\[-`{-~",
        "Graph" => "!-~",
        "Print" => " -~",
        "Blank" => " \\t",
        "Cntrl" => "\\x00-\\x1F\\x7F",
        "XDigit" => "0-9a-fA-F",
        "Space" => " \\t\\n\\x0B\\f\\r",
        "javaLowerCase" => "\\p{Lowercase}",
        "javaUpperCase" => "\\p{Uppercase}",
        "javaWhitespace" => "\\t\\n\\x0B\\f\\r\\x1C-\\x1F\\p{Zs}&&[^\\xA0\\u2007\\u202F]",
        "javaDigit" => "\\p{Nd}",
        "javaLetter" => "\\p{L}",
        "javaLetterOrDigit" => "\\p{L}\\p{Nd}",
        "javaAlphabetic" => "\\p{Alphabetic}",
        _ => return None,
    })
}

/// Rewrite the Java regex syntax the Rust engines read differently:
/// `\d \w \s \b` and their negations are ASCII in Java (Unicode in Rust),
/// `\Q...\E` quotes, `\p{Alpha}`-style POSIX classes, `\h \v \R`, `\cX`
/// and octal `\0nn` escapes.
pub fn translate_java(src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len() + 8);
    let mut depth = 0usize; // character class nesting
    let mut i = 0;
    // A set, as a class of its own outside a class or its items inside one.
    let set = |out: &mut String, items: &str, negated: bool, depth: usize| {
        if depth == 0 || negated {
            out.push('[');
            if negated {
                out.push('^');
            }
            out.push_str(items);
            out.push(']');
        } else {
            out.push_str(items);
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            let e = chars[i + 1];
            i += 2;
            match e {
                'd' => set(&mut out, "0-9", false, depth),
                'D' => set(&mut out, "0-9", true, depth),
                'w' => set(&mut out, "a-zA-Z0-9_", false, depth),
                'W' => set(&mut out, "a-zA-Z0-9_", true, depth),
                's' => set(&mut out, " \\t\\n\\x0B\\f\\r", false, depth),
                'S' => set(&mut out, " \\t\\n\\x0B\\f\\r", true, depth),
                'h' => set(
                    &mut out,
                    " \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000",
                    false,
                    depth,
                ),
                'H' => set(
                    &mut out,
                    " \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000",
                    true,
                    depth,
                ),
                'v' => set(&mut out, "\\n\\x0B\\f\\r\\x85\\u2028\\u2029", false, depth),
                'V' => set(&mut out, "\\n\\x0B\\f\\r\\x85\\u2028\\u2029", true, depth),
                'b' if depth == 0 => out.push_str("(?-u:\\b)"),
                'B' if depth == 0 => out.push_str("(?-u:\\B)"),
                // Java's escaped `<` / `>` are literals (word boundaries in
                // the regex crate).
                '<' | '>' => out.push(e),
                'R' if depth == 0 => out.push_str("(?:\\r\\n|[\\n\\x0B\\f\\r\\x85\\u2028\\u2029])"),
                'Q' => {
                    // Literal text up to \E (or the end).
                    while i < chars.len() {
                        if chars[i] == '\\' && chars.get(i + 1) == Some(&'E') {
                            i += 2;
                            break;
                        }
                        let lit = chars[i];
                        // The regex crate's meta characters (regex::escape's
                        // set); `\<` and `\>` would be word boundaries there.
                        if "\\.+*?()|[]{}^$#&-~".contains(lit) || lit == ' ' {
                            out.push('\\');
                        }
                        out.push(lit);
                        i += 1;
                    }
                }
                'c' if i < chars.len() => {
                    let code = (chars[i] as u32) ^ 64;
                    out.push_str(&format!("\\x{{{code:X}}}"));
                    i += 1;
                }
                '0' => {
                    // Octal \0n, \0nn, \0mnn (m <= 3).
                    let mut v = 0u32;
                    let mut n = 0;
                    while n < 3 && i < chars.len() && ('0'..='7').contains(&chars[i]) {
                        let d = chars[i] as u32 - '0' as u32;
                        if n == 2 && v > 0o37 {
                            break;
                        }
                        v = v * 8 + d;
                        i += 1;
                        n += 1;
                    }
                    out.push_str(&format!("\\x{{{v:X}}}"));
                }
                'p' | 'P' if chars.get(i) == Some(&'{') => {
                    let close = chars[i..].iter().position(|&c| c == '}').map(|p| i + p);
                    let name: String =
                        close.map_or(String::new(), |j| chars[i + 1..j].iter().collect());
                    let key = name
                        .strip_prefix("Is")
                        .filter(|n| java_property(n).is_some())
                        .unwrap_or(&name);
                    match (close, java_property(key)) {
                        (Some(j), Some(items)) => {
                            set(&mut out, items, e == 'P', depth);
                            i = j + 1;
                        }
                        _ => {
                            out.push('\\');
                            out.push(e);
                        }
                    }
                }
                _ => {
                    out.push('\\');
                    out.push(e);
                }
            }
            continue;
        }
        match c {
            '[' => {
                depth += 1;
                out.push(c);
                // A leading ] or ^] is literal in a class.
                if chars.get(i + 1) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
            }
            ']' if depth > 0 => {
                depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(re: &str, s: &str) -> Option<String> {
        let r = Regex::new(re).unwrap_or_else(|e| panic!("{re}: {e:?}"));
        r.find_at(s, 0)
            .and_then(|sp| sp.first().copied().flatten())
            .map(|(a, b)| s[a..b].to_string())
    }

    // Expected values from JVM Clojure 1.11.1 (tests/golden/regex_java.clj).
    #[test]
    fn java_classes_are_ascii() {
        assert_eq!(find("\\d+", "a\u{663}2"), Some("2".into()));
        assert_eq!(find("\\w+", "h\u{e9}llo"), Some("h".into()));
        assert_eq!(find("\\s", "a\u{a0}b"), None);
        assert_eq!(find("\\p{Alpha}+", "abc123"), Some("abc".into()));
        assert_eq!(find("[^\\s]+", " xy "), Some("xy".into()));
        assert_eq!(find("\\Qa.b\\E+", "a.bb"), Some("a.bb".into()));
        assert_eq!(find("\\cA", "\u{1}"), Some("\u{1}".into()));
    }

    #[test]
    fn backtracking_features_fall_back() {
        assert_eq!(find("(?<=a)b", "cb ab"), Some("b".into()));
        assert_eq!(find("(\\w)\\1", "abccd"), Some("cc".into()));
        assert_eq!(find("(?>a+)b", "aab"), Some("aab".into()));
        let r = Regex::new("(?=(\\d\\d))").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(r.find_all("1234", None).len(), 3);
    }

    #[test]
    fn split_and_replace_follow_java() {
        let r = Regex::new(",").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(r.split("a,b,,c,,", 0), vec!["a", "b", "", "c"]);
        assert_eq!(r.split("a,b,,c,,", -1), vec!["a", "b", "", "c", "", ""]);
        assert_eq!(r.split("", 0), vec![""]);
        let d = Regex::new("(\\d)(\\d)?").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(d.replace("a1b22", "$2$1", false).ok(), Some("a1b22".into()));
        assert!(d.replace("a1", "$3", false).is_err());
    }

    #[test]
    fn find_and_matches_follow_java() {
        // JVM: (re-matches #"a|ab" "ab") => "ab"; (re-find #"(a)|(b)" "b") => ["b" nil "b"]
        let r = Regex::new("a|ab").unwrap();
        assert_eq!(r.matches_whole("ab"), Some(vec![Some((0, 2))]));
        assert_eq!(r.find_at("ab", 0), Some(vec![Some((0, 1))]));
        let g = Regex::new("(a)|(b)").unwrap();
        assert_eq!(
            g.find_at("b", 0),
            Some(vec![Some((0, 1)), None, Some((0, 1))])
        );
        assert_eq!(Regex::new("x").unwrap().find_at("abc", 0), None);
    }
}
