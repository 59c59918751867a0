//! The static members of clojure.lang classes that libraries call
//! (Compiler, RT, Util, Numbers, Murmur3, MapEntry): most are the
//! clojure.core fn of the same meaning, so they call it.

use crate::runtime::class::ClassDef;
use crate::runtime::error::Result;
use crate::runtime::symbol::{self, CHAR_MAP, SPECIAL_FORMS};
use crate::runtime::value::Value;

/// (class, static method, clojure.core fn it behaves as).
const AS_CORE_FN: &[(&str, &str, &str)] = &[
    ("RT", "count", "count"),
    ("RT", "nth", "nth"),
    ("RT", "seq", "seq"),
    ("RT", "first", "first"),
    ("RT", "second", "second"),
    ("RT", "next", "next"),
    ("RT", "more", "rest"),
    ("RT", "cons", "cons"),
    ("RT", "conj", "conj"),
    ("RT", "assoc", "assoc"),
    ("RT", "dissoc", "dissoc"),
    ("RT", "get", "get"),
    ("RT", "find", "find"),
    ("RT", "contains", "contains?"),
    ("RT", "keys", "keys"),
    ("RT", "vals", "vals"),
    ("RT", "peek", "peek"),
    ("RT", "pop", "pop"),
    ("RT", "subvec", "subvec"),
    ("RT", "vector", "vector"),
    ("RT", "list", "list"),
    ("RT", "listStar", "list*"),
    ("RT", "map", "hash-map"),
    ("RT", "mapUniqueKeys", "hash-map"),
    ("RT", "set", "hash-set"),
    ("RT", "keyword", "keyword"),
    ("RT", "printString", "pr-str"),
    ("RT", "readString", "read-string"),
    ("RT", "booleanCast", "boolean"),
    ("RT", "intCast", "int"),
    ("RT", "longCast", "long"),
    ("RT", "shortCast", "short"),
    ("RT", "byteCast", "byte"),
    ("RT", "charCast", "char"),
    ("RT", "doubleCast", "double"),
    ("RT", "floatCast", "float"),
    ("RT", "uncheckedIntCast", "unchecked-int"),
    ("RT", "uncheckedLongCast", "unchecked-long"),
    ("RT", "uncheckedShortCast", "unchecked-short"),
    ("RT", "uncheckedByteCast", "unchecked-byte"),
    ("RT", "uncheckedCharCast", "unchecked-char"),
    ("RT", "uncheckedFloatCast", "unchecked-float"),
    ("RT", "uncheckedDoubleCast", "unchecked-double"),
    ("RT", "aclone", "aclone"),
    ("RT", "toArray", "to-array"),
    ("RT", "object_array", "object-array"),
    ("RT", "length", "count"),
    ("RT", "alength", "alength"),
    ("RT", "aget", "aget"),
    ("RT", "aset", "aset"),
    ("RT", "isReduced", "reduced?"),
    ("RT", "var", "find-var"),
    ("RT", "meta", "meta"),
    ("RT", "boundedLength", "bounded-count"),
    ("Util", "equiv", "="),
    ("Util", "equals", "="),
    ("Util", "identical", "identical?"),
    ("Util", "compare", "compare"),
    ("Util", "hash", "hash"),
    ("Util", "hasheq", "hash"),
    ("Numbers", "add", "+"),
    ("Numbers", "addP", "+'"),
    ("Numbers", "minus", "-"),
    ("Numbers", "minusP", "-'"),
    ("Numbers", "multiply", "*"),
    ("Numbers", "multiplyP", "*'"),
    ("Numbers", "divide", "/"),
    ("Numbers", "inc", "inc"),
    ("Numbers", "incP", "inc'"),
    ("Numbers", "dec", "dec"),
    ("Numbers", "decP", "dec'"),
    ("Numbers", "lt", "<"),
    ("Numbers", "lte", "<="),
    ("Numbers", "gt", ">"),
    ("Numbers", "gte", ">="),
    ("Numbers", "equiv", "=="),
    ("Numbers", "equal", "=="),
    ("Numbers", "isZero", "zero?"),
    ("Numbers", "isPos", "pos?"),
    ("Numbers", "isNeg", "neg?"),
    ("Numbers", "quotient", "quot"),
    ("Numbers", "remainder", "rem"),
    ("Numbers", "max", "max"),
    ("Numbers", "min", "min"),
    ("Numbers", "abs", "abs"),
    ("Numbers", "and", "bit-and"),
    ("Numbers", "or", "bit-or"),
    ("Numbers", "xor", "bit-xor"),
    ("Numbers", "not", "bit-not"),
    ("Numbers", "shiftLeft", "bit-shift-left"),
    ("Numbers", "shiftRight", "bit-shift-right"),
    ("Numbers", "unsignedShiftRight", "unsigned-bit-shift-right"),
    ("Numbers", "unchecked_add", "unchecked-add"),
    ("Numbers", "unchecked_minus", "unchecked-subtract"),
    ("Numbers", "unchecked_multiply", "unchecked-multiply"),
    ("Numbers", "unchecked_inc", "unchecked-inc"),
    ("Numbers", "unchecked_dec", "unchecked-dec"),
    ("Numbers", "unchecked_int_add", "unchecked-add-int"),
    (
        "Numbers",
        "unchecked_int_subtract",
        "unchecked-subtract-int",
    ),
    (
        "Numbers",
        "unchecked_int_multiply",
        "unchecked-multiply-int",
    ),
    ("Numbers", "unchecked_int_divide", "unchecked-divide-int"),
    (
        "Numbers",
        "unchecked_int_remainder",
        "unchecked-remainder-int",
    ),
    ("Numbers", "unchecked_int_inc", "unchecked-inc-int"),
    ("Numbers", "unchecked_int_dec", "unchecked-dec-int"),
    ("Numbers", "unchecked_int_negate", "unchecked-negate-int"),
    ("Numbers", "andNot", "bit-and-not"),
    ("Numbers", "float_array", "float-array"),
    ("Numbers", "double_array", "double-array"),
    ("Numbers", "int_array", "int-array"),
    ("Numbers", "long_array", "long-array"),
    ("Numbers", "short_array", "short-array"),
    ("Numbers", "byte_array", "byte-array"),
    ("Numbers", "char_array", "char-array"),
    ("Numbers", "boolean_array", "boolean-array"),
    ("Numbers", "num", "num"),
    ("Numbers", "rationalize", "rationalize"),
    ("Numbers", "toRatio", "rationalize"),
    ("Murmur3", "hashOrdered", "hash-ordered-coll"),
    ("Murmur3", "hashUnordered", "hash-unordered-coll"),
    ("Murmur3", "mixCollHash", "mix-collection-hash"),
    ("APersistentMap", "mapHasheq", "hash-unordered-coll"),
    ("PersistentVector", "create", "vec"),
    ("PersistentHashSet", "create", "set"),
    ("Keyword", "intern", "keyword"),
    ("BigInt", "fromBigInteger", "bigint"),
    ("BigInt", "fromLong", "bigint"),
    ("BigInt", "valueOf", "bigint"),
    ("Numbers", "reduceBigInt", "bigint"),
    ("Symbol", "intern", "symbol"),
    ("Var", "intern", "intern"),
    ("Namespace", "find", "find-ns"),
    ("Namespace", "findOrCreate", "create-ns"),
    ("LazilyPersistentVector", "create", "vec"),
    ("LazilyPersistentVector", "createOwning", "vector"),
];

