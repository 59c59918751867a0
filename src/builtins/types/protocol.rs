//! Protocols: `defprotocol`'s runtime half, protocol method fns with their
//! dispatch caches, `extend`, `satisfies?`, `extends?`, `extenders`.
//!
//! A protocol var holds a map like the JVM's (`:on`, `:on-interface`,
//! `:sigs`, `:var`, `:method-map`, `:method-builders`, `:impls` once
//! extended); the `Protocol` behind it is found by its interface name.
//! Dispatch on the first argument: an object whose type implements the
//! protocol inline, then (with `:extend-via-metadata`) a fn in its metadata,
//! then the `extend` impls by class: exact class, superclasses, the most
//! specific interface, Object (nil only matches a nil impl). Each method fn
//! keeps a one-entry cache (class name -> fn) and each protocol a cache of
//! class name -> impl map; `extend` bumps the protocol's version, which
//! invalidates both.

use crate::builtins::classes::{is_interface, is_subclass};
use crate::runtime::error::{ExClass, Exception, Result, err};
use crate::runtime::func;
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::lookup;
use crate::runtime::meta;
use crate::runtime::namespace::Namespace;
use crate::runtime::seq;
use crate::runtime::types::{self, TypeKind};
use crate::runtime::value::{Value, View};
use crate::runtime::var::Var;
use ahash::AHashMap;
use std::sync::atomic::{AtomicU64, Ordering};

pub(crate) struct Protocol {
    /// `#'user/P` in messages.
    var: Ref<Var>,
    /// The interface name (`user.P`).
    iface: String,
    via_metadata: bool,
    method_names: Vec<String>,
    /// Class value (or nil) -> method map, in extension order.
    impls: Lock<Value>,
    /// Class name -> the impl map that class dispatches to (None: none).
    cache: Lock<AHashMap<&'static str, Option<Value>>>,
    version: AtomicU64,
}

crate::runtime::gc::global_state!(protocols: AHashMap<String, Ref<Protocol>> = AHashMap::new());

fn kw(s: &str) -> Value {
    Value::keyword(None, s)
}

/// The protocol a protocol map (a protocol var's value) stands for.
pub(crate) fn protocol_of(p: &Value) -> Option<Ref<Protocol>> {
    let iface = lookup::get(p, &kw("on-interface"));
    let name = iface.as_class()?.name().to_string();
    protocols(|m| m.get(&name).cloned())
}

fn not_a_protocol(p: &Value) -> Exception {
    let s = crate::runtime::printer::str_value(p).unwrap_or_default();
    Exception::new(
        ExClass::IllegalArgumentException,
        format!("{s} is not a protocol"),
    )
}

pub(crate) fn expect_protocol(p: &Value) -> Result<Ref<Protocol>> {
    protocol_of(p).ok_or_else(|| not_a_protocol(p))
}

impl Protocol {
    pub(crate) fn iface(&self) -> &str {
        &self.iface
    }
    /// Bumped by every `extend` of this protocol.
    pub(crate) fn version(&self) -> u64 {
        self.version.load(Ordering::Acquire)
    }
    pub(crate) fn has_method(&self, name: &str) -> bool {
        self.method_names.iter().any(|m| m == name)
    }

    /// find-protocol-impl for anything not implementing the protocol inline.
    fn impl_for(&self, x: &Value) -> Option<Value> {
        // A fn's own class (`clojure.core$double`, `user$f`) is a subclass of
        // AFunction that `extend` may name: it wins over AFunction's impls.
        if let Some(m) = self.own_fn_class_impl(x) {
            return Some(m);
        }
        let cname = x.class_name();
        if let Some(hit) = lock(&self.cache).get(cname) {
            return hit.clone();
        }
        let found = self.search_impl(x);
        lock(&self.cache).insert(cname, found.clone());
        found
    }

    /// The impl extended to `x`'s own fn class, when `x` is a named fn.
    fn own_fn_class_impl(&self, x: &Value) -> Option<Value> {
        if !matches!(x.view(), View::Fn(_)) {
            return None;
        }
        let own = crate::runtime::printer::fn_class_name(x)?;
        let impls = lock(&self.impls).clone();
        crate::runtime::equality::entries(&impls)
            .filter_map(|e| e.ok())
            .find(|(k, _)| k.as_class().is_some_and(|c| c.name() == own))
            .map(|(_, m)| m)
    }

