//! java.lang.String instance methods. Indexes count UTF-16 code units, as
//! Java's do.

use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::number::convert::to_long;
use crate::runtime::value::{Value, View};

fn units(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

fn sioobe(msg: String) -> Exception {
    Exception::new(ExClass::StringIndexOutOfBoundsException, msg)
}

fn str_arg(v: &Value) -> Result<String> {
    match v.view() {
        View::Str(s) => Ok(s.as_str().to_string()),
        View::Nil => Err(Exception::new(ExClass::NullPointerException, "")),
        // CharSequence arguments: anything that prints as text.
        _ => crate::runtime::printer::str_value(v),
    }
}

fn index(v: &Value) -> Result<i64> {
    to_long(v)
}

/// Position of `needle` in `hay` at or after `from` (in UTF-16 units).
fn find(hay: &[u16], needle: &[u16], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return Some(from.min(hay.len()));
    }
    (from..hay.len()).find(|&i| hay[i..].starts_with(needle))
}

fn rfind(hay: &[u16], needle: &[u16]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&i| hay[i..].starts_with(needle))
}

/// A String argument, or an int/char code for indexOf(int ch).
fn needle(v: &Value) -> Result<Vec<u16>> {
    match v.view() {
        View::Char(c) => Ok(units(&c.to_string())),
        View::Long(n) => Ok(char::from_u32(n as u32)
            .map(|c| units(&c.to_string()))
            .unwrap_or_default()),
        _ => Ok(units(&str_arg(v)?)),
    }
}

fn full_match(pattern: &str, s: &str) -> Result<bool> {
    let re = crate::runtime::regex::Regex::new(pattern)?;
    Ok(re.matches_whole(s).is_some())
}

/// A Java array value of class `class`.
fn java_array(class: &'static str, items: Vec<Value>) -> Value {
    Value::from(crate::runtime::gc::Ref::new(
        crate::runtime::object::HostObject::Array(class, crate::runtime::gc::Lock::new(items)),
    ))
}

/// String.split(regex, limit): Pattern.split, as a String[].
fn split(s: &str, pattern: &str, limit: i64) -> Result<Value> {
    let re = crate::runtime::regex::Regex::new(pattern)?;
    Ok(java_array(
        "[Ljava.lang.String;",
        re.split(s, limit).into_iter().map(Value::string).collect(),
    ))
}

