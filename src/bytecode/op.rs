//! The instruction set: a stack machine with frame slots for locals.
//!
//! Operands index the current fn's tables (`FnProto::consts`, `protos`,
//! `hosts`, `letfn_groups`) or its frame slots; jump targets are absolute
//! pcs in the current arity's code. Every op fits in 8 bytes.

/// The op list, one line per op: name, named operands, doc, and the net
/// stack effect (None when it depends on the fn's tables). Generates the
/// `Op` enum, `Op::name`, `Op::stack_effect` and the disassembler's
/// `Display`.
macro_rules! op_table {
    ($( $(#[doc = $doc:literal])* $name:ident $(( $($arg:ident : $ty:ty),+ ))? => $effect:expr; )*) => {
        /// One instruction. Stack effects are noted as `[before] -> [after]`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Op {
            $( $(#[doc = $doc])* $name $(( $($ty),+ ))?, )*
        }

        impl Op {
            /// The op's name as the disassembler prints it.
            pub fn name(&self) -> &'static str {
                match self {
                    $( Op::$name { .. } => stringify!($name), )*
                }
            }

            /// Net change of the operand stack depth, None when it depends
            /// on the fn's tables (`hosts`, `prims`).
            #[allow(unused_variables)]
            pub fn stack_effect(&self) -> Option<i32> {
                match *self {
                    $( Op::$name $(( $($arg),+ ))? => $effect, )*
                }
            }
        }

        impl std::fmt::Display for Op {
            #[allow(unused_mut)]
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match *self {
                    $( Op::$name $(( $($arg),+ ))? => {
                        write!(f, "{}", stringify!($name))?;
                        $( $( write!(f, " {}={}", stringify!($arg), $arg)?; )+ )?
                        Ok(())
                    } )*
                }
            }
        }
    };
}

op_table! {
    /// `[] -> [nil]`
    Nil => Some(1);
    /// `[] -> [consts[i]]`
    Const(i: u32) => Some(1);
    /// Copy a slot: `[] -> [slot]`.
    Load(slot: u32) => Some(1);
    /// Last use of a slot: move it out, leaving nil (locals clearing).
    Move(slot: u32) => Some(1);
    /// `[v] -> []`, slot = v.
    Store(slot: u32) => Some(-1);
    /// `[] -> [captured i]` of the running closure.
    Captured(i: u32) => Some(1);
    /// `[] -> [the running fn]`.
    SelfFn => Some(1);
    /// `[v] -> []`
    Pop => Some(-1);
    /// Deref the var `consts[i]`: `[] -> [value]`.
    Var(i: u32) => Some(1);
    Jump(target: u32) => Some(0);
    /// `[v] -> []`, jump when v is nil or false.
    JumpIfFalse(target: u32) => Some(-1);
    /// `[f a1 .. an] -> [result]`
    Call(argc: u32) => Some(-(argc as i32));
    /// `[a1 .. an] -> [result]`: call the value of var `consts[var]`
    /// (`Var` + `Call` in one; the var is read after the args).
    CallVar(var: u32, argc: u16) => Some(1 - argc as i32);
    /// `[a1 .. an] -> [result]`: call the running fn's fixed arity
    /// `arity` (chosen at compile time) with its n args.
    CallSelf(arity: u16, argc: u16) => Some(1 - argc as i32);
    /// `[v] -> ` return v to the caller.
    Return => Some(-1);
    /// `[] -> [closure]` of `protos[i]`, captures per its `CaptureSource`s.
    MakeClosure(proto: u32) => Some(1);
    /// As MakeClosure, but captures of the letfn group's slots are left
    /// empty until `TieLetFn`.
    LetFnClosure(proto: u16, group: u16) => Some(1);
    /// Fill the deferred captures of the closures bound in a letfn group.
    TieLetFn(group: u32) => Some(0);
    /// `[v] -> []`, bind the root of var `consts[i]`.
    DefRoot(i: u32) => Some(-1);
    /// `[meta] -> []`, set the metadata of var `consts[i]` (and `:dynamic`).
    DefMeta(i: u32) => Some(-1);
    /// `[v] -> [v]`, `set!` of the thread binding of var `consts[i]`.
    SetVar(i: u32) => Some(0);
    /// `[ex] -> ` throw (also rethrows after a finally).
    Throw => Some(-1);
    /// `[x1 .. xn] -> [coll]`
    MakeVector(n: u32) => Some(1 - n as i32);
    /// `[k1 v1 .. kn vn] -> [map]` (operand: number of items, 2n).
    MakeMap(n: u32) => Some(1 - n as i32);
    MakeSet(n: u32) => Some(1 - n as i32);
    /// `[v meta] -> [v']`
    WithMeta => Some(-1);
    /// `[v] -> []`: look v up in the map `consts[table]` (value -> then
    /// index); jump to the pc `idx` ops ahead (a `Jump` of the jump table
    /// that follows), else the default jump at `n`.
    Case(table: u32, n: u16) => Some(-1);
    /// Host interop `hosts[i]`: pops its target/args, pushes the result.
    Host(i: u32) => None;
    /// Intrinsic `FnProto::prims[i]` in value position: reads its
    /// operands (popping those on the stack) and pushes the result (or
    /// stores it, see `PrimCall::dst`).
    Prim(i: u32) => None;
    /// Intrinsic test `prims[i]` as an `if` condition; always followed by
    /// the `JumpIfFalse` of that `if`. Fast path: jump or skip it without
    /// materialising a boolean. Fallback: push the var call's result and
    /// let the `JumpIfFalse` run.
    Branch(i: u32) => None;
    /// `if (< slot_a slot_b)`, always followed by its `JumpIfFalse`:
    /// both longs compare inline (jump or skip it); anything else runs
    /// the generic `Branch(prim)`. One op per comparison (no inner switch
    /// at run time); `LC`: `b` is the constant `consts[b]`.
    BrLtLL(a: u16, b: u16, prim: u16) => Some(1);
    BrLtLC(a: u16, b: u16, prim: u16) => Some(1);
    BrLeLL(a: u16, b: u16, prim: u16) => Some(1);
    BrLeLC(a: u16, b: u16, prim: u16) => Some(1);
    BrGtLL(a: u16, b: u16, prim: u16) => Some(1);
    BrGtLC(a: u16, b: u16, prim: u16) => Some(1);
    BrGeLL(a: u16, b: u16, prim: u16) => Some(1);
    BrGeLC(a: u16, b: u16, prim: u16) => Some(1);
    /// `==` and `=` (the same on two longs).
    BrEqLL(a: u16, b: u16, prim: u16) => Some(1);
    BrEqLC(a: u16, b: u16, prim: u16) => Some(1);
    /// `(+ slot_a slot_b)` in value position on longs without overflow:
    /// the result goes to the slot of the `Store` that follows (skipping
    /// it) or is pushed; anything else runs the generic `Prim(prim)`.
    /// `LC`: `b` is the constant `consts[b]`.
    AddLL(a: u16, b: u16, prim: u16) => Some(1);
    AddLC(a: u16, b: u16, prim: u16) => Some(1);
    SubLL(a: u16, b: u16, prim: u16) => Some(1);
    SubLC(a: u16, b: u16, prim: u16) => Some(1);
    /// `(inc slot_a)` / `(dec slot_a)`, as `AddLL`.
    IncL(a: u16, prim: u16) => Some(1);
    DecL(a: u16, prim: u16) => Some(1);
    /// `(nth slot_a i)`, `(get slot_a k)`, `(:k slot_a)` in value
    /// position, `i`/`k` being `b` (a slot or a constant, see `Lookup`):
    /// a vector or an array/hash map is looked up inline (the item pushed,
    /// or stored by the `Store` that follows); else the generic
    /// `Prim(prim)`.
    Lookup(l: Lookup, a: u16, b: u16, prim: u16) => Some(1);
}

/// The kind of a fused `Lookup` and where its key comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// `(nth coll i)`, index in a slot / a constant.
    NthL,
    NthC,
    /// `(get m k)`, key in a slot / a constant.
    GetL,
    GetC,
    /// As the above, the collection's slot at its last use: cleared.
    NthLM,
    NthCM,
    GetLM,
    GetCM,
}

