//! clojure.string, in Rust. Each fn follows clojure/string.clj over Java's
//! String methods: indices count UTF-16 units, `split` is Pattern.split,
//! `replace` with a regex takes Java's `$n` replacement syntax, and the
//! exceptions on nil or wrong types are the JVM's.

use crate::builtins::Def;
use crate::builtins::string::str_of;
use crate::runtime::compare::cast_message;
use crate::runtime::error::{ExClass, Exception, Result, err};
use crate::runtime::func;
use crate::runtime::object::HostObject;
use crate::runtime::regex::Regex;
use crate::runtime::seq;
use crate::runtime::value::{Value, View};
use std::borrow::Cow;

pub(crate) const DEFS: &[Def] = &[
    Def::f("blank?", blank),
    Def::f("capitalize", capitalize),
    Def::f("ends-with?", ends_with),
    Def::f("escape", escape),
    Def::f("includes?", includes),
    Def::f("index-of", index_of),
    Def::f("join", join),
    Def::f("last-index-of", last_index_of),
    Def::f("lower-case", lower_case),
    Def::f("re-quote-replacement", re_quote_replacement),
    Def::f("replace", replace),
    Def::f("replace-first", replace_first),
    Def::f("reverse", reverse),
    Def::f("split", split),
    Def::f("split-lines", split_lines),
    Def::f("starts-with?", starts_with),
    Def::f("trim", trim),
    Def::f("trim-newline", trim_newline),
    Def::f("triml", triml),
    Def::f("trimr", trimr),
    Def::f("upper-case", upper_case),
];

fn arity(name: &str, args: &[Value], min: usize, max: usize) -> Result<()> {
    if args.len() < min || args.len() > max {
        return Err(Exception::new(
            ExClass::ArityException,
            format!(
                "Wrong number of args ({}) passed to: clojure.string/{name}",
                args.len()
            ),
        ));
    }
    Ok(())
}

/// `(.toString s)` on an Object param named `s`: nil is the JVM's NPE.
fn to_string(v: &Value, param: &str) -> Result<String> {
    match v.view() {
        View::Nil => err::npe(format!(
            "Cannot invoke \"Object.toString()\" because \"{param}\" is null"
        )),
        View::Str(s) => Ok(s.as_str().to_string()),
        _ => str_of(std::slice::from_ref(v)),
    }
}

/// A `^CharSequence` param: a string, else the JVM's cast error; nil gives
/// the NPE of the first method called on it (`method`, e.g. "length()").
fn char_seq<'a>(v: &'a Value, param: &str, method: &str) -> Result<Cow<'a, str>> {
    match v.view() {
        View::Str(s) => Ok(Cow::Borrowed(s.as_str())),
        // StringBuilder / StringBuffer: their current text.
        View::HostObject(o @ (HostObject::StringBuilder(_) | HostObject::StringBuffer(_))) => {
            Ok(Cow::Owned(o.to_java_string(0)?))
        }
        View::Nil => err::npe(format!(
            "Cannot invoke \"java.lang.CharSequence.{method}\" because \"{param}\" is null"
        )),
        _ => err::class_cast(cast_message(v.class_name(), "java.lang.CharSequence")),
    }
}

/// `(instance? CharSequence v)` for the kinds of text we model.
fn is_char_seq(v: &Value) -> bool {
    matches!(
        v.view(),
        View::Str(_) | View::HostObject(HostObject::StringBuilder(_) | HostObject::StringBuffer(_))
    )
}

/// A `^String` argument (cast on the call).
fn string_arg(v: &Value) -> Result<Option<&str>> {
    match v.view() {
        View::Str(s) => Ok(Some(s.as_str())),
        View::Nil => Ok(None),
        _ => err::class_cast(cast_message(v.class_name(), "java.lang.String")),
    }
}

/// Character.isWhitespace (not Rust's `char::is_whitespace`: no-break
/// spaces are not whitespace in Java).
pub(crate) fn java_whitespace(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | '\u{1c}'..='\u{1f}'
    ) || (c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{85}'))
}

fn blank(args: &[Value]) -> Result<Value> {
    arity("blank?", args, 1, 1)?;
    if args[0].is_nil() {
        return Ok(Value::TRUE);
    }
    let s = char_seq(&args[0], "s", "length()")?;
    let s: &str = &s;
    Ok(Value::bool(s.chars().all(java_whitespace)))
}

fn capitalize(args: &[Value]) -> Result<Value> {
    arity("capitalize", args, 1, 1)?;
    let s = to_string(&args[0], "s")?;
    let mut it = s.chars();
    Ok(Value::string(match it.next() {
        None => String::new(),
        Some(c) if it.as_str().is_empty() => c.to_uppercase().collect(),
        Some(c) => {
            let mut out: String = c.to_uppercase().collect();
            out.push_str(&java_lower(it.as_str()));
            out
        }
    }))
}

