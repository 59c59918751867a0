//! LAYER 1: forms -> `Node` AST. Macroexpansion, special forms, local
//! resolution and closure-capture analysis, and locals clearing (`liveness`).
//!
//! A top-level form is analyzed as the body of a zero-argument fn so that its
//! locals live in a frame like any other fn's.

mod liveness;
pub mod node;
mod prim;
mod special;
mod tree;

pub use tree::{Built, Tree};

use crate::runtime::core_vars::core_vars;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::func;
use crate::runtime::gc::Ref;
use crate::runtime::host;
use crate::runtime::namespace::{self, Namespace};
use crate::runtime::seq;
use crate::runtime::symbol::Symbol;
use crate::runtime::value::{Value, View};
use crate::runtime::var::{self, Var};
use bumpalo::Bump;
use node::*;
use std::sync::atomic::{AtomicU64, Ordering};

/// Where analysis happens: the namespace symbols resolve in, and the file
/// name used in error messages and var metadata.
#[derive(Clone)]
pub struct Env {
    pub ns: Ref<Namespace>,
    pub file: Option<String>,
    /// The position errors report when the form carries none (`eval` of a
    /// built form reports the top-level form being loaded, as the JVM's
    /// Compiler.LINE/COLUMN do).
    pub pos: Option<(u32, u32)>,
}

/// Analyze one top-level form into a `Tree`.
pub fn analyze_top(form: &Value, env: &Env) -> Result<Tree> {
    Tree::build(|bump| {
        let mut a = Analyzer::new(bump, env);
        let root = a.top_level(form)?;
        Ok(Built {
            root,
            fns: a.fn_nodes,
            consts: a.consts,
        })
    })
}

/// `macroexpand-1` outside analysis: expand `form` once in `env`'s
/// namespace with no locals. Special forms and plain calls come back
/// unchanged (identical); `(.m x)`, `(C/m x)` and `(C. x)` expand like
/// Compiler.macroexpand1.
pub fn macroexpand_1(form: &Value, env: &Env) -> Result<Value> {
    let Some(items) = form_items(form)? else {
        return Ok(form.clone());
    };
    let Some(sym) = items.first().and_then(|h| h.as_symbol()) else {
        return Ok(form.clone());
    };
    if sym.is_special() {
        return Ok(form.clone());
    }
    let bump = Bump::new();
    let mut a = Analyzer::new(&bump, env);
    a.pos = form_pos(form).unwrap_or_default();
    // Compiler.macroexpand1 rethrows a macro's ArityException as is (only
    // analysis wraps it in a CompilerException).
    let expanded = a.macroexpand_1(form, &items).map_err(|e| match e.cause() {
        Some(c)
            if e.class() == ExClass::CompilerException && c.class() == ExClass::ArityException =>
        {
            c.clone()
        }
        _ => e,
    })?;
    if !expanded.identical(form) {
        return Ok(expanded);
    }
    let name = sym.name();
    let rest = &items[1..];
    let build = |head: Vec<Value>, tail: &[Value]| -> Result<Value> {
        let mut v = head;
        v.extend_from_slice(tail);
        crate::runtime::meta::with_meta(&Value::list(v), crate::runtime::meta::meta(form))
    };
    if sym.ns().is_none() && name.len() > 1 && name.starts_with('.') && name != ".." {
        let Some(target) = rest.first() else {
            return Err(Exception::new(
                ExClass::IllegalArgumentException,
                "Malformed member expression, expecting (.member target ...)",
            ));
        };
        // A class named as the target is the Class object, not a static
        // member's owner: `(. (clojure.core/identity C) m)` ^Class.
        let target = match target.as_symbol() {
            Some(t) if t.ns().is_none() && host::is_class(t.name()) => {
                crate::runtime::meta::with_meta(
                    &Value::list(vec![
                        Value::symbol(Some("clojure.core"), "identity"),
                        target.clone(),
                    ]),
                    Value::map_from_pairs(vec![(
                        Value::keyword(None, "tag"),
                        Value::symbol(None, "Class"),
                    )]),
                )?
            }
            _ => target.clone(),
        };
        let head = vec![
            Value::symbol(None, "."),
            target,
            Value::symbol(None, &name[1..]),
        ];
        return build(head, &rest[1..]);
    }
    if let Some(ns) = sym.ns()
        && a.namespace_for(ns).is_none()
        && host::is_class(ns)
    {
        let head = vec![
            Value::symbol(None, "."),
            Value::symbol(None, ns),
            Value::symbol(None, name),
        ];
        return build(head, rest);
    }
    if ctor_sugar(sym, |ns| a.namespace_for(ns).is_some()) {
        let head = vec![
            Value::symbol(None, "new"),
            Value::symbol(None, &name[..name.len() - 1]),
        ];
        return build(head, rest);
    }
    Ok(form.clone())
}

/// Whether `(sym args)` is the constructor sugar `(C. args)`, which expands
/// to `(new C args)`. As in Compiler.macroexpand1, a namespace-qualified
/// `ns/C.` whose `ns` names a namespace (or an alias) counts too, and its
/// namespace is dropped: `(r/Rec. 1)` is `(new Rec 1)`, so `Rec` must be
/// imported where it is used. A qualifier naming no namespace is a static
/// member (`Class/member`), not a constructor.
fn ctor_sugar(sym: &Symbol, is_namespace: impl FnOnce(&str) -> bool) -> bool {
    let name = sym.name();
    name.len() > 1 && name.ends_with('.') && sym.ns().is_none_or(is_namespace)
}