impl Lookup {
    /// The variant whose collection slot is cleared (moved out).
    pub fn moving(self) -> Lookup {
        match self {
            Lookup::NthL => Lookup::NthLM,
            Lookup::NthC => Lookup::NthCM,
            Lookup::GetL => Lookup::GetLM,
            Lookup::GetC => Lookup::GetCM,
            l => l,
        }
    }
}

impl std::fmt::Display for Lookup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

/// The comparison of a fused compare-and-branch on longs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    Lt,
    Le,
    Gt,
    Ge,
    /// `==` and `=` (the same on two longs).
    Eq,
}

impl Cmp {
    /// The fused form of an intrinsic test, if it is a comparison.
    pub fn of(p: Prim) -> Option<Cmp> {
        Some(match p {
            Prim::Lt => Cmp::Lt,
            Prim::Le => Cmp::Le,
            Prim::Gt => Cmp::Gt,
            Prim::Ge => Cmp::Ge,
            Prim::NumEq | Prim::Eq => Cmp::Eq,
            _ => return None,
        })
    }
    /// The comparison with its operands swapped: `(< a b)` is `(> b a)`.
    pub fn flip(self) -> Cmp {
        match self {
            Cmp::Lt => Cmp::Gt,
            Cmp::Le => Cmp::Ge,
            Cmp::Gt => Cmp::Lt,
            Cmp::Ge => Cmp::Le,
            Cmp::Eq => Cmp::Eq,
        }
    }
    #[inline(always)]
    pub fn test(self, x: i64, y: i64) -> bool {
        match self {
            Cmp::Lt => x < y,
            Cmp::Le => x <= y,
            Cmp::Gt => x > y,
            Cmp::Ge => x >= y,
            Cmp::Eq => x == y,
        }
    }
    /// The fused compare-and-branch op: on two slots, or (`konst`) a slot
    /// and the constant `b`.
    pub fn op(self, konst: bool, a: u16, b: u16, prim: u16) -> Op {
        match (self, konst) {
            (Cmp::Lt, false) => Op::BrLtLL(a, b, prim),
            (Cmp::Lt, true) => Op::BrLtLC(a, b, prim),
            (Cmp::Le, false) => Op::BrLeLL(a, b, prim),
            (Cmp::Le, true) => Op::BrLeLC(a, b, prim),
            (Cmp::Gt, false) => Op::BrGtLL(a, b, prim),
            (Cmp::Gt, true) => Op::BrGtLC(a, b, prim),
            (Cmp::Ge, false) => Op::BrGeLL(a, b, prim),
            (Cmp::Ge, true) => Op::BrGeLC(a, b, prim),
            (Cmp::Eq, false) => Op::BrEqLL(a, b, prim),
            (Cmp::Eq, true) => Op::BrEqLC(a, b, prim),
        }
    }
}

