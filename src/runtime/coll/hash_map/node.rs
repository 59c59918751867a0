//! HAMT nodes laid out exactly like clojure.lang.PersistentHashMap's
//! BitmapIndexedNode, ArrayNode and HashCollisionNode, so a map iterates in
//! the JVM's order.
//!
//! Every operation edits a node in place; children are reached through
//! `Ref::make_mut`, which copies a child only when it is shared. A persistent
//! update therefore path-copies (the old map still holds the nodes), and a
//! transient that owns its nodes edits them in place: uniqueness plays the
//! role of the JVM's edit token.

use crate::runtime::equality::equiv;
use crate::runtime::gc::Ref;
use crate::runtime::hash::hasheq;
use crate::runtime::value::Value;

#[derive(Clone)]
pub(crate) enum Node {
    Bitmap(BitmapNode),
    Array(ArrayNode),
    Collision(CollisionNode),
}

#[derive(Clone)]
pub(crate) struct BitmapNode {
    pub(crate) bitmap: u32,
    pub(crate) slots: Vec<Slot>,
}

#[derive(Clone)]
pub(crate) enum Slot {
    Entry(Value, Value),
    Child(Ref<Node>),
}

#[derive(Clone)]
pub(crate) struct ArrayNode {
    /// Number of non-empty children.
    pub(crate) count: usize,
    /// Always 32 long.
    pub(crate) children: Vec<Option<Ref<Node>>>,
}

#[derive(Clone)]
pub(crate) struct CollisionNode {
    pub(crate) hash: i32,
    /// In insertion order, as the JVM's array.
    pub(crate) entries: Vec<(Value, Value)>,
}

/// What `without` did to a node.
#[derive(PartialEq, Eq, Debug)]
pub(crate) enum Removal {
    Absent,
    Done,
    /// The node lost its last entry; the parent drops it.
    Emptied,
}

/// `(hash >>> shift) & 0x1f`; Java masks the shift count, so does wrapping_shr.
#[inline]
fn mask(hash: i32, shift: u32) -> usize {
    ((hash as u32).wrapping_shr(shift) & 0x1f) as usize
}

#[inline]
fn bitpos(hash: i32, shift: u32) -> u32 {
    1u32 << mask(hash, shift)
}

impl BitmapNode {
    #[inline]
    fn index(&self, bit: u32) -> usize {
        (self.bitmap & bit.wrapping_sub(1)).count_ones() as usize
    }
}

impl Node {
    pub(crate) fn empty() -> Node {
        Node::Bitmap(BitmapNode {
            bitmap: 0,
            slots: Vec::new(),
        })
    }