    fn search_impl(&self, x: &Value) -> Option<Value> {
        let impls = lock(&self.impls).clone();
        let mut entries: Vec<(Option<String>, Value)> = Vec::new();
        for e in crate::runtime::equality::entries(&impls) {
            let Ok((k, m)) = e else { continue };
            entries.push((k.as_class().map(|c| c.name().to_string()), m));
        }
        if x.is_nil() {
            return entries
                .into_iter()
                .find(|(k, _)| k.is_none())
                .map(|(_, m)| m);
        }
        let cname = x.class_name();
        let get = |name: &str| {
            entries
                .iter()
                .find(|(k, _)| k.as_deref() == Some(name))
                .map(|(_, m)| m.clone())
        };
        if let Some(m) = get(cname) {
            return Some(m);
        }
        let supers: Vec<&str> = entries
            .iter()
            .filter_map(|(k, _)| k.as_deref())
            .filter(|k| *k != "java.lang.Object" && is_subclass(cname, k))
            .collect();
        // Superclasses first (they form a chain: take the most specific).
        let classes: Vec<&str> = supers
            .iter()
            .copied()
            .filter(|k| !is_interface(k))
            .collect();
        if let Some(best) = classes
            .iter()
            .copied()
            .find(|c| classes.iter().all(|o| is_subclass(c, o)))
        {
            return get(best);
        }
        // Then interfaces, preferring the more specific (`pref`).
        let mut best: Option<&str> = None;
        for k in supers.iter().copied().filter(|k| is_interface(k)) {
            best = match best {
                Some(b) if !is_subclass(k, b) => Some(b),
                _ => Some(k),
            };
        }
        if let Some(b) = best {
            return get(b);
        }
        get("java.lang.Object")
    }

    /// Does `x`'s own type implement this protocol (deftype/defrecord/reify
    /// listing it)?
    pub(crate) fn implemented_by(&self, x: &Value) -> bool {
        matches!(x.view(), View::Instance(i) if i.implements(&self.iface))
    }

    fn satisfied_by(&self, x: &Value) -> bool {
        self.implemented_by(x) || self.impl_for(x).is_some()
    }

    fn invalidate(&self) {
        self.version.fetch_add(1, Ordering::AcqRel);
        lock(&self.cache).clear();
    }

    /// The `:impls` of the protocol var's map, which a program may replace
    /// (`(alter-var-root #'P assoc :impls {})`, as Clojure's own tests
    /// do): taken over, and the dispatch caches dropped, when it is not the
    /// map `extend` last stored. Checked where the impls are read as data
    /// (extend, extends?, extenders), not on every dispatch.
    fn sync_impls(&self) -> Value {
        let root = self.var.root().unwrap_or(Value::NIL);
        let current = lookup::get(&root, &kw("impls"));
        let current = if current.is_nil() {
            Value::map_from_pairs(vec![])
        } else {
            current
        };
        let mut g = lock(&self.impls);
        if !g.identical(&current) {
            *g = current.clone();
            drop(g);
            self.invalidate();
        }
        current
    }
}

/// The dispatch target a method fn caches for one class.
#[derive(Clone)]
enum Target {
    /// The object's own method (deftype/defrecord/reify).
    Inline,
    Fn(Value),
}

struct MethodFn {
    proto: Ref<Protocol>,
    /// `:foo`, its key in impl maps.
    key: Value,
    /// `user.P/foo`: the method key inline implementations use.
    inline_key: String,
    /// `user/foo`: the metadata key with `:extend-via-metadata`.
    meta_sym: Value,
    cache: Lock<Option<(u64, &'static str, Target)>>,
}

impl MethodFn {
    fn call(&self, args: &[Value]) -> Result<Value> {
        let Some(x) = args.first() else {
            return err::throw(
                ExClass::ArityException,
                format!(
                    "Wrong number of args (0) passed to: {}",
                    self.meta_sym
                        .as_symbol()
                        .map(|s| s.to_string())
                        .unwrap_or_default()
                ),
            );
        };
        if self.proto.via_metadata {
            let m = meta::meta(x);
            if !m.is_nil() {
                let f = lookup::get(&m, &self.meta_sym);
                if !f.is_nil() {
                    return func::invoke(&f, args);
                }
            }
        }
        let target = self.target(x)?;
        match target {
            Target::Fn(f) => func::invoke(&f, args),
            Target::Inline => {
                let View::Instance(inst) = x.view() else {
                    return Err(self.no_impl(x));
                };
                match inst.method(&self.inline_key) {
                    Some(m) => func::invoke(&m, args),
                    None => err::throw(
                        ExClass::AbstractMethodError,
                        format!(
                            "Receiver class {} does not define or inherit an implementation of the resolved method 'abstract java.lang.Object {}({})' of interface {}.",
                            x.class_name(),
                            self.method_name(),
                            vec!["java.lang.Object"; args.len() - 1].join(", "),
                            self.proto.iface
                        ),
                    ),
                }
            }
        }
    }