/// String.toLowerCase (Rust's also lowers a final sigma to ς, as Java does).
fn java_lower(s: &str) -> String {
    s.to_lowercase()
}

fn upper_case(args: &[Value]) -> Result<Value> {
    arity("upper-case", args, 1, 1)?;
    Ok(Value::string(to_string(&args[0], "s")?.to_uppercase()))
}

fn lower_case(args: &[Value]) -> Result<Value> {
    arity("lower-case", args, 1, 1)?;
    Ok(Value::string(java_lower(&to_string(&args[0], "s")?)))
}

fn starts_with(args: &[Value]) -> Result<Value> {
    arity("starts-with?", args, 2, 2)?;
    let s = to_string(&args[0], "s")?;
    let p = string_arg(&args[1])?;
    match p {
        Some(p) => Ok(Value::bool(s.starts_with(p))),
        None => err::npe("Cannot invoke \"String.length()\" because \"prefix\" is null"),
    }
}

fn ends_with(args: &[Value]) -> Result<Value> {
    arity("ends-with?", args, 2, 2)?;
    let s = to_string(&args[0], "s")?;
    match string_arg(&args[1])? {
        Some(p) => Ok(Value::bool(s.ends_with(p))),
        None => err::npe("Cannot invoke \"String.length()\" because \"suffix\" is null"),
    }
}

fn includes(args: &[Value]) -> Result<Value> {
    arity("includes?", args, 2, 2)?;
    let s = to_string(&args[0], "s")?;
    let sub = char_seq(&args[1], "s", "toString()")?;
    let sub: &str = &sub;
    Ok(Value::bool(s.contains(sub)))
}

/// UTF-16 index of byte offset `b` in `s`.
fn utf16_index(s: &str, b: usize) -> usize {
    s.get(..b).map_or(0, |p| p.encode_utf16().count())
}

/// Byte offset of UTF-16 index `i` (clamped to the string).
fn byte_offset(s: &str, i: usize) -> usize {
    let mut units = 0;
    for (b, c) in s.char_indices() {
        if units >= i {
            return b;
        }
        units += c.len_utf16();
    }
    s.len()
}

/// The `value` of index-of / last-index-of: a char or a String.
fn needle(v: &Value) -> Result<String> {
    match v.view() {
        View::Char(c) => Ok(c.to_string()),
        View::Str(s) => Ok(s.as_str().to_string()),
        View::Nil => err::npe("Cannot invoke \"String.length()\" because \"str\" is null"),
        _ => err::class_cast(cast_message(v.class_name(), "java.lang.String")),
    }
}

fn from_index(v: &Value) -> Result<i64> {
    match v.view() {
        View::Long(n) => Ok(n),
        _ => crate::runtime::number::to_int(v).map(i64::from),
    }
}

fn index_of(args: &[Value]) -> Result<Value> {
    arity("index-of", args, 2, 3)?;
    let s = char_seq(&args[0], "s", "toString()")?;
    let s: &str = &s;
    let n = needle(&args[1])?;
    let from = match args.get(2) {
        Some(f) => from_index(f)?.max(0) as usize,
        None => 0,
    };
    let start = byte_offset(s, from);
    if from > s.encode_utf16().count() {
        return Ok(if n.is_empty() {
            Value::long(s.encode_utf16().count() as i64)
        } else {
            Value::NIL
        });
    }
    Ok(match s.get(start..).and_then(|t| t.find(&n)) {
        Some(b) => Value::long(utf16_index(s, start + b) as i64),
        None => Value::NIL,
    })
}

fn last_index_of(args: &[Value]) -> Result<Value> {
    arity("last-index-of", args, 2, 3)?;
    let s = char_seq(&args[0], "s", "toString()")?;
    let s: &str = &s;
    let n = needle(&args[1])?;
    let len16 = s.encode_utf16().count() as i64;
    // String.lastIndexOf(str, from): the match may start at `from` at most.
    let from = match args.get(2) {
        Some(f) => from_index(f)?,
        None => len16,
    };
    if from < 0 {
        return Ok(Value::NIL);
    }
    let limit = byte_offset(s, from.min(len16) as usize);
    let hay = s.get(..(limit + n.len()).min(s.len())).unwrap_or(s);
    Ok(match hay.rfind(&n) {
        Some(b) => Value::long(utf16_index(s, b) as i64),
        None => Value::NIL,
    })
}