    /// Look `key` up; `hash` is its hasheq.
    pub(crate) fn find<'a>(&'a self, hash: i32, key: &Value) -> Option<(&'a Value, &'a Value)> {
        let mut node = self;
        let mut shift = 0u32;
        loop {
            match node {
                Node::Bitmap(b) => {
                    let bit = bitpos(hash, shift);
                    if b.bitmap & bit == 0 {
                        return None;
                    }
                    match b.slots.get(b.index(bit))? {
                        Slot::Entry(k, v) => return equiv(key, k).then_some((k, v)),
                        Slot::Child(c) => node = c,
                    }
                }
                Node::Array(a) => match a.children.get(mask(hash, shift))? {
                    Some(c) => node = c,
                    None => return None,
                },
                Node::Collision(c) => {
                    return c
                        .entries
                        .iter()
                        .find(|(k, _)| equiv(key, k))
                        .map(|(k, v)| (k, v));
                }
            }
            shift += 5;
        }
    }

    /// Associate in place; sets `added` when the key was new. An existing
    /// key keeps its original key object (as the JVM does).
    pub(crate) fn assoc(
        &mut self,
        shift: u32,
        hash: i32,
        key: Value,
        val: Value,
        added: &mut bool,
    ) {
        match self {
            Node::Bitmap(b) => {
                let bit = bitpos(hash, shift);
                let idx = b.index(bit);
                if b.bitmap & bit != 0 {
                    let Some(slot) = b.slots.get_mut(idx) else {
                        return;
                    };
                    match slot {
                        Slot::Child(c) => Ref::make_mut(c).assoc(shift + 5, hash, key, val, added),
                        Slot::Entry(k, v) => {
                            if equiv(&key, k) {
                                *v = val;
                            } else {
                                *added = true;
                                let (k1, v1) = (k.clone(), v.clone());
                                *slot = Slot::Child(Ref::new(create_node(
                                    shift + 5,
                                    k1,
                                    v1,
                                    hash,
                                    key,
                                    val,
                                )));
                            }
                        }
                    }
                    return;
                }
                *added = true;
                if b.slots.len() >= 16 {
                    // A full bitmap node becomes an ArrayNode (JVM: n >= 16).
                    let mut children: Vec<Option<Ref<Node>>> = vec![None; 32];
                    let mut fresh = Node::empty();
                    let mut ignored = false;
                    fresh.assoc(shift + 5, hash, key, val, &mut ignored);
                    children[mask(hash, shift)] = Some(Ref::new(fresh));
                    let mut j = 0;
                    for (i, child) in children.iter_mut().enumerate() {
                        if (b.bitmap >> i) & 1 == 0 {
                            continue;
                        }
                        *child = match b.slots.get(j) {
                            Some(Slot::Child(c)) => Some(c.clone()),
                            Some(Slot::Entry(k, v)) => {
                                let mut n = Node::empty();
                                n.assoc(shift + 5, hasheq(k), k.clone(), v.clone(), &mut ignored);
                                Some(Ref::new(n))
                            }
                            None => None,
                        };
                        j += 1;
                    }
                    let count = b.slots.len() + 1;
                    *self = Node::Array(ArrayNode { count, children });
                } else {
                    b.slots.insert(idx, Slot::Entry(key, val));
                    b.bitmap |= bit;
                }
            }
            Node::Array(a) => {
                let idx = mask(hash, shift);
                let Some(child) = a.children.get_mut(idx) else {
                    return;
                };
                match child {
                    Some(c) => Ref::make_mut(c).assoc(shift + 5, hash, key, val, added),
                    None => {
                        let mut n = Node::empty();
                        n.assoc(shift + 5, hash, key, val, added);
                        *child = Some(Ref::new(n));
                        a.count += 1;
                    }
                }
            }
            Node::Collision(c) => {
                if hash == c.hash {
                    match c.entries.iter_mut().find(|(k, _)| equiv(&key, k)) {
                        Some(e) => e.1 = val,
                        None => {
                            *added = true;
                            c.entries.push((key, val));
                        }
                    }
                    return;
                }
                // Nest this collision node in a bitmap node, then add there.
                let me = std::mem::replace(self, Node::empty());
                let coll_hash = match &me {
                    Node::Collision(c) => c.hash,
                    _ => hash,
                };
                *self = Node::Bitmap(BitmapNode {
                    bitmap: bitpos(coll_hash, shift),
                    slots: vec![Slot::Child(Ref::new(me))],
                });
                self.assoc(shift, hash, key, val, added);
            }
        }
    }

    /// Remove `key` in place.
    pub(crate) fn without(&mut self, shift: u32, hash: i32, key: &Value) -> Removal {
        match self {
            Node::Bitmap(b) => {
                let bit = bitpos(hash, shift);
                if b.bitmap & bit == 0 {
                    return Removal::Absent;
                }
                let idx = b.index(bit);
                let drop_slot = match b.slots.get_mut(idx) {
                    None => return Removal::Absent,
                    Some(Slot::Child(c)) => match Ref::make_mut(c).without(shift + 5, hash, key) {
                        Removal::Absent => return Removal::Absent,
                        Removal::Done => return Removal::Done,
                        Removal::Emptied => true,
                    },
                    Some(Slot::Entry(k, _)) => {
                        if !equiv(key, k) {
                            return Removal::Absent;
                        }
                        true
                    }
                };
                if drop_slot {
                    if b.bitmap == bit {
                        return Removal::Emptied;
                    }
                    b.slots.remove(idx);
                    b.bitmap ^= bit;
                }
                Removal::Done
            }
            Node::Array(a) => {
                let idx = mask(hash, shift);
                let r = match a.children.get_mut(idx) {
                    Some(Some(c)) => Ref::make_mut(c).without(shift + 5, hash, key),
                    _ => return Removal::Absent,
                };
                if r != Removal::Emptied {
                    return r;
                }
                if a.count <= 8 {
                    // pack into a bitmap node of children (JVM ArrayNode.pack)
                    let mut bitmap = 0u32;
                    let mut slots = Vec::with_capacity(a.count.saturating_sub(1));
                    for (i, c) in a.children.iter().enumerate() {
                        if i == idx {
                            continue;
                        }
                        if let Some(c) = c {
                            bitmap |= 1 << i;
                            slots.push(Slot::Child(c.clone()));
                        }
                    }
                    *self = Node::Bitmap(BitmapNode { bitmap, slots });
                } else {
                    if let Some(c) = a.children.get_mut(idx) {
                        *c = None;
                    }
                    a.count -= 1;
                }
                Removal::Done
            }
            Node::Collision(c) => {
                let Some(i) = c.entries.iter().position(|(k, _)| equiv(key, k)) else {
                    return Removal::Absent;
                };
                if c.entries.len() == 1 {
                    return Removal::Emptied;
                }
                c.entries.remove(i);
                Removal::Done
            }
        }
    }
}

