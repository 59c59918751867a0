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
