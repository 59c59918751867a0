//! `instance?` without a JVM: the supertypes (superclasses and interfaces)
//! of the classes our values report through `Value::class_name`, as JVM
//! Clojure 1.11.1 declares them. Exception classes use ExClass's hierarchy.

use crate::runtime::error::ExClass;
use crate::runtime::value::{Value, View};

/// Short prefixes keep the table readable: `c.` clojure.lang, `j.`
/// java.lang, `u.` java.util, `io.` java.io.
const SUPERS: &[(&str, &[&str])] = &[
    ("j.Long", &["j.Number", "j.Comparable"]),
    ("j.Double", &["j.Number", "j.Comparable"]),
    ("j.Float", &["j.Number", "j.Comparable"]),
    ("java.math.BigInteger", &["j.Number", "j.Comparable"]),
    ("c.BigInt", &["j.Number", "c.IHashEq"]),
    ("c.Ratio", &["j.Number", "j.Comparable"]),
    ("java.math.BigDecimal", &["j.Number", "j.Comparable"]),
    ("j.Number", &["java.io.Serializable"]),
    ("j.Boolean", &["j.Comparable", "java.io.Serializable"]),
    (
        "j.StringBuilder",
        &[
            "j.AbstractStringBuilder",
            "java.io.Serializable",
            "j.Comparable",
            "j.CharSequence",
        ],
    ),
    (
        "j.StringBuffer",
        &[
            "j.AbstractStringBuilder",
            "java.io.Serializable",
            "j.Comparable",
            "j.CharSequence",
        ],
    ),
    (
        "j.AbstractStringBuilder",
        &["j.Appendable", "j.CharSequence"],
    ),
    ("j.Character", &["j.Comparable", "java.io.Serializable"]),
    (
        "j.String",
        &["j.CharSequence", "j.Comparable", "java.io.Serializable"],
    ),
    (
        "c.Keyword",
        &["c.IFn", "j.Comparable", "c.Named", "c.IHashEq"],
    ),
    (
        "c.Symbol",
        &["c.AFn", "c.IObj", "j.Comparable", "c.Named", "c.IHashEq"],
    ),
    ("c.AFn", &["c.IFn"]),
    ("c.MultiFn", &["c.AFn"]),
    ("c.IFn", &["java.util.concurrent.Callable", "j.Runnable"]),
    ("c.AFunction", &["c.AFn", "c.IObj", "u.Comparator", "c.Fn"]),
    ("c.IObj", &["c.IMeta"]),
    ("c.Obj", &["c.IObj"]),
    (
        "c.ASeq",
        &["c.Obj", "c.ISeq", "c.Sequential", "u.List", "c.IHashEq"],
    ),
    ("c.ISeq", &["c.IPersistentCollection"]),
    ("c.IPersistentCollection", &["c.Seqable"]),
    ("c.IPersistentList", &["c.Sequential", "c.IPersistentStack"]),
    ("c.IPersistentStack", &["c.IPersistentCollection"]),
    ("u.List", &["u.Collection"]),
    (
        "u.ArrayList",
        &[
            "u.AbstractList",
            "u.List",
            "u.RandomAccess",
            "j.Cloneable",
            "io.Serializable",
        ],
    ),
    ("u.AbstractList", &["u.AbstractCollection", "u.List"]),
    ("u.AbstractCollection", &["u.Collection"]),
    (
        "u.HashMap",
        &["u.AbstractMap", "u.Map", "j.Cloneable", "io.Serializable"],
    ),
    ("u.AbstractMap", &["u.Map"]),
    ("u.Set", &["u.Collection"]),
    ("u.Collection", &["j.Iterable"]),
    (
        "c.PersistentList",
        &["c.ASeq", "c.IPersistentList", "c.IReduce", "c.Counted"],
    ),
    (
        "c.PersistentList$EmptyList",
        &[
            "c.Obj",
            "c.IPersistentList",
            "u.List",
            "c.ISeq",
            "c.Counted",
            "c.IHashEq",
        ],
    ),
    ("c.IReduce", &["c.IReduceInit"]),
    (
        "c.PersistentVector",
        &[
            "c.APersistentVector",
            "c.IObj",
            "c.IEditableCollection",
            "c.IReduce",
            "c.IKVReduce",
        ],
    ),
    (
        "c.APersistentVector",
        &[
            "c.AFn",
            "c.IPersistentVector",
            "j.Iterable",
            "u.List",
            "u.RandomAccess",
            "j.Comparable",
            "c.IHashEq",
        ],
    ),
    (
        "c.IPersistentVector",
        &[
            "c.Associative",
            "c.Sequential",
            "c.IPersistentStack",
            "c.Reversible",
            "c.Indexed",
        ],
    ),
    ("c.Associative", &["c.IPersistentCollection", "c.ILookup"]),
    ("c.Indexed", &["c.Counted"]),
    (
        "c.APersistentVector$SubVector",
        &["c.APersistentVector", "c.IObj", "c.IKVReduce"],
    ),
    ("c.MapEntry", &["c.AMapEntry"]),
    ("c.AMapEntry", &["c.APersistentVector", "c.IMapEntry"]),
    ("c.IMapEntry", &["u.Map$Entry"]),
    (
        "c.PersistentArrayMap",
        &[
            "c.APersistentMap",
            "c.IObj",
            "c.IEditableCollection",
            "c.IMapIterable",
            "c.IKVReduce",
        ],
    ),
    (
        "c.PersistentHashMap",
        &[
            "c.APersistentMap",
            "c.IObj",
            "c.IEditableCollection",
            "c.IMapIterable",
            "c.IKVReduce",
        ],
    ),
    (
        "c.APersistentMap",
        &[
            "c.AFn",
            "c.IPersistentMap",
            "u.Map",
            "j.Iterable",
            "c.MapEquivalence",
            "c.IHashEq",
        ],
    ),
    (
        "c.IPersistentMap",
        &["j.Iterable", "c.Associative", "c.Counted"],
    ),
    (
        "c.PersistentHashSet",
        &["c.APersistentSet", "c.IObj", "c.IEditableCollection"],
    ),
    (
        "c.APersistentSet",
        &[
            "c.AFn",
            "c.IPersistentSet",
            "u.Collection",
            "u.Set",
            "c.IHashEq",
        ],
    ),
    (
        "c.IPersistentSet",
        &["c.IPersistentCollection", "c.Counted"],
    ),
    (
        "c.PersistentTreeMap",
        &[
            "c.APersistentMap",
            "c.IObj",
            "c.Reversible",
            "c.Sorted",
            "c.IKVReduce",
        ],
    ),
    (
        "c.PersistentTreeSet",
        &["c.APersistentSet", "c.IObj", "c.Reversible", "c.Sorted"],
    ),
    (
        "c.PersistentQueue",
        &[
            "c.Obj",
            "c.IPersistentList",
            "u.Collection",
            "c.Counted",
            "c.IHashEq",
        ],
    ),
    ("c.Cons", &["c.ASeq"]),
    (
        "c.LazySeq",
        &[
            "c.Obj",
            "c.ISeq",
            "c.Sequential",
            "u.List",
            "c.IPending",
            "c.IHashEq",
        ],
    ),
    ("c.ArraySeq", &["c.ASeq", "c.IndexedSeq", "c.IReduce"]),
    ("c.StringSeq", &["c.ASeq", "c.IndexedSeq"]),
    ("c.IndexedSeq", &["c.ISeq", "c.Sequential", "c.Counted"]),
    (
        "c.PersistentVector$ChunkedSeq",
        &["c.ASeq", "c.IChunkedSeq", "c.Counted"],
    ),
    ("c.IChunkedSeq", &["c.ISeq", "c.Sequential"]),
    (
        "c.APersistentVector$Seq",
        &["c.ASeq", "c.IndexedSeq", "c.IReduce"],
    ),
    (
        "c.APersistentVector$RSeq",
        &["c.ASeq", "c.IndexedSeq", "c.Counted"],
    ),
    ("c.PersistentQueue$Seq", &["c.ASeq"]),
    ("c.PersistentArrayMap$Seq", &["c.ASeq", "c.Counted"]),
    ("c.PersistentHashMap$NodeSeq", &["c.ASeq"]),
    ("c.PersistentTreeMap$Seq", &["c.ASeq", "c.Counted"]),
    ("c.APersistentMap$KeySeq", &["c.ASeq"]),
    ("c.APersistentMap$ValSeq", &["c.ASeq"]),
    (
        "c.LongRange",
        &["c.ASeq", "c.Counted", "c.IChunkedSeq", "c.IReduce"],
    ),
    ("c.Range", &["c.ASeq", "c.IChunkedSeq", "c.IReduce"]),
    ("c.Repeat", &["c.ASeq", "c.IReduce"]),
    ("c.Iterate", &["c.ASeq", "c.IReduce", "c.IPending"]),
    ("c.Cycle", &["c.ASeq", "c.IReduce", "c.IPending"]),
    ("c.ChunkedCons", &["c.ASeq", "c.IChunkedSeq"]),
    ("c.ArrayChunk", &["c.IChunk"]),
    ("c.IChunk", &["c.Indexed"]),
    ("c.Var", &["c.ARef", "c.IFn", "c.IRef", "c.Settable"]),
    ("c.ARef", &["c.AReference", "c.IRef"]),
    ("c.AReference", &["c.IReference"]),
    ("c.IReference", &["c.IMeta"]),
    ("c.IRef", &["c.IDeref"]),
    ("c.Namespace", &["c.AReference"]),
    ("c.Atom", &["c.ARef", "c.IAtom2"]),
    ("c.IAtom2", &["c.IAtom"]),
    ("c.Volatile", &["c.IDeref"]),
    ("c.Ref", &["c.ARef", "c.IFn", "j.Comparable", "c.IRef"]),
    ("c.Agent", &["c.ARef"]),
    (
        "clojure.core$future_call$reify__8544",
        &[
            "c.IDeref",
            "c.IBlockingDeref",
            "c.IPending",
            "java.util.concurrent.Future",
        ],
    ),
    ("c.Delay", &["c.IDeref", "c.IPending"]),
    (
        "clojure.core$promise$reify__8591",
        &["c.IDeref", "c.IBlockingDeref", "c.IPending", "c.IFn"],
    ),
    ("io.StringWriter", &["io.Writer"]),
    ("io.PrintWriter", &["io.Writer"]),
    ("io.OutputStreamWriter", &["io.Writer"]),
    ("io.BufferedWriter", &["io.Writer"]),
    ("io.Reader", &["j.Readable", "io.Closeable"]),
    ("io.StringReader", &["io.Reader"]),
    ("io.BufferedReader", &["io.Reader"]),
    ("io.InputStreamReader", &["io.Reader"]),
    ("io.FileReader", &["io.InputStreamReader"]),
    ("io.PushbackReader", &["io.FilterReader"]),
    ("io.FilterReader", &["io.Reader"]),
    ("c.LineNumberingPushbackReader", &["io.PushbackReader"]),
    ("io.InputStream", &["io.Closeable"]),
    ("io.FilterInputStream", &["io.InputStream"]),
    ("io.BufferedInputStream", &["io.FilterInputStream"]),
    ("io.FileInputStream", &["io.InputStream"]),
    ("io.ByteArrayInputStream", &["io.InputStream"]),
    // Request bodies of cljw.http.server (http-kit's class) and response
    // bodies of babashka.http-client `:as :stream` (the JDK client's).
    ("org.httpkit.BytesInputStream", &["io.InputStream"]),
    (
        "jdk.internal.net.http.ResponseSubscribers$HttpResponseInputStream",
        &["io.InputStream"],
    ),
    ("io.OutputStream", &["io.Closeable", "io.Flushable"]),
    ("io.FilterOutputStream", &["io.OutputStream"]),
    ("io.BufferedOutputStream", &["io.FilterOutputStream"]),
    ("io.File", &["io.Serializable", "j.Comparable"]),
    ("sun.nio.fs.UnixPath", &["java.nio.file.Path"]),
    (
        "java.nio.file.Path",
        &["j.Comparable", "j.Iterable", "java.nio.file.Watchable"],
    ),
    (
        "io.Writer",
        &["j.Appendable", "io.Closeable", "io.Flushable"],
    ),
    ("java.util.regex.Pattern", &["java.io.Serializable"]),
    ("java.lang.ref.SoftReference", &["java.lang.ref.Reference"]),
    ("java.lang.ref.WeakReference", &["java.lang.ref.Reference"]),
    (
        "u.Date",
        &["java.io.Serializable", "j.Cloneable", "j.Comparable"],
    ),
    ("u.UUID", &["java.io.Serializable", "j.Comparable"]),
    (
        "c.PersistentVector$TransientVector",
        &["c.ITransientVector"],
    ),
    ("c.PersistentHashSet$TransientHashSet", &["c.ITransientSet"]),
    (
        "c.PersistentArrayMap$TransientArrayMap",
        &["c.ITransientMap"],
    ),
    ("c.PersistentHashMap$TransientHashMap", &["c.ITransientMap"]),
    (
        "c.ITransientVector",
        &["c.ITransientAssociative", "c.Indexed"],
    ),
    ("c.ITransientMap", &["c.ITransientAssociative", "c.Counted"]),
    ("c.ITransientSet", &["c.ITransientCollection", "c.Counted"]),
    (
        "c.ITransientAssociative",
        &["c.ITransientCollection", "c.ILookup"],
    ),
];