/// Source of unique ids for gensyms and fn names (RT.nextID).
static NEXT_ID: AtomicU64 = AtomicU64::new(1000);
pub fn next_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

/// Identifies a binding that an inner fn may capture.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum CaptureKey {
    /// Slot `slot` of the fn at depth `depth`.
    Slot(usize, u32),
    /// The fn at depth `depth` itself.
    SelfOf(usize),
}

impl CaptureKey {
    fn owner(self) -> usize {
        match self {
            CaptureKey::Slot(d, _) | CaptureKey::SelfOf(d) => d,
        }
    }
}

/// A loop or fn arity that `recur` may jump to.
struct RecurTarget {
    slots: Vec<u32>,
    /// A loop's (true) or a fn's (false): a loop re-boxes a long/double
    /// local that a recur passes another type, a fn param cannot.
    is_loop: bool,
    /// A loop's slots that a recur boxes (by position in `slots`).
    boxed: Vec<bool>,
    /// A loop's recur errors, by position in `slots`: thrown when the loop
    /// ends unless that local was boxed (the JVM re-analyzes the loop with
    /// it boxed, where the error does not arise).
    errors: Vec<(usize, crate::runtime::error::Exception)>,
}

/// The fn being analyzed (one per nesting level).
struct FnScope {
    self_name: Option<Ref<Symbol>>,
    /// Visible locals, innermost last.
    locals: Vec<(Ref<Symbol>, u32)>,
    next_slot: u32,
    captures: Vec<(CaptureKey, CaptureSource)>,
    recur_targets: Vec<RecurTarget>,
    /// The primitive type of each slot's local, if it has one (see prim.rs).
    prims: Vec<Option<prim::Prim>>,
    /// A deftype/defrecord/reify method (`this` in slot 0, which `recur`
    /// does not rebind) and the type's fields its body sees as locals.
    method: Option<Vec<MethodField>>,
    /// The fn's class-like name (`ns/outer$inner--12`), the prefix of the
    /// fns nested in it, as the JVM names `ns$outer$inner__12`.
    class_name: Option<String>,
    /// Where the fn* form (or the top-level form) is: errors the JVM
    /// raises while emitting the fn's code name it.
    pos: Pos,
}

/// A field visible in a method body: read through `this` (slot 0).
#[derive(Clone)]
pub(crate) struct MethodField {
    pub(crate) sym: Ref<Symbol>,
    pub(crate) index: u32,
    pub(crate) mutable: bool,
}

impl FnScope {
    fn prim(&self, slot: u32) -> Option<prim::Prim> {
        self.prims.get(slot as usize).copied().flatten()
    }
    fn mark_prim(&mut self, slot: u32, p: prim::Prim) {
        let i = slot as usize;
        if self.prims.len() <= i {
            self.prims.resize(i + 1, None);
        }
        self.prims[i] = Some(p);
    }
    fn new(self_name: Option<Ref<Symbol>>) -> FnScope {
        FnScope {
            self_name,
            class_name: None,
            locals: Vec::new(),
            next_slot: 0,
            captures: Vec::new(),
            recur_targets: Vec::new(),
            prims: Vec::new(),
            method: None,
            pos: Pos::default(),
        }
    }
}

pub(crate) struct Analyzer<'a> {
    bump: &'a Bump,
    consts: Vec<Value>,
    fns: Vec<FnScope>,
    env: Env,
    /// Position of the innermost list form being analyzed.
    pos: Pos,
    depth: u32,
    /// Every fn node allocated so far, by id.
    fn_nodes: Vec<&'a FnNode<'a>>,
    /// Name for the next fn* analyzed directly as a def's (or a let
    /// binding's) init.
    name_hint: Option<String>,
    /// Whether the top-level form, macroexpanded, is a `def...` form:
    /// Compiler.eval then evaluates it as is, and otherwise wraps it in an
    /// `evalN` fn that encloses (and names) the fns inside it.
    top_def: Option<bool>,
    /// The special form whose own parsing is under way (not its subforms'):
    /// errors it raises name it, as Compiler.analyzeSeq does.
    special: Option<Value>,
}

/// Nesting limit of forms: deeper input throws instead of overflowing.
const MAX_DEPTH: u32 = 2000;

/// Bundled namespaces the JVM has loaded before a program runs (clojure.main
/// loads them at start-up), so `clojure.main/with-bindings` resolves without
/// a require. cljw loads one when a program first names it (start-up stays
/// short); a failed load leaves the name unresolved.
const JVM_PRELOADED: &[&str] = &["clojure.main", "clojure.walk", "clojure.core.protocols"];

fn jvm_preloaded(name: &str) -> Option<Ref<Namespace>> {
    if !JVM_PRELOADED.contains(&name) {
        return None;
    }
    let quoted = Value::list(vec![
        Value::symbol(None, "quote"),
        Value::symbol(None, name),
    ]);
    let form = Value::list(vec![Value::symbol(Some("clojure.core"), "require"), quoted]);
    crate::runtime::eval::eval(&form).ok()?;
    namespace::find_ns(name)
}

