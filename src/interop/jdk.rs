//! JDK members libraries lean on: Long/Integer bit twiddling,
//! java.util.Random (the JDK's LCG, so seeded sequences match the JVM),
//! Locale, java.util.Arrays.

use crate::runtime::class::ClassDef;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::number::convert::to_long;
use crate::runtime::object::HostObject;
use crate::runtime::value::{Value, View};

/// `(C/m args)`; None when not modelled here.
pub fn call_static(class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    match class {
        "java.lang.Long" => long_bits(member, args, false),
        "java.lang.Integer" => long_bits(member, args, true),
        "java.util.Arrays" => arrays(member, args),
        // The wrappers add no behaviour cljw models: the map itself.
        "java.util.Collections" => match (member, args) {
            (
                "synchronizedMap" | "unmodifiableMap" | "synchronizedList" | "unmodifiableList"
                | "synchronizedSet" | "unmodifiableSet",
                [m],
            ) => Some(Ok(m.clone())),
            ("emptyList", []) => Some(Ok(host(HostObject::ArrayList(Lock::new(Vec::new()))))),
            ("emptyMap", []) => Some(Ok(java_map("java.util.HashMap", Vec::new(), 16))),
            ("emptySet", []) => Some(Ok(super::jset::hash_set(Vec::new()))),
            _ => None,
        },
        "java.net.URI" => match (member, args) {
            ("create", [s]) => Some(uri(s)),
            _ => None,
        },
        "java.util.Locale" => match (member, args) {
            ("getDefault", []) => Some(Ok(host(HostObject::Locale("en_US".to_string())))),
            _ => None,
        },
        _ => None,
    }
}

/// `C/FIELD`; None when not modelled here.
pub fn get_static(class: &str, field: &str) -> Option<Value> {
    // The shared empty collections, as emptyList/emptyMap/emptySet give
    // them (mutable here: cljw has no immutable java.util wrappers).
    if class == "java.util.Collections" {
        let method = match field {
            "EMPTY_LIST" => "emptyList",
            "EMPTY_MAP" => "emptyMap",
            "EMPTY_SET" => "emptySet",
            _ => return None,
        };
        return call_static(class, method, &[]).and_then(Result::ok);
    }
    let tag = match (class, field) {
        ("java.util.Locale", "US") => "en_US",
        ("java.util.Locale", "ROOT") => "",
        ("java.util.Locale", "ENGLISH") => "en",
        ("java.util.Locale", "UK") => "en_GB",
        ("java.util.Locale", "GERMANY") => "de_DE",
        ("java.util.Locale", "GERMAN") => "de",
        ("java.util.Locale", "FRANCE") => "fr_FR",
        ("java.util.Locale", "FRENCH") => "fr",
        _ => return None,
    };
    Some(host(HostObject::Locale(tag.to_string())))
}

