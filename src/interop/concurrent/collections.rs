//! The java.util.concurrent collections: blocking and concurrent queues,
//! DelayQueue, ConcurrentSkipListMap.

use super::*;

// ----- queues -----

pub(in crate::interop) struct Queue {
    pub(in crate::interop) class: &'static str,
    pub(in crate::interop) capacity: usize,
    pub(in crate::interop) items: Lock<VecDeque<Value>>,
    pub(in crate::interop) changed: Condvar,
}

impl ForeignObject for Queue {
    /// AbstractCollection.toString: "[a, b]".
    fn java_string(&self, object: &str) -> String {
        let items: Vec<Value> = lock(&self.items).iter().cloned().collect();
        let parts: Result<Vec<String>> = items
            .iter()
            .map(crate::runtime::printer::str_value)
            .collect();
        match parts {
            Ok(p) => format!("[{}]", p.join(", ")),
            Err(_) => object.to_string(),
        }
    }
    fn items(&self) -> Option<Vec<Value>> {
        Some(lock(&self.items).iter().cloned().collect())
    }
}

pub(in crate::interop) fn queue(
    class: &'static str,
    capacity: usize,
    items: Vec<Value>,
) -> Result<Value> {
    if items.iter().any(Value::is_nil) {
        return Err(npe());
    }
    if items.len() > capacity {
        return Err(Exception::full(
            ExClass::IllegalArgumentException,
            None,
            None,
            None,
        ));
    }
    Ok(foreign(
        class,
        Queue {
            class,
            capacity,
            items: Lock::new(items.into()),
            changed: Condvar::new(),
        },
    ))
}

pub(in crate::interop) fn capacity_arg(n: &Value) -> Result<usize> {
    let n = to_long(n)?;
    if n <= 0 {
        return Err(Exception::full(
            ExClass::IllegalArgumentException,
            None,
            None,
            None,
        ));
    }
    Ok(n as usize)
}

pub(in crate::interop) fn items_of(coll: &Value) -> Result<Vec<Value>> {
    crate::runtime::seq::iter(coll).collect()
}

impl Queue {
    fn offer(&self, x: &Value, deadline: Option<Instant>, front: bool) -> Result<bool> {
        if x.is_nil() {
            return Err(npe());
        }
        let cap = self.capacity;
        let r = block(lock(&self.items), &self.changed, deadline, |q| {
            (q.len() < cap).then(|| {
                if front {
                    q.push_front(x.clone())
                } else {
                    q.push_back(x.clone())
                }
            })
        })?;
        if r.is_some() {
            self.changed.notify_all();
        }
        Ok(r.is_some())
    }

    fn take(&self, deadline: Option<Instant>, back: bool) -> Result<Option<Value>> {
        let r = block(lock(&self.items), &self.changed, deadline, |q| {
            if back { q.pop_back() } else { q.pop_front() }
        })?;
        if r.is_some() {
            self.changed.notify_all();
        }
        Ok(r)
    }
}

pub(in crate::interop) fn no_such_element() -> Exception {
    Exception::full(ExClass::NoSuchElementException, None, None, None)
}

pub(in crate::interop) fn queue_full() -> Exception {
    Exception::new(ExClass::IllegalStateException, "Queue full")
}