/// `(C/m args)` for a clojure.lang class; None when not modelled here.
pub fn call_static(class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    let simple = class.strip_prefix("clojure.lang.")?;
    match (simple, member, args) {
        ("Compiler", "munge", [s]) => {
            return Some(Ok(Value::string(symbol::munge(
                &crate::runtime::printer::str_value(s).ok()?,
            ))));
        }
        // Compiler.demunge also turns each `$` (a nested fn class) into `/`.
        ("Compiler", "demunge", [s]) => {
            return Some(Ok(Value::string(symbol::demunge(
                &crate::runtime::printer::str_value(s)
                    .ok()?
                    .replace('$', "/"),
            ))));
        }
        ("RT", "print", [x, w]) => return Some(crate::builtins::rt_print(x, w)),
        // RT.map / set take an array of items; the core fns take them
        // spread out.
        // PersistentList.create(List): a list of the items.
        ("PersistentList", "create", [items]) => {
            let items: Result<Vec<Value>> = crate::runtime::seq::iter(items).collect();
            return Some(items.map(Value::list));
        }
        // RT.map: an array map up to 8 entries (HASHTABLE_THRESHOLD), as
        // PersistentArrayMap.createWithCheck; a hash map past that.
        ("RT", "map" | "mapUniqueKeys", [items]) => {
            return Some((|| {
                let items: Vec<Value> = crate::runtime::seq::iter(items).collect::<Result<_>>()?;
                checked_map(&items, items.len() <= 16)
            })());
        }
        ("RT", "set" | "vector", [items]) => {
            let core = AS_CORE_FN
                .iter()
                .find(|(c, m, _)| *c == "RT" && *m == member)
                .map(|(_, _, f)| *f)?;
            let spread: Result<Vec<Value>> = crate::runtime::seq::iter(items).collect();
            return Some(spread.and_then(|v| call_core(core, &v)));
        }
        // Numbers.unchecked_minus(x): the negation.
        ("Numbers", "unchecked_minus", [x]) => {
            return Some(call_core("unchecked-negate", std::slice::from_ref(x)));
        }
        ("MapEntry", "create", [k, v]) => return Some(Ok(Value::map_entry(k.clone(), v.clone()))),
        ("RT", "baseLoader", []) => return Some(Ok(super::reflect::class_loader())),
        ("Reflector", _, _) => return reflector(member, args),
        // PersistentArrayMap.create(Map) / PersistentTreeMap.create(Map)
        // (what print-dup's forms read back with): the entries assoc'ed
        // into an empty map of that kind.
        ("PersistentArrayMap", "create", [m]) if crate::runtime::equality::is_map(m) => {
            return Some(call_core("into", &[Value::empty_map(), m.clone()]));
        }
        ("PersistentTreeMap", "create", [m]) if crate::runtime::equality::is_map(m) => {
            return Some(
                call_core("sorted-map", &[]).and_then(|e| call_core("into", &[e, m.clone()])),
            );
        }
        // APersistentMap.mapHash: Map.hashCode, the sum of each entry's
        // key.hashCode ^ value.hashCode (nil hashing to 0).
        ("APersistentMap", "mapHash", [m]) => {
            return Some((|| {
                use crate::runtime::hash::java_hash_code;
                let mut h = 0i32;
                for e in crate::runtime::seq::iter(m) {
                    let e = e?;
                    let k = crate::runtime::coll::ops::nth(&e, 0)?;
                    let v = crate::runtime::coll::ops::nth(&e, 1)?;
                    h = h.wrapping_add(java_hash_code(&k)? ^ java_hash_code(&v)?);
                }
                Ok(Value::long(i64::from(h)))
            })());
        }
        // APersistentMap.mapEquals: m2 is a java.util.Map of the same size
        // holding each of m1's keys with an equal (Util.equals) value.
        ("APersistentMap", "mapEquals", [m1, m2]) => {
            return Some((|| {
                use crate::runtime::seq;
                if m1.identical(m2) {
                    return Ok(Value::TRUE);
                }
                if !super::is_instance("java.util.Map", m2) || seq::count(m1)? != seq::count(m2)? {
                    return Ok(Value::FALSE);
                }
                for e in seq::iter(m1) {
                    let e = e?;
                    let k = crate::runtime::coll::ops::nth(&e, 0)?;
                    let v = crate::runtime::coll::ops::nth(&e, 1)?;
                    if !crate::runtime::coll::ops::contains(m2, &k)?
                        || !crate::runtime::equality::equals(
                            &v,
                            &crate::runtime::func::get(m2, &k, Value::NIL)?,
                        )
                    {
                        return Ok(Value::FALSE);
                    }
                }
                Ok(Value::TRUE)
            })());
        }
        // The counter gensym draws from, as on the JVM.
        ("RT", "nextID", []) => return Some(Ok(Value::long(crate::reader::next_id()))),
        // The reader's set/map literals: a duplicate is an error.
        ("PersistentHashSet", "createWithCheck", [items]) => {
            return Some((|| {
                let items: Vec<Value> = crate::runtime::seq::iter(items).collect::<Result<_>>()?;
                let set = call_core("hash-set", &items)?;
                if crate::runtime::seq::count(&set)? != items.len() {
                    let dup = first_duplicate(&items);
                    return Err(crate::runtime::coll::duplicate_key(&dup));
                }
                Ok(set)
            })());
        }
        ("PersistentHashMap" | "PersistentArrayMap", "createWithCheck", [items]) => {
            let array = simple == "PersistentArrayMap";
            return Some((|| {
                let items: Vec<Value> = crate::runtime::seq::iter(items).collect::<Result<_>>()?;
                checked_map(&items, array)
            })());
        }
        ("PersistentArrayMap", "createAsIfByAssoc", [items]) => {
            return Some((|| {
                let items: Vec<Value> = crate::runtime::seq::iter(items).collect::<Result<_>>()?;
                call_core("array-map", &items)
            })());
        }
        _ => {}
    }
    let (_, _, core) = AS_CORE_FN
        .iter()
        .find(|(c, m, _)| *c == simple && *m == member)?;
    Some(call_core(core, args))
}