/// `(new C args)`; None when not modelled here.
pub fn construct(class: &str, args: &[Value]) -> Option<Result<Value>> {
    match (class, args) {
        ("java.util.Random", []) => {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64);
            Some(Ok(random(t ^ 8_682_522_807_148_012)))
        }
        ("java.util.Random", [seed]) => Some(to_long(seed).map(|s| random(s as u64))),
        // String(byte[]) / String(byte[], charset) / String(byte[], offset,
        // length[, charset]): malformed input decodes as U+FFFD.
        ("java.lang.String", [b, rest @ ..]) if b.class_name() == "[B" => {
            Some(string_of_bytes(b, rest))
        }
        // String(char[] value, int offset, int count).
        ("java.lang.String", [c, off, count]) if c.class_name() == "[C" => Some((|| {
            let (off, count) = (to_long(off)?, to_long(count)?);
            let items: Vec<Value> = crate::runtime::seq::iter(c).collect::<Result<_>>()?;
            let end = off.saturating_add(count);
            if off < 0 || count < 0 || end as usize > items.len() {
                return Err(Exception::new(
                    ExClass::StringIndexOutOfBoundsException,
                    format!("offset {off}, count {count}, length {}", items.len()),
                )
                .at_jdk(crate::runtime::jdk_frame::STRING_CHECK_BOUNDS_OFF_COUNT));
            }
            Ok(Value::string(
                items[off as usize..end as usize]
                    .iter()
                    .map(|x| x.as_char().unwrap_or('\u{fffd}'))
                    .collect::<String>(),
            ))
        })()),
        ("java.lang.String", [c]) if c.class_name() == "[C" => {
            let chars: Result<String> = crate::runtime::seq::iter(c)
                .map(|x| x.map(|x| x.as_char().unwrap_or('\u{fffd}')))
                .collect();
            Some(chars.map(Value::string))
        }
        ("java.net.URI", [s]) => Some(uri(s)),
        // cljw's collector never clears a reference: a Soft/WeakReference
        // holds its referent strongly and reaches its queue only through
        // `.enqueue`, which the JVM's contract allows (clearing is at the
        // collector's discretion). The cell holds [referent queue].
        ("java.lang.ref.SoftReference" | "java.lang.ref.WeakReference", [v] | [v, _]) => {
            let class = if class == "java.lang.ref.SoftReference" {
                "java.lang.ref.SoftReference"
            } else {
                "java.lang.ref.WeakReference"
            };
            let queue = args.get(1).cloned().unwrap_or(Value::NIL);
            if !queue.is_nil() && queue.class_name() != "java.lang.ref.ReferenceQueue" {
                return Some(crate::runtime::error::err::class_cast(format!(
                    "class {} cannot be cast to class java.lang.ref.ReferenceQueue",
                    queue.class_name()
                )));
            }
            let cell = Value::vector(vec![v.clone(), queue]);
            Some(Ok(host(HostObject::Atomic(class, Lock::new(cell)))))
        }
        ("java.lang.ref.ReferenceQueue", []) => Some(Ok(host(HostObject::Atomic(
            "java.lang.ref.ReferenceQueue",
            Lock::new(Value::NIL),
        )))),
        ("java.util.LinkedList" | "java.util.ArrayDeque", [] | [_]) => {
            let class = if class == "java.util.LinkedList" {
                "java.util.LinkedList"
            } else {
                "java.util.ArrayDeque"
            };
            // (LinkedList. coll) copies; (ArrayDeque. 16) is a capacity.
            let items = match args.first() {
                Some(c) if !crate::runtime::number::is_number(c) => {
                    match crate::runtime::seq::iter(c).collect::<Result<Vec<Value>>>() {
                        Ok(v) => v,
                        Err(e) => return Some(Err(e)),
                    }
                }
                _ => Vec::new(),
            };
            Some(Ok(host(HostObject::LinkedList(class, Lock::new(items)))))
        }
        (
            "java.util.concurrent.atomic.AtomicLong"
            | "java.util.concurrent.atomic.AtomicInteger"
            | "java.util.concurrent.atomic.AtomicBoolean"
            | "java.util.concurrent.atomic.AtomicReference",
            [] | [_],
        ) => {
            let (class, zero) = match class {
                "java.util.concurrent.atomic.AtomicLong" => {
                    ("java.util.concurrent.atomic.AtomicLong", Value::long(0))
                }
                "java.util.concurrent.atomic.AtomicInteger" => {
                    ("java.util.concurrent.atomic.AtomicInteger", Value::long(0))
                }
                "java.util.concurrent.atomic.AtomicBoolean" => {
                    ("java.util.concurrent.atomic.AtomicBoolean", Value::FALSE)
                }
                _ => ("java.util.concurrent.atomic.AtomicReference", Value::NIL),
            };
            let init = args.first().cloned().unwrap_or(zero);
            Some(Ok(host(HostObject::Atomic(class, Lock::new(init)))))
        }
        (
            "java.util.HashMap"
            | "java.util.LinkedHashMap"
            | "java.util.WeakHashMap"
            | "java.util.IdentityHashMap"
            | "java.util.TreeMap"
            | "java.util.concurrent.ConcurrentHashMap",
            [] | [_] | [_, _] | [_, _, _],
        ) => {
            // (LinkedHashMap. cap load true) orders by access; (TreeMap.
            // comparator) sorts by it: neither is modelled.
            match (class, args) {
                ("java.util.LinkedHashMap", [_, _, order]) if order.truthy() => {
                    return Some(crate::runtime::error::err::unsupported(
                        "cljw does not support an access-ordered java.util.LinkedHashMap",
                    ));
                }
                ("java.util.TreeMap", [c])
                    if !crate::runtime::equality::is_map(c)
                        && !matches!(c.view(), View::HostObject(HostObject::JavaMap(..))) =>
                {
                    return Some(crate::runtime::error::err::unsupported(
                        "cljw does not support a java.util.TreeMap with a comparator",
                    ));
                }
                (_, [_, _]) | (_, [_, _, _])
                    if !args
                        .iter()
                        .all(|a| crate::runtime::number::is_number(a) || a.as_bool().is_some()) =>
                {
                    return None;
                }
                _ => {}
            }
            let class = [
                "java.util.HashMap",
                "java.util.LinkedHashMap",
                "java.util.WeakHashMap",
                "java.util.IdentityHashMap",
                "java.util.TreeMap",
                "java.util.concurrent.ConcurrentHashMap",
            ]
            .into_iter()
            .find(|c| *c == class)
            .unwrap_or("java.util.HashMap");
            // (HashMap. m) copies a map; (HashMap. 16) is a capacity: the
            // table size orders a HashMap's iteration, as the JVM's.
            let mut cap = match args.first() {
                Some(n) if crate::runtime::number::is_number(n) => match to_long(n) {
                    Ok(n) if n >= 0 => (n as usize).max(1).next_power_of_two(),
                    Ok(n) => {
                        return Some(Err(Exception::new(
                            ExClass::IllegalArgumentException,
                            format!("Illegal initial capacity: {n}"),
                        )));
                    }
                    Err(e) => return Some(Err(e)),
                },
                _ => 16,
            };
            let init = match args.first() {
                Some(m)
                    if crate::runtime::equality::is_map(m)
                        || matches!(m.view(), View::HostObject(HostObject::JavaMap(..))) =>
                {
                    match map_entries(m) {
                        Ok(v) => v,
                        Err(e) => return Some(Err(e)),
                    }
                }
                _ => Vec::new(),
            };
            if !init.is_empty() {
                // HashMap(Map): tableSizeFor((int) (size / 0.75f + 1)).
                cap = ((init.len() as f32 / 0.75 + 1.0) as usize).next_power_of_two();
                cap = crate::runtime::hash::grown_table_size(cap, init.len());
            }
            Some(Ok(java_map(class, init, cap)))
        }
        ("java.util.Locale", [lang]) => Some(locale(&[lang])),
        ("java.util.Locale", [lang, country]) => Some(locale(&[lang, country])),
        _ => None,
    }
}

/// `(.m x args)` of the host objects above; None when not modelled here.
pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let View::HostObject(o) = target.view() else {
        return None;
    };
    if let Some(c) = o.foreign::<super::reflect::Constructor>() {
        return super::reflect::constructor_method(c, method, args);
    }
    if o.foreign::<super::reflect::ClassLoader>().is_some() {
        return super::reflect::class_loader_method(method, args);
    }
    match o {
        HostObject::Random(state) => random_method(state, method, args),
        HostObject::Uri(u) => uri_method(u, method, args),
        HostObject::Atomic(c, cell) if c.starts_with("java.lang.ref.") => {
            reference_method(target, c, cell, method, args)
        }
        HostObject::Atomic(c, cell) => atomic_method(c, cell, method, args),
        HostObject::JavaMap(_, m, cap) => map_method(target, m, cap, method, args),
        HostObject::Locale(tag) => {
            let (lang, country) = tag.split_once('_').unwrap_or((tag, ""));
            Some(Ok(match (method, args) {
                ("getLanguage", []) => Value::string(lang),
                ("getCountry", []) => Value::string(country),
                ("toLanguageTag", []) => Value::string(tag.replace('_', "-")),
                ("toString", []) => Value::string(tag),
                _ => return None,
            }))
        }
        _ => None,
    }
}