impl<'a> Analyzer<'a> {
    fn new(bump: &'a Bump, env: &Env) -> Analyzer<'a> {
        Analyzer {
            bump,
            consts: Vec::new(),
            fns: Vec::new(),
            env: env.clone(),
            pos: Pos::default(),
            depth: 0,
            fn_nodes: Vec::new(),
            name_hint: None,
            top_def: None,
            special: None,
        }
    }

    fn top_level(&mut self, form: &Value) -> Result<&'a FnNode<'a>> {
        self.pos = form_pos(form)
            .or_else(|| self.env.pos.map(|(line, column)| Pos { line, column }))
            .unwrap_or_default();
        let eval_name = format!("{}/eval{}", self.env.ns.name_str(), next_id());
        let mut root = FnScope::new(None);
        root.class_name = Some(eval_name.clone());
        root.pos = self.pos;
        self.fns.push(root);
        self.top_def = None;
        self.fns_last().recur_targets.clear();
        let body = self.analyze(form, false)?;
        let body = self.alloc(body);
        let scope = self.fns.pop().unwrap_or_else(|| FnScope::new(None));
        liveness::mark(body);
        let arities = self.bump.alloc_slice_fill_iter([Arity {
            required: 0,
            variadic: false,
            frame_size: scope.next_slot,
            body,
        }]);
        let debug_name = self.bump.alloc_str(&eval_name);
        let root: &'a FnNode<'a> = self.bump.alloc(FnNode {
            id: self.fn_nodes.len() as u32,
            name: None,
            debug_name,
            arities,
            captures: &[],
            once: false,
            pos: self.pos,
            file: self.source_file(),
        });
        self.fn_nodes.push(root);
        Ok(root)
    }

    // ----- small helpers -----

    fn fns_last(&mut self) -> &mut FnScope {
        let n = self.fns.len();
        &mut self.fns[n - 1]
    }

    fn node(&self, kind: NodeKind<'a>) -> Node<'a> {
        Node {
            kind,
            pos: self.pos,
        }
    }

    fn alloc(&self, n: Node<'a>) -> &'a Node<'a> {
        self.bump.alloc(n)
    }

    fn nodes(&self, v: Vec<Node<'a>>) -> &'a [Node<'a>] {
        self.bump.alloc_slice_fill_iter(v)
    }

    fn constant(&mut self, v: Value) -> ConstId {
        self.consts.push(v);
        ConstId((self.consts.len() - 1) as u32)
    }

    fn const_node(&mut self, v: Value) -> Node<'a> {
        // String literals are interned, as the JVM's constant pool does, and
        // empty collections are the shared EMPTY instances.
        let v = crate::runtime::coll::canonical_empty(v);
        let id = self.constant(crate::runtime::string::intern(v));
        self.node(NodeKind::Const(id))
    }

    fn str(&self, s: &str) -> &'a str {
        self.bump.alloc_str(s)
    }

    /// A CompilerException at the current position wrapping `cause`.
    pub(crate) fn compile_error(&self, cause: Exception) -> Exception {
        match self.special.as_ref().and_then(|s| s.as_symbol()) {
            Some(sym) => self.compiler_exception(
                &format!("compiling {sym}"),
                "compile-syntax-check",
                Some(sym),
                cause,
            ),
            None => self.compiler_exception("compiling", "compile-syntax-check", None, cause),
        }
    }

    /// CompilerException as Compiler.java builds it: "Syntax error WHAT at
    /// (file:line:col)." (makeMsg leaves out an unknown source) with the
    /// clojure.error/* data clojure.main reports from. An existing
    /// CompilerException passes through.
    fn compiler_exception(
        &self,
        what: &str,
        phase: &str,
        symbol: Option<&Symbol>,
        cause: Exception,
    ) -> Exception {
        if cause.class() == ExClass::CompilerException {
            return cause;
        }
        let file = self
            .env
            .file
            .clone()
            .unwrap_or_else(|| "NO_SOURCE_PATH".into());
        let loc = if file == "NO_SOURCE_PATH" {
            format!("{}:{}", self.pos.line, self.pos.column)
        } else {
            format!("{}:{}:{}", file, self.pos.line, self.pos.column)
        };
        let msg = format!("Syntax error {what} at ({loc}).");
        let key = |k: &str| Value::keyword(Some("clojure.error"), k);
        let mut data = vec![
            (key("phase"), Value::keyword(None, phase)),
            (key("line"), Value::long(self.pos.line as i64)),
            (key("column"), Value::long(self.pos.column as i64)),
            (key("source"), Value::string(file)),
        ];
        if let Some(sym) = symbol {
            data.push((key("symbol"), Value::symbol(sym.ns(), sym.name())));
        }
        Exception::full(
            ExClass::CompilerException,
            Some(msg),
            Some(Value::map_from_pairs(data)),
            Some(cause),
        )
    }

    /// A CompilerException for an error the JVM raises while emitting the
    /// current fn's code: "Syntax error (X) compiling fn* at (the fn* form)".
    pub(crate) fn emit_error(&mut self, cause: Exception) -> Exception {
        let saved = self.pos;
        self.pos = self.fns.last().map_or(saved, |f| f.pos);
        let fn_sym = Symbol::intern(None, "fn*");
        let e = self.compiler_exception(
            "compiling fn*",
            "compile-syntax-check",
            Some(&fn_sym),
            cause,
        );
        self.pos = saved;
        e
    }

    pub(crate) fn error<T>(&self, class: ExClass, msg: impl Into<String>) -> Result<T> {
        Err(self.compile_error(Exception::new(class, msg)))
    }

    // ----- locals -----

    /// Bind `sym` to a fresh slot in the current fn.
    fn bind_local(&mut self, sym: Ref<Symbol>) -> u32 {
        let f = self.fns_last();
        let slot = f.next_slot;
        f.next_slot += 1;
        f.locals.push((sym, slot));
        // Slots restart at 0 in each arity: a mark left by another arity's
        // local in this slot is not this local's type.
        if let Some(p) = f.prims.get_mut(slot as usize) {
            *p = None;
        }
        slot
    }

    fn locals_mark(&mut self) -> usize {
        self.fns_last().locals.len()
    }

    fn locals_reset(&mut self, mark: usize) {
        self.fns_last().locals.truncate(mark);
    }

    /// Resolve `sym` as a local of the current or an enclosing fn.
    fn resolve_local(&mut self, sym: &Symbol) -> Option<NodeKind<'a>> {
        if sym.ns().is_some() {
            return None;
        }
        let depth = self.fns.len().checked_sub(1)?;
        for d in (0..=depth).rev() {
            let found = self.fns[d]
                .locals
                .iter()
                .rev()
                .find(|(s, _)| s.same(sym))
                .map(|(_, slot)| *slot);
            if let Some(slot) = found {
                if d == depth {
                    return Some(NodeKind::Local(LocalRead {
                        slot,
                        last_use: std::cell::Cell::new(false),
                    }));
                }
                return Some(NodeKind::Captured(
                    self.capture(depth, CaptureKey::Slot(d, slot)),
                ));
            }
            if self.fns[d].self_name.as_ref().is_some_and(|n| n.same(sym)) {
                if d == depth {
                    return Some(NodeKind::SelfFn);
                }
                return Some(NodeKind::Captured(
                    self.capture(depth, CaptureKey::SelfOf(d)),
                ));
            }
            if let Some(f) = self.field_at(d, sym) {
                let getter = self.constant(crate::runtime::types::field_getter());
                let f_node = self.node(NodeKind::Const(getter));
                let args = [self.this_at(d), self.long_const(f.index)];
                return Some(NodeKind::Invoke(
                    self.alloc(f_node),
                    self.nodes(args.into()),
                ));
            }
        }
        None
    }

