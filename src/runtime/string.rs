//! Immutable strings with a lazily cached Java `String.hashCode`.

use std::sync::OnceLock;

pub struct Str {
    s: String,
    /// Java's String.hashCode over UTF-16 code units, computed on first use.
    hash: OnceLock<i32>,
    /// Java's UTF-16 indices into `s`, built by the first indexed access
    /// (`charAt`, `subs`, `nth`): None for an ASCII string (index = byte
    /// offset), else the byte offset of the char holding each UTF-16 code
    /// unit. Makes a loop over a non-ASCII string's indices linear.
    utf16: OnceLock<Utf16Index>,
}

/// How UTF-16 indices map to byte offsets of a Str.
enum Utf16Index {
    /// ASCII: index = byte offset.
    Ascii,
    /// The byte offset of the char holding each UTF-16 code unit.
    Table(Box<[u32]>),
    /// Non-ASCII and over 4 GiB: no table; each access walks the string.
    Walk,
}

impl Str {
    pub fn new(s: String) -> Str {
        Str {
            s,
            hash: OnceLock::new(),
            utf16: OnceLock::new(),
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
    fn utf16_index(&self) -> &Utf16Index {
        self.utf16.get_or_init(|| {
            if self.s.is_ascii() {
                return Utf16Index::Ascii;
            }
            if u32::try_from(self.s.len()).is_err() {
                return Utf16Index::Walk;
            }
            let mut ix = Vec::with_capacity(self.s.len());
            for (at, c) in self.s.char_indices() {
                for _ in 0..c.len_utf16() {
                    ix.push(at as u32);
                }
            }
            Utf16Index::Table(ix.into_boxed_slice())
        })
    }
    /// The UTF-16 code unit at index `i` (Java's `String.charAt`).
    pub fn unit_at(&self, i: usize) -> Option<u16> {
        let ix = match self.utf16_index() {
            Utf16Index::Ascii => return self.s.as_bytes().get(i).map(|&b| u16::from(b)),
            Utf16Index::Walk => return self.s.encode_utf16().nth(i),
            Utf16Index::Table(ix) => ix,
        };
        let at = *ix.get(i)? as usize;
        let c = self.s[at..].chars().next()?;
        let mut buf = [0u16; 2];
        let units = c.encode_utf16(&mut buf);
        // The second unit of a surrogate pair shares its char's offset.
        let second = i > 0 && ix[i - 1] as usize == at;
        Some(units[usize::from(second && units.len() == 2)])
    }
    /// The UTF-16 code units `begin..end` as a string (Java's `substring`;
    /// a cut through a surrogate pair leaves U+FFFD, as Rust strings cannot
    /// hold a lone surrogate). None when out of range.
    pub fn utf16_substring(&self, begin: usize, end: usize) -> Option<String> {
        if begin > end {
            return None;
        }
        let walk = || {
            let units: Vec<u16> = self.s.encode_utf16().collect();
            units.get(begin..end).map(String::from_utf16_lossy)
        };
        let ix = match self.utf16_index() {
            Utf16Index::Ascii => return self.s.get(begin..end).map(str::to_string),
            Utf16Index::Walk => return walk(),
            Utf16Index::Table(ix) => ix,
        };
        if end > ix.len() {
            return None;
        }
        let starts_char = |i: usize| i == ix.len() || i == 0 || ix[i - 1] != ix[i];
        if starts_char(begin) && starts_char(end) {
            let off = |i: usize| ix.get(i).map_or(self.s.len(), |&o| o as usize);
            return Some(self.s[off(begin)..off(end)].to_string());
        }
        walk()
    }
    /// Length in UTF-16 code units, as Java's `String.length()` (and `count`).
    pub fn utf16_len(&self) -> usize {
        match self.utf16.get() {
            Some(Utf16Index::Ascii) => self.s.len(),
            Some(Utf16Index::Table(ix)) => ix.len(),
            _ => utf16_len(&self.s),
        }
    }
    /// The StringIndexOutOfBoundsException of `charAt(i)` out of range. Its
    /// message and frame depend on the string's internal coding: Latin-1
    /// (every char below U+0100) or UTF-16.
    pub fn char_at_error(&self, i: i64) -> super::error::Exception {
        use super::error::{ExClass, Exception};
        use super::jdk_frame;
        if self.s.chars().all(|c| u32::from(c) < 0x100) {
            Exception::new(
                ExClass::StringIndexOutOfBoundsException,
                format!("String index out of range: {i}"),
            )
            .at_jdk(jdk_frame::STRING_LATIN1_CHAR_AT)
        } else {
            Exception::new(
                ExClass::StringIndexOutOfBoundsException,
                format!("index {i}, length {}", self.utf16_len()),
            )
            .at_jdk(jdk_frame::STRING_CHECK_INDEX)
        }
    }
}

/// Length of `s` in UTF-16 code units (Java's `String.length()`); an ASCII
/// string's is its byte length.
pub fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.encode_utf16().count()
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
    fn utf16_indexing_matches_java() {
        // JVM: "a😀é" is a, \ud83d, \ude00, é; length 4.
        let st = Str::new("a😀é".to_string());
        let units: Vec<u16> = "a😀é".encode_utf16().collect();
        for (i, u) in units.iter().enumerate() {
            assert_eq!(st.unit_at(i), Some(*u), "unit {i}");
        }
        assert_eq!(st.unit_at(4), None);
        assert_eq!(st.utf16_len(), 4);
        assert_eq!(st.utf16_substring(1, 3).as_deref(), Some("😀"));
        assert_eq!(st.utf16_substring(3, 4).as_deref(), Some("é"));
        assert_eq!(st.utf16_substring(4, 4).as_deref(), Some(""));
        assert_eq!(st.utf16_substring(0, 1).as_deref(), Some("a"));
        // A cut through the pair: Rust strings hold no lone surrogate.
        assert_eq!(st.utf16_substring(0, 2).as_deref(), Some("a\u{fffd}"));
        assert_eq!(st.utf16_substring(2, 4).as_deref(), Some("\u{fffd}é"));
        assert_eq!(st.utf16_substring(2, 5), None);
        assert_eq!(st.utf16_substring(3, 2), None);
        let ascii = Str::new("hello".to_string());
        assert_eq!(ascii.unit_at(1), Some(u16::from(b'e')));
        assert_eq!(ascii.unit_at(5), None);
        assert_eq!(ascii.utf16_substring(1, 3).as_deref(), Some("el"));
        assert_eq!(ascii.utf16_substring(1, 6), None);
        assert_eq!(ascii.utf16_len(), 5);
    }

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