/// new String(bytes[, offset, length][, charset]).
fn string_of_bytes(b: &Value, rest: &[Value]) -> Result<Value> {
    let bytes = b.byte_array_bytes().unwrap_or_default();
    let (range, cs) = match rest {
        [] => (0..bytes.len(), None),
        [cs] if !crate::runtime::number::is_number(cs) => (0..bytes.len(), Some(cs)),
        [off, len] | [off, len, _] => {
            let (off, len) = (to_long(off)?, to_long(len)?);
            let end = off.saturating_add(len);
            if off < 0 || len < 0 || end as usize > bytes.len() {
                return Err(Exception::new(
                    ExClass::StringIndexOutOfBoundsException,
                    format!("offset {off}, count {len}, length {}", bytes.len()),
                )
                .at_jdk(crate::runtime::jdk_frame::STRING_CHECK_BOUNDS_OFF_COUNT));
            }
            (off as usize..end as usize, rest.get(2))
        }
        _ => return Err(super::no_ctor("java.lang.String")),
    };
    let cs = match cs {
        Some(cs) => super::charset::arg(cs)?,
        None => super::charset::Charset::Utf8,
    };
    Ok(Value::string(cs.decode(&bytes[range])))
}

fn host(o: HostObject) -> Value {
    Value::from(Ref::new(o))
}

fn locale(parts: &[&Value]) -> Result<Value> {
    let mut tag = String::new();
    for (i, p) in parts.iter().enumerate() {
        let s = crate::runtime::printer::str_value(p)?;
        if i > 0 && !s.is_empty() {
            tag.push('_');
            tag.push_str(&s.to_uppercase());
        } else {
            tag.push_str(&s.to_lowercase());
        }
    }
    Ok(host(HostObject::Locale(tag)))
}

// ----- Long / Integer -----

fn long_bits(member: &str, args: &[Value], int: bool) -> Option<Result<Value>> {
    let arg = |i: usize| -> Result<i64> { to_long(&args[i]) };
    let width = if int { 32 } else { 64 };
    let norm = |n: i64| if int { n as i32 as i64 } else { n };
    let r = (|| -> Result<Option<i64>> {
        Ok(Some(match (member, args.len()) {
            ("numberOfLeadingZeros", 1) => i64::from(if int {
                (arg(0)? as i32).leading_zeros()
            } else {
                arg(0)?.leading_zeros()
            }),
            ("numberOfTrailingZeros", 1) => {
                let n = arg(0)?;
                i64::from(if int {
                    (n as i32).trailing_zeros()
                } else {
                    n.trailing_zeros()
                })
            }
            ("bitCount", 1) => i64::from(if int {
                (arg(0)? as i32).count_ones()
            } else {
                arg(0)?.count_ones()
            }),
            ("highestOneBit", 1) => {
                let n = if int {
                    arg(0)? as u32 as u64
                } else {
                    arg(0)? as u64
                };
                if n == 0 {
                    0
                } else {
                    norm((1u64 << (63 - n.leading_zeros())) as i64)
                }
            }
            ("lowestOneBit", 1) => {
                let n = norm(arg(0)?);
                norm(n & n.wrapping_neg())
            }
            ("reverse", 1) => {
                if int {
                    (arg(0)? as i32).reverse_bits() as i64
                } else {
                    arg(0)?.reverse_bits()
                }
            }
            ("reverseBytes", 1) => {
                if int {
                    (arg(0)? as i32).swap_bytes() as i64
                } else {
                    arg(0)?.swap_bytes()
                }
            }
            ("rotateLeft", 2) => {
                let d = arg(1)? as u32 % width;
                if int {
                    (arg(0)? as i32).rotate_left(d) as i64
                } else {
                    arg(0)?.rotate_left(d)
                }
            }
            ("rotateRight", 2) => {
                let d = arg(1)? as u32 % width;
                if int {
                    (arg(0)? as i32).rotate_right(d) as i64
                } else {
                    arg(0)?.rotate_right(d)
                }
            }
            ("signum", 1) => arg(0)?.signum(),
            ("compare", 2) => (arg(0)?.cmp(&arg(1)?)) as i64,
            ("sum", 2) => norm(arg(0)?.wrapping_add(arg(1)?)),
            ("max", 2) => arg(0)?.max(arg(1)?),
            ("min", 2) => arg(0)?.min(arg(1)?),
            ("hashCode", 1) => {
                let n = arg(0)?;
                if int {
                    n as i32 as i64
                } else {
                    (n ^ (n >> 32 & 0xffff_ffff)) as i32 as i64
                }
            }
            _ => return Ok(None),
        }))
    })();
    match r {
        Ok(Some(n)) => Some(Ok(Value::long(n))),
        Ok(None) => None,
        Err(e) => Some(Err(e)),
    }
}

// ----- java.util.Random -----

const MULTIPLIER: u64 = 0x5_DEEC_E66D;
const MASK: u64 = (1 << 48) - 1;

fn random(seed: u64) -> Value {
    host(HostObject::Random(Lock::new((
        (seed ^ MULTIPLIER) & MASK,
        None,
    ))))
}

thread_local! {
    /// This thread's ThreadLocalRandom.current(): a Random (the class
    /// reported is java.util.Random) seeded from the clock on first use.
    static THREAD_RANDOM: Value = {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        random(t ^ 0x9E37_79B9_7F4A_7C15)
    };
}

fn thread_local_random(_: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    match (member, args) {
        ("current", []) => Some(
            THREAD_RANDOM
                .try_with(Value::clone)
                .map_err(|_| Exception::new(ExClass::IllegalStateException, "thread is ending")),
        ),
        _ => None,
    }
}

/// Random.next(bits).
fn next_bits(state: &Lock<(u64, Option<f64>)>, bits: u32) -> i32 {
    let mut s = lock(state);
    s.0 = (s.0.wrapping_mul(MULTIPLIER).wrapping_add(0xB)) & MASK;
    (s.0 >> (48 - bits)) as i64 as i32
}

fn next_double(state: &Lock<(u64, Option<f64>)>) -> f64 {
    let hi = i64::from(next_bits(state, 26)) << 27;
    let lo = i64::from(next_bits(state, 27));
    (hi + lo) as f64 * (1.0 / (1u64 << 53) as f64)
}

