//! The bytecode's data: what the compiler produces and the VM runs. Below
//! both (and the runtime's `FnKind::Bytecode` holds a `Closure`), so the VM
//! imports neither the analyzer nor the evaluator.

mod op;

pub use op::{Arith, Cmp, Fused, Lookup, Op, Prim, PrimCall, Src};

use crate::runtime::error::ExClass;
use crate::runtime::func::Capture;
use crate::runtime::gc::Ref;
use crate::runtime::value::Value;

/// Source position of a form (1-based; 0 when unknown).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
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

/// A closure made by the VM: its proto and captured values (the payload of
/// `FnKind::Bytecode`). Captures are write-once cells so `letfn` can tie
/// mutually recursive fns.
pub struct Closure {
    pub proto: Ref<FnProto>,
    pub captured: Box<[Capture]>,
}

impl Clone for Closure {
    /// A copy for `with-meta` (captures are filled by then).
    fn clone(&self) -> Closure {
        Closure {
            proto: self.proto.clone(),
            captured: self.captured.clone(),
        }
    }
}

impl Closure {
    /// Captured value `i` (nil while a letfn capture is untied).
    #[inline]
    pub fn captured(&self, i: u32) -> Value {
        self.captured
            .get(i as usize)
            .map(Capture::get)
            .unwrap_or_default()
    }
}

/// A compiled fn.
pub struct FnProto {
    /// `ns/name` as stack frames and arity errors name the fn.
    pub name: String,
    pub arities: Box<[ArityProto]>,
    /// Where each captured value comes from when a closure is made.
    pub captures: Box<[CaptureSource]>,
    pub consts: Box<[Value]>,
    /// Inner fns, by `MakeClosure` index.
    pub protos: Box<[Ref<FnProto>]>,
    pub hosts: Box<[HostCall]>,
    /// Intrinsic call sites (`Op::Prim` / `Op::Branch` operands).
    pub prims: Box<[PrimCall]>,
    /// Slots bound by each `letfn*` of this fn (operand of `TieLetFn`).
    pub letfn_groups: Box<[Box<[u32]>]>,
    pub pos: Pos,
    /// The source file, for stack frames.
    pub file: Option<String>,
}

pub struct ArityProto {
    pub required: u32,
    pub variadic: bool,
    pub frame_size: u32,
    pub code: Box<[Op]>,
    /// Innermost first: the first entry covering a pc whose class matches
    /// handles the exception.
    pub handlers: Box<[Handler]>,
    /// (first pc, position) runs, sorted by pc.
    pub lines: Box<[(u32, Pos)]>,
}

/// An exception handler: ops in `start..end` that throw an exception of
/// `class` (None: any, for finally) continue at `target` with the operand
/// stack cut to `depth` values and the exception pushed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub class: Option<ExClass>,
    pub depth: u32,
}

/// A host-interop form, with its names copied out of the tree.
pub enum HostCall {
    New {
        class: Box<str>,
        def: Option<&'static crate::runtime::class::ClassDef>,
        argc: u32,
    },
    Instance {
        method: Box<str>,
        argc: u32,
    },
    Static {
        class: Box<str>,
        def: Option<&'static crate::runtime::class::ClassDef>,
        member: Box<str>,
        argc: u32,
    },
    Field {
        class: Box<str>,
        def: Option<&'static crate::runtime::class::ClassDef>,
        field: Box<str>,
    },
    /// monitor-enter / monitor-exit of the value on the stack: `[x] -> [nil]`.
    Monitor {
        enter: bool,
    },
}

impl FnProto {
    /// The arity taking `n` args: an exact fixed arity first, else the
    /// variadic one when `n` covers its required params.
    #[inline]
    pub fn select_arity(&self, n: usize) -> Option<usize> {
        if let [a] = &*self.arities {
            return (if a.variadic {
                n >= a.required as usize
            } else {
                n == a.required as usize
            })
            .then_some(0);
        }
        self.arities
            .iter()
            .position(|a| !a.variadic && a.required as usize == n)
            .or_else(|| {
                self.arities
                    .iter()
                    .position(|a| a.variadic && n >= a.required as usize)
            })
    }
}

impl FnProto {
    /// Check the invariants the VM's unchecked indexing relies on, for
    /// every arity: each operand indexes its table (slots below the
    /// arity's `frame_size`, constants, intrinsic sites, hosts, protos,
    /// letfn groups), every jump target and handler target is a pc of the
    /// arity, the last op does not fall through (`Return`, `Jump`,
    /// `Throw`), and a fused compare-and-branch or `Branch` is followed by
    /// its `JumpIfFalse`. The compiler runs it on each fn it builds.
    pub fn verify(&self) -> bool {
        self.arities.iter().all(|a| self.verify_arity(a))
    }

