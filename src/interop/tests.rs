//! Interop unit tests; expected values from JVM Clojure 1.11.1 (noted per line).

use super::*;
use crate::runtime::printer::pr_str;

fn s(x: &str) -> Value {
    Value::string(x)
}

fn pr(r: Result<Value>) -> String {
    match r {
        Ok(v) => pr_str(&v),
        Err(e) => format!("ERR {}: {}", e.class().name(), e.message().unwrap_or("")),
    }
}

#[test]
fn exceptions_construct_and_answer_methods() {
    install();
    let e = new_instance(None, "Exception", &[s("x")]);
    let e = e.ok().unwrap_or(Value::NIL);
    // JVM: (str (Exception. "x")) "java.lang.Exception: x"
    assert_eq!(
        pr(host::call_method(&e, "toString", &[])),
        "\"java.lang.Exception: x\""
    );
    assert_eq!(pr(host::call_method(&e, "getMessage", &[])), "\"x\"");
    assert_eq!(pr(host::call_method(&e, "getCause", &[])), "nil");
    // JVM: (.getMessage (Exception. (Exception. "inner"))) "java.lang.Exception: inner"
    let outer = new_instance(None, "java.lang.RuntimeException", std::slice::from_ref(&e))
        .ok()
        .unwrap_or(Value::NIL);
    assert_eq!(
        pr(host::call_method(&outer, "getMessage", &[])),
        "\"java.lang.Exception: x\""
    );
    // JVM: (.getData (clojure.lang.ExceptionInfo. "m" {:a 1})) {:a 1}
    let m = Value::map_from_pairs(vec![(Value::keyword(None, "a"), Value::long(1))]);
    let ei = new_instance(None, "clojure.lang.ExceptionInfo", &[s("m"), m])
        .ok()
        .unwrap_or(Value::NIL);
    assert_eq!(pr(host::call_method(&ei, "getData", &[])), "{:a 1}");
    // ExceptionInfo is not imported by its simple name.
    assert!(new_instance(None, "ExceptionInfo", &[s("m"), Value::NIL]).is_err());
    assert!(is_instance("java.lang.RuntimeException", &ei));
    assert!(is_instance("java.lang.Throwable", &e));
    assert!(!is_instance("java.lang.RuntimeException", &e));
}

#[test]
fn statics_match_the_jvm() {
    install();
    let call = |c: &str, m: &str, a: &[Value]| pr(host::call_static(None, c, m, a));
    // JVM: (Math/abs -3) 3, (Math/abs -3.5) 3.5, (Math/sqrt 2) 1.4142135623730951
    assert_eq!(call("Math", "abs", &[Value::long(-3)]), "3");
    assert_eq!(call("Math", "abs", &[Value::double(-3.5)]), "3.5");
    assert_eq!(
        call("Math", "sqrt", &[Value::long(2)]),
        "1.4142135623730951"
    );
    // JVM: (Math/pow 2 10) 1024.0, (Math/round 2.5) 3, (Math/round -2.5) -2
    assert_eq!(
        call("Math", "pow", &[Value::long(2), Value::long(10)]),
        "1024.0"
    );
    assert_eq!(call("Math", "round", &[Value::double(2.5)]), "3");
    assert_eq!(call("Math", "round", &[Value::double(-2.5)]), "-2");
    // JVM: (Math/log 10) 2.302585092994046, (Math/abs Long/MIN_VALUE) -9223372036854775808
    assert_eq!(call("Math", "log", &[Value::long(10)]), "2.302585092994046");
    assert_eq!(
        call("Math", "abs", &[Value::long(i64::MIN)]),
        "-9223372036854775808"
    );
    // JVM: (Long/parseLong "x") NumberFormatException For input string: "x"
    assert_eq!(
        call("Long", "parseLong", &[s("x")]),
        "ERR java.lang.NumberFormatException: For input string: \"x\""
    );
    assert_eq!(
        call("Integer", "parseInt", &[s("99999999999")]),
        "ERR java.lang.NumberFormatException: For input string: \"99999999999\""
    );
    // JVM: (Character/toUpperCase \a) \A, (Boolean/parseBoolean "TRUE") true, (String/valueOf 12) "12"
    assert_eq!(call("Character", "toUpperCase", &[Value::char('a')]), "\\A");
    assert_eq!(call("Boolean", "parseBoolean", &[s("TRUE")]), "true");
    assert_eq!(call("String", "valueOf", &[Value::long(12)]), "\"12\"");
    assert_eq!(
        pr(host::get_static(None, "Double", "POSITIVE_INFINITY")),
        "##Inf"
    );
    assert_eq!(
        pr(host::get_static(None, "Long", "MAX_VALUE")),
        "9223372036854775807"
    );
}

