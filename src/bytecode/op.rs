//! The instruction set: a stack machine with frame slots for locals.
//!
//! Operands index the current fn's tables (`FnProto::consts`, `protos`,
//! `hosts`, `letfn_groups`) or its frame slots; jump targets are absolute
//! pcs in the current arity's code. Every op fits in 8 bytes.

/// One instruction. Stack effects are noted as `[before] -> [after]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `[] -> [nil]`
    Nil,
    /// `[] -> [consts[i]]`
    Const(u32),
    /// Copy a slot: `[] -> [slot]`.
    Load(u32),
    /// Last use of a slot: move it out, leaving nil (locals clearing).
    Move(u32),
    /// `[v] -> []`, slot = v.
    Store(u32),
    /// `[] -> [captured i]` of the running closure.
    Captured(u32),
    /// `[] -> [the running fn]`.
    SelfFn,
    /// `[v] -> []`
    Pop,
    /// Deref the var `consts[i]`: `[] -> [value]`.
    Var(u32),
    Jump(u32),
    /// `[v] -> []`, jump when v is nil or false.
    JumpIfFalse(u32),
    /// `[f a1 .. an] -> [result]`
    Call(u32),
    /// `[a1 .. an] -> [result]`: call the value of var `consts[var]`
    /// (`Var` + `Call` in one; the var is read after the args).
    CallVar {
        var: u32,
        argc: u16,
    },
    /// `[a1 .. an] -> [result]`: call the running fn's fixed arity
    /// `arity` (chosen at compile time) with its n args.
    CallSelf {
        arity: u16,
        argc: u16,
    },
    /// `[v] -> ` return v to the caller.
    Return,
    /// `[] -> [closure]` of `protos[i]`, captures per its `CaptureSource`s.
    MakeClosure(u32),
    /// As MakeClosure, but captures of the letfn group's slots are left
    /// empty until `TieLetFn`.
    LetFnClosure {
        proto: u16,
        group: u16,
    },
    /// Fill the deferred captures of the closures bound in a letfn group.
    TieLetFn(u32),
    /// `[v] -> []`, bind the root of var `consts[i]`.
    DefRoot(u32),
    /// `[meta] -> []`, set the metadata of var `consts[i]` (and `:dynamic`).
    DefMeta(u32),
    /// `[v] -> [v]`, `set!` of the thread binding of var `consts[i]`.
    SetVar(u32),
    /// `[ex] -> ` throw (also rethrows after a finally).
    Throw,
    /// `[x1 .. xn] -> [coll]`
    MakeVector(u32),
    /// `[k1 v1 .. kn vn] -> [map]` (operand: number of items, 2n).
    MakeMap(u32),
    MakeSet(u32),
    /// `[v meta] -> [v']`
    WithMeta,
    /// `[v] -> []`: look v up in the map `consts[table]` (value -> then
    /// index); jump to the pc `idx` ops ahead (a `Jump` of the jump table
    /// that follows), else the default jump at `n`.
    Case {
        table: u32,
        n: u16,
    },
    /// Host interop `hosts[i]`: pops its target/args, pushes the result.
    Host(u32),

    /// Intrinsic `FnProto::prims[i]` in value position: reads its
    /// operands (popping those on the stack) and pushes the result (or
    /// stores it, see `PrimCall::dst`).
    Prim(u32),
    /// Intrinsic test `prims[i]` as an `if` condition; always followed by
    /// the `JumpIfFalse` of that `if`. Fast path: jump or skip it without
    /// materialising a boolean. Fallback: push the var call's result and
    /// let the `JumpIfFalse` run.
    Branch(u32),
}

const _: () = assert!(std::mem::size_of::<Op>() <= 8);

/// clojure.core fns with an inline long/double fast path (`Prim`). The
/// fallback calls the var, so other types get the real fn's behaviour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prim {
    Add,
    Sub,
    Mul,
    Lt,
    Gt,
    Le,
    Ge,
    /// `==`
    NumEq,
    /// `=`
    Eq,
    Inc,
    Dec,
    IsZero,
    IsPos,
    IsNeg,
    /// `not`, `nil?`, `identical?`: total on every value, no fallback.
    Not,
    IsNil,
    Identical,
}

impl Prim {
    /// The intrinsic for `clojure.core/name` called with `argc` args.
    pub fn of(name: &str, argc: usize) -> Option<Prim> {
        Some(match (name, argc) {
            ("+", 2) => Prim::Add,
            ("-", 2) => Prim::Sub,
            ("*", 2) => Prim::Mul,
            ("<", 2) => Prim::Lt,
            (">", 2) => Prim::Gt,
            ("<=", 2) => Prim::Le,
            (">=", 2) => Prim::Ge,
            ("==", 2) => Prim::NumEq,
            ("=", 2) => Prim::Eq,
            ("inc", 1) => Prim::Inc,
            ("dec", 1) => Prim::Dec,
            ("zero?", 1) => Prim::IsZero,
            ("pos?", 1) => Prim::IsPos,
            ("neg?", 1) => Prim::IsNeg,
            ("not", 1) => Prim::Not,
            ("nil?", 1) => Prim::IsNil,
            ("identical?", 2) => Prim::Identical,
            _ => return None,
        })
    }
    pub fn binary(self) -> bool {
        matches!(
            self,
            Prim::Add
                | Prim::Sub
                | Prim::Mul
                | Prim::Lt
                | Prim::Gt
                | Prim::Le
                | Prim::Ge
                | Prim::NumEq
                | Prim::Eq
                | Prim::Identical
        )
    }
}

/// Where an intrinsic operand comes from: read in place, so the fast path
/// copies nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Src {
    /// Evaluated onto the operand stack before the op.
    Stack,
    /// A slot, still live afterwards.
    Local(u32),
    /// A slot at its last use: cleared by the op.
    Move(u32),
    Const(u32),
}

/// An intrinsic call site: the primitive, its operands (`b` unused for
/// unary ones) and the var (`consts[var]`) to call when the fast path does
/// not apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrimCall {
    pub prim: Prim,
    pub a: Src,
    pub b: Src,
    pub var: u32,
    /// In value position followed by `Store(slot)`: the fast path writes
    /// the slot directly and skips the Store (which still serves the
    /// fallback path).
    pub dst: Option<u32>,
    /// Precomputed: `prim.binary()`, and how many operands are `Stack`.
    pub binary: bool,
    pub on_stack: u8,
}
