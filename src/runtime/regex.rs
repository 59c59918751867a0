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
                Err(_) => Err(super::regex_error::unknown_property(java, |p| {
                    regex_automata::meta::Regex::new(&translate_java(p)).is_ok()
                })
                .unwrap_or_else(|| {
                    super::regex_error::pattern_syntax_exception(java, &first.to_string())
                })),
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

    /// The index of the group named `name`.
    fn group_index(&self, name: &str) -> Option<usize> {
        match self {
            Engine::Automata(re) => re
                .group_info()
                .to_index(regex_automata::PatternID::ZERO, name),
            Engine::Backtrack(re) => re.capture_names().position(|n| n == Some(name)),
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
    /// Pattern.compile's flags (Pattern.flags()).
    flags: i32,
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
        Regex::with_flags(source, 0)
    }

    /// Pattern.compile(source, flags): the flags become inline flags
    /// before the pattern (LITERAL quotes it). UNIX_LINES, CANON_EQ and
    /// UNICODE_CHARACTER_CLASS are not supported.
    pub fn with_flags(source: &str, flags: i32) -> Result<Regex> {
        let effective = flagged_source(source, flags)?;
        Ok(Regex {
            source: source.to_string(),
            flags,
            engine: Engine::compile(&effective)?,
            whole: std::sync::OnceLock::new(),
        })
    }
    pub fn source(&self) -> &str {
        &self.source
    }
    /// Pattern.flags().
    pub fn flags(&self) -> i32 {
        self.flags
    }
    /// The source with the flags applied (what the engines compile).
    fn effective(&self) -> String {
        flagged_source(&self.source, self.flags).unwrap_or_else(|_| self.source.clone())
    }
    /// The index of the named group `name` (IllegalArgumentException "No
    /// group with name <x>" when there is none, as Matcher's).
    pub fn group_index(&self, name: &str) -> Result<usize> {
        self.engine.group_index(name).ok_or_else(|| {
            Exception::new(
                ExClass::IllegalArgumentException,
                format!("No group with name <{name}>"),
            )
        })
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
            .get_or_init(|| Engine::compile(&format!("(?:{})\\z", self.effective())).ok())
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

/// java.util.regex.Pattern's flag constants.
pub const UNIX_LINES: i32 = 1;
pub const CASE_INSENSITIVE: i32 = 2;
pub const COMMENTS: i32 = 4;
pub const MULTILINE: i32 = 8;
pub const LITERAL: i32 = 16;
pub const DOTALL: i32 = 32;
pub const UNICODE_CASE: i32 = 64;
pub const CANON_EQ: i32 = 128;
pub const UNICODE_CHARACTER_CLASS: i32 = 256;

/// `source` with Pattern.compile's `flags` as inline flags.
fn flagged_source(source: &str, flags: i32) -> Result<String> {
    if flags == 0 {
        return Ok(source.to_string());
    }
    for (bit, name) in [
        (UNIX_LINES, "UNIX_LINES"),
        (CANON_EQ, "CANON_EQ"),
        (UNICODE_CHARACTER_CLASS, "UNICODE_CHARACTER_CLASS"),
    ] {
        if flags & bit != 0 {
            return Err(Exception::new(
                ExClass::UnsupportedOperationException,
                format!("cljw does not support the Pattern flag {name}"),
            ));
        }
    }
    let body = if flags & LITERAL != 0 {
        format!("\\Q{}\\E", source.replace("\\E", "\\E\\\\E\\Q"))
    } else {
        source.to_string()
    };
    let mut inline = String::new();
    for (bit, c) in [
        (CASE_INSENSITIVE, 'i'),
        (MULTILINE, 'm'),
        (DOTALL, 's'),
        (COMMENTS, 'x'),
    ] {
        if flags & bit != 0 && !(bit == COMMENTS && flags & LITERAL != 0) {
            inline.push(c);
        }
    }
    Ok(if inline.is_empty() {
        body
    } else {
        format!("(?{inline}){body}")
    })
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
/// the next search starts one char later). `usePattern` and `reset(input)`
/// replace the pattern and the input.
pub struct Matcher {
    state: super::gc::Lock<MatchState>,
}

/// The last match operation, for `hitEnd` / `requireEnd`.
#[derive(Clone, Copy, PartialEq)]
enum LastOp {
    None,
    Find,
    LookingAt,
    Matches,
}

struct MatchState {
    pattern: Value,
    text: String,
    /// Byte offset where the next find starts (None once past the end).
    next: Option<usize>,
    last: Option<Vec<Option<(usize, usize)>>>,
    /// Matcher.region's bounds as byte offsets (None: the whole text).
    /// Searches see only this window, anchors matching at its ends (the
    /// JVM's default anchoring, opaque bounds).
    region: Option<(usize, usize)>,
    /// appendReplacement's position in the text (bytes).
    append: usize,
    op: LastOp,
    /// Where the last operation searched from (bytes).
    op_at: usize,
}

fn no_match() -> Exception {
    Exception::new(ExClass::IllegalStateException, "No match found")
}

impl MatchState {
    fn regex(&self) -> Option<&Regex> {
        match self.pattern.view() {
            super::value::View::Regex(r) => Some(r),
            _ => None,
        }
    }
    /// The region window: its start and its text.
    fn window(&self) -> (usize, &str) {
        let (a, b) = self.region.unwrap_or((0, self.text.len()));
        (a, self.text.get(a..b).unwrap_or(""))
    }
    fn units(&self, i: usize) -> usize {
        self.text.get(..i).map_or(0, |t| t.encode_utf16().count())
    }
    fn reset(&mut self) {
        self.next = Some(0);
        self.last = None;
        self.region = None;
        self.append = 0;
        self.op = LastOp::None;
        self.op_at = 0;
    }
}

impl Matcher {
    pub fn new(pattern: Value, text: String) -> Matcher {
        Matcher {
            state: super::gc::Lock::new(MatchState {
                pattern,
                text,
                next: Some(0),
                last: None,
                region: None,
                append: 0,
                op: LastOp::None,
                op_at: 0,
            }),
        }
    }

    /// The matcher's input.
    pub fn text(&self) -> String {
        super::gc::lock(&self.state).text.clone()
    }
    /// Matcher.pattern().
    pub fn pattern(&self) -> Value {
        super::gc::lock(&self.state).pattern.clone()
    }

    /// Matcher.region(start, end) in UTF-16 units: later matches see only
    /// that part of the text; resets the match state.
    pub fn region(&self, start: i64, end: i64) -> Result<()> {
        let mut st = super::gc::lock(&self.state);
        let len = st.text.encode_utf16().count() as i64;
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
            for (i, c) in st.text.char_indices() {
                if units >= u {
                    return i;
                }
                units += c.len_utf16() as i64;
            }
            st.text.len()
        };
        let (a, b) = (byte(start), byte(end));
        st.reset();
        st.next = Some(a);
        st.region = Some((a, b));
        Ok(())
    }

    /// Matcher.regionStart() / regionEnd() in UTF-16 units.
    pub fn region_bounds(&self) -> (usize, usize) {
        let st = super::gc::lock(&self.state);
        let (a, b) = st.region.unwrap_or((0, st.text.len()));
        (st.units(a), st.units(b))
    }

    /// Matcher.reset(): no current match, no region, finds from the start.
    pub fn reset(&self) {
        super::gc::lock(&self.state).reset();
    }

    /// Matcher.reset(input): a new input, then reset().
    pub fn reset_input(&self, text: String) {
        let mut st = super::gc::lock(&self.state);
        st.text = text;
        st.reset();
    }

    /// Matcher.usePattern(p): later matches use `p`; the position and
    /// region stay, the current match's groups are lost.
    pub fn use_pattern(&self, pattern: Value) {
        let mut st = super::gc::lock(&self.state);
        st.pattern = pattern;
        st.last = None;
    }

    /// Matcher.lookingAt(): a match at the region's start; sets the current
    /// match.
    pub fn looking_at(&self) -> bool {
        let mut st = super::gc::lock(&self.state);
        let (a, text) = st.window();
        let spans = st
            .regex()
            .and_then(|re| re.looking_at(text))
            .map(|sp| shift(sp, a));
        let ok = spans.is_some();
        st.last = spans;
        st.op = LastOp::LookingAt;
        st.op_at = a;
        ok
    }

    /// Matcher.find(): the next match; false (and no current match) at the end.
    pub fn find(&self) -> bool {
        let mut st = super::gc::lock(&self.state);
        let (a, text) = st.window();
        let found = match (st.next, st.regex()) {
            (Some(at), Some(re)) if at >= a && at - a <= text.len() => {
                re.find_at(text, at - a).map(|sp| shift(sp, a))
            }
            _ => None,
        };
        st.op = LastOp::Find;
        match found {
            Some(spans) => {
                let (a, b) = spans.first().copied().flatten().unwrap_or((0, 0));
                st.next = Some(if a == b { next_char(&st.text, b) } else { b });
                st.op_at = a;
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

    /// Matcher.find(start): reset, then find from UTF-16 index `start`.
    pub fn find_from(&self, start: i64) -> Result<bool> {
        {
            let mut st = super::gc::lock(&self.state);
            let len = st.text.encode_utf16().count() as i64;
            if start < 0 || start > len {
                return Err(Exception::new(
                    ExClass::IndexOutOfBoundsException,
                    "Illegal start index",
                ));
            }
            let mut units = 0i64;
            let mut at = st.text.len();
            for (i, c) in st.text.char_indices() {
                if units >= start {
                    at = i;
                    break;
                }
                units += c.len_utf16() as i64;
            }
            st.reset();
            st.next = Some(at);
        }
        Ok(self.find())
    }

    /// Matcher.matches(): the whole input; sets the current match.
    pub fn matches(&self) -> bool {
        let mut st = super::gc::lock(&self.state);
        let (a, text) = st.window();
        let spans = st
            .regex()
            .and_then(|re| re.matches_whole(text))
            .map(|sp| shift(sp, a));
        let ok = spans.is_some();
        st.last = spans;
        st.op = LastOp::Matches;
        st.op_at = a;
        ok
    }

    /// Matcher.hitEnd(): whether more input could have changed the last
    /// match operation's result. A failed find always searched to the
    /// end; otherwise cljw re-runs the match anchored where it started,
    /// with the input extended by one char (each char of the pattern and
    /// a few of each class), and reports whether any extension changes
    /// where the match ends or whether it matches (the JVM reports its
    /// engine touching the end; the two agree on the patterns tokenizers
    /// use, but can differ on others).
    pub fn hit_end(&self) -> bool {
        let st = super::gc::lock(&self.state);
        match st.op {
            LastOp::None => false,
            LastOp::Find if st.last.is_none() => true,
            _ => self.extension_changes(&st, false),
        }
    }

    /// Matcher.requireEnd(): whether more input could turn the last
    /// positive match into a negative one. Only an end anchor (`$`, `\z`,
    /// `\Z`, `\b`, `\B`) can, as on the JVM; cljw tests the extensions
    /// `hitEnd` uses.
    pub fn require_end(&self) -> bool {
        let st = super::gc::lock(&self.state);
        let anchored = st.regex().is_some_and(|r| {
            let src = r.source();
            src.contains('$') || ["\\z", "\\Z", "\\b", "\\B"].iter().any(|a| src.contains(a))
        });
        st.last.is_some() && anchored && self.extension_changes(&st, true)
    }

    /// Does extending the window by one char change the anchored match at
    /// the last operation's start (its end, or whether it matches; with
    /// `to_failure` only a match becoming none counts)?
    fn extension_changes(&self, st: &MatchState, to_failure: bool) -> bool {
        let Some(re) = st.regex() else {
            return false;
        };
        let (a, b) = st.region.unwrap_or((0, st.text.len()));
        let at = st.op_at.clamp(a, b);
        let base = st.text.get(at..b).unwrap_or("");
        let end_of = |t: &str| -> Option<usize> {
            let sp = if st.op == LastOp::Matches && to_failure {
                re.matches_whole(t)
            } else {
                re.looking_at(t)
            };
            sp.and_then(|s| s.first().copied().flatten())
                .map(|(_, e)| e)
        };
        let orig = end_of(base);
        let mut probes: Vec<char> = re.source().chars().collect();
        probes.extend(" aZ0_\n\t.-,;:()[]\"'\u{e9}".chars());
        probes.sort_unstable();
        probes.dedup();
        let mut t = String::with_capacity(base.len() + 4);
        probes.into_iter().take(96).any(|c| {
            t.clear();
            t.push_str(base);
            t.push(c);
            let now = end_of(&t);
            if to_failure {
                orig.is_some() && now.is_none()
            } else {
                now != orig
            }
        })
    }

    /// Matcher.groupCount().
    pub fn group_count(&self) -> usize {
        super::gc::lock(&self.state)
            .regex()
            .map_or(0, Regex::group_count)
    }

    /// The index of the named group `name` of the pattern.
    pub fn group_index(&self, name: &str) -> Result<usize> {
        let st = super::gc::lock(&self.state);
        match st.regex() {
            Some(r) => r.group_index(name),
            None => Err(no_match()),
        }
    }

    /// Matcher.group(n): the text of group n of the current match (None
    /// when the group did not take part).
    pub fn group(&self, n: usize) -> Result<Option<String>> {
        let st = super::gc::lock(&self.state);
        let Some(spans) = &st.last else {
            return Err(no_match());
        };
        match spans.get(n) {
            Some(sp) => Ok(sp.map(|(a, b)| st.text.get(a..b).unwrap_or("").to_string())),
            None => Err(Exception::new(
                ExClass::IndexOutOfBoundsException,
                format!("No group {n}"),
            )),
        }
    }

    /// Matcher.start() / end() of the current match, in UTF-16 units.
    pub fn bounds(&self) -> Result<(usize, usize)> {
        let (a, b) = self.group_bounds(0)?.ok_or_else(no_match)?;
        Ok((a as usize, b as usize))
    }

    /// Matcher.start(n) / end(n) in UTF-16 units; None when group n did
    /// not take part (the JVM's -1).
    pub fn group_bounds(&self, n: usize) -> Result<Option<(i64, i64)>> {
        let st = super::gc::lock(&self.state);
        let Some(spans) = &st.last else {
            return Err(no_match());
        };
        match spans.get(n) {
            Some(sp) => Ok(sp.map(|(a, b)| (st.units(a) as i64, st.units(b) as i64))),
            None => Err(Exception::new(
                ExClass::IndexOutOfBoundsException,
                format!("No group {n}"),
            )),
        }
    }

    /// Matcher.appendReplacement's text: the input from the append
    /// position to the match, then `rep` expanded; moves the append
    /// position past the match.
    pub fn append_replacement(&self, rep: &str) -> Result<String> {
        let mut st = super::gc::lock(&self.state);
        let Some(spans) = st.last.clone() else {
            return Err(no_match());
        };
        let (a, b) = spans.first().copied().flatten().ok_or_else(no_match)?;
        let mut out = st.text.get(st.append.min(a)..a).unwrap_or("").to_string();
        expand_replacement(rep, &st.text, &spans, &mut out)?;
        st.append = b;
        Ok(out)
    }

    /// Matcher.appendTail's text: the input from the append position.
    pub fn append_tail(&self) -> String {
        let st = super::gc::lock(&self.state);
        st.text.get(st.append..).unwrap_or("").to_string()
    }

    /// Matcher.replaceAll / replaceFirst: reset, then replace in the whole
    /// input.
    pub fn replace(&self, rep: &str, first_only: bool) -> Result<String> {
        let mut st = super::gc::lock(&self.state);
        st.reset();
        match st.regex() {
            Some(re) => re.replace(&st.text, rep, first_only),
            None => Ok(st.text.clone()),
        }
    }

    /// Matcher.toString().
    pub fn java_string(&self) -> String {
        let st = super::gc::lock(&self.state);
        let last = st
            .last
            .as_ref()
            .and_then(|s| s.first().copied().flatten())
            .map_or(String::new(), |(a, b)| st.text[a..b].to_string());
        let src = st.regex().map_or("", |r| r.source());
        let (ra, rb) = st.region.unwrap_or((0, st.text.len()));
        format!(
            "java.util.regex.Matcher[pattern={src} region={},{} lastmatch={last}]",
            st.units(ra),
            st.units(rb)
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
