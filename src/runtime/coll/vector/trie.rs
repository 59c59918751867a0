//! The 32-way trie + tail behind PersistentVector and TransientVector, laid
//! out like clojure.lang.PersistentVector (cnt, shift, root, tail).
//!
//! Every operation here edits in place through `Ref::make_mut`: a node is
//! copied only when someone else still holds it. That plays the role of the
//! JVM's `edit` owner token: a persistent op clones the `Trie` first (so every
//! node on the path is shared and gets path-copied), while a transient owns
//! its `Trie` and mutates the nodes it already copied without copying again.

use crate::runtime::gc::Ref;
use crate::runtime::value::Value;

pub(crate) const BITS: u32 = 5;
pub(crate) const WIDTH: usize = 1 << BITS;
pub(crate) const MASK: usize = WIDTH - 1;

/// A trie node. Branch children and leaf items fill from the left; a leaf in
/// the trie always holds exactly 32 items, the tail 1..=32 (0 when empty).
#[derive(Clone)]
pub(crate) enum Node {
    Branch(Vec<Ref<Node>>),
    Leaf(Vec<Value>),
}

impl Node {
    /// Leaf items (empty for a branch).
    #[inline]
    pub(crate) fn items(&self) -> &[Value] {
        match self {
            Node::Leaf(items) => items,
            Node::Branch(_) => &[],
        }
    }
    /// Branch children (empty for a leaf).
    #[inline]
    pub(crate) fn children(&self) -> &[Ref<Node>] {
        match self {
            Node::Branch(ch) => ch,
            Node::Leaf(_) => &[],
        }
    }
}

thread_local! {
    // Shared empty nodes so `[]` allocates only the Vector itself.
    static EMPTY_BRANCH: Ref<Node> = Ref::new(Node::Branch(Vec::new()));
    static EMPTY_LEAF: Ref<Node> = Ref::new(Node::Leaf(Vec::new()));
}

fn empty_branch() -> Ref<Node> {
    EMPTY_BRANCH.with(Ref::clone)
}

fn empty_leaf() -> Ref<Node> {
    EMPTY_LEAF.with(Ref::clone)
}

#[derive(Clone)]
pub(crate) struct Trie {
    pub(crate) cnt: usize,
    pub(crate) shift: u32,
    /// Always a `Node::Branch`.
    pub(crate) root: Ref<Node>,
    /// Always a `Node::Leaf` holding items `tail_off()..cnt`.
    pub(crate) tail: Ref<Node>,
}

impl Trie {
    pub(crate) fn empty() -> Trie {
        Trie {
            cnt: 0,
            shift: BITS,
            root: empty_branch(),
            tail: empty_leaf(),
        }
    }

    /// A trie of at most 32 items: all of them are the tail, taken as is
    /// (a vector literal allocates no node but this one).
    pub(crate) fn from_tail(mut items: Vec<Value>) -> Trie {
        debug_assert!(items.len() <= WIDTH);
        if items.is_empty() {
            return Trie::empty();
        }
        items.shrink_to_fit();
        Trie {
            cnt: items.len(),
            shift: BITS,
            root: empty_branch(),
            tail: Ref::new(Node::Leaf(items)),
        }
    }

    /// Index of the first item in the tail.
    #[inline]
    pub(crate) fn tail_off(&self) -> usize {
        if self.cnt < WIDTH {
            0
        } else {
            ((self.cnt - 1) >> BITS) << BITS
        }
    }

    /// The leaf (or tail) holding item i.
    #[inline]
    pub(crate) fn leaf_for(&self, i: usize) -> Option<&Ref<Node>> {
        if i >= self.cnt {
            return None;
        }
        if i >= self.tail_off() {
            return Some(&self.tail);
        }
        let mut node = &self.root;
        let mut level = self.shift;
        while level > 0 {
            node = node.children().get((i >> level) & MASK)?;
            level -= BITS;
        }
        Some(node)
    }

    /// The 32-item chunk holding item i (`arrayFor`).
    #[inline]
    pub(crate) fn array_for(&self, i: usize) -> Option<&[Value]> {
        self.leaf_for(i).map(|n| n.items())
    }

    #[inline]
    pub(crate) fn nth(&self, i: usize) -> Option<&Value> {
        self.array_for(i)?.get(i & MASK)
    }

    /// Append v. `edit` (transients) gives a fresh tail room for 32 items;
    /// persistent tails are allocated to their exact size.
    pub(crate) fn conj(&mut self, v: Value, edit: bool) {
        if self.cnt - self.tail_off() < WIDTH {
            push_leaf(&mut self.tail, v);
        } else {
            let mut items = Vec::with_capacity(if edit { WIDTH } else { 1 });
            items.push(v);
            let full = std::mem::replace(&mut self.tail, Ref::new(Node::Leaf(items)));
            if (self.cnt >> BITS) > (1usize << self.shift) {
                // Root overflow: the trie grows one level.
                let old = std::mem::replace(&mut self.root, empty_branch());
                self.root = Ref::new(Node::Branch(vec![old, new_path(self.shift, full)]));
                self.shift += BITS;
            } else {
                push_tail(self.cnt, self.shift, &mut self.root, full);
            }
        }
        self.cnt += 1;
    }

