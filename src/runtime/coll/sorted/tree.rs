//! The persistent red-black tree of clojure.lang.PersistentTreeMap: the same
//! insertion (balanceLeft/balanceRight) and deletion (append,
//! balanceLeftDel/balanceRightDel) cases, so comparator calls happen in the
//! same order as on the JVM.

use super::Comparator;
use crate::runtime::error::Result;
use crate::runtime::gc::Ref;
use crate::runtime::value::Value;
use std::cmp::Ordering;

pub(crate) type Link = Option<Ref<TreeNode>>;

pub(crate) struct TreeNode {
    pub(crate) key: Value,
    pub(crate) val: Value,
    pub(crate) left: Link,
    pub(crate) right: Link,
    pub(crate) red: bool,
}

fn node(red: bool, key: &Value, val: &Value, left: Link, right: Link) -> Ref<TreeNode> {
    Ref::new(TreeNode {
        key: key.clone(),
        val: val.clone(),
        left,
        right,
        red,
    })
}
fn red(key: &Value, val: &Value, left: Link, right: Link) -> Ref<TreeNode> {
    node(true, key, val, left, right)
}
fn black(key: &Value, val: &Value, left: Link, right: Link) -> Ref<TreeNode> {
    node(false, key, val, left, right)
}
fn is_red(l: &Link) -> bool {
    l.as_ref().is_some_and(|n| n.red)
}
fn is_black(l: &Link) -> bool {
    l.as_ref().is_some_and(|n| !n.red)
}
pub(crate) fn blacken(n: &Ref<TreeNode>) -> Ref<TreeNode> {
    if n.red {
        black(&n.key, &n.val, n.left.clone(), n.right.clone())
    } else {
        n.clone()
    }
}
fn blacken_link(l: &Link) -> Link {
    l.as_ref().map(blacken)
}
/// Only called on black nodes in a valid tree (the JVM throws "Invariant
/// violation" otherwise; we keep the node as is).
fn redden(l: &Link) -> Link {
    l.as_ref().map(|n| {
        debug_assert!(!n.red, "red-black invariant violation");
        red(&n.key, &n.val, n.left.clone(), n.right.clone())
    })
}
fn left_of(l: &Link) -> Link {
    l.as_ref().and_then(|n| n.left.clone())
}
fn right_of(l: &Link) -> Link {
    l.as_ref().and_then(|n| n.right.clone())
}

pub(crate) enum Added {
    /// The key is present already.
    Found,
    Node(Ref<TreeNode>),
}

/// JVM PersistentTreeMap.add (the result still needs blacken at the root).
pub(crate) fn add(t: &Link, key: &Value, val: &Value, cmp: &Comparator) -> Result<Added> {
    let Some(t) = t else {
        if let Comparator::Default = cmp {
            crate::runtime::compare::check_default_comparable(key)?;
        }
        return Ok(Added::Node(red(key, val, None, None)));
    };
    let c = cmp.compare(key, &t.key)?;
    if c == Ordering::Equal {
        return Ok(Added::Found);
    }
    let child = if c == Ordering::Less {
        &t.left
    } else {
        &t.right
    };
    let ins = match add(child, key, val, cmp)? {
        Added::Found => return Ok(Added::Found),
        Added::Node(n) => n,
    };
    Ok(Added::Node(if c == Ordering::Less {
        if t.red {
            red(&t.key, &t.val, Some(ins), t.right.clone())
        } else {
            balance_left(&ins, t)
        }
    } else if t.red {
        red(&t.key, &t.val, t.left.clone(), Some(ins))
    } else {
        balance_right(&ins, t)
    }))
}

/// `ins.balanceLeft(parent)`.
fn balance_left(ins: &Ref<TreeNode>, parent: &TreeNode) -> Ref<TreeNode> {
    if ins.red {
        if let (true, Some(l)) = (is_red(&ins.left), &ins.left) {
            return red(
                &ins.key,
                &ins.val,
                Some(blacken(l)),
                Some(black(
                    &parent.key,
                    &parent.val,
                    ins.right.clone(),
                    parent.right.clone(),
                )),
            );
        }
        if let (true, Some(r)) = (is_red(&ins.right), &ins.right) {
            return red(
                &r.key,
                &r.val,
                Some(black(&ins.key, &ins.val, ins.left.clone(), r.left.clone())),
                Some(black(
                    &parent.key,
                    &parent.val,
                    r.right.clone(),
                    parent.right.clone(),
                )),
            );
        }
    }
    black(
        &parent.key,
        &parent.val,
        Some(ins.clone()),
        parent.right.clone(),
    )
}

