//! `Tree`: an analyzed top-level form. Owns its arena and constant table; the
//! tree-walker's closures keep it alive through a `Ref<Tree>`.

use super::node::{ConstId, FnNode};
use crate::runtime::value::Value;
use bumpalo::Bump;

/// What an analysis run produces inside the arena.
pub struct Built<'b> {
    pub root: &'b FnNode<'b>,
    pub fns: Vec<&'b FnNode<'b>>,
    pub consts: Vec<Value>,
}
use std::ptr::NonNull;

pub struct Tree {
    // Boxed so its address is stable; nodes point into its chunks.
    _bump: Box<Bump>,
    root: NonNull<FnNode<'static>>,
    /// Every fn node of the tree by id (the root included).
    fns: Vec<NonNull<FnNode<'static>>>,
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
    /// `build` returns the root, every fn node indexed by its id, and the
    /// constant table.
    pub fn build<E>(
        build: impl for<'b> FnOnce(&'b Bump) -> Result<Built<'b>, E>,
    ) -> Result<Tree, E> {
        let bump = Box::new(Bump::new());
        let (root, fns, consts) = {
            let Built { root, fns, consts } = build(&bump)?;
            let root = NonNull::from(root).cast::<FnNode<'static>>();
            let fns: Vec<NonNull<FnNode<'static>>> = fns
                .into_iter()
                .map(|f| NonNull::from(f).cast::<FnNode<'static>>())
                .collect();
            (root, fns, consts)
        };
        Ok(Tree {
            _bump: bump,
            root,
            fns,
            consts,
        })
    }

    /// The fn node with this id.
    pub fn fn_node(&self, id: u32) -> Option<&FnNode<'_>> {
        let p = self.fns.get(id as usize)?;
        // SAFETY: as for `root`: every pointer in `fns` points into
        // `self._bump`, alive and unmoved for as long as `self`.
        Some(unsafe { p.cast::<FnNode<'_>>().as_ref() })
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
                id: 0,
                name: None,
                debug_name: bump.alloc_str("user$fn"),
                arities,
                captures: &[],
                once: false,
                pos: Pos::default(),
                file: None,
            });
            let root: &FnNode = root;
            Ok::<_, ()>(Built {
                root,
                fns: vec![root],
                consts: vec![Value::long(7)],
            })
        })
        .unwrap_or_else(|_| panic!("build failed"));
        let moved = Box::new(tree);
        let r = moved.root();
        assert_eq!(r.debug_name, "user$fn");
        assert!(moved.fn_node(0).is_some_and(|f| f.id == 0));
        assert!(moved.fn_node(1).is_none());
        match r.arities[0].body.kind {
            NodeKind::Const(c) => assert_eq!(moved.constant(c).as_long(), Some(7)),
            _ => panic!("wrong node"),
        }
    }
}