pub(in crate::interop) fn queue_method(
    q: &Queue,
    method: &str,
    args: &[Value],
) -> Option<Result<Value>> {
    let now = Some(Instant::now());
    let deque = q.class == LINKED_BLOCKING_DEQUE;
    let blocking = q.class != CONCURRENT_LINKED_QUEUE;
    let java_equals =
        |a: &Value, b: &Value| crate::runtime::equality::try_equals(a, b).unwrap_or(false);
    Some(match (method, args) {
        ("add" | "addLast", [x]) => q.offer(x, now, false).and_then(|ok| {
            if ok {
                Ok(Value::TRUE)
            } else {
                Err(queue_full())
            }
        }),
        ("addFirst" | "push", [x]) if deque => q.offer(x, now, true).and_then(|ok| {
            if ok {
                Ok(Value::NIL)
            } else {
                Err(queue_full())
            }
        }),
        ("offer" | "offerLast", [x]) => q.offer(x, now, false).map(Value::bool),
        ("offerFirst", [x]) if deque => q.offer(x, now, true).map(Value::bool),
        ("offer", [x, t, unit]) if blocking => {
            deadline(t, unit).and_then(|d| q.offer(x, d, false).map(Value::bool))
        }
        ("put" | "putLast", [x]) if blocking => q.offer(x, None, false).map(|_| Value::NIL),
        ("putFirst", [x]) if deque => q.offer(x, None, true).map(|_| Value::NIL),
        ("take" | "takeFirst", []) if blocking => {
            q.take(None, false).map(|v| v.unwrap_or(Value::NIL))
        }
        ("takeLast", []) if deque => q.take(None, true).map(|v| v.unwrap_or(Value::NIL)),
        ("poll" | "pollFirst", []) => q.take(now, false).map(|v| v.unwrap_or(Value::NIL)),
        ("pollLast", []) if deque => q.take(now, true).map(|v| v.unwrap_or(Value::NIL)),
        ("poll", [t, unit]) if blocking => (|| {
            let d = deadline(t, unit)?;
            q.take(d, false).map(|v| v.unwrap_or(Value::NIL))
        })(),
        ("remove" | "removeFirst" | "pop", []) => q
            .take(now, false)
            .and_then(|v| v.ok_or_else(no_such_element)),
        ("removeLast", []) if deque => q
            .take(now, true)
            .and_then(|v| v.ok_or_else(no_such_element)),
        ("peek" | "peekFirst", []) => Ok(lock(&q.items).front().cloned().unwrap_or(Value::NIL)),
        ("peekLast", []) if deque => Ok(lock(&q.items).back().cloned().unwrap_or(Value::NIL)),
        ("element" | "getFirst", []) => lock(&q.items).front().cloned().ok_or_else(no_such_element),
        ("getLast", []) if deque => lock(&q.items).back().cloned().ok_or_else(no_such_element),
        ("remove", [x]) => {
            let mut items = lock(&q.items);
            let at = items.iter().position(|y| java_equals(y, x));
            if let Some(i) = at {
                items.remove(i);
                drop(items);
                q.changed.notify_all();
            }
            Ok(Value::bool(at.is_some()))
        }
        ("contains", [x]) => Ok(Value::bool(
            lock(&q.items).iter().any(|y| java_equals(y, x)),
        )),
        ("size", []) => Ok(Value::long(lock(&q.items).len() as i64)),
        ("isEmpty", []) => Ok(Value::bool(lock(&q.items).is_empty())),
        ("remainingCapacity", []) if blocking => {
            let n = lock(&q.items).len();
            Ok(Value::long(if q.capacity == usize::MAX {
                i64::from(i32::MAX) - n as i64
            } else {
                (q.capacity - n) as i64
            }))
        }
        ("clear", []) => {
            lock(&q.items).clear();
            q.changed.notify_all();
            Ok(Value::NIL)
        }
        ("addAll", [c]) => (|| {
            let xs = items_of(c)?;
            for x in &xs {
                if !q.offer(x, now, false)? {
                    return Err(queue_full());
                }
            }
            Ok(Value::bool(!xs.is_empty()))
        })(),
        ("drainTo", [c] | [c, _]) if blocking => (|| {
            let max = match args.get(1) {
                Some(m) => to_long(m)?.max(0) as usize,
                None => usize::MAX,
            };
            let mut items = lock(&q.items);
            let n = max.min(items.len());
            let taken: Vec<Value> = items.drain(..n).collect();
            drop(items);
            q.changed.notify_all();
            for x in &taken {
                crate::runtime::host::call_method(c, "add", std::slice::from_ref(x))?;
            }
            Ok(Value::long(taken.len() as i64))
        })(),
        ("toArray", []) => Ok(Value::from(Ref::new(HostObject::Array(
            "[Ljava.lang.Object;",
            Lock::new(lock(&q.items).iter().cloned().collect()),
        )))),
        // A weakly consistent iterator: over a snapshot.
        ("iterator", []) => Ok(Value::from(Ref::new(HostObject::Iterator(Lock::new(
            crate::runtime::seq::seq(&Value::list(lock(&q.items).iter().cloned().collect()))
                .unwrap_or(Value::NIL),
        ))))),
        ("forEach", [f]) => (|| {
            let items: Vec<Value> = lock(&q.items).iter().cloned().collect();
            for x in &items {
                crate::runtime::func::invoke(f, std::slice::from_ref(x))?;
            }
            Ok(Value::NIL)
        })(),
        _ => return None,
    })
}