/// `ins.balanceRight(parent)`.
fn balance_right(ins: &Ref<TreeNode>, parent: &TreeNode) -> Ref<TreeNode> {
    if ins.red {
        if let (true, Some(r)) = (is_red(&ins.right), &ins.right) {
            return red(
                &ins.key,
                &ins.val,
                Some(black(
                    &parent.key,
                    &parent.val,
                    parent.left.clone(),
                    ins.left.clone(),
                )),
                Some(blacken(r)),
            );
        }
        if let (true, Some(l)) = (is_red(&ins.left), &ins.left) {
            return red(
                &l.key,
                &l.val,
                Some(black(
                    &parent.key,
                    &parent.val,
                    parent.left.clone(),
                    l.left.clone(),
                )),
                Some(black(
                    &ins.key,
                    &ins.val,
                    l.right.clone(),
                    ins.right.clone(),
                )),
            );
        }
    }
    black(
        &parent.key,
        &parent.val,
        parent.left.clone(),
        Some(ins.clone()),
    )
}

/// Replace the value of a key known to be present; keys keep their object.
pub(crate) fn replace(
    t: &Ref<TreeNode>,
    key: &Value,
    val: &Value,
    cmp: &Comparator,
) -> Result<Ref<TreeNode>> {
    let c = cmp.compare(key, &t.key)?;
    let left = match (&t.left, c) {
        (Some(l), Ordering::Less) => Some(replace(l, key, val, cmp)?),
        (l, _) => l.clone(),
    };
    let right = match (&t.right, c) {
        (Some(r), Ordering::Greater) => Some(replace(r, key, val, cmp)?),
        (r, _) => r.clone(),
    };
    let v = if c == Ordering::Equal { val } else { &t.val };
    Ok(node(t.red, &t.key, v, left, right))
}

/// JVM PersistentTreeMap.remove: None when the key is absent, else the new
/// subtree (which may be empty).
pub(crate) fn remove(t: &Link, key: &Value, cmp: &Comparator) -> Result<Option<Link>> {
    let Some(t) = t else {
        return Ok(None);
    };
    let c = cmp.compare(key, &t.key)?;
    if c == Ordering::Equal {
        return Ok(Some(append(&t.left, &t.right)));
    }
    let child = if c == Ordering::Less {
        &t.left
    } else {
        &t.right
    };
    let Some(del) = remove(child, key, cmp)? else {
        return Ok(None);
    };
    Ok(Some(Some(if c == Ordering::Less {
        if is_black(&t.left) {
            balance_left_del(&t.key, &t.val, &del, &t.right)
        } else {
            red(&t.key, &t.val, del, t.right.clone())
        }
    } else if is_black(&t.right) {
        balance_right_del(&t.key, &t.val, &t.left, &del)
    } else {
        red(&t.key, &t.val, t.left.clone(), del)
    })))
}

fn append(left: &Link, right: &Link) -> Link {
    let (Some(l), Some(r)) = (left, right) else {
        return left.clone().or_else(|| right.clone());
    };
    Some(if l.red {
        if r.red {
            let app = append(&l.right, &r.left);
            match &app {
                Some(a) if a.red => red(
                    &a.key,
                    &a.val,
                    Some(red(&l.key, &l.val, l.left.clone(), a.left.clone())),
                    Some(red(&r.key, &r.val, a.right.clone(), r.right.clone())),
                ),
                _ => red(
                    &l.key,
                    &l.val,
                    l.left.clone(),
                    Some(red(&r.key, &r.val, app, r.right.clone())),
                ),
            }
        } else {
            red(&l.key, &l.val, l.left.clone(), append(&l.right, right))
        }
    } else if r.red {
        red(&r.key, &r.val, append(left, &r.left), r.right.clone())
    } else {
        let app = append(&l.right, &r.left);
        match &app {
            Some(a) if a.red => red(
                &a.key,
                &a.val,
                Some(black(&l.key, &l.val, l.left.clone(), a.left.clone())),
                Some(black(&r.key, &r.val, a.right.clone(), r.right.clone())),
            ),
            _ => balance_left_del(
                &l.key,
                &l.val,
                &l.left,
                &Some(black(&r.key, &r.val, app, r.right.clone())),
            ),
        }
    })
}

