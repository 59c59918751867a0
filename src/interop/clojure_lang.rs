//! The static members of clojure.lang classes that libraries call
//! (Compiler, RT, Util, Numbers, Murmur3, MapEntry): most are the
//! clojure.core fn of the same meaning, so they call it.

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
    ("Numbers", "unchecked_negate", "unchecked-negate"),
    ("Numbers", "num", "num"),
    ("Numbers", "rationalize", "rationalize"),
    ("Numbers", "toRatio", "rationalize"),
    ("Murmur3", "hashOrdered", "hash-ordered-coll"),
    ("Murmur3", "hashUnordered", "hash-unordered-coll"),
    ("Murmur3", "mixCollHash", "mix-collection-hash"),
    ("MapEntry", "create", "clojure.core/map-entry"),
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
        ("MapEntry", "create", [k, v]) => return Some(Ok(Value::map_entry(k.clone(), v.clone()))),
        // The counter gensym draws from, as on the JVM.
        ("RT", "nextID", []) => return Some(Ok(Value::long(crate::reader::next_id()))),
        // The reader's set/map literals: a duplicate is an error.
        ("PersistentHashSet", "createWithCheck", [items]) => {
            return Some((|| {
                let items: Vec<Value> = crate::runtime::seq::iter(items).collect::<Result<_>>()?;
                let set = call_core("hash-set", &items)?;
                if crate::runtime::seq::count(&set)? != items.len() {
                    let dup = first_duplicate(&items);
                    return Err(duplicate_key(&dup));
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

/// A map of the key/value `items`; a duplicate key is an error.
fn checked_map(items: &[Value], array: bool) -> Result<Value> {
    let map = call_core(if array { "array-map" } else { "hash-map" }, items)?;
    if crate::runtime::seq::count(&map)? * 2 != items.len() {
        let keys: Vec<Value> = items.iter().step_by(2).cloned().collect();
        return Err(duplicate_key(&first_duplicate(&keys)));
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

fn duplicate_key(k: &Value) -> crate::runtime::error::Exception {
    crate::runtime::error::Exception::new(
        crate::runtime::error::ExClass::IllegalArgumentException,
        format!(
            "Duplicate key: {}",
            crate::runtime::printer::str_value(k).unwrap_or_default()
        ),
    )
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