    fn verify_arity(&self, a: &ArityProto) -> bool {
        let n = a.code.len();
        let slot = |s: u32| s < a.frame_size;
        let konst = |i: u32| (i as usize) < self.consts.len();
        let target = |t: u32| (t as usize) < n;
        let src = |s: Src| match s {
            Src::Stack => true,
            Src::Local(i) | Src::Move(i) => slot(i),
            Src::Const(i) => konst(i),
        };
        let site = |i: u32| {
            self.prims
                .get(i as usize)
                .is_some_and(|d| src(d.a) && src(d.b) && konst(d.var) && d.dst.is_none_or(slot))
        };
        let jif_at = |pc: usize| matches!(a.code.get(pc), Some(Op::JumpIfFalse(_)));
        if !matches!(a.code.last(), Some(Op::Return | Op::Jump(_) | Op::Throw)) {
            return false;
        }
        if !a.handlers.iter().all(|h| target(h.target)) {
            return false;
        }
        a.code.iter().enumerate().all(|(pc, op)| match *op {
            Op::Const(i) | Op::Var(i) | Op::DefRoot(i) | Op::DefMeta(i) | Op::SetVar(i) => konst(i),
            Op::CallVar(i, _) => konst(i),
            Op::Load(s) | Op::Move(s) | Op::Store(s) => slot(s),
            Op::Jump(t) | Op::JumpIfFalse(t) => target(t),
            Op::Case(t, k) => konst(t) && pc + 1 + (k as usize) < n,
            Op::Host(i) => (i as usize) < self.hosts.len(),
            // (a result stored by the fast path skips the `Store` after it)
            Op::Prim(i) => {
                site(i)
                    && self.prims.get(i as usize).is_some_and(|d| {
                        d.dst
                            .is_none_or(|s| a.code.get(pc + 1) == Some(&Op::Store(s)))
                    })
            }
            Op::Branch(i) => site(i) && jif_at(pc + 1),
            Op::MakeClosure(i) => (i as usize) < self.protos.len(),
            Op::LetFnClosure(p, g) => {
                (p as usize) < self.protos.len() && (g as usize) < self.letfn_groups.len()
            }
            Op::TieLetFn(g) => (g as usize) < self.letfn_groups.len(),
            Op::CallSelf(ai, _) => (ai as usize) < self.arities.len(),
            op => match op.fused() {
                Some((f, x, y, i)) => {
                    let b_ok = match f {
                        Fused::Br(_, k) | Fused::Arith(_, k) => {
                            if k {
                                konst(y as u32)
                            } else {
                                slot(y as u32)
                            }
                        }
                        Fused::Lookup(l) => match l {
                            Lookup::NthL | Lookup::GetL | Lookup::NthLM | Lookup::GetLM => {
                                slot(y as u32)
                            }
                            Lookup::NthC | Lookup::GetC | Lookup::NthCM | Lookup::GetCM => {
                                konst(y as u32)
                            }
                        },
                    };
                    let br_ok = !matches!(f, Fused::Br(..)) || jif_at(pc + 1);
                    slot(x as u32) && b_ok && site(i as u32) && br_ok
                }
                None => true,
            },
        })
    }
}

impl ArityProto {
    /// Source position of the op at `pc`.
    pub fn pos_at(&self, pc: u32) -> Option<Pos> {
        let i = self.lines.partition_point(|(p, _)| *p <= pc);
        i.checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .map(|l| l.1)
    }
}

/// The disassembly of `proto` and its inner fns (`cljw --dump-bytecode`):
/// per arity its ops with their operands, constants and intrinsic sites
/// spelled out.
pub fn disassemble(proto: &FnProto, out: &mut String) {
    use std::fmt::Write;
    let konst = |i: u32| {
        proto
            .consts
            .get(i as usize)
            .map_or_else(|| "?".to_string(), crate::runtime::printer::pr_str)
    };
    let _ = writeln!(out, "fn {}", proto.name);
    for (ai, a) in proto.arities.iter().enumerate() {
        let _ = writeln!(
            out,
            "  arity {ai}: {}{} params, {} slots",
            a.required,
            if a.variadic { "+rest" } else { "" },
            a.frame_size
        );
        for (pc, op) in a.code.iter().enumerate() {
            let _ = write!(out, "    {pc:4}  {op}");
            match *op {
                Op::Const(i)
                | Op::Var(i)
                | Op::CallVar(i, _)
                | Op::DefRoot(i)
                | Op::DefMeta(i)
                | Op::SetVar(i) => {
                    let _ = write!(out, "  ; {}", konst(i));
                }
                Op::Prim(i) | Op::Branch(i) => prim_site(proto, i, out),
                op if let Some((.., i)) = op.fused() => prim_site(proto, i as u32, out),
                Op::MakeClosure(i) => {
                    if let Some(p) = proto.protos.get(i as usize) {
                        let _ = write!(out, "  ; {}", p.name);
                    }
                }
                _ => {}
            }
            out.push('\n');
        }
    }
    for p in proto.protos.iter() {
        disassemble(p, out);
    }
}

/// The disassembler's note on intrinsic site `i`.
fn prim_site(proto: &FnProto, i: u32, out: &mut String) {
    use std::fmt::Write;
    if let Some(p) = proto.prims.get(i as usize) {
        let _ = write!(out, "  ; {:?} {:?}", p.prim, p.a);
        if p.binary {
            let _ = write!(out, " {:?}", p.b);
        }
        if let Some(d) = p.dst {
            let _ = write!(out, " -> slot {d}");
        }
    }
}
