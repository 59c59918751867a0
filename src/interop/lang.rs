//! Static members of java.lang classes: Math, System, Long, Integer,
//! Double, Character, Boolean, String.

use super::classes;
use crate::runtime::class::ClassDef;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::jdk_frame;
use crate::runtime::number::IntWidth;
use crate::runtime::number::convert::{to_double, to_long};
use crate::runtime::value::{Value, View};

fn nfe(s: &str) -> Exception {
    Exception::new(
        ExClass::NumberFormatException,
        format!("For input string: \"{s}\""),
    )
    .at_jdk(jdk_frame::FOR_INPUT_STRING)
}

/// The string argument of Long.parseLong / Integer.parseInt (`int`):
/// null is their NumberFormatException "Cannot parse null string".
fn parse_arg(v: &Value, int: bool) -> Result<&str> {
    if v.is_nil() {
        let at = if int {
            jdk_frame::INT_PARSE_NULL
        } else {
            jdk_frame::LONG_PARSE_NULL
        };
        return Err(
            Exception::new(ExClass::NumberFormatException, "Cannot parse null string").at_jdk(at),
        );
    }
    string_arg(v, "s")
}

/// The string argument of Double.parseDouble / Float.parseFloat: null is
/// the NullPointerException of FloatingDecimal's `in.trim()`.
pub(super) fn decimal_arg(v: &Value) -> Result<&str> {
    if v.is_nil() {
        return Err(Exception::new(
            ExClass::NullPointerException,
            "Cannot invoke \"String.trim()\" because \"in\" is null",
        )
        .at_jdk(jdk_frame::READ_JAVA_FORMAT_STRING_NULL));
    }
    string_arg(v, "in")
}

pub(super) fn string_arg<'a>(v: &'a Value, what: &str) -> Result<&'a str> {
    match v.view() {
        View::Str(_) => Ok(v.as_str().unwrap_or_default()),
        View::Nil => Err(Exception::new(
            ExClass::NullPointerException,
            format!("Cannot parse null string: {what}"),
        )),
        _ => Err(Exception::new(
            ExClass::ClassCastException,
            format!(
                "class {} cannot be cast to class java.lang.String",
                v.class_name()
            ),
        )),
    }
}

/// Long.parseLong: optional sign, decimal digits only.
fn parse_long(s: &str) -> Result<i64> {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(nfe(s));
    }
    s.parse::<i64>().map_err(|_| nfe(s))
}

/// Double.parseDouble: Java's syntax is close to Rust's after trimming.
pub(super) fn parse_double(s: &str) -> Result<f64> {
    parse_decimal(s)
}

/// Float.parseFloat: the same syntax, rounded once to float.
pub(super) fn parse_float(s: &str) -> Result<f32> {
    parse_decimal(s)
}

fn parse_decimal<F: std::str::FromStr + num_traits::Float>(s: &str) -> Result<F> {
    let t = s.trim();
    let t = t.strip_suffix(['d', 'D', 'f', 'F']).unwrap_or(t);
    match t {
        "NaN" => return Ok(F::nan()),
        "Infinity" | "+Infinity" => return Ok(F::infinity()),
        "-Infinity" => return Ok(F::neg_infinity()),
        _ => {}
    }
    // FloatingDecimal.readJavaFormatString's exception.
    let bad = || {
        Exception::new(
            ExClass::NumberFormatException,
            format!("For input string: \"{s}\""),
        )
        .at_jdk(jdk_frame::READ_JAVA_FORMAT_STRING)
    };
    if s.trim().is_empty() {
        return Err(
            Exception::new(ExClass::NumberFormatException, "empty String")
                .at_jdk(jdk_frame::READ_JAVA_FORMAT_STRING_EMPTY),
        );
    }
    if t.chars().any(|c| c.is_alphabetic() && c != 'e' && c != 'E') {
        return Err(bad());
    }
    t.parse::<F>().map_err(|_| bad())
}

fn char_arg(v: &Value) -> Result<char> {
    crate::runtime::number::convert::to_char(v)
}

/// The char argument of a Character method that has only a `char`
/// overload, as its UTF-16 code (a lone surrogate keeps its unit).
fn char_code_arg(v: &Value) -> Result<u32> {
    v.char_code().ok_or_else(|| {
        crate::runtime::error::cast_exception(crate::runtime::number::class_cast_message(
            v.class_name(),
            "java.lang.Character",
        ))
    })
}

/// A xorshift generator seeded from the clock (Math/random).
pub(super) fn random() -> f64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static STATE: AtomicU64 = AtomicU64::new(0);
    let mut x = STATE.load(Ordering::Relaxed);
    if x == 0 {
        x = (crate::runtime::io::nano_time() as u64) | 1;
    }
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    STATE.store(x, Ordering::Relaxed);
    (x >> 11) as f64 / (1u64 << 53) as f64
}