fn balance_left_del(key: &Value, val: &Value, del: &Link, right: &Link) -> Ref<TreeNode> {
    if is_red(del) {
        red(key, val, blacken_link(del), right.clone())
    } else if is_black(right) {
        right_balance(key, val, del, &redden(right))
    } else if is_red(right) && is_black(&left_of(right)) {
        let rl = left_of(right);
        let (rlk, rlv) = key_val(&rl, key, val);
        let (rk, rv) = key_val(right, key, val);
        red(
            &rlk,
            &rlv,
            Some(black(key, val, del.clone(), left_of(&rl))),
            Some(right_balance(
                &rk,
                &rv,
                &right_of(&rl),
                &redden(&right_of(right)),
            )),
        )
    } else {
        debug_assert!(false, "red-black invariant violation");
        black(key, val, del.clone(), right.clone())
    }
}

fn balance_right_del(key: &Value, val: &Value, left: &Link, del: &Link) -> Ref<TreeNode> {
    if is_red(del) {
        red(key, val, left.clone(), blacken_link(del))
    } else if is_black(left) {
        left_balance(key, val, &redden(left), del)
    } else if is_red(left) && is_black(&right_of(left)) {
        let lr = right_of(left);
        let (lrk, lrv) = key_val(&lr, key, val);
        let (lk, lv) = key_val(left, key, val);
        red(
            &lrk,
            &lrv,
            Some(left_balance(
                &lk,
                &lv,
                &redden(&left_of(left)),
                &left_of(&lr),
            )),
            Some(black(key, val, right_of(&lr), del.clone())),
        )
    } else {
        debug_assert!(false, "red-black invariant violation");
        black(key, val, left.clone(), del.clone())
    }
}

fn left_balance(key: &Value, val: &Value, ins: &Link, right: &Link) -> Ref<TreeNode> {
    if let Some(i) = ins.as_ref().filter(|i| i.red) {
        if is_red(&i.left) {
            return red(
                &i.key,
                &i.val,
                blacken_link(&i.left),
                Some(black(key, val, i.right.clone(), right.clone())),
            );
        }
        if let Some(ir) = i.right.as_ref().filter(|r| r.red) {
            return red(
                &ir.key,
                &ir.val,
                Some(black(&i.key, &i.val, i.left.clone(), ir.left.clone())),
                Some(black(key, val, ir.right.clone(), right.clone())),
            );
        }
    }
    black(key, val, ins.clone(), right.clone())
}

fn right_balance(key: &Value, val: &Value, left: &Link, ins: &Link) -> Ref<TreeNode> {
    if let Some(i) = ins.as_ref().filter(|i| i.red) {
        if is_red(&i.right) {
            return red(
                &i.key,
                &i.val,
                Some(black(key, val, left.clone(), i.left.clone())),
                blacken_link(&i.right),
            );
        }
        if let Some(il) = i.left.as_ref().filter(|l| l.red) {
            return red(
                &il.key,
                &il.val,
                Some(black(key, val, left.clone(), il.left.clone())),
                Some(black(&i.key, &i.val, il.right.clone(), i.right.clone())),
            );
        }
    }
    black(key, val, left.clone(), ins.clone())
}

/// Key and value of a node known to exist (falls back to the given pair).
fn key_val(l: &Link, key: &Value, val: &Value) -> (Value, Value) {
    match l {
        Some(n) => (n.key.clone(), n.val.clone()),
        None => (key.clone(), val.clone()),
    }
}

