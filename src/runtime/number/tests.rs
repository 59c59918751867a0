//! Table-driven tests against results recorded on JVM Clojure 1.11.1
//! (Java 17). `testdata/cases.txt` lists `op arg...` lines;
//! `testdata/gen.clj` evaluates each on the JVM and writes
//! `testdata/arith.txt` as `case => pr-str class` or `case => THROW class: msg`.
//! Lines ending in `!boxed` were evaluated as a call through a local fn
//! (boxed arguments), the path our dynamically typed VM always takes.

use super::*;
use crate::runtime::error::Result;
use crate::runtime::value::{Value, View};

/// Parse a Clojure number/atom literal as the JVM reader would; `f:X` and
/// `bi:X` are `(float X)` and `(biginteger X)` (see gen.clj).
fn lit(tok: &str) -> Value {
    if let Some(x) = tok.strip_prefix("f:") {
        return Value::float(to_float(&lit(x)).expect("float literal"));
    }
    if let Some(x) = tok.strip_prefix("bi:") {
        return to_biginteger(&lit(x)).expect("biginteger literal");
    }
    match tok {
        "Float/MAX_VALUE" => return Value::float(f32::MAX),
        "Long/MAX_VALUE" => return Value::long(i64::MAX),
        "Long/MIN_VALUE" => return Value::long(i64::MIN),
        "##Inf" => return Value::double(f64::INFINITY),
        "##-Inf" => return Value::double(f64::NEG_INFINITY),
        "##NaN" => return Value::double(f64::NAN),
        "nil" => return Value::NIL,
        _ => {}
    }
    if let Some(s) = tok.strip_prefix('"') {
        return Value::string(s.trim_end_matches('"'));
    }
    if let Some(k) = tok.strip_prefix(':') {
        return Value::keyword(None, k);
    }
    if let Some(c) = tok.strip_prefix('\\') {
        return Value::char(c.chars().next().unwrap_or(' '));
    }
    if let Some(b) = tok.strip_suffix('N') {
        return Value::bigint(b.parse().expect("bigint literal"));
    }
    if let Some(m) = tok.strip_suffix('M') {
        return Value::bigdec(parse_bigdec(m).expect("bigdec literal"));
    }
    if let Some((n, d)) = tok.split_once('/') {
        let r = Ratio::new(n.parse().expect("num"), d.parse().expect("den"));
        return ratio_value(r);
    }
    if tok.contains(['.', 'e', 'E']) {
        return Value::double(tok.parse().expect("double literal"));
    }
    match tok.parse::<i64>() {
        Ok(n) => Value::long(n),
        Err(_) => Value::bigint(tok.parse().expect("integer literal")),
    }
}

