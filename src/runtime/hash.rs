//! Clojure's hasheq: Murmur3 mixing exactly as clojure.lang.Murmur3, so hash
//! maps and sets iterate (and print) in the same order as on the JVM.

#![allow(clippy::unreadable_literal)]

const C1: i32 = 0xcc9e2d51u32 as i32;
const C2: i32 = 0x1b873593u32 as i32;

#[inline]
fn mix_k1(k1: i32) -> i32 {
    k1.wrapping_mul(C1).rotate_left(15).wrapping_mul(C2)
}

#[inline]
fn mix_h1(h1: i32, k1: i32) -> i32 {
    (h1 ^ k1)
        .rotate_left(13)
        .wrapping_mul(5)
        .wrapping_add(0xe6546b64u32 as i32)
}

#[inline]
fn fmix(mut h1: i32, length: i32) -> i32 {
    h1 ^= length;
    h1 ^= ((h1 as u32) >> 16) as i32;
    h1 = h1.wrapping_mul(0x85ebca6bu32 as i32);
    h1 ^= ((h1 as u32) >> 13) as i32;
    h1 = h1.wrapping_mul(0xc2b2ae35u32 as i32);
    h1 ^= ((h1 as u32) >> 16) as i32;
    h1
}

/// Murmur3.hashInt
pub fn hash_int(input: i32) -> i32 {
    if input == 0 {
        return 0;
    }
    fmix(mix_h1(0, mix_k1(input)), 4)
}

/// Murmur3.hashLong
pub fn hash_long(input: i64) -> i32 {
    if input == 0 {
        return 0;
    }
    let low = input as i32;
    let high = ((input as u64) >> 32) as i32;
    let h1 = mix_h1(0, mix_k1(low));
    let h1 = mix_h1(h1, mix_k1(high));
    fmix(h1, 8)
}

/// Murmur3.hashUnencodedChars over the UTF-16 code units of `s`
/// (used for symbol and keyword names).
pub fn hash_unencoded_chars(s: &str) -> i32 {
    let units: Vec<u16> = s.encode_utf16().collect();
    let mut h1: i32 = 0;
    let mut i = 1;
    while i < units.len() {
        let k1 = (units[i - 1] as i32) | ((units[i] as i32) << 16);
        h1 = mix_h1(h1, mix_k1(k1));
        i += 2;
    }
    if units.len() & 1 == 1 {
        let k1 = units[units.len() - 1] as i32;
        h1 ^= mix_k1(k1);
    }
    fmix(h1, 2 * units.len() as i32)
}

/// Murmur3.mixCollHash
pub fn mix_coll_hash(hash: i32, count: i32) -> i32 {
    fmix(mix_h1(0, mix_k1(hash)), count)
}

/// Util.hashCombine (boost's hash_combine), used by symbols. Java's `>>` on
/// an int is arithmetic, so the shifts are on i32.
pub fn hash_combine(seed: i32, hash: i32) -> i32 {
    seed ^ hash
        .wrapping_add(0x9e3779b9u32 as i32)
        .wrapping_add(seed.wrapping_shl(6))
        .wrapping_add(seed >> 2)
}

/// Incremental Murmur3.hashOrdered: feed element hashes in order.
#[derive(Clone, Copy)]
pub struct OrderedHasher {
    hash: i32,
    n: i32,
}

impl Default for OrderedHasher {
    fn default() -> Self {
        OrderedHasher { hash: 1, n: 0 }
    }
}

impl OrderedHasher {
    #[inline]
    pub fn add(&mut self, h: i32) {
        self.hash = self.hash.wrapping_mul(31).wrapping_add(h);
        self.n = self.n.wrapping_add(1);
    }
    pub fn finish(self) -> i32 {
        mix_coll_hash(self.hash, self.n)
    }
}

/// Incremental Murmur3.hashUnordered: element hashes summed.
#[derive(Clone, Copy, Default)]
pub struct UnorderedHasher {
    hash: i32,
    n: i32,
}

