//! java.lang.StringBuilder, java.util.ArrayList, `(Object.)` and
//! `(Boolean. b)` (runtime::object).

use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::number;
use crate::runtime::object::HostObject;
use crate::runtime::printer;
use crate::runtime::value::{Value, View};

fn wrap(o: HostObject) -> Value {
    Value::from(Ref::new(o))
}

/// `(Object.)`, `(Boolean. x)`, `(StringBuilder. ...)`; None for other classes.
pub fn construct(class: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(match (class, args) {
        ("java.lang.Object", []) => Ok(wrap(HostObject::Object)),
        ("java.lang.String", []) => Ok(Value::string("")),
        ("java.lang.String", [x]) => match x.view() {
            View::Str(s) => Ok(Value::string(s.as_str())),
            // String(char[]) / String(StringBuilder)
            View::HostObject(HostObject::Array("[C", l)) => Ok(Value::string(
                lock(l)
                    .iter()
                    .filter_map(Value::as_char)
                    .collect::<String>(),
            )),
            View::HostObject(HostObject::StringBuilder(sb) | HostObject::StringBuffer(sb)) => {
                Ok(Value::string(lock(sb).as_str()))
            }
            _ => return None,
        },
        // Boolean(String) is true only for "true", ignoring case.
        ("java.lang.Boolean", [x]) => match x.view() {
            View::Bool(b) => Ok(wrap(HostObject::Boolean(b))),
            View::Str(s) => Ok(wrap(HostObject::Boolean(
                s.as_str().eq_ignore_ascii_case("true"),
            ))),
            View::Nil => Ok(wrap(HostObject::Boolean(false))),
            _ => return None,
        },
        ("java.lang.StringBuilder" | "java.lang.StringBuffer", []) => {
            Ok(builder(class, String::new()))
        }
        ("java.lang.StringBuilder" | "java.lang.StringBuffer", [x]) => match x.view() {
            // StringBuilder(int capacity)
            View::Long(_) => Ok(builder(class, String::new())),
            // StringBuilder(String) / StringBuilder(CharSequence)
            View::Str(s) => Ok(builder(class, s.as_str().to_string())),
            View::HostObject(HostObject::StringBuilder(sb) | HostObject::StringBuffer(sb)) => {
                Ok(builder(class, lock(sb).clone()))
            }
            _ => return None,
        },
        ("java.util.ArrayList", []) => Ok(array_list(Vec::new())),
        ("java.util.ArrayList", [x]) => match x.view() {
            // ArrayList(int initialCapacity)
            View::Long(_) => Ok(array_list(Vec::new())),
            // ArrayList(Collection)
            _ => crate::runtime::seq::iter(x)
                .collect::<Result<Vec<Value>>>()
                .map(array_list),
        },
        _ => return None,
    })
}

fn array_list(items: Vec<Value>) -> Value {
    wrap(HostObject::ArrayList(Lock::new(items)))
}

/// ArrayList's "Index 5 out of bounds for length 2".
fn index_error(i: i64, len: usize) -> Exception {
    Exception::new(
        ExClass::IndexOutOfBoundsException,
        format!("Index {i} out of bounds for length {len}"),
    )
}

