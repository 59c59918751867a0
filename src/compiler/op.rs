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

    // Intrinsics: clojure.core fns with an inline long/double fast path.
    // The operand is the var (`consts[i]`), called when the fast path does
    // not apply. Binary: `[a b] -> [r]`; unary: `[a] -> [r]`.
    Add(u32),
    Sub(u32),
    Mul(u32),
    Lt(u32),
    Gt(u32),
    Le(u32),
    Ge(u32),
    /// `==`
    NumEq(u32),
    /// `=`
    Eq(u32),
    Inc(u32),
    Dec(u32),
    IsZero(u32),
    IsPos(u32),
    IsNeg(u32),
    /// `not`, `nil?`, `identical?`: total on every value, no fallback.
    Not,
    IsNil,
    Identical,
}

const _: () = assert!(std::mem::size_of::<Op>() <= 8);

/// Intrinsic for `clojure.core/name` called with `argc` args, if any.
/// The u32 is filled with the var's constant index by the caller.
pub fn intrinsic(name: &str, argc: usize) -> Option<fn(u32) -> Op> {
    let f: fn(u32) -> Op = match (name, argc) {
        ("+", 2) => Op::Add,
        ("-", 2) => Op::Sub,
        ("*", 2) => Op::Mul,
        ("<", 2) => Op::Lt,
        (">", 2) => Op::Gt,
        ("<=", 2) => Op::Le,
        (">=", 2) => Op::Ge,
        ("==", 2) => Op::NumEq,
        ("=", 2) => Op::Eq,
        ("inc", 1) => Op::Inc,
        ("dec", 1) => Op::Dec,
        ("zero?", 1) => Op::IsZero,
        ("pos?", 1) => Op::IsPos,
        ("neg?", 1) => Op::IsNeg,
        ("not", 1) => |_| Op::Not,
        ("nil?", 1) => |_| Op::IsNil,
        ("identical?", 2) => |_| Op::Identical,
        _ => return None,
    };
    Some(f)
}