impl UnorderedHasher {
    #[inline]
    pub fn add(&mut self, h: i32) {
        self.hash = self.hash.wrapping_add(h);
        self.n = self.n.wrapping_add(1);
    }
    pub fn finish(self) -> i32 {
        mix_coll_hash(self.hash, self.n)
    }
}

/// A persistent collection's cached `hash`, as the JVM's
/// APersistentVector/Map/Set and PersistentList keep `_hasheq`: computed on
/// first use, then read in O(1), so hashing a collection that holds
/// already-hashed collections (a key nested 20,000 deep, a set of sets built
/// level by level) is linear instead of quadratic. The collection is
/// immutable, so the hash never changes; a hash that threw (a lazy seq
/// inside failed) is not cached. Eight bytes in the collection's heap
/// object: `Value` itself stays 16 bytes. Cloning a collection struct
/// gives an empty cache (a clone may be changed before it is shared).
#[derive(Default)]
pub struct HashCache(std::sync::atomic::AtomicU64);

/// Bit 32 marks a computed hash (any i32, 0 included, can be one).
const CACHED: u64 = 1 << 32;

impl HashCache {
    #[inline]
    pub fn get(&self) -> Option<i32> {
        let v = self.0.load(std::sync::atomic::Ordering::Relaxed);
        (v & CACHED != 0).then_some(v as u32 as i32)
    }
    #[inline]
    pub fn set(&self, h: i32) {
        self.0.store(
            CACHED | u64::from(h as u32),
            std::sync::atomic::Ordering::Relaxed,
        );
    }
}

impl Clone for HashCache {
    fn clone(&self) -> Self {
        HashCache::default()
    }
}

/// The hash cache of `v`, when its type keeps one.
fn cache_of(v: &Value) -> Option<&HashCache> {
    match v.view() {
        View::Vector(c) => Some(&c.hasheq),
        View::HashMap(c) => Some(&c.hasheq),
        View::ArrayMap(c) => Some(&c.hasheq),
        View::HashSet(c) => Some(&c.hasheq),
        View::List(c) => Some(&c.hasheq),
        _ => None,
    }
}

use crate::runtime::equality::{OwnedItems, entries, is_map, is_sequential, is_set, items};
use crate::runtime::error::Result;
use crate::runtime::number;
use crate::runtime::value::{Value, View};

/// Clojure's `hash` (Util.hasheq). A lazy seq that throws while being
/// realised hashes as 0 here; [`try_hasheq`] propagates the exception.
///
/// Identity-hashed values (regexes, fns, exceptions, transients; on the JVM
/// `System.identityHashCode`) hash by address: stable for the object's life,
/// different between runs, as on the JVM.
#[inline]
pub fn hasheq(v: &Value) -> i32 {
    match v.view() {
        View::Keyword(k) => k.hash(),
        View::Long(n) => hash_long(n),
        View::Str(s) => hash_int(s.java_hash()),
        _ => try_hasheq(v).unwrap_or(0),
    }
}

/// A key whose hash and equality cannot throw nor realise anything.
#[inline]
pub fn is_plain_key(k: &Value) -> bool {
    matches!(
        k.view(),
        View::Nil
            | View::Bool(_)
            | View::Long(_)
            | View::Double(_)
            | View::Char(_)
            | View::Keyword(_)
            | View::Symbol(_)
            | View::Str(_)
    )
}

/// Hash `k` as a hash map or set is about to (their tables hash with
/// [`hasheq`], which cannot fail): a key whose hashing throws (a LazySeq
/// whose realisation throws, a deftype whose hashCode throws) throws here,
/// as PersistentHashMap and PersistentHashSet propagate it on the JVM.
/// Immediate and string keys cost one match; collections cache their hash.
#[inline]
pub fn check_key(k: &Value) -> Result<()> {
    match is_plain_key(k) {
        true => Ok(()),
        false => try_hasheq(k).map(drop),
    }
}