impl std::fmt::Display for Cmp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

/// The operation of a fused long arithmetic op (checked: overflow takes
/// the generic path, which throws as today).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arith {
    Add,
    Sub,
    Inc,
    Dec,
}

impl Arith {
    pub fn of(p: Prim) -> Option<Arith> {
        Some(match p {
            Prim::Add => Arith::Add,
            Prim::Sub => Arith::Sub,
            Prim::Inc => Arith::Inc,
            Prim::Dec => Arith::Dec,
            _ => return None,
        })
    }
    #[inline(always)]
    pub fn apply(self, x: i64, y: i64) -> Option<i64> {
        match self {
            Arith::Add => x.checked_add(y),
            Arith::Sub => x.checked_sub(y),
            Arith::Inc => x.checked_add(1),
            Arith::Dec => x.checked_sub(1),
        }
    }
    /// The fused long op: on two slots, or (`konst`) a slot and the
    /// constant `b` (`Inc`/`Dec` read only `a`).
    pub fn op(self, konst: bool, a: u16, b: u16, prim: u16) -> Op {
        match (self, konst) {
            (Arith::Add, false) => Op::AddLL(a, b, prim),
            (Arith::Add, true) => Op::AddLC(a, b, prim),
            (Arith::Sub, false) => Op::SubLL(a, b, prim),
            (Arith::Sub, true) => Op::SubLC(a, b, prim),
            (Arith::Inc, _) => Op::IncL(a, prim),
            (Arith::Dec, _) => Op::DecL(a, prim),
        }
    }
}