    /// The field `sym` of the method being analyzed at depth `d`.
    fn field_at(&self, d: usize, sym: &Symbol) -> Option<MethodField> {
        self.fns[d]
            .method
            .as_ref()?
            .iter()
            .find(|f| f.sym.same(sym))
            .cloned()
    }

    /// The innermost field named `sym` not shadowed by a local, and the
    /// depth of its method.
    pub(crate) fn resolve_field(&self, sym: &Symbol) -> Option<(usize, MethodField)> {
        if sym.ns().is_some() {
            return None;
        }
        for d in (0..self.fns.len()).rev() {
            let f = &self.fns[d];
            if f.locals.iter().any(|(s, _)| s.same(sym))
                || f.self_name.as_ref().is_some_and(|n| n.same(sym))
            {
                return None;
            }
            if let Some(field) = self.field_at(d, sym) {
                return Some((d, field));
            }
        }
        None
    }

    /// The file name a fn's stack frames show (as the JVM's SourceFile
    /// attribute: no directories); None at the REPL and for `-e`.
    fn source_file(&self) -> Option<&'a str> {
        let path = self.env.file.as_deref()?;
        if path == "NO_SOURCE_PATH" || path == "NO_SOURCE_FILE" {
            return None;
        }
        Some(self.bump.alloc_str(path.rsplit('/').next().unwrap_or(path)))
    }

    /// A read of `this` (slot 0) of the method at depth `d`.
    pub(crate) fn this_at(&mut self, d: usize) -> Node<'a> {
        let depth = self.fns.len() - 1;
        let kind = if d == depth {
            NodeKind::Local(LocalRead {
                slot: 0,
                last_use: std::cell::Cell::new(false),
            })
        } else {
            NodeKind::Captured(self.capture(depth, CaptureKey::Slot(d, 0)))
        };
        self.node(kind)
    }

    pub(crate) fn long_const(&mut self, n: u32) -> Node<'a> {
        let id = self.constant(Value::long(i64::from(n)));
        self.node(NodeKind::Const(id))
    }

    /// Index of `key` among the captures of the fn at depth `at`, threading
    /// the capture through every fn between its owner and `at`.
    fn capture(&mut self, at: usize, key: CaptureKey) -> u32 {
        if let Some(i) = self.fns[at].captures.iter().position(|(k, _)| *k == key) {
            return i as u32;
        }
        let src = if key.owner() + 1 == at {
            match key {
                CaptureKey::Slot(_, s) => CaptureSource::Local(s),
                CaptureKey::SelfOf(_) => CaptureSource::SelfFn,
            }
        } else {
            CaptureSource::Captured(self.capture(at - 1, key))
        };
        self.fns[at].captures.push((key, src));
        (self.fns[at].captures.len() - 1) as u32
    }

    fn is_local(&self, sym: &Symbol) -> bool {
        sym.ns().is_none()
            && self.fns.iter().any(|f| {
                f.locals.iter().any(|(s, _)| s.same(sym))
                    || f.self_name.as_ref().is_some_and(|n| n.same(sym))
                    || f.method
                        .as_ref()
                        .is_some_and(|fs| fs.iter().any(|x| x.sym.same(sym)))
            })
    }

    // ----- vars -----

    /// Resolve a symbol to a var: `ns/name` through aliases and namespaces,
    /// `name` through the current namespace's mappings.
    pub(crate) fn resolve_var(&self, sym: &Symbol) -> Result<Option<Ref<Var>>> {
        match sym.ns() {
            Some(ns_name) => {
                let ns = match self.namespace_for(ns_name) {
                    Some(ns) => ns,
                    None => return Ok(None),
                };
                match ns.find_interned(sym.name()) {
                    Some(v) => Ok(Some(v)),
                    None => {
                        if Ref::ptr_eq(&ns, &self.env.ns) {
                            Ok(ns.lookup(sym.name()))
                        } else {
                            self.error(
                                ExClass::RuntimeException,
                                format!("No such var: {}/{}", ns_name, sym.name()),
                            )
                        }
                    }
                }
            }
            None => Ok(self.env.ns.lookup(sym.name()).or_else(|| {
                // Compiler.resolveIn: `ns` and `in-ns` resolve in every
                // namespace, even one that does not refer clojure.core.
                if matches!(sym.name(), "ns" | "in-ns") {
                    namespace::find_ns("clojure.core").and_then(|c| c.find_interned(sym.name()))
                } else {
                    None
                }
            })),
        }
    }

    fn namespace_for(&self, name: &str) -> Option<Ref<Namespace>> {
        self.env
            .ns
            .alias(name)
            .or_else(|| namespace::find_ns(name))
            .or_else(|| jvm_preloaded(name))
    }

    // ----- analysis -----

    pub(crate) fn analyze(&mut self, form: &Value, tail: bool) -> Result<Node<'a>> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return self.error(
                ExClass::StackOverflowError,
                "form nested too deeply to compile",
            );
        }
        let special = self.special.take();
        let r = self.analyze_inner(form, tail);
        self.special = special;
        self.depth -= 1;
        r
    }

    /// The class-like name of a fn* being analyzed, as FnExpr names its
    /// class: the enclosing fn's name (or the namespace) then `$`, then the
    /// fn's own name with a fresh id, else the def's or let binding's name
    /// (with an id only inside another fn), else `fn` with an id.
    fn fn_class_name(&self, own: Option<&str>, hint: Option<String>) -> String {
        let enclosing = match self.fns.split_first() {
            // The top-level form's `evalN` encloses its fns unless it is a
            // def (Compiler.eval does not wrap those).
            Some((root, [])) if self.top_def != Some(true) => root.class_name.as_deref(),
            Some((_, [.., inner])) => inner.class_name.as_deref(),
            _ => None,
        };
        let mut out = match enclosing {
            Some(e) => format!("{e}$"),
            None => format!("{}/", self.env.ns.name_str()),
        };
        match (own, hint) {
            (Some(n), _) => out.push_str(&format!("{n}--{}", next_id())),
            (None, Some(h)) if enclosing.is_some() => out.push_str(&format!("{h}--{}", next_id())),
            (None, Some(h)) => out.push_str(&h),
            (None, None) => out.push_str(&format!("fn--{}", next_id())),
        }
        out
    }

    fn analyze_inner(&mut self, form: &Value, tail: bool) -> Result<Node<'a>> {
        // A def's (or let binding's) name names the fn only when its init
        // is the fn form itself (Compiler passes the name to FnExpr only
        // then): a fn inside a collection or a call gets none.
        match form.view() {
            View::Symbol(s) => self.analyze_symbol(s),
            View::Vector(_) => {
                self.name_hint = None;
                self.analyze_coll(form, CollKind::Vector)
            }
            View::ArrayMap(_) | View::HashMap(_) => {
                self.name_hint = None;
                self.analyze_coll(form, CollKind::Map)
            }
            View::HashSet(_) => {
                self.name_hint = None;
                self.analyze_coll(form, CollKind::Set)
            }
            _ => match form_items(form)? {
                Some(items) if items.is_empty() => Ok(self.const_node(form.clone())),
                Some(items) => {
                    let saved = self.pos;
                    if let Some(p) = form_pos(form) {
                        self.pos = p;
                    }
                    let r = self.analyze_seq(form, &items, tail);
                    self.pos = saved;
                    r
                }
                None => Ok(self.const_node(form.clone())),
            },
        }
    }

    fn analyze_symbol(&mut self, s: &Symbol) -> Result<Node<'a>> {
        if let Some(kind) = self.resolve_local(s) {
            return Ok(self.node(kind));
        }
        if let Some(var) = self.resolve_var(s)? {
            if var.is_macro() {
                return self.error(
                    ExClass::RuntimeException,
                    format!("Can't take value of a macro: #'{}", var.qualified_name()),
                );
            }
            let id = self.constant(Value::var(var));
            return Ok(self.node(NodeKind::Var(id)));
        }
        if let Some(ns) = s.ns()
            && self.namespace_for(ns).is_none()
            && host::is_class(ns)
        {
            let (c, f) = (self.host_class(ns), self.str(s.name()));
            self.check_static_field(c, f)?;
            return Ok(self.node(NodeKind::StaticField(c, f)));
        }
        if s.ns().is_none()
            && let Some(c) = host::class_value(s.name())
        {
            return Ok(self.const_node(c));
        }
        let msg = format!("Unable to resolve symbol: {s} in this context");
        match s.ns() {
            // The JVM compiler loads `a.b.C/x`'s class by name.
            Some(ns) if self.namespace_for(ns).is_none() => {
                return self.class_not_found(
                    ns,
                    ExClass::RuntimeException,
                    format!("No such namespace: {ns}"),
                );
            }
            None => return self.class_not_found(s.name(), ExClass::RuntimeException, msg),
            Some(_) => {}
        }
        self.error(
            ExClass::RuntimeException,
            format!("Unable to resolve symbol: {s} in this context"),
        )
    }

    fn analyze_coll(&mut self, form: &Value, kind: CollKind) -> Result<Node<'a>> {
        let user_meta = user_meta(form);
        if is_literal(form) {
            return Ok(self.const_node(form.clone()));
        }
        let mut items = Vec::new();
        match kind {
            CollKind::Map => {
                for e in seq::iter(form) {
                    let e = e?;
                    items.push(self.analyze(&seq::first(&e)?, false)?);
                    items.push(self.analyze(&seq::first(&seq::next(&e)?)?, false)?);
                }
            }
            _ => {
                for x in seq::iter(form) {
                    items.push(self.analyze(&x?, false)?);
                }
            }
        }
        let items = self.nodes(items);
        let node = self.node(match kind {
            CollKind::Vector => NodeKind::Vector(items),
            CollKind::Map => NodeKind::Map(items),
            CollKind::Set => NodeKind::Set(items),
        });
        match user_meta {
            Some(m) => {
                let m = self.analyze(&m, false)?;
                Ok(self.node(NodeKind::WithMeta(self.alloc(node), self.alloc(m))))
            }
            None => Ok(node),
        }
    }

    fn analyze_seq(&mut self, form: &Value, items: &[Value], tail: bool) -> Result<Node<'a>> {
        let op = &items[0];
        if let Some(sym) = op.as_symbol() {
            // Special forms win over locals of the same name (Compiler
            // checks them first); macros do not.
            if sym.ns().is_none() {
                // Only `fn*` takes the name hint; another special form's
                // parts do not.
                let hint = if sym.name() == "fn*" {
                    None
                } else {
                    self.name_hint.take()
                };
                if sym.is_special() && self.top_def.is_none() {
                    self.top_def = Some(sym.name().starts_with("def"));
                }
                let saved = self.special.replace(op.clone());
                let r = self.analyze_special(sym.name(), form, items, tail);
                self.special = saved;
                match r? {
                    Some(n) => return Ok(n),
                    None => self.name_hint = hint,
                }
            }
            // `import*` is special only as clojure.core/import*.
            if sym.ns() == Some("clojure.core")
                && sym.name() == "import*"
                && let Some(n) = self.analyze_special("import*", form, items, tail)?
            {
                return Ok(n);
            }
            if !self.is_local(sym) {
                let expanded = self.macroexpand_1(form, items)?;
                if !expanded.identical(form) {
                    return self.analyze(&expanded, tail);
                }
                self.name_hint = None;
                self.top_def.get_or_insert(false);
                if let Some(n) = self.analyze_host_sugar(sym, items)? {
                    return Ok(n);
                }
                if let Some(u) = self.unchecked_math(sym, items) {
                    return self.analyze(&u, tail);
                }
                if let Some(u) = self.nary_inline(sym, items) {
                    return self.analyze(&u, tail);
                }
            }
        }
        self.name_hint = None;
        self.top_def.get_or_insert(false);
        let f = self.analyze(op, false)?;
        let f = self.alloc(f);
        let mut args = Vec::with_capacity(items.len() - 1);
        for a in &items[1..] {
            args.push(self.analyze(a, false)?);
        }
        let f = match self.prim_long_division(f, &args) {
            Some(op) => {
                let n = self.const_node(op);
                self.alloc(n)
            }
            None => f,
        };
        let args = self.nodes(args);
        Ok(self.node(NodeKind::Invoke(f, args)))
    }

    /// `(+ a b c)` is `(+ (+ a b) c)`: the :inline of clojure.core's
    /// arithmetic and bit ops (`nary-inline`, for 2+ args on the JVM) makes
    /// each step's result, and its exception, come before the next
    /// argument is evaluated.
    fn nary_inline(&mut self, sym: &Symbol, items: &[Value]) -> Option<Value> {
        let args = &items[1..];
        if args.len() < 3 {
            return None;
        }
        let var = self.resolve_var(sym).ok()??;
        if var.ns_sym().name() != "clojure.core" {
            return None;
        }
        let name = var.sym().name();
        const NARY: [&str; 13] = [
            "+",
            "+'",
            "*",
            "*'",
            "-",
            "-'",
            "/",
            "max",
            "min",
            "bit-and",
            "bit-or",
            "bit-xor",
            "bit-and-not",
        ];
        if !NARY.contains(&name) {
            return None;
        }
        let op = Value::symbol(Some("clojure.core"), name);
        let mut acc = args[0].clone();
        for a in &args[1..] {
            acc = Value::list(vec![op.clone(), acc, a.clone()]);
        }
        Some(acc)
    }

    /// With `*unchecked-math*` set while compiling, `+ - * inc dec` compile
    /// to their unchecked forms, as their :inline expansions do on the JVM
    /// (there only for primitive longs; here for any long).
    fn unchecked_math(&mut self, sym: &Symbol, items: &[Value]) -> Option<Value> {
        let on = crate::runtime::core_vars::core_vars()
            .unchecked_math
            .get()
            .is_some_and(|v| v.truthy());
        if !on {
            return None;
        }
        let var = self.resolve_var(sym).ok()??;
        if var.ns_sym().name() != "clojure.core" {
            return None;
        }
        let core = |n: &str| Value::symbol(Some("clojure.core"), n);
        let args = &items[1..];
        let fold = |name: &str| -> Value {
            let mut acc = args[0].clone();
            for a in &args[1..] {
                acc = Value::list(vec![core(name), acc, a.clone()]);
            }
            acc
        };
        Some(match (var.sym().name(), args.len()) {
            ("+", n) if n >= 2 => fold("unchecked-add"),
            ("*", n) if n >= 2 => fold("unchecked-multiply"),
            ("-", 1) => Value::list(vec![core("unchecked-negate"), args[0].clone()]),
            ("-", n) if n >= 2 => fold("unchecked-subtract"),
            ("inc", 1) => Value::list(vec![core("unchecked-inc"), args[0].clone()]),
            ("dec", 1) => Value::list(vec![core("unchecked-dec"), args[0].clone()]),
            _ => return None,
        })
    }

    /// `(.m x args)`, `(C. args)` and `(C/m args)`.
    fn analyze_host_sugar(&mut self, sym: &Symbol, items: &[Value]) -> Result<Option<Node<'a>>> {
        let name = sym.name();
        if sym.ns().is_none() && name.len() > 1 && name.starts_with('.') && name != ".." {
            if items.len() < 2 {
                return self.error(
                    ExClass::IllegalArgumentException,
                    "Malformed member expression, expecting (.member target ...)",
                );
            }
            let target = self.analyze(&items[1], false)?;
            let target = self.alloc(target);
            let args = self.analyze_args(&items[2..])?;
            let m = self.str(&name[1..]);
            return Ok(Some(self.node(NodeKind::InstanceCall(m, target, args))));
        }
        if ctor_sugar(sym, |ns| self.namespace_for(ns).is_some()) {
            // Errors name `new`, the form `(C. ...)` expands to on the JVM.
            let c = self.as_special("new", |a| {
                let c = a.ctor_class(&name[..name.len() - 1])?;
                a.check_user_ctor(c.name, items.len() - 1)?;
                Ok(c)
            })?;
            let args = self.analyze_args(&items[1..])?;
            return Ok(Some(self.node(NodeKind::New(c, args))));
        }
        if let Some(ns) = sym.ns()
            && self.namespace_for(ns).is_none()
            && host::is_class(ns)
        {
            let args = self.analyze_args(&items[1..])?;
            let (c, m) = (self.host_class(ns), self.str(name));
            // Errors name `.`, the form `(C/m ...)` expands to on the JVM.
            self.as_special(".", |a| a.check_static_member(c, m, args.len()))?;
            return Ok(Some(self.node(NodeKind::StaticCall(c, m, args))));
        }
        Ok(None)
    }

    /// Run `f` with errors reported as compiling the special form `name`.
    fn as_special<T>(&mut self, name: &str, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        let saved = self.special.replace(Value::symbol(None, name));
        let r = f(self);
        self.special = saved;
        r
    }

    fn analyze_args(&mut self, forms: &[Value]) -> Result<&'a [Node<'a>]> {
        let mut v = Vec::with_capacity(forms.len());
        for f in forms {
            v.push(self.analyze(f, false)?);
        }
        Ok(self.nodes(v))
    }

    /// Expand `form` once if its head names a macro; else return it as is.
    fn macroexpand_1(&mut self, form: &Value, items: &[Value]) -> Result<Value> {
        let Some(sym) = items[0].as_symbol() else {
            return Ok(form.clone());
        };
        let var = match self.resolve_var(sym) {
            Ok(Some(v)) if v.is_macro() => v,
            _ => return Ok(form.clone()),
        };
        let f = var.deref().map_err(|e| self.compile_error(e))?;
        let env = self.macro_env()?;
        let mut args = Vec::with_capacity(items.len() + 1);
        args.push(form.clone());
        args.push(env.clone());
        args.extend_from_slice(&items[1..]);
        check_macro_spec(&var, &items[1..])
            .and_then(|()| with_local_env(env, self.pos.line, || func::invoke(&f, &args)))
            .map_err(|e| {
                let e = hide_implicit_args(e);
                // A spec check failure names the macro's var (checkSpecs), any
                // other error the symbol as written.
                let spec_failure = e.class() == ExClass::ExceptionInfo
                    && e.message()
                        .is_some_and(|m| m.ends_with("did not conform to spec."));
                if spec_failure {
                    let qualified = Symbol::intern(Some(var.ns_sym().name()), var.sym().name());
                    self.macro_error(&qualified, e)
                } else if e.class() == ExClass::ArityException {
                    // Compiler.macroexpand1 rethrows it as is; analysis then
                    // reports a plain compile error.
                    self.compile_error(e)
                } else {
                    self.macro_error(sym, e)
                }
            })
    }

    /// Compiler.macroexpand1: a macro that throws is a CompilerException of
    /// phase :macro-syntax-check naming the macro symbol as written.
    fn macro_error(&self, sym: &Symbol, cause: Exception) -> Exception {
        let what = format!("macroexpanding {sym}");
        self.compiler_exception(&what, "macro-syntax-check", Some(sym), cause)
    }

    /// `&env`: the value of Compiler/LOCAL_ENV (nil unless a macro is
    /// running) with the visible local symbols added (to nil); nil when
    /// there are none, as on the JVM.
    fn macro_env(&self) -> Result<Value> {
        let mut env = core_vars().local_env.get().unwrap_or(Value::NIL);
        for f in &self.fns {
            let fields = f.method.iter().flatten().map(|m| &m.sym);
            for s in f
                .self_name
                .iter()
                .chain(fields)
                .chain(f.locals.iter().map(|l| &l.0))
            {
                env = crate::runtime::coll::ops::assoc(&env, Value::from(s.clone()), Value::NIL)?;
            }
        }
        Ok(env)
    }
}