fn property(key: &str) -> Option<String> {
    Some(match key {
        "line.separator" => "\n".into(),
        "file.separator" => "/".into(),
        "path.separator" => ":".into(),
        "os.name" => match std::env::consts::OS {
            "linux" => "Linux".into(),
            "macos" => "Mac OS X".into(),
            "windows" => "Windows".into(),
            other => other.into(),
        },
        "user.dir" => std::env::current_dir().ok()?.to_string_lossy().into_owned(),
        "user.home" => std::env::var("HOME").ok()?,
        "user.name" => std::env::var("USER").ok()?,
        "java.io.tmpdir" => crate::runtime::file::temp_dir(),
        "clojure.version" => return None,
        _ => return None,
    })
}

fn opt_string(s: Option<String>) -> Value {
    s.map(Value::string).unwrap_or(Value::NIL)
}

fn system(name: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (name, args) {
        ("exit", [code]) => (|| {
            let n = to_long(code)? as i32;
            // Like the JVM, exit does not flush *out*: text printed since
            // the last flush (println flushes on newline) is lost. The
            // shutdown hooks run first.
            super::thread::run_shutdown_hooks();
            std::process::exit(n)
        })(),
        ("currentTimeMillis", []) => Ok(Value::long(crate::runtime::io::current_time_millis())),
        // Reference counting frees everything but cycles: collect those.
        ("gc", []) => {
            crate::runtime::cycle::collect();
            Ok(Value::NIL)
        }
        ("nanoTime", []) => Ok(Value::long(crate::runtime::io::nano_time())),
        ("lineSeparator", []) => Ok(Value::string("\n")),
        ("getProperty", [k]) => string_arg(k, "key").map(|k| opt_string(property(k))),
        ("getProperty", [k, d]) => {
            string_arg(k, "key").map(|k| property(k).map(Value::string).unwrap_or(d.clone()))
        }
        ("getenv", [k]) => string_arg(k, "name").map(|k| opt_string(std::env::var(k).ok())),
        ("getenv", []) => Ok(Value::map_from_pairs(
            std::env::vars()
                .map(|(k, v)| (Value::string(k), Value::string(v)))
                .collect(),
        )),
        ("identityHashCode", [x]) => Ok(Value::long(crate::runtime::hash::identity_hash(x) as i64)),
        _ => return None,
    })
}