    fn method_name(&self) -> &str {
        self.key.as_keyword().map(|k| k.name()).unwrap_or("")
    }

    fn target(&self, x: &Value) -> Result<Target> {
        let cname = x.class_name();
        let version = self.proto.version.load(Ordering::Acquire);
        // Fns share the cache key AFunction but may have their own impls.
        let own_class = matches!(x.view(), View::Fn(_));
        if let Some((v, c, t)) = &*lock(&self.cache)
            && *v == version
            && *c == cname
            && !own_class
        {
            return Ok(t.clone());
        }
        let t = if self.proto.implemented_by(x) {
            Target::Inline
        } else {
            let f = self
                .proto
                .impl_for(x)
                .map(|m| lookup::get(&m, &self.key))
                .unwrap_or(Value::NIL);
            if f.is_nil() {
                return Err(self.no_impl(x));
            }
            Target::Fn(f)
        };
        *lock(&self.cache) = Some((version, cname, t.clone()));
        Ok(t)
    }

    fn no_impl(&self, x: &Value) -> Exception {
        let own = crate::runtime::printer::fn_class_name(x);
        let class = match &own {
            _ if x.is_nil() => "nil",
            Some(c) => c.as_str(),
            None => x.class_name(),
        };
        Exception::new(
            ExClass::IllegalArgumentException,
            format!(
                "No implementation of method: {} of protocol: #'{} found for class: {}",
                crate::runtime::printer::pr_str(&self.key),
                self.proto.var.qualified_name(),
                class
            ),
        )
    }
}

/// One method signature of a `defprotocol`.
pub(crate) struct Sig {
    pub(crate) name: String,
    pub(crate) arglists: Vec<Value>,
    pub(crate) doc: Value,
}

/// defprotocol's parsed body: doc, options, signatures.
pub(crate) struct ProtocolDecl {
    pub(crate) doc: Value,
    pub(crate) opts: Vec<(Value, Value)>,
    pub(crate) sigs: Vec<Sig>,
}

/// Parse `"doc"? (:opt val)* (name [args]+ "doc"?)*`.
pub(crate) fn parse_decl(protocol: &str, body: &[Value]) -> Result<ProtocolDecl> {
    let mut i = 0;
    let mut doc = Value::NIL;
    let mut opts = Vec::new();
    loop {
        match body.get(i) {
            Some(s) if s.is_string() => {
                doc = s.clone();
                i += 1;
            }
            Some(k) if k.is_keyword() => {
                opts.push((k.clone(), body.get(i + 1).cloned().unwrap_or(Value::NIL)));
                i += 2;
            }
            _ => break,
        }
    }
    let mut sigs = Vec::new();
    for s in body.get(i..).unwrap_or(&[]) {
        let parts: Vec<Value> = seq::iter(s).collect::<Result<_>>()?;
        let Some(name) = parts.first().and_then(|n| n.as_symbol()) else {
            continue;
        };
        let mut arglists = Vec::new();
        let mut sig_doc = Value::NIL;
        for p in &parts[1..] {
            if matches!(p.view(), View::Vector(_)) {
                arglists.push(p.clone());
            } else if p.is_string() {
                sig_doc = p.clone();
                break;
            } else {
                break;
            }
        }
        if arglists.iter().any(|a| seq::count(a).unwrap_or(0) == 0) {
            return err::illegal_arg(format!(
                "Definition of function {} in protocol {protocol} must take at least one arg.",
                name.name()
            ));
        }
        sigs.push(Sig {
            name: name.name().to_string(),
            arglists,
            doc: sig_doc,
        });
    }
    Ok(ProtocolDecl { doc, opts, sigs })
}

/// Clojure's munge of a namespace or name for a class name.
pub(crate) fn munge(s: &str) -> String {
    s.replace('-', "_")
}

/// `(-defprotocol 'P '(body...))`: define the protocol in the current
/// namespace: its interface, the protocol var and one var per method.
pub(crate) fn define(ns: &Ref<Namespace>, name: &str, body: &[Value]) -> Result<Value> {
    let decl = parse_decl(name, body)?;
    let iface = format!("{}.{}", munge(ns.name_str()), munge(name));
    types::define(&iface, TypeKind::Interface, vec![], vec![], vec![]);
    types::import(ns.name_str(), &iface);
    let var = ns.intern(name);
    let via_metadata = decl.opts.iter().any(|(k, v)| {
        k.as_keyword()
            .is_some_and(|k| k.name() == "extend-via-metadata")
            && v.truthy()
    });
    // A redefinition keeps the extensions (the JVM merges into the old map).
    let old = protocols(|m| m.get(&iface).cloned());
    let impls = old
        .as_ref()
        .map(|p| p.sync_impls())
        .unwrap_or_else(|| Value::map_from_pairs(vec![]));
    let proto = Ref::new(Protocol {
        var: var.clone(),
        iface: iface.clone(),
        via_metadata,
        method_names: decl.sigs.iter().map(|s| s.name.clone()).collect(),
        impls: Lock::new(impls.clone()),
        cache: Lock::new(AHashMap::new()),
        version: AtomicU64::new(0),
    });
    protocols(|m| m.insert(iface.clone(), proto.clone()));

    let mut sigs_map = Vec::new();
    let mut method_map = Vec::new();
    let mut builders = Vec::new();
    for s in &decl.sigs {
        let arglists = Value::list(s.arglists.clone());
        let sig = Value::map_from_pairs(vec![
            (kw("tag"), Value::NIL),
            (kw("name"), Value::symbol(None, &s.name)),
            (kw("arglists"), arglists.clone()),
            (kw("doc"), s.doc.clone()),
        ]);
        sigs_map.push((kw(&s.name), sig));
        method_map.push((kw(&s.name), kw(&s.name)));
        let mf = MethodFn {
            proto: proto.clone(),
            key: kw(&s.name),
            inline_key: format!("{iface}/{}", s.name),
            meta_sym: Value::symbol(Some(ns.name_str()), &s.name),
            cache: Lock::new(None),
        };
        let f = Value::native_closure(&format!("{}/{}", ns.name_str(), s.name), move |args| {
            mf.call(args)
        });
        let mvar = ns.intern(&s.name);
        mvar.bind_root(f.clone());
        let mut m = vec![
            (kw("name"), Value::symbol(None, &s.name)),
            (kw("arglists"), arglists),
        ];
        if !s.doc.is_nil() {
            m.push((kw("doc"), s.doc.clone()));
        }
        m.push((kw("protocol"), Value::var(var.clone())));
        m.push((kw("ns"), Value::namespace(ns.clone())));
        mvar.set_meta(Value::map_from_pairs(m));
        builders.push((Value::var(mvar), f));
    }
    let mut root = vec![
        (kw("on"), Value::symbol(None, &iface)),
        (kw("on-interface"), Value::class(&iface, true)),
    ];
    if !decl.doc.is_nil() {
        root.push((kw("doc"), decl.doc.clone()));
    }
    root.extend(decl.opts.iter().cloned());
    root.push((kw("sigs"), Value::map_from_pairs(sigs_map)));
    root.push((kw("var"), Value::var(var.clone())));
    // `(apply hash-map ...)` on the JVM: hash order.
    root.push((
        kw("method-map"),
        crate::runtime::coll::ops::hash_map_of(method_map),
    ));
    root.push((
        kw("method-builders"),
        crate::runtime::coll::ops::hash_map_of(builders),
    ));
    if old.is_some() && lookup::count(&impls) > 0 {
        root.push((kw("impls"), impls));
    }
    var.bind_root(Value::map_from_pairs(root));
    let mut vm = vec![(kw("name"), Value::symbol(None, name))];
    if !decl.doc.is_nil() {
        vm.push((kw("doc"), decl.doc));
    }
    vm.push((kw("ns"), Value::namespace(ns.clone())));
    var.set_meta(Value::map_from_pairs(vm));
    Ok(Value::symbol(None, name))
}

/// `(extend atype proto mmap ...)` for one protocol.
pub(crate) fn extend(atype: &Value, pmap: &Value, mmap: &Value) -> Result<()> {
    let proto = expect_protocol(pmap)?;
    if implements(&proto, atype) {
        return err::illegal_arg(format!(
            "{} already directly implements {} for protocol:#'{}",
            crate::runtime::printer::str_value(atype)?,
            crate::runtime::printer::str_value(&Value::class(&proto.iface, true))?,
            proto.var.qualified_name()
        ));
    }
    let impls = proto.sync_impls();
    let impls = crate::runtime::coll::ops::assoc(&impls, atype.clone(), mmap.clone())?;
    *lock(&proto.impls) = impls.clone();
    let root = proto.var.root().unwrap_or(Value::NIL);
    proto
        .var
        .bind_root(crate::runtime::coll::ops::assoc(&root, kw("impls"), impls)?);
    proto.invalidate();
    Ok(())
}

/// Does the class `atype` implement the protocol's interface itself?
fn implements(proto: &Protocol, atype: &Value) -> bool {
    atype
        .as_class()
        .is_some_and(|c| is_subclass(c.name(), &proto.iface))
}

pub(crate) fn satisfies(pmap: &Value, x: &Value) -> Result<bool> {
    Ok(expect_protocol(pmap)?.satisfied_by(x))
}

pub(crate) fn extends(pmap: &Value, atype: &Value) -> Result<bool> {
    let proto = expect_protocol(pmap)?;
    if implements(&proto, atype) {
        return Ok(true);
    }
    let impls = proto.sync_impls();
    crate::runtime::coll::ops::contains(&impls, atype)
}

pub(crate) fn extenders(pmap: &Value) -> Result<Value> {
    let proto = expect_protocol(pmap)?;
    let impls = proto.sync_impls();
    crate::runtime::coll::ops::keys_or_vals(&impls, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proto(name: &str) -> (Ref<Namespace>, Value) {
        let ns = crate::runtime::namespace::create_ns("cljw.proto-test");
        let sig = Value::list(vec![
            Value::symbol(None, "area"),
            Value::vector(vec![Value::symbol(None, "this")]),
        ]);
        let _ = define(&ns, name, &[sig]);
        let p = ns
            .find_interned(name)
            .and_then(|v| v.root())
            .unwrap_or(Value::NIL);
        (ns, p)
    }

    fn area(ns: &Namespace, x: Value) -> Result<Value> {
        let f = ns
            .find_interned("area")
            .and_then(|v| v.root())
            .unwrap_or(Value::NIL);
        func::invoke(&f, &[x])
    }

    #[test]
    fn dispatch_cache_is_invalidated_by_extend() {
        let (ns, p) = proto("Shape");
        let err = area(&ns, Value::long(1));
        assert!(err.is_err_and(|e| e.message().is_some_and(|m| m.contains(
            "No implementation of method: :area of protocol: #'cljw.proto-test/Shape found for class: java.lang.Long"
        ))));
        let k = |s| Value::keyword(None, s);
        let one = Value::native_fn("one", |_| Ok(Value::long(1)));
        let two = Value::native_fn("two", |_| Ok(Value::long(2)));
        let number = Value::class("java.lang.Number", false);
        assert!(extend(&number, &p, &Value::map_from_pairs(vec![(k("area"), one)])).is_ok());
        assert_eq!(
            area(&ns, Value::long(5)).ok().and_then(|v| v.as_long()),
            Some(1)
        );
        // Cached for Long now; a more specific extension must win after extend.
        let long = Value::class("java.lang.Long", false);
        assert!(extend(&long, &p, &Value::map_from_pairs(vec![(k("area"), two)])).is_ok());
        assert_eq!(
            area(&ns, Value::long(5)).ok().and_then(|v| v.as_long()),
            Some(2)
        );
        assert_eq!(
            area(&ns, Value::double(5.0)).ok().and_then(|v| v.as_long()),
            Some(1)
        );
        // nil matches only a nil extension, not Object.
        assert!(area(&ns, Value::NIL).is_err());
        assert!(satisfies(&p, &Value::long(1)).unwrap_or(false));
        assert!(!satisfies(&p, &Value::string("s")).unwrap_or(true));
    }

    #[test]
    fn most_specific_interface_wins() {
        let (ns, p) = proto("Coll");
        let k = |s| Value::keyword(None, s);
        let a = Value::native_fn("a", |_| Ok(Value::long(1)));
        let b = Value::native_fn("b", |_| Ok(Value::long(2)));
        let coll = Value::class("clojure.lang.IPersistentCollection", true);
        let map = Value::class("clojure.lang.IPersistentMap", true);
        assert!(extend(&coll, &p, &Value::map_from_pairs(vec![(k("area"), a)])).is_ok());
        assert!(extend(&map, &p, &Value::map_from_pairs(vec![(k("area"), b)])).is_ok());
        let m = Value::map_from_pairs(vec![]);
        assert_eq!(area(&ns, m).ok().and_then(|v| v.as_long()), Some(2));
        assert_eq!(
            area(&ns, Value::vector(vec![]))
                .ok()
                .and_then(|v| v.as_long()),
            Some(1)
        );
    }
}