/// Split a case line into tokens (strings may contain spaces).
fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_str = false;
    for c in s.chars() {
        if c == '"' {
            in_str = !in_str;
            cur.push(c);
        } else if c == ' ' && !in_str {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

enum Out {
    V(Value),
    Bool(bool),
    Int(i64),
    Char(char),
    Str(String),
}

fn show(r: Result<Out>) -> String {
    match r {
        Err(e) => format!("THROW {}: {}", e.class().name(), e.message().unwrap_or("")),
        Ok(Out::Bool(b)) => format!("{b} java.lang.Boolean"),
        Ok(Out::Int(n)) => format!("{n} java.lang.Integer"),
        Ok(Out::Char(c)) => format!("\\{c} java.lang.Character"),
        Ok(Out::Str(s)) => format!("{s:?} java.lang.String"),
        Ok(Out::V(v)) => {
            let mut s = String::new();
            assert!(write(&mut s, &v, true), "not a number: {}", v.class_name());
            format!("{s} {}", v.class_name())
        }
    }
}

fn run(op: &str, a: &[Value]) -> Result<Out> {
    use Out::*;
    let x = || a[0].clone();
    Ok(match (op, a.len()) {
        ("+", 2) => V(add(&a[0], &a[1])?),
        ("-", 2) => V(sub(&a[0], &a[1])?),
        ("-", 1) => V(negate(&a[0])?),
        ("*", 2) => V(mul(&a[0], &a[1])?),
        ("/", 2) => V(div(&a[0], &a[1])?),
        ("+'", 2) => V(add_p(&a[0], &a[1])?),
        ("-'", 2) => V(sub_p(&a[0], &a[1])?),
        ("-'", 1) => V(negate_p(&a[0])?),
        ("*'", 2) => V(mul_p(&a[0], &a[1])?),
        ("inc'", 1) => V(inc_p(&a[0])?),
        ("dec'", 1) => V(dec_p(&a[0])?),
        ("inc", 1) => V(inc(&a[0])?),
        ("dec", 1) => V(dec(&a[0])?),
        ("unchecked-add", 2) => V(unchecked_add(&a[0], &a[1])?),
        ("unchecked-subtract", 2) => V(unchecked_sub(&a[0], &a[1])?),
        ("unchecked-multiply", 2) => V(unchecked_mul(&a[0], &a[1])?),
        ("unchecked-inc", 1) => V(unchecked_inc(&a[0])?),
        ("unchecked-dec", 1) => V(unchecked_dec(&a[0])?),
        ("unchecked-negate", 1) => V(unchecked_negate(&a[0])?),
        ("quot", 2) => V(quot(&a[0], &a[1])?),
        ("rem", 2) => V(rem(&a[0], &a[1])?),
        ("mod", 2) => V(modulo(&a[0], &a[1])?),
        ("==", 2) => Bool(num_equiv(&a[0], &a[1])?),
        ("<", 2) => Bool(lt(&a[0], &a[1])?),
        ("<=", 2) => Bool(lte(&a[0], &a[1])?),
        (">", 2) => Bool(gt(&a[0], &a[1])?),
        (">=", 2) => Bool(gte(&a[0], &a[1])?),
        ("compare", 2) => Int(num_compare(&a[0], &a[1])? as i64),
        ("zero?", 1) => Bool(is_zero(&a[0])?),
        ("pos?", 1) => Bool(is_pos(&a[0])?),
        ("neg?", 1) => Bool(is_neg(&a[0])?),
        ("=", 2) => Bool(equiv(&a[0], &a[1]).expect("numbers")),
        ("hash", 1) => Int(hasheq(&a[0]).expect("number") as i64),
        ("abs", 1) => V(abs(&a[0])?),
        ("max", 2) => V(max(&a[0], &a[1])?),
        ("min", 2) => V(min(&a[0], &a[1])?),
        ("bit-and", 2) => V(bit_and(&a[0], &a[1])?),
        ("bit-or", 2) => V(bit_or(&a[0], &a[1])?),
        ("bit-xor", 2) => V(bit_xor(&a[0], &a[1])?),
        ("bit-and-not", 2) => V(bit_and_not(&a[0], &a[1])?),
        ("bit-not", 1) => V(bit_not(&a[0])?),
        ("bit-shift-left", 2) => V(shift_left(&a[0], &a[1])?),
        ("bit-shift-right", 2) => V(shift_right(&a[0], &a[1])?),
        ("unsigned-bit-shift-right", 2) => V(unsigned_shift_right(&a[0], &a[1])?),
        ("bit-set", 2) => V(bit_set(&a[0], &a[1])?),
        ("bit-clear", 2) => V(bit_clear(&a[0], &a[1])?),
        ("bit-flip", 2) => V(bit_flip(&a[0], &a[1])?),
        ("bit-test", 2) => Bool(bit_test(&a[0], &a[1])?),
        ("long", 1) => V(Value::long(to_long(&a[0])?)),
        ("int", 1) => Int(to_int(&a[0])? as i64),
        ("char", 1) => Char(to_char(&a[0])?),
        ("double", 1) => V(Value::double(to_double(&a[0])?)),
        ("bigint", 1) => V(to_bigint(&x())?),
        ("bigdec", 1) => V(to_bigdec(&x())?),
        ("biginteger", 1) => V(to_biginteger(&x())?),
        ("float", 1) => V(Value::float(to_float(&a[0])?)),
        ("unchecked-float", 1) => V(Value::float(unchecked_float(&a[0])?)),
        ("rationalize", 1) => V(rationalize(&x())?),
        ("pr-str", 1) => {
            let mut s = String::new();
            write(&mut s, &a[0], true);
            Str(s)
        }
        ("str", 1) => {
            let mut s = String::new();
            write_str(&mut s, &a[0]);
            Str(s)
        }
        _ => panic!("unknown op {op}/{}", a.len()),
    })
}

#[test]
fn jvm_recorded_cases() {
    let data = include_str!("testdata/arith.txt");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let (case, expected) = line.split_once(" => ").expect("case => result");
        let body = case.trim_end_matches(" !boxed");
        let toks = tokens(body);
        let args: Vec<Value> = toks[1..].iter().map(|t| lit(t)).collect();
        let got = show(run(&toks[0], &args));
        n += 1;
        if got != expected {
            failures.push(format!("{case}\n   JVM: {expected}\n   got: {got}"));
        }
    }
    assert!(n > 1600, "only {n} cases");
    assert!(
        failures.is_empty(),
        "{} of {n} cases differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn doubles_print_like_java17() {
    let data = include_str!("testdata/doubles.txt");
    let mut failures = Vec::new();
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (bits, expected) = line.split_once(' ').expect("bits string");
        let d = f64::from_bits(bits.parse::<i64>().expect("bits") as u64);
        let got = java_double_string(d);
        if got != expected {
            failures.push(format!("{bits}: JVM {expected} got {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn floats_print_like_java17() {
    let data = include_str!("testdata/floats.txt");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (bits, expected) = line.split_once(' ').expect("bits string");
        let f = f32::from_bits(bits.parse::<i32>().expect("bits") as u32);
        let got = java_float_string(f);
        n += 1;
        if got != expected {
            failures.push(format!("{bits}: JVM {expected} got {got}"));
        }
    }
    assert!(n > 2900, "only {n} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn numerator_denominator_and_casts() {
    // JVM: (numerator 1/3) => 1 (java.math.BigInteger), (denominator 1/3) => 3
    let third = lit("1/3");
    let shown = |r: Result<Value>| show(r.map(Out::V));
    assert_eq!(shown(numerator(&third)), "1 java.math.BigInteger");
    assert_eq!(shown(denominator(&third)), "3 java.math.BigInteger");
    // JVM: (numerator -2/4) => -1
    assert_eq!(shown(numerator(&lit("-2/4"))), "-1 java.math.BigInteger");
    // JVM: (numerator 3) => ClassCastException "class java.lang.Long cannot be cast to class
    // clojure.lang.Ratio (java.lang.Long is in module java.base of loader 'bootstrap';
    // clojure.lang.Ratio is in unnamed module of loader 'app')"
    let e = numerator(&lit("3")).expect_err("throws");
    assert_eq!(
        e.message(),
        Some(
            "class java.lang.Long cannot be cast to class clojure.lang.Ratio (java.lang.Long is in module java.base of loader 'bootstrap'; clojure.lang.Ratio is in unnamed module of loader 'app')"
        )
    );
    // JVM: (denominator 3N) => "... (clojure.lang.BigInt and clojure.lang.Ratio are in unnamed module of loader 'app')"
    let e = denominator(&lit("3N")).expect_err("throws");
    assert!(e.message().unwrap_or("").ends_with(
        "(clojure.lang.BigInt and clojure.lang.Ratio are in unnamed module of loader 'app')"
    ));
    // JVM: (+ 1 "a") message
    let e = add(&lit("1"), &lit("\"a\"")).expect_err("throws");
    assert_eq!(e.class(), ExClass::ClassCastException);
}

#[test]
fn printing_entry_points() {
    let mut s = String::new();
    // JVM: (print-str 1N 1.5M ##Inf) => "1N 1.5M ##Inf"; (str ##Inf) => "Infinity"
    for v in ["1N", "1.5M", "##Inf"] {
        write(&mut s, &lit(v), false);
        s.push(' ');
    }
    write_str(&mut s, &lit("##Inf"));
    assert_eq!(s, "1N 1.5M ##Inf Infinity");
    assert!(!write(&mut s, &Value::NIL, true));
    assert!(matches!(Value::NIL.view(), View::Nil));
}

#[test]
fn reader_ratio_literals() {
    // JVM: 4/2 => 2 (java.lang.Long), -6/3 => -2, 0/5 => 0 (Long), 2/4 => 1/2,
    // (read-string "1/0") => ArithmeticException "Divide by zero"
    let rd = |n: i64, d: i64| read_ratio(BigInt::from(n), BigInt::from(d));
    let shown = |r: Result<Value>| show(r.map(Out::V));
    assert_eq!(shown(rd(4, 2)), "2 java.lang.Long");
    assert_eq!(shown(rd(-6, 3)), "-2 java.lang.Long");
    assert_eq!(shown(rd(0, 5)), "0 java.lang.Long");
    assert_eq!(shown(rd(2, 4)), "1/2 clojure.lang.Ratio");
    assert_eq!(
        shown(rd(1, 0)),
        "THROW java.lang.ArithmeticException: Divide by zero"
    );
    assert_eq!(
        shown(make_ratio(BigInt::from(4), BigInt::from(2))),
        "2N clojure.lang.BigInt"
    );
}

#[test]
fn bigdec_zero_divisor_guard() {
    // Direct callers of the BigDecimal layer get Java's own messages
    // JVM: (.divide 1M 0M) => "Division by zero", (.divideToIntegralValue 0M 0M) => "Division undefined"
    let one = bigdec::Dec::new(BigInt::from(1), 0);
    let zero = bigdec::Dec::new(BigInt::from(0), 0);
    assert_eq!(
        one.div(&zero).expect_err("throws").message(),
        Some("Division by zero")
    );
    assert_eq!(
        zero.div_to_integral(&zero).expect_err("throws").message(),
        Some("Division undefined")
    );
}

#[test]
fn unary_cast_number() {
    // JVM: (+ "a") => ClassCastException "Cannot cast java.lang.String to java.lang.Number"
    let e = cast_number(&lit("\"a\"")).expect_err("throws");
    assert_eq!(
        e.message(),
        Some("Cannot cast java.lang.String to java.lang.Number")
    );
    assert!(cast_number(&Value::NIL).is_ok());
    assert!(cast_number(&lit("1.5M")).is_ok());
}

#[test]
fn push_long_matches_long_to_string() {
    for n in [
        0,
        7,
        -7,
        10,
        -10,
        1_000_000,
        i64::MAX,
        i64::MIN,
        i64::MIN + 1,
    ] {
        let mut s = String::from("x");
        push_long(&mut s, n);
        assert_eq!(s, format!("x{n}"));
    }
}