/// clojure.lang.Reflector's static entry points: the interop call the
/// arguments name (a class given as a Class or by its name, the arguments
/// as an array).
fn reflector(member: &str, args: &[Value]) -> Option<Result<Value>> {
    use crate::runtime::host;
    fn items(xs: &Value) -> Result<Vec<Value>> {
        if xs.is_nil() {
            return Ok(Vec::new());
        }
        crate::runtime::seq::iter(xs).collect()
    }
    fn class_name(c: &Value) -> Result<String> {
        match c.as_class() {
            Some(c) => Ok(c.name().to_string()),
            None => crate::runtime::printer::str_value(c),
        }
    }
    Some(match (member, args) {
        ("invokeConstructor", [c, xs]) => (|| {
            let name = class_name(c)?;
            host::new_instance(host::class_def(&name), &name, &items(xs)?)
        })(),
        ("invokeStaticMethod", [c, m, xs]) => (|| {
            let name = class_name(c)?;
            let m = crate::runtime::printer::str_value(m)?;
            host::call_static(host::class_def(&name), &name, &m, &items(xs)?)
        })(),
        ("getStaticField", [c, f]) => (|| {
            let name = class_name(c)?;
            let f = crate::runtime::printer::str_value(f)?;
            host::get_static(host::class_def(&name), &name, &f)
        })(),
        ("invokeInstanceMethod", [target, m, xs]) => (|| {
            let m = crate::runtime::printer::str_value(m)?;
            host::call_method(target, &m, &items(xs)?)
        })(),
        ("invokeNoArgInstanceMember", [target, m] | [target, m, _]) => (|| {
            let m = crate::runtime::printer::str_value(m)?;
            host::call_method(target, &m, &[])
        })(),
        _ => return None,
    })
}

/// LockingTransaction's `statics` hook (the STM lives with the builtins).
fn transaction_statics(_: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    crate::builtins::concurrency::transaction_static(member, args)
}

/// A map of the key/value `items`; a duplicate key is an error.
fn checked_map(items: &[Value], array: bool) -> Result<Value> {
    let map = call_core(if array { "array-map" } else { "hash-map" }, items)?;
    if crate::runtime::seq::count(&map)? * 2 != items.len() {
        let keys: Vec<Value> = items.iter().step_by(2).cloned().collect();
        return Err(crate::runtime::coll::duplicate_key(&first_duplicate(&keys)));
    }
    Ok(map)
}

fn first_duplicate(items: &[Value]) -> Value {
    for (i, x) in items.iter().enumerate() {
        if items[..i]
            .iter()
            .any(|y| crate::runtime::equality::equiv(x, y))
        {
            return x.clone();
        }
    }
    Value::NIL
}

fn call_core(name: &str, args: &[Value]) -> Result<Value> {
    let name = name.strip_prefix("clojure.core/").unwrap_or(name);
    match crate::builtins::lang::core_value(name) {
        Some(f) => crate::runtime::func::invoke(&f, args),
        None => Err(crate::runtime::error::Exception::new(
            crate::runtime::error::ExClass::IllegalStateException,
            format!("clojure.core/{name} is not available"),
        )),
    }
}

