//! The classes a program can name, and the JVM type hierarchy `instance?`
//! walks. Names in java.lang, and BigInteger / BigDecimal, also resolve by
//! their simple name (RT.DEFAULT_IMPORTS); others need the full name.

use crate::runtime::error::ExClass;
use crate::runtime::value::Value;

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
    c("java.util.ArrayList"),
    c("java.util.AbstractList"),
    c("java.util.AbstractCollection"),
    c("java.util.HashMap"),
    c("java.util.AbstractMap"),
    c("java.lang.StringBuilder"),
    c("java.lang.StringBuffer"),
    c("java.lang.AbstractStringBuilder"),
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
    c("java.io.BufferedWriter"),
    c("java.io.Reader"),
    c("java.io.StringReader"),
    c("java.io.BufferedReader"),
    c("java.io.InputStreamReader"),
    c("java.io.FileReader"),
    c("java.io.PushbackReader"),
    c("java.io.FilterReader"),
    c("clojure.lang.LineNumberingPushbackReader"),
    c("java.io.InputStream"),
    c("java.io.FilterInputStream"),
    c("java.io.BufferedInputStream"),
    c("java.io.FileInputStream"),
    c("java.io.ByteArrayInputStream"),
    c("java.io.OutputStream"),
    c("java.io.FilterOutputStream"),
    c("java.io.BufferedOutputStream"),
    c("java.io.File"),
    c("sun.nio.fs.UnixPath"),
    i("java.nio.file.Path"),
    i("java.nio.file.Watchable"),
    i("java.lang.Readable"),
    i("java.io.Closeable"),
    i("java.io.Serializable"),
    i("java.lang.Cloneable"),
    i("java.io.Flushable"),
    c("java.math.BigDecimal"),
    c("java.math.BigInteger"),
    c("java.math.MathContext"),
    c("java.math.RoundingMode"),
    c("java.util.regex.Pattern"),
    c("java.util.Date"),
    c("java.util.UUID"),
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
    i("clojure.lang.IRecord"),
    i("clojure.lang.IType"),
    i("clojure.lang.IEditableCollection"),
    i("clojure.lang.IExceptionInfo"),
    i("clojure.lang.IKeywordLookup"),
    i("clojure.lang.IAtom2"),
    i("clojure.lang.IChunk"),
    i("clojure.lang.IChunkedSeq"),
    i("clojure.lang.IKVReduce"),
    i("clojure.lang.IMapIterable"),
    i("clojure.lang.IReduce"),
    i("clojure.lang.IReduceInit"),
    i("clojure.lang.IReference"),
    i("clojure.lang.ITransientAssociative"),
    i("clojure.lang.ITransientCollection"),
    i("clojure.lang.ITransientMap"),
    i("clojure.lang.ITransientSet"),
    i("clojure.lang.ITransientVector"),
    i("clojure.lang.MapEquivalence"),
    i("clojure.lang.Settable"),
    i("clojure.lang.IndexedSeq"),
    c("clojure.lang.AMapEntry"),
    c("clojure.lang.APersistentVector$RSeq"),
    c("clojure.lang.APersistentVector$Seq"),
    c("clojure.lang.APersistentVector$SubVector"),
    c("clojure.lang.ARef"),
    c("clojure.lang.AReference"),
    c("clojure.lang.ArrayChunk"),
    c("clojure.lang.ChunkedCons"),
    c("clojure.lang.Cycle"),
    c("clojure.lang.Iterate"),
    c("clojure.lang.Repeat"),
    c("clojure.lang.Obj"),
    c("clojure.lang.StringSeq"),
    c("clojure.lang.PersistentArrayMap$TransientArrayMap"),
    c("clojure.lang.PersistentHashMap$TransientHashMap"),
    c("clojure.lang.PersistentHashSet$TransientHashSet"),
    c("clojure.lang.PersistentQueue$Seq"),
    c("clojure.lang.PersistentVector$ChunkedSeq"),
    c("clojure.lang.PersistentVector$TransientVector"),
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
    c("clojure.lang.Ref"),
    c("clojure.lang.LockingTransaction"),
    c("clojure.lang.Agent"),
    i("clojure.lang.IBlockingDeref"),
    i("java.util.concurrent.Future"),
    c("clojure.lang.BigInt"),
    c("clojure.lang.Ratio"),
    c("clojure.lang.MultiFn"),
    c("clojure.lang.Compiler"),
];

/// The full name of every class modelled (for completion).
pub fn all_names() -> Vec<&'static str> {
    CLASSES
        .iter()
        .map(|d| d.name)
        .chain(ExClass::ALL.iter().map(|e| e.name()))
        .collect()
}

/// The class `name` denotes (a full name, or a simple name of java.lang).
pub fn resolve(name: &str) -> Option<ClassDef> {
    if let Some(d) = resolve_known(name) {
        return Some(d);
    }
    // A class `import`ed into the current namespace, by its simple name.
    let full = crate::runtime::namespace::current()?.imported(name)?;
    resolve_known(&full)
}

/// The class `name` denotes without imports.
fn resolve_known(name: &str) -> Option<ClassDef> {
    let matches = |full: &str| {
        full == name
            || full
                .strip_prefix("java.lang.")
                // Clojure imports java.math's BigInteger and BigDecimal too.
                .or_else(|| {
                    full.strip_prefix("java.math.")
                        .filter(|s| s.starts_with("Big"))
                })
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

/// `(instance? C x)` for a fully qualified class name: the supertype table
/// lives with the builtins (builtins::classes).
pub fn is_instance(class: &str, v: &Value) -> bool {
    crate::builtins::classes::is_instance(class, v)
}