fn boxed(class: &str, name: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (class, name, args) {
        ("clojure.lang.MapEntry", "create", [k, v]) => Ok(Value::map_entry(k.clone(), v.clone())),
        ("clojure.lang.Var", "create", []) => Ok(Value::anonymous_var(None)),
        ("clojure.lang.Var", "create", [root]) => Ok(Value::anonymous_var(Some(root.clone()))),
        // The frame is the map get-thread-bindings returns.
        ("clojure.lang.Var", "getThreadBindingFrame", []) => Ok(Value::map_from_pairs(
            crate::runtime::var::current_bindings()
                .into_iter()
                .map(|(var, v)| (Value::var(var), v))
                .collect(),
        )),
        ("clojure.lang.Var", "resetThreadBindingFrame", [frame]) => {
            crate::runtime::var::bindings_of(frame).map(|binds| {
                crate::runtime::var::reset_bindings(binds);
                Value::NIL
            })
        }
        // Long.getLong / Integer.getInteger: a system property as a number,
        // null (or the default) when unset or not a number.
        ("java.lang.Long" | "java.lang.Integer", "getLong" | "getInteger", [k, rest @ ..])
            if rest.len() <= 1 =>
        {
            string_arg(k, "key").map(|k| {
                property(k)
                    .and_then(|p| parse_long(p.trim()).ok())
                    .filter(|n| class == "java.lang.Long" || i32::try_from(*n).is_ok())
                    .map(Value::long)
                    .or_else(|| rest.first().cloned())
                    .unwrap_or(Value::NIL)
            })
        }
        ("java.lang.Long", "parseLong" | "valueOf", [s]) if s.is_string() || s.is_nil() => {
            parse_arg(s, false).and_then(parse_long).map(Value::long)
        }
        ("java.lang.Long", "valueOf", [n]) => to_long(n).map(Value::long),
        // valueOf(int): a Long argument converts as the compiler's long ->
        // int does (RT.intCast: "integer overflow").
        ("java.lang.Integer", "valueOf", [n]) if n.as_long().is_some() => {
            crate::runtime::number::to_int(n).map(|n| Value::long(i64::from(n)))
        }
        ("java.lang.Short" | "java.lang.Byte", _, _) => return short_byte(class, name, args),
        ("java.lang.Integer", "parseInt" | "valueOf", [s]) => parse_arg(s, true)
            .and_then(|t| parse_long(t).and_then(|n| i32::try_from(n).map_err(|_| nfe(t))))
            .map(|n| Value::long(n as i64)),
        ("java.lang.Long" | "java.lang.Integer", "toString", [n]) => {
            to_long(n).map(|n| Value::string(n.to_string()))
        }
        ("java.lang.Long", "toHexString", [n]) => {
            to_long(n).map(|n| Value::string(format!("{n:x}")))
        }
        ("java.lang.Long", "toBinaryString", [n]) => {
            to_long(n).map(|n| Value::string(format!("{n:b}")))
        }
        ("java.lang.Long", "toOctalString", [n]) => {
            to_long(n).map(|n| Value::string(format!("{n:o}")))
        }
        // Integer's are of the 32-bit two's complement value.
        ("java.lang.Integer", "toHexString", [n]) => {
            to_long(n).map(|n| Value::string(format!("{:x}", n as i32)))
        }
        ("java.lang.Integer", "toBinaryString", [n]) => {
            to_long(n).map(|n| Value::string(format!("{:b}", n as i32)))
        }
        ("java.lang.Integer", "toOctalString", [n]) => {
            to_long(n).map(|n| Value::string(format!("{:o}", n as i32)))
        }
        ("java.lang.Long" | "java.lang.Integer", "toString", [n, radix]) => (|| {
            let (n, r) = (to_long(n)?, to_long(radix)?);
            Ok(Value::string(radix_string(n, r)))
        })(),
        (
            "java.lang.Long" | "java.lang.Integer",
            "parseLong" | "parseInt" | "valueOf",
            [s, radix],
        ) if s.is_string() || s.is_nil() => (|| {
            let int = class == "java.lang.Integer";
            let t = parse_arg(s, int)?;
            let r = to_long(radix)?;
            check_radix(r, int)?;
            let n = i64::from_str_radix(t, r as u32).map_err(|_| nfe_radix(t, r))?;
            if class == "java.lang.Integer" && i32::try_from(n).is_err() {
                return Err(nfe_radix(t, r));
            }
            Ok(Value::long(n))
        })(),
        ("java.lang.Double", "parseDouble" | "valueOf", [s]) => {
            decimal_arg(s).and_then(parse_double).map(Value::double)
        }
        ("java.lang.Double", "isNaN", [d]) => to_double(d).map(|d| Value::bool(d.is_nan())),
        ("java.lang.Double", "isInfinite", [d]) => {
            to_double(d).map(|d| Value::bool(d.is_infinite()))
        }
        // Boolean.getBoolean: whether the system property is "true".
        ("java.lang.Boolean", "getBoolean", [k]) => string_arg(k, "name")
            .map(|k| Value::bool(property(k).is_some_and(|p| p.eq_ignore_ascii_case("true")))),
        ("java.lang.Boolean", "parseBoolean", [s]) => Ok(Value::bool(
            s.as_str().is_some_and(|s| s.eq_ignore_ascii_case("true")),
        )),
        ("java.lang.Boolean", "valueOf", [s]) => Ok(match s.view() {
            View::Bool(b) => Value::bool(b),
            _ => Value::bool(s.as_str().is_some_and(|s| s.eq_ignore_ascii_case("true"))),
        }),
        // Character.codePointAt(CharSequence, index): String.codePointAt of
        // its text.
        ("java.lang.Character", "codePointAt", [text, i])
            if !text.class_name().starts_with('[') =>
        {
            (|| {
                let t = crate::runtime::string::Str::new(crate::runtime::printer::str_value(text)?);
                super::string::call(&t, "codePointAt", std::slice::from_ref(i)).unwrap_or_else(
                    || Err(super::no_method("codePointAt", 2, "java.lang.Character")),
                )
            })()
        }
        ("java.lang.Character", "charCount", [cp]) => {
            to_long(cp).map(|cp| Value::long(if cp >= 0x10000 { 2 } else { 1 }))
        }
        ("java.lang.Character", "isSupplementaryCodePoint", [cp]) => {
            to_long(cp).map(|cp| Value::bool((0x10000..=0x10ffff).contains(&cp)))
        }
        ("java.lang.Character", "isValidCodePoint", [cp]) => {
            to_long(cp).map(|cp| Value::bool((0..=0x10ffff).contains(&cp)))
        }
        // Character.toChars(codePoint): a char[] of the code point. cljw's
        // chars are whole code points (strings are UTF-8), so a
        // supplementary one is one char, not a surrogate pair.
        ("java.lang.Character", "toChars", [cp]) => (|| {
            let n = to_long(cp)?;
            let ch = u32::try_from(n)
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| {
                    Exception::new(
                        ExClass::IllegalArgumentException,
                        format!("Not a valid Unicode code point: 0x{:X}", n as u32),
                    )
                })?;
            Ok(Value::from(crate::runtime::gc::Ref::new(
                crate::runtime::object::HostObject::Array(
                    "[C",
                    crate::runtime::gc::Lock::new(vec![Value::char(ch)]),
                ),
            )))
        })(),
        // Surrogate predicates over a char or an int code.
        (
            "java.lang.Character",
            m @ ("isHighSurrogate" | "isLowSurrogate" | "isSurrogate"),
            [c],
        ) => (|| {
            let u = char_code_arg(c)?;
            let range = match m {
                "isHighSurrogate" => 0xD800..=0xDBFF,
                "isLowSurrogate" => 0xDC00..=0xDFFF,
                _ => 0xD800..=0xDFFF,
            };
            Ok(Value::bool(range.contains(&u)))
        })(),
        // Character.toCodePoint(high, low): the supplementary code point.
        ("java.lang.Character", "toCodePoint", [hi, lo]) => (|| {
            let (h, l) = (i64::from(char_code_arg(hi)?), i64::from(char_code_arg(lo)?));
            Ok(Value::long(
                ((h << 10) + l) + (0x10000 - (0xD800 << 10) - 0xDC00),
            ))
        })(),
        // A lone surrogate char has no case and is its own value.
        ("java.lang.Character", "toUpperCase" | "toLowerCase" | "valueOf", [c])
            if c.char_code()
                .is_some_and(|u| (0xD800..=0xDFFF).contains(&u)) =>
        {
            Ok(c.clone())
        }
        ("java.lang.Character", m, [c]) => (|| {
            let ch = char_arg(c)?;
            Ok(match m {
                "isDigit" => {
                    // Approximates Unicode Nd with is_numeric outside ASCII.
                    Value::bool(ch.is_ascii_digit() || (!ch.is_ascii() && ch.is_numeric()))
                }
                "isLetter" | "isAlphabetic" => Value::bool(ch.is_alphabetic()),
                "isLetterOrDigit" => Value::bool(ch.is_alphanumeric()),
                "isWhitespace" => Value::bool(
                    ch.is_whitespace() && ch != '\u{a0}' && ch != '\u{2007}' && ch != '\u{202f}'
                        || ('\u{1c}'..='\u{1f}').contains(&ch),
                ),
                "isUpperCase" => Value::bool(ch.is_uppercase()),
                "isLowerCase" => Value::bool(ch.is_lowercase()),
                "toUpperCase" => Value::char(single(ch.to_uppercase()).unwrap_or(ch)),
                "toLowerCase" => Value::char(single(ch.to_lowercase()).unwrap_or(ch)),
                "valueOf" => Value::char(ch),
                "toString" => Value::string(ch.to_string()),
                "getNumericValue" => Value::long(ch.to_digit(36).map(i64::from).unwrap_or(-1)),
                _ => return Err(super::no_method(m, 1, "java.lang.Character")),
            })
        })(),
        // Character.digit(char|int, radix): the digit's value, else -1.
        ("java.lang.Character", "digit", [c, radix]) => (|| {
            let cp = match c.view() {
                View::Char(ch) => u32::from(ch),
                _ => u32::try_from(to_long(c)?).unwrap_or(u32::MAX),
            };
            Ok(Value::long(char_digit(cp, to_long(radix)?)))
        })(),
        // Character.forDigit(int, radix): the lowercase digit char, else \u0000.
        ("java.lang.Character", "forDigit", [d, radix]) => (|| {
            let (d, r) = (to_long(d)?, to_long(radix)?);
            let ok = (2..=36).contains(&r) && (0..r).contains(&d);
            Ok(Value::char(if ok {
                char::from_digit(d as u32, r as u32).unwrap_or('\0')
            } else {
                '\0'
            }))
        })(),
        ("java.lang.String", "valueOf", [x]) => crate::runtime::printer::str_value(x)
            .map(|s| Value::string(if x.is_nil() { "null".to_string() } else { s })),
        _ => return None,
    })
}

