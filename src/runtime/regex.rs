//! Regex patterns (`#"..."`) on regex-automata.

use super::error::{ExClass, Exception, Result};
use super::gc::Ref;
use super::value::Value;

pub struct Regex {
    source: String,
    re: regex_automata::meta::Regex,
    /// `(?:source)\z`, compiled on first `re-matches`: an anchored search of
    /// it is Java's `Matcher.matches()` (the whole input, trying alternatives
    /// a leftmost-first search of `source` would not).
    whole: std::sync::OnceLock<regex_automata::meta::Regex>,
}

impl Regex {
    /// Compile a pattern; a syntax error is a PatternSyntaxException-like
    /// IllegalArgumentException.
    pub fn new(source: &str) -> Result<Regex> {
        match regex_automata::meta::Regex::new(source) {
            Ok(re) => Ok(Regex {
                source: source.to_string(),
                re,
                whole: std::sync::OnceLock::new(),
            }),
            Err(e) => Err(Exception::new(
                ExClass::IllegalArgumentException,
                format!("Invalid regex {source:?}: {e}"),
            )),
        }
    }
    pub fn source(&self) -> &str {
        &self.source
    }
    pub fn regex(&self) -> &regex_automata::meta::Regex {
        &self.re
    }

    /// Java's `find` from byte offset `start`: the group spans of the first
    /// match (group 0 first; None for groups that did not take part).
    pub fn find_at(&self, s: &str, start: usize) -> Option<Vec<Option<(usize, usize)>>> {
        let input = regex_automata::Input::new(s).span(start..s.len());
        let mut caps = self.re.create_captures();
        self.re.search_captures(&input, &mut caps);
        groups(&caps)
    }

    /// Java's `matches`: the group spans when the pattern matches all of `s`.
    pub fn matches_whole(&self, s: &str) -> Option<Vec<Option<(usize, usize)>>> {
        let whole = match self.whole.get() {
            Some(w) => w,
            None => {
                let w =
                    regex_automata::meta::Regex::new(&format!("(?:{})\\z", self.source)).ok()?;
                self.whole.get_or_init(|| w)
            }
        };
        let input = regex_automata::Input::new(s).anchored(regex_automata::Anchored::Yes);
        let mut caps = whole.create_captures();
        whole.search_captures(&input, &mut caps);
        groups(&caps)
    }
}

fn groups(caps: &regex_automata::util::captures::Captures) -> Option<Vec<Option<(usize, usize)>>> {
    if !caps.is_match() {
        return None;
    }
    Some(
        (0..caps.group_len())
            .map(|i| caps.get_group(i).map(|sp| (sp.start, sp.end)))
            .collect(),
    )
}

impl Value {
    pub fn regex(source: &str) -> Result<Value> {
        Ok(Value::from(Ref::new(Regex::new(source)?)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            }),
        }
    }

    fn regex(&self) -> Option<&Regex> {
        match self.pattern.view() {
            super::value::View::Regex(r) => Some(r),
            _ => None,
        }
    }

    /// Matcher.find(): the next match; false (and no current match) at the end.
    pub fn find(&self) -> bool {
        let mut st = super::gc::lock(&self.state);
        let found = match (st.next, self.regex()) {
            (Some(at), Some(re)) if at <= self.text.len() => re.find_at(&self.text, at),
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
        let spans = self.regex().and_then(|re| re.matches_whole(&self.text));
        let mut st = super::gc::lock(&self.state);
        let ok = spans.is_some();
        st.last = spans;
        ok
    }

    /// Matcher.groupCount().
    pub fn group_count(&self) -> usize {
        self.regex()
            .map_or(0, |re| re.regex().captures_len().saturating_sub(1))
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
