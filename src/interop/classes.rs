//! The classes a program can name, and the JVM type hierarchy `instance?`
//! walks. Names in java.lang also resolve by their simple name (Clojure
//! imports java.lang.* into every namespace); others need the full name.

use crate::runtime::equality::{is_map, is_sequential, is_set};
use crate::runtime::error::ExClass;
use crate::runtime::number;
use crate::runtime::value::{Value, View};

pub struct ClassDef {
    pub name: &'static str,
    pub interface: bool,
}

const fn c(name: &'static str) -> ClassDef {
    ClassDef {
        name,
        interface: false,
    }
}
const fn i(name: &'static str) -> ClassDef {
    ClassDef {
        name,
        interface: true,
    }
}

/// Every class besides the exception classes (those come from `ExClass`).
static CLASSES: &[ClassDef] = &[
    c("java.lang.Object"),
    c("java.lang.String"),
    c("java.lang.Long"),
    c("java.lang.Integer"),
    c("java.lang.Short"),
    c("java.lang.Byte"),
    c("java.lang.Double"),
    c("java.lang.Float"),
    c("java.lang.Character"),
    c("java.lang.Boolean"),
    c("java.lang.Number"),
    c("java.lang.Math"),
    c("java.lang.System"),
    c("java.lang.Thread"),
    c("java.lang.Class"),
    i("java.lang.Comparable"),
    i("java.lang.CharSequence"),
    i("java.lang.Iterable"),
    i("java.lang.Runnable"),
    i("java.lang.Appendable"),
    i("java.util.Map"),
    i("java.util.Map$Entry"),
    i("java.util.List"),
    i("java.util.Set"),
    i("java.util.Collection"),
    i("java.util.RandomAccess"),
    i("java.util.Comparator"),
    i("java.util.concurrent.Callable"),
    c("java.io.Writer"),
    c("java.io.StringWriter"),
    c("java.io.PrintWriter"),
    c("java.io.OutputStreamWriter"),
    i("java.io.Closeable"),
    i("java.io.Flushable"),
    c("java.math.BigDecimal"),
    c("java.math.BigInteger"),
    c("java.util.regex.Pattern"),
    i("clojure.lang.IFn"),
    c("clojure.lang.AFn"),
    c("clojure.lang.AFunction"),
    i("clojure.lang.Fn"),
    i("clojure.lang.ISeq"),
    c("clojure.lang.ASeq"),
    i("clojure.lang.Seqable"),
    i("clojure.lang.IPersistentCollection"),
    i("clojure.lang.IPersistentMap"),
    i("clojure.lang.IPersistentVector"),
    i("clojure.lang.IPersistentSet"),
    i("clojure.lang.IPersistentList"),
    i("clojure.lang.IPersistentStack"),
    i("clojure.lang.Associative"),
    i("clojure.lang.ILookup"),
    i("clojure.lang.Sequential"),
    i("clojure.lang.Counted"),
    i("clojure.lang.Indexed"),
    i("clojure.lang.Reversible"),
    i("clojure.lang.Sorted"),
    i("clojure.lang.IMeta"),
    i("clojure.lang.IObj"),
    i("clojure.lang.IDeref"),
    i("clojure.lang.IRef"),
    i("clojure.lang.IAtom"),
    i("clojure.lang.IPending"),
    i("clojure.lang.Named"),
    i("clojure.lang.IHashEq"),
    i("clojure.lang.IMapEntry"),
    i("clojure.lang.IEditableCollection"),
    i("clojure.lang.IExceptionInfo"),
    c("clojure.lang.APersistentVector"),
    c("clojure.lang.APersistentMap"),
    c("clojure.lang.APersistentSet"),
    c("clojure.lang.Keyword"),
    c("clojure.lang.Symbol"),
    c("clojure.lang.PersistentVector"),
    c("clojure.lang.PersistentList"),
    c("clojure.lang.PersistentList$EmptyList"),
    c("clojure.lang.PersistentArrayMap"),
    c("clojure.lang.PersistentHashMap"),
    c("clojure.lang.PersistentHashSet"),
    c("clojure.lang.PersistentTreeMap"),
    c("clojure.lang.PersistentTreeSet"),
    c("clojure.lang.PersistentQueue"),
    c("clojure.lang.MapEntry"),
    c("clojure.lang.LazySeq"),
    c("clojure.lang.Cons"),
    c("clojure.lang.ArraySeq"),
    c("clojure.lang.LongRange"),
    c("clojure.lang.Range"),
    c("clojure.lang.Var"),
    c("clojure.lang.Namespace"),
    c("clojure.lang.Atom"),
    c("clojure.lang.Volatile"),
    c("clojure.lang.Delay"),
    c("clojure.lang.BigInt"),
    c("clojure.lang.Ratio"),
];