fn random_method(
    state: &Lock<(u64, Option<f64>)>,
    method: &str,
    args: &[Value],
) -> Option<Result<Value>> {
    Some(Ok(match (method, args) {
        ("nextInt", []) => Value::long(i64::from(next_bits(state, 32))),
        ("nextInt", [bound]) => {
            let bound = match to_long(bound) {
                Ok(b) if b > 0 => b as i32,
                Ok(_) => {
                    return Some(Err(Exception::new(
                        ExClass::IllegalArgumentException,
                        "bound must be positive",
                    )));
                }
                Err(e) => return Some(Err(e)),
            };
            let m = bound - 1;
            let mut r = next_bits(state, 31);
            if bound & m == 0 {
                r = ((i64::from(bound) * i64::from(r)) >> 31) as i32;
            } else {
                let mut u = r;
                loop {
                    r = u % bound;
                    if u.wrapping_sub(r).wrapping_add(m) >= 0 {
                        break;
                    }
                    u = next_bits(state, 31);
                }
            }
            Value::long(i64::from(r))
        }
        ("nextLong", []) => {
            let hi = i64::from(next_bits(state, 32)) << 32;
            Value::long(hi.wrapping_add(i64::from(next_bits(state, 32))))
        }
        ("nextBoolean", []) => Value::bool(next_bits(state, 1) != 0),
        // A float result reaches Clojure widened to a Double (Reflector.prepRet).
        ("nextFloat", []) => {
            Value::double(f64::from(next_bits(state, 24) as f32 / (1u32 << 24) as f32))
        }
        ("nextDouble", []) => Value::double(next_double(state)),
        ("nextGaussian", []) => {
            if let Some(g) = lock(state).1.take() {
                return Some(Ok(Value::double(g)));
            }
            loop {
                let v1 = 2.0 * next_double(state) - 1.0;
                let v2 = 2.0 * next_double(state) - 1.0;
                let s = v1 * v1 + v2 * v2;
                if s < 1.0 && s != 0.0 {
                    let mul = (-2.0 * s.ln() / s).sqrt();
                    lock(state).1 = Some(v2 * mul);
                    break Value::double(v1 * mul);
                }
            }
        }
        ("setSeed", [seed]) => match to_long(seed) {
            Ok(s) => {
                *lock(state) = ((s as u64 ^ MULTIPLIER) & MASK, None);
                Value::NIL
            }
            Err(e) => return Some(Err(e)),
        },
        _ => return None,
    }))
}

// ----- java.util.Arrays -----

fn array_parts(v: &Value) -> Result<(&'static str, Vec<Value>)> {
    match v.view() {
        View::HostObject(HostObject::Array(c, items)) => Ok((c, lock(items).clone())),
        _ => Err(Exception::new(
            ExClass::ClassCastException,
            crate::runtime::compare::cast_message(v.class_name(), "[Ljava.lang.Object;"),
        )),
    }
}

fn array_value(class: &'static str, items: Vec<Value>) -> Value {
    host(HostObject::Array(class, Lock::new(items)))
}

/// The default element of an array class (`[J` -> 0).
fn default_item(class: &str) -> Value {
    match class {
        "[J" => Value::long(0),
        "[I" => Value::int(0),
        "[S" => Value::short(0),
        "[B" => Value::byte(0),
        "[D" => Value::double(0.0),
        "[F" => Value::float(0.0),
        "[Z" => Value::FALSE,
        "[C" => Value::char('\0'),
        _ => Value::NIL,
    }
}

fn arrays(member: &str, args: &[Value]) -> Option<Result<Value>> {
    let r = (|| -> Result<Option<Value>> {
        Ok(Some(match (member, args) {
            ("copyOfRange", [a, from, to]) => {
                let (c, items) = array_parts(a)?;
                let (from, to) = (to_long(from)?, to_long(to)?);
                if from < 0 || from as usize > items.len() {
                    return Err(Exception::new(
                        ExClass::ArrayIndexOutOfBoundsException,
                        format!("Array index out of range: {from}"),
                    ));
                }
                if from > to {
                    return Err(Exception::new(
                        ExClass::IllegalArgumentException,
                        format!("{from} > {to}"),
                    ));
                }
                let mut out: Vec<Value> = items[from as usize..]
                    .iter()
                    .take((to - from) as usize)
                    .cloned()
                    .collect();
                out.resize((to - from) as usize, default_item(c));
                array_value(c, out)
            }
            ("copyOf", [a, n]) => {
                let (c, mut items) = array_parts(a)?;
                let n = usize::try_from(to_long(n)?).map_err(|_| {
                    Exception::new(
                        ExClass::NegativeArraySizeException,
                        to_long(n).unwrap_or(0).to_string(),
                    )
                })?;
                items.resize(n, default_item(c));
                array_value(c, items)
            }
            ("asList", [a]) => {
                let (_, items) = array_parts(a)?;
                host(HostObject::ArrayList(Lock::new(items)))
            }
            ("fill", [a, v]) => {
                if let View::HostObject(HostObject::Array(_, items)) = a.view() {
                    for x in lock(items).iter_mut() {
                        *x = v.clone();
                    }
                }
                Value::NIL
            }
            ("toString", [a]) => {
                if a.is_nil() {
                    return Ok(Some(Value::string("null")));
                }
                let (_, items) = array_parts(a)?;
                let parts: Result<Vec<String>> = items
                    .iter()
                    .map(crate::runtime::printer::str_value)
                    .collect();
                Value::string(format!("[{}]", parts?.join(", ")))
            }
            ("equals", [a, b]) => {
                let (_, x) = array_parts(a)?;
                let (_, y) = array_parts(b)?;
                Value::bool(
                    x.len() == y.len()
                        && x.iter().zip(&y).all(|(p, q)| {
                            crate::runtime::equality::try_equals(p, q).unwrap_or(false)
                        }),
                )
            }
            ("sort", [a]) => {
                if let View::HostObject(HostObject::Array(_, items)) = a.view() {
                    let mut v = lock(items).clone();
                    let mut err = None;
                    v.sort_by(|p, q| {
                        crate::runtime::compare::compare(p, q).unwrap_or_else(|e| {
                            err.get_or_insert(e);
                            std::cmp::Ordering::Equal
                        })
                    });
                    if let Some(e) = err {
                        return Err(e);
                    }
                    *lock(items) = v;
                }
                Value::NIL
            }
            _ => return Ok(None),
        }))
    })();
    r.transpose()
}

// ----- java.net.URI -----

/// RFC 3986's split: scheme, authority, path, query, fragment.
struct UriParts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