/// RT.checkSpecAsserts (what `s/check-asserts` sets).
static CHECK_SPEC_ASSERTS: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// `(set! (. C field) v)`: the settable static fields cljw models.
pub fn set_static(class: &str, field: &str, v: &Value) -> Result<Value> {
    match (class, field) {
        ("clojure.lang.RT", "checkSpecAsserts") => {
            CHECK_SPEC_ASSERTS.store(v.truthy(), std::sync::atomic::Ordering::Relaxed);
            Ok(v.clone())
        }
        _ => Err(crate::runtime::error::Exception::new(
            crate::runtime::error::ExClass::IllegalArgumentException,
            format!("Unable to set static field: {field} in class {class}"),
        )),
    }
}

/// `C/FIELD` for a clojure.lang class; None when not modelled here.
pub fn get_static(class: &str, field: &str) -> Option<Value> {
    Some(match (class.strip_prefix("clojure.lang.")?, field) {
        // Symbol -> parser: the keys are what programs look at.
        ("Compiler", "specials") => Value::map_from_pairs(
            SPECIAL_FORMS
                .iter()
                .map(|f| {
                    let (ns, n) = symbol::split_ns(f);
                    (Value::symbol(ns, n), Value::NIL)
                })
                .collect(),
        ),
        ("Compiler", "LOCAL_ENV") => {
            Value::var(crate::runtime::core_vars::core_vars().local_env.clone())
        }
        ("Compiler", "LINE") => Value::var(crate::runtime::core_vars::core_vars().line.clone()),
        ("Compiler", "CHAR_MAP") => Value::map_from_pairs(
            CHAR_MAP
                .iter()
                .map(|(c, m)| (Value::char(*c), Value::string(*m)))
                .collect(),
        ),
        ("PersistentVector", "EMPTY") => Value::vector(vec![]),
        ("PersistentList", "EMPTY") => Value::empty_list(),
        ("PersistentArrayMap" | "PersistentHashMap", "EMPTY") => Value::map_from_pairs(vec![]),
        ("PersistentHashSet", "EMPTY") => call_core("hash-set", &[]).ok()?,
        ("RT", "checkSpecAsserts") => {
            Value::bool(CHECK_SPEC_ASSERTS.load(std::sync::atomic::Ordering::Relaxed))
        }
        ("RT", "T") => Value::TRUE,
        ("RT", "F") => Value::FALSE,
        _ => return None,
    })
}

/// An instance of LispReader's string-literal macro reader, called as
/// `(r reader doublequote opts pending-forms)` after the opening `"` was
/// consumed: the string up to the closing quote, escapes decoded. It puts
/// the quote back and reads the literal with `read`, which decodes it the
/// same way.
pub(crate) fn string_reader(args: &[Value]) -> Result<Value> {
    let [reader, _, _, _] = args else {
        return Err(crate::runtime::error::Exception::new(
            crate::runtime::error::ExClass::ArityException,
            format!(
                "Wrong number of args ({}) passed to: clojure.lang.LispReader/StringReader",
                args.len()
            ),
        ));
    };
    crate::runtime::host::call_method(reader, "unread", &[Value::long(i64::from(b'"'))])?;
    let read = crate::builtins::lang::core_value("read").unwrap_or(Value::NIL);
    crate::runtime::func::invoke(&read, std::slice::from_ref(reader))
}