/// Character.digit: ASCII and fullwidth Latin digits and letters, and the
/// decimal digits of the common Unicode scripts (Nd blocks of ten).
fn char_digit(cp: u32, radix: i64) -> i64 {
    if !(2..=36).contains(&radix) {
        return -1;
    }
    // The first code point (the zero) of each Nd block of ten cljw knows.
    const ZEROS: &[u32] = &[
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
        0xE50, 0xED0, 0xF20, 0x1040, 0x17E0, 0x1810, 0xFF10,
    ];
    let value = if let Some(z) = ZEROS.iter().find(|&&z| (z..z + 10).contains(&cp)) {
        cp - z
    } else {
        match cp {
            0x41..=0x5A => cp - 0x41 + 10,
            0x61..=0x7A => cp - 0x61 + 10,
            0xFF21..=0xFF3A => cp - 0xFF21 + 10,
            0xFF41..=0xFF5A => cp - 0xFF41 + 10,
            _ => return -1,
        }
    };
    if i64::from(value) < radix {
        i64::from(value)
    } else {
        -1
    }
}

/// A case mapping that yields exactly one char (Character.toUpperCase(char)).
fn single(mut it: impl Iterator<Item = char>) -> Option<char> {
    let c = it.next()?;
    if it.next().is_some() { None } else { Some(c) }
}