pub fn call(st: &crate::runtime::string::Str, name: &str, args: &[Value]) -> Option<Result<Value>> {
    let s = st.as_str();
    Some((|| {
        Ok(match (name, args) {
            ("length", []) => Value::long(st.utf16_len() as i64),
            ("isEmpty", []) => Value::bool(s.is_empty()),
            ("isBlank", []) => Value::bool(s.trim().is_empty()),
            ("charAt", [i]) => {
                let i = index(i)?;
                match usize::try_from(i).ok().and_then(|i| st.unit_at(i)) {
                    Some(c) => Value::char_unit(c),
                    None => return Err(st.char_at_error(i)),
                }
            }
            // The code point at a UTF-16 index: a surrogate pair's whole
            // code point from its high half, else the unit itself.
            ("codePointAt", [i]) => {
                let u = units(s);
                let i = index(i)?;
                let Some(at) = usize::try_from(i).ok().filter(|&i| i < u.len()) else {
                    return Err(sioobe(format!("index {i}, length {}", u.len()))
                        .at_jdk(crate::runtime::jdk_frame::STRING_CHECK_INDEX));
                };
                let cp = char::decode_utf16(u[at..].iter().copied().take(2))
                    .next()
                    .and_then(|r| r.ok())
                    .map_or(u32::from(u[at]), u32::from);
                Value::long(i64::from(cp))
            }
            ("substring", [b]) | ("substring", [b, _]) | ("subSequence", [b, _]) => {
                let b = index(b)?;
                let e = match args.get(1) {
                    Some(e) => Some(index(e)?),
                    None => None,
                };
                Value::string(crate::builtins::string::substring_of(st, b, e)?)
            }
            ("indexOf", [x]) | ("indexOf", [x, _]) => {
                let from = match args.get(1) {
                    Some(f) => index(f)?.max(0) as usize,
                    None => 0,
                };
                let r = find(&units(s), &needle(x)?, from);
                Value::long(r.map(|i| i as i64).unwrap_or(-1))
            }
            ("lastIndexOf", [x]) => Value::long(
                rfind(&units(s), &needle(x)?)
                    .map(|i| i as i64)
                    .unwrap_or(-1),
            ),
            ("contains", [x]) => Value::bool(s.contains(str_arg(x)?.as_str())),
            ("startsWith", [x]) => Value::bool(s.starts_with(str_arg(x)?.as_str())),
            ("endsWith", [x]) => Value::bool(s.ends_with(str_arg(x)?.as_str())),
            // With a Locale: only Turkish/Azeri/Lithuanian rules differ,
            // and cljw models none of those.
            ("toUpperCase", [] | [_]) => Value::string(s.to_uppercase()),
            ("toLowerCase", [] | [_]) => Value::string(s.to_lowercase()),
            // String.trim strips chars <= U+0020.
            ("trim", []) => Value::string(s.trim_matches(|c: char| c <= ' ')),
            ("strip", []) => Value::string(s.trim()),
            ("replace", [a, b]) => match (a.view(), b.view()) {
                (View::Char(x), View::Char(y)) => Value::string(s.replace(x, &y.to_string())),
                _ => {
                    let (a, b) = (str_arg(a)?, str_arg(b)?);
                    if a.is_empty() {
                        // Java inserts the replacement between every char.
                        let mut out = b.clone();
                        for c in s.chars() {
                            out.push(c);
                            out.push_str(&b);
                        }
                        Value::string(out)
                    } else {
                        Value::string(s.replace(&a, &b))
                    }
                }
            },
            ("equals", [x]) => Value::bool(x.as_str() == Some(s)),
            ("equalsIgnoreCase", [x]) => Value::bool(
                x.as_str()
                    .is_some_and(|x| x.to_lowercase() == s.to_lowercase()),
            ),
            ("concat", [x]) => Value::string(format!("{s}{}", str_arg(x)?)),
            ("compareTo", [x]) => {
                let (a, b) = (units(s), units(&str_arg(x)?));
                let n = a.len().min(b.len());
                let d = (0..n)
                    .find(|&i| a[i] != b[i])
                    .map(|i| a[i] as i64 - b[i] as i64)
                    .unwrap_or(a.len() as i64 - b.len() as i64);
                Value::long(d)
            }
            ("hashCode", []) => Value::long(crate::runtime::string::java_string_hash(s) as i64),
            ("matches", [p]) => Value::bool(full_match(&str_arg(p)?, s)?),
            ("replaceAll" | "replaceFirst", [p, r]) => {
                let re = crate::runtime::regex::Regex::new(&str_arg(p)?)?;
                Value::string(re.replace(s, &str_arg(r)?, name == "replaceFirst")?)
            }
            ("getBytes", _) => {
                return super::charset::get_bytes(s, args).unwrap_or_else(|| {
                    Err(super::no_method(name, args.len(), "java.lang.String"))
                });
            }
            ("toCharArray", []) => java_array("[C", s.chars().map(Value::char).collect()),
            ("split", [p]) => split(s, &str_arg(p)?, 0)?,
            ("split", [p, l]) => split(s, &str_arg(p)?, to_long(l)?)?,
            ("toString" | "intern", []) => Value::string(s),
            ("repeat", [n]) => {
                let count = crate::runtime::number::convert::to_int(n)?;
                let count = usize::try_from(count).map_err(|_| {
                    Exception::new(
                        ExClass::IllegalArgumentException,
                        format!("count is negative: {count}"),
                    )
                    .at_jdk(crate::runtime::jdk_frame::STRING_REPEAT)
                })?;
                Value::string(crate::runtime::alloc::repeat_str(s, count)?)
            }
            _ => return Err(super::no_method(name, args.len(), "java.lang.String")),
        })
    })())
}
