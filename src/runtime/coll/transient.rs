//! Transient maps and sets: edited in place until `persistent!`, after which
//! every operation throws IllegalAccessError like the JVM.
//!
//! A transient array map grows into a NEW transient hash map at 8 entries
//! (JVM TransientArrayMap.doAssoc) and the old one stays as it was, so code
//! that ignores `assoc!`'s return value loses entries exactly as on the JVM.
//! The hash versions own their trie nodes alone, so `Ref::make_mut` edits
//! them in place (the JVM's edit token).

use super::array_map::{ARRAY_MAP_MAX, ArrayMap};
use super::hash_map::HashMap;
use super::hash_set::HashSet;
use crate::runtime::equality::equiv;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::hash::check_key;
use crate::runtime::value::Value;

fn used_after_persistent() -> Exception {
    Exception::new(
        ExClass::IllegalAccessError,
        "Transient used after persistent! call",
    )
}

enum MapState {
    Array {
        entries: Vec<(Value, Value)>,
        /// Entries it holds before growing: max(8, initial count).
        capacity: usize,
    },
    Hash(HashMap),
}

pub struct TransientMap {
    /// None after `persistent!`.
    state: Lock<Option<MapState>>,
    /// Remembered for the class name after `persistent!`.
    is_array: bool,
}

impl TransientMap {
    /// `(transient m)` of an array map: a TransientArrayMap.
    pub fn from_array_map(m: &ArrayMap) -> TransientMap {
        let entries = m.entries().to_vec();
        TransientMap {
            state: Lock::new(Some(MapState::Array {
                capacity: entries.len().max(ARRAY_MAP_MAX),
                entries,
            })),
            is_array: true,
        }
    }
    /// `(transient m)` of a hash map: a TransientHashMap sharing the trie
    /// until the first edit copies a path.
    pub fn from_hash_map(m: &HashMap) -> TransientMap {
        TransientMap::hash(m.with_meta(None))
    }
    fn hash(m: HashMap) -> TransientMap {
        TransientMap {
            state: Lock::new(Some(MapState::Hash(m))),
            is_array: false,
        }
    }
    pub fn is_array_map(&self) -> bool {
        self.is_array
    }
    /// JVM class name.
    pub fn class_name(&self) -> &'static str {
        if self.is_array {
            "clojure.lang.PersistentArrayMap$TransientArrayMap"
        } else {
            "clojure.lang.PersistentHashMap$TransientHashMap"
        }
    }
    /// `(assoc! t k v)`: None when `assoc!` returns this transient, or the
    /// new transient hash map an array map grows into past 8 entries.
    pub fn assoc(&self, k: Value, v: Value) -> Result<Option<Value>> {
        if !self.is_array {
            check_key(&k)?;
        } else if matches!(k.view(), crate::runtime::value::View::LazySeq(_)) {
            // TransientArrayMap.equalKey compares keyword keys by identity
            // and others by Util.equiv, which realises a LazySeq `k`.
            let others = match lock(&self.state).as_ref() {
                Some(MapState::Array { entries, .. }) => entries
                    .iter()
                    .filter(|(ek, _)| ek.as_keyword().is_none())
                    .count(),
                _ => 0,
            };
            crate::runtime::equality::realise_array_map_key(&k, others)?;
        }
        let mut st = lock(&self.state);
        match st.as_mut().ok_or_else(used_after_persistent)? {
            MapState::Array { entries, capacity } => {
                if let Some(e) = entries.iter_mut().find(|(ek, _)| equiv(ek, &k)) {
                    e.1 = v;
                } else if entries.len() >= *capacity {
                    let mut m = HashMap::from_pairs(entries.iter().cloned());
                    m.assoc_mut(k, v);
                    return Ok(Some(Value::from(Ref::new(TransientMap::hash(m)))));
                } else {
                    entries.push((k, v));
                }
            }
            MapState::Hash(m) => m.assoc_mut(k, v),
        }
        Ok(None)
    }
    /// `(dissoc! t k)`: an array map moves its last entry into the hole,
    /// as the JVM does.
    pub fn without(&self, k: &Value) -> Result<()> {
        if !self.is_array {
            check_key(k)?;
        }
        let mut st = lock(&self.state);
        match st.as_mut().ok_or_else(used_after_persistent)? {
            MapState::Array { entries, .. } => {
                if let Some(i) = entries.iter().position(|(ek, _)| equiv(ek, k)) {
                    entries.swap_remove(i);
                }
            }
            MapState::Hash(m) => {
                m.without_mut(k);
            }
        }
        Ok(())
    }
    pub fn count(&self) -> Result<usize> {
        match lock(&self.state)
            .as_ref()
            .ok_or_else(used_after_persistent)?
        {
            MapState::Array { entries, .. } => Ok(entries.len()),
            MapState::Hash(m) => Ok(m.count()),
        }
    }
    /// `(get t k)`; the value is cloned out of the locked state.
    pub fn get(&self, k: &Value) -> Result<Option<Value>> {
        if !self.is_array {
            check_key(k)?;
        }
        match lock(&self.state)
            .as_ref()
            .ok_or_else(used_after_persistent)?
        {
            MapState::Array { entries, .. } => Ok(entries
                .iter()
                .find(|(ek, _)| equiv(ek, k))
                .map(|(_, v)| v.clone())),
            MapState::Hash(m) => Ok(m.get(k).cloned()),
        }
    }
    pub fn contains_key(&self, k: &Value) -> Result<bool> {
        if !self.is_array {
            check_key(k)?;
        }
        match lock(&self.state)
            .as_ref()
            .ok_or_else(used_after_persistent)?
        {
            MapState::Array { entries, .. } => Ok(entries.iter().any(|(ek, _)| equiv(ek, k))),
            MapState::Hash(m) => Ok(m.contains_key(k)),
        }
    }
    /// `(persistent! t)`: the map (without metadata, as on the JVM); the
    /// transient is dead afterwards.
    pub fn persistent(&self) -> Result<Value> {
        match lock(&self.state).take().ok_or_else(used_after_persistent)? {
            MapState::Array { entries, .. } => {
                Ok(Value::from(Ref::new(ArrayMap::from_distinct(entries))))
            }
            MapState::Hash(m) => Ok(Value::from(Ref::new(m))),
        }
    }
}