#[test]
fn string_methods_match_the_jvm() {
    install();
    let m = |t: &str, name: &str, a: &[Value]| pr(host::call_method(&s(t), name, a));
    // JVM: (.length "héllo") 5, (.substring "hello" 1 3) "el", (.indexOf "hello" "l") 2
    assert_eq!(m("héllo", "length", &[]), "5");
    assert_eq!(
        m("hello", "substring", &[Value::long(1), Value::long(3)]),
        "\"el\""
    );
    assert_eq!(m("hello", "indexOf", &[s("l")]), "2");
    assert_eq!(m("hello", "lastIndexOf", &[s("l")]), "3");
    // JVM: (.substring "abc" 5) StringIndexOutOfBoundsException "begin 5, end 3, length 3"
    assert_eq!(
        m("abc", "substring", &[Value::long(5)]),
        "ERR java.lang.StringIndexOutOfBoundsException: begin 5, end 3, length 3"
    );
    assert_eq!(
        m("abc", "charAt", &[Value::long(5)]),
        "ERR java.lang.StringIndexOutOfBoundsException: String index out of range: 5"
    );
    // JVM: (vec (.split "a,b,,c,," ",")) ["a" "b" "" "c"]; (class ...) is String[]
    let parts = host::call_method(&s("a,b,,c,,"), "split", &[s(",")])
        .unwrap_or_else(|e| panic!("split: {e:?}"));
    assert_eq!(parts.class_name(), "[Ljava.lang.String;");
    let items = match parts.view() {
        crate::runtime::value::View::HostObject(h) => h.list_items().unwrap_or_default(),
        _ => Vec::new(),
    };
    assert_eq!(pr(Ok(Value::vector(items))), "[\"a\" \"b\" \"\" \"c\"]");
    // JVM: (.replace "aXbX" "X" "y") "ayby", (.compareTo "a" "c") -2, (.hashCode "hello") 99162322
    assert_eq!(m("aXbX", "replace", &[s("X"), s("y")]), "\"ayby\"");
    assert_eq!(m("a", "compareTo", &[s("c")]), "-2");
    assert_eq!(m("hello", "hashCode", &[]), "99162322");
    assert_eq!(m("abc", "matches", &[s("[a-c]+")]), "true");
    assert_eq!(m("  x  ", "trim", &[]), "\"x\"");
    // JVM: (.foo 1) IllegalArgumentException No matching field found: foo for class java.lang.Long
    assert_eq!(
        pr(host::call_method(&Value::long(1), "foo", &[])),
        "ERR java.lang.IllegalArgumentException: No matching field found: foo for class java.lang.Long"
    );
}

