//! Immutable strings with a lazily cached Java `String.hashCode`.

use std::sync::OnceLock;

pub struct Str {
    s: String,
    /// Java's String.hashCode over UTF-16 code units, computed on first use.
    hash: OnceLock<i32>,
}

impl Str {
    pub fn new(s: String) -> Str {
        Str {
            s,
            hash: OnceLock::new(),
        }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }
    /// `String.hashCode()`: s[0]*31^(n-1) + ... over UTF-16 code units.
    pub fn java_hash(&self) -> i32 {
        *self.hash.get_or_init(|| java_string_hash(&self.s))
    }
    /// Length in UTF-16 code units, as Java's `String.length()` (and `count`).
    pub fn utf16_len(&self) -> usize {
        if self.s.is_ascii() {
            self.s.len()
        } else {
            self.s.encode_utf16().count()
        }
    }
}

/// Java's `String.hashCode` of a Rust string.
pub fn java_string_hash(s: &str) -> i32 {
    let mut h: i32 = 0;
    for u in s.encode_utf16() {
        h = h.wrapping_mul(31).wrapping_add(u as i32);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn java_hash_matches_jvm() {
        // Values from JVM: "".hashCode()=0, "a"=97, "hello"=99162322, "é"=233
        assert_eq!(java_string_hash(""), 0);
        assert_eq!(java_string_hash("a"), 97);
        assert_eq!(java_string_hash("hello"), 99162322);
        assert_eq!(java_string_hash("é"), 233);
        assert_eq!(Str::new("😀".into()).utf16_len(), 2);
    }
}

super::gc::global_state!(with_interned: ahash::AHashMap<Box<str>, super::value::Value> = ahash::AHashMap::new());

/// `String.intern`: one object per distinct string. The compiler interns
/// string literals (the JVM's `ldc`), so `(identical? "a" "a")` is true.
/// Non-strings are returned as they are.
pub fn intern(v: super::value::Value) -> super::value::Value {
    let Some(s) = v.as_str().map(Box::<str>::from) else {
        return v;
    };
    with_interned(|t| t.entry(s).or_insert(v).clone())
}

super::gc::global_state!(with_static_names: ahash::AHashSet<&'static str> = ahash::AHashSet::new());

/// A `'static` copy of `s`, made once per distinct string (for names that
/// live as long as the program, e.g. array class names from `make-array`).
pub fn intern_static(s: &str) -> &'static str {
    with_static_names(|set| {
        if let Some(k) = set.get(s) {
            return *k;
        }
        let k: &'static str = Box::leak(s.to_string().into_boxed_str());
        set.insert(k);
        k
    })
}