// ----- DelayQueue -----

/// A queue of Delayed objects: `take` returns the least one (by its
/// compareTo) once its getDelay reaches zero.
pub(in crate::interop) struct DelayQueue {
    pub(in crate::interop) items: Lock<Vec<Value>>,
    pub(in crate::interop) changed: Condvar,
}

impl ForeignObject for DelayQueue {
    fn items(&self) -> Option<Vec<Value>> {
        Some(lock(&self.items).clone())
    }
}

impl DelayQueue {
    /// The least element and its delay in nanoseconds. The elements'
    /// own methods run outside the queue's lock.
    fn head(&self) -> Result<Option<(Value, i64)>> {
        let items = lock(&self.items).clone();
        let mut least: Option<Value> = None;
        for x in items {
            least = Some(match least {
                Some(l) => {
                    let c = crate::runtime::host::call_method(
                        &x,
                        "compareTo",
                        std::slice::from_ref(&l),
                    )?;
                    if to_long(&c)? < 0 { x } else { l }
                }
                None => x,
            });
        }
        let Some(l) = least else { return Ok(None) };
        let d = crate::runtime::host::call_method(&l, "getDelay", &[unit_value(0)])?;
        Ok(Some((l, to_long(&d)?)))
    }

    fn remove(&self, x: &Value) -> bool {
        let mut items = lock(&self.items);
        match items.iter().position(|y| y.identical(x)) {
            Some(i) => {
                items.remove(i);
                true
            }
            None => false,
        }
    }

    /// The least expired element, waiting for one until the deadline.
    fn take(&self, deadline: Option<Instant>) -> Result<Option<Value>> {
        loop {
            crate::runtime::interrupt::check_blocking()?;
            let wait = match self.head()? {
                Some((x, delay)) if delay <= 0 => {
                    if self.remove(&x) {
                        return Ok(Some(x));
                    }
                    continue;
                }
                Some((_, delay)) => Duration::from_nanos(delay as u64),
                None => crate::runtime::interrupt::POLL,
            };
            let Some(slice) = crate::runtime::interrupt::wait_slice(deadline) else {
                return Ok(None);
            };
            let g = lock(&self.items);
            let _ = self.changed.wait_timeout(g, slice.min(wait));
        }
    }
}

pub(in crate::interop) fn delay_queue_method(
    q: &DelayQueue,
    method: &str,
    args: &[Value],
) -> Option<Result<Value>> {
    Some(match (method, args) {
        ("put" | "add" | "offer", [x] | [x, _, _]) => {
            if x.is_nil() {
                return Some(Err(npe()));
            }
            lock(&q.items).push(x.clone());
            q.changed.notify_all();
            Ok(if method == "put" {
                Value::NIL
            } else {
                Value::TRUE
            })
        }
        ("take", []) => q.take(None).map(|v| v.unwrap_or(Value::NIL)),
        ("poll", []) => q
            .take(Some(Instant::now()))
            .map(|v| v.unwrap_or(Value::NIL)),
        ("poll", [t, unit]) => (|| {
            let d = deadline(t, unit)?;
            q.take(d).map(|v| v.unwrap_or(Value::NIL))
        })(),
        ("peek", []) => q.head().map(|h| h.map_or(Value::NIL, |(x, _)| x)),
        ("remove", [x]) => Ok(Value::bool(q.remove(x))),
        ("size", []) => Ok(Value::long(lock(&q.items).len() as i64)),
        ("isEmpty", []) => Ok(Value::bool(lock(&q.items).is_empty())),
        ("clear", []) => {
            lock(&q.items).clear();
            Ok(Value::NIL)
        }
        _ => return None,
    })
}