fn join(args: &[Value]) -> Result<Value> {
    arity("join", args, 1, 2)?;
    let (sep, coll) = match args {
        [coll] => (String::new(), coll),
        [sep, coll] => (str_of(std::slice::from_ref(sep))?, coll),
        _ => return Ok(Value::NIL),
    };
    let mut out = String::new();
    let mut first = true;
    for x in seq::iter(coll) {
        let x = x?;
        if !first {
            out.push_str(&sep);
        }
        first = false;
        out.push_str(&str_of(std::slice::from_ref(&x))?);
    }
    Ok(Value::string(out))
}

fn escape(args: &[Value]) -> Result<Value> {
    arity("escape", args, 2, 2)?;
    let s = char_seq(&args[0], "s", "length()")?;
    let s: &str = &s;
    let cmap = &args[1];
    if cmap.is_nil() {
        return err::npe(
            "Cannot invoke \"clojure.lang.IFn.invoke(Object)\" because \"cmap\" is null",
        );
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let r = func::invoke(cmap, &[Value::char(c)])?;
        if r.is_nil() {
            out.push(c);
        } else {
            out.push_str(&str_of(std::slice::from_ref(&r))?);
        }
    }
    Ok(Value::string(out))
}

fn reverse(args: &[Value]) -> Result<Value> {
    arity("reverse", args, 1, 1)?;
    let s = char_seq(&args[0], "seq", "length()")?;
    let s: &str = &s;
    Ok(Value::string(s.chars().rev().collect::<String>()))
}

fn trim_by(args: &[Value], name: &str, left: bool, right: bool) -> Result<Value> {
    arity(name, args, 1, 1)?;
    let s = char_seq(&args[0], "s", "length()")?;
    let s: &str = &s;
    let mut t = s;
    if left {
        t = t.trim_start_matches(java_whitespace);
    }
    if right {
        t = t.trim_end_matches(java_whitespace);
    }
    Ok(Value::string(t))
}

fn trim(args: &[Value]) -> Result<Value> {
    trim_by(args, "trim", true, true)
}
fn triml(args: &[Value]) -> Result<Value> {
    trim_by(args, "triml", true, false)
}
fn trimr(args: &[Value]) -> Result<Value> {
    trim_by(args, "trimr", false, true)
}

fn trim_newline(args: &[Value]) -> Result<Value> {
    arity("trim-newline", args, 1, 1)?;
    let s = char_seq(&args[0], "s", "length()")?;
    let s: &str = &s;
    Ok(Value::string(s.trim_end_matches(['\n', '\r'])))
}

fn re_quote_replacement(args: &[Value]) -> Result<Value> {
    arity("re-quote-replacement", args, 1, 1)?;
    let s = char_seq(&args[0], "s", "toString()")?;
    let s: &str = &s;
    Ok(Value::string(quote_replacement(s)))
}

