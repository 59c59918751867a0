//! Regex patterns (`#"..."`) on regex-automata.

use super::error::{ExClass, Exception, Result};
use super::gc::Ref;
use super::value::Value;

pub struct Regex {
    source: String,
    re: regex_automata::meta::Regex,
}

impl Regex {
    /// Compile a pattern; a syntax error is a PatternSyntaxException-like
    /// IllegalArgumentException.
    pub fn new(source: &str) -> Result<Regex> {
        match regex_automata::meta::Regex::new(source) {
            Ok(re) => Ok(Regex {
                source: source.to_string(),
                re,
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
}

impl Value {
    pub fn regex(source: &str) -> Result<Value> {
        Ok(Value::from(Ref::new(Regex::new(source)?)))
    }
}