/// Run a macro fn with Compiler/LOCAL_ENV bound to its `&env`
/// (Compiler.macroexpand1 runs inside the analyzer's LOCAL_ENV binding),
/// so `macroexpand-1` inside the macro passes the same locals on, and
/// Compiler/LINE bound to the current source line (0 when unknown).
fn with_local_env(env: Value, line: u32, f: impl FnOnce() -> Result<Value>) -> Result<Value> {
    let vars = core_vars();
    var::push_bindings(vec![
        (vars.local_env.clone(), env),
        (vars.line.clone(), Value::long(i64::from(line))),
    ])?;
    let r = f();
    var::pop_bindings()?;
    r
}

/// Compiler.checkSpecs: once clojure.spec.alpha is loaded, a macro call's
/// args must conform to the macro's `:args` spec, via
/// `clojure.spec.alpha/macroexpand-check` (core specs come with spec: see
/// `builtins::ns::ensure_macro_check`). Without spec: one namespace lookup.
fn check_macro_spec(var: &Ref<Var>, args: &[Value]) -> Result<()> {
    let Some(spec) = namespace::find_ns("clojure.spec.alpha") else {
        return Ok(());
    };
    // Not while spec.alpha itself is loading: `assert` is its last var.
    if !spec.find_interned("assert").is_some_and(|v| v.has_root()) {
        return Ok(());
    }
    let Some(check) = spec
        .find_interned("macroexpand-check")
        .and_then(|v| v.get())
    else {
        return Ok(());
    };
    func::invoke(
        &check,
        &[Value::var(var.clone()), Value::list(args.to_vec())],
    )?;
    Ok(())
}

