//! The AST: nodes allocated in a bumpalo arena (`Bump`), immutable once the
//! analyzer returns, except the `last_use` flags the liveness pass sets.

use crate::runtime::error::ExClass;
use std::cell::Cell;

/// Source position of a form (1-based; 0 when unknown).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

/// A read of a local slot in the current frame. `last_use` is set by the
/// liveness pass: the value may be moved out of the slot (locals clearing).
pub struct LocalRead {
    pub slot: u32,
    pub last_use: Cell<bool>,
}

pub struct Node<'a> {
    pub kind: NodeKind<'a>,
    pub pos: Pos,
}

pub struct Binding<'a> {
    pub slot: u32,
    pub init: &'a Node<'a>,
}

pub struct Catch<'a> {
    pub class: ExClass,
    pub slot: u32,
    pub body: &'a Node<'a>,
}

/// Where a closure's captured value comes from when the closure is created,
/// seen from the enclosing fn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaptureSource {
    /// A slot of the enclosing frame.
    Local(u32),
    /// One of the enclosing fn's own captures.
    Captured(u32),
    /// The enclosing fn itself (a named fn referred to from an inner fn).
    SelfFn,
}

pub struct Arity<'a> {
    /// Number of fixed parameters.
    pub required: u32,
    /// True when a rest parameter follows the fixed ones (slot `required`).
    pub variadic: bool,
    /// Frame size: parameters plus every local of the body.
    pub frame_size: u32,
    pub body: &'a Node<'a>,
}

pub struct FnNode<'a> {
    /// Index in `Tree::fn_node` (closures refer to their code by id).
    pub id: u32,
    /// The fn's own name (`(fn name [..] ..)`), a symbol constant.
    pub name: Option<ConstId>,
    /// Name used in stack frames and error messages: `ns/name` or
    /// `ns/fn--N`, as the JVM demunges its fn class names.
    pub debug_name: &'a str,
    pub arities: &'a [Arity<'a>],
    pub captures: &'a [CaptureSource],
    /// `^{:once true}`: captured values are released after the first call.
    pub once: bool,
    pub pos: Pos,
    /// The file being loaded when the fn was analyzed (its stack frames'
    /// file); None at the REPL and for `-e`.
    pub file: Option<&'a str>,
}

pub struct CaseNode<'a> {
    pub expr: &'a Node<'a>,
    /// (test constant, index into `thens`); several constants may share a then.
    /// A map constant: test value -> index into `thens`.
    pub table: ConstId,
    pub thens: &'a [Node<'a>],
    pub default: &'a Node<'a>,
}

/// Index into the tree's constant table (`Tree::consts`). Nodes hold indexes,
/// not Values, so arena nodes never need dropping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConstId(pub u32);

pub enum NodeKind<'a> {
    Const(ConstId),
    Local(LocalRead),
    /// A value captured by the current closure.
    Captured(u32),
    /// The current fn (named fn self reference).
    SelfFn,
    /// Deref a var (the constant is the var).
    Var(ConstId),
    /// `(var x)`.
    TheVar(ConstId),
    If(&'a Node<'a>, &'a Node<'a>, &'a Node<'a>),
    /// Statements then the value of the last node.
    Do(&'a [Node<'a>]),
    Let(&'a [Binding<'a>], &'a Node<'a>),
    /// A loop's bindings are its recur targets.
    Loop(&'a [Binding<'a>], &'a Node<'a>),
    /// Rebind the slots of the innermost loop (or fn params) and jump.
    Recur(&'a [Node<'a>], &'a [u32]),
    Fn(&'a FnNode<'a>),
    Invoke(&'a Node<'a>, &'a [Node<'a>]),
    /// `(def name init?)` with the evaluated metadata map, if any.
    Def {
        var: ConstId,
        init: Option<&'a Node<'a>>,
        meta: Option<&'a Node<'a>>,
    },
    /// `(set! var val)` of a thread-bound dynamic var.
    SetVar(ConstId, &'a Node<'a>),
    Throw(&'a Node<'a>),
    Try {
        body: &'a Node<'a>,
        catches: &'a [Catch<'a>],
        finally: Option<&'a Node<'a>>,
    },
    /// Collection literals with non-constant items.
    Vector(&'a [Node<'a>]),
    /// Flattened key/value pairs.
    Map(&'a [Node<'a>]),
    Set(&'a [Node<'a>]),
    /// Attach evaluated metadata to the value of the expression (fn literals
    /// and collection literals with metadata).
    WithMeta(&'a Node<'a>, &'a Node<'a>),
    Case(&'a CaseNode<'a>),
    /// `letfn*`: slots are assigned fns that may capture each other.
    LetFn(&'a [Binding<'a>], &'a Node<'a>),
    /// `(monitor-enter x)` (true) / `(monitor-exit x)` (false): take or
    /// release x's monitor (runtime::monitor), return nil.
    Monitor(bool, &'a Node<'a>),
    /// Host interop, dispatched through `runtime::host`: `(new C args)`.
    New(HostClass<'a>, &'a [Node<'a>]),
    /// `(. target method args)` / `(.method target args)`.
    InstanceCall(&'a str, &'a Node<'a>, &'a [Node<'a>]),
    /// `(C/member args)`.
    StaticCall(HostClass<'a>, &'a str, &'a [Node<'a>]),
    /// `C/FIELD`.
    StaticField(HostClass<'a>, &'a str),
}

/// The class of an interop form, resolved once by the analyzer.
#[derive(Clone, Copy)]
pub struct HostClass<'a> {
    /// The full name (a deftype/defrecord class is found by it at run time).
    pub name: &'a str,
    /// The registry's class; None for deftype/defrecord classes.
    pub def: Option<&'static crate::runtime::class::ClassDef>,
}
