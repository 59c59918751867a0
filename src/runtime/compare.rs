//! `compare`: Clojure's Util.compare. nil sorts first; numbers compare by
//! value across categories; otherwise the left operand's `compareTo` decides,
//! casting the right operand to its own class (so `(compare :a 1)` throws a
//! ClassCastException naming java.lang.Long and clojure.lang.Keyword).
//!
//! `compare_int` returns the exact int the JVM returns (`(compare "a" "c")` is
//! -2, `(compare \a \c)` is -2); `compare` is its sign as an `Ordering`.

use crate::runtime::error::{Result, err};
use crate::runtime::number;
use crate::runtime::value::{Value, View};
use std::cmp::Ordering;

/// `(compare a b)` as an `Ordering`; throws ClassCastException for
/// incomparable values.
pub fn compare(a: &Value, b: &Value) -> Result<Ordering> {
    Ok(compare_int(a, b)?.cmp(&0))
}

/// `(compare a b)` with the JVM's exact int result.
pub fn compare_int(a: &Value, b: &Value) -> Result<i32> {
    if a.identical(b) {
        return Ok(0);
    }
    match (a.view(), b.view()) {
        (View::Nil, View::Nil) => Ok(0),
        (View::Nil, _) => Ok(-1),
        (_, View::Nil) => Ok(1),
        (View::Long(x), View::Long(y)) => Ok(ord_int(x.cmp(&y))),
        _ if number::is_number(a) => {
            if !number::is_number(b) {
                return cast_error(b, "java.lang.Number");
            }
            // NaN compares as equal to everything (Numbers.compare: neither
            // lt nor gt), which is what an unordered result means here.
            Ok(number::compare(a, b).map(ord_int).unwrap_or(0))
        }
        (View::Str(x), _) => match b.view() {
            View::Str(y) => Ok(compare_utf16(x.as_str(), y.as_str())),
            _ => cast_error(b, "java.lang.String"),
        },
        (View::Char(x), _) => match b.view() {
            // Character.compareTo: code-unit difference.
            View::Char(y) => Ok(char_unit(x) - char_unit(y)),
            _ => cast_error(b, "java.lang.Character"),
        },
        (View::Bool(x), _) => match b.view() {
            View::Bool(y) => Ok(ord_int(x.cmp(&y))),
            _ => cast_error(b, "java.lang.Boolean"),
        },
        (View::Keyword(x), _) => match b.view() {
            View::Keyword(y) => Ok(compare_names(x.ns(), x.name(), y.ns(), y.name())),
            _ => cast_error(b, "clojure.lang.Keyword"),
        },
        (View::Symbol(x), _) => match b.view() {
            View::Symbol(y) => {
                if x.same(y) {
                    Ok(0)
                } else {
                    Ok(compare_names(x.ns(), x.name(), y.ns(), y.name()))
                }
            }
            _ => cast_error(b, "clojure.lang.Symbol"),
        },
        (View::Vector(_) | View::MapEntry(_), _) => compare_vectors(a, b),
        // The JVM's empty (), {} and #{} literals are singletons, so
        // `(compare {} {})` is 0 by identity there.
        (View::List(x), View::List(y)) if x.is_empty() && y.is_empty() => Ok(0),
        (View::ArrayMap(x), View::ArrayMap(y)) if x.count() == 0 && y.count() == 0 => Ok(0),
        (View::HashSet(x), View::HashSet(y)) if x.count() == 0 && y.count() == 0 => Ok(0),
        _ => cast_error(a, "java.lang.Comparable"),
    }
}

/// APersistentVector.compareTo: shorter first, then element by element.
fn compare_vectors(a: &Value, b: &Value) -> Result<i32> {
    let (Some(na), Some(nb)) = (vector_count(a), vector_count(b)) else {
        return cast_error(b, "clojure.lang.IPersistentVector");
    };
    match na.cmp(&nb) {
        Ordering::Less => return Ok(-1),
        Ordering::Greater => return Ok(1),
        Ordering::Equal => {}
    }
    for i in 0..na {
        let (x, y) = (vector_nth(a, i), vector_nth(b, i));
        let c = compare_int(&x, &y)?;
        if c != 0 {
            return Ok(c);
        }
    }
    Ok(0)
}

fn vector_count(v: &Value) -> Option<usize> {
    match v.view() {
        View::Vector(x) => Some(x.count()),
        View::MapEntry(_) => Some(2),
        _ => None,
    }
}

fn vector_nth(v: &Value, i: usize) -> Value {
    match v.view() {
        View::Vector(x) => x.nth(i).cloned().unwrap_or(Value::NIL),
        View::MapEntry(e) if i == 0 => e.key().clone(),
        View::MapEntry(e) => e.val().clone(),
        _ => Value::NIL,
    }
}

/// Symbol.compareTo: no namespace first, then namespace, then name.
fn compare_names(ans: Option<&str>, aname: &str, bns: Option<&str>, bname: &str) -> i32 {
    match (ans, bns) {
        (None, Some(_)) => return -1,
        (Some(_), None) => return 1,
        (Some(x), Some(y)) => {
            let c = compare_utf16(x, y);
            if c != 0 {
                return c;
            }
        }
        (None, None) => {}
    }
    compare_utf16(aname, bname)
}

/// Java's String.compareTo: the first differing UTF-16 code unit's
/// difference, else the difference in length.
pub fn compare_utf16(a: &str, b: &str) -> i32 {
    if a.is_ascii() && b.is_ascii() {
        let (x, y) = (a.as_bytes(), b.as_bytes());
        for (p, q) in x.iter().zip(y.iter()) {
            if p != q {
                return *p as i32 - *q as i32;
            }
        }
        return x.len() as i32 - y.len() as i32;
    }
    let mut ia = a.encode_utf16();
    let mut ib = b.encode_utf16();
    loop {
        match (ia.next(), ib.next()) {
            (Some(p), Some(q)) if p != q => return p as i32 - q as i32,
            (Some(_), Some(_)) => {}
            (None, None) => return 0,
            // Remaining lengths decide: count what is left of the longer one.
            (Some(_), None) => return 1 + ia.count() as i32,
            (None, Some(_)) => return -1 - ib.count() as i32,
        }
    }
}

/// A char as Java's `char` (a UTF-16 code unit). Astral chars cannot be a
/// Java char; they compare by their high surrogate.
fn char_unit(c: char) -> i32 {
    let mut buf = [0u16; 2];
    c.encode_utf16(&mut buf)[0] as i32
}

fn ord_int(o: Ordering) -> i32 {
    match o {
        Ordering::Less => -1,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    }
}

fn cast_error<T>(v: &Value, to: &str) -> Result<T> {
    err::class_cast(cast_message(v.class_name(), to))
}

/// The JVM's ClassCastException message for casting a `from` instance to
/// `to`, including the module sentence that HotSpot appends: java.* classes
/// live in java.base (bootstrap loader), Clojure's in the app loader.
pub fn cast_message(from: &str, to: &str) -> String {
    fn module(class: &str) -> &'static str {
        if class.starts_with("java.") {
            "module java.base of loader 'bootstrap'"
        } else {
            "unnamed module of loader 'app'"
        }
    }
    let (mf, mt) = (module(from), module(to));
    if mf == mt {
        format!("class {from} cannot be cast to class {to} ({from} and {to} are in {mf})")
    } else {
        format!("class {from} cannot be cast to class {to} ({from} is in {mf}; {to} is in {mt})")
    }
}
