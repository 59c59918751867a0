//! java.util.regex.Matcher methods: `.find` `.matches` `.group` `.groupCount`
//! `.start` `.end`.

use crate::runtime::class::ClassDef;
use crate::runtime::error::Result;
use crate::runtime::number;
use crate::runtime::object::HostObject;
use crate::runtime::value::{Value, View};

/// Matcher methods; None when `target` is not a Matcher or `method` is not
/// one of these (Object's methods fall through).
pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    if let View::Regex(r) = target.view() {
        return pattern(target, r, method, args);
    }
    let View::HostObject(HostObject::Matcher(m)) = target.view() else {
        return None;
    };
    let text = |g: Option<String>| g.map_or(Value::NIL, Value::string);
    Some(match (method, args) {
        ("find", []) => Ok(Value::bool(m.find())),
        ("matches", []) => Ok(Value::bool(m.matches())),
        ("lookingAt", []) => Ok(Value::bool(m.looking_at())),
        ("region", [start, end]) => (|| {
            m.region(number::to_long(start)?, number::to_long(end)?)?;
            Ok(target.clone())
        })(),
        ("reset", []) => {
            m.reset();
            Ok(target.clone())
        }
        ("groupCount", []) => Ok(Value::long(m.group_count() as i64)),
        ("group", []) => m.group(0).map(text),
        ("group", [n]) => number::to_long(n).and_then(|n| m.group(n.max(0) as usize).map(text)),
        ("start", []) => m.bounds().map(|(a, _)| Value::long(a as i64)),
        ("end", []) => m.bounds().map(|(_, b)| Value::long(b as i64)),
        _ => return None,
    })
}

/// java.util.regex.Pattern methods.
fn pattern(
    target: &Value,
    r: &crate::runtime::regex::Regex,
    method: &str,
    args: &[Value],
) -> Option<Result<Value>> {
    let text = |v: &Value| crate::runtime::printer::str_value(v);
    Some(match (method, args) {
        ("matcher", [s]) => text(s).map(|s| {
            Value::from(crate::runtime::gc::Ref::new(HostObject::Matcher(
                crate::runtime::regex::Matcher::new(target.clone(), s),
            )))
        }),
        ("pattern" | "toString", []) => Ok(Value::string(r.source())),
        ("split", [s]) => text(s).map(|s| strings(r.split(&s, 0))),
        ("split", [s, limit]) => (|| {
            let s = text(s)?;
            let limit = number::to_long(limit)?;
            Ok(strings(r.split(&s, limit)))
        })(),
        _ => return None,
    })
}

/// A String[] of `parts`.
fn strings(parts: Vec<&str>) -> Value {
    Value::from(crate::runtime::gc::Ref::new(HostObject::Array(
        "[Ljava.lang.String;",
        crate::runtime::gc::Lock::new(parts.into_iter().map(Value::string).collect()),
    )))
}

/// Pattern's static methods: `compile` (without flags), `quote`, `matches`.
pub fn call_static(member: &str, args: &[Value]) -> Option<Result<Value>> {
    let text = |v: &Value| crate::runtime::printer::str_value(v);
    Some(match (member, args) {
        ("compile", [s]) => text(s).and_then(|s| Value::regex(&s)),
        ("quote", [s]) => text(s).map(|s| Value::string(quote(&s))),
        ("matches", [re, s]) => (|| {
            let re = Value::regex(&text(re)?)?;
            let m = crate::runtime::regex::Matcher::new(re, text(s)?);
            Ok(Value::bool(m.matches()))
        })(),
        _ => return None,
    })
}

/// Pattern's `statics` hook.
fn pattern_statics(_: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    call_static(member, args)
}

/// Pattern.quote: the text inside `\Q...\E`, each `\E` in it closed and
/// reopened around a literal `\\E`.
fn quote(s: &str) -> String {
    format!("\\Q{}\\E", s.replace("\\E", "\\E\\\\E\\Q"))
}

/// The classes of this area (see `interop` for the format).
pub(super) static CLASSES: &[ClassDef] = &[
    ClassDef::class("java.util.regex.Pattern")
        .implements(&["java.io.Serializable"])
        .statics(&["compile", "quote", "matches"], pattern_statics),
    ClassDef::class("java.util.regex.Matcher").implements(&["java.util.regex.MatchResult"]),
    ClassDef::interface("java.util.regex.MatchResult"),
];