/// `hash`, propagating exceptions thrown while realising lazy seqs.
/// Nested collections are walked with an explicit stack (no recursion).
/// Vectors, maps, sets and lists cache their hash ([`HashCache`]).
pub fn try_hasheq(v: &Value) -> Result<i32> {
    let mut stack = match shallow_hash(v)? {
        Shallow::Done(h) => return Ok(h),
        Shallow::Open(f) => vec![f],
    };
    // The collections whose frames are open, for those that cache their
    // hash (None for the others): parallel to `stack`.
    let mut owners: Vec<Option<Value>> = vec![cache_of(v).map(|_| v.clone())];
    loop {
        let Some(top) = stack.last_mut() else {
            return Ok(0);
        };
        let next = match top {
            HashFrame::Ordered(_, it) | HashFrame::Unordered(_, it) => match it.next() {
                Some(x) => {
                    let x = x?;
                    let s = shallow_hash(&x)?;
                    if let Shallow::Open(_) = s {
                        owners.push(cache_of(&x).map(|_| x.clone()));
                    }
                    Some(s)
                }
                None => None,
            },
            // A map entry hashes as the vector [k v].
            HashFrame::Map(_, es) => es.next().map(|(k, val)| {
                owners.push(None);
                Shallow::Open(HashFrame::Ordered(
                    OrderedHasher::default(),
                    OwnedItems::Collected(vec![k, val].into_iter()),
                ))
            }),
        };
        match next {
            Some(Shallow::Done(h)) => top.add(h),
            Some(Shallow::Open(f)) => stack.push(f),
            None => {
                let h = match stack.pop() {
                    Some(f) => f.finish(),
                    None => 0,
                };
                if let Some(owner) = owners.pop().flatten()
                    && let Some(c) = cache_of(&owner)
                {
                    c.set(h);
                }
                match stack.last_mut() {
                    Some(parent) => parent.add(h),
                    None => return Ok(h),
                }
            }
        }
    }
}

enum HashFrame {
    Ordered(OrderedHasher, OwnedItems),
    Unordered(UnorderedHasher, OwnedItems),
    Map(UnorderedHasher, std::vec::IntoIter<(Value, Value)>),
}

impl HashFrame {
    fn add(&mut self, h: i32) {
        match self {
            HashFrame::Ordered(o, _) => o.add(h),
            HashFrame::Unordered(u, _) | HashFrame::Map(u, _) => u.add(h),
        }
    }
    fn finish(self) -> i32 {
        match self {
            HashFrame::Ordered(o, _) => o.finish(),
            HashFrame::Unordered(u, _) | HashFrame::Map(u, _) => u.finish(),
        }
    }
}

enum Shallow {
    Done(i32),
    Open(HashFrame),
}

fn shallow_hash(v: &Value) -> Result<Shallow> {
    if let Some(h) = cache_of(v).and_then(HashCache::get) {
        return Ok(Shallow::Done(h));
    }
    Ok(Shallow::Done(match v.view() {
        View::Nil => 0,
        View::Bool(b) => bool_hash(b),
        View::Char(_) => v.char_code().unwrap_or(0) as i32,
        View::Str(s) => hash_int(s.java_hash()),
        View::Keyword(k) => k.hash(),
        View::Symbol(s) => s.hash(),
        View::Long(n) => hash_long(n),
        // Util.hasheq of a plain Java object is its hashCode.
        View::Date(d) => d.java_hash(),
        View::Uuid(u) => u.java_hash(),
        View::Instance(i) => crate::runtime::types::hasheq(i, v)?,
        View::File(f) => f.java_hash(),
        View::HostObject(crate::runtime::object::HostObject::Foreign(_, f)) => {
            f.hash_code().unwrap_or_else(|| identity_hash(v))
        }
        _ => {
            if let Some(h) = number::hasheq(v) {
                h
            } else if is_sequential(v) {
                return Ok(Shallow::Open(HashFrame::Ordered(
                    OrderedHasher::default(),
                    OwnedItems::new(v.clone()),
                )));
            } else if is_map(v) {
                let es: Vec<(Value, Value)> = entries(v).collect::<Result<_>>()?;
                return Ok(Shallow::Open(HashFrame::Map(
                    UnorderedHasher::default(),
                    es.into_iter(),
                )));
            } else if is_set(v) {
                return Ok(Shallow::Open(HashFrame::Unordered(
                    UnorderedHasher::default(),
                    OwnedItems::new(v.clone()),
                )));
            } else {
                identity_hash(v)
            }
        }
    }))
}

