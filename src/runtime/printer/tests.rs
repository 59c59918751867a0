//! Expectations recorded on JVM Clojure 1.11.1 (`clojure file.clj`, where
//! clojure.main binds *print-namespace-maps* to true).

use super::*;
use crate::runtime::meta::with_meta;
use crate::runtime::seq::ArraySeq;

fn l(n: i64) -> Value {
    Value::long(n)
}
fn kw(n: &str) -> Value {
    Value::keyword(None, n)
}
fn s(x: &str) -> Value {
    Value::string(x)
}
fn vector(xs: Vec<Value>) -> Value {
    Value::vector(xs)
}
fn map(kvs: Vec<(Value, Value)>) -> Value {
    Value::map_from_pairs(kvs)
}
fn pr(v: &Value) -> String {
    pr_str(v)
}
fn with(opts: PrintOpts, v: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, v, &opts).unwrap();
    out
}

#[test]
fn scalars() {
    assert_eq!(pr(&Value::NIL), "nil");
    assert_eq!(pr(&Value::TRUE), "true");
    assert_eq!(pr(&Value::FALSE), "false");
    assert_eq!(pr(&l(-42)), "-42");
    assert_eq!(pr(&kw("a")), ":a");
    assert_eq!(pr(&Value::keyword(Some("a"), "b")), ":a/b");
    assert_eq!(pr(&Value::symbol(Some("a"), "b")), "a/b");
    // JVM: (pr-str (symbol "a b") (keyword "")) => "a b :"
    assert_eq!(pr(&Value::symbol(None, "a b")), "a b");
    assert_eq!(pr(&Value::keyword(None, "")), ":");
}

#[test]
fn chars() {
    // JVM: (pr-str [\a \newline \space \tab \backspace \formfeed \return \\ \" \( \é])
    let cs = vector(
        [
            'a', '\n', ' ', '\t', '\u{8}', '\u{c}', '\r', '\\', '"', '(', 'é',
        ]
        .into_iter()
        .map(Value::char)
        .collect(),
    );
    assert_eq!(
        pr(&cs),
        "[\\a \\newline \\space \\tab \\backspace \\formfeed \\return \\\\ \\\" \\( \\é]"
    );
    // JVM: (pr-str (char 0)) is a backslash and a raw NUL; (char 127) raw too.
    assert_eq!(pr(&Value::char('\0')), "\\\0");
    assert_eq!(pr(&Value::char('\u{7f}')), "\\\u{7f}");
    assert_eq!(pr(&Value::char('\u{2028}')), "\\\u{2028}");
    // print is raw: (print-str \a) => "a"
    assert_eq!(print_str(&Value::char('\n')), "\n");
}

#[test]
fn strings() {
    // JVM: (pr-str "a\"b\\c\nd\te\rf\fg\bh") => "\"a\\\"b\\\\c\\nd\\te\\rf\\fg\\bh\""
    assert_eq!(
        pr(&s("a\"b\\c\nd\te\rf\u{c}g\u{8}h")),
        r#""a\"b\\c\nd\te\rf\fg\bh""#
    );
    // JVM: other control chars and non-ASCII print raw.
    let raw = "x\u{0}\u{1}\u{1b}\u{7f}é😀\u{2028}";
    assert_eq!(pr(&s(raw)), format!("\"{raw}\""));
    // JVM: (print-str "a\"b") => a"b
    assert_eq!(print_str(&s("a\"b")), "a\"b");
}

#[test]
fn collections() {
    // JVM: (pr-str {:a 1 :b "x"}) => {:a 1, :b "x"}
    assert_eq!(
        pr(&map(vec![(kw("a"), l(1)), (kw("b"), s("x"))])),
        "{:a 1, :b \"x\"}"
    );
    // JVM: (pr-str [() [] {} #{} '(1 (2 [3 #{4}]))])
    let v = vector(vec![
        Value::empty_list(),
        vector(vec![]),
        map(vec![]),
        Value::set_from(vec![]),
        Value::list(vec![
            l(1),
            Value::list(vec![l(2), vector(vec![l(3), Value::set_from(vec![l(4)])])]),
        ]),
    ]);
    assert_eq!(pr(&v), "[() [] {} #{} (1 (2 [3 #{4}]))]");
    // JVM: (pr-str (first {:a 1})) => [:a 1]
    assert_eq!(pr(&Value::map_entry(kw("a"), l(1))), "[:a 1]");
    assert_eq!(pr(&ArraySeq::value(vec![l(1), l(2)])), "(1 2)");
    // JVM: (print-str ["a" \b {:c "d"}]) => [a b {:c d}]
    let v = vector(vec![s("a"), Value::char('b'), map(vec![(kw("c"), s("d"))])]);
    assert_eq!(print_str(&v), "[a b {:c d}]");
    assert_eq!(pr(&v), "[\"a\" \\b {:c \"d\"}]");
}