    /// Replace item i; false (and no change) when i >= count.
    pub(crate) fn assoc(&mut self, i: usize, v: Value) -> bool {
        if i >= self.cnt {
            return false;
        }
        if i >= self.tail_off() {
            if let Node::Leaf(items) = Ref::make_mut(&mut self.tail)
                && let Some(slot) = items.get_mut(i & MASK)
            {
                *slot = v;
            }
        } else {
            do_assoc(self.shift, &mut self.root, i, v);
        }
        true
    }

    /// Remove the last item; false on the empty trie.
    pub(crate) fn pop(&mut self) -> bool {
        if self.cnt == 0 {
            return false;
        }
        if self.cnt == 1 {
            *self = Trie::empty();
            return true;
        }
        if self.cnt - self.tail_off() > 1 {
            if let Node::Leaf(items) = Ref::make_mut(&mut self.tail) {
                items.pop();
            }
            self.cnt -= 1;
            return true;
        }
        // The tail held one item: the last leaf of the trie becomes the tail.
        let Some(new_tail) = self.leaf_for(self.cnt - 2).cloned() else {
            return false;
        };
        if pop_tail(self.cnt, self.shift, &mut self.root) {
            self.root = empty_branch();
        }
        if self.shift > BITS
            && let [only] = self.root.children()
        {
            let only = only.clone();
            self.root = only;
            self.shift -= BITS;
        }
        self.tail = new_tail;
        self.cnt -= 1;
        true
    }

    /// Drop spare tail capacity left by transient edits.
    pub(crate) fn shrink_tail(&mut self) {
        if let Some(Node::Leaf(items)) = Ref::get_mut(&mut self.tail) {
            items.shrink_to_fit();
        }
    }

    /// Items start..end in order, one trie walk per 32 items.
    pub(crate) fn iter_range(&self, start: usize, end: usize) -> Iter<'_> {
        Iter {
            trie: self,
            i: start,
            end: end.min(self.cnt),
            chunk: &[],
        }
    }
}

fn push_leaf(leaf: &mut Ref<Node>, v: Value) {
    if let Some(Node::Leaf(items)) = Ref::get_mut(leaf) {
        items.push(v);
        return;
    }
    let old = leaf.items();
    let mut items = Vec::with_capacity(old.len() + 1);
    items.extend_from_slice(old);
    items.push(v);
    *leaf = Ref::new(Node::Leaf(items));
}

/// A chain of single-child branches from `level` down to `node`.
fn new_path(level: u32, node: Ref<Node>) -> Ref<Node> {
    let mut node = node;
    let mut l = 0;
    while l < level {
        node = Ref::new(Node::Branch(vec![node]));
        l += BITS;
    }
    node
}

/// Hang the full tail into the trie under `parent` (cnt = count before the push).
fn push_tail(cnt: usize, level: u32, parent: &mut Ref<Node>, tail: Ref<Node>) {
    let subidx = ((cnt - 1) >> level) & MASK;
    let Node::Branch(children) = Ref::make_mut(parent) else {
        return;
    };
    if level == BITS {
        children.push(tail);
    } else if let Some(child) = children.get_mut(subidx) {
        push_tail(cnt, level - BITS, child, tail);
    } else {
        children.push(new_path(level - BITS, tail));
    }
}

fn do_assoc(level: u32, node: &mut Ref<Node>, i: usize, v: Value) {
    match Ref::make_mut(node) {
        Node::Leaf(items) => {
            if let Some(slot) = items.get_mut(i & MASK) {
                *slot = v;
            }
        }
        Node::Branch(children) => {
            if let Some(child) = children.get_mut((i >> level) & MASK) {
                do_assoc(level.saturating_sub(BITS), child, i, v);
            }
        }
    }
}

/// Remove the rightmost leaf under `node` (cnt = count before the pop).
/// Returns true when `node` is left without children.
fn pop_tail(cnt: usize, level: u32, node: &mut Ref<Node>) -> bool {
    let subidx = ((cnt - 2) >> level) & MASK;
    let Node::Branch(children) = Ref::make_mut(node) else {
        return true;
    };
    if level > BITS {
        let child_empty = match children.get_mut(subidx) {
            Some(child) => pop_tail(cnt, level - BITS, child),
            None => true,
        };
        if child_empty {
            children.truncate(subidx);
        }
    } else {
        children.truncate(subidx);
    }
    children.is_empty()
}

/// Iterator over a range of a trie.
pub struct Iter<'a> {
    trie: &'a Trie,
    i: usize,
    end: usize,
    chunk: &'a [Value],
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a Value;
    #[inline]
    fn next(&mut self) -> Option<&'a Value> {
        if self.i >= self.end {
            return None;
        }
        if self.chunk.is_empty() {
            self.chunk = self.trie.array_for(self.i)?.get(self.i & MASK..)?;
        }
        let (first, rest) = self.chunk.split_first()?;
        self.chunk = rest;
        self.i += 1;
        Some(first)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end.saturating_sub(self.i);
        (n, Some(n))
    }
}

impl ExactSizeIterator for Iter<'_> {}