fn bool_hash(b: bool) -> i32 {
    if b { 1231 } else { 1237 }
}

/// An address-based stand-in for `System.identityHashCode`.
pub fn identity_hash(v: &Value) -> i32 {
    if let View::HostObject(crate::runtime::object::HostObject::Boolean(b)) = v.view() {
        return bool_hash(*b);
    }
    // Immediates have no address: their value hash stands in (and
    // java_hash_code never comes back here for them).
    let Some(addr) = v.heap_address() else {
        return java_hash_code(v).unwrap_or(0);
    };
    // Heap addresses are 8/16-aligned: drop the always-zero low bits and fold
    // the high half in. Kept positive and non-zero like HotSpot's.
    let a = addr as u64;
    let h = ((a >> 4) ^ (a >> 36)) as u32 & 0x7fff_ffff;
    if h == 0 { 1 } else { h as i32 }
}

/// Java's `.hashCode()` (not `hash`): what `str` shows after `@` for objects
/// without their own toString (`(str (map inc [1 2]))` is
/// `clojure.lang.LazySeq@402`), and what `(.hashCode x)` returns.
pub fn java_hash_code(v: &Value) -> Result<i32> {
    if let Some(b) = v.as_int_box() {
        return Ok(b.java_hash());
    }
    Ok(match v.view() {
        View::Nil => 0,
        View::Bool(b) => bool_hash(b),
        View::Char(_) => v.char_code().unwrap_or(0) as i32,
        View::Long(n) => (n ^ ((n as u64) >> 32) as i64) as i32,
        View::Double(d) => {
            // doubleToLongBits: every NaN is the canonical one.
            let bits = if d.is_nan() {
                0x7ff8_0000_0000_0000u64
            } else {
                d.to_bits()
            };
            (bits ^ (bits >> 32)) as i32
        }
        View::Float(f) => crate::runtime::number::float_hash(f),
        View::BigInteger(n) => big_integer_hash(n),
        View::BigInt(n) => match i64::try_from(n) {
            // clojure.lang.BigInt keeps values that fit a long as a long.
            Ok(l) => (l ^ ((l as u64) >> 32) as i64) as i32,
            Err(_) => big_integer_hash(n),
        },
        View::Ratio(r) => big_integer_hash(r.numer()) ^ big_integer_hash(r.denom()),
        View::BigDec(d) => {
            let (unscaled, scale) = d.as_bigint_and_exponent();
            big_integer_hash(&unscaled)
                .wrapping_mul(31)
                .wrapping_add(scale as i32)
        }
        View::Str(s) => s.java_hash(),
        View::Keyword(k) => symbol_java_hash(k.ns(), k.name()).wrapping_add(0x9e3779b9u32 as i32),
        View::Symbol(s) => symbol_java_hash(s.ns(), s.name()),
        View::Date(d) => d.java_hash(),
        View::Uuid(u) => u.java_hash(),
        View::Instance(i) => crate::runtime::types::java_hash_code(i, v)?,
        View::File(f) => f.java_hash(),
        View::HostObject(crate::runtime::object::HostObject::Foreign(_, f)) => {
            f.hash_code().unwrap_or_else(|| identity_hash(v))
        }
        _ if is_sequential(v) => {
            // List.hashCode: 31*h + e over the items, starting from 1.
            let mut h: i32 = 1;
            for x in items(v) {
                h = h.wrapping_mul(31).wrapping_add(java_hash_code(&x?)?);
            }
            h
        }
        _ if is_map(v) => {
            let mut h: i32 = 0;
            for e in entries(v) {
                let (k, val) = e?;
                h = h.wrapping_add(java_hash_code(&k)? ^ java_hash_code(&val)?);
            }
            h
        }
        _ if is_set(v) => {
            let mut h: i32 = 0;
            for x in items(v) {
                h = h.wrapping_add(java_hash_code(&x?)?);
            }
            h
        }
        _ => identity_hash(v),
    })
}