#[test]
fn classes_and_writers() {
    install();
    let string = host::class_value("String").unwrap_or(Value::NIL);
    // JVM: (.getName String) "java.lang.String", (.getSimpleName String) "String"
    assert_eq!(
        pr(host::call_method(&string, "getName", &[])),
        "\"java.lang.String\""
    );
    assert_eq!(
        pr(host::call_method(&string, "getSimpleName", &[])),
        "\"String\""
    );
    assert!(host::class_value("java.lang.String").is_some_and(|c| c.identical(&string)));
    assert!(host::class_value("ExceptionInfo").is_none());
    // JVM: (class 1) java.lang.Long; (instance? Number 1) true; (instance? clojure.lang.ISeq []) false
    assert_eq!(pr_str(&class_of(&Value::long(1))), "java.lang.Long");
    assert!(is_instance("java.lang.Number", &Value::long(1)));
    assert!(is_instance("java.lang.Comparable", &s("a")));
    assert!(is_instance("clojure.lang.IFn", &Value::keyword(None, "a")));
    assert!(!is_instance("clojure.lang.ISeq", &Value::vector(vec![])));
    assert!(is_instance(
        "clojure.lang.ISeq",
        &Value::list(vec![Value::long(1)])
    ));
    assert!(is_instance("java.util.Map", &Value::map_from_pairs(vec![])));
    // JVM: (let [w (java.io.StringWriter.)] (.write w "ab") (.append w \c) (.write w 100) (str w)) "abcd"
    let w = new_instance(None, "java.io.StringWriter", &[])
        .ok()
        .unwrap_or(Value::NIL);
    let _ = host::call_method(&w, "write", &[s("ab")]);
    let _ = host::call_method(&w, "append", &[Value::char('c')]);
    let _ = host::call_method(&w, "write", &[Value::long(100)]);
    assert_eq!(pr(host::call_method(&w, "toString", &[])), "\"abcd\"");
}

#[test]
fn registry_is_consistent_with_the_jvm() {
    use crate::runtime::class::{self, Member, jvm_has};
    install();
    for d in class::all() {
        // Each named supertype has its own def, so hierarchy walks finish.
        for s in d.supers() {
            assert!(class::find(s).is_some(), "{} names unknown {s}", d.name);
        }
        // Every static member cljw lists exists on the JVM's class.
        for m in d.static_methods {
            assert_ne!(
                jvm_has(d, m, Member::StaticMethod),
                Some(false),
                "{}/{m}",
                d.name
            );
        }
        for f in d.static_fields {
            assert_ne!(
                jvm_has(d, f, Member::StaticField),
                Some(false),
                "{}/{f}",
                d.name
            );
        }
    }
    // Default imports and full names find the same def.
    let s = class::find("String").map(|d| d.name);
    assert_eq!(s, Some("java.lang.String"));
    assert!(class::find("ArrayList").is_none());
    let bd = class::find("BigDecimal").map(|d| d.name);
    assert_eq!(bd, Some("java.math.BigDecimal"));
}

#[test]
fn members_the_jvm_has_and_cljw_lacks_say_so() {
    use crate::runtime::class::{self, Member, jvm_has};
    install();
    let vector = class::find("clojure.lang.PersistentVector").expect("registry");
    // Inherited through the recorded supertypes (java.util.List, Object).
    assert_eq!(jvm_has(vector, "size", Member::Method), Some(true));
    assert_eq!(jvm_has(vector, "wait", Member::Method), Some(true));
    assert_eq!(jvm_has(vector, "nope", Member::Method), Some(false));
    let err = |r: Result<Value>| {
        r.err()
            .map(|e| (e.class(), e.message().unwrap_or_default().to_string()))
    };
    // String.chars exists on the JVM; cljw does not model it.
    assert_eq!(
        err(host::call_method(&s("x"), "chars", &[])),
        Some((
            ExClass::UnsupportedOperationException,
            "java.lang.String.chars taking 0 args is not supported by cljw".to_string()
        ))
    );
    // A method the JVM lacks keeps Reflector's message.
    assert_eq!(
        err(host::call_method(&s("x"), "nope", &[])),
        Some((
            ExClass::IllegalArgumentException,
            "No matching field found: nope for class java.lang.String".to_string()
        ))
    );
    assert_eq!(
        err(host::call_static(None, "Runtime", "version", &[])),
        Some((
            ExClass::UnsupportedOperationException,
            "java.lang.Runtime/version is not supported by cljw".to_string()
        ))
    );
}
