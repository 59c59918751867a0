//! Interned keywords and symbols.
//!
//! Keywords are interned: one `Ref<Keyword>` per name, equality is pointer
//! equality. Symbols carry metadata, so the symbol object is not unique, but its
//! name record (`SymName`) is interned and equality compares those pointers.

use super::gc::Ref;
use super::hash::{hash_combine, hash_unencoded_chars};
use super::string::java_string_hash;
use super::value::Value;

/// An interned `ns/name` pair with its Clojure hash.
pub struct SymName {
    ns: Option<Box<str>>,
    name: Box<str>,
    hash: i32,
}

impl SymName {
    fn new(ns: Option<&str>, name: &str) -> SymName {
        // Symbol.hasheq: hashCombine(hashUnencodedChars(name), Util.hash(ns))
        let ns_hash = ns.map(java_string_hash).unwrap_or(0);
        SymName {
            ns: ns.map(Into::into),
            name: name.into(),
            hash: hash_combine(hash_unencoded_chars(name), ns_hash),
        }
    }
}

pub struct Keyword {
    sym: Ref<SymName>,
}

pub struct Symbol {
    sym: Ref<SymName>,
    meta: Option<Value>,
}

type NameKey = (Option<Box<str>>, Box<str>);

/// The interning tables. Under `threads` they are process-wide; without it
/// `Ref` is `Rc` (not `Sync`), so each thread has its own (there is only one).
struct Tables {
    names: ahash::AHashMap<NameKey, Ref<SymName>>,
    keywords: ahash::AHashMap<NameKey, Ref<Keyword>>,
    symbols: ahash::AHashMap<NameKey, Ref<Symbol>>,
}

impl Tables {
    fn new() -> Tables {
        Tables {
            names: ahash::AHashMap::new(),
            keywords: ahash::AHashMap::new(),
            symbols: ahash::AHashMap::new(),
        }
    }
    fn name(&mut self, ns: Option<&str>, name: &str) -> Ref<SymName> {
        let key: NameKey = (ns.map(Into::into), name.into());
        self.names
            .entry(key)
            .or_insert_with(|| Ref::new(SymName::new(ns, name)))
            .clone()
    }
}

super::gc::global_state!(with_tables: Tables = Tables::new());

impl Keyword {
    /// The keyword if it has been interned (`find-keyword`).
    pub fn find(ns: Option<&str>, name: &str) -> Option<Ref<Keyword>> {
        with_tables(|t| {
            let key: NameKey = (ns.map(Into::into), name.into());
            t.keywords.get(&key).cloned()
        })
    }
    pub fn intern(ns: Option<&str>, name: &str) -> Ref<Keyword> {
        with_tables(|t| {
            let key: NameKey = (ns.map(Into::into), name.into());
            if let Some(k) = t.keywords.get(&key) {
                return k.clone();
            }
            let sym = t.name(ns, name);
            let k = Ref::new(Keyword { sym });
            t.keywords.insert(key, k.clone());
            k
        })
    }
    pub fn ns(&self) -> Option<&str> {
        self.sym.ns.as_deref()
    }
    pub fn name(&self) -> &str {
        &self.sym.name
    }
    /// Keyword.hasheq: the symbol's hash + 0x9e3779b9.
    pub fn hash(&self) -> i32 {
        self.sym.hash.wrapping_add(0x9e3779b9u32 as i32)
    }
    /// The symbol with the same namespace and name.
    pub fn to_symbol(&self) -> Ref<Symbol> {
        Symbol::intern(self.ns(), self.name())
    }
}

