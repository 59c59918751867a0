//! Strings and names: str subs name namespace keyword symbol gensym
//! char-escape-string char-name-string parse-long parse-double
//! parse-boolean.

use super::io::current_opts;
use super::{Def, check_arity};
use crate::runtime::compare::cast_message;
use crate::runtime::error::{ExClass, Exception, Result, err};
use crate::runtime::number::to_int;
use crate::runtime::printer::{write_str, write_str_plain};
use crate::runtime::symbol::split_ns;
use crate::runtime::value::{Value, View};

pub(crate) const DEFS: &[Def] = &[
    Def::f("str", str),
    Def::f("subs", subs),
    Def::f("name", name),
    Def::f("namespace", namespace),
    Def::f("keyword", keyword),
    Def::f("symbol", symbol),
    Def::f("gensym", gensym),
    Def::f("char-escape-string", char_escape_string),
    Def::f("char-name-string", char_name_string),
    Def::f("parse-long", parse_long),
    Def::f("parse-double", parse_double),
    Def::f("parse-boolean", parse_boolean),
];

/// `(str x ...)`: each value's toString (nil is ""), concatenated.
pub fn str_of(args: &[Value]) -> Result<String> {
    if let [x] = args
        && let Some(s) = x.as_str()
    {
        return Ok(s.to_string());
    }
    // The print vars matter only to collections and the like: read them
    // when the first such argument comes.
    let mut opts = None;
    let mut out = String::new();
    for a in args {
        if !write_str_plain(&mut out, a) {
            write_str(&mut out, a, opts.get_or_insert_with(|| current_opts(true)))?;
        }
    }
    Ok(out)
}

fn str(args: &[Value]) -> Result<Value> {
    if let [x] = args
        && x.is_string()
    {
        return Ok(x.clone());
    }
    Ok(Value::string(str_of(args)?))
}

/// Java's `String.substring(begin, end)` over UTF-16 indices, through the
/// string's cached UTF-16 index.
pub fn substring_of(
    s: &crate::runtime::string::Str,
    begin: i64,
    end: Option<i64>,
) -> Result<String> {
    let len = s.utf16_len() as i64;
    let end_v = end.unwrap_or(len);
    let out_of_range = || {
        Exception::new(
            ExClass::StringIndexOutOfBoundsException,
            format!("begin {begin}, end {end_v}, length {len}"),
        )
        .at_jdk(crate::runtime::jdk_frame::STRING_CHECK_BOUNDS_BEGIN_END)
    };
    if begin < 0 || end_v > len || begin > end_v {
        return Err(out_of_range());
    }
    s.utf16_substring(begin as usize, end_v as usize)
        .ok_or_else(out_of_range)
}

fn subs(args: &[Value]) -> Result<Value> {
    check_arity("subs", args, 2, Some(3))?;
    let s = match args[0].view() {
        View::Str(s) => s,
        View::Nil => {
            return err::npe(
                "Cannot invoke \"String.substring(int)\" because \"s\" is null".to_string(),
            );
        }
        _ => {
            return err::class_cast(cast_message(args[0].class_name(), "java.lang.String"));
        }
    };
    let begin = i64::from(to_int(&args[1])?);
    let end = match args.get(2) {
        Some(e) => Some(i64::from(to_int(e)?)),
        None => None,
    };
    Ok(Value::string(substring_of(s, begin, end)?))
}

fn name(args: &[Value]) -> Result<Value> {
    check_arity("name", args, 1, Some(1))?;
    let x = &args[0];
    match x.view() {
        View::Str(_) => Ok(x.clone()),
        View::Keyword(k) => Ok(Value::string(k.name())),
        View::Symbol(s) => Ok(Value::string(s.name())),
        View::Nil => {
            err::npe("Cannot invoke \"clojure.lang.Named.getName()\" because \"x\" is null")
        }
        _ => err::class_cast(cast_message(x.class_name(), "clojure.lang.Named")),
    }
}

fn namespace(args: &[Value]) -> Result<Value> {
    check_arity("namespace", args, 1, Some(1))?;
    let x = &args[0];
    let ns = match x.view() {
        View::Keyword(k) => k.ns(),
        View::Symbol(s) => s.ns(),
        View::Nil => {
            return err::npe(
                "Cannot invoke \"clojure.lang.Named.getNamespace()\" because \"x\" is null",
            );
        }
        _ => return err::class_cast(cast_message(x.class_name(), "clojure.lang.Named")),
    };
    Ok(ns.map_or(Value::NIL, Value::string))
}

