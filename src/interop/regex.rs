//! java.util.regex.Pattern and Matcher: Pattern.compile with flags,
//! quote, split; Matcher's find/matches/lookingAt, groups by number or
//! name, start/end, region, hitEnd/requireEnd, appendReplacement/
//! appendTail, usePattern, reset(input), replaceAll/replaceFirst.
//! Streams (splitAsStream, results) and toMatchResult are not supported.

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
    let long = |n: i64| Value::long(n);
    // A group by number or by name.
    let group_of = |g: &Value| -> Result<usize> {
        match g.as_str() {
            // Matcher.getMatchedGroupIndex: "No match found" first.
            Some(name) => m.group(0).and_then(|_| m.group_index(name)),
            None => {
                let n = number::to_long(g)?;
                usize::try_from(n).map_err(|_| {
                    crate::runtime::error::Exception::new(
                        crate::runtime::error::ExClass::IndexOutOfBoundsException,
                        format!("No group {n}"),
                    )
                })
            }
        }
    };
    let bound = |g: &Value, end: bool| -> Result<Value> {
        let b = m.group_bounds(group_of(g)?)?;
        Ok(long(b.map_or(-1, |(a, z)| if end { z } else { a })))
    };
    Some(match (method, args) {
        ("find", []) => Ok(Value::bool(m.find())),
        ("find", [start]) => number::to_long(start).and_then(|s| m.find_from(s).map(Value::bool)),
        ("matches", []) => Ok(Value::bool(m.matches())),
        ("lookingAt", []) => Ok(Value::bool(m.looking_at())),
        ("hitEnd", []) => Ok(Value::bool(m.hit_end())),
        ("requireEnd", []) => Ok(Value::bool(m.require_end())),
        ("region", [start, end]) => (|| {
            m.region(number::to_long(start)?, number::to_long(end)?)?;
            Ok(target.clone())
        })(),
        ("regionStart", []) => Ok(long(m.region_bounds().0 as i64)),
        ("regionEnd", []) => Ok(long(m.region_bounds().1 as i64)),
        ("reset", []) => {
            m.reset();
            Ok(target.clone())
        }
        ("reset", [input]) => crate::runtime::printer::str_value(input).map(|s| {
            m.reset_input(s);
            target.clone()
        }),
        ("usePattern", [p]) => match p.view() {
            View::Regex(_) => {
                m.use_pattern(p.clone());
                Ok(target.clone())
            }
            _ if p.is_nil() => crate::runtime::error::err::illegal_arg("Pattern cannot be null"),
            _ => Err(super::no_method("usePattern", 1, "java.util.regex.Matcher")),
        },
        ("pattern", []) => Ok(m.pattern()),
        ("groupCount", []) => Ok(long(m.group_count() as i64)),
        ("group", []) => m.group(0).map(text),
        ("group", [g]) => group_of(g).and_then(|n| m.group(n).map(text)),
        ("start", []) => m.bounds().map(|(a, _)| long(a as i64)),
        ("end", []) => m.bounds().map(|(_, b)| long(b as i64)),
        ("start", [g]) => bound(g, false),
        ("end", [g]) => bound(g, true),
        ("appendReplacement", [sb, rep]) => (|| {
            let rep = crate::runtime::printer::str_value(rep)?;
            let piece = m.append_replacement(&rep)?;
            append_to(sb, &piece)?;
            Ok(target.clone())
        })(),
        ("appendTail", [sb]) => append_to(sb, &m.append_tail()).map(|_| sb.clone()),
        ("replaceAll" | "replaceFirst", [rep]) if rep.as_str().is_some() => {
            let rep = rep.as_str().unwrap_or_default().to_string();
            m.replace(&rep, method == "replaceFirst").map(Value::string)
        }
        ("results" | "toMatchResult", []) => crate::runtime::error::err::unsupported(format!(
            "cljw does not support java.util.regex.Matcher.{method}"
        )),
        _ => return None,
    })
}

/// Append `s` to a StringBuilder / StringBuffer.
fn append_to(sb: &Value, s: &str) -> Result<()> {
    match sb.view() {
        View::HostObject(HostObject::StringBuilder(b) | HostObject::StringBuffer(b)) => {
            crate::runtime::gc::lock(b).push_str(s);
            Ok(())
        }
        _ if sb.is_nil() => crate::runtime::error::err::npe(""),
        _ => Err(super::no_method(
            "appendReplacement",
            2,
            "java.util.regex.Matcher",
        )),
    }
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
        ("flags", []) => Ok(Value::long(i64::from(r.flags()))),
        ("splitAsStream" | "asPredicate" | "asMatchPredicate", _) => {
            crate::runtime::error::err::unsupported(format!(
                "cljw does not support java.util.regex.Pattern.{method}"
            ))
        }
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
        ("compile", [s, flags]) => (|| {
            let flags = i32::try_from(number::to_long(flags)?).unwrap_or(0);
            let re = crate::runtime::regex::Regex::with_flags(&text(s)?, flags)?;
            Ok(Value::from(crate::runtime::gc::Ref::new(re)))
        })(),
        ("quote", [s]) => text(s).map(|s| Value::string(quote(&s))),
        ("matches", [re, s]) => (|| {
            let re = Value::regex(&text(re)?)?;
            let m = crate::runtime::regex::Matcher::new(re, text(s)?);
            Ok(Value::bool(m.matches()))
        })(),
        _ => return None,
    })
}

/// Pattern's flag constants.
fn pattern_fields(_: &str, field: &str) -> Option<Value> {
    use crate::runtime::regex as r;
    let v = match field {
        "UNIX_LINES" => r::UNIX_LINES,
        "CASE_INSENSITIVE" => r::CASE_INSENSITIVE,
        "COMMENTS" => r::COMMENTS,
        "MULTILINE" => r::MULTILINE,
        "LITERAL" => r::LITERAL,
        "DOTALL" => r::DOTALL,
        "UNICODE_CASE" => r::UNICODE_CASE,
        "CANON_EQ" => r::CANON_EQ,
        "UNICODE_CHARACTER_CLASS" => r::UNICODE_CHARACTER_CLASS,
        _ => return None,
    };
    Some(Value::long(i64::from(v)))
}

/// Matcher's static: quoteReplacement (`\` and `$` escaped).
fn matcher_statics(_: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    match (member, args) {
        ("quoteReplacement", [s]) => Some(crate::runtime::printer::str_value(s).map(|s| {
            let mut out = String::with_capacity(s.len());
            for c in s.chars() {
                if c == '\\' || c == '$' {
                    out.push('\\');
                }
                out.push(c);
            }
            Value::string(out)
        })),
        _ => None,
    }
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
        .statics(&["compile", "quote", "matches"], pattern_statics)
        .fields(
            &[
                "UNIX_LINES",
                "CASE_INSENSITIVE",
                "COMMENTS",
                "MULTILINE",
                "LITERAL",
                "DOTALL",
                "UNICODE_CASE",
                "CANON_EQ",
                "UNICODE_CHARACTER_CLASS",
            ],
            pattern_fields,
        ),
    ClassDef::class("java.util.regex.Matcher")
        .implements(&["java.util.regex.MatchResult"])
        .statics(&["quoteReplacement"], matcher_statics),
    ClassDef::interface("java.util.regex.MatchResult"),
];