/// `(Class/forName "java.lang.String")`: a known class by its full name
/// (array classes by their descriptor, "[J"), else ClassNotFoundException.
fn class_for_name(name: &Value) -> Result<Value> {
    let Some(n) = name.as_str() else {
        return Err(Exception::new(
            ExClass::ClassCastException,
            crate::runtime::compare::cast_message(name.class_name(), "java.lang.String"),
        ));
    };
    let is_array = n.starts_with('[') && n.len() > 1;
    match classes::resolve(n) {
        Some(c) if c.name == n => return Ok(c.value()),
        _ if is_array => return Ok(Value::class(n, false)),
        _ => {}
    }
    // A deftype/defrecord/definterface class by its full name.
    match crate::runtime::types::lookup(n) {
        Some(t) => Ok(Value::class(
            t.name(),
            t.kind() == crate::runtime::types::TypeKind::Interface,
        )),
        None => Err(Exception::new(ExClass::ClassNotFoundException, n)
            .at_jdk(jdk_frame::URL_CLASS_LOADER_FIND_CLASS)),
    }
}

/// The static methods of the classes whose tables name this hook: the
/// areas' dispatchers by class name (Math, System, Pattern, LockingTransaction
/// and UUID have hooks of their own).
pub(super) fn statics(class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    match (class, member, args) {
        // forName(name, initialize, loader): one class space, the loader
        // names no other.
        ("java.lang.Class", "forName", [name] | [name, _, _]) => Some(class_for_name(name)),
        ("clojure.lang.Compiler", "eval", [form]) => Some(crate::runtime::eval::eval(form)),
        _ => super::number::call_static(class, member, args)
            .or_else(|| boxed(class, member, args))
            .or_else(|| super::clojure_lang::call_static(class, member, args))
            .or_else(|| super::jdk::call_static(class, member, args)),
    }
}

fn system_statics(_: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    system(member, args)
}

/// The static fields of the classes whose tables name this hook.
pub(super) fn fields(class: &str, field: &str) -> Option<Value> {
    if let Some(v) = super::number::get_static(class, field) {
        return Some(v);
    }
    if let Some(v) = super::clojure_lang::get_static(class, field) {
        return Some(v);
    }
    if let Some(v) = super::jdk::get_static(class, field) {
        return Some(v);
    }
    Some(match (class, field) {
        // The primitive classes: (make-array Long/TYPE 3).
        ("java.lang.Long", "TYPE") => Value::class("long", false),
        ("java.lang.Integer", "TYPE") => Value::class("int", false),
        ("java.lang.Short", "TYPE") => Value::class("short", false),
        ("java.lang.Byte", "TYPE") => Value::class("byte", false),
        ("java.lang.Double", "TYPE") => Value::class("double", false),
        ("java.lang.Float", "TYPE") => Value::class("float", false),
        ("java.lang.Character", "TYPE") => Value::class("char", false),
        ("java.lang.Boolean", "TYPE") => Value::class("boolean", false),
        ("java.lang.Long", "MAX_VALUE") => Value::long(i64::MAX),
        ("java.lang.Long", "MIN_VALUE") => Value::long(i64::MIN),
        ("java.lang.Integer", "MAX_VALUE") => Value::long(i32::MAX as i64),
        ("java.lang.Integer", "MIN_VALUE") => Value::long(i32::MIN as i64),
        ("java.lang.Short", "MAX_VALUE") => Value::long(i16::MAX as i64),
        ("java.lang.Short", "MIN_VALUE") => Value::long(i16::MIN as i64),
        ("java.lang.Byte", "MAX_VALUE") => Value::long(i8::MAX as i64),
        ("java.lang.Byte", "MIN_VALUE") => Value::long(i8::MIN as i64),
        ("java.lang.Character", "MAX_VALUE") => Value::char('\u{ffff}'),
        ("java.lang.Character", "MIN_VALUE") => Value::char('\0'),
        ("java.lang.Double", "MAX_VALUE") => Value::double(f64::MAX),
        ("java.lang.Double", "MIN_VALUE") => Value::double(f64::from_bits(1)),
        ("java.lang.Double", "POSITIVE_INFINITY") => Value::double(f64::INFINITY),
        ("java.lang.Double", "NEGATIVE_INFINITY") => Value::double(f64::NEG_INFINITY),
        ("java.lang.Double", "NaN") => Value::double(f64::NAN),
        ("clojure.lang.PersistentQueue", "EMPTY") => Value::from(crate::runtime::gc::Ref::new(
            crate::runtime::coll::Queue::empty(),
        )),
        ("java.lang.Boolean", "TRUE") => Value::TRUE,
        ("java.lang.Boolean", "FALSE") => Value::FALSE,
        _ => return None,
    })
}