/// java.util.ArrayList methods.
fn list_call(
    target: &Value,
    l: &Lock<Vec<Value>>,
    method: &str,
    args: &[Value],
) -> Option<Result<Value>> {
    let index = |i: &Value, len: usize, inclusive: bool| -> Result<usize> {
        let i = number::to_long(i)?;
        match usize::try_from(i) {
            Ok(u) if u < len || (inclusive && u == len) => Ok(u),
            // ArrayList's checks (LinkedList words them otherwise).
            _ if target.class_name() == "java.util.ArrayList" => Err(if inclusive {
                Exception::new(
                    ExClass::IndexOutOfBoundsException,
                    format!("Index: {i}, Size: {len}"),
                )
                .at_jdk(crate::runtime::jdk_frame::ARRAY_LIST_RANGE_CHECK_FOR_ADD)
            } else {
                index_error(i, len).at_jdk(crate::runtime::jdk_frame::PRECONDITIONS_OUT_OF_BOUNDS)
            }),
            _ => Err(index_error(i, len)),
        }
    };
    Some((|| -> Result<Value> {
        Ok(match (method, args) {
            ("add", [x]) => {
                lock(l).push(x.clone());
                Value::TRUE
            }
            ("add", [i, x]) => {
                let mut v = lock(l);
                let u = index(i, v.len(), true)?;
                v.insert(u, x.clone());
                Value::NIL
            }
            ("get", [i]) => {
                let v = lock(l);
                let u = index(i, v.len(), false)?;
                v.get(u).cloned().unwrap_or(Value::NIL)
            }
            ("set", [i, x]) => {
                let mut v = lock(l);
                let u = index(i, v.len(), false)?;
                match v.get_mut(u) {
                    Some(slot) => std::mem::replace(slot, x.clone()),
                    None => Value::NIL,
                }
            }
            ("size", []) => Value::long(lock(l).len() as i64),
            // Deque / LinkedList: the front is index 0.
            ("addFirst" | "push" | "offerFirst", [x]) => {
                lock(l).insert(0, x.clone());
                Value::NIL
            }
            ("addLast" | "offer" | "offerLast", [x]) => {
                lock(l).push(x.clone());
                Value::TRUE
            }
            ("peek" | "peekFirst", []) => lock(l).first().cloned().unwrap_or(Value::NIL),
            ("peekLast", []) => lock(l).last().cloned().unwrap_or(Value::NIL),
            ("poll" | "pollFirst", []) => {
                let mut v = lock(l);
                if v.is_empty() {
                    Value::NIL
                } else {
                    v.remove(0)
                }
            }
            ("pollLast", []) => lock(l).pop().unwrap_or(Value::NIL),
            ("getFirst" | "removeFirst" | "pop" | "element" | "remove", []) => {
                let mut v = lock(l);
                if v.is_empty() {
                    return Err(Exception::full(
                        ExClass::NoSuchElementException,
                        None,
                        None,
                        None,
                    ));
                }
                if method == "getFirst" || method == "element" {
                    v[0].clone()
                } else {
                    v.remove(0)
                }
            }
            ("getLast" | "removeLast", []) => {
                let mut v = lock(l);
                let Some(x) = v.last().cloned() else {
                    return Err(Exception::full(
                        ExClass::NoSuchElementException,
                        None,
                        None,
                        None,
                    ));
                };
                if method == "removeLast" {
                    v.pop();
                }
                x
            }
            // remove(int index) on a List; remove(Object) otherwise.
            ("remove", [i]) if matches!(i.view(), View::Long(_)) => {
                let mut v = lock(l);
                let u = index(i, v.len(), false)?;
                v.remove(u)
            }
            ("remove", [x]) => {
                let mut v = lock(l);
                let mut at = None;
                for (k, y) in v.iter().enumerate() {
                    if crate::runtime::equality::try_equals(y, x)? {
                        at = Some(k);
                        break;
                    }
                }
                Value::bool(at.map(|k| v.remove(k)).is_some())
            }
            ("addAll", [c]) => {
                let items: Vec<Value> = crate::runtime::seq::iter(c).collect::<Result<_>>()?;
                let changed = !items.is_empty();
                lock(l).extend(items);
                Value::bool(changed)
            }
            ("addAll", [i, c]) => {
                let items: Vec<Value> = crate::runtime::seq::iter(c).collect::<Result<_>>()?;
                let mut v = lock(l);
                let u = index(i, v.len(), true)?;
                let changed = !items.is_empty();
                v.splice(u..u, items);
                Value::bool(changed)
            }
            ("isEmpty", []) => Value::bool(lock(l).is_empty()),
            // A live iterator: it sees later changes, and its remove
            // takes out the item it last returned.
            ("iterator" | "listIterator", []) => list_iterator(target),
            ("clear", []) => {
                lock(l).clear();
                Value::NIL
            }
            ("subList", [from, to]) => {
                let len = lock(l).len();
                let (a, b) = (number::to_long(from)?, number::to_long(to)?);
                if a < 0 || b as usize > len || a > b {
                    return Err(Exception::new(
                        ExClass::IndexOutOfBoundsException,
                        format!("fromIndex: {a}, toIndex: {b}, size: {len}"),
                    ));
                }
                wrap(HostObject::Foreign(
                    "java.util.ArrayList$SubList",
                    Box::new(SubList {
                        parent: target.clone(),
                        from: a as usize,
                        to: Lock::new(b as usize),
                    }),
                ))
            }
            ("toArray", [] | [_]) => wrap(HostObject::Array(
                "[Ljava.lang.Object;",
                Lock::new(lock(l).clone()),
            )),
            ("stream" | "parallelStream" | "spliterator", []) => {
                return crate::runtime::error::err::unsupported(format!(
                    "cljw does not support java.util.stream: java.util.ArrayList.{method}"
                ));
            }
            ("contains", [x]) => {
                let items = lock(l).clone();
                let mut found = false;
                for y in &items {
                    if crate::runtime::equality::try_equals(y, x)? {
                        found = true;
                        break;
                    }
                }
                Value::bool(found)
            }
            _ => {
                let _ = target;
                return Err(super::no_method(method, args.len(), "java.util.ArrayList"));
            }
        })
    })())
}

