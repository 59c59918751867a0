//! MapSeq: the lazy seq over any map or set (array map, hash map, tree map),
//! yielding map entries or keys. `(first m)` never materialises the map.

use super::HashMap;
use super::node::NodeCursor;
use crate::runtime::coll::sorted::TreeCursor;
use crate::runtime::gc::Ref;
use crate::runtime::value::Value;

/// What a map seq yields.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum SeqKeys {
    /// Map entries (`(seq m)`).
    Entries,
    /// Keys only (sets, `keys`): the JVM's APersistentMap$KeySeq.
    Keys,
    /// Values only (`vals`): APersistentMap$ValSeq.
    Vals,
}

#[derive(Clone)]
pub(crate) enum Cursor {
    Array {
        entries: Ref<Vec<(Value, Value)>>,
        i: usize,
    },
    Hash {
        /// The nil-key entry not yet consumed (JVM: a Cons in front).
        null_entry: Option<(Value, Value)>,
        /// None once only the nil entry is left.
        nodes: Option<NodeCursor>,
    },
    Tree(TreeCursor),
}

pub struct MapSeq {
    cursor: Cursor,
    keys: SeqKeys,
    meta: Option<Value>,
}

impl MapSeq {
    fn value(cursor: Cursor, keys: SeqKeys) -> Value {
        Value::from(Ref::new(MapSeq {
            cursor,
            keys,
            meta: None,
        }))
    }
    pub(crate) fn of_array(entries: &Ref<Vec<(Value, Value)>>, keys: SeqKeys) -> Value {
        if entries.is_empty() {
            return Value::NIL;
        }
        MapSeq::value(
            Cursor::Array {
                entries: entries.clone(),
                i: 0,
            },
            keys,
        )
    }
    pub(crate) fn of_hash(m: &HashMap, keys: SeqKeys) -> Value {
        let nodes = m.root.as_ref().and_then(NodeCursor::start);
        let null_entry = m.null_entry.clone();
        if nodes.is_none() && null_entry.is_none() {
            return Value::NIL;
        }
        MapSeq::value(Cursor::Hash { null_entry, nodes }, keys)
    }
    pub(crate) fn of_tree(c: Option<TreeCursor>, keys: SeqKeys) -> Value {
        match c {
            Some(c) => MapSeq::value(Cursor::Tree(c), keys),
            None => Value::NIL,
        }
    }

    fn entry(&self) -> Option<(&Value, &Value)> {
        match &self.cursor {
            Cursor::Array { entries, i } => entries.get(*i).map(|(k, v)| (k, v)),
            Cursor::Hash { null_entry, nodes } => match null_entry {
                Some((k, v)) => Some((k, v)),
                None => nodes.as_ref().and_then(|n| n.entry()),
            },
            Cursor::Tree(t) => Some(t.entry()),
        }
    }

    /// The current item: a MapEntry, a key or a value.
    pub fn first(&self) -> Value {
        match self.entry() {
            None => Value::NIL,
            Some((k, v)) => match self.keys {
                SeqKeys::Entries => Value::map_entry(k.clone(), v.clone()),
                SeqKeys::Keys => k.clone(),
                SeqKeys::Vals => v.clone(),
            },
        }
    }

    /// The seq after this item, or nil.
    pub fn next(&self) -> Value {
        let cursor = match &self.cursor {
            Cursor::Array { entries, i } => {
                if i + 1 >= entries.len() {
                    return Value::NIL;
                }
                Cursor::Array {
                    entries: entries.clone(),
                    i: i + 1,
                }
            }
            Cursor::Hash { null_entry, nodes } => {
                let nodes = if null_entry.is_some() {
                    nodes.clone()
                } else {
                    nodes.as_ref().and_then(|n| n.advance())
                };
                if nodes.is_none() {
                    return Value::NIL;
                }
                Cursor::Hash {
                    null_entry: None,
                    nodes,
                }
            }
            Cursor::Tree(t) => match t.advance() {
                Some(t) => Cursor::Tree(t),
                None => return Value::NIL,
            },
        };
        MapSeq::value(cursor, self.keys)
    }

    /// JVM class name, as `(class (seq m))` prints it.
    pub fn class_name(&self) -> &'static str {
        match (self.keys, &self.cursor) {
            (SeqKeys::Keys, _) => "clojure.lang.APersistentMap$KeySeq",
            (SeqKeys::Vals, _) => "clojure.lang.APersistentMap$ValSeq",
            (_, Cursor::Array { .. }) => "clojure.lang.PersistentArrayMap$Seq",
            (
                _,
                Cursor::Hash {
                    null_entry: Some(_),
                    ..
                },
            ) => "clojure.lang.Cons",
            (_, Cursor::Hash { .. }) => "clojure.lang.PersistentHashMap$NodeSeq",
            (_, Cursor::Tree(_)) => "clojure.lang.PersistentTreeMap$Seq",
        }
    }

    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    pub fn with_meta(&self, meta: Option<Value>) -> MapSeq {
        MapSeq {
            cursor: self.cursor.clone(),
            keys: self.keys,
            meta,
        }
    }
}