/// A macro's ArityException counts the caller's args, not `&form &env`
/// (Compiler.macroexpand1 subtracts 2).
fn hide_implicit_args(e: Exception) -> Exception {
    if e.class() != ExClass::ArityException {
        return e;
    }
    let msg = e.message().unwrap_or("");
    let parsed = msg
        .strip_prefix("Wrong number of args (")
        .and_then(|r| r.split_once(") passed to: "))
        .and_then(|(n, name)| Some((n.parse::<usize>().ok()?, name)));
    match parsed {
        Some((n, name)) if n >= 2 => Exception::new(
            ExClass::ArityException,
            format!("Wrong number of args ({}) passed to: {name}", n - 2),
        ),
        _ => e,
    }
}

#[derive(Clone, Copy)]
enum CollKind {
    Vector,
    Map,
    Set,
}

/// The items of a seq form (list, cons, lazy seq...), or None when `v` is not
/// a seq.
pub(crate) fn form_items(v: &Value) -> Result<Option<Vec<Value>>> {
    match v.view() {
        View::List(_)
        | View::Cons(_)
        | View::LazySeq(_)
        | View::ArraySeq(_)
        | View::ChunkedSeq(_)
        | View::LongRange(_)
        | View::Range(_) => {
            let mut out = Vec::new();
            for x in seq::iter(v) {
                out.push(x?);
            }
            Ok(Some(out))
        }
        _ => Ok(None),
    }
}