/// The class of an ArrayList's / a LinkedList's / an ArrayDeque's iterator.
const LIST_ITERATOR: &str = "java.util.ArrayList$Itr";

/// java.util.Iterator over a list, by position: `next` is the index of
/// the item `next()` returns, `last` the one `remove()` takes out.
struct ListIter {
    list: Value,
    cursor: Lock<(usize, Option<usize>)>,
}

impl crate::runtime::object::ForeignObject for ListIter {}

fn list_iterator(list: &Value) -> Value {
    wrap(HostObject::Foreign(
        LIST_ITERATOR,
        Box::new(ListIter {
            list: list.clone(),
            cursor: Lock::new((0, None)),
        }),
    ))
}

/// The items of the list a ListIter walks.
fn list_items(list: &Value) -> Option<&Lock<Vec<Value>>> {
    match list.view() {
        View::HostObject(HostObject::ArrayList(l) | HostObject::LinkedList(_, l)) => Some(l),
        _ => None,
    }
}

fn list_iter_call(it: &ListIter, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let items = list_items(&it.list)?;
    Some(match (method, args) {
        ("hasNext", []) => Ok(Value::bool(lock(&it.cursor).0 < lock(items).len())),
        ("next", []) => {
            let mut c = lock(&it.cursor);
            match lock(items).get(c.0).cloned() {
                Some(x) => {
                    *c = (c.0 + 1, Some(c.0));
                    Ok(x)
                }
                None => Err(Exception::full(
                    ExClass::NoSuchElementException,
                    None,
                    None,
                    None,
                )),
            }
        }
        ("remove", []) => {
            let mut c = lock(&it.cursor);
            match c.1 {
                Some(k) => {
                    let mut v = lock(items);
                    if k < v.len() {
                        v.remove(k);
                    }
                    *c = (k, None);
                    Ok(Value::NIL)
                }
                None => Err(Exception::new(ExClass::IllegalStateException, "")),
            }
        }
        _ => return None,
    })
}

fn builder(class: &str, s: String) -> Value {
    if class == "java.lang.StringBuffer" {
        wrap(HostObject::StringBuffer(Lock::new(s)))
    } else {
        wrap(HostObject::StringBuilder(Lock::new(s)))
    }
}