// ----- ConcurrentSkipListMap -----

pub(in crate::interop) type Entries = Vec<(Value, Value)>;

/// A sorted map (by `compare`, or the Comparator given) that threads share.
pub(in crate::interop) struct SkipListMap {
    pub(in crate::interop) comparator: Value,
    pub(in crate::interop) entries: Lock<Vec<(Value, Value)>>,
}

impl ForeignObject for SkipListMap {
    fn java_string(&self, object: &str) -> String {
        let entries = lock(&self.entries).clone();
        let mut parts = Vec::with_capacity(entries.len());
        for (k, v) in &entries {
            match (
                crate::runtime::printer::str_value(k),
                crate::runtime::printer::str_value(v),
            ) {
                (Ok(k), Ok(v)) => parts.push(format!("{k}={v}")),
                _ => return object.to_string(),
            }
        }
        format!("{{{}}}", parts.join(", "))
    }
    fn items(&self) -> Option<Vec<Value>> {
        Some(
            lock(&self.entries)
                .iter()
                .map(|(k, v)| Value::map_entry(k.clone(), v.clone()))
                .collect(),
        )
    }
}

impl SkipListMap {
    fn cmp(&self, a: &Value, b: &Value) -> Result<std::cmp::Ordering> {
        if self.comparator.is_nil() {
            if a.is_nil() || b.is_nil() {
                return Err(npe());
            }
            return crate::runtime::compare::compare(a, b);
        }
        let c = crate::runtime::func::invoke(&self.comparator, &[a.clone(), b.clone()])?;
        Ok(to_long(&c)?.cmp(&0))
    }

    /// Where `k` is or would go: Ok(found index) / Err(insertion index).
    /// Compares outside the lock on a snapshot of the keys.
    fn search(&self, k: &Value) -> Result<(Entries, std::result::Result<usize, usize>)> {
        let entries = lock(&self.entries).clone();
        let (mut lo, mut hi) = (0, entries.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.cmp(&entries[mid].0, k)? {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Ok((entries, Ok(mid))),
            }
        }
        Ok((entries, Err(lo)))
    }
}

pub(in crate::interop) fn entry_at(entries: &[(Value, Value)], i: Option<usize>) -> Value {
    i.and_then(|i| entries.get(i))
        .map_or(Value::NIL, |(k, v)| Value::map_entry(k.clone(), v.clone()))
}