/// A name argument of the two-arity `keyword`/`symbol` (nil namespace ok).
fn opt_string(v: &Value) -> Result<Option<&str>> {
    match v.view() {
        View::Nil => Ok(None),
        View::Str(s) => Ok(Some(s.as_str())),
        _ => err::class_cast(cast_message(v.class_name(), "java.lang.String")),
    }
}

fn keyword(args: &[Value]) -> Result<Value> {
    check_arity("keyword", args, 1, Some(2))?;
    if let [ns, n] = args {
        let ns = opt_string(ns)?;
        return match opt_string(n)? {
            Some(n) => Ok(Value::keyword(ns, n)),
            None => err::npe("Cannot invoke \"String.hashCode()\" because \"this.name\" is null"),
        };
    }
    let x = &args[0];
    Ok(match x.view() {
        View::Keyword(_) => x.clone(),
        View::Symbol(s) => Value::keyword(s.ns(), s.name()),
        // Keyword.intern(String): split at the first '/' like a symbol.
        View::Str(s) => {
            let (ns, n) = split_ns(s.as_str());
            Value::keyword(ns, n)
        }
        _ => Value::NIL,
    })
}

fn symbol(args: &[Value]) -> Result<Value> {
    check_arity("symbol", args, 1, Some(2))?;
    if let [ns, n] = args {
        let ns = opt_string(ns)?;
        return match opt_string(n)? {
            Some(n) => Ok(Value::symbol(ns, n)),
            None => err::npe("Cannot invoke \"String.hashCode()\" because \"this.name\" is null"),
        };
    }
    let x = &args[0];
    Ok(match x.view() {
        View::Symbol(_) => x.clone(),
        View::Str(s) => {
            let (ns, n) = split_ns(s.as_str());
            Value::symbol(ns, n)
        }
        View::Var(v) => Value::symbol(Some(v.ns_sym().name()), v.sym().name()),
        View::Keyword(k) => Value::symbol(k.ns(), k.name()),
        _ => return err::illegal_arg("no conversion to symbol"),
    })
}

fn gensym(args: &[Value]) -> Result<Value> {
    check_arity("gensym", args, 0, Some(1))?;
    let prefix = match args.first() {
        Some(p) => str_of(std::slice::from_ref(p))?,
        None => "G__".to_string(),
    };
    let name = format!("{prefix}{}", crate::reader::next_id());
    // Symbol.intern(String) splits a namespace off at '/'.
    let (ns, n) = split_ns(&name);
    Ok(Value::symbol(ns, n))
}

fn char_arg(name: &str, args: &[Value]) -> Result<Option<char>> {
    check_arity(name, args, 1, Some(1))?;
    match args[0].view() {
        View::Char(c) => Ok(Some(c)),
        View::Nil => Ok(None),
        _ => err::class_cast(cast_message(args[0].class_name(), "java.lang.Character")),
    }
}

fn char_escape_string(args: &[Value]) -> Result<Value> {
    let s = match char_arg("char-escape-string", args)? {
        Some('\n') => "\\n",
        Some('\t') => "\\t",
        Some('\r') => "\\r",
        Some('"') => "\\\"",
        Some('\\') => "\\\\",
        Some('\u{c}') => "\\f",
        Some('\u{8}') => "\\b",
        _ => return Ok(Value::NIL),
    };
    Ok(Value::string(s))
}

fn char_name_string(args: &[Value]) -> Result<Value> {
    let s = match char_arg("char-name-string", args)? {
        Some('\n') => "newline",
        Some('\t') => "tab",
        Some(' ') => "space",
        Some('\u{8}') => "backspace",
        Some('\u{c}') => "formfeed",
        Some('\r') => "return",
        _ => return Ok(Value::NIL),
    };
    Ok(Value::string(s))
}

/// `parsing-err`: "Expected string, got <class or nil>".
fn parsing_err<T>(v: &Value) -> Result<T> {
    let got = if v.is_nil() { "nil" } else { v.class_name() };
    err::illegal_arg(format!("Expected string, got {got}"))
}

fn parse_long(args: &[Value]) -> Result<Value> {
    check_arity("parse-long", args, 1, Some(1))?;
    let Some(s) = args[0].as_str() else {
        return parsing_err(&args[0]);
    };
    // Long.valueOf: optional sign then decimal digits, nothing else.
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(Value::NIL);
    }
    Ok(s.parse::<i64>().map_or(Value::NIL, Value::long))
}

