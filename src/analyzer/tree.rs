//! `Tree`: an analyzed top-level form. Owns its arena and constant table; the
//! tree-walker's closures keep it alive through a `Ref<Tree>`.

use super::node::{ConstId, FnNode};
use crate::runtime::value::Value;
use bumpalo::Bump;
use std::ptr::NonNull;

pub struct Tree {
    // Boxed so its address is stable; nodes point into its chunks.
    _bump: Box<Bump>,
    root: NonNull<FnNode<'static>>,
    consts: Vec<Value>,
}

// SAFETY: after `Tree::new` the arena is never allocated from or mutated
// again: nodes are only read (their `last_use` cells were written by the
// liveness pass before the tree was built). Reading immutable data from
// several threads is sound; the constant table holds `Value`s, which are
// Send + Sync under `threads`.
#[cfg(feature = "threads")]
unsafe impl Send for Tree {}
// SAFETY: see the `Send` impl above: shared access is read-only.
#[cfg(feature = "threads")]
unsafe impl Sync for Tree {}

impl Tree {
    /// Run `build` with a fresh arena; it returns the root fn (allocated in
    /// that arena) and the constant table.
    pub fn build<E>(
        build: impl for<'b> FnOnce(&'b Bump) -> Result<(&'b FnNode<'b>, Vec<Value>), E>,
    ) -> Result<Tree, E> {
        let bump = Box::new(Bump::new());
        let (root, consts) = build(&bump)?;
        let root = NonNull::from(root).cast::<FnNode<'static>>();
        Ok(Tree {
            _bump: bump,
            root,
            consts,
        })
    }
    /// The top-level form as a zero-argument fn.
    pub fn root(&self) -> &FnNode<'_> {
        // SAFETY: `root` points into `self._bump`, which lives as long as
        // `self` and never frees or moves its allocations; the returned
        // lifetime is tied to `&self`, so the nodes cannot outlive the arena.
        unsafe { self.root.cast::<FnNode<'_>>().as_ref() }
    }
    #[inline]
    pub fn constant(&self, id: ConstId) -> &Value {
        // ConstIds are only created by the analyzer that filled this table.
        &self.consts[id.0 as usize]
    }
    pub fn consts(&self) -> &[Value] {
        &self.consts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::node::{Arity, Node, NodeKind, Pos};

    #[test]
    fn tree_outlives_its_builder_scope() {
        let tree = Tree::build(|bump| {
            let body: &Node = bump.alloc(Node {
                kind: NodeKind::Const(ConstId(0)),
                pos: Pos::default(),
            });
            let arities = bump.alloc_slice_fill_iter([Arity {
                required: 0,
                variadic: false,
                frame_size: 0,
                body,
            }]);
            let root = bump.alloc(FnNode {
                name: None,
                debug_name: bump.alloc_str("user$fn"),
                arities,
                captures: &[],
                once: false,
                pos: Pos::default(),
            });
            Ok::<_, ()>((&*root, vec![Value::long(7)]))
        })
        .unwrap_or_else(|_| panic!("build failed"));
        let moved = Box::new(tree);
        let r = moved.root();
        assert_eq!(r.debug_name, "user$fn");
        match r.arities[0].body.kind {
            NodeKind::Const(c) => assert_eq!(moved.constant(c).as_long(), Some(7)),
            _ => panic!("wrong node"),
        }
    }
}