/// Symbol.hashCode: hashCombine(name.hashCode(), ns.hashCode()).
fn symbol_java_hash(ns: Option<&str>, name: &str) -> i32 {
    use crate::runtime::string::java_string_hash;
    hash_combine(
        java_string_hash(name),
        ns.map(java_string_hash).unwrap_or(0),
    )
}

/// java.math.BigInteger.hashCode: 31*h + word over the big-endian 32-bit
/// words of the magnitude, times the sign.
fn big_integer_hash(n: &num_bigint::BigInt) -> i32 {
    use num_bigint::Sign;
    let mut h: i32 = 0;
    for w in n.magnitude().to_u32_digits().iter().rev() {
        h = h.wrapping_mul(31).wrapping_add(*w as i32);
    }
    match n.sign() {
        Sign::Minus => h.wrapping_neg(),
        Sign::NoSign => 0,
        Sign::Plus => h,
    }
}

/// The iteration order of a java.util.HashMap/HashSet table of `cap`
/// buckets (a power of two): by bucket (`hashCode` spread by `h ^ h>>>16`),
/// insertion order within a bucket. `items` are in insertion order.
pub fn hash_table_order<T>(items: Vec<T>, cap: usize, key: impl Fn(&T) -> Value) -> Vec<T> {
    let mask = cap.max(1).next_power_of_two() - 1;
    let mut keyed: Vec<(usize, T)> = items
        .into_iter()
        .map(|x| {
            let h = java_hash_code(&key(&x)).unwrap_or(0) as u32;
            (((h ^ (h >> 16)) as usize) & mask, x)
        })
        .collect();
    keyed.sort_by_key(|(b, _)| *b);
    keyed.into_iter().map(|(_, x)| x).collect()
}