/// A persistent stack of nodes: the JVM's PersistentTreeMap$Seq state.
pub(crate) struct StackCell {
    node: Ref<TreeNode>,
    next: Option<Ref<StackCell>>,
}

#[derive(Clone)]
pub(crate) struct TreeCursor {
    stack: Ref<StackCell>,
    asc: bool,
}

impl TreeCursor {
    /// Push `t` and its leftmost (asc) or rightmost spine onto `stack`.
    fn push(mut t: Link, mut stack: Option<Ref<StackCell>>, asc: bool) -> Option<Ref<StackCell>> {
        while let Some(n) = t {
            t = if asc { n.left.clone() } else { n.right.clone() };
            stack = Some(Ref::new(StackCell {
                node: n,
                next: stack,
            }));
        }
        stack
    }
    pub(crate) fn start(root: &Link, asc: bool) -> Option<TreeCursor> {
        let stack = TreeCursor::push(root.clone(), None, asc)?;
        Some(TreeCursor { stack, asc })
    }
    /// JVM seqFrom: the first entry >= key (asc) or <= key (desc).
    pub(crate) fn seek(
        root: &Link,
        key: &Value,
        asc: bool,
        cmp: &Comparator,
    ) -> Result<Option<TreeCursor>> {
        let mut stack: Option<Ref<StackCell>> = None;
        let mut t = root.clone();
        while let Some(n) = t {
            let c = cmp.compare(key, &n.key)?;
            if c == Ordering::Equal {
                let stack = Ref::new(StackCell {
                    node: n,
                    next: stack,
                });
                return Ok(Some(TreeCursor { stack, asc }));
            }
            let keep = if asc {
                c == Ordering::Less
            } else {
                c == Ordering::Greater
            };
            let go_left = if asc { keep } else { !keep };
            t = if go_left {
                n.left.clone()
            } else {
                n.right.clone()
            };
            if keep {
                stack = Some(Ref::new(StackCell {
                    node: n,
                    next: stack,
                }));
            }
        }
        Ok(stack.map(|stack| TreeCursor { stack, asc }))
    }
    pub(crate) fn entry(&self) -> (&Value, &Value) {
        (&self.stack.node.key, &self.stack.node.val)
    }
    pub(crate) fn advance(&self) -> Option<TreeCursor> {
        let t = &self.stack.node;
        let child = if self.asc {
            t.right.clone()
        } else {
            t.left.clone()
        };
        let stack = TreeCursor::push(child, self.stack.next.clone(), self.asc)?;
        Some(TreeCursor {
            stack,
            asc: self.asc,
        })
    }
}

/// Borrowing in-order iterator.
pub(crate) struct TreeIter<'a> {
    stack: Vec<&'a TreeNode>,
    asc: bool,
}

impl<'a> TreeIter<'a> {
    pub(crate) fn new(root: &'a Link, asc: bool) -> TreeIter<'a> {
        let mut it = TreeIter {
            stack: Vec::new(),
            asc,
        };
        it.push(root.as_deref());
        it
    }
    fn push(&mut self, mut t: Option<&'a TreeNode>) {
        while let Some(n) = t {
            self.stack.push(n);
            t = if self.asc {
                n.left.as_deref()
            } else {
                n.right.as_deref()
            };
        }
    }
}

impl<'a> Iterator for TreeIter<'a> {
    type Item = (&'a Value, &'a Value);
    fn next(&mut self) -> Option<(&'a Value, &'a Value)> {
        let n = self.stack.pop()?;
        self.push(if self.asc {
            n.right.as_deref()
        } else {
            n.left.as_deref()
        });
        Some((&n.key, &n.val))
    }
}

/// Check the red-black invariants; returns the black height (tests only).
#[cfg(test)]
pub(crate) fn check(t: &Link) -> usize {
    match t {
        None => 1,
        Some(n) => {
            if n.red {
                assert!(
                    !is_red(&n.left) && !is_red(&n.right),
                    "red node with red child"
                );
            }
            let l = check(&n.left);
            let r = check(&n.right);
            assert_eq!(l, r, "unequal black height");
            l + usize::from(!n.red)
        }
    }
}