/// Double.valueOf's decimal grammar (hex floats are not supported).
pub fn java_parse_double(s: &str) -> Option<f64> {
    let t = s.trim_matches(|c: char| c <= ' ');
    let (sign, body) = match t.strip_prefix('-') {
        Some(r) => (-1.0, r),
        None => (1.0, t.strip_prefix('+').unwrap_or(t)),
    };
    match body {
        "Infinity" => return Some(sign * f64::INFINITY),
        "NaN" => return Some(f64::NAN),
        _ => {}
    }
    let body = body.strip_suffix(['f', 'F', 'd', 'D']).unwrap_or(body);
    let (mant, exp) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let digits_ok = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits_ok(int) || !digits_ok(frac) {
        return None;
    }
    if let Some(e) = exp {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        if e.is_empty() || !digits_ok(e) {
            return None;
        }
    }
    let clean = match exp {
        Some(e) => format!("{mant}e{e}"),
        None => mant.to_string(),
    };
    clean.parse::<f64>().ok().map(|d| sign * d)
}

fn parse_double(args: &[Value]) -> Result<Value> {
    check_arity("parse-double", args, 1, Some(1))?;
    let Some(s) = args[0].as_str() else {
        return parsing_err(&args[0]);
    };
    Ok(java_parse_double(s).map_or(Value::NIL, Value::double))
}

fn parse_boolean(args: &[Value]) -> Result<Value> {
    check_arity("parse-boolean", args, 1, Some(1))?;
    match args[0].as_str() {
        Some("true") => Ok(Value::TRUE),
        Some("false") => Ok(Value::FALSE),
        Some(_) => Ok(Value::NIL),
        None => parsing_err(&args[0]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Value {
        Value::string(v)
    }

    fn substring(s: &str, begin: i64, end: Option<i64>) -> Result<String> {
        substring_of(&crate::runtime::string::Str::new(s.to_string()), begin, end)
    }

    #[test]
    fn subs_and_names() {
        // JVM: (subs "héllo😀x" 1 3) "él", (subs "a😀b" 1 3) "😀"
        assert_eq!(
            substring("héllo😀x", 1, Some(3)).ok().as_deref(),
            Some("él")
        );
        assert_eq!(substring("a😀b", 1, Some(3)).ok().as_deref(), Some("😀"));
        let e = substring("abc", 2, Some(1)).err().map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("java.lang.StringIndexOutOfBoundsException: begin 2, end 1, length 3")
        );
        // JVM: (keyword "a/b") :a/b, (keyword ":a") ::a, (symbol "/") /
        let k = keyword(&[s("a/b")]).ok().map(|k| format!("{k:?}"));
        assert_eq!(k.as_deref(), Some(":a/b"));
        let k = keyword(&[s(":a")]).ok().map(|k| format!("{k:?}"));
        assert_eq!(k.as_deref(), Some("::a"));
        assert!(keyword(&[Value::long(1)]).is_ok_and(|v| v.is_nil()));
        let y = symbol(&[s("/")]).ok().map(|k| format!("{k:?}"));
        assert_eq!(y.as_deref(), Some("/"));
    }

    #[test]
    fn parsing() {
        // JVM: (map parse-double ["1" " 1.5 " "1d" "Infinity" ".5" "5." "0x10" "1_000" ""])
        let p = |x: &str| java_parse_double(x);
        assert_eq!(p("1"), Some(1.0));
        assert_eq!(p(" 1.5 "), Some(1.5));
        assert_eq!(p("1d"), Some(1.0));
        assert_eq!(p("Infinity"), Some(f64::INFINITY));
        assert_eq!(p(".5"), Some(0.5));
        assert_eq!(p("5."), Some(5.0));
        assert_eq!(p("1.5E-3"), Some(0.0015));
        assert_eq!(p("1_000"), None);
        assert_eq!(p(""), None);
        assert_eq!(p("inf"), None);
        // JVM: (map parse-long ["1" "+1" "-0" " 1" "1.0" "9223372036854775808"])
        let l = |x: &str| parse_long(&[s(x)]).ok().and_then(|v| v.as_long());
        assert_eq!(l("1"), Some(1));
        assert_eq!(l("+1"), Some(1));
        assert_eq!(l("-0"), Some(0));
        assert_eq!(l(" 1"), None);
        assert_eq!(l("1.0"), None);
        assert_eq!(l("9223372036854775808"), None);
        let e = parse_long(&[Value::long(1)]).err().map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("java.lang.IllegalArgumentException: Expected string, got java.lang.Long")
        );
    }
}
