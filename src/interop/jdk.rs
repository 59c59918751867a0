//! JDK members libraries lean on: Long/Integer bit twiddling,
//! java.util.Random (the JDK's LCG, so seeded sequences match the JVM),
//! Locale, Thread/currentThread, java.util.Arrays.

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
        "java.lang.Thread" => match (member, args) {
            ("currentThread", []) => {
                let name = std::thread::current().name().unwrap_or("main").to_string();
                Some(Ok(host(HostObject::Thread(name))))
            }
            _ => None,
        },
        "java.util.Arrays" => arrays(member, args),
        "java.util.Locale" => match (member, args) {
            ("getDefault", []) => Some(Ok(host(HostObject::Locale("en_US")))),
            _ => None,
        },
        _ => None,
    }
}

/// `C/FIELD`; None when not modelled here.
pub fn get_static(class: &str, field: &str) -> Option<Value> {
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
    Some(host(HostObject::Locale(tag)))
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
        // String(byte[]) / String(byte[], charset): UTF-8 (invalid
        // sequences become U+FFFD, as Java's decoder does).
        ("java.lang.String", [b] | [b, _]) if b.class_name() == "[B" => {
            let bytes: Result<Vec<u8>> = crate::runtime::seq::iter(b)
                .map(|x| x.and_then(|x| to_long(&x)).map(|x| x as u8))
                .collect();
            Some(bytes.map(|v| Value::string(String::from_utf8_lossy(&v).into_owned())))
        }
        ("java.lang.String", [c]) if c.class_name() == "[C" => {
            let chars: Result<String> = crate::runtime::seq::iter(c)
                .map(|x| x.map(|x| x.as_char().unwrap_or('\u{fffd}')))
                .collect();
            Some(chars.map(Value::string))
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
    match o {
        HostObject::Random(state) => random_method(state, method, args),
        HostObject::Locale(tag) => {
            let (lang, country) = tag.split_once('_').unwrap_or((tag, ""));
            Some(Ok(match (method, args) {
                ("getLanguage", []) => Value::string(lang),
                ("getCountry", []) => Value::string(country),
                ("toLanguageTag", []) => Value::string(tag.replace('_', "-")),
                ("toString", []) => Value::string(*tag),
                _ => return None,
            }))
        }
        HostObject::Thread(name) => Some(Ok(match (method, args) {
            ("getName", []) => Value::string(name),
            // No JVM frames to report: an empty StackTraceElement[].
            ("getStackTrace", []) => host(HostObject::Array(
                "[Ljava.lang.StackTraceElement;",
                Lock::new(Vec::new()),
            )),
            ("isDaemon" | "isInterrupted", []) => Value::FALSE,
            ("isAlive", []) => Value::TRUE,
            _ => return None,
        })),
        _ => None,
    }
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
    // Interned for the process: locales are few.
    Ok(host(HostObject::Locale(Box::leak(tag.into_boxed_str()))))
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
        "[J" | "[I" | "[S" | "[B" => Value::long(0),
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