impl Symbol {
    /// The canonical (metadata-free) symbol `ns/name`.
    pub fn intern(ns: Option<&str>, name: &str) -> Ref<Symbol> {
        with_tables(|t| {
            let key: NameKey = (ns.map(Into::into), name.into());
            if let Some(s) = t.symbols.get(&key) {
                return s.clone();
            }
            let sym = t.name(ns, name);
            let s = Ref::new(Symbol { sym, meta: None });
            t.symbols.insert(key, s.clone());
            s
        })
    }
    /// Parse `ns/name` (a lone `/` is the symbol named "/").
    pub fn parse(full: &str) -> Ref<Symbol> {
        match split_ns(full) {
            (Some(ns), name) => Symbol::intern(Some(ns), name),
            (None, name) => Symbol::intern(None, name),
        }
    }
    pub fn ns(&self) -> Option<&str> {
        self.sym.ns.as_deref()
    }
    pub fn name(&self) -> &str {
        &self.sym.name
    }
    pub fn hash(&self) -> i32 {
        self.sym.hash
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    /// The same symbol with other metadata (`with-meta`).
    pub fn with_meta(&self, meta: Option<Value>) -> Ref<Symbol> {
        Ref::new(Symbol {
            sym: self.sym.clone(),
            meta,
        })
    }
    /// Same namespace and name (metadata is ignored, as in Clojure).
    #[inline]
    pub fn same(&self, other: &Symbol) -> bool {
        Ref::ptr_eq(&self.sym, &other.sym)
    }
    pub fn is(&self, ns: Option<&str>, name: &str) -> bool {
        self.ns() == ns && self.name() == name
    }
}

impl Keyword {
    #[inline]
    pub fn same(&self, other: &Keyword) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Compiler.specials: the special forms (`special-symbol?`; syntax-quote
/// leaves them unqualified). As on the JVM, `import*` is special only as
/// `clojure.core/import*`.
pub const SPECIAL_FORMS: &[&str] = &[
    "def",
    "loop*",
    "recur",
    "if",
    "case*",
    "let*",
    "letfn*",
    "do",
    "fn*",
    "quote",
    "var",
    "clojure.core/import*",
    ".",
    "set!",
    "deftype*",
    "reify*",
    "try",
    "throw",
    "monitor-enter",
    "monitor-exit",
    "catch",
    "finally",
    "new",
    "&",
];

impl Symbol {
    /// Is this symbol one of `SPECIAL_FORMS`?
    pub fn is_special(&self) -> bool {
        SPECIAL_FORMS.iter().any(|f| match f.split_once('/') {
            Some((ns, n)) if !n.is_empty() => self.ns() == Some(ns) && self.name() == n,
            _ => self.ns().is_none() && self.name() == *f,
        })
    }
}

/// Split `ns/name` at the first slash that leaves both parts non-empty;
/// `/` and `foo` have no namespace.
pub fn split_ns(full: &str) -> (Option<&str>, &str) {
    if full == "/" {
        return (None, full);
    }
    match full.find('/') {
        Some(i) if i > 0 && i + 1 < full.len() => (Some(&full[..i]), &full[i + 1..]),
        _ => (None, full),
    }
}

impl std::fmt::Display for Keyword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.ns() {
            Some(ns) => write!(f, ":{}/{}", ns, self.name()),
            None => write!(f, ":{}", self.name()),
        }
    }
}

impl std::fmt::Display for Symbol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.ns() {
            Some(ns) => write!(f, "{}/{}", ns, self.name()),
            None => write!(f, "{}", self.name()),
        }
    }
}

/// Compiler.CHAR_MAP: the character -> name table munge uses.
pub const CHAR_MAP: &[(char, &str)] = &[
    ('-', "_"),
    (':', "_COLON_"),
    ('+', "_PLUS_"),
    ('>', "_GT_"),
    ('<', "_LT_"),
    ('=', "_EQ_"),
    ('~', "_TILDE_"),
    ('!', "_BANG_"),
    ('@', "_CIRCA_"),
    ('#', "_SHARP_"),
    ('\'', "_SINGLEQUOTE_"),
    ('"', "_DOUBLEQUOTE_"),
    ('%', "_PERCENT_"),
    ('^', "_CARET_"),
    ('&', "_AMPERSAND_"),
    ('*', "_STAR_"),
    ('|', "_BAR_"),
    ('{', "_LBRACE_"),
    ('}', "_RBRACE_"),
    ('[', "_LBRACK_"),
    (']', "_RBRACK_"),
    ('/', "_SLASH_"),
    ('\\', "_BSLASH_"),
    ('?', "_QMARK_"),
];

/// Compiler.munge.
pub fn munge(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match CHAR_MAP.iter().find(|(k, _)| *k == c) {
            Some((_, rep)) => out.push_str(rep),
            None => out.push(c),
        }
    }
    out
}

/// Compiler.demunge: the longest munged name at each point back to its
/// character, and a lone `_` to `-`.
pub fn demunge(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        let hit = CHAR_MAP
            .iter()
            .filter(|(_, m)| m.len() > 1 && rest.starts_with(m))
            .max_by_key(|(_, m)| m.len());
        if let Some((c, m)) = hit {
            out.push(*c);
            rest = &rest[m.len()..];
        } else {
            let c = rest.chars().next().unwrap_or('_');
            out.push(if c == '_' { '-' } else { c });
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn interned_and_hashed_like_jvm() {
        let a = Keyword::intern(None, "a");
        let b = Keyword::intern(None, "a");
        assert!(Ref::ptr_eq(&a, &b));
        // JVM: (hash :a) -2123407586, (hash 'a) -482876059,
        // (hash 'a/b) -1172211204, (hash :a/b) 1482224565
        assert_eq!(a.hash(), -2123407586);
        assert_eq!(Symbol::intern(None, "a").hash(), -482876059);
        assert_eq!(Symbol::intern(Some("a"), "b").hash(), -1172211204);
        assert_eq!(Keyword::intern(Some("a"), "b").hash(), 1482224565);
        let s = Symbol::intern(None, "x");
        let m = s.with_meta(Some(Value::long(1)));
        assert!(s.same(&m));
        assert_eq!(split_ns("a/b/c"), (Some("a"), "b/c"));
        assert_eq!(split_ns("/"), (None, "/"));
    }
}