#[test]
fn namespace_maps() {
    let ab = Value::keyword(Some("a"), "b");
    let ac = Value::keyword(Some("a"), "c");
    // JVM (script): (pr-str {:a/b 1 :a/c 2}) => #:a{:b 1, :c 2}
    let m = map(vec![(ab.clone(), l(1)), (ac.clone(), l(2))]);
    assert_eq!(pr(&m), "#:a{:b 1, :c 2}");
    // JVM: (print-str {:a/b "x"}) => #:a{:b x}
    assert_eq!(print_str(&map(vec![(ab.clone(), s("x"))])), "#:a{:b x}");
    // Mixed namespaces or an unqualified key: plain.
    let mixed = map(vec![(ab.clone(), l(1)), (kw("c"), l(2))]);
    assert_eq!(pr(&mixed), "{:a/b 1, :c 2}");
    let syms = map(vec![
        (Value::symbol(Some("x"), "y"), l(1)),
        (Value::keyword(Some("x"), "z"), l(2)),
    ]);
    assert_eq!(pr(&syms), "#:x{y 1, :z 2}");
    let off = PrintOpts {
        namespace_maps: false,
        ..PrintOpts::PR
    };
    assert_eq!(with(off, &m), "{:a/b 1, :a/c 2}");
}

#[test]
fn print_length_and_level() {
    let v123 = vector(vec![l(1), l(2), l(3)]);
    let len = |n| PrintOpts {
        print_length: Some(n),
        ..PrintOpts::PR
    };
    let lvl = |n| PrintOpts {
        print_level: Some(n),
        ..PrintOpts::PR
    };
    // JVM: (binding [*print-length* 2] (pr-str [1 2 3] '(1 2) [1 2] {:a 1 :b 2 :c 3}))
    assert_eq!(with(len(2), &v123), "[1 2 ...]");
    assert_eq!(with(len(2), &Value::list(vec![l(1), l(2)])), "(1 2)");
    let m3 = map(vec![(kw("a"), l(1)), (kw("b"), l(2)), (kw("c"), l(3))]);
    assert_eq!(with(len(2), &m3), "{:a 1, :b 2, ...}");
    // JVM: *print-length* 0: [...] [] {...}
    assert_eq!(with(len(0), &v123), "[...]");
    assert_eq!(with(len(0), &vector(vec![])), "[]");
    // JVM: *print-length* 1: [[1 2] [3 4]] => [[1 ...] ...]
    let nested = vector(vec![vector(vec![l(1), l(2)]), vector(vec![l(3), l(4)])]);
    assert_eq!(with(len(1), &nested), "[[1 ...] ...]");
    // JVM: *print-level* 2: [1 [2 [3 [4]]]] => [1 [2 #]], {:a {:b {:c 1}}} => {:a {:b #}}
    let deep = vector(vec![
        l(1),
        vector(vec![l(2), vector(vec![l(3), vector(vec![l(4)])])]),
    ]);
    assert_eq!(with(lvl(2), &deep), "[1 [2 #]]");
    let mm = map(vec![(
        kw("a"),
        map(vec![(kw("b"), map(vec![(kw("c"), l(1))]))]),
    )]);
    assert_eq!(with(lvl(2), &mm), "{:a {:b #}}");
    // JVM: *print-level* 0: [1] => #, 1 => 1, "a" => "a"
    assert_eq!(with(lvl(0), &vector(vec![l(1)])), "#");
    assert_eq!(with(lvl(0), &l(1)), "1");
    // JVM: *print-level* 1: {:a [1] :b 2} => {:a #, :b 2}; (first {:a [1]}) => [:a #]
    let m = map(vec![(kw("a"), vector(vec![l(1)])), (kw("b"), l(2))]);
    assert_eq!(with(lvl(1), &m), "{:a #, :b 2}");
    assert_eq!(
        with(lvl(1), &Value::map_entry(kw("a"), vector(vec![l(1)]))),
        "[:a #]"
    );
    // JVM: level 1 and length 1: [[1] 2 3] => [# ...]
    let both = PrintOpts {
        print_level: Some(1),
        print_length: Some(1),
        ..PrintOpts::PR
    };
    let v = vector(vec![vector(vec![l(1)]), l(2), l(3)]);
    assert_eq!(with(both, &v), "[# ...]");
}