/// `:line`/`:column` of a list form read from source.
pub fn form_pos(v: &Value) -> Option<Pos> {
    let meta = match v.view() {
        View::List(l) => l.meta()?.clone(),
        _ => return None,
    };
    let line = crate::runtime::lookup::get(&meta, &Value::keyword(None, "line")).as_long()?;
    let column = crate::runtime::lookup::get(&meta, &Value::keyword(None, "column"))
        .as_long()
        .unwrap_or(0);
    Some(Pos {
        line: line as u32,
        column: column as u32,
    })
}

/// Metadata of a collection literal other than reader positions.
fn user_meta(v: &Value) -> Option<Value> {
    let m = crate::runtime::meta::meta(v);
    if m.is_nil() {
        return None;
    }
    let stripped = crate::runtime::lookup::dissoc_keys(&m, &["line", "column"]);
    if crate::runtime::lookup::count(&stripped) == 0 {
        None
    } else {
        Some(stripped)
    }
}

/// True when a form evaluates to itself: no symbols or seqs inside.
fn is_literal(v: &Value) -> bool {
    match v.view() {
        View::Symbol(_) => false,
        View::Vector(_) | View::ArrayMap(_) | View::HashMap(_) | View::HashSet(_) => {
            if user_meta(v).is_some() {
                return false;
            }
            seq::iter(v).all(|x| match x {
                Ok(x) => match x.view() {
                    View::MapEntry(e) => is_literal(e.key()) && is_literal(e.val()),
                    _ => is_literal(&x),
                },
                Err(_) => false,
            })
        }
        _ => !matches!(form_items(v), Ok(Some(ref items)) if !items.is_empty()),
    }
}