/// Java's String.valueOf for append/insert.
fn text(v: &Value) -> Result<String> {
    Ok(match v.view() {
        View::Nil => "null".to_string(),
        _ => printer::str_value(v)?,
    })
}

fn ioobe(msg: String) -> Exception {
    Exception::new(ExClass::StringIndexOutOfBoundsException, msg)
}

/// Byte offset of UTF-16 index `i` in `s` (chars outside the BMP count 2).
fn byte_index(s: &str, i: i64) -> Option<usize> {
    let mut units = 0i64;
    for (b, c) in s.char_indices() {
        if units == i {
            return Some(b);
        }
        units += c.len_utf16() as i64;
    }
    (units == i).then_some(s.len())
}

/// `(.subList list from to)`: a view of the list's items from..to; its
/// changes (set, add, remove, clear) are the list's.
struct SubList {
    parent: Value,
    from: usize,
    to: Lock<usize>,
}

impl SubList {
    fn items(&self) -> Option<&Lock<Vec<Value>>> {
        match self.parent.view() {
            View::HostObject(HostObject::ArrayList(l) | HostObject::LinkedList(_, l)) => Some(l),
            _ => None,
        }
    }
    fn snapshot(&self) -> Vec<Value> {
        let to = *lock(&self.to);
        self.items()
            .map(|l| lock(l).get(self.from..to).unwrap_or(&[]).to_vec())
            .unwrap_or_default()
    }
}

impl crate::runtime::object::ForeignObject for SubList {
    fn java_string(&self, object: &str) -> String {
        let parts: Result<Vec<String>> = self.snapshot().iter().map(printer::str_value).collect();
        parts.map_or(object.to_string(), |p| format!("[{}]", p.join(", ")))
    }
    fn items(&self) -> Option<Vec<Value>> {
        Some(self.snapshot())
    }
}

fn sublist_call(s: &SubList, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let l = s.items()?;
    let to = *lock(&s.to);
    let len = to - s.from;
    let at = |i: &Value, inclusive: bool| -> Result<usize> {
        let i = number::to_long(i)?;
        match usize::try_from(i) {
            Ok(u) if u < len || (inclusive && u == len) => Ok(s.from + u),
            _ => Err(index_error(i, len)),
        }
    };
    Some((|| -> Result<Value> {
        Ok(match (method, args) {
            ("size", []) => Value::long(len as i64),
            ("isEmpty", []) => Value::bool(len == 0),
            ("get", [i]) => {
                let u = at(i, false)?;
                lock(l).get(u).cloned().unwrap_or(Value::NIL)
            }
            ("set", [i, x]) => {
                let u = at(i, false)?;
                let mut v = lock(l);
                match v.get_mut(u) {
                    Some(slot) => std::mem::replace(slot, x.clone()),
                    None => Value::NIL,
                }
            }
            ("add", [x]) => {
                lock(l).insert(to, x.clone());
                *lock(&s.to) += 1;
                Value::TRUE
            }
            ("remove", [i]) if matches!(i.view(), View::Long(_)) => {
                let u = at(i, false)?;
                let x = lock(l).remove(u);
                *lock(&s.to) -= 1;
                x
            }
            ("clear", []) => {
                lock(l).drain(s.from..to);
                *lock(&s.to) = s.from;
                Value::NIL
            }
            ("iterator", []) => wrap(HostObject::Iterator(Lock::new(crate::runtime::seq::seq(
                &Value::list(s.snapshot()),
            )?))),
            ("toArray", [] | [_]) => wrap(HostObject::Array(
                "[Ljava.lang.Object;",
                Lock::new(s.snapshot()),
            )),
            ("contains", [x]) => {
                let mut found = false;
                for y in s.snapshot() {
                    if crate::runtime::equality::try_equals(&y, x)? {
                        found = true;
                        break;
                    }
                }
                Value::bool(found)
            }
            _ => {
                return Err(super::no_method(
                    method,
                    args.len(),
                    "java.util.ArrayList$SubList",
                ));
            }
        })
    })())
}