/// The operands of a fused op, decoded (for the compiler, its tests, the
/// verifier and the disassembler).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fused {
    /// Compare-and-branch: the comparison, whether `b` is a constant.
    Br(Cmp, bool),
    /// Long arithmetic: the operation, whether `b` is a constant (`b` is
    /// `a` for `Inc`/`Dec`).
    Arith(Arith, bool),
    /// A lookup (its key kind in the `Lookup`).
    Lookup(Lookup),
}

impl Op {
    /// A fused op's kind, slot `a`, operand `b` and intrinsic site.
    pub fn fused(&self) -> Option<(Fused, u16, u16, u16)> {
        use Fused::{Arith as A, Br};
        Some(match *self {
            Op::BrLtLL(a, b, i) => (Br(Cmp::Lt, false), a, b, i),
            Op::BrLtLC(a, b, i) => (Br(Cmp::Lt, true), a, b, i),
            Op::BrLeLL(a, b, i) => (Br(Cmp::Le, false), a, b, i),
            Op::BrLeLC(a, b, i) => (Br(Cmp::Le, true), a, b, i),
            Op::BrGtLL(a, b, i) => (Br(Cmp::Gt, false), a, b, i),
            Op::BrGtLC(a, b, i) => (Br(Cmp::Gt, true), a, b, i),
            Op::BrGeLL(a, b, i) => (Br(Cmp::Ge, false), a, b, i),
            Op::BrGeLC(a, b, i) => (Br(Cmp::Ge, true), a, b, i),
            Op::BrEqLL(a, b, i) => (Br(Cmp::Eq, false), a, b, i),
            Op::BrEqLC(a, b, i) => (Br(Cmp::Eq, true), a, b, i),
            Op::AddLL(a, b, i) => (A(Arith::Add, false), a, b, i),
            Op::AddLC(a, b, i) => (A(Arith::Add, true), a, b, i),
            Op::SubLL(a, b, i) => (A(Arith::Sub, false), a, b, i),
            Op::SubLC(a, b, i) => (A(Arith::Sub, true), a, b, i),
            Op::IncL(a, i) => (A(Arith::Inc, false), a, a, i),
            Op::DecL(a, i) => (A(Arith::Dec, false), a, a, i),
            Op::Lookup(l, a, b, i) => (Fused::Lookup(l), a, b, i),
            _ => return None,
        })
    }
}

impl std::fmt::Display for Arith {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
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
    /// `(nth coll i)`: vectors inline.
    Nth,
    /// `(get m k)`: array and hash maps inline.
    Get,
    /// `(:k m)`: a keyword constant (`PrimCall::var`) looked up in a map;
    /// the fallback calls the keyword.
    KwGet,
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
            ("nth", 2) => Prim::Nth,
            ("get", 2) => Prim::Get,
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
                | Prim::Nth
                | Prim::Get
        )
    }
    /// Does it give a value rather than a test (not compiled as `Branch`)?
    pub fn valued(self) -> bool {
        matches!(
            self,
            Prim::Add
                | Prim::Sub
                | Prim::Mul
                | Prim::Inc
                | Prim::Dec
                | Prim::Nth
                | Prim::Get
                | Prim::KwGet
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
/// unary ones) and the var (`consts[var]`; for `KwGet` the keyword) to
/// call when the fast path does not apply.
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