fn split_uri(s: &str) -> UriParts<'_> {
    let (rest, fragment) = match s.split_once('#') {
        Some((a, f)) => (a, Some(f)),
        None => (s, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((a, q)) => (a, Some(q)),
        None => (rest, None),
    };
    let scheme_end = rest.find(':').filter(|&i| {
        i > 0
            && rest[..i]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
            && rest[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    let (scheme, rest) = match scheme_end {
        Some(i) => (Some(&rest[..i]), &rest[i + 1..]),
        None => (None, rest),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(r) => {
            let end = r.find('/').unwrap_or(r.len());
            (Some(&r[..end]), &r[end..])
        }
        None => (None, rest),
    };
    UriParts {
        scheme,
        authority,
        path,
        query,
        fragment,
    }
}

pub(super) fn uri(s: &Value) -> Result<Value> {
    let Some(text) = s.as_str() else {
        return Err(Exception::new(
            ExClass::NullPointerException,
            "Cannot invoke \"String.length()\" because \"str\" is null",
        ));
    };
    if let Some(c) = text
        .chars()
        .find(|c| c.is_whitespace() || "<>\"{}|\\^`".contains(*c))
    {
        let at = text.find(c).unwrap_or(0);
        return Err(Exception::new(
            ExClass::URISyntaxException,
            format!("Illegal character in path at index {at}: {text}"),
        )
        .at_jdk(crate::runtime::jdk_frame::URI_PARSER_FAIL));
    }
    Ok(host(HostObject::Uri(text.to_string())))
}

/// %XX decoding (URI.decode): invalid escapes stay as written.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn uri_method(u: &str, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let p = split_uri(u);
    let opaque = p.scheme.is_some() && p.authority.is_none() && !p.path.starts_with('/');
    let host_port = p
        .authority
        .map(|a| a.rsplit_once('@').map_or(a, |(_, h)| h));
    let (host_name, port) = match host_port {
        Some(h) => match h.rsplit_once(':') {
            Some((n, port)) if !port.is_empty() && port.chars().all(|c| c.is_ascii_digit()) => {
                (Some(n), port.parse::<i64>().unwrap_or(-1))
            }
            _ => (Some(h), -1),
        },
        None => (None, -1),
    };
    let opt = |x: Option<&str>| x.map_or(Value::NIL, Value::string);
    Some(Ok(match (method, args) {
        ("getScheme", []) => opt(p.scheme),
        ("getAuthority", []) => opt(p.authority.map(percent_decode).as_deref()),
        ("getRawAuthority", []) => opt(p.authority),
        ("getHost", []) => opt(host_name.filter(|h| !h.is_empty())),
        ("getPort", []) => Value::long(port),
        ("getUserInfo", []) => opt(p.authority.and_then(|a| a.rsplit_once('@')).map(|(u, _)| u)),
        ("getPath", []) if opaque => Value::NIL,
        ("getPath", []) => Value::string(percent_decode(p.path)),
        ("getRawPath", []) if opaque => Value::NIL,
        ("getRawPath", []) => Value::string(p.path),
        ("getQuery", []) => opt(p.query.map(percent_decode).as_deref()),
        ("getRawQuery", []) => opt(p.query),
        ("getFragment", []) => opt(p.fragment.map(percent_decode).as_deref()),
        ("getRawFragment", []) => opt(p.fragment),
        ("getSchemeSpecificPart", []) => {
            let start = p.scheme.map_or(0, |s| s.len() + 1);
            let end = u.find('#').unwrap_or(u.len());
            Value::string(percent_decode(&u[start..end]))
        }
        ("isAbsolute", []) => Value::bool(p.scheme.is_some()),
        ("toURL", []) => return Some(super::url::from_uri(u)),
        ("isOpaque", []) => Value::bool(opaque),
        ("toString" | "toASCIIString", []) => Value::string(u),
        ("equals", [o]) => {
            Value::bool(matches!(o.view(), View::HostObject(HostObject::Uri(x)) if x == u))
        }
        ("hashCode", []) => match crate::runtime::hash::java_hash_code(&Value::string(u)) {
            Ok(h) => Value::long(i64::from(h)),
            Err(e) => return Some(Err(e)),
        },
        _ => return None,
    }))
}

// ----- mutable java.util Maps -----

fn java_map(class: &'static str, entries: Vec<(Value, Value)>, cap: usize) -> Value {
    host(HostObject::JavaMap(
        class,
        Lock::new(entries),
        std::sync::atomic::AtomicUsize::new(cap),
    ))
}

fn map_entries(m: &Value) -> Result<Vec<(Value, Value)>> {
    if let View::HostObject(o @ HostObject::JavaMap(..)) = m.view() {
        return Ok(o.java_map_entries().unwrap_or_default());
    }
    crate::runtime::equality::entries(m).collect()
}

/// A Map's entries in its iteration order.
fn ordered(map: &Value) -> Vec<(Value, Value)> {
    match map.view() {
        View::HostObject(o) => o.java_map_entries().unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn java_equals(a: &Value, b: &Value) -> bool {
    crate::runtime::equality::try_equals(a, b).unwrap_or(false)
}

fn map_method(
    target: &Value,
    m: &Lock<Vec<(Value, Value)>>,
    cap: &std::sync::atomic::AtomicUsize,
    method: &str,
    args: &[Value],
) -> Option<Result<Value>> {
    let is_tree = target.class_name() == "java.util.TreeMap";
    let find = |k: &Value| lock(m).iter().position(|(x, _)| java_equals(x, k));
    let get = |k: &Value| find(k).map(|i| lock(m)[i].1.clone());
    let put = |k: &Value, v: &Value| -> Value {
        match find(k) {
            Some(i) => std::mem::replace(&mut lock(m)[i].1, v.clone()),
            None => {
                let n = {
                    let mut m = lock(m);
                    m.push((k.clone(), v.clone()));
                    m.len()
                };
                let old = cap.load(std::sync::atomic::Ordering::Relaxed);
                cap.store(
                    crate::runtime::hash::grown_table_size(old, n),
                    std::sync::atomic::Ordering::Relaxed,
                );
                Value::NIL
            }
        }
    };
    Some(Ok(match (method, args) {
        ("get", [k]) => get(k).unwrap_or(Value::NIL),
        ("getOrDefault", [k, d]) => get(k).unwrap_or_else(|| d.clone()),
        ("containsKey", [k]) => Value::bool(find(k).is_some()),
        ("containsValue", [v]) => Value::bool(lock(m).iter().any(|(_, x)| java_equals(x, v))),
        ("put", [k, v]) => put(k, v),
        ("putIfAbsent", [k, v]) => match get(k) {
            Some(old) if !old.is_nil() => old,
            _ => {
                put(k, v);
                Value::NIL
            }
        },
        ("computeIfAbsent", [k, f]) => match get(k) {
            Some(old) if !old.is_nil() => old,
            _ => {
                // A java.util.function.Function (a Clojure fn is not one).
                let Some(r) =
                    crate::runtime::types::call_method(f, "apply", std::slice::from_ref(k))
                else {
                    return Some(Err(Exception::new(
                        ExClass::ClassCastException,
                        crate::runtime::compare::cast_message(
                            f.class_name(),
                            "java.util.function.Function",
                        ),
                    )));
                };
                let v = match r {
                    Ok(v) => v,
                    Err(e) => return Some(Err(e)),
                };
                if !v.is_nil() {
                    put(k, &v);
                }
                v
            }
        },
        ("putAll", [other]) => {
            match map_entries(other) {
                Ok(es) => {
                    for (k, v) in es {
                        put(&k, &v);
                    }
                }
                Err(e) => return Some(Err(e)),
            }
            Value::NIL
        }
        ("remove", [k]) => match find(k) {
            Some(i) => lock(m).remove(i).1,
            None => Value::NIL,
        },
        ("size", []) => Value::long(lock(m).len() as i64),
        ("isEmpty", []) => Value::bool(lock(m).is_empty()),
        ("clear", []) => {
            lock(m).clear();
            Value::NIL
        }
        ("keySet", []) => {
            super::jset::key_set(ordered(target).into_iter().map(|(k, _)| k).collect())
        }
        ("values", []) => host(HostObject::ArrayList(Lock::new(
            ordered(target).into_iter().map(|(_, v)| v).collect(),
        ))),
        ("entrySet", []) => Value::vector(
            ordered(target)
                .into_iter()
                .map(|(k, v)| Value::map_entry(k, v))
                .collect(),
        ),
        ("firstKey" | "lastKey", []) if is_tree => {
            let es = ordered(target);
            let e = if method == "firstKey" {
                es.first()
            } else {
                es.last()
            };
            match e {
                Some((k, _)) => k.clone(),
                None => {
                    return Some(Err(Exception::full(
                        ExClass::NoSuchElementException,
                        None,
                        None,
                        None,
                    )));
                }
            }
        }
        ("firstEntry" | "lastEntry", []) if is_tree => {
            let es = ordered(target);
            let e = if method == "firstEntry" {
                es.first()
            } else {
                es.last()
            };
            e.map_or(Value::NIL, |(k, v)| Value::map_entry(k.clone(), v.clone()))
        }
        ("equals", [o]) => Value::bool(target.identical(o)),
        _ => return None,
    }))
}

// ----- java.util.concurrent.atomic -----

fn atomic_method(
    class: &str,
    cell: &Lock<Value>,
    method: &str,
    args: &[Value],
) -> Option<Result<Value>> {
    let numeric = !class.ends_with("Reference") && !class.ends_with("Boolean");
    let int = class.ends_with("Integer");
    // Long arithmetic wraps like Java's; Integer's at 32 bits.
    let add = |d: i64| -> Result<(Value, Value)> {
        let mut v = lock(cell);
        let old = to_long(&v)?;
        let new = old.wrapping_add(d);
        let new = if int { new as i32 as i64 } else { new };
        *v = Value::long(new);
        Ok((Value::long(old), Value::long(new)))
    };
    Some(match (method, args) {
        ("get" | "getPlain" | "getAcquire" | "longValue" | "intValue", []) => {
            Ok(lock(cell).clone())
        }
        ("set" | "lazySet" | "setPlain" | "setRelease", [x]) => {
            *lock(cell) = x.clone();
            Ok(Value::NIL)
        }
        ("getAndSet", [x]) => Ok(std::mem::replace(&mut *lock(cell), x.clone())),
        ("compareAndSet" | "weakCompareAndSet", [expect, x]) => {
            let mut v = lock(cell);
            // AtomicReference compares identity; the others the value.
            let same = if numeric || class.ends_with("Boolean") {
                crate::runtime::equality::equiv(&v, expect)
            } else {
                v.identical(expect)
            };
            if same {
                *v = x.clone();
            }
            Ok(Value::bool(same))
        }
        ("incrementAndGet", []) if numeric => add(1).map(|p| p.1),
        ("decrementAndGet", []) if numeric => add(-1).map(|p| p.1),
        ("getAndIncrement", []) if numeric => add(1).map(|p| p.0),
        ("getAndDecrement", []) if numeric => add(-1).map(|p| p.0),
        ("addAndGet", [d]) if numeric => to_long(d).and_then(add).map(|p| p.1),
        ("getAndAdd", [d]) if numeric => to_long(d).and_then(add).map(|p| p.0),
        // updateAndGet(op) / accumulateAndGet(x, op) & co: compute outside
        // the cell's lock and retry when another thread changed it first,
        // as the JDK's compare-and-set loops do.
        (
            "updateAndGet" | "getAndUpdate" | "accumulateAndGet" | "getAndAccumulate",
            [_] | [_, _],
        ) if !class.ends_with("Boolean") => (|| {
            let (x, op) = match args {
                [op] => (None, op),
                [x, op] => (Some(x), op),
                _ => return Ok(Value::NIL),
            };
            let apply = if int {
                "applyAsInt"
            } else if numeric {
                "applyAsLong"
            } else {
                "apply"
            };
            loop {
                let old = lock(cell).clone();
                let call_args = match x {
                    Some(x) => vec![old.clone(), x.clone()],
                    None => vec![old.clone()],
                };
                let mut new = crate::runtime::host::call_method(op, apply, &call_args)?;
                if int {
                    // The op's int result is cast with RT.intCast.
                    let n = to_long(&new)?;
                    if i32::try_from(n).is_err() {
                        return Err(Exception::new(
                            ExClass::ArithmeticException,
                            "integer overflow",
                        ));
                    }
                    new = Value::long(n);
                } else if numeric {
                    new = Value::long(to_long(&new)?);
                }
                let mut v = lock(cell);
                let same = if numeric {
                    crate::runtime::equality::equiv(&v, &old)
                } else {
                    v.identical(&old)
                };
                if same {
                    *v = new.clone();
                    return Ok(if method.starts_with("getAnd") {
                        old
                    } else {
                        new
                    });
                }
            }
        })(),
        ("doubleValue" | "floatValue", []) if numeric => {
            to_long(&lock(cell)).map(|n| Value::double(n as f64))
        }
        ("shortValue" | "byteValue", []) if numeric => Ok(lock(cell).clone()),
        ("toString", []) => crate::runtime::printer::str_value(&lock(cell)).map(Value::string),
        _ => return None,
    })
}

// ----- java.lang.ref -----

/// Soft/WeakReference and ReferenceQueue (see `construct`: the collector
/// never clears a reference). A reference's cell holds [referent queue],
/// the queue becoming nil once the reference is enqueued; a queue's cell
/// holds the references enqueued and not yet polled, newest first.
fn reference_method(
    this: &Value,
    class: &str,
    cell: &Lock<Value>,
    method: &str,
    args: &[Value],
) -> Option<Result<Value>> {
    use crate::runtime::coll::ops::nth;
    let slot = |i: i64| nth(&lock(cell), i).unwrap_or(Value::NIL);
    if class == "java.lang.ref.ReferenceQueue" {
        return Some(Ok(match (method, args) {
            // A blocking remove returns at once: no collector ever enqueues.
            ("poll", []) | ("remove", [] | [_]) => {
                let mut q = lock(cell);
                let items = crate::runtime::seq::iter(&q).collect::<Result<Vec<_>>>();
                let Ok(mut items) = items else {
                    return Some(Ok(Value::NIL));
                };
                if items.is_empty() {
                    return Some(Ok(Value::NIL));
                }
                let head = items.remove(0);
                *q = Value::vector(items);
                head
            }
            _ => return None,
        }));
    }
    Some(Ok(match (method, args) {
        ("get", []) => slot(0),
        ("refersTo", [o]) => Value::bool(slot(0).identical(o)),
        ("clear", []) => {
            let q = slot(1);
            *lock(cell) = Value::vector(vec![Value::NIL, q]);
            Value::NIL
        }
        // Reference.enqueue: clear, then add to the registered queue once.
        ("enqueue", []) => {
            let q = slot(1);
            *lock(cell) = Value::vector(vec![Value::NIL, Value::NIL]);
            match q.view() {
                View::HostObject(HostObject::Atomic(_, qcell)) => {
                    let mut items = lock(qcell);
                    let mut v: Vec<Value> = crate::runtime::seq::iter(&items)
                        .collect::<Result<Vec<_>>>()
                        .unwrap_or_default();
                    // The JDK's queue is a stack: the last enqueued polls first.
                    v.insert(0, this.clone());
                    *items = Value::vector(v);
                    Value::TRUE
                }
                _ => Value::FALSE,
            }
        }
        ("isEnqueued", []) => Value::FALSE,
        _ => return None,
    }))
}

/// The classes of this area (see `interop` for the format).
pub(super) static CLASSES: &[ClassDef] = &[
    ClassDef::class("java.util.ArrayList")
        .extends("java.util.AbstractList")
        .implements(&[
            "java.util.List",
            "java.util.RandomAccess",
            "java.lang.Cloneable",
            "java.io.Serializable",
        ]),
    ClassDef::class("java.util.AbstractList")
        .extends("java.util.AbstractCollection")
        .implements(&["java.util.List"]),
    ClassDef::class("java.util.AbstractCollection").implements(&["java.util.Collection"]),
    ClassDef::class("java.util.HashMap")
        .extends("java.util.AbstractMap")
        .implements(&[
            "java.util.Map",
            "java.lang.Cloneable",
            "java.io.Serializable",
        ]),
    ClassDef::class("java.util.AbstractMap").implements(&["java.util.Map"]),
    ClassDef::interface("java.util.Map"),
    ClassDef::interface("java.util.Map$Entry"),
    ClassDef::interface("java.util.List").implements(&["java.util.Collection"]),
    ClassDef::interface("java.util.Set").implements(&["java.util.Collection"]),
    ClassDef::interface("java.util.Collection").implements(&["java.lang.Iterable"]),
    ClassDef::interface("java.util.RandomAccess"),
    ClassDef::interface("java.util.Comparator"),
    ClassDef::interface("java.util.concurrent.Callable"),
    ClassDef::class("java.util.UUID")
        .implements(&["java.io.Serializable", "java.lang.Comparable"])
        .statics(&["randomUUID", "fromString"], super::date::call_static),
    ClassDef::interface("java.util.concurrent.Future"),
    ClassDef::class("java.util.Random")
        .implements(&["java.util.random.RandomGenerator", "java.io.Serializable"]),
    ClassDef::class("java.util.Locale")
        .implements(&["java.lang.Cloneable", "java.io.Serializable"])
        .statics(&["getDefault"], super::lang::statics)
        .fields(
            &[
                "US", "ROOT", "ENGLISH", "UK", "GERMANY", "GERMAN", "FRANCE", "FRENCH",
            ],
            super::lang::fields,
        ),
    ClassDef::class("java.util.Arrays").statics(
        &[
            "copyOfRange",
            "copyOf",
            "asList",
            "fill",
            "toString",
            "equals",
            "sort",
        ],
        super::lang::statics,
    ),
    ClassDef::class("java.util.Collections")
        .statics(
            &[
                "synchronizedMap",
                "unmodifiableMap",
                "synchronizedList",
                "unmodifiableList",
                "synchronizedSet",
                "unmodifiableSet",
                "emptyList",
                "emptyMap",
                "emptySet",
            ],
            super::lang::statics,
        )
        .fields(
            &["EMPTY_LIST", "EMPTY_MAP", "EMPTY_SET"],
            super::lang::fields,
        ),
    ClassDef::class("java.net.URI")
        .implements(&["java.lang.Comparable", "java.io.Serializable"])
        .statics(&["create"], super::lang::statics),
    ClassDef::class("java.lang.ref.SoftReference").extends("java.lang.ref.Reference"),
    ClassDef::class("java.lang.ref.WeakReference").extends("java.lang.ref.Reference"),
    ClassDef::class("java.lang.ref.ReferenceQueue"),
    ClassDef::class("java.lang.ref.Reference"),
    ClassDef::class("java.util.LinkedList")
        .extends("java.util.AbstractSequentialList")
        .implements(&[
            "java.util.List",
            "java.util.Deque",
            "java.lang.Cloneable",
            "java.io.Serializable",
        ]),
    ClassDef::class("java.util.ArrayDeque")
        .extends("java.util.AbstractCollection")
        .implements(&[
            "java.util.Deque",
            "java.lang.Cloneable",
            "java.io.Serializable",
        ]),
    ClassDef::class("java.util.LinkedHashMap")
        .extends("java.util.HashMap")
        .implements(&["java.util.Map"]),
    ClassDef::class("java.util.TreeMap")
        .extends("java.util.AbstractMap")
        .implements(&[
            "java.util.NavigableMap",
            "java.lang.Cloneable",
            "java.io.Serializable",
        ]),
    ClassDef::class("java.util.IdentityHashMap")
        .extends("java.util.AbstractMap")
        .implements(&[
            "java.util.Map",
            "java.io.Serializable",
            "java.lang.Cloneable",
        ]),
    ClassDef::class("java.util.WeakHashMap")
        .extends("java.util.AbstractMap")
        .implements(&["java.util.Map"]),
    ClassDef::class("java.util.AbstractSet")
        .extends("java.util.AbstractCollection")
        .implements(&["java.util.Set"]),
    ClassDef::class("java.util.AbstractSequentialList").extends("java.util.AbstractList"),
    ClassDef::class("java.util.Objects"),
    ClassDef::class("java.util.Optional"),
    ClassDef::class("java.util.concurrent.ConcurrentHashMap")
        .extends("java.util.AbstractMap")
        .implements(&["java.util.concurrent.ConcurrentMap", "java.io.Serializable"]),
    ClassDef::class("java.util.concurrent.atomic.AtomicLong")
        .extends("java.lang.Number")
        .implements(&["java.io.Serializable"]),
    ClassDef::class("java.util.concurrent.atomic.AtomicInteger")
        .extends("java.lang.Number")
        .implements(&["java.io.Serializable"]),
    ClassDef::class("java.util.concurrent.atomic.AtomicBoolean")
        .implements(&["java.io.Serializable"]),
    ClassDef::class("java.util.concurrent.atomic.AtomicReference")
        .implements(&["java.io.Serializable"]),
    ClassDef::class("java.util.concurrent.ThreadLocalRandom")
        .extends("java.util.Random")
        .statics(&["current"], thread_local_random),
    ClassDef::class("java.util.concurrent.FutureTask")
        .implements(&["java.util.concurrent.RunnableFuture"]),
    ClassDef::class("java.util.concurrent.CompletableFuture").implements(&[
        "java.util.concurrent.Future",
        "java.util.concurrent.CompletionStage",
    ]),
    ClassDef::class("java.lang.reflect.Array"),
    ClassDef::class("java.lang.reflect.Method").extends("java.lang.reflect.Executable"),
    ClassDef::class("java.lang.reflect.Field")
        .extends("java.lang.reflect.AccessibleObject")
        .implements(&["java.lang.reflect.Member"]),
    ClassDef::class("java.lang.reflect.Constructor").extends("java.lang.reflect.Executable"),
    ClassDef::class("java.lang.reflect.Modifier"),
    ClassDef::interface("java.util.Iterator"),
    ClassDef::interface("java.util.ListIterator").implements(&["java.util.Iterator"]),
    ClassDef::class("java.util.ArrayList$Itr").implements(&["java.util.Iterator"]),
    ClassDef::interface("java.util.Queue").implements(&["java.util.Collection"]),
    ClassDef::interface("java.util.Deque").implements(&["java.util.Queue"]),
    ClassDef::interface("java.util.SortedMap").implements(&["java.util.Map"]),
    ClassDef::interface("java.util.NavigableMap").implements(&["java.util.SortedMap"]),
    ClassDef::interface("java.util.SortedSet").implements(&["java.util.Set"]),
    ClassDef::interface("java.util.NavigableSet").implements(&["java.util.SortedSet"]),
    ClassDef::interface("java.util.Enumeration"),
    ClassDef::interface("java.util.EventListener"),
    ClassDef::interface("java.util.concurrent.ScheduledExecutorService")
        .implements(&["java.util.concurrent.ExecutorService"]),
    ClassDef::interface("java.util.concurrent.ConcurrentMap").implements(&["java.util.Map"]),
    ClassDef::interface("java.util.function.Function"),
    ClassDef::interface("java.util.function.Supplier"),
    ClassDef::interface("java.util.function.Consumer"),
    ClassDef::interface("java.util.function.Predicate"),
    ClassDef::interface("java.util.function.BiFunction"),
    ClassDef::interface("java.util.function.BiConsumer"),
    ClassDef::interface("java.util.function.UnaryOperator")
        .implements(&["java.util.function.Function"]),
    ClassDef::interface("java.util.function.BinaryOperator")
        .implements(&["java.util.function.BiFunction"]),
    ClassDef::interface("java.lang.reflect.Type"),
    ClassDef::interface("java.lang.constant.Constable"),
    ClassDef::interface("java.lang.constant.ConstantDesc"),
    ClassDef::interface("java.lang.invoke.TypeDescriptor"),
    ClassDef::interface("java.lang.invoke.TypeDescriptor$OfField")
        .implements(&["java.lang.invoke.TypeDescriptor"]),
    ClassDef::class("java.lang.reflect.AccessibleObject")
        .implements(&["java.lang.reflect.AnnotatedElement"]),
    ClassDef::interface("java.lang.reflect.AnnotatedElement"),
    ClassDef::class("java.lang.reflect.Executable")
        .extends("java.lang.reflect.AccessibleObject")
        .implements(&[
            "java.lang.reflect.Member",
            "java.lang.reflect.GenericDeclaration",
        ]),
    ClassDef::interface("java.lang.reflect.GenericDeclaration")
        .implements(&["java.lang.reflect.AnnotatedElement"]),
    ClassDef::interface("java.lang.reflect.Member"),
    ClassDef::class("java.net.URLClassLoader")
        .extends("java.security.SecureClassLoader")
        .implements(&["java.io.Closeable"]),
    ClassDef::class("java.security.SecureClassLoader").extends("java.lang.ClassLoader"),
    ClassDef::class("java.util.AbstractQueue")
        .extends("java.util.AbstractCollection")
        .implements(&["java.util.Queue"]),
    ClassDef::interface("java.util.concurrent.CompletionStage"),
    ClassDef::interface("java.util.concurrent.ConcurrentNavigableMap").implements(&[
        "java.util.concurrent.ConcurrentMap",
        "java.util.NavigableMap",
    ]),
    ClassDef::interface("java.util.concurrent.RunnableFuture")
        .implements(&["java.lang.Runnable", "java.util.concurrent.Future"]),
    ClassDef::interface("java.util.random.RandomGenerator"),
];