/// StringBuilder methods; None when `target` is not a builder or the
/// method is unknown.
pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    if let View::HostObject(o) = target.view()
        && let Some(s) = o.foreign::<SubList>()
    {
        if matches!(method, "toString" | "hashCode" | "equals" | "getClass") {
            return None;
        }
        return sublist_call(s, method, args);
    }
    let sb = match target.view() {
        View::HostObject(HostObject::StringBuilder(sb) | HostObject::StringBuffer(sb)) => sb,
        View::HostObject(HostObject::Foreign(LIST_ITERATOR, b)) => {
            return list_iter_call(b.downcast_ref::<ListIter>()?, method, args);
        }
        View::HostObject(HostObject::ArrayList(l) | HostObject::LinkedList(_, l)) => {
            // Object's methods (toString, hashCode, ...) fall through.
            if matches!(method, "toString" | "hashCode" | "equals" | "getClass") {
                return None;
            }
            return list_call(target, l, method, args);
        }
        _ => return None,
    };
    let r = (|| -> Result<Option<Value>> {
        Ok(Some(match (method, args) {
            ("append", [x]) => {
                let t = text(x)?;
                lock(sb).push_str(&t);
                target.clone()
            }
            // append(CharSequence s, int start, int end): s's chars start..end.
            ("append", [x, start, end]) if !x.class_name().starts_with('[') => {
                let t = text(x)?;
                let (start, end) = (number::to_long(start)?, number::to_long(end)?);
                let len = t.encode_utf16().count();
                match (byte_index(&t, start), byte_index(&t, end)) {
                    (Some(a), Some(b)) if a <= b => lock(sb).push_str(&t[a..b]),
                    _ => {
                        return Err(ioobe(format!("start {start}, end {end}, length {len}")));
                    }
                }
                target.clone()
            }
            ("toString", []) => Value::string(lock(sb).as_str()),
            ("length", []) => Value::long(lock(sb).encode_utf16().count() as i64),
            ("reverse", []) => {
                let mut s = lock(sb);
                *s = s.chars().rev().collect();
                target.clone()
            }
            ("insert", [i, x]) => {
                let t = text(x)?;
                let i = number::to_long(i)?;
                let mut s = lock(sb);
                let len = s.encode_utf16().count();
                match byte_index(&s, i) {
                    Some(b) => s.insert_str(b, &t),
                    None => return Err(ioobe(format!("offset {i}, length {len}"))),
                }
                target.clone()
            }
            ("setLength", [n]) => {
                let n = number::to_long(n)?;
                let mut s = lock(sb);
                if n < 0 {
                    return Err(ioobe(format!("String index out of range: {n}")));
                }
                match byte_index(&s, n) {
                    Some(b) => s.truncate(b),
                    None => {
                        let len = s.encode_utf16().count() as i64;
                        for _ in len..n {
                            s.push('\0');
                        }
                    }
                }
                Value::NIL
            }
            ("charAt", [i]) => {
                let i = number::to_long(i)?;
                let s = lock(sb);
                match byte_index(&s, i).and_then(|b| s[b..].chars().next()) {
                    Some(c) => Value::char(c),
                    None => {
                        let len = s.encode_utf16().count();
                        return Err(ioobe(format!("index {i},length {len}")));
                    }
                }
            }
            // The read-only CharSequence/String methods AbstractStringBuilder
            // shares with String: answered on the current content.
            (
                "substring" | "subSequence" | "indexOf" | "lastIndexOf" | "codePointAt" | "isEmpty"
                | "chars",
                _,
            ) => {
                let content = crate::runtime::string::Str::new(lock(sb).clone());
                return super::string::call(&content, method, args).transpose();
            }
            _ => return Ok(None),
        }))
    })();
    match r {
        Ok(Some(v)) => Some(Ok(v)),
        Ok(None) => None,
        Err(e) => Some(Err(e)),
    }
}
