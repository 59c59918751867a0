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
        (View::Instance(_), _) => {
            match super::types::call_method(a, "compareTo", std::slice::from_ref(b)) {
                Some(r) => {
                    let n = r?;
                    match n.as_long() {
                        Some(n) => Ok(n as i32),
                        None => cast_error(&n, "java.lang.Number"),
                    }
                }
                None => cast_error(a, "java.lang.Comparable"),
            }
        }
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
            View::Char(y) => Ok(char_unit(a, x) - char_unit(b, y)),
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
        // Date.compareTo / UUID.compareTo: -1, 0 or 1.
        (View::Date(x), _) => match b.view() {
            View::Date(y) => Ok(ord_int(x.compare(y))),
            _ => cast_error(b, "java.util.Date"),
        },
        (View::Uuid(x), _) => match b.view() {
            View::Uuid(y) => Ok(ord_int(x.compare(y))),
            _ => cast_error(b, "java.util.UUID"),
        },
        // A foreign object's compareTo (java.time values).
        (View::HostObject(super::object::HostObject::Foreign(_, x)), _) if x.comparable() => {
            match b.view() {
                View::HostObject(super::object::HostObject::Foreign(_, y)) => {
                    match x.compare_to(&**y) {
                        Some(o) => Ok(ord_int(o)),
                        None => cast_error(b, a.class_name()),
                    }
                }
                _ => cast_error(b, a.class_name()),
            }
        }
        // Ref.compareTo: creation order.
        (View::TxRef(x), _) => match b.view() {
            View::TxRef(y) => Ok(ord_int(x.id().cmp(&y.id()))),
            _ => cast_error(b, "clojure.lang.Ref"),
        },
        (View::Vector(_) | View::SubVector(_) | View::MapEntry(_), _) => compare_vectors(a, b),
        // The JVM's empty (), {} and #{} literals are singletons, so
        // `(compare {} {})` is 0 by identity there.
        (View::List(x), View::List(y)) if x.is_empty() && y.is_empty() => Ok(0),
        (View::ArrayMap(x), View::ArrayMap(y)) if x.count() == 0 && y.count() == 0 => Ok(0),
        (View::HashSet(x), View::HashSet(y)) if x.count() == 0 && y.count() == 0 => Ok(0),
        _ => cast_error(a, "java.lang.Comparable"),
    }
}

/// Whether the JVM's `x` is nil, a Number or a java.lang.Comparable: what
/// PersistentTreeMap demands of a key it stores under the default
/// comparator.
pub fn is_comparable(x: &Value) -> bool {
    number::is_number(x)
        || matches!(
            x.view(),
            View::Nil
                | View::Str(_)
                | View::Char(_)
                | View::Bool(_)
                | View::Keyword(_)
                | View::Symbol(_)
                | View::Date(_)
                | View::Uuid(_)
                | View::TxRef(_)
                | View::Vector(_)
                | View::SubVector(_)
                | View::MapEntry(_)
                | View::Instance(_)
        )
        || matches!(x.view(), View::HostObject(super::object::HostObject::Foreign(_, f)) if f.comparable())
}

/// PersistentTreeMap.add's check before it stores a new key under the
/// default comparator.
pub fn check_default_comparable(x: &Value) -> Result<()> {
    if is_comparable(x) {
        return Ok(());
    }
    err::class_cast(format!(
        "Default comparator requires nil, Number, or Comparable: {}",
        super::printer::str_value(x)?
    ))
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
        View::SubVector(x) => Some(x.count()),
        View::MapEntry(_) => Some(2),
        _ => None,
    }
}