pub(in crate::interop) fn skip_list_method(
    m: &SkipListMap,
    method: &str,
    args: &[Value],
) -> Option<Result<Value>> {
    let key_of = |e: Value| -> Value {
        match e.view() {
            View::MapEntry(me) => me.key().clone(),
            _ => Value::NIL,
        }
    };
    let first_last = |last: bool| -> Option<(Value, Value)> {
        let e = lock(&m.entries);
        if last {
            e.last().cloned()
        } else {
            e.first().cloned()
        }
    };
    Some((|| -> Result<Value> {
        Ok(match (method, args) {
            ("put" | "putIfAbsent", [k, v]) => {
                let (_, at) = m.search(k)?;
                let mut e = lock(&m.entries);
                match at {
                    Ok(i) if i < e.len() => {
                        if method == "put" {
                            std::mem::replace(&mut e[i].1, v.clone())
                        } else {
                            e[i].1.clone()
                        }
                    }
                    Err(i) if i <= e.len() => {
                        e.insert(i, (k.clone(), v.clone()));
                        Value::NIL
                    }
                    // Changed meanwhile: append and resort is not needed
                    // for the map's users; fall back to a linear insert.
                    _ => {
                        e.push((k.clone(), v.clone()));
                        Value::NIL
                    }
                }
            }
            ("get", [k]) => match m.search(k)? {
                (e, Ok(i)) => e[i].1.clone(),
                _ => Value::NIL,
            },
            ("containsKey", [k]) => Value::bool(m.search(k)?.1.is_ok()),
            ("remove", [k]) | ("remove", [k, _]) => {
                let (snapshot, at) = m.search(k)?;
                let Ok(i) = at else {
                    return Ok(if args.len() == 2 {
                        Value::FALSE
                    } else {
                        Value::NIL
                    });
                };
                if let [_, v] = args
                    && !crate::runtime::equality::try_equals(&snapshot[i].1, v)?
                {
                    return Ok(Value::FALSE);
                }
                let mut e = lock(&m.entries);
                let pos = e.iter().position(|(x, _)| x.identical(&snapshot[i].0));
                let old = pos.map(|p| e.remove(p).1);
                if args.len() == 2 {
                    Value::bool(old.is_some())
                } else {
                    old.unwrap_or(Value::NIL)
                }
            }
            ("ceilingEntry" | "ceilingKey", [k]) => {
                let (e, at) = m.search(k)?;
                let i = match at {
                    Ok(i) | Err(i) => i,
                };
                let r = entry_at(&e, Some(i));
                if method.ends_with("Key") {
                    key_of(r)
                } else {
                    r
                }
            }
            ("higherEntry" | "higherKey", [k]) => {
                let (e, at) = m.search(k)?;
                let i = match at {
                    Ok(i) => i + 1,
                    Err(i) => i,
                };
                let r = entry_at(&e, Some(i));
                if method.ends_with("Key") {
                    key_of(r)
                } else {
                    r
                }
            }
            ("floorEntry" | "floorKey", [k]) => {
                let (e, at) = m.search(k)?;
                let i = match at {
                    Ok(i) => Some(i),
                    Err(i) => i.checked_sub(1),
                };
                let r = entry_at(&e, i);
                if method.ends_with("Key") {
                    key_of(r)
                } else {
                    r
                }
            }
            ("lowerEntry" | "lowerKey", [k]) => {
                let (e, at) = m.search(k)?;
                let i = match at {
                    Ok(i) | Err(i) => i.checked_sub(1),
                };
                let r = entry_at(&e, i);
                if method.ends_with("Key") {
                    key_of(r)
                } else {
                    r
                }
            }
            ("firstEntry" | "lastEntry", []) => first_last(method == "lastEntry")
                .map_or(Value::NIL, |(k, v)| Value::map_entry(k, v)),
            ("firstKey" | "lastKey", []) => match first_last(method == "lastKey") {
                Some((k, _)) => k,
                None => return Err(no_such_element()),
            },
            ("pollFirstEntry", []) => {
                let mut e = lock(&m.entries);
                if e.is_empty() {
                    Value::NIL
                } else {
                    let (k, v) = e.remove(0);
                    Value::map_entry(k, v)
                }
            }
            ("size", []) => Value::long(lock(&m.entries).len() as i64),
            ("isEmpty", []) => Value::bool(lock(&m.entries).is_empty()),
            ("clear", []) => {
                lock(&m.entries).clear();
                Value::NIL
            }
            ("keySet", []) => {
                Value::list(lock(&m.entries).iter().map(|(k, _)| k.clone()).collect())
            }
            ("values", []) => {
                Value::list(lock(&m.entries).iter().map(|(_, v)| v.clone()).collect())
            }
            _ => return Err(crate::interop::no_method(method, args.len(), SKIP_LIST_MAP)),
        })
    })())
}