/// The table's abbreviations of package prefixes.
const PREFIXES: &[(&str, &str)] = &[
    ("c.", "clojure.lang."),
    ("j.", "java.lang."),
    ("u.", "java.util."),
    ("io.", "java.io."),
];

/// Expand a table abbreviation to the full class name.
fn expand(short: &str) -> std::borrow::Cow<'static, str> {
    for (p, full) in PREFIXES {
        if let Some(rest) = short.strip_prefix(p) {
            return format!("{full}{rest}").into();
        }
    }
    short.to_string().into()
}

/// `expand(short) == full` without building the string: `instance?` checks
/// scan the table on every call (spec's conforms make many).
fn expands_to(short: &str, full: &str) -> bool {
    for (p, long) in PREFIXES {
        if let Some(rest) = short.strip_prefix(p) {
            return full.strip_prefix(long) == Some(rest);
        }
    }
    short == full
}

fn supers_of(full: &str) -> Option<&'static [&'static str]> {
    SUPERS
        .iter()
        .find(|(k, _)| expands_to(k, full))
        .map(|(_, s)| *s)
}

/// The supertypes the table lists for the class named `full` (superclass
/// first where the JVM has one besides Object), for `bases`; exception
/// classes give their superclass. Empty when unknown.
pub fn direct_supers(full: &str) -> Vec<String> {
    if let Some(t) = crate::runtime::types::lookup(full) {
        return t
            .interfaces()
            .iter()
            .cloned()
            .chain(t.implied_supers().iter().map(|s| s.to_string()))
            .collect();
    }
    if let Some(c) = ExClass::ALL.iter().copied().find(|c| c.name() == full) {
        return c
            .parent()
            .map(|p| p.name().to_string())
            .into_iter()
            .collect();
    }
    supers_of(full)
        .map(|s| s.iter().map(|x| expand(x).into_owned()).collect())
        .unwrap_or_default()
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
    if let Some(c) = ExClass::ALL.iter().copied().find(|c| c.name() == full) {
        if c == ExClass::ExceptionInfo && target == "clojure.lang.IExceptionInfo" {
            return true;
        }
        if target == "java.io.Serializable" {
            return true;
        }
        return ExClass::ALL
            .iter()
            .copied()
            .find(|t| t.name() == target)
            .is_some_and(|t| c.is_a(t));
    }
    // Depth-first over the supertype graph (small and acyclic).
    let mut stack: Vec<String> = vec![full.to_string()];
    let mut seen: Vec<String> = Vec::new();
    while let Some(c) = stack.pop() {
        if c == target {
            return true;
        }
        if seen.contains(&c) {
            continue;
        }
        if let Some(s) = supers_of(&c) {
            stack.extend(s.iter().map(|x| expand(x).into_owned()));
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
    if let Some(c) = crate::interop::classes_resolve(full) {
        return c;
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
        && target == "clojure.lang.AFunction"
    {
        return true;
    }
    is_subclass(x.class_name(), target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instance_table() {
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