/// The class `name` denotes (a full name, or a simple name of java.lang).
pub fn resolve(name: &str) -> Option<ClassDef> {
    let matches = |full: &str| {
        full == name
            || full
                .strip_prefix("java.lang.")
                .is_some_and(|simple| simple == name)
    };
    if let Some(d) = CLASSES.iter().find(|d| matches(d.name)) {
        return Some(ClassDef { ..*d });
    }
    ExClass::ALL
        .iter()
        .find(|e| matches(e.name()))
        .map(|e| c(e.name()))
}

/// `(class x)`: nil for nil.
pub fn class_of(v: &Value) -> Value {
    if v.is_nil() {
        return Value::NIL;
    }
    Value::class(v.class_name(), false)
}

/// `(instance? C x)` for a fully qualified class name.
pub fn is_instance(class: &str, v: &Value) -> bool {
    if v.is_nil() {
        return false;
    }
    if class == "java.lang.Object" || v.class_name() == class {
        return true;
    }
    if let View::Exception(e) = v.view() {
        return ExClass::ALL
            .iter()
            .find(|c| c.name() == class)
            .is_some_and(|c| e.class.is_a(*c))
            || (class == "clojure.lang.IExceptionInfo"
                && matches!(e.class, ExClass::ExceptionInfo | ExClass::CompilerException));
    }
    supers(v).contains(&class)
}

const COLL: &[&str] = &[
    "clojure.lang.IPersistentCollection",
    "clojure.lang.Seqable",
    "clojure.lang.IMeta",
    "clojure.lang.IObj",
    "clojure.lang.IHashEq",
    "java.lang.Iterable",
    "java.util.Collection",
];
const AFN: &[&str] = &[
    "clojure.lang.IFn",
    "clojure.lang.AFn",
    "java.lang.Runnable",
    "java.util.concurrent.Callable",
];