/// Long.toString(n, radix): lowercase digits, radix outside 2..36 is 10.
fn radix_string(n: i64, radix: i64) -> String {
    let r = if (2..=36).contains(&radix) {
        radix as u32
    } else {
        10
    };
    let mut digits = Vec::new();
    let neg = n < 0;
    let mut m = n.unsigned_abs();
    loop {
        let d = (m % u64::from(r)) as u32;
        digits.push(char::from_digit(d, r).unwrap_or('0'));
        m /= u64::from(r);
        if m == 0 {
            break;
        }
    }
    if neg {
        digits.push('-');
    }
    digits.iter().rev().collect()
}

/// NumberFormatException of parseLong(s, radix).
/// java.lang.Short's and Byte's statics. Results are plain integers; the
/// interop layer boxes them at the width the JVM declares
/// (`int_members`).
fn short_byte(class: &str, name: &str, args: &[Value]) -> Option<Result<Value>> {
    let w = IntWidth::of_name(class)?;
    // A short or byte parameter takes only its own box (Reflector).
    let own = |v: &Value| v.as_int_box().filter(|b| b.width() == w).map(|b| b.value());
    let parse = |s: &Value| -> Result<i64> {
        let t = string_arg(s, "s")?;
        let n = parse_long(t)?;
        if w.fits(n) {
            Ok(n)
        } else {
            let at = if w == IntWidth::Short {
                jdk_frame::SHORT_PARSE_RANGE
            } else {
                jdk_frame::BYTE_PARSE_RANGE
            };
            Err(Exception::new(
                ExClass::NumberFormatException,
                format!("Value out of range. Value:\"{t}\" Radix:10"),
            )
            .at_jdk(at))
        }
    };
    let mask = (1i64 << w.bits()) - 1;
    Some(match (name, args) {
        ("parseShort" | "parseByte" | "valueOf", [s]) if s.as_long().is_none() => {
            parse(s).map(Value::long)
        }
        ("valueOf" | "hashCode", [n]) => Ok(Value::long(own(n)?)),
        ("toString", [n]) => Ok(Value::string(own(n)?.to_string())),
        ("compare", [x, y]) => Ok(Value::long(own(x)? - own(y)?)),
        ("toUnsignedInt" | "toUnsignedLong", [n]) => Ok(Value::long(own(n)? & mask)),
        _ => return None,
    })
}

/// `(Integer. x)`, `(Short. x)`, `(Byte. x)`: from a string, or from a
/// number the constructor's parameter takes (an int takes a Long too).
pub(super) fn construct_int_box(class: &str, args: &[Value]) -> Option<Result<Value>> {
    let w = IntWidth::of_name(class).filter(|w| w.class_name() == class)?;
    let [x] = args else {
        return None;
    };
    if x.is_string() {
        let parsed = match w {
            IntWidth::Int => boxed(class, "parseInt", args)?,
            _ => short_byte(class, "valueOf", args)?,
        };
        return Some(parsed.map(|v| Value::integer_of(Some(w), v.as_long().unwrap_or(0))));
    }
    Some(match x.as_int_box() {
        Some(b) if b.width() == w => Ok(x.clone()),
        None if w == IntWidth::Int && x.as_long().is_some() => {
            crate::runtime::number::to_int(x).map(Value::int)
        }
        _ => Err(super::no_ctor(class)),
    })
}

fn nfe_radix(s: &str, radix: i64) -> Exception {
    let msg = if radix == 10 {
        format!("For input string: \"{s}\"")
    } else {
        format!("For input string: \"{s}\" under radix {radix}")
    };
    Exception::new(ExClass::NumberFormatException, msg).at_jdk(jdk_frame::FOR_INPUT_STRING)
}