/// A HashMap's table size after it grows to `n` entries: it doubles
/// when the count passes the load factor 0.75.
pub fn grown_table_size(cap: usize, n: usize) -> usize {
    let mut cap = cap.max(1);
    while n * 4 > cap * 3 {
        cap *= 2;
    }
    cap
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn murmur_matches_jvm() {
        // (hash 1) => 1392991556, (hash 42) => 1871679806, (hash -1) => 1651860712
        assert_eq!(hash_long(1), 1392991556);
        assert_eq!(hash_long(42), 1871679806);
        assert_eq!(hash_long(-1), 1651860712);
        // (hash []) => -2017569654, (hash {}) => -15128758
        assert_eq!(OrderedHasher::default().finish(), -2017569654);
        assert_eq!(UnorderedHasher::default().finish(), -15128758);
    }

    fn kw(n: &str) -> Value {
        Value::keyword(None, n)
    }

    #[test]
    fn hasheq_matches_jvm() {
        let l = Value::long;
        // JVM: (hash 0.0) 0, (hash \a) 97, (hash "a") 1455541201, (hash true) 1231,
        // (hash nil) 0, (hash 1.5) 1073217536
        assert_eq!(hasheq(&Value::double(0.0)), 0);
        assert_eq!(hasheq(&Value::double(-0.0)), 0);
        assert_eq!(hasheq(&Value::char('a')), 97);
        assert_eq!(hasheq(&Value::string("a")), 1455541201);
        assert_eq!(hasheq(&Value::TRUE), 1231);
        assert_eq!(hasheq(&Value::FALSE), 1237);
        assert_eq!(hasheq(&Value::NIL), 0);
        assert_eq!(hasheq(&Value::double(1.5)), 1073217536);
        // JVM: (hash [1 2]) = (hash '(1 2)) = 156247261, (hash ()) -2017569654
        assert_eq!(hasheq(&Value::vector(vec![l(1), l(2)])), 156247261);
        assert_eq!(hasheq(&Value::list(vec![l(1), l(2)])), 156247261);
        assert_eq!(hasheq(&Value::empty_list()), -2017569654);
        // JVM: (hash {:a 1}) 1772842048, (hash #{1 2}) 460223544,
        // (hash (first {:a 1})) -1809393901
        let m = Value::map_from_pairs(vec![(kw("a"), l(1))]);
        assert_eq!(hasheq(&m), 1772842048);
        assert_eq!(hasheq(&Value::set_from(vec![l(1), l(2)])), 460223544);
        assert_eq!(hasheq(&Value::map_entry(kw("a"), l(1))), -1809393901);
        // JVM: (hash [1 :a "x" \c nil true 1.5]) -861799101
        let v = Value::vector(vec![
            l(1),
            kw("a"),
            Value::string("x"),
            Value::char('c'),
            Value::NIL,
            Value::TRUE,
            Value::double(1.5),
        ]);
        assert_eq!(hasheq(&v), -861799101);
        // JVM: (hash {:a [1 2] "s" #{3}}) 577535125
        let m = Value::map_from_pairs(vec![
            (kw("a"), Value::vector(vec![l(1), l(2)])),
            (Value::string("s"), Value::set_from(vec![l(3)])),
        ]);
        assert_eq!(hasheq(&m), 577535125);
        // JVM: (hash #{[1] '(2)}) -258621955, (hash (first {:k :v})) -506173384
        let s = Value::set_from(vec![Value::vector(vec![l(1)]), Value::list(vec![l(2)])]);
        assert_eq!(hasheq(&s), -258621955);
        assert_eq!(hasheq(&Value::map_entry(kw("k"), kw("v"))), -506173384);
        // JVM: (hash :v) 21465059 (negative murmur seed: arithmetic shift)
        assert_eq!(hasheq(&kw("v")), 21465059);
    }

    #[test]
    fn java_hash_code_matches_jvm() {
        use num_bigint::BigInt;
        let h = |v: &Value| java_hash_code(v).unwrap();
        // JVM: (.hashCode :a) 1013910569, (.hashCode 'a) -1640525200,
        // (.hashCode 'a/b) -1640525104, (.hashCode [1 :a "x"]) 1366487439,
        // (.hashCode {:a 1}) 1013910568
        assert_eq!(h(&kw("a")), 1013910569);
        assert_eq!(h(&Value::symbol(None, "a")), -1640525200);
        assert_eq!(h(&Value::symbol(Some("a"), "b")), -1640525104);
        let v = Value::vector(vec![Value::long(1), kw("a"), Value::string("x")]);
        assert_eq!(h(&v), 1366487439);
        let m = Value::map_from_pairs(vec![(kw("a"), Value::long(1))]);
        assert_eq!(h(&m), 1013910568);
        // JVM: (.hashCode 1N) 1, 10000000000000000000000N -729784284, -7N 6,
        // -12345678901234567890123N 2057333646
        let big = |s: &str| Value::bigint(s.parse::<BigInt>().unwrap());
        assert_eq!(h(&big("1")), 1);
        assert_eq!(h(&big("10000000000000000000000")), -729784284);
        assert_eq!(h(&big("-7")), 6);
        assert_eq!(h(&big("-12345678901234567890123")), 2057333646);
        // JVM: (.hashCode 1/3) 2, 1.5M 466, 123.456M 3827139, 1e100M -69
        let r = num_rational::BigRational::new(BigInt::from(1), BigInt::from(3));
        assert_eq!(h(&Value::ratio(r)), 2);
        let d = |s: &str| Value::bigdec(s.parse::<bigdecimal::BigDecimal>().unwrap());
        assert_eq!(h(&d("1.5")), 466);
        assert_eq!(h(&d("123.456")), 3827139);
        assert_eq!(h(&d("1E+100")), -69);
        // LazySeq@402 for (map inc [1 2]): the List hashCode of (2 3).
        assert_eq!(h(&Value::list(vec![Value::long(2), Value::long(3)])), 0x402);
    }
}