#[test]
fn print_meta() {
    let pm = PrintOpts {
        print_meta: true,
        ..PrintOpts::PR
    };
    let a_true = map(vec![(kw("a"), Value::TRUE)]);
    let v = with_meta(&vector(vec![l(1)]), a_true.clone()).unwrap();
    // JVM: ^{:a true} [1]; print (not pr) shows no meta; without the flag none.
    assert_eq!(with(pm, &v), "^{:a true} [1]");
    assert_eq!(
        with(
            PrintOpts {
                readably: false,
                ..pm
            },
            &v
        ),
        "[1]"
    );
    assert_eq!(pr(&v), "[1]");
    // JVM: ^String x for {:tag String}
    let tag = map(vec![(kw("tag"), Value::symbol(None, "String"))]);
    let x = with_meta(&Value::symbol(None, "x"), tag).unwrap();
    assert_eq!(with(pm, &x), "^String x");
    // JVM: ^{:line 1} (1); nested [^{:b 1} [2]]; empty meta prints nothing
    let lst = with_meta(&Value::list(vec![l(1)]), map(vec![(kw("line"), l(1))])).unwrap();
    assert_eq!(with(pm, &lst), "^{:line 1} (1)");
    let inner = with_meta(&vector(vec![l(2)]), map(vec![(kw("b"), l(1))])).unwrap();
    assert_eq!(with(pm, &vector(vec![inner])), "[^{:b 1} [2]]");
    let empty = with_meta(&vector(vec![l(1)]), map(vec![])).unwrap();
    assert_eq!(with(pm, &empty), "[1]");
    // JVM: str honours *print-meta*: (str (with-meta [1] {:a 1})) => ^{:a 1} [1]
    let mut out = String::new();
    write_str(&mut out, &v, &pm).unwrap();
    assert_eq!(out, "^{:a true} [1]");
}

#[test]
fn str_of_values() {
    // JVM: (str [1 "a" \b] nil "x" \y :k 'sym {:a "b"}) => [1 "a" \b]xy:ksym{:a "b"}
    let parts = [
        vector(vec![l(1), s("a"), Value::char('b')]),
        Value::NIL,
        s("x"),
        Value::char('y'),
        kw("k"),
        Value::symbol(None, "sym"),
        map(vec![(kw("a"), s("b"))]),
    ];
    let joined: String = parts.iter().map(|p| str_value(p).unwrap()).collect();
    assert_eq!(joined, "[1 \"a\" \\b]xy:ksym{:a \"b\"}");
    // JVM: (str '(1 "a")) => (1 "a"); (str ()) => ()
    assert_eq!(
        str_value(&Value::list(vec![l(1), s("a")])).unwrap(),
        "(1 \"a\")"
    );
    assert_eq!(str_value(&Value::empty_list()).unwrap(), "()");
    // JVM: (str #"a\d+") => a\d+
    assert_eq!(str_value(&Value::regex("a\\d+").unwrap()).unwrap(), "a\\d+");
}

#[test]
fn regexes() {
    // JVM: (pr-str #"a\d+\"x/") => #"a\d+\"x/"
    assert_eq!(pr(&Value::regex("a\\d+\"x/").unwrap()), "#\"a\\d+\\\"x/\"");
    // A quote inside \Q...\E is spliced out of the quoted section.
    // JVM: (pr-str (re-pattern "\\Qa\"b\\E")) => #"\Qa\E\"\Qb\E"
    let mut out = String::new();
    write_regex(&mut out, "\\Qa\"b\\E");
    assert_eq!(out, "#\"\\Qa\\E\\\"\\Qb\\E\"");
    // JVM: (pr-str (re-pattern "a\nb")) prints the newline raw.
    assert_eq!(pr(&Value::regex("a\nb").unwrap()), "#\"a\nb\"");
}

