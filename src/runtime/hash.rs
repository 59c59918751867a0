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

/// Util.hashCombine (boost's hash_combine), used by symbols.
pub fn hash_combine(seed: i32, hash: i32) -> i32 {
    let s = seed as u32;
    (s ^ (hash as u32)
        .wrapping_add(0x9e3779b9)
        .wrapping_add(s << 6)
        .wrapping_add(s >> 2)) as i32
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

use crate::runtime::value::{Value, View};

/// Clojure's `hash` (Util.hasheq). PLACEHOLDER coverage (issue #2): scalars
/// and the collections' ordered/unordered hashes; the numbers tower and the
/// remaining types are completed with the equality layer.
pub fn hasheq(v: &Value) -> i32 {
    match v.view() {
        View::Nil => 0,
        View::Bool(b) => {
            if b {
                1231
            } else {
                1237
            }
        }
        View::Long(n) => hash_long(n),
        View::Double(_) | View::BigInt(_) | View::Ratio(_) | View::BigDec(_) => {
            crate::runtime::number::hasheq(v).unwrap_or(0)
        }
        View::Char(c) => c as i32,
        View::Str(s) => hash_int(s.java_hash()),
        View::Keyword(k) => k.hash(),
        View::Symbol(s) => s.hash(),
        _ => {
            if crate::runtime::equality::is_sequential(v) {
                let mut h = OrderedHasher::default();
                for x in crate::runtime::seq::iter(v).flatten() {
                    h.add(hasheq(&x));
                }
                h.finish()
            } else {
                // Identity hash for the rest until the equality layer lands.
                0
            }
        }
    }
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
}
