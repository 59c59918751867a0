//! java.util.StringTokenizer: a mutable cursor over a string's tokens (also
//! a java.util.Enumeration, so `enumeration-seq` walks it).

use crate::runtime::class::ClassDef;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::object::{ForeignObject, HostObject};
use crate::runtime::value::{Value, View};

struct Tokenizer {
    text: Vec<char>,
    state: Lock<State>,
}

struct State {
    pos: usize,
    delims: Vec<char>,
    return_delims: bool,
}

impl ForeignObject for Tokenizer {}

const DEFAULT_DELIMS: &str = " \t\n\r\x0c";

impl State {
    fn is_delim(&self, c: char) -> bool {
        self.delims.contains(&c)
    }
    /// The position after any delimiters at `from` (none skipped when
    /// delimiters are tokens themselves).
    fn skip_delims(&self, text: &[char], mut from: usize) -> usize {
        while !self.return_delims && from < text.len() && self.is_delim(text[from]) {
            from += 1;
        }
        from
    }
    /// The end of the token starting at `from`.
    fn scan_token(&self, text: &[char], from: usize) -> usize {
        let mut i = from;
        while i < text.len() && !self.is_delim(text[i]) {
            i += 1;
        }
        if self.return_delims && i == from && i < text.len() {
            i += 1;
        }
        i
    }
    fn next_token(&mut self, text: &[char]) -> Result<String> {
        let start = self.skip_delims(text, self.pos);
        if start >= text.len() {
            self.pos = start;
            return Err(Exception::full(
                ExClass::NoSuchElementException,
                None,
                None,
                None,
            ));
        }
        let end = self.scan_token(text, start);
        self.pos = end;
        Ok(text[start..end].iter().collect())
    }
    fn count(&self, text: &[char]) -> i64 {
        let (mut n, mut at) = (0, self.pos);
        loop {
            at = self.skip_delims(text, at);
            if at >= text.len() {
                return n;
            }
            at = self.scan_token(text, at);
            n += 1;
        }
    }
}

fn text(v: &Value) -> Result<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(Exception::new(ExClass::NullPointerException, "")),
    }
}

pub(super) static CLASSES: &[ClassDef] = &[ClassDef::class("java.util.StringTokenizer")
    .implements(&["java.util.Enumeration"])
    .ctor(construct)];

/// `(StringTokenizer. s [delims [return-delims]])`.
fn construct(class: &str, args: &[Value]) -> Option<Result<Value>> {
    Some((|| {
        let (s, delims, return_delims) = match args {
            [s] => (text(s)?, DEFAULT_DELIMS.to_string(), false),
            [s, d] => (text(s)?, text(d)?, false),
            [s, d, r] => (text(s)?, text(d)?, r.truthy()),
            _ => return Err(super::no_ctor(class)),
        };
        let t = Tokenizer {
            text: s.chars().collect(),
            state: Lock::new(State {
                pos: 0,
                delims: delims.chars().collect(),
                return_delims,
            }),
        };
        Ok(Value::from(Ref::new(HostObject::Foreign(
            "java.util.StringTokenizer",
            Box::new(t),
        ))))
    })())
}

/// Methods of a StringTokenizer; None when `target` is not one.
pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let View::HostObject(o) = target.view() else {
        return None;
    };
    let t = o.foreign::<Tokenizer>()?;
    let mut st = lock(&t.state);
    Some(match (method, args) {
        ("hasMoreTokens" | "hasMoreElements", []) => {
            Ok(Value::bool(st.skip_delims(&t.text, st.pos) < t.text.len()))
        }
        ("nextToken" | "nextElement", []) => st.next_token(&t.text).map(Value::string),
        // nextToken(delims): the new delimiters stay in effect.
        ("nextToken", [d]) => text(d).and_then(|d| {
            st.delims = d.chars().collect();
            st.next_token(&t.text).map(Value::string)
        }),
        ("countTokens", []) => Ok(Value::long(st.count(&t.text))),
        _ => return None,
    })
}