#[test]
fn exceptions_and_objects() {
    use crate::runtime::error::{ExClass, Exception, Frame};
    let data = map(vec![(kw("a"), l(1))]);
    let e = Exception::full(
        ExClass::ExceptionInfo,
        Some("boom".into()),
        Some(data),
        None,
    );
    let v = Value::from(e.clone());
    // JVM: (str (ex-info "boom" {:a 1})) => clojure.lang.ExceptionInfo: boom {:a 1}
    assert_eq!(
        str_value(&v).unwrap(),
        "clojure.lang.ExceptionInfo: boom {:a 1}"
    );
    // JVM layout of #error with no stack frames.
    assert_eq!(
        pr(&v),
        "#error {\n :cause \"boom\"\n :data {:a 1}\n :via\n [{:type clojure.lang.ExceptionInfo\n   :message \"boom\"\n   :data {:a 1}}]\n :trace\n []}"
    );
    let r = Exception::new(ExClass::RuntimeException, "x");
    r.push_frame(Frame {
        name: "user/f".into(),
        file: Some("b.clj".into()),
        line: 50,
        column: 1,
    });
    // JVM: (str (RuntimeException. "x")) => java.lang.RuntimeException: x
    assert_eq!(
        str_value(&Value::from(r.clone())).unwrap(),
        "java.lang.RuntimeException: x"
    );
    assert_eq!(
        pr(&Value::from(r)),
        "#error {\n :cause \"x\"\n :via\n [{:type java.lang.RuntimeException\n   :message \"x\"\n   :at [user$f invoke \"b.clj\" 50]}]\n :trace\n [[user$f invoke \"b.clj\" 50]]}"
    );
}

#[test]
fn exception_chains() {
    use crate::runtime::error::{ExClass, Exception};
    // JVM: (RuntimeException.) with an empty stack trace
    let e = Exception::full(ExClass::RuntimeException, None, None, None);
    assert_eq!(
        pr(&Value::from(e.clone())),
        "#error {\n :cause nil\n :via\n [{:type java.lang.RuntimeException\n   :message nil}]\n :trace\n []}"
    );
    assert_eq!(
        str_value(&Value::from(e)).unwrap(),
        "java.lang.RuntimeException"
    );
    // JVM: (RuntimeException. "outer" (ex-info "inner" {:b 2})), empty traces
    let inner = Exception::full(
        ExClass::ExceptionInfo,
        Some("inner".into()),
        Some(map(vec![(kw("b"), l(2))])),
        None,
    );
    let outer = Exception::full(
        ExClass::RuntimeException,
        Some("outer".into()),
        None,
        Some(inner),
    );
    assert_eq!(
        pr(&Value::from(outer)),
        "#error {\n :cause \"inner\"\n :data {:b 2}\n :via\n [{:type java.lang.RuntimeException\n   :message \"outer\"}\n  {:type clojure.lang.ExceptionInfo\n   :message \"inner\"\n   :data {:b 2}}]\n :trace\n []}"
    );
    // JVM: print-str shows strings raw inside #error too.
    let e = Exception::full(
        ExClass::ExceptionInfo,
        Some("bo\"om".into()),
        Some(map(vec![(kw("a"), s("s"))])),
        None,
    );
    assert_eq!(
        print_str(&Value::from(e)),
        "#error {\n :cause bo\"om\n :data {:a s}\n :via\n [{:type clojure.lang.ExceptionInfo\n   :message bo\"om\n   :data {:a s}}]\n :trace\n []}"
    );
}

#[test]
fn deep_nesting_prints() {
    let n = 100_000;
    let mut v = vector(vec![]);
    for _ in 0..n {
        v = vector(vec![v]);
    }
    let out = pr(&v);
    assert_eq!(out.len(), 2 * (n + 1));
    assert!(out.starts_with("[[[") && out.ends_with("]]]"));
    // Unlink iteratively: the placeholder vector drops recursively.
    while let View::Vector(x) = v.view() {
        let Some(inner) = x.nth(0).cloned() else {
            break;
        };
        v = inner;
    }
}
