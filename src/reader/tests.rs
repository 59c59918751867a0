//! Reader tests. Every expectation was recorded on JVM Clojure 1.11.1 with
//! `(prn (read-string s))` / `(read (LineNumberingPushbackReader. ...))`
//! (scripts in the comments name the form read; "JVM:" gives the result).

use super::*;
use crate::runtime::equality::equiv;
use crate::runtime::printer::pr_str;
use crate::runtime::value::View;

thread_local! {
    pub(super) static STACK_PROBE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Records the lowest stack address seen (for measure_stack_per_level).
pub(super) fn probe() {
    let x = 0u8;
    let a = &x as *const u8 as usize;
    STACK_PROBE.with(|p| {
        if p.get() == 0 || a < p.get() {
            p.set(a)
        }
    });
}

fn rd(s: &str) -> Value {
    match read_str(s) {
        Ok(v) => v,
        Err(e) => panic!("reading {s:?} failed: {e}"),
    }
}

fn pr(s: &str) -> String {
    pr_str(&rd(s))
}

/// (class, message) of the error reading `s` with read_str.
fn fail(s: &str) -> (ExClass, String) {
    match read_str(s) {
        Ok(v) => panic!("reading {s:?} should fail, got a {}", v.class_name()),
        Err(e) => (e.class(), e.message().unwrap_or("").to_string()),
    }
}

fn assert_fail(s: &str, class: ExClass, msg: &str) {
    assert_eq!(fail(s), (class, msg.to_string()), "reading {s:?}");
}

fn meta_of(v: &Value) -> Option<Value> {
    meta::get(v)
}

/// Metadata as (keyword name, long) pairs, in order.
fn meta_pairs(v: &Value) -> Vec<(String, String)> {
    meta_of(v)
        .map(|m| {
            meta::map_pairs(&m)
                .into_iter()
                .map(|(k, v)| (pr_str(&k), pr_str(&v)))
                .collect()
        })
        .unwrap_or_default()
}

const RE: ExClass = ExClass::RuntimeException;
const IAE: ExClass = ExClass::IllegalArgumentException;
const NFE: ExClass = ExClass::NumberFormatException;
const ISE: ExClass = ExClass::IllegalStateException;

#[test]
fn integers() {
    // JVM: 0x1F 31, -0x1F -31, 2r1010 10, 36rZZ 1295, 017 15, +5 5, -0 0,
    // 00 0, 2R11 3, 0X1f 31, -9223372036854775808 Long,
    // -0x8000000000000000 Long
    for (s, n) in [
        ("0x1F", 31),
        ("-0x1F", -31),
        ("2r1010", 10),
        ("36rZZ", 1295),
        ("017", 15),
        ("+5", 5),
        ("-0", 0),
        ("00", 0),
        ("2R11", 3),
        ("0X1f", 31),
        ("4/2", 2),
        ("-4/2", -2),
        ("0/5", 0),
        ("-9223372036854775808", i64::MIN),
        ("-0x8000000000000000", i64::MIN),
        ("9223372036854775807", i64::MAX),
    ] {
        assert_eq!(rd(s).as_long(), Some(n), "{s}");
    }
}

#[test]
fn big_numbers() {
    use num_bigint::BigInt;
    use std::str::FromStr;
    let big = |s: &str| BigInt::from_str(s).unwrap();
    // JVM: 99999999999999999999 => 99999999999999999999N (BigInt)
    // 9223372036854775808 => BigInt, 0x7fffffffffffffffff => 2361183241434822606847N
    // 1N, 0xFFN 255N, 0123N 83N, 0N, -0N 0N, -9223372036854775809N,
    // 100000000000000000000/2 => 50000000000000000000N
    for (s, n) in [
        ("99999999999999999999", "99999999999999999999"),
        ("9223372036854775808", "9223372036854775808"),
        ("0x7fffffffffffffffff", "2361183241434822606847"),
        ("0x8000000000000000", "9223372036854775808"),
        ("-9223372036854775809", "-9223372036854775809"),
        ("1N", "1"),
        ("0xFFN", "255"),
        ("0123N", "83"),
        ("0N", "0"),
        ("-0N", "0"),
        ("100000000000000000000/2", "50000000000000000000"),
    ] {
        match rd(s).view() {
            View::BigInt(b) => assert_eq!(*b, big(n), "{s}"),
            _ => panic!("{s} should read as a BigInt"),
        }
    }
    // JVM: 3/4, -1/2, +1/2 are Ratios
    for (s, n, d) in [("3/4", 3, 4), ("-1/2", -1, 2), ("+1/2", 1, 2)] {
        match rd(s).view() {
            View::Ratio(r) => {
                assert_eq!(*r.numer(), BigInt::from(n), "{s}");
                assert_eq!(*r.denom(), BigInt::from(d), "{s}");
            }
            _ => panic!("{s} should read as a Ratio"),
        }
    }
    // JVM: 1.5M, 1M, 1.50M (scale kept), 0.0M, 1e3M => 1E+3M
    for (s, d) in [
        ("1.5M", "1.5"),
        ("1M", "1"),
        ("1.50M", "1.50"),
        ("0.0M", "0.0"),
    ] {
        match rd(s).view() {
            View::BigDec(x) => assert_eq!(*x, bigdecimal::BigDecimal::from_str(d).unwrap(), "{s}"),
            _ => panic!("{s} should read as a BigDecimal"),
        }
    }
    assert!(matches!(rd("1e3M").view(), View::BigDec(_)));
}

#[test]
fn doubles() {
    // JVM: 1e3 1000.0, 1E-3 0.001, 1. 1.0, 1.e5 100000.0, 08.5 8.5,
    // 09e1 90.0, 01.5 1.5, 1E3 1000.0, -0.0, 1e400 ##Inf, -1e400 ##-Inf
    for (s, d) in [
        ("1e3", 1000.0),
        ("1E-3", 0.001),
        ("1.", 1.0),
        ("1.e5", 100000.0),
        ("08.5", 8.5),
        ("09e1", 90.0),
        ("01.5", 1.5),
        ("1E3", 1000.0),
        ("1e400", f64::INFINITY),
        ("-1e400", f64::NEG_INFINITY),
        ("##Inf", f64::INFINITY),
        ("##-Inf", f64::NEG_INFINITY),
    ] {
        assert_eq!(rd(s).as_double(), Some(d), "{s}");
    }
    let z = rd("-0.0").as_double().unwrap();
    assert!(z == 0.0 && z.is_sign_negative());
    assert!(rd("##NaN").as_double().unwrap().is_nan());
}

#[test]
fn number_errors() {
    // JVM: (read-string s) throws these
    assert_fail("08", NFE, "Invalid number: 08");
    assert_fail("1.2.3", NFE, "Invalid number: 1.2.3");
    assert_fail("1/2/3", NFE, "Invalid number: 1/2/3");
    assert_fail("1.0e", NFE, "Invalid number: 1.0e");
    assert_fail("1e", NFE, "Invalid number: 1e");
    assert_fail("1.5N", NFE, "Invalid number: 1.5N");
    assert_fail("0x", NFE, "Invalid number: 0x");
    assert_fail("1a", NFE, "Invalid number: 1a");
    assert_fail("1_000", NFE, "Invalid number: 1_000");
    assert_fail("1/-2", NFE, "Invalid number: 1/-2");
    assert_fail("+4/-2", NFE, "Invalid number: +4/-2");
    assert_fail("2r", NFE, "Invalid number: 2r");
    assert_fail("1.5e", NFE, "Invalid number: 1.5e");
    assert_fail("0x1.5", NFE, "Invalid number: 0x1.5");
    assert_fail("2r102", NFE, "For input string: \"102\" under radix 2");
    assert_fail("37r1", NFE, "Radix out of range");
    assert_fail("1r1", NFE, "Radix out of range");
    assert_fail("1/0", ExClass::ArithmeticException, "Divide by zero");
    assert_fail("##foo", RE, "Unknown symbolic value: ##foo");
    assert_fail("##1", RE, "Invalid token: ##1");
    assert_fail("##", RE, "EOF while reading");
}

#[test]
fn strings() {
    // JVM: "a\nb\t\r\b\f\"\\" ; "\u0041\101\7\377" => "AA\u0007ÿ"
    assert_eq!(
        rd(r#""a\nb\t\r\b\f\"\\""#).as_str(),
        Some("a\nb\t\r\u{8}\u{c}\"\\")
    );
    assert_eq!(rd(r#""\u0041\101\7\377""#).as_str(), Some("AA\u{7}\u{ff}"));
    assert_eq!(rd(r#""\u00e9""#).as_str(), Some("é"));
    // JVM: "\uD83D\uDE00" => "😀"; "\1;" => ";" (octal stops at a macro char)
    assert_eq!(rd(r#""\uD83D\uDE00""#).as_str(), Some("😀"));
    assert_eq!(rd(r#""\1;""#).as_str(), Some("\u{1};"));
    // Lone surrogate: JVM keeps it (prints "?x"); we use U+FFFD.
    assert_eq!(rd(r#""\uD83Dx""#).as_str(), Some("\u{FFFD}x"));
    assert_eq!(rd("\"multi\nline\"").as_str(), Some("multi\nline"));
    assert_fail(
        r#""\400""#,
        RE,
        "Octal escape sequence must be in range [0, 377].",
    );
    assert_fail(r#""\x""#, RE, "Unsupported escape character: \\x");
    assert_fail(
        r#""\u12""#,
        IAE,
        "Invalid character length: 2, should be: 4",
    );
    assert_fail(r#""\u""#, RE, "Invalid unicode escape: \\u\"");
    assert_fail(r#""\ux""#, RE, "Invalid unicode escape: \\ux");
    assert_fail(r#""\8""#, IAE, "Invalid digit: 8");
    assert_fail(r#""\18""#, IAE, "Invalid digit: 8");
    assert_fail(r#""\u00g0""#, IAE, "Invalid digit: g");
    assert_fail("\"abc", RE, "EOF while reading string");
    assert_fail("\"\\", RE, "EOF while reading string");
}

#[test]
fn characters() {
    // JVM: each reads as the char shown
    for (s, c) in [
        ("\\a", 'a'),
        ("\\newline", '\n'),
        ("\\space", ' '),
        ("\\tab", '\t'),
        ("\\backspace", '\u{8}'),
        ("\\formfeed", '\u{c}'),
        ("\\return", '\r'),
        ("\\u0041", 'A'),
        ("\\o101", 'A'),
        ("\\o", 'o'),
        ("\\u", 'u'),
        ("\\é", 'é'),
        ("\\1", '1'),
        ("\\(", '('),
        ("\\)(", ')'),
        ("\\ ", ' '),
        ("\\\n", '\n'),
    ] {
        assert_eq!(rd(s).as_char(), Some(c), "{s:?}");
    }
    assert_fail(
        "\\o400",
        RE,
        "Octal escape sequence must be in range [0, 377].",
    );
    assert_fail("\\foo", RE, "Unsupported character: \\foo");
    assert_fail("\\abc", RE, "Unsupported character: \\abc");
    assert_fail("\\", RE, "EOF while reading character");
    assert_fail("\\uD800", RE, "Invalid character constant: \\ud800");
    assert_fail("\\u12", IAE, "Invalid unicode character: \\u12");
    assert_fail("\\u00411", IAE, "Invalid unicode character: \\u00411");
    assert_fail("\\uZZZZ", IAE, "Invalid digit: Z");
    assert_fail("\\o8", IAE, "Invalid digit: 8");
    assert_fail("\\o1234", RE, "Invalid octal escape sequence length: 4");
    // JVM: \😀 is two UTF-16 units => "Unsupported character: \😀"
    assert_fail("\\😀", RE, "Unsupported character: \\😀");
}

#[test]
fn symbols_and_keywords() {
    // JVM: each prints back as itself
    for s in [
        "/",
        "a/b",
        "clojure.core//",
        ".foo",
        "foo.",
        "a.b/c",
        "*x*",
        "<=",
        "->>",
        "a//",
        "a/b/c",
        ":a",
        ":a/b",
        ":/",
        ":1",
        ":a:b",
        "nil?",
        "truex",
        "ns/nil",
        "a#",
        ":a/b/c",
        "clojure.core//a",
        "a/:b",
        "%",
        "%1",
        "²",
        "a٣",
        "a'b",
        "a%",
    ] {
        assert_eq!(pr(s), s, "{s}");
    }
    // JVM: a/b/c is ns "a" name "b/c"; clojure.core//a is ns clojure.core name "/a"
    assert!(equiv(&rd("a/b/c"), &Value::symbol(Some("a"), "b/c")));
    assert!(equiv(
        &rd("clojure.core//a"),
        &Value::symbol(Some("clojure.core"), "/a")
    ));
    assert!(equiv(&rd("a//"), &Value::symbol(Some("a"), "/")));
    assert!(rd("nil").is_nil());
    assert_eq!(rd("true").as_bool(), Some(true));
    assert_eq!(rd("false").as_bool(), Some(false));
    // JVM: ::a => :user/a ; ::a:b => :user/a:b
    assert!(equiv(&rd("::a"), &Value::keyword(Some("user"), "a")));
    assert!(equiv(&rd("::a:b"), &Value::keyword(Some("user"), "a:b")));
    for s in [
        "a/",
        "/a",
        "::",
        ":",
        ":a/",
        "::foo/bar",
        "a:",
        "a::b",
        "foo/1",
        ":a:",
        "a::",
        ":a::b",
        "a/b:",
        "a:/b",
        "x/y/",
        ":::a",
        "::a/b",
    ] {
        assert_fail(s, RE, &format!("Invalid token: {s}"));
    }
    // JVM: \u0085 is not a line terminator-free `.`: "a\u0085b/c" is invalid
    assert_fail("a\u{85}b/c", RE, "Invalid token: a\u{85}b/c");
    assert_eq!(pr("a/b\u{85}c"), "a/b\u{85}c");
}

#[test]
fn auto_resolved_keywords_with_aliases() {
    let mut r = Reader::new("::x ::str/join #::str{:a 1} #::{:b 2}")
        .ns("my.ns")
        .alias("str", "clojure.string");
    let a = r.next_form().unwrap().unwrap();
    assert!(equiv(&a, &Value::keyword(Some("my.ns"), "x")));
    let b = r.next_form().unwrap().unwrap();
    assert!(equiv(&b, &Value::keyword(Some("clojure.string"), "join")));
    assert_eq!(
        pr_str(&r.next_form().unwrap().unwrap()),
        // JVM prints with *print-namespace-maps* true (its default in scripts)
        "#:clojure.string{:a 1}"
    );
    assert_eq!(pr_str(&r.next_form().unwrap().unwrap()), "#:my.ns{:b 2}");
}

#[test]
fn whitespace_comments_and_commas() {
    // JVM: (a ; c\n b) => (a b); a,b => a; (1,2) => (1 2)
    assert_eq!(pr("(a ; c\n b)"), "(a b)");
    assert_eq!(pr("a,b"), "a");
    assert_eq!(pr("(1,2)"), "(1 2)");
    assert_eq!(pr("#!shebang\n5"), "5");
    assert_eq!(pr("#_ 1 2"), "2");
    assert_eq!(pr("#_ #_ 1 2 3"), "3");
    assert_eq!(pr("[#_ 1]"), "[]");
    // JVM: U+2028, U+3000, U+000B, U+001C are whitespace; U+00A0 and U+200B
    // are symbol characters.
    for s in ["\u{2028}1", "\u{3000}1", "\u{b}1", "\u{1c}1", "\u{2001}1"] {
        assert_eq!(rd(s).as_long(), Some(1), "{s:?}");
    }
    assert_eq!(pr("\u{a0}a"), "\u{a0}a");
    assert_eq!(pr("\u{200b}a"), "\u{200b}a");
    assert_eq!(pr("a\u{a0}b"), "a\u{a0}b");
    for s in ["", "   ", "; x", "#_", "#!"] {
        assert_fail(s, RE, "EOF while reading");
    }
}

#[test]
fn collections() {
    assert_eq!(pr("(1 2) 3"), "(1 2)");
    assert_eq!(pr("[1 2]"), "[1 2]");
    assert_eq!(pr("{:a 1}"), "{:a 1}");
    assert_eq!(pr("(a b))"), "(a b)");
    assert_eq!(pr("()"), "()");
    // JVM: {1 1 1.0 2} is fine (= 1 1.0) is false
    assert_eq!(read_all("{1 1 1.0 2}").unwrap().len(), 1);
    let s = rd("#{1 2}");
    assert!(matches!(s.view(), View::HashSet(h) if h.count() == 2));
    assert_fail(
        "{:a 1 :b}",
        RE,
        "Map literal must contain an even number of forms",
    );
    assert_fail("{:a 1 :a 2}", IAE, "Duplicate key: :a");
    assert_fail("#{1 1}", IAE, "Duplicate key: 1");
    // JVM: key printed with toString
    assert_fail("{\"a\" 1 \"a\" 2}", IAE, "Duplicate key: a");
    assert_fail("{[\"a\"] 1 [\"a\"] 2}", IAE, "Duplicate key: [\"a\"]");
    assert_fail("{nil 1 nil 2}", IAE, "Duplicate key: null");
    assert_fail("{\\a 1 \\a 2}", IAE, "Duplicate key: a");
    assert_fail("{a 1 a 2}", IAE, "Duplicate key: a");
    assert_fail("#{\"x\" \"x\"}", IAE, "Duplicate key: x");
    assert_fail("{(a) 1 (a) 2}", IAE, "Duplicate key: (a)");
    assert_fail("#{[1] (1)}", IAE, "Duplicate key: (1)");
    assert_fail(
        "{:a 1 :b 2 :c 3 :d 4 :e 5 :f 6 :g 7 :h 8 :i 9 :a 10}",
        IAE,
        "Duplicate key: :a",
    );
    for s in [")", "]", "}"] {
        assert_fail(s, RE, &format!("Unmatched delimiter: {s}"));
    }
    assert_fail("#)", RE, "Unmatched delimiter: )");
    for s in [
        "(", "[", "{", "#{", "#{1", "(a\n", "#(", "'", "@", "`", "^", "#'", "#^",
    ] {
        assert_fail(s, RE, "EOF while reading");
    }
}

#[test]
fn namespaced_maps() {
    // JVM: #:ns{:a 1 :b/c 2 :_/d 3 e 4 f/g 5} => {:ns/a 1, :b/c 2, :d 3, ns/e 4, f/g 5}
    assert_eq!(
        pr("#:ns{:a 1 :b/c 2 :_/d 3 e 4 f/g 5}"),
        "{:ns/a 1, :b/c 2, :d 3, ns/e 4, f/g 5}"
    );
    // JVM (script defaults, *print-namespace-maps* true):
    assert_eq!(pr("#::{:a 1}"), "#:user{:a 1}");
    assert_eq!(pr("#:a {:b 1}"), "#:a{:b 1}");
    assert_eq!(pr("#:: {:b 1}"), "#:user{:b 1}");
    assert_eq!(pr("#::{:b 1 ::c 2 :_/d 3}"), "{:user/b 1, :user/c 2, :d 3}");
    assert_eq!(pr("#:ns{1 2}"), "{1 2}");
    assert_fail("#::s{:a 1}", RE, "Unknown auto-resolved namespace alias: s");
    assert_fail("#:ns{:a 1 :a 2}", IAE, "Duplicate key: :ns/a");
    assert_fail("#:ns [1]", RE, "Namespaced map must specify a map");
    assert_fail(
        "#:{:a 1}",
        RE,
        "Namespaced map must specify a valid namespace: null",
    );
    assert_fail(
        "#:a/b{:c 1}",
        RE,
        "Namespaced map must specify a valid namespace: a/b",
    );
    assert_fail(
        "#::a/b{:c 1}",
        RE,
        "Namespaced map must specify a valid namespace: a/b",
    );
    assert_fail(
        "#:1{}",
        RE,
        "Namespaced map must specify a valid namespace: 1",
    );
    assert_fail(
        "#:a{:b}",
        RE,
        "Namespaced map literal must contain an even number of forms",
    );
}

#[test]
fn quote_deref_var_unquote() {
    assert_eq!(pr("'a"), "(quote a)");
    assert_eq!(pr("@x"), "(clojure.core/deref x)");
    assert_eq!(pr("#'x"), "(var x)");
    assert_eq!(pr("~a"), "(clojure.core/unquote a)");
    assert_eq!(pr("~@a"), "(clojure.core/unquote-splicing a)");
    assert_fail("~", RE, "EOF while reading character");
    assert_fail("#", RE, "EOF while reading character");
}

#[test]
fn metadata() {
    let a = rd("^:k a");
    assert_eq!(meta_pairs(&a), vec![(":k".into(), "true".into())]);
    assert_eq!(meta_pairs(&rd("^T a")), vec![(":tag".into(), "T".into())]);
    assert_eq!(
        meta_pairs(&rd("^\"T\" a")),
        vec![(":tag".into(), "\"T\"".into())]
    );
    assert_eq!(
        meta_pairs(&rd("^{:a 1} [x]")),
        vec![(":a".into(), "1".into())]
    );
    // JVM: ^:k ^:j (x) => ^{:j true, :k true} (x)
    assert_eq!(
        meta_pairs(&rd("^:k ^:j (x)")),
        vec![(":j".into(), "true".into()), (":k".into(), "true".into())]
    );
    assert_eq!(
        meta_pairs(&rd("^:k {:a 1}")),
        vec![(":k".into(), "true".into())]
    );
    assert_eq!(
        meta_pairs(&rd("^:k #{1}")),
        vec![(":k".into(), "true".into())]
    );
    assert_eq!(
        meta_pairs(&rd("#^:k a")),
        vec![(":k".into(), "true".into())]
    );
    // JVM: read-string gives no position metadata: ^{:line 5} (a b) => {:line 5}
    assert_eq!(
        meta_pairs(&rd("^{:line 5} (a b)")),
        vec![(":line".into(), "5".into())]
    );
    assert!(meta_of(&rd("(a b)")).is_none());
    assert_fail("^:k 1", IAE, "Metadata can only be applied to IMetas");
    assert_fail("^:k \"s\"", IAE, "Metadata can only be applied to IMetas");
    assert_fail("^1 a", IAE, "Metadata must be Symbol,Keyword,String or Map");
    assert_fail(
        "^[String] x",
        IAE,
        "Metadata must be Symbol,Keyword,String or Map",
    );
}

#[test]
fn regexes() {
    // JVM: #"a\d+\\" => #"a\d+\\" (backslashes kept)
    match rd(r#"#"a\d+\\""#).view() {
        View::Regex(r) => assert_eq!(r.source(), r"a\d+\\"),
        _ => panic!("regex expected"),
    }
    // JVM: PatternSyntaxException (an IllegalArgumentException)
    assert_eq!(
        fail(r#"#"[""#).0,
        crate::runtime::error::ExClass::PatternSyntaxException
    );
    assert_fail("#\"\\", RE, "EOF while reading regex");
    assert_fail("#\"", RE, "EOF while reading regex");
}

#[test]
fn fn_literals() {
    let f = rd("#(+ % %2)");
    let s = pr_str(&f);
    // JVM: (fn* [p1__149# p2__150#] (+ p1__149# p2__150#))
    let items: Vec<Value> = crate::runtime::seq::iter(&f).map(|x| x.unwrap()).collect();
    assert_eq!(pr_str(&items[0]), "fn*");
    let args: Vec<String> = crate::runtime::seq::iter(&items[1])
        .map(|x| pr_str(&x.unwrap()))
        .collect();
    assert_eq!(args.len(), 2);
    assert!(args[0].starts_with("p1__") && args[0].ends_with('#'), "{s}");
    assert!(args[1].starts_with("p2__") && args[1].ends_with('#'), "{s}");
    assert_eq!(pr_str(&items[2]), format!("(+ {} {})", args[0], args[1]));
    assert_eq!(pr("#()"), "(fn* [] ())");
    // JVM: #(%&) => (fn* [& rest__151#] (rest__151#))
    let s = pr("#(%&)");
    let rest = s
        .strip_prefix("(fn* [& ")
        .and_then(|t| t.split(']').next())
        .unwrap_or("");
    assert!(rest.starts_with("rest__") && rest.ends_with('#'), "{s}");
    assert_eq!(s, format!("(fn* [& {rest}] ({rest}))"));
    // JVM: #(% %1) uses one symbol; #(%3) fills p1 p2 with fresh names
    let s = pr("#(% %1)");
    let p: Vec<&str> = s
        .split(['[', ']', '(', ')', ' '])
        .filter(|x| x.starts_with("p1__"))
        .collect();
    assert_eq!(p.len(), 3, "{s}");
    assert!(p.iter().all(|x| *x == p[0]));
    let s = pr("#(%3)");
    assert!(
        s.contains("p1__") && s.contains("p2__") && s.contains("p3__"),
        "{s}"
    );
    // JVM: #(%2 %&) => (fn* [p1__153# p2__151# & rest__152#] (p2__151# rest__152#))
    let s = pr("#(%2 %&)");
    assert!(s.contains(" & rest__"), "{s}");
    // JVM: #(%0) => (fn* [] (p0__156#)); #(%-1) => rest; #(%1.5) => p1
    assert!(pr("#(%0)").starts_with("(fn* [] (p0__"));
    assert!(pr("#(%-1)").starts_with("(fn* [& rest__"));
    assert!(pr("#(%1.5)").starts_with("(fn* [p1__"));
    assert_fail("#(#(%))", ISE, "Nested #()s are not allowed");
    assert_fail("#(% #(x))", ISE, "Nested #()s are not allowed");
    assert_fail("#(%x)", ISE, "arg literal must be %, %& or %integer");
    assert_fail("#(%&x)", ISE, "arg literal must be %, %& or %integer");
    // after an error the next #() still works
    let mut r = Reader::new("#(#(%)) #(%)").line_numbering(false);
    assert!(r.next_form().is_err());
}

#[test]
fn syntax_quote_shapes() {
    // JVM (read-string, ns user):
    let cases = [
        ("`a", "(quote user/a)"),
        (
            "`(a ~b ~@c)",
            "(clojure.core/seq (clojure.core/concat (clojure.core/list (quote user/a)) (clojure.core/list b) c))",
        ),
        (
            "`[a ~b]",
            "(clojure.core/apply clojure.core/vector (clojure.core/seq (clojure.core/concat (clojure.core/list (quote user/a)) (clojure.core/list b))))",
        ),
        (
            "`{:a ~b}",
            "(clojure.core/apply clojure.core/hash-map (clojure.core/seq (clojure.core/concat (clojure.core/list :a) (clojure.core/list b))))",
        ),
        (
            "`#{a}",
            "(clojure.core/apply clojure.core/hash-set (clojure.core/seq (clojure.core/concat (clojure.core/list (quote user/a)))))",
        ),
        ("`if", "(quote if)"),
        ("`foo.", "(quote foo.)"),
        ("`.foo", "(quote .foo)"),
        ("`a/b", "(quote a/b)"),
        ("`~a", "a"),
        (
            "`(1 \"s\" :k)",
            "(clojure.core/seq (clojure.core/concat (clojure.core/list 1) (clojure.core/list \"s\") (clojure.core/list :k)))",
        ),
        (
            "``a",
            "(clojure.core/seq (clojure.core/concat (clojure.core/list (quote quote)) (clojure.core/list (quote user/a))))",
        ),
        ("`nil", "(quote nil)"),
        ("`true", "(quote true)"),
        (
            "`^:k a",
            "(clojure.core/with-meta (quote user/a) (clojure.core/apply clojure.core/hash-map (clojure.core/seq (clojure.core/concat (clojure.core/list :k) (clojure.core/list (quote true))))))",
        ),
        (
            "`^:k (a)",
            "(clojure.core/with-meta (clojure.core/seq (clojure.core/concat (clojure.core/list (quote user/a)))) (clojure.core/apply clojure.core/hash-map (clojure.core/seq (clojure.core/concat (clojure.core/list :k) (clojure.core/list (quote true))))))",
        ),
        (
            "`[]",
            "(clojure.core/apply clojure.core/vector (clojure.core/seq (clojure.core/concat)))",
        ),
        ("`()", "(clojure.core/list)"),
        (
            "`{}",
            "(clojure.core/apply clojure.core/hash-map (clojure.core/seq (clojure.core/concat)))",
        ),
        (
            "`#{}",
            "(clojure.core/apply clojure.core/hash-set (clojure.core/seq (clojure.core/concat)))",
        ),
        ("`&", "(quote &)"),
        ("`clojure.core/map", "(quote clojure.core/map)"),
        ("`java.lang.String", "(quote java.lang.String)"),
        ("`new", "(quote new)"),
        ("`recur", "(quote recur)"),
        ("`(~@a)", "(clojure.core/seq (clojure.core/concat a))"),
        (
            "`[~@a b]",
            "(clojure.core/apply clojure.core/vector (clojure.core/seq (clojure.core/concat a (clojure.core/list (quote user/b)))))",
        ),
        ("`(clojure.core/unquote x)", "x"),
        (
            "`^{:a 1} [x]",
            "(clojure.core/with-meta (clojure.core/apply clojure.core/vector (clojure.core/seq (clojure.core/concat (clojure.core/list (quote user/x))))) (clojure.core/apply clojure.core/hash-map (clojure.core/seq (clojure.core/concat (clojure.core/list :a) (clojure.core/list 1)))))",
        ),
        ("`a.b", "(quote a.b)"),
        ("`a.b/c", "(quote a.b/c)"),
        ("`java.lang.String/x", "(quote java.lang.String/x)"),
        ("`a.b.", "(quote a.b.)"),
        ("`.a.b", "(quote .a.b)"),
        ("`:a", ":a"),
        ("`::a", ":user/a"),
        ("`\"s\"", "\"s\""),
        ("`x/y#", "(quote x/y#)"),
        ("`1", "1"),
        ("`\\a", "\\a"),
    ];
    for (src, want) in cases {
        assert_eq!(pr(src), want, "{src}");
    }
    assert!(matches!(rd("`1.5").view(), View::Double(d) if d == 1.5));
    assert_fail("`~@a", ISE, "splice not in list");
}

#[test]
fn syntax_quote_gensyms() {
    // JVM: `(a# a#) => (... (quote a__159__auto__)) (... (quote a__159__auto__)))
    let s = pr("`(a# a#)");
    let g: Vec<&str> = s
        .split(['(', ')', ' '])
        .filter(|x| x.starts_with("a__") && x.ends_with("__auto__"))
        .collect();
    assert_eq!(g.len(), 2, "{s}");
    assert_eq!(g[0], g[1]);
    // A new syntax-quote gets a new gensym.
    let forms = read_all("`a# `a#").unwrap();
    assert!(!equiv(&forms[0], &forms[1]));
    // JVM: ``a# => ... (quote user/a__157__auto__)
    let s = pr("``a#");
    assert!(s.contains("(quote user/a__"), "{s}");
    // JVM: `#(+ %) => p1__154__155__auto__ (the # of the arg is gensym'd again)
    // (the JVM resolves + to clojure.core/+ through its refers; without an
    // engine the default resolver qualifies with the current ns)
    let s = pr("`#(+ %)");
    assert!(s.contains("(quote fn*)") && s.contains("__auto__"), "{s}");
    assert!(s.contains("(quote user/+)"), "{s}");
}

#[test]
fn syntax_quote_with_resolver_and_aliases() {
    let mut r = Reader::new("`(str/join x)")
        .ns("my.app")
        .alias("str", "clojure.string");
    let v = r.next_form().unwrap().unwrap();
    assert_eq!(
        pr_str(&v),
        "(clojure.core/seq (clojure.core/concat (clojure.core/list (quote clojure.string/join)) (clojure.core/list (quote my.app/x))))"
    );
    struct Core;
    impl Resolver for Core {
        fn current_ns(&self) -> String {
            "user".into()
        }
        fn resolve_alias(&self, _: &str) -> Option<String> {
            None
        }
        fn resolve_symbol(&self, ns: Option<&str>, name: &str) -> Value {
            match (ns, name) {
                (None, "map") => Value::symbol(Some("clojure.core"), "map"),
                (None, "String") => Value::symbol(None, "java.lang.String"),
                _ => default_resolve_symbol("user", |_| None, ns, name),
            }
        }
    }
    let mut r = Reader::new("`map `String `String. `mine").resolver(Box::new(Core));
    let got: Vec<String> = std::iter::from_fn(|| r.next_form().unwrap())
        .map(|v| pr_str(&v))
        .collect();
    // JVM: `map => (quote clojure.core/map), `String => (quote java.lang.String),
    // `String. => (quote java.lang.String.)
    assert_eq!(
        got,
        vec![
            "(quote clojure.core/map)",
            "(quote java.lang.String)",
            "(quote java.lang.String.)",
            "(quote user/mine)"
        ]
    );
}

#[test]
fn reader_conditionals() {
    // JVM, (read {:read-cond :allow} rdr)
    assert_eq!(pr("#?(:clj (a))"), "(a)");
    assert_eq!(pr("(a #?@(:clj [1 2]) 3)"), "(a 1 2 3)");
    assert_eq!(pr("[#?@(:clj [1 2]) 3]"), "[1 2 3]");
    assert_eq!(pr("[#?(:cljs 1)]"), "[]");
    assert_eq!(pr("#?(:cljs 1 :default 2)"), "2");
    assert_eq!(pr("#?(:cljs #foo/bar 1 :clj 2)"), "2");
    assert_eq!(pr("#?(:clj 2 :cljs #foo/bar 1)"), "2");
    assert_eq!(pr("#?(:clj 1 :cljs)"), "1");
    assert_eq!(pr("#?(:clj 1 :clj 2)"), "1");
    assert_eq!(pr("(#?@(:clj []))"), "()");
    assert_eq!(pr("#?(:cljs 1) 5"), "5");
    assert_eq!(pr("[#?(:cljs 1 :default 2 :clj 3)]"), "[2]");
    assert_eq!(pr("#?(:cljs (#?(:clj 1)) :clj 3)"), "3");
    assert_eq!(pr("^#?(:clj :k) (a)"), "(a)");
    assert_eq!(pr("#_#?(:clj 1) 2"), "2");
    assert_eq!(pr("#?(:default 2 :clj 1)"), "2");
    assert_eq!(pr("#?( :cljs 1 :clj 2)"), "2");
    assert_eq!(pr("#? (:clj 2)"), "2");
    assert_eq!(pr("[#?(:clj nil) 1]"), "[nil 1]");
    assert!(rd("#?(:clj nil)").is_nil());
    assert_eq!(pr("#?(:cljw 1 :clj 2)"), "1");
    // JVM: '#?@(:clj [1 2]) => (quote 1); [1 '#?@(:clj [1 2]) 3] => [1 (quote 1) 2 3]
    assert_eq!(pr("'#?@(:clj [1 2])"), "(quote 1)");
    assert_eq!(pr("[1 '#?@(:clj [1 2]) 3]"), "[1 (quote 1) 2 3]");
    assert_fail("#?(:cljs 1)", RE, "EOF while reading");
    assert_fail(
        "#?(:cljs #foo/bar 1 :clj #foo/bar 2)",
        RE,
        "No reader function for tag foo/bar",
    );
    assert_fail(
        "#?(:clj)",
        RE,
        "read-cond requires an even number of forms.",
    );
    assert_fail("#?[:clj 1]", RE, "read-cond body must be a list");
    assert_fail("#?x", RE, "read-cond body must be a list");
    assert_fail(
        "#?@(:clj 1)",
        RE,
        "Spliced form list in read-cond-splicing must implement java.util.List",
    );
    assert_fail(
        "[#?@(:clj {:a 1})]",
        RE,
        "Spliced form list in read-cond-splicing must implement java.util.List",
    );
    assert_fail(
        "#?@(:clj [1 2])",
        RE,
        "Reader conditional splicing not allowed at the top level.",
    );
    assert_fail(
        "#?@ (:clj [2])",
        RE,
        "Reader conditional splicing not allowed at the top level.",
    );
    assert_fail("#?(1 2)", RE, "Feature should be a keyword: 1");
    assert_fail("#?(:cljs 2 \"x\" 1)", RE, "Feature should be a keyword: x");
    assert_fail("#?(:cljs 2 :else 1)", RE, "Feature name :else is reserved.");
    assert_fail(
        "{:a #?(:cljs 1)}",
        RE,
        "Map literal must contain an even number of forms",
    );
    // Unselected branches still fail on everything but unknown tags.
    assert_fail(
        "#?(:cljs [#_ x ::foo/bar] :clj 3)",
        RE,
        "Invalid token: ::foo/bar",
    );
    assert_fail("#?(:cljs {:a 1 :a 1} :clj 3)", IAE, "Duplicate key: :a");
    assert_fail(
        "#?(:cljs ^:k 1 :clj 3)",
        IAE,
        "Metadata can only be applied to IMetas",
    );
    assert_fail("#?(:cljs \\foo :clj 3)", RE, "Unsupported character: \\foo");
    assert_fail("#?(:clj 1", RE, "EOF while reading");
    // JVM: (read {:read-cond :allow :features #{:bb}} ...) #?(:bb 2 :clj 1) => 2
    let mut r = Reader::new("#?(:bb 2 :clj 1)").features(&["bb", "clj"]);
    assert_eq!(r.next_form().unwrap().unwrap().as_long(), Some(2));
    // JVM: read-string without {:read-cond :allow}
    let mut r = Reader::new("#?(:clj 1)")
        .read_cond(ReadCond::Disallow)
        .line_numbering(false);
    let e = r.next_form().unwrap_err();
    assert_eq!(e.message(), Some("Conditional read not allowed"));
}

#[test]
fn tagged_literals() {
    assert_fail("#my/tag 1", RE, "No reader function for tag my/tag");
    assert_fail("#foo 1", RE, "No reader function for tag foo");
    assert_fail("#a", RE, "EOF while reading");
    assert_fail("#1 x", RE, "Reader tag must be a symbol");
    assert_fail("#<foo>", RE, "Unreadable form");
    assert_fail(
        "#uuid 1",
        ExClass::AssertionError,
        "Assert failed: (string? form)",
    );
    assert_fail("#uuid \"abc\"", IAE, "Invalid UUID string: abc");
    assert_fail("#inst \"2020-13-01\"", RE, "failed: (<= 1 months 12)");
    assert_fail("#inst \"x\"", RE, "Unrecognized date/time syntax: x");
    assert_eq!(fail("#inst 1").0, ExClass::ClassCastException);
    // JVM: #uuid "1-1-1-1-1" => #uuid "00000001-0001-0001-0001-000000000001"
    assert_eq!(
        pr("#uuid \"1-1-1-1-1\""),
        "#uuid \"00000001-0001-0001-0001-000000000001\""
    );
    assert_eq!(
        pr("#uuid \"123E4567-E89B-12D3-A456-426614174000\""),
        "#uuid \"123e4567-e89b-12d3-a456-426614174000\""
    );
    // JVM: #inst "2020" => #inst "2020-01-01T00:00:00.000-00:00";
    // +01:00 shifts to UTC; nanoseconds truncate to millis
    for (src, want) in [
        ("2020-01-01", "2020-01-01T00:00:00.000-00:00"),
        ("2020", "2020-01-01T00:00:00.000-00:00"),
        (
            "2020-01-01T10:20:30.123+01:00",
            "2020-01-01T09:20:30.123-00:00",
        ),
        (
            "2020-01-01T10:20:30.123456789Z",
            "2020-01-01T10:20:30.123-00:00",
        ),
    ] {
        assert_eq!(pr(&format!("#inst \"{src}\"")), format!("#inst \"{want}\""));
    }
    // data readers: Rust callbacks, and the default data reader fn
    let mut r = Reader::new("#my/tag 5 #other 6")
        .data_reader(
            "my/tag",
            DataReader::Native(Box::new(|v| Ok(Value::long(v.as_long().unwrap_or(0) * 10)))),
        )
        .default_data_reader(DefaultDataReader::Native(Box::new(|t, v| {
            Ok(Value::vector(vec![t.clone(), v.clone()]))
        })));
    assert_eq!(r.next_form().unwrap().unwrap().as_long(), Some(50));
    assert_eq!(pr_str(&r.next_form().unwrap().unwrap()), "[other 6]");
    // records
    assert_eq!(fail("#foo.Bar{:a 1}").0, ExClass::ClassNotFoundException);
    let mut r = Reader::new("#foo.Bar[1]")
        .read_eval(false)
        .line_numbering(false);
    assert_eq!(
        r.next_form().unwrap_err().message(),
        Some("Record construction syntax can only be used when *read-eval* == true")
    );
}

#[test]
fn read_eval() {
    let mut r = Reader::new("#=(+ 1 2)")
        .read_eval(false)
        .line_numbering(false);
    let e = r.next_form().unwrap_err();
    assert_eq!(e.class(), RE);
    assert_eq!(
        e.message(),
        Some("EvalReader not allowed when *read-eval* is false.")
    );
    // *read-eval* true without an engine: a clear error
    let e = read_str("#=(+ 1 2)").unwrap_err();
    assert_eq!(e.class(), ExClass::UnsupportedOperationException);
    struct Eval;
    impl Resolver for Eval {
        fn current_ns(&self) -> String {
            "user".into()
        }
        fn resolve_alias(&self, _: &str) -> Option<String> {
            None
        }
        fn eval(&self, _: &Value) -> Result<Value> {
            Ok(Value::long(3))
        }
    }
    let mut r = Reader::new("#=(+ 1 2)").resolver(Box::new(Eval));
    assert_eq!(r.next_form().unwrap().unwrap().as_long(), Some(3));
}

fn lnpr_read(src: &str) -> Value {
    Reader::new(src).next_form().unwrap().unwrap()
}

#[test]
fn line_and_column_metadata() {
    // JVM with a LineNumberingPushbackReader:
    // "(a b)" => {:line 1, :column 1}
    assert_eq!(
        meta_pairs(&lnpr_read("(a b)")),
        vec![(":line".into(), "1".into()), (":column".into(), "1".into())]
    );
    // "\n  (c\n d)" => {:line 2, :column 3}
    assert_eq!(
        meta_pairs(&lnpr_read("\n  (c\n d)")),
        vec![(":line".into(), "2".into()), (":column".into(), "3".into())]
    );
    // "[a (b)]" => vector has no meta, inner list {:line 1, :column 4}
    let v = lnpr_read("[a (b)]");
    assert!(meta_of(&v).is_none());
    let inner = crate::runtime::seq::iter(&v).nth(1).unwrap().unwrap();
    assert_eq!(
        meta_pairs(&inner),
        vec![(":line".into(), "1".into()), (":column".into(), "4".into())]
    );
    assert!(meta_of(&lnpr_read("{a (b)}")).is_none());
    assert!(meta_of(&lnpr_read("#{a}")).is_none());
    assert!(meta_of(&lnpr_read("a")).is_none());
    assert!(meta_of(&lnpr_read("()")).is_none());
    // "#(x)" body {:line 1, :column 2}
    let f = lnpr_read("#(x)");
    let body = crate::runtime::seq::iter(&f).nth(2).unwrap().unwrap();
    assert_eq!(
        meta_pairs(&body),
        vec![(":line".into(), "1".into()), (":column".into(), "2".into())]
    );
    // "^:k (a)" => {:line 1, :column 1, :k true}
    assert_eq!(
        meta_pairs(&lnpr_read("^:k (a)")),
        vec![
            (":line".into(), "1".into()),
            (":column".into(), "1".into()),
            (":k".into(), "true".into())
        ]
    );
    // "^{:line 5} (a)" => the written :line wins, the column is the
    // reader's: {:line 5 :column 1} (JVM 1.11.1)
    assert_eq!(
        meta_pairs(&lnpr_read("^{:line 5} (a)")),
        vec![(":line".into(), "5".into()), (":column".into(), "1".into())]
    );
    // "\t(a)" column 2; "\r\n(a)" and "\r(a)" line 2 column 1
    assert_eq!(meta_pairs(&lnpr_read("\t(a)"))[1].1, "2");
    assert_eq!(meta_pairs(&lnpr_read("\r\n(a)"))[0].1, "2");
    assert_eq!(meta_pairs(&lnpr_read("\r(a)"))[0].1, "2");
    // "#?(:clj (a))" => {:line 1, :column 9}
    assert_eq!(meta_pairs(&lnpr_read("#?(:clj (a))"))[1].1, "9");
    // "  ^:k `(a (b))" at line 3 => {:k true, :line 3, :column 3}
    let mut r = Reader::new("`^:k (a)\n`(a)\n  ^:k `(a (b))");
    let first = r.next_form().unwrap().unwrap();
    // JVM: the with-meta map includes the positions
    assert!(pr_str(&first).contains("(clojure.core/list :line) (clojure.core/list 1) (clojure.core/list :column) (clojure.core/list 2) (clojure.core/list :k)"), "{}", pr_str(&first));
    r.next_form().unwrap();
    let third = r.next_form().unwrap().unwrap();
    assert_eq!(
        meta_pairs(&third),
        vec![
            (":k".into(), "true".into()),
            (":line".into(), "3".into()),
            (":column".into(), "3".into())
        ]
    );
    // CRLF inside strings reads as \n on a line-numbering reader
    assert_eq!(lnpr_read("\"a\r\nb\"").as_str(), Some("a\nb"));
    assert_eq!(rd("\"a\r\nb\"").as_str(), Some("a\r\nb"));
}

/// (class, message, cause class, cause message, line, column) of the first
/// error reading `src` with a line-numbering reader.
fn lnpr_fail(src: &str) -> (ExClass, String, ExClass, String, i64, i64) {
    let mut r = Reader::new(src);
    let e = loop {
        match r.next_form() {
            Ok(Some(_)) => continue,
            Ok(None) => panic!("{src:?} should fail"),
            Err(e) => break e,
        }
    };
    let cause = e.cause().expect("ReaderException has a cause").clone();
    let data = e.data().cloned().unwrap_or(Value::NIL);
    let get = |k: &str| {
        meta::map_pairs(&data)
            .into_iter()
            .find(|(key, _)| equiv(key, &Value::keyword(Some("clojure.error"), k)))
            .and_then(|(_, v)| v.as_long())
            .unwrap_or(-1)
    };
    (
        e.class(),
        e.message().unwrap_or("").to_string(),
        cause.class(),
        cause.message().unwrap_or("").to_string(),
        get("line"),
        get("column"),
    )
}

#[test]
fn reader_exceptions_with_positions() {
    let rex = ExClass::ReaderException;
    // JVM: "(a\n \"abc" => ReaderException "java.lang.RuntimeException: EOF while
    // reading string" #:clojure.error{:line 3, :column 1}
    assert_eq!(
        lnpr_fail("(a\n \"abc"),
        (
            rex,
            "java.lang.RuntimeException: EOF while reading string".into(),
            RE,
            "EOF while reading string".into(),
            3,
            1
        )
    );
    assert_eq!(
        lnpr_fail("  {:a 1 :a 2}"),
        (
            rex,
            "java.lang.IllegalArgumentException: Duplicate key: :a".into(),
            IAE,
            "Duplicate key: :a".into(),
            1,
            14
        )
    );
    assert_eq!(lnpr_fail("\n\n   1.2.3").4, 4);
    assert_eq!(lnpr_fail("\n\n   1.2.3").5, 1);
    assert_eq!(lnpr_fail("\n\n   1.2.3").2, NFE);
    let e = lnpr_fail("(\n #foo 1)");
    assert_eq!(
        (e.3.as_str(), e.4, e.5),
        ("No reader function for tag foo", 2, 8)
    );
    let e = lnpr_fail("#?@(:clj [1 2])");
    assert_eq!(
        (e.3.as_str(), e.4, e.5),
        (
            "Reader conditional splicing not allowed at the top level.",
            1,
            16
        )
    );
    let e = lnpr_fail("#?(:clj)");
    assert_eq!(
        (e.3.as_str(), e.4, e.5),
        (
            "read-cond starting on line 1 requires an even number of forms",
            1,
            9
        )
    );
    let e = lnpr_fail("#?(:cljs 1 :clj)");
    assert_eq!(e.5, 17);
    let e = lnpr_fail("#?[:clj 1]");
    assert_eq!(
        (e.3.as_str(), e.4, e.5),
        ("read-cond body must be a list", 1, 4)
    );
    let e = lnpr_fail("#?(1 2)");
    assert_eq!((e.3.as_str(), e.5), ("Feature should be a keyword: 1", 5));
    let e = lnpr_fail("#?(:clj 1");
    assert_eq!(
        (e.3.as_str(), e.4, e.5),
        ("EOF while reading, starting at line 1", 2, 1)
    );
    let e = lnpr_fail("#?(:cljs ^:k 1 :clj 3)");
    assert_eq!(e.5, 15);
    let e = lnpr_fail("#?(:cljs 2 :else 1)");
    assert_eq!(e.5, 17);
    let e = lnpr_fail("#?(:cljs [#_ x ::foo/bar] :clj 3)");
    assert_eq!(e.5, 25);
    let e = lnpr_fail("\n(a b");
    assert_eq!(
        (e.3.as_str(), e.4, e.5),
        ("EOF while reading, starting at line 2", 3, 1)
    );
}

#[test]
fn deep_nesting_is_an_exception_not_a_crash() {
    let deep = "(".repeat(100_000);
    let e = read_str(&deep).unwrap_err();
    assert_eq!(e.class(), ExClass::StackOverflowError);
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    assert_eq!(
        read_str(&deep).unwrap_err().class(),
        ExClass::StackOverflowError
    );
    let deep = "'".repeat(100_000) + "x";
    assert_eq!(
        read_str(&deep).unwrap_err().class(),
        ExClass::StackOverflowError
    );
    let deep = "#?(:clj ".repeat(5_000);
    assert_eq!(
        read_str(&deep).unwrap_err().class(),
        ExClass::StackOverflowError
    );
    // Within the limit it reads fine, also through syntax-quote.
    let n = 300;
    let ok = "(".repeat(n) + &")".repeat(n);
    assert!(read_str(&ok).is_ok());
    let ok = "`".to_string() + &"(".repeat(n) + "a" + &")".repeat(n);
    assert!(read_str(&ok).is_ok());
}

#[test]
fn invalid_utf8() {
    let e = read_bytes(b"(a b)\n(c \xff d)").unwrap_err();
    assert_eq!(e.class(), ExClass::ReaderException);
    let m = e.message().unwrap().to_string();
    assert!(m.contains("offset 9") && m.contains("line 2"), "{m}");
    assert_eq!(read_bytes("(a \"é\")".as_bytes()).unwrap().len(), 1);
    assert!(Reader::from_bytes(b"\xc3").is_err());
}

#[test]
fn next_form_iterates_with_positions() {
    let mut r = Reader::new("1 (a)\n  [b] ; c\n:k").file("x.clj");
    assert_eq!(r.file_name(), Some("x.clj"));
    let mut out = Vec::new();
    while let Some(v) = r.next_form().unwrap() {
        out.push(pr_str(&v));
    }
    assert_eq!(out, vec!["1", "(a)", "[b]", ":k"]);
    assert_eq!(read_all("1 2 3").unwrap().len(), 3);
    assert!(read_all("").unwrap().is_empty());
}

#[test]
#[ignore]
fn measure_stack_per_level() {
    for n in [10usize, 100, 200] {
        let src = "(".repeat(n) + &")".repeat(n);
        let h = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || {
                let base = 0u8;
                let base_addr = &base as *const u8 as usize;
                STACK_PROBE.with(|p| p.set(base_addr));
                let _ = read_str(&src);
                STACK_PROBE.with(|p| base_addr - p.get())
            })
            .unwrap();
        eprintln!("depth {n}: {} bytes", h.join().unwrap());
    }
}

#[test]
fn numbers_print_like_the_jvm() {
    // JVM: (prn (read-string s)) for each
    for (s, want) in [
        ("1e3M", "1E+3M"),
        ("1.50M", "1.50M"),
        ("3/4", "3/4"),
        ("-1/2", "-1/2"),
        ("99999999999999999999", "99999999999999999999N"),
        ("0x7fffffffffffffffff", "2361183241434822606847N"),
        ("100000000000000000000/2", "50000000000000000000N"),
        ("-0N", "0N"),
        ("1e3", "1000.0"),
        ("1E-3", "0.001"),
        ("1e400", "##Inf"),
        ("-0.0", "-0.0"),
        ("0.0M", "0.0M"),
    ] {
        // number::write(readably) is what pr prints for numbers
        let mut out = String::new();
        assert!(crate::runtime::number::write(&mut out, &rd(s), true));
        assert_eq!(out, want, "{s}");
    }
}

#[test]
fn regression_symbolic_value_error_does_not_loop() {
    // Found by the fuzz test: used to hang.
    // JVM: ##1M, ##1N => "Invalid token: ##1"; ##1/2 => "Invalid token: ##1/2";
    // ##"s" => "Invalid token: ##s"; ##[1M] => "Invalid token: ##[1M]"
    let e = read_str("#?@(:clj [##1M)").unwrap_err();
    assert_eq!(e.message(), Some("Invalid token: ##1"));
    assert_fail("##1N", RE, "Invalid token: ##1");
    assert_fail("##1/2", RE, "Invalid token: ##1/2");
    assert_fail("##\"s\"", RE, "Invalid token: ##s");
    assert_fail("##[1M]", RE, "Invalid token: ##[1M]");
}

#[test]
fn duplicate_key_messages_print_nested_keys() {
    // JVM: (read-string "{[:a \"a\" \\b nil] 1 [:a \"a\" \\b nil] 2}") =>
    // Duplicate key: [:a "a" \b nil]
    assert_fail(
        "{[:a \"a\" \\b nil] 1 [:a \"a\" \\b nil] 2}",
        IAE,
        "Duplicate key: [:a \"a\" \\b nil]",
    );
}

#[test]
fn duplicate_number_keys() {
    // JVM: Duplicate key: [1M "a" \b] / Duplicate key: 1 / Duplicate key: 1/2
    assert_fail(
        "{[1M \"a\" \\b] 1 [1M \"a\" \\b] 2}",
        IAE,
        "Duplicate key: [1M \"a\" \\b]",
    );
    assert_fail("{1M 1 1M 2}", IAE, "Duplicate key: 1");
    assert_fail("{1/2 1 1/2 2}", IAE, "Duplicate key: 1/2");
    assert_fail("{1 1 1N 2}", IAE, "Duplicate key: 1");
}

#[test]
fn syntax_quote_expansion_is_an_interrupt_safe_point() {
    // Found by libFuzzer (analyze target, timeouts under load): an
    // expansion near the node cap takes a while; an interrupt (a fuzz case's
    // time budget, Ctrl-C) stops it. On its own thread: the flag is
    // per-thread.
    let h = std::thread::spawn(|| {
        let i = crate::runtime::interrupt::register_current_thread();
        i.interrupt();
        let r = read_str("`(a b)").map(|_| ()).map_err(|e| e.class());
        i.clear();
        (r, read_str("`(a b)").is_ok())
    });
    let (interrupted, after) = h.join().expect("reader thread");
    assert_eq!(interrupted, Err(ExClass::InterruptedException));
    assert!(after);
}

#[test]
fn nested_syntax_quote_is_bounded() {
    // Found by libFuzzer (timeout): nested syntax-quotes grow exponentially;
    // the expansion is capped instead of running for seconds.
    assert!(read_str("[%[[[[[[[N```````F[K[[[[]").is_err());
    // Either limit (expansion size or depth) may stop it first, depending on
    // the build's frame sizes.
    assert!(read_str("``````````x").is_err());
    // Two levels, as in macro-writing macros, are fine.
    assert!(read_str("``(a ~~b ~@c)").is_ok());
}