fn vector_nth(v: &Value, i: usize) -> Value {
    match v.view() {
        View::Vector(x) => x.nth(i).cloned().unwrap_or(Value::NIL),
        View::SubVector(x) => x.nth(i).cloned().unwrap_or(Value::NIL),
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
fn char_unit(v: &Value, c: char) -> i32 {
    if let Some(u) = v.char_code().filter(|u| (0xD800..=0xDFFF).contains(u)) {
        return u as i32;
    }
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

/// How `cast_message` starts for nil: casting null succeeds on the JVM and
/// the method called on it next throws NullPointerException, so
/// `error::cast_exception` picks that class for this message.
pub const NIL_CAST_PREFIX: &str = "Cannot invoke a method of ";

/// The JVM's ClassCastException message for casting a `from` instance to
/// `to`, including the module sentence that HotSpot appends: java.* classes
/// live in java.base (bootstrap loader), Clojure's in the app loader.
pub fn cast_message(from: &str, to: &str) -> String {
    if from == "nil" {
        return format!("{NIL_CAST_PREFIX}\"{to}\" because the value is null");
    }
    fn module(class: &str) -> &'static str {
        // An array class is in its element class's module; primitive
        // arrays (`[J`) are java.base's.
        let elem = class.trim_start_matches('[');
        let elem = elem
            .strip_prefix('L')
            .map_or(elem, |e| e.trim_end_matches(';'));
        let primitive_array = class.starts_with('[') && elem.len() == 1;
        if elem.starts_with("java.") || primitive_array {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::ExClass;

    fn c(a: &Value, b: &Value) -> i32 {
        compare_int(a, b).unwrap()
    }
    fn err_msg(a: &Value, b: &Value) -> String {
        let e = compare_int(a, b).err().unwrap();
        assert_eq!(e.class(), ExClass::ClassCastException);
        e.message().unwrap_or("").to_string()
    }

    #[test]
    fn scalars_match_jvm() {
        let l = Value::long;
        let s = Value::string;
        let kw = |ns, n| Value::keyword(ns, n);
        let sym = |ns, n| Value::symbol(ns, n);
        // JVM: (compare nil 1) -1, (compare 1 nil) 1, (compare nil nil) 0
        assert_eq!(c(&Value::NIL, &l(1)), -1);
        assert_eq!(c(&l(1), &Value::NIL), 1);
        assert_eq!(c(&Value::NIL, &Value::NIL), 0);
        // Mixed-category numbers are the number tower's (number::compare).
        // JVM: "a" "c" -2; "ab" "abc" -1; "" "abc" -3; "é" "e" 132;
        // "😀" "\uFFFF" -10178; "😀" "a" 55260; "abc" "b" -1
        assert_eq!(c(&s("a"), &s("c")), -2);
        assert_eq!(c(&s("ab"), &s("abc")), -1);
        assert_eq!(c(&s(""), &s("abc")), -3);
        assert_eq!(c(&s("é"), &s("e")), 132);
        assert_eq!(c(&s("😀"), &s("\u{FFFF}")), -10178);
        assert_eq!(c(&s("😀"), &s("a")), 55260);
        assert_eq!(c(&s("abc"), &s("b")), -1);
        // JVM: (compare \a \c) -2, (compare true false) 1, (compare false true) -1
        assert_eq!(c(&Value::char('a'), &Value::char('c')), -2);
        assert_eq!(c(&Value::TRUE, &Value::FALSE), 1);
        assert_eq!(c(&Value::FALSE, &Value::TRUE), -1);
        // JVM: :a :b -1; :a/b :b 1; :b :a/b -1; :a/b :a/c -1; :abc :b -1
        assert_eq!(c(&kw(None, "a"), &kw(None, "b")), -1);
        assert_eq!(c(&kw(Some("a"), "b"), &kw(None, "b")), 1);
        assert_eq!(c(&kw(None, "b"), &kw(Some("a"), "b")), -1);
        assert_eq!(c(&kw(Some("a"), "b"), &kw(Some("a"), "c")), -1);
        assert_eq!(c(&kw(None, "abc"), &kw(None, "b")), -1);
        // JVM: 'a/b 'a/c -1; 'b/a 'a/c 1; 'a 'a/b -1; 'x 'x 0
        assert_eq!(c(&sym(Some("a"), "b"), &sym(Some("a"), "c")), -1);
        assert_eq!(c(&sym(Some("b"), "a"), &sym(Some("a"), "c")), 1);
        assert_eq!(c(&sym(None, "a"), &sym(Some("a"), "b")), -1);
        assert_eq!(c(&sym(None, "x"), &sym(None, "x")), 0);
        assert_eq!(compare(&s("a"), &s("c")).unwrap(), Ordering::Less);
    }

    #[test]
    fn vectors_match_jvm() {
        let l = Value::long;
        let v = |xs: &[i64]| Value::vector(xs.iter().map(|x| l(*x)).collect());
        // JVM: [1 2] [1 3] -1; [1 2 3] [2 3] 1; [] [] 0;
        // (first {1 2}) [1 3] -1; [1 2] (first {1 2}) 0
        assert_eq!(c(&v(&[1, 2]), &v(&[1, 3])), -1);
        assert_eq!(c(&v(&[1, 2, 3]), &v(&[2, 3])), 1);
        assert_eq!(c(&v(&[]), &v(&[])), 0);
        assert_eq!(c(&Value::map_entry(l(1), l(2)), &v(&[1, 3])), -1);
        assert_eq!(c(&v(&[1, 2]), &Value::map_entry(l(1), l(2))), 0);
        // JVM: (compare {} {}) 0, (compare #{} #{}) 0, (compare () ()) 0
        let em = Value::map_from_pairs(vec![]);
        assert_eq!(c(&em, &Value::map_from_pairs(vec![])), 0);
        assert_eq!(c(&Value::set_from(vec![]), &Value::set_from(vec![])), 0);
        assert_eq!(c(&Value::empty_list(), &Value::empty_list()), 0);
    }

    #[test]
    fn errors_match_jvm() {
        let l = Value::long;
        let kw = Value::keyword(None, "a");
        // JVM messages, verbatim.
        assert_eq!(
            err_msg(&l(1), &kw),
            "class clojure.lang.Keyword cannot be cast to class java.lang.Number (clojure.lang.Keyword is in unnamed module of loader 'app'; java.lang.Number is in module java.base of loader 'bootstrap')"
        );
        assert_eq!(
            err_msg(&kw, &l(1)),
            "class java.lang.Long cannot be cast to class clojure.lang.Keyword (java.lang.Long is in module java.base of loader 'bootstrap'; clojure.lang.Keyword is in unnamed module of loader 'app')"
        );
        assert_eq!(
            err_msg(&Value::string("a"), &l(1)),
            "class java.lang.Long cannot be cast to class java.lang.String (java.lang.Long and java.lang.String are in module java.base of loader 'bootstrap')"
        );
        assert_eq!(
            err_msg(&l(1), &Value::string("a")),
            "class java.lang.String cannot be cast to class java.lang.Number (java.lang.String and java.lang.Number are in module java.base of loader 'bootstrap')"
        );
        assert_eq!(
            err_msg(&Value::symbol(None, "a"), &kw),
            "class clojure.lang.Keyword cannot be cast to class clojure.lang.Symbol (clojure.lang.Keyword and clojure.lang.Symbol are in unnamed module of loader 'app')"
        );
        assert_eq!(
            err_msg(&Value::TRUE, &l(1)),
            "class java.lang.Long cannot be cast to class java.lang.Boolean (java.lang.Long and java.lang.Boolean are in module java.base of loader 'bootstrap')"
        );
        assert_eq!(
            err_msg(&Value::char('a'), &Value::string("a")),
            "class java.lang.String cannot be cast to class java.lang.Character (java.lang.String and java.lang.Character are in module java.base of loader 'bootstrap')"
        );
        let v1 = Value::vector(vec![l(1)]);
        let l1 = Value::list(vec![l(1)]);
        assert_eq!(
            err_msg(&v1, &l1),
            "class clojure.lang.PersistentList cannot be cast to class clojure.lang.IPersistentVector (clojure.lang.PersistentList and clojure.lang.IPersistentVector are in unnamed module of loader 'app')"
        );
        assert_eq!(
            err_msg(&l1, &v1),
            "class clojure.lang.PersistentList cannot be cast to class java.lang.Comparable (clojure.lang.PersistentList is in unnamed module of loader 'app'; java.lang.Comparable is in module java.base of loader 'bootstrap')"
        );
        // JVM: (compare [1 :a] [1 2]) compares :a to 2
        let a = Value::vector(vec![l(1), kw.clone()]);
        let b = Value::vector(vec![l(1), l(2)]);
        assert_eq!(
            err_msg(&a, &b),
            "class java.lang.Long cannot be cast to class clojure.lang.Keyword (java.lang.Long is in module java.base of loader 'bootstrap'; clojure.lang.Keyword is in unnamed module of loader 'app')"
        );
        // JVM: (compare {:a 1} {:a 1}) on two distinct maps
        let m1 = Value::map_from_pairs(vec![(kw.clone(), l(1))]);
        let m2 = Value::map_from_pairs(vec![(kw.clone(), l(1))]);
        assert_eq!(
            err_msg(&m1, &m2),
            "class clojure.lang.PersistentArrayMap cannot be cast to class java.lang.Comparable (clojure.lang.PersistentArrayMap is in unnamed module of loader 'app'; java.lang.Comparable is in module java.base of loader 'bootstrap')"
        );
        let r = Value::regex("a").unwrap();
        assert_eq!(
            err_msg(&r, &Value::regex("a").unwrap()),
            "class java.util.regex.Pattern cannot be cast to class java.lang.Comparable (java.util.regex.Pattern and java.lang.Comparable are in module java.base of loader 'bootstrap')"
        );
    }
}