/// Matcher.quoteReplacement: `\` and `$` escaped.
fn quote_replacement(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '\\' || c == '$' {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

// ------------------------------------------------------------ regexes

fn regex_of(v: &Value) -> Option<&Regex> {
    match v.view() {
        View::Regex(r) => Some(r),
        _ => None,
    }
}

use crate::runtime::regex::Spans;

/// re-groups of one match: the string, or [match g1 ...] with groups.
fn groups_value(s: &str, spans: &Spans) -> Value {
    let text = |sp: &Option<(usize, usize)>| match sp {
        Some((a, b)) => Value::string(s.get(*a..*b).unwrap_or("")),
        None => Value::NIL,
    };
    match spans.as_slice() {
        [whole] => text(whole),
        _ => Value::vector(spans.iter().map(text).collect()),
    }
}

/// How one match is replaced: Java replacement syntax, or a fn of the
/// match's groups whose result is taken literally.
enum Replacement<'a> {
    Template(&'a str),
    Fn(&'a Value),
}

fn replace_matches(s: &str, re: &Regex, rep: Replacement, limit: Option<usize>) -> Result<Value> {
    let matches = re.find_all(s, limit);
    if matches.is_empty() {
        return Ok(Value::string(s));
    }
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for spans in &matches {
        let Some((a, b)) = spans.first().copied().flatten() else {
            continue;
        };
        out.push_str(s.get(last..a).unwrap_or(""));
        match rep {
            Replacement::Template(t) => {
                crate::runtime::regex::expand_replacement(t, s, spans, &mut out)?
            }
            Replacement::Fn(f) => {
                let r = func::invoke(f, &[groups_value(s, spans)])?;
                out.push_str(&str_of(std::slice::from_ref(&r))?);
            }
        }
        last = b;
    }
    out.push_str(s.get(last..).unwrap_or(""));
    Ok(Value::string(out))
}

fn replace_impl(args: &[Value], name: &str, first_only: bool) -> Result<Value> {
    arity(name, args, 3, 3)?;
    // `(.toString s)` on the ^CharSequence hint resolves to Object's
    // toString: any object is taken as its text (only nil throws).
    let s = if is_char_seq(&args[0]) || args[0].is_nil() {
        char_seq(&args[0], "s", "toString()")?
    } else {
        Cow::Owned(str_of(std::slice::from_ref(&args[0]))?)
    };
    let s: &str = &s;
    let (m, r) = (&args[1], &args[2]);
    let limit = first_only.then_some(1);
    match (m.view(), r.view()) {
        (View::Char(a), View::Char(b)) => {
            let (a, b) = (a.to_string(), b.to_string());
            Ok(Value::string(if first_only {
                s.replacen(&a, &b, 1)
            } else {
                s.replace(&a, &b)
            }))
        }
        (View::Str(_) | View::HostObject(_), _) if is_char_seq(m) => {
            let a = char_seq(m, "target", "toString()")?;
            let a: &str = &a;
            let b = char_seq(r, "replacement", "toString()")?;
            let b: &str = &b;
            Ok(Value::string(if first_only {
                s.replacen(a, b, 1)
            } else if a.is_empty() {
                // String.replace("", x) inserts x between every char.
                let mut out = String::from(b);
                for c in s.chars() {
                    out.push(c);
                    out.push_str(b);
                }
                out
            } else {
                s.replace(a, b)
            }))
        }
        (View::Regex(_), _) => {
            let Some(re) = regex_of(m) else {
                return Ok(Value::NIL);
            };
            match r.view() {
                View::Str(t) => replace_matches(s, re, Replacement::Template(t.as_str()), limit),
                _ if is_char_seq(r) => {
                    let t = char_seq(r, "replacement", "toString()")?;
                    replace_matches(s, re, Replacement::Template(&t), limit)
                }
                View::Char(c) => {
                    let t = c.to_string();
                    replace_matches(s, re, Replacement::Template(&t), limit)
                }
                _ => replace_matches(s, re, Replacement::Fn(r), limit),
            }
        }
        _ => err::illegal_arg(format!(
            "Invalid match arg: {}",
            str_of(std::slice::from_ref(m))?
        )),
    }
}

fn replace(args: &[Value]) -> Result<Value> {
    replace_impl(args, "replace", false)
}

fn replace_first(args: &[Value]) -> Result<Value> {
    replace_impl(args, "replace-first", true)
}

/// Pattern.split(input, limit) as a vector of strings.
fn pattern_split(re: &Regex, s: &str, limit: i64) -> Vec<Value> {
    re.split(s, limit).into_iter().map(Value::string).collect()
}

fn split(args: &[Value]) -> Result<Value> {
    arity("split", args, 2, 3)?;
    // `(.split re s limit)` with hinted args: the JVM casts re to Pattern,
    // then s to CharSequence, then converts limit; a nil s fails last, in
    // Pattern.split.
    // A nil re passes the cast and fails at the call, after s and limit.
    let re = match regex_of(&args[1]) {
        Some(re) => Some(re),
        None if args[1].is_nil() => None,
        None => {
            return err::class_cast(cast_message(
                args[1].class_name(),
                "java.util.regex.Pattern",
            ));
        }
    };
    let text = if args[0].is_nil() {
        None
    } else {
        Some(char_seq(&args[0], "this.text", "length()")?)
    };
    // An int parameter of a Java method: the arg is cast to Number.
    let limit = match args.get(2) {
        Some(l) if !crate::runtime::number::is_number(l) => {
            return err::class_cast(cast_message(l.class_name(), "java.lang.Number"));
        }
        Some(l) => crate::runtime::number::to_int(l)? as i64,
        None => 0,
    };
    let Some(re) = re else {
        let params = if args.len() == 3 {
            "java.lang.CharSequence, int"
        } else {
            "java.lang.CharSequence"
        };
        return err::npe(format!(
            "Cannot invoke \"java.util.regex.Pattern.split({params})\" because \"re\" is null"
        ));
    };
    let s = match text {
        Some(s) => s,
        None => char_seq(&args[0], "this.text", "length()")?,
    };
    Ok(Value::vector(pattern_split(re, &s, limit)))
}

fn split_lines(args: &[Value]) -> Result<Value> {
    arity("split-lines", args, 1, 1)?;
    let s = char_seq(&args[0], "this.text", "length()")?;
    let s: &str = &s;
    let re = Regex::new("\r?\n")?;
    Ok(Value::vector(pattern_split(&re, s, 0)))
}