/// JVM createNode: two entries whose hashes agree up to `shift`.
fn create_node(shift: u32, k1: Value, v1: Value, h2: i32, k2: Value, v2: Value) -> Node {
    let h1 = hasheq(&k1);
    if h1 == h2 {
        return Node::Collision(CollisionNode {
            hash: h1,
            entries: vec![(k1, v1), (k2, v2)],
        });
    }
    let mut n = Node::empty();
    let mut ignored = false;
    n.assoc(shift, h1, k1, v1, &mut ignored);
    n.assoc(shift, h2, k2, v2, &mut ignored);
    n
}

/// Borrowing in-order iterator over a node tree.
pub(crate) struct NodeIter<'a> {
    /// (node, position); the top points at the next entry once settled.
    stack: Vec<(&'a Node, usize)>,
}

impl<'a> NodeIter<'a> {
    pub(crate) fn new(root: Option<&'a Node>) -> NodeIter<'a> {
        NodeIter {
            stack: root.map(|r| vec![(r, 0)]).unwrap_or_default(),
        }
    }
}

impl<'a> Iterator for NodeIter<'a> {
    type Item = (&'a Value, &'a Value);
    fn next(&mut self) -> Option<(&'a Value, &'a Value)> {
        loop {
            let (node, i) = *self.stack.last()?;
            let step = match node {
                Node::Bitmap(b) => match b.slots.get(i) {
                    None => None,
                    Some(Slot::Entry(k, v)) => {
                        bump(&mut self.stack);
                        return Some((k, v));
                    }
                    Some(Slot::Child(c)) => Some(&**c),
                },
                Node::Array(a) => match a.children.iter().skip(i).position(|c| c.is_some()) {
                    None => None,
                    Some(off) => {
                        if let Some(top) = self.stack.last_mut() {
                            top.1 = i + off;
                        }
                        a.children.get(i + off).and_then(|c| c.as_deref())
                    }
                },
                Node::Collision(c) => match c.entries.get(i) {
                    None => None,
                    Some((k, v)) => {
                        bump(&mut self.stack);
                        return Some((k, v));
                    }
                },
            };
            match step {
                // descend; the parent's index moves past this child now
                Some(child) => {
                    bump(&mut self.stack);
                    self.stack.push((child, 0));
                }
                None => {
                    self.stack.pop();
                }
            }
        }
    }
}

#[inline]
fn bump<T>(stack: &mut [(T, usize)]) {
    if let Some(top) = stack.last_mut() {
        top.1 += 1;
    }
}

/// Owning cursor used by the lazy map seq: a path of (node, position) where
/// the top always points at an entry (or the stack is empty).
#[derive(Clone)]
pub(crate) struct NodeCursor {
    stack: Vec<(Ref<Node>, usize)>,
}

impl NodeCursor {
    /// Cursor at the first entry, or None for an empty tree.
    pub(crate) fn start(root: &Ref<Node>) -> Option<NodeCursor> {
        let mut c = NodeCursor {
            stack: vec![(root.clone(), 0)],
        };
        c.settle();
        (!c.stack.is_empty()).then_some(c)
    }

    pub(crate) fn entry(&self) -> Option<(&Value, &Value)> {
        let (node, i) = self.stack.last()?;
        match &**node {
            Node::Bitmap(b) => match b.slots.get(*i) {
                Some(Slot::Entry(k, v)) => Some((k, v)),
                _ => None,
            },
            Node::Collision(c) => c.entries.get(*i).map(|(k, v)| (k, v)),
            Node::Array(_) => None,
        }
    }

    /// Cursor at the following entry, or None at the end.
    pub(crate) fn advance(&self) -> Option<NodeCursor> {
        let mut c = self.clone();
        bump(&mut c.stack);
        c.settle();
        (!c.stack.is_empty()).then_some(c)
    }

    /// Move forward (from the current position inclusive) to an entry.
    fn settle(&mut self) {
        loop {
            let Some((node, i)) = self.stack.last() else {
                return;
            };
            let i = *i;
            let child: Option<Ref<Node>> = match &**node {
                Node::Bitmap(b) => match b.slots.get(i) {
                    None => None,
                    Some(Slot::Entry(..)) => return,
                    Some(Slot::Child(c)) => Some(c.clone()),
                },
                Node::Array(a) => match a.children.iter().skip(i).position(|c| c.is_some()) {
                    None => None,
                    Some(off) => {
                        let c = a.children.get(i + off).and_then(|c| c.clone());
                        if let Some(top) = self.stack.last_mut() {
                            top.1 = i + off;
                        }
                        c
                    }
                },
                Node::Collision(c) => {
                    if i < c.entries.len() {
                        return;
                    }
                    None
                }
            };
            match child {
                Some(c) => self.stack.push((c, 0)),
                None => {
                    self.stack.pop();
                    bump(&mut self.stack);
                }
            }
        }
    }
}