/// The classes of this area (see `interop` for the format).
pub(super) static CLASSES: &[ClassDef] = &[
    ClassDef::class("clojure.lang.LineNumberingPushbackReader").extends("java.io.PushbackReader"),
    ClassDef::interface("clojure.lang.IFn")
        .implements(&["java.util.concurrent.Callable", "java.lang.Runnable"]),
    ClassDef::class("clojure.lang.AFn").implements(&["clojure.lang.IFn"]),
    ClassDef::class("clojure.lang.AFunction")
        .extends("clojure.lang.AFn")
        .implements(&[
            "clojure.lang.IObj",
            "java.util.Comparator",
            "clojure.lang.Fn",
            "java.io.Serializable",
        ]),
    ClassDef::interface("clojure.lang.Fn"),
    ClassDef::interface("clojure.lang.ISeq").implements(&["clojure.lang.IPersistentCollection"]),
    ClassDef::class("clojure.lang.ASeq")
        .extends("clojure.lang.Obj")
        .implements(&[
            "clojure.lang.ISeq",
            "clojure.lang.Sequential",
            "java.util.List",
            "java.io.Serializable",
            "clojure.lang.IHashEq",
        ]),
    ClassDef::interface("clojure.lang.Seqable"),
    ClassDef::interface("clojure.lang.IPersistentCollection").implements(&["clojure.lang.Seqable"]),
    ClassDef::interface("clojure.lang.IPersistentMap").implements(&[
        "java.lang.Iterable",
        "clojure.lang.Associative",
        "clojure.lang.Counted",
    ]),
    ClassDef::interface("clojure.lang.IPersistentVector").implements(&[
        "clojure.lang.Associative",
        "clojure.lang.Sequential",
        "clojure.lang.IPersistentStack",
        "clojure.lang.Reversible",
        "clojure.lang.Indexed",
    ]),
    ClassDef::interface("clojure.lang.IPersistentSet")
        .implements(&["clojure.lang.IPersistentCollection", "clojure.lang.Counted"]),
    ClassDef::interface("clojure.lang.IPersistentList")
        .implements(&["clojure.lang.Sequential", "clojure.lang.IPersistentStack"]),
    ClassDef::interface("clojure.lang.IPersistentStack")
        .implements(&["clojure.lang.IPersistentCollection"]),
    ClassDef::interface("clojure.lang.Associative")
        .implements(&["clojure.lang.IPersistentCollection", "clojure.lang.ILookup"]),
    ClassDef::interface("clojure.lang.ILookup"),
    ClassDef::interface("clojure.lang.Sequential"),
    ClassDef::interface("clojure.lang.Counted"),
    ClassDef::interface("clojure.lang.Indexed").implements(&["clojure.lang.Counted"]),
    ClassDef::interface("clojure.lang.Reversible"),
    ClassDef::interface("clojure.lang.Sorted"),
    ClassDef::interface("clojure.lang.IMeta"),
    ClassDef::interface("clojure.lang.IObj").implements(&["clojure.lang.IMeta"]),
    ClassDef::interface("clojure.lang.IDeref"),
    ClassDef::interface("clojure.lang.IRef").implements(&["clojure.lang.IDeref"]),
    ClassDef::interface("clojure.lang.IAtom"),
    ClassDef::interface("clojure.lang.IPending"),
    ClassDef::interface("clojure.lang.Named"),
    ClassDef::interface("clojure.lang.IHashEq"),
    ClassDef::interface("clojure.lang.IMapEntry").implements(&["java.util.Map$Entry"]),
    ClassDef::interface("clojure.lang.IRecord"),
    ClassDef::interface("clojure.lang.IType"),
    ClassDef::interface("clojure.lang.IEditableCollection"),
    ClassDef::interface("clojure.lang.IExceptionInfo"),
    ClassDef::interface("clojure.lang.IKeywordLookup"),
    ClassDef::interface("clojure.lang.IAtom2").implements(&["clojure.lang.IAtom"]),
    ClassDef::interface("clojure.lang.IChunk").implements(&["clojure.lang.Indexed"]),
    ClassDef::interface("clojure.lang.IChunkedSeq")
        .implements(&["clojure.lang.ISeq", "clojure.lang.Sequential"]),
    ClassDef::interface("clojure.lang.IKVReduce"),
    ClassDef::interface("clojure.lang.IMapIterable"),
    ClassDef::interface("clojure.lang.IReduce").implements(&["clojure.lang.IReduceInit"]),
    ClassDef::interface("clojure.lang.IReduceInit"),
    ClassDef::interface("clojure.lang.IReference").implements(&["clojure.lang.IMeta"]),
    ClassDef::interface("clojure.lang.ITransientAssociative")
        .implements(&["clojure.lang.ITransientCollection", "clojure.lang.ILookup"]),
    ClassDef::interface("clojure.lang.ITransientCollection"),
    ClassDef::interface("clojure.lang.ITransientMap")
        .implements(&["clojure.lang.ITransientAssociative", "clojure.lang.Counted"]),
    ClassDef::interface("clojure.lang.ITransientSet")
        .implements(&["clojure.lang.ITransientCollection", "clojure.lang.Counted"]),
    ClassDef::interface("clojure.lang.ITransientVector")
        .implements(&["clojure.lang.ITransientAssociative", "clojure.lang.Indexed"]),
    ClassDef::interface("clojure.lang.MapEquivalence"),
    ClassDef::interface("clojure.lang.Settable"),
    ClassDef::interface("clojure.lang.IndexedSeq").implements(&[
        "clojure.lang.ISeq",
        "clojure.lang.Sequential",
        "clojure.lang.Counted",
    ]),
    ClassDef::class("clojure.lang.AMapEntry")
        .extends("clojure.lang.APersistentVector")
        .implements(&["clojure.lang.IMapEntry"]),
    ClassDef::class("clojure.lang.APersistentVector$RSeq")
        .extends("clojure.lang.ASeq")
        .implements(&["clojure.lang.IndexedSeq", "clojure.lang.Counted"]),
    ClassDef::class("clojure.lang.APersistentVector$Seq")
        .extends("clojure.lang.ASeq")
        .implements(&["clojure.lang.IndexedSeq", "clojure.lang.IReduce"]),
    ClassDef::class("clojure.lang.APersistentVector$SubVector")
        .extends("clojure.lang.APersistentVector")
        .implements(&["clojure.lang.IObj", "clojure.lang.IKVReduce"]),
    ClassDef::class("clojure.lang.ARef")
        .extends("clojure.lang.AReference")
        .implements(&["clojure.lang.IRef"]),
    ClassDef::class("clojure.lang.AReference").implements(&["clojure.lang.IReference"]),
    ClassDef::class("clojure.lang.ArrayChunk")
        .implements(&["clojure.lang.IChunk", "java.io.Serializable"]),
    ClassDef::class("clojure.lang.ChunkedCons")
        .extends("clojure.lang.ASeq")
        .implements(&["clojure.lang.IChunkedSeq"]),
    ClassDef::class("clojure.lang.Cycle")
        .extends("clojure.lang.ASeq")
        .implements(&["clojure.lang.IReduce", "clojure.lang.IPending"]),
    ClassDef::class("clojure.lang.Iterate")
        .extends("clojure.lang.ASeq")
        .implements(&["clojure.lang.IReduce", "clojure.lang.IPending"]),
    ClassDef::class("clojure.lang.Repeat")
        .extends("clojure.lang.ASeq")
        .implements(&["clojure.lang.IReduce"]),
    ClassDef::class("clojure.lang.Obj").implements(&["clojure.lang.IObj", "java.io.Serializable"]),
    ClassDef::class("clojure.lang.StringSeq")
        .extends("clojure.lang.ASeq")
        .implements(&["clojure.lang.IndexedSeq"]),
    ClassDef::class("clojure.lang.PersistentArrayMap$TransientArrayMap")
        .extends("clojure.lang.ATransientMap"),
    ClassDef::class("clojure.lang.PersistentHashMap$TransientHashMap")
        .extends("clojure.lang.ATransientMap"),
    ClassDef::class("clojure.lang.PersistentHashSet$TransientHashSet")
        .extends("clojure.lang.ATransientSet"),
    ClassDef::class("clojure.lang.PersistentQueue$Seq").extends("clojure.lang.ASeq"),
    ClassDef::class("clojure.lang.PersistentVector$ChunkedSeq")
        .extends("clojure.lang.ASeq")
        .implements(&["clojure.lang.IChunkedSeq", "clojure.lang.Counted"]),
    ClassDef::class("clojure.lang.PersistentVector$TransientVector")
        .extends("clojure.lang.AFn")
        .implements(&[
            "clojure.lang.ITransientVector",
            "clojure.lang.ITransientAssociative2",
            "clojure.lang.Counted",
        ]),
    ClassDef::class("clojure.lang.APersistentVector")
        .extends("clojure.lang.AFn")
        .implements(&[
            "clojure.lang.IPersistentVector",
            "java.lang.Iterable",
            "java.util.List",
            "java.util.RandomAccess",
            "java.lang.Comparable",
            "java.io.Serializable",
            "clojure.lang.IHashEq",
        ]),
    ClassDef::class("clojure.lang.APersistentMap")
        .extends("clojure.lang.AFn")
        .implements(&[
            "clojure.lang.IPersistentMap",
            "java.util.Map",
            "java.lang.Iterable",
            "java.io.Serializable",
            "clojure.lang.MapEquivalence",
            "clojure.lang.IHashEq",
        ])
        .statics(&["mapHash", "mapHasheq", "mapEquals"], super::lang::statics),
    ClassDef::class("clojure.lang.APersistentSet")
        .extends("clojure.lang.AFn")
        .implements(&[
            "clojure.lang.IPersistentSet",
            "java.util.Collection",
            "java.util.Set",
            "java.io.Serializable",
            "clojure.lang.IHashEq",
        ]),
    ClassDef::class("clojure.lang.Keyword")
        .implements(&[
            "clojure.lang.IFn",
            "java.lang.Comparable",
            "clojure.lang.Named",
            "java.io.Serializable",
            "clojure.lang.IHashEq",
        ])
        .statics(&["intern"], super::lang::statics),
    ClassDef::class("clojure.lang.Symbol")
        .extends("clojure.lang.AFn")
        .implements(&[
            "clojure.lang.IObj",
            "java.lang.Comparable",
            "clojure.lang.Named",
            "java.io.Serializable",
            "clojure.lang.IHashEq",
        ])
        .statics(&["intern"], super::lang::statics),
    ClassDef::class("clojure.lang.PersistentVector")
        .extends("clojure.lang.APersistentVector")
        .implements(&[
            "clojure.lang.IObj",
            "clojure.lang.IEditableCollection",
            "clojure.lang.IReduce",
            "clojure.lang.IKVReduce",
        ])
        .statics(&["create"], super::lang::statics)
        .fields(&["EMPTY"], super::lang::fields),
    ClassDef::class("clojure.lang.PersistentList")
        .extends("clojure.lang.ASeq")
        .implements(&[
            "clojure.lang.IPersistentList",
            "clojure.lang.IReduce",
            "java.util.List",
            "clojure.lang.Counted",
        ])
        .statics(&["create"], super::lang::statics)
        .fields(&["EMPTY"], super::lang::fields),
    ClassDef::class("clojure.lang.PersistentList$EmptyList")
        .extends("clojure.lang.Obj")
        .implements(&[
            "clojure.lang.IPersistentList",
            "java.util.List",
            "clojure.lang.ISeq",
            "clojure.lang.Counted",
            "clojure.lang.IHashEq",
        ]),
    ClassDef::class("clojure.lang.PersistentArrayMap")
        .extends("clojure.lang.APersistentMap")
        .implements(&[
            "clojure.lang.IObj",
            "clojure.lang.IEditableCollection",
            "clojure.lang.IMapIterable",
            "clojure.lang.IKVReduce",
        ])
        .statics(
            &["create", "createWithCheck", "createAsIfByAssoc"],
            super::lang::statics,
        )
        .fields(&["EMPTY"], super::lang::fields),
    ClassDef::class("clojure.lang.PersistentHashMap")
        .extends("clojure.lang.APersistentMap")
        .implements(&[
            "clojure.lang.IEditableCollection",
            "clojure.lang.IObj",
            "clojure.lang.IMapIterable",
            "clojure.lang.IKVReduce",
        ])
        .statics(&["createWithCheck"], super::lang::statics)
        .fields(&["EMPTY"], super::lang::fields),
    ClassDef::class("clojure.lang.PersistentHashSet")
        .extends("clojure.lang.APersistentSet")
        .implements(&["clojure.lang.IObj", "clojure.lang.IEditableCollection"])
        .statics(&["create", "createWithCheck"], super::lang::statics)
        .fields(&["EMPTY"], super::lang::fields),
    ClassDef::class("clojure.lang.PersistentTreeMap")
        .extends("clojure.lang.APersistentMap")
        .implements(&[
            "clojure.lang.IObj",
            "clojure.lang.Reversible",
            "clojure.lang.Sorted",
            "clojure.lang.IKVReduce",
        ])
        .statics(&["create"], super::lang::statics),
    ClassDef::class("clojure.lang.PersistentTreeSet")
        .extends("clojure.lang.APersistentSet")
        .implements(&[
            "clojure.lang.IObj",
            "clojure.lang.Reversible",
            "clojure.lang.Sorted",
        ]),
    ClassDef::class("clojure.lang.PersistentQueue")
        .extends("clojure.lang.Obj")
        .implements(&[
            "clojure.lang.IPersistentList",
            "java.util.Collection",
            "clojure.lang.Counted",
            "clojure.lang.IHashEq",
        ])
        .fields(&["EMPTY"], super::lang::fields),
    ClassDef::class("clojure.lang.MapEntry")
        .extends("clojure.lang.AMapEntry")
        .statics(&["create"], super::lang::statics),
    ClassDef::class("clojure.lang.LazySeq")
        .extends("clojure.lang.Obj")
        .implements(&[
            "clojure.lang.ISeq",
            "clojure.lang.Sequential",
            "java.util.List",
            "clojure.lang.IPending",
            "clojure.lang.IHashEq",
        ]),
    ClassDef::class("clojure.lang.Cons")
        .extends("clojure.lang.ASeq")
        .implements(&["java.io.Serializable"]),
    ClassDef::class("clojure.lang.ArraySeq")
        .extends("clojure.lang.ASeq")
        .implements(&["clojure.lang.IndexedSeq", "clojure.lang.IReduce"]),
    ClassDef::class("clojure.lang.LongRange")
        .extends("clojure.lang.ASeq")
        .implements(&[
            "clojure.lang.Counted",
            "clojure.lang.IChunkedSeq",
            "clojure.lang.IReduce",
        ]),
    ClassDef::class("clojure.lang.Range")
        .extends("clojure.lang.ASeq")
        .implements(&["clojure.lang.IChunkedSeq", "clojure.lang.IReduce"]),
    ClassDef::class("clojure.lang.Var")
        .extends("clojure.lang.ARef")
        .implements(&[
            "clojure.lang.IFn",
            "clojure.lang.IRef",
            "clojure.lang.Settable",
            "java.io.Serializable",
        ])
        .statics(
            &[
                "intern",
                "create",
                "getThreadBindingFrame",
                "resetThreadBindingFrame",
            ],
            super::lang::statics,
        ),
    ClassDef::class("clojure.lang.Namespace")
        .extends("clojure.lang.AReference")
        .implements(&["java.io.Serializable"])
        .statics(&["find", "findOrCreate"], super::lang::statics),
    ClassDef::class("clojure.lang.Atom")
        .extends("clojure.lang.ARef")
        .implements(&["clojure.lang.IAtom2"]),
    ClassDef::class("clojure.lang.Volatile").implements(&["clojure.lang.IDeref"]),
    ClassDef::class("clojure.lang.Delay")
        .implements(&["clojure.lang.IDeref", "clojure.lang.IPending"]),
    ClassDef::class("clojure.lang.Ref")
        .extends("clojure.lang.ARef")
        .implements(&[
            "clojure.lang.IFn",
            "java.lang.Comparable",
            "clojure.lang.IRef",
        ]),
    ClassDef::class("clojure.lang.LockingTransaction")
        .statics(&["runInTransaction", "isRunning"], transaction_statics),
    ClassDef::class("clojure.lang.Agent").extends("clojure.lang.ARef"),
    ClassDef::interface("clojure.lang.IBlockingDeref"),
    ClassDef::class("clojure.lang.BigInt")
        .extends("java.lang.Number")
        .implements(&["clojure.lang.IHashEq"])
        .statics(
            &["fromBigInteger", "fromLong", "valueOf"],
            super::lang::statics,
        ),
    ClassDef::class("clojure.lang.Ratio")
        .extends("java.lang.Number")
        .implements(&["java.lang.Comparable"]),
    ClassDef::class("clojure.lang.MultiFn").extends("clojure.lang.AFn"),
    ClassDef::class("clojure.lang.Compiler")
        .implements(&["clojure.asm.Opcodes"])
        .statics(&["eval", "munge", "demunge"], super::lang::statics)
        .fields(&["specials", "CHAR_MAP", "LOCAL_ENV"], super::lang::fields),
    ClassDef::class("clojure.lang.RT")
        .statics(
            &[
                "baseLoader",
                "count",
                "nth",
                "seq",
                "first",
                "second",
                "next",
                "more",
                "cons",
                "conj",
                "assoc",
                "dissoc",
                "get",
                "find",
                "contains",
                "keys",
                "vals",
                "peek",
                "pop",
                "subvec",
                "vector",
                "list",
                "listStar",
                "map",
                "mapUniqueKeys",
                "set",
                "keyword",
                "printString",
                "print",
                "readString",
                "booleanCast",
                "intCast",
                "longCast",
                "shortCast",
                "byteCast",
                "charCast",
                "doubleCast",
                "floatCast",
                "uncheckedIntCast",
                "uncheckedLongCast",
                "uncheckedShortCast",
                "uncheckedByteCast",
                "uncheckedCharCast",
                "uncheckedFloatCast",
                "uncheckedDoubleCast",
                "aclone",
                "toArray",
                "object_array",
                "length",
                "alength",
                "aget",
                "aset",
                "isReduced",
                "var",
                "meta",
                "boundedLength",
                "nextID",
            ],
            super::lang::statics,
        )
        .fields(&["checkSpecAsserts", "T", "F"], super::lang::fields),
    ClassDef::class("clojure.lang.Util").statics(
        &["equiv", "equals", "identical", "compare", "hash", "hasheq"],
        super::lang::statics,
    ),
    ClassDef::class("clojure.lang.Numbers").statics(
        &[
            "add",
            "addP",
            "minus",
            "minusP",
            "multiply",
            "multiplyP",
            "divide",
            "inc",
            "incP",
            "dec",
            "decP",
            "lt",
            "lte",
            "gt",
            "gte",
            "equiv",
            "equal",
            "isZero",
            "isPos",
            "isNeg",
            "quotient",
            "remainder",
            "max",
            "min",
            "abs",
            "and",
            "or",
            "xor",
            "not",
            "shiftLeft",
            "shiftRight",
            "unsignedShiftRight",
            "unchecked_add",
            "unchecked_minus",
            "unchecked_multiply",
            "unchecked_inc",
            "unchecked_dec",
            "unchecked_int_add",
            "unchecked_int_subtract",
            "unchecked_int_multiply",
            "unchecked_int_divide",
            "unchecked_int_remainder",
            "unchecked_int_inc",
            "unchecked_int_dec",
            "unchecked_int_negate",
            "andNot",
            "float_array",
            "double_array",
            "int_array",
            "long_array",
            "short_array",
            "byte_array",
            "char_array",
            "boolean_array",
            "num",
            "rationalize",
            "toRatio",
            "reduceBigInt",
        ],
        super::lang::statics,
    ),
    ClassDef::class("clojure.lang.Murmur3").statics(
        &["hashOrdered", "hashUnordered", "mixCollHash"],
        super::lang::statics,
    ),
    ClassDef::class("clojure.lang.Reflector").statics(
        &[
            "invokeConstructor",
            "invokeStaticMethod",
            "getStaticField",
            "invokeInstanceMethod",
            "invokeNoArgInstanceMember",
        ],
        super::lang::statics,
    ),
    ClassDef::class("clojure.lang.PersistentArrayMap$Seq")
        .extends("clojure.lang.ASeq")
        .implements(&["clojure.lang.Counted"]),
    ClassDef::class("clojure.lang.PersistentHashMap$NodeSeq").extends("clojure.lang.ASeq"),
    ClassDef::class("clojure.lang.PersistentHashMap$ArrayNodeSeq"),
    ClassDef::class("clojure.lang.APersistentMap$KeySeq").extends("clojure.lang.ASeq"),
    ClassDef::class("clojure.lang.APersistentMap$ValSeq").extends("clojure.lang.ASeq"),
    ClassDef::class("clojure.lang.PersistentTreeMap$Seq").extends("clojure.lang.ASeq"),
    ClassDef::class("clojure.lang.PersistentTreeMap$KeySeq"),
    ClassDef::class("clojure.lang.PersistentTreeMap$ValSeq"),
    ClassDef::class("clojure.lang.SeqIterator").implements(&["java.util.Iterator"]),
    ClassDef::class("clojure.lang.LazilyPersistentVector")
        .statics(&["create", "createOwning"], super::lang::statics),
    ClassDef::class("clojure.lang.PersistentStructMap")
        .extends("clojure.lang.APersistentMap")
        .implements(&["clojure.lang.IObj"]),
    ClassDef::class("clojure.lang.RestFn").extends("clojure.lang.AFunction"),
    ClassDef::class("clojure.lang.ATransientMap")
        .extends("clojure.lang.AFn")
        .implements(&[
            "clojure.lang.ITransientMap",
            "clojure.lang.ITransientAssociative2",
        ]),
    ClassDef::class("clojure.lang.ATransientSet")
        .extends("clojure.lang.AFn")
        .implements(&["clojure.lang.ITransientSet"]),
    ClassDef::class("clojure.lang.TransactionalHashMap")
        .extends("java.util.AbstractMap")
        .implements(&["java.util.concurrent.ConcurrentMap"]),
    ClassDef::class("clojure.lang.EnumerationSeq").extends("clojure.lang.ASeq"),
    ClassDef::class("clojure.lang.IteratorSeq").extends("clojure.lang.ASeq"),
    ClassDef::class("clojure.lang.TaggedLiteral").implements(&["clojure.lang.ILookup"]),
    ClassDef::class("clojure.lang.ReaderConditional").implements(&["clojure.lang.ILookup"]),
    ClassDef::class("clojure.lang.Reduced").implements(&["clojure.lang.IDeref"]),
    ClassDef::class("clojure.lang.Box"),
    ClassDef::class("clojure.lang.Tuple"),
    ClassDef::class("clojure.lang.DynamicClassLoader").extends("java.net.URLClassLoader"),
    ClassDef::class("clojure.lang.LispReader"),
    ClassDef::class("clojure.lang.LispReader$StringReader").extends("clojure.lang.AFn"),
    ClassDef::class("clojure.lang.EdnReader"),
    ClassDef::class("clojure.lang.Intrinsics").implements(&["clojure.asm.Opcodes"]),
    ClassDef::class("clojure.lang.Ref$TVal"),
    ClassDef::interface("clojure.lang.IDrop"),
    ClassDef::interface("clojure.lang.ILookupThunk"),
    ClassDef::interface("clojure.lang.ILookupSite"),
    ClassDef::interface("clojure.lang.IProxy"),
    ClassDef::class("clojure.core$future_call$reify__8544").implements(&[
        "clojure.lang.IPending",
        "clojure.lang.IBlockingDeref",
        "java.util.concurrent.Future",
        "clojure.lang.IDeref",
        "clojure.lang.IObj",
    ]),
    ClassDef::class("clojure.core$promise$reify__8591").implements(&[
        "clojure.lang.IPending",
        "clojure.lang.IBlockingDeref",
        "clojure.lang.IDeref",
        "clojure.lang.IFn",
        "clojure.lang.IObj",
    ]),
    ClassDef::interface("clojure.asm.Opcodes"),
    ClassDef::interface("clojure.lang.ITransientAssociative2")
        .implements(&["clojure.lang.ITransientAssociative"]),
];