/// Long.parseLong / Integer.parseInt (`int`) reject a radix outside
/// Character.MIN_RADIX..=MAX_RADIX before looking at the string.
fn check_radix(r: i64, int: bool) -> Result<()> {
    let (msg, at) = match r {
        ..2 => (
            format!("radix {r} less than Character.MIN_RADIX"),
            if int {
                jdk_frame::INT_PARSE_RADIX_LOW
            } else {
                jdk_frame::LONG_PARSE_RADIX_LOW
            },
        ),
        37.. => (
            format!("radix {r} greater than Character.MAX_RADIX"),
            if int {
                jdk_frame::INT_PARSE_RADIX_HIGH
            } else {
                jdk_frame::LONG_PARSE_RADIX_HIGH
            },
        ),
        _ => return Ok(()),
    };
    Err(Exception::new(ExClass::NumberFormatException, msg).at_jdk(at))
}

/// The classes of this area (see `interop` for the format).
pub(super) static CLASSES: &[ClassDef] = &[
    ClassDef::class("java.lang.Object"),
    ClassDef::class("java.lang.String")
        .implements(&[
            "java.io.Serializable",
            "java.lang.Comparable",
            "java.lang.CharSequence",
            "java.lang.constant.Constable",
            "java.lang.constant.ConstantDesc",
        ])
        .statics(&["valueOf"], statics),
    ClassDef::class("java.lang.StringBuilder")
        .extends("java.lang.AbstractStringBuilder")
        .implements(&[
            "java.io.Serializable",
            "java.lang.Comparable",
            "java.lang.CharSequence",
        ]),
    ClassDef::class("java.lang.StringBuffer")
        .extends("java.lang.AbstractStringBuilder")
        .implements(&[
            "java.io.Serializable",
            "java.lang.Comparable",
            "java.lang.CharSequence",
        ]),
    ClassDef::class("java.lang.AbstractStringBuilder")
        .implements(&["java.lang.Appendable", "java.lang.CharSequence"]),
    ClassDef::class("java.lang.Long")
        .extends("java.lang.Number")
        .implements(&[
            "java.lang.Comparable",
            "java.lang.constant.Constable",
            "java.lang.constant.ConstantDesc",
        ])
        .statics(
            &[
                "parseLong",
                "getLong",
                "valueOf",
                "toString",
                "toHexString",
                "toBinaryString",
                "toOctalString",
                "numberOfLeadingZeros",
                "numberOfTrailingZeros",
                "bitCount",
                "highestOneBit",
                "lowestOneBit",
                "reverse",
                "reverseBytes",
                "rotateLeft",
                "rotateRight",
                "signum",
                "compare",
                "sum",
                "max",
                "min",
                "hashCode",
            ],
            statics,
        )
        .fields(&["TYPE", "MAX_VALUE", "MIN_VALUE"], fields),
    ClassDef::class("java.lang.Integer")
        .extends("java.lang.Number")
        .ctor(construct_int_box)
        .implements(&[
            "java.lang.Comparable",
            "java.lang.constant.Constable",
            "java.lang.constant.ConstantDesc",
        ])
        .statics(
            &[
                "parseInt",
                "getInteger",
                "valueOf",
                "toString",
                "toHexString",
                "toBinaryString",
                "toOctalString",
                "numberOfLeadingZeros",
                "numberOfTrailingZeros",
                "bitCount",
                "highestOneBit",
                "lowestOneBit",
                "reverse",
                "reverseBytes",
                "rotateLeft",
                "rotateRight",
                "signum",
                "compare",
                "sum",
                "max",
                "min",
                "hashCode",
            ],
            statics,
        )
        .fields(&["TYPE", "MAX_VALUE", "MIN_VALUE"], fields),
    ClassDef::class("java.lang.Short")
        .extends("java.lang.Number")
        .implements(&["java.lang.Comparable", "java.lang.constant.Constable"])
        .ctor(construct_int_box)
        .statics(
            &[
                "parseShort",
                "valueOf",
                "toString",
                "compare",
                "hashCode",
                "toUnsignedInt",
                "toUnsignedLong",
            ],
            statics,
        )
        .fields(&["TYPE", "MAX_VALUE", "MIN_VALUE"], fields),
    ClassDef::class("java.lang.Byte")
        .extends("java.lang.Number")
        .implements(&["java.lang.Comparable", "java.lang.constant.Constable"])
        .ctor(construct_int_box)
        .statics(
            &[
                "parseByte",
                "valueOf",
                "toString",
                "compare",
                "hashCode",
                "toUnsignedInt",
                "toUnsignedLong",
            ],
            statics,
        )
        .fields(&["TYPE", "MAX_VALUE", "MIN_VALUE"], fields),
    ClassDef::class("java.lang.Double")
        .extends("java.lang.Number")
        .implements(&[
            "java.lang.Comparable",
            "java.lang.constant.Constable",
            "java.lang.constant.ConstantDesc",
        ])
        .statics(
            &[
                "parseDouble",
                "valueOf",
                "isNaN",
                "isInfinite",
                "isFinite",
                "toString",
                "compare",
                "doubleToLongBits",
                "doubleToRawLongBits",
                "longBitsToDouble",
            ],
            statics,
        )
        .fields(
            &[
                "TYPE",
                "MAX_VALUE",
                "MIN_VALUE",
                "MIN_NORMAL",
                "POSITIVE_INFINITY",
                "NEGATIVE_INFINITY",
                "NaN",
                "MAX_EXPONENT",
                "MIN_EXPONENT",
                "SIZE",
                "BYTES",
            ],
            fields,
        ),
    ClassDef::class("java.lang.Float")
        .extends("java.lang.Number")
        .implements(&[
            "java.lang.Comparable",
            "java.lang.constant.Constable",
            "java.lang.constant.ConstantDesc",
        ])
        .statics(
            &[
                "parseFloat",
                "valueOf",
                "compare",
                "isNaN",
                "isInfinite",
                "toString",
            ],
            statics,
        )
        .fields(
            &[
                "TYPE",
                "MAX_VALUE",
                "MIN_VALUE",
                "MIN_NORMAL",
                "POSITIVE_INFINITY",
                "NEGATIVE_INFINITY",
                "NaN",
            ],
            fields,
        ),
    ClassDef::class("java.lang.Character")
        .implements(&[
            "java.io.Serializable",
            "java.lang.Comparable",
            "java.lang.constant.Constable",
        ])
        .statics(
            &[
                "isDigit",
                "isLetter",
                "isAlphabetic",
                "isLetterOrDigit",
                "isWhitespace",
                "isUpperCase",
                "isLowerCase",
                "toUpperCase",
                "toLowerCase",
                "valueOf",
                "toString",
                "getNumericValue",
                "digit",
                "forDigit",
                "codePointAt",
                "charCount",
                "isSupplementaryCodePoint",
                "isValidCodePoint",
                "toChars",
                "isHighSurrogate",
                "isLowSurrogate",
                "isSurrogate",
                "toCodePoint",
            ],
            statics,
        )
        .fields(&["TYPE", "MAX_VALUE", "MIN_VALUE"], fields),
    ClassDef::class("java.lang.Boolean")
        .implements(&[
            "java.io.Serializable",
            "java.lang.Comparable",
            "java.lang.constant.Constable",
        ])
        .statics(&["parseBoolean", "getBoolean", "valueOf"], statics)
        .fields(&["TYPE", "TRUE", "FALSE"], fields),
    ClassDef::class("java.lang.Number").implements(&["java.io.Serializable"]),
    ClassDef::class("java.lang.Math")
        .statics(super::math::STATICS, super::math::call)
        .fields(super::math::FIELDS, super::math::fields),
    ClassDef::class("java.lang.System").statics(
        &[
            "exit",
            "currentTimeMillis",
            "nanoTime",
            "lineSeparator",
            "getProperty",
            "getenv",
            "identityHashCode",
            "gc",
        ],
        system_statics,
    ),
    ClassDef::class("java.lang.Class")
        .implements(&[
            "java.io.Serializable",
            "java.lang.reflect.GenericDeclaration",
            "java.lang.reflect.Type",
            "java.lang.reflect.AnnotatedElement",
            "java.lang.invoke.TypeDescriptor$OfField",
            "java.lang.constant.Constable",
        ])
        .statics(&["forName"], statics),
    ClassDef::interface("java.lang.Comparable"),
    ClassDef::interface("java.lang.CharSequence"),
    ClassDef::interface("java.lang.Iterable"),
    ClassDef::interface("java.lang.Runnable"),
    ClassDef::interface("java.lang.Appendable"),
    ClassDef::interface("java.lang.Readable"),
    ClassDef::interface("java.lang.Cloneable"),
    ClassDef::class("java.lang.StrictMath")
        .statics(super::math::STATICS, super::math::call)
        .fields(super::math::FIELDS, super::math::fields),
    ClassDef::class("java.lang.Void"),
    ClassDef::class("java.lang.Enum").implements(&[
        "java.lang.constant.Constable",
        "java.lang.Comparable",
        "java.io.Serializable",
    ]),
    ClassDef::class("java.lang.ClassLoader"),
    ClassDef::class("java.lang.Process"),
    ClassDef::class("java.lang.ProcessBuilder"),
    ClassDef::interface("java.lang.AutoCloseable"),
];
