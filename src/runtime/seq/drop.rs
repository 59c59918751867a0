//! Iterative destruction of seq chains.
//!
//! A realised lazy seq is a chain LazySeq -> Cons -> LazySeq -> ...; cached
//! `next` links make ranges, repeats, iterates and cycles chains too. Dropping
//! such a chain recursively would overflow the Rust stack after ~100k links,
//! so each node's `Drop` moves its tail values onto a worklist, and the
//! worklist dismantles every node it owns uniquely before it drops.

use crate::runtime::gc::into_inner;
use crate::runtime::value::{Repr, Value};

/// A seq node whose tail links can be moved out before it drops.
pub(super) trait Tails {
    /// Move every tail (rest/next/cached link) into `out`, leaving nil behind.
    fn take_tails(&mut self, out: &mut Vec<Value>);
}

/// Hand a detached tail to the worklist. Only a chain node held nowhere
/// else needs dismantling; anything else is released here at once (one
/// count decrement, or a shallow drop), so most drops allocate no worklist.
/// (Should another thread drop its last other reference meanwhile, that
/// node's own `Drop` dismantles its chain: still constant depth.)
#[inline]
pub(super) fn push_tail(out: &mut Vec<Value>, v: Value) {
    use crate::runtime::gc::Ref;
    let unique = match &v.0 {
        Repr::Cons(r) => Ref::strong_count(r) == 1,
        Repr::LazySeq(r) => Ref::strong_count(r) == 1,
        Repr::ChunkedCons(r) => Ref::strong_count(r) == 1,
        Repr::LongRange(r) => Ref::strong_count(r) == 1,
        Repr::Range(r) => Ref::strong_count(r) == 1,
        Repr::Repeat(r) => Ref::strong_count(r) == 1,
        Repr::Iterate(r) => Ref::strong_count(r) == 1,
        Repr::Cycle(r) => Ref::strong_count(r) == 1,
        _ => false,
    };
    if unique {
        out.push(v);
    }
}

/// Called by each node's `Drop`: detach its tails and free them iteratively.
pub(super) fn drop_tails<T: Tails>(node: &mut T) {
    let mut stack = Vec::new();
    node.take_tails(&mut stack);
    while let Some(v) = stack.pop() {
        dismantle(v, &mut stack);
    }
}

/// If `v` is the last reference to a chain node, move its tails into `out`
/// (so the node itself then drops in constant depth); otherwise just release
/// this reference.
fn dismantle(v: Value, out: &mut Vec<Value>) {
    match v.into_repr() {
        Repr::Cons(r) => {
            if let Some(mut n) = into_inner(r) {
                n.take_tails(out);
            }
        }
        Repr::LazySeq(r) => {
            if let Some(mut n) = into_inner(r) {
                n.take_tails(out);
            }
        }
        Repr::ChunkedCons(r) => {
            if let Some(mut n) = into_inner(r) {
                n.take_tails(out);
            }
        }
        Repr::LongRange(r) => {
            if let Some(mut n) = into_inner(r) {
                n.take_tails(out);
            }
        }
        Repr::Range(r) => {
            if let Some(mut n) = into_inner(r) {
                n.take_tails(out);
            }
        }
        Repr::Repeat(r) => {
            if let Some(mut n) = into_inner(r) {
                n.take_tails(out);
            }
        }
        Repr::Iterate(r) => {
            if let Some(mut n) = into_inner(r) {
                n.take_tails(out);
            }
        }
        Repr::Cycle(r) => {
            if let Some(mut n) = into_inner(r) {
                n.take_tails(out);
            }
        }
        // Lists free themselves iteratively; everything else is shallow.
        _ => {}
    }
}