pub struct TransientSet {
    /// None after `persistent!`.
    set: Lock<Option<HashSet>>,
}

impl TransientSet {
    pub fn new(s: &HashSet) -> TransientSet {
        TransientSet {
            set: Lock::new(Some(s.with_meta(None))),
        }
    }
    /// `(conj! t x)` (returns the transient itself).
    pub fn conj(&self, x: Value) -> Result<()> {
        check_key(&x)?;
        lock(&self.set)
            .as_mut()
            .ok_or_else(used_after_persistent)?
            .conj_mut(x);
        Ok(())
    }
    /// `(disj! t x)`.
    pub fn disj(&self, x: &Value) -> Result<()> {
        check_key(x)?;
        lock(&self.set)
            .as_mut()
            .ok_or_else(used_after_persistent)?
            .map
            .without_mut(x);
        Ok(())
    }
    pub fn count(&self) -> Result<usize> {
        Ok(lock(&self.set)
            .as_ref()
            .ok_or_else(used_after_persistent)?
            .count())
    }
    pub fn contains(&self, x: &Value) -> Result<bool> {
        check_key(x)?;
        Ok(lock(&self.set)
            .as_ref()
            .ok_or_else(used_after_persistent)?
            .contains(x))
    }
    pub fn get(&self, x: &Value) -> Result<Option<Value>> {
        Ok(lock(&self.set)
            .as_ref()
            .ok_or_else(used_after_persistent)?
            .get(x)
            .cloned())
    }
    /// `(persistent! t)`.
    pub fn persistent(&self) -> Result<Value> {
        let s = lock(&self.set).take().ok_or_else(used_after_persistent)?;
        Ok(Value::from(Ref::new(s)))
    }
}

impl Value {
    /// `(transient m)` for a map or set value; None for other types.
    pub fn transient_of(&self) -> Option<Value> {
        use crate::runtime::value::View;
        match self.view() {
            View::ArrayMap(m) => Some(Value::from(Ref::new(TransientMap::from_array_map(m)))),
            View::HashMap(m) => Some(Value::from(Ref::new(TransientMap::from_hash_map(m)))),
            View::HashSet(s) => Some(Value::from(Ref::new(TransientSet::new(s)))),
            _ => None,
        }
    }
}
