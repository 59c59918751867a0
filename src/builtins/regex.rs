//! Regexes in clojure.core: re-pattern re-find re-matches re-seq.
//! Results follow java.util.regex: a pattern without groups gives the match
//! string, one with groups a vector [match group1 ...] (nil for groups that
//! did not take part).

use super::seq::lazy;
use super::{Def, check_arity};
use crate::runtime::compare::cast_message;
use crate::runtime::error::{Result, err};
use crate::runtime::gc::Ref;
use crate::runtime::regex::Regex;
use crate::runtime::seq;
use crate::runtime::value::{Value, View};

pub(crate) const DEFS: &[Def] = &[
    Def::f("re-pattern", re_pattern),
    Def::f("re-find", re_find),
    Def::f("re-matches", re_matches),
    Def::f("re-seq", re_seq),
    Def::f("re-matcher", re_matcher),
    Def::f("re-groups", re_groups),
];

fn re_pattern(args: &[Value]) -> Result<Value> {
    check_arity("re-pattern", args, 1, Some(1))?;
    match args[0].view() {
        View::Regex(_) => Ok(args[0].clone()),
        View::Str(s) => Value::regex(s.as_str()),
        _ => err::class_cast(cast_message(args[0].class_name(), "java.lang.String")),
    }
}

/// The pattern and the string of `(re-x re s)`, cast as the JVM does.
fn pattern_and_str(args: &[Value]) -> Result<(&Regex, String)> {
    let re = match args[0].view() {
        View::Regex(r) => r,
        _ => {
            return err::class_cast(cast_message(
                args[0].class_name(),
                "java.util.regex.Pattern",
            ));
        }
    };
    let s = match args[1].view() {
        View::Str(s) => s.as_str().to_string(),
        View::Nil => {
            return err::npe(
                "Cannot invoke \"java.lang.CharSequence.length()\" because \"this.text\" is null",
            );
        }
        // Any other CharSequence (a StringBuilder, a deftype implementing
        // it): its toString.
        _ if crate::runtime::host::is_instance("java.lang.CharSequence", &args[1]) => {
            crate::runtime::printer::str_value(&args[1])?
        }
        _ => return err::class_cast(cast_message(args[1].class_name(), "java.lang.CharSequence")),
    };
    Ok((re, s))
}

/// re-groups of one match.
fn groups_value(s: &str, spans: &[Option<(usize, usize)>]) -> Value {
    let text = |sp: &Option<(usize, usize)>| match sp {
        Some((a, b)) => Value::string(s.get(*a..*b).unwrap_or("")),
        None => Value::NIL,
    };
    match spans {
        [whole] => text(whole),
        _ => Value::vector(spans.iter().map(text).collect()),
    }
}

fn re_find(args: &[Value]) -> Result<Value> {
    check_arity("re-find", args, 1, Some(2))?;
    if let [m] = args {
        // (re-find matcher): the next match's groups, or nil.
        let mt = matcher_arg(m)?;
        return if mt.find() {
            matcher_groups(mt)
        } else {
            Ok(Value::NIL)
        };
    }
    let (re, s) = pattern_and_str(args)?;
    Ok(match re.find_at(&s, 0) {
        Some(spans) => groups_value(&s, &spans),
        None => Value::NIL,
    })
}

fn re_matches(args: &[Value]) -> Result<Value> {
    check_arity("re-matches", args, 2, Some(2))?;
    let (re, s) = pattern_and_str(args)?;
    Ok(match re.matches_whole(&s) {
        Some(spans) => groups_value(&s, &spans),
        None => Value::NIL,
    })
}

fn re_seq(args: &[Value]) -> Result<Value> {
    check_arity("re-seq", args, 2, Some(2))?;
    let (_, s) = pattern_and_str(args)?;
    find_seq(args[0].clone(), Ref::new(s), 0)
}

/// Successive finds from `start`: nil when there is none, else the first
/// match consed eagerly onto a lazy rest (core.clj's re-seq `step`); after
/// an empty match the next search starts one char later, like Matcher.find.
fn find_seq(re: Value, s: Ref<String>, start: usize) -> Result<Value> {
    let View::Regex(r) = re.view() else {
        return Ok(Value::NIL);
    };
    if start > s.len() {
        return Ok(Value::NIL);
    }
    let Some(spans) = r.find_at(&s, start) else {
        return Ok(Value::NIL);
    };
    let (a, b) = spans.first().copied().flatten().unwrap_or((start, start));
    let next = if b == a {
        b + s
            .get(b..)
            .and_then(|t| t.chars().next())
            .map_or(1, char::len_utf8)
    } else {
        b
    };
    let item = groups_value(&s, &spans);
    seq::cons(item, &lazy(move || find_seq(re, s, next)))
}

/// `(re-matcher re s)`: a java.util.regex.Matcher.
fn re_matcher(args: &[Value]) -> Result<Value> {
    check_arity("re-matcher", args, 2, Some(2))?;
    let (_, s) = pattern_and_str(args)?;
    Ok(Value::from(Ref::new(
        crate::runtime::object::HostObject::Matcher(crate::runtime::regex::Matcher::new(
            args[0].clone(),
            s,
        )),
    )))
}

fn matcher_arg(m: &Value) -> Result<&crate::runtime::regex::Matcher> {
    match m.view() {
        View::HostObject(crate::runtime::object::HostObject::Matcher(mt)) => Ok(mt),
        _ => err::class_cast(cast_message(m.class_name(), "java.util.regex.Matcher")),
    }
}

/// The current match of a matcher as re-groups returns it.
fn matcher_groups(mt: &crate::runtime::regex::Matcher) -> Result<Value> {
    let n = mt.group_count();
    let text = |g: Option<String>| g.map_or(Value::NIL, Value::string);
    if n == 0 {
        return Ok(text(mt.group(0)?));
    }
    let mut out = Vec::with_capacity(n + 1);
    for i in 0..=n {
        out.push(text(mt.group(i)?));
    }
    Ok(Value::vector(out))
}

/// `(re-groups m)`: the groups of the matcher's current match;
/// IllegalStateException "No match found" when it has none.
fn re_groups(args: &[Value]) -> Result<Value> {
    check_arity("re-groups", args, 1, Some(1))?;
    matcher_groups(matcher_arg(&args[0])?)
}
