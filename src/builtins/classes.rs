//! `instance?` without a JVM: walks the supertypes (superclass and
//! interfaces) that the class registry (`runtime::class`) records for the
//! classes our values report through `Value::class_name`, and those of
//! deftype/defrecord/reify types.

use crate::runtime::value::{Value, View};

/// The direct supertypes of the class named `full` (superclass first where
/// the JVM has one besides Object), for `bases`. Empty when unknown.
pub fn direct_supers(full: &str) -> Vec<String> {
    if let Some(t) = crate::runtime::types::lookup(full) {
        return t
            .interfaces()
            .iter()
            .cloned()
            .chain(t.implied_supers().iter().map(|s| s.to_string()))
            .collect();
    }
    match crate::runtime::class::find(full) {
        Some(d) => d.supers().map(str::to_string).collect(),
        None if is_fn_class(full) => std::iter::once("clojure.lang.AFunction".to_string())
            .chain(crate::runtime::func::prim_interfaces(full))
            .collect(),
        None => Vec::new(),
    }
}

/// Is `full` the class of a Clojure fn (`user$f`, `user$fn__12`: what
/// `(class f)` names), rather than a registry class or a deftype?
pub fn is_fn_class(full: &str) -> bool {
    full.contains('$')
        && !["java.", "javax.", "clojure.lang."]
            .iter()
            .any(|p| full.starts_with(p))
        && crate::runtime::class::find(full).is_none()
        && crate::runtime::types::lookup(full).is_none()
}

/// Is the class named `full` (a JVM class name) `target` or a subtype of it?
pub fn is_subclass(full: &str, target: &str) -> bool {
    if full == target || target == "java.lang.Object" {
        return true;
    }
    if let Some(t) = crate::runtime::types::lookup(full) {
        return t
            .interfaces()
            .iter()
            .map(String::as_str)
            .chain(t.implied_supers().iter().copied())
            .any(|s| is_subclass(s, target));
    }
    // Depth-first over the supertype graph (small and acyclic).
    let mut stack: Vec<&str> = vec![full];
    let mut seen: Vec<&str> = Vec::new();
    while let Some(c) = stack.pop() {
        if c == target {
            return true;
        }
        if seen.contains(&c) {
            continue;
        }
        if let Some(d) = crate::runtime::class::find(c) {
            stack.extend(d.supers().map(|s| -> &str { s }));
        } else if is_fn_class(c) {
            if crate::runtime::func::prim_interfaces(c)
                .iter()
                .any(|i| i == target)
            {
                return true;
            }
            stack.push("clojure.lang.AFunction");
        }
        seen.push(c);
    }
    false
}

/// Is the class named `full` an interface (as far as we know its kind)?
pub fn is_interface(full: &str) -> bool {
    if let Some(t) = crate::runtime::types::lookup(full) {
        return t.kind() == crate::runtime::types::TypeKind::Interface;
    }
    if let Some(d) = crate::runtime::class::find(full) {
        return d.interface;
    }
    let simple = full.rsplit('.').next().unwrap_or(full);
    let mut cs = simple.chars();
    let i_prefix = cs.next() == Some('I') && cs.next().is_some_and(|c| c.is_ascii_uppercase());
    i_prefix
        || matches!(
            simple,
            "Sequential"
                | "Counted"
                | "Associative"
                | "Indexed"
                | "IndexedSeq"
                | "Reversible"
                | "Sorted"
                | "Named"
                | "Seqable"
                | "Fn"
                | "Settable"
                | "MapEquivalence"
        )
}

/// `(instance? C x)` given C's name. nil is an instance of nothing.
pub fn is_instance(target: &str, x: &Value) -> bool {
    if x.is_nil() {
        return false;
    }
    if let View::Fn(_) = x.view()
        && (target == "clojure.lang.AFunction"
            || crate::runtime::printer::fn_class_name(x).is_some_and(|c| {
                c == target
                    || (target.starts_with("clojure.lang.IFn$")
                        && crate::runtime::func::prim_interfaces(&c)
                            .iter()
                            .any(|i| i == target))
            }))
    {
        return true;
    }
    is_subclass(x.class_name(), target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::error::ExClass;

    #[test]
    fn instance_table() {
        crate::interop::install();
        // JVM: (instance? java.util.Map {}) true, (instance? clojure.lang.IFn :a) true,
        // (instance? Number 1.5M) true, (instance? clojure.lang.ISeq []) false
        let m = Value::map_from_pairs(vec![]);
        assert!(is_instance("java.util.Map", &m));
        assert!(is_instance("clojure.lang.IPersistentMap", &m));
        assert!(is_instance("clojure.lang.IFn", &m));
        assert!(is_instance("clojure.lang.IFn", &Value::keyword(None, "a")));
        assert!(is_instance("java.lang.Number", &Value::long(1)));
        assert!(is_instance("java.lang.Comparable", &Value::string("a")));
        assert!(is_instance("java.lang.CharSequence", &Value::string("a")));
        assert!(!is_instance("clojure.lang.ISeq", &Value::vector(vec![])));
        assert!(is_instance(
            "clojure.lang.Sequential",
            &Value::vector(vec![])
        ));
        assert!(is_instance("java.lang.Object", &Value::long(1)));
        assert!(!is_instance("java.lang.Object", &Value::NIL));
        let e = Value::from(crate::runtime::error::Exception::new(
            ExClass::ArithmeticException,
            "x",
        ));
        assert!(is_instance("java.lang.RuntimeException", &e));
        assert!(is_instance("java.lang.Throwable", &e));
        assert!(!is_instance("java.lang.Error", &e));
        assert!(is_instance("clojure.lang.IDeref", &Value::atom(Value::NIL)));
        assert!(is_instance("clojure.lang.IAtom", &Value::atom(Value::NIL)));
    }
}