/// Superclasses and interfaces of `v`'s class (beyond itself and Object).
fn supers(v: &Value) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    if number::is_number(v) {
        out.push("java.lang.Number");
        if !matches!(v.view(), View::BigInt(_)) {
            out.push("java.lang.Comparable");
        }
        return out;
    }
    match v.view() {
        View::Str(_) => out.extend(["java.lang.CharSequence", "java.lang.Comparable"]),
        View::Char(_) | View::Bool(_) => out.push("java.lang.Comparable"),
        View::Keyword(_) => {
            out.extend(AFN);
            out.extend([
                "java.lang.Comparable",
                "clojure.lang.Named",
                "clojure.lang.IHashEq",
            ]);
        }
        View::Symbol(_) => {
            out.extend(AFN);
            out.extend([
                "java.lang.Comparable",
                "clojure.lang.Named",
                "clojure.lang.IHashEq",
                "clojure.lang.IMeta",
                "clojure.lang.IObj",
            ]);
        }
        View::Fn(_) => {
            out.extend(AFN);
            out.extend([
                "clojure.lang.AFunction",
                "clojure.lang.Fn",
                "clojure.lang.IMeta",
                "clojure.lang.IObj",
                "java.util.Comparator",
            ]);
        }
        View::Var(_) => {
            out.extend(AFN);
            out.extend([
                "clojure.lang.IDeref",
                "clojure.lang.IRef",
                "clojure.lang.IMeta",
            ]);
        }
        View::Atom(_) => out.extend([
            "clojure.lang.IAtom",
            "clojure.lang.IDeref",
            "clojure.lang.IRef",
            "clojure.lang.IMeta",
        ]),
        View::Volatile(_) => out.push("clojure.lang.IDeref"),
        View::Delay(_) => out.extend(["clojure.lang.IDeref", "clojure.lang.IPending"]),
        View::Namespace(_) => out.push("clojure.lang.IMeta"),
        View::Writer(_) => out.extend([
            "java.io.Writer",
            "java.lang.Appendable",
            "java.io.Closeable",
            "java.io.Flushable",
        ]),
        _ => {}
    }
    if !out.is_empty() {
        return out;
    }
    if is_map(v) {
        out.extend(COLL);
        out.retain(|c| *c != "java.util.Collection");
        out.extend(AFN);
        out.extend([
            "clojure.lang.IPersistentMap",
            "clojure.lang.APersistentMap",
            "clojure.lang.Associative",
            "clojure.lang.ILookup",
            "clojure.lang.Counted",
            "java.util.Map",
        ]);
        if matches!(v.view(), View::SortedMap(_)) {
            out.extend(["clojure.lang.Sorted", "clojure.lang.Reversible"]);
        } else {
            out.push("clojure.lang.IEditableCollection");
        }
    } else if is_set(v) {
        out.extend(COLL);
        out.extend(AFN);
        out.extend([
            "clojure.lang.IPersistentSet",
            "clojure.lang.APersistentSet",
            "clojure.lang.Counted",
            "java.util.Set",
        ]);
        if matches!(v.view(), View::SortedSet(_)) {
            out.extend(["clojure.lang.Sorted", "clojure.lang.Reversible"]);
        } else {
            out.push("clojure.lang.IEditableCollection");
        }
    } else if matches!(
        v.view(),
        View::Vector(_) | View::SubVector(_) | View::MapEntry(_)
    ) {
        out.extend(COLL);
        out.extend(AFN);
        out.extend([
            "clojure.lang.IPersistentVector",
            "clojure.lang.APersistentVector",
            "clojure.lang.Associative",
            "clojure.lang.ILookup",
            "clojure.lang.IPersistentStack",
            "clojure.lang.Sequential",
            "clojure.lang.Reversible",
            "clojure.lang.Indexed",
            "clojure.lang.Counted",
            "java.util.List",
            "java.util.RandomAccess",
            "java.lang.Comparable",
        ]);
        if matches!(v.view(), View::MapEntry(_)) {
            out.extend(["clojure.lang.IMapEntry", "java.util.Map$Entry"]);
        }
        if matches!(v.view(), View::Vector(_)) {
            out.push("clojure.lang.IEditableCollection");
        }
    } else if is_sequential(v) {
        out.extend(COLL);
        out.extend(["clojure.lang.Sequential", "java.util.List"]);
        match v.view() {
            View::Queue(_) => out.extend([
                "clojure.lang.IPersistentList",
                "clojure.lang.IPersistentStack",
                "clojure.lang.Counted",
            ]),
            View::List(_) => out.extend([
                "clojure.lang.IPersistentList",
                "clojure.lang.IPersistentStack",
                "clojure.lang.Counted",
                "clojure.lang.ISeq",
                "clojure.lang.ASeq",
            ]),
            View::LazySeq(_) => out.extend(["clojure.lang.ISeq", "clojure.lang.IPending"]),
            _ => out.extend(["clojure.lang.ISeq", "clojure.lang.ASeq"]),
        }
    }
    out
}
