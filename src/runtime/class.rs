//! Host classes. `ClassDef` is the ONE description of a JVM class cljw
//! models (name, superclass and interfaces, constructor, static members);
//! the interop layer contributes a table of them per area (see
//! `interop/mod.rs`) and `install_registry` indexes them once. The analyzer
//! resolves interop targets to a `&'static ClassDef` at compile time;
//! `instance?`, `supers`, `import`, catch and printing read the same defs.
//!
//! `Class` values are what `(class x)` returns and what a class symbol
//! (`String`) evaluates to. They are interned by name, so `=` and
//! `identical?` hold between two lookups of the same class, as on the JVM.

use super::error::Result;
use super::gc::Ref;
use super::value::{Value, View};
use ahash::AHashMap;
use std::sync::OnceLock;

/// `(new C args)`: the class's full name and the args; None when no
/// constructor takes these args.
pub type CtorFn = fn(class: &str, args: &[Value]) -> Option<Result<Value>>;
/// `(C/m args)`: None when no method of that name takes these args.
pub type StaticFn = fn(class: &str, member: &str, args: &[Value]) -> Option<Result<Value>>;
/// `C/F`: None when the class has no such static field.
pub type FieldFn = fn(class: &str, field: &str) -> Option<Value>;

/// One JVM class as cljw models it. Tables are written with the `const`
/// builders: `ClassDef::class("java.util.UUID").implements(&[..]).statics(..)`.
#[derive(Clone, Copy)]
pub struct ClassDef {
    /// Fully qualified (`java.lang.String`, nested classes with `$`).
    pub name: &'static str,
    pub interface: bool,
    /// The direct superclass; None for Object, interfaces and classes whose
    /// superclass is Object.
    pub superclass: Option<&'static str>,
    /// Directly implemented (or, for an interface, extended) interfaces.
    pub interfaces: &'static [&'static str],
    pub ctor: Option<CtorFn>,
    /// Names of the static methods (checked when a call is analysed).
    pub static_methods: &'static [&'static str],
    pub statics: Option<StaticFn>,
    /// Names of the static fields.
    pub static_fields: &'static [&'static str],
    pub fields: Option<FieldFn>,
}

impl ClassDef {
    pub const fn class(name: &'static str) -> ClassDef {
        ClassDef {
            name,
            interface: false,
            superclass: None,
            interfaces: &[],
            ctor: None,
            static_methods: &[],
            statics: None,
            static_fields: &[],
            fields: None,
        }
    }
    pub const fn interface(name: &'static str) -> ClassDef {
        ClassDef {
            interface: true,
            ..ClassDef::class(name)
        }
    }
    pub const fn extends(self, superclass: &'static str) -> ClassDef {
        ClassDef {
            superclass: Some(superclass),
            ..self
        }
    }
    pub const fn implements(self, interfaces: &'static [&'static str]) -> ClassDef {
        ClassDef { interfaces, ..self }
    }
    pub const fn ctor(self, f: CtorFn) -> ClassDef {
        ClassDef {
            ctor: Some(f),
            ..self
        }
    }
    pub const fn statics(self, names: &'static [&'static str], f: StaticFn) -> ClassDef {
        ClassDef {
            static_methods: names,
            statics: Some(f),
            ..self
        }
    }
    pub const fn fields(self, names: &'static [&'static str], f: FieldFn) -> ClassDef {
        ClassDef {
            static_fields: names,
            fields: Some(f),
            ..self
        }
    }
    /// The direct supertypes, superclass first (`bases`).
    pub fn supers(&self) -> impl Iterator<Item = &'static str> + use<> {
        let (superclass, interfaces) = (self.superclass, self.interfaces);
        superclass.into_iter().chain(interfaces.iter().copied())
    }
    pub fn has_static_method(&self, name: &str) -> bool {
        self.static_methods.contains(&name)
    }
    pub fn has_static_field(&self, name: &str) -> bool {
        self.static_fields.contains(&name)
    }
    /// The interned class value.
    pub fn value(&self) -> Value {
        Value::class(self.name, self.interface)
    }
}

struct Registry {
    all: Vec<&'static ClassDef>,
    /// By full name, and java.lang's (and BigInteger/BigDecimal's) classes
    /// also by simple name, as RT.DEFAULT_IMPORTS makes them.
    by_name: AHashMap<&'static str, &'static ClassDef>,
    /// The JVM's public members by class name: "static .FIELD #method".
    jvm_members: AHashMap<&'static str, &'static str>,
}

static REGISTRY: OnceLock<Registry> = OnceLock::new();

/// Index the class tables (once; later calls are ignored). `jvm_members`
/// has a line per class: its name, then the JVM's public static methods,
/// `.static-fields` and `#instance-methods` the class itself declares,
/// space-separated (lines starting with `# ` are comments).
pub fn install_registry(defs: Vec<&'static ClassDef>, jvm_members: &'static str) {
    REGISTRY.get_or_init(|| {
        let mut by_name = AHashMap::with_capacity(defs.len() * 2);
        for d in &defs {
            by_name.entry(d.name).or_insert(*d);
        }
        for d in &defs {
            if let Some(simple) = default_import(d.name) {
                by_name.entry(simple).or_insert(*d);
            }
        }
        let jvm_members = jvm_members
            .lines()
            .filter(|l| !l.starts_with("# "))
            .map(|l| l.split_once(' ').unwrap_or((l, "")))
            .collect();
        Registry {
            all: defs,
            by_name,
            jvm_members,
        }
    });
}

/// The simple name a class is known by without an import.
fn default_import(full: &'static str) -> Option<&'static str> {
    let simple = full.strip_prefix("java.lang.").or_else(|| {
        full.strip_prefix("java.math.")
            .filter(|s| s.starts_with("Big"))
    })?;
    (!simple.contains('.')).then_some(simple)
}

/// The class a full name (or a default-imported simple name) denotes,
/// ignoring the current namespace's imports.
pub fn find(name: &str) -> Option<&'static ClassDef> {
    match REGISTRY.get()?.by_name.get(name) {
        Some(d) => Some(*d),
        None => prim_fn_interface(name),
    }
}

/// Is `sig` the signature of one of clojure.lang.IFn's primitive
/// interfaces (`LL` of `IFn$LL`): 0-4 parameters then the return, each O
/// (Object), L (long) or D (double), not all O.
pub fn is_prim_sig(sig: &str) -> bool {
    (1..=5).contains(&sig.len())
        && sig.bytes().all(|b| matches!(b, b'O' | b'L' | b'D'))
        && sig.bytes().any(|b| b != b'O')
}

/// clojure.lang.IFn's primitive-signature interfaces (`IFn$LL`, `IFn$ODL`
/// ...; a fn whose params or return are hinted ^long/^double implements
/// one per such arity): made on first use rather than listed, 358 of them.
fn prim_fn_interface(name: &str) -> Option<&'static ClassDef> {
    type Made = std::sync::Mutex<AHashMap<String, &'static ClassDef>>;
    static MADE: OnceLock<Made> = OnceLock::new();
    if !name
        .strip_prefix("clojure.lang.IFn$")
        .is_some_and(is_prim_sig)
    {
        return None;
    }
    let mut made = MADE.get_or_init(Default::default).lock().ok()?;
    if let Some(d) = made.get(name) {
        return Some(d);
    }
    // Bounded by the 358 signatures: leaking gives the 'static the
    // registry's defs have.
    let n: &'static str = Box::leak(name.to_string().into_boxed_str());
    let d: &'static ClassDef = Box::leak(Box::new(ClassDef::interface(n)));
    made.insert(name.to_string(), d);
    Some(d)
}

/// The class `name` denotes where the code is: a full name, a default
/// import, or a class `import`ed into the current namespace.
pub fn resolve(name: &str) -> Option<&'static ClassDef> {
    if let Some(d) = find(name) {
        return Some(d);
    }
    let full = super::namespace::current()?.imported(name)?;
    find(&full)
}

/// A member's kind, for `jvm_has`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Member {
    StaticMethod,
    StaticField,
    /// A public instance method, declared by the class or a supertype.
    Method,
}

/// Does the JVM's class have a public member of that name and kind? None
/// when the JVM's members are not recorded for the class. A member the JVM
/// lacks fails as on the JVM (at compile time for statics); one it has and
/// cljw does not model fails saying cljw lacks it, and a static one only
/// when used, so library code that never calls it still loads.
pub fn jvm_has(def: &ClassDef, name: &str, kind: Member) -> Option<bool> {
    let members = REGISTRY.get()?.jvm_members.get(def.name)?;
    let own = members.split(' ').any(|m| match kind {
        Member::StaticMethod => m == name,
        Member::StaticField => m.strip_prefix('.') == Some(name),
        Member::Method => m.strip_prefix('#') == Some(name),
    });
    if own || kind != Member::Method {
        return Some(own);
    }
    Some(
        def.supers()
            .chain((!def.interface).then_some("java.lang.Object"))
            .filter(|s| *s != def.name)
            .filter_map(find)
            .any(|s| jvm_has(s, name, kind) == Some(true)),
    )
}

/// The JVM's public instance methods of `def` and its supertypes, as
/// recorded (`bean` reads the getters among them); empty when the class's
/// members are not recorded.
pub fn jvm_instance_methods(def: &ClassDef) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let mut todo = vec![def.name];
    let mut seen: Vec<&str> = Vec::new();
    while let Some(c) = todo.pop() {
        if seen.contains(&c) {
            continue;
        }
        seen.push(c);
        let Some(d) = find(c) else { continue };
        if let Some(members) = REGISTRY.get().and_then(|r| r.jvm_members.get(d.name)) {
            for m in members.split(' ').filter_map(|m| m.strip_prefix('#')) {
                if !out.contains(&m) {
                    out.push(m);
                }
            }
        }
        todo.extend(d.supers());
    }
    out
}

/// Every class modelled (completion, tests).
pub fn all() -> &'static [&'static ClassDef] {
    REGISTRY.get().map_or(&[], |r| r.all.as_slice())
}

pub struct Class {
    name: Box<str>,
    interface: bool,
}

impl Class {
    /// Fully qualified name (`java.lang.String`).
    pub fn name(&self) -> &str {
        &self.name
    }
    /// Is it an interface (`(str clojure.lang.IFn)` is "interface clojure.lang.IFn")?
    pub fn is_interface(&self) -> bool {
        self.interface
    }
}

super::gc::global_state!(classes: AHashMap<Box<str>, Ref<Class>> = AHashMap::new());

impl Value {
    /// The interned class value named `name` (fully qualified).
    pub fn class(name: &str, interface: bool) -> Value {
        Value::from(classes(|m| {
            m.entry(name.into())
                .or_insert_with(|| {
                    Ref::new(Class {
                        name: name.into(),
                        interface,
                    })
                })
                .clone()
        }))
    }
    /// The class this value is, if it is one.
    pub fn as_class(&self) -> Option<&Class> {
        match self.view() {
            View::Class(c) => Some(c),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::equality::equiv;
    use crate::runtime::printer::{pr_str, print_str};

    #[test]
    fn classes_are_interned_and_print_like_the_jvm() {
        let a = Value::class("java.lang.String", false);
        let b = Value::class("java.lang.String", false);
        assert!(a.identical(&b) && equiv(&a, &b));
        // JVM: (pr-str String) "java.lang.String", (str String) "class java.lang.String"
        assert_eq!(pr_str(&a), "java.lang.String");
        assert_eq!(print_str(&a), "java.lang.String");
        let mut s = String::new();
        crate::runtime::printer::write_str(&mut s, &a, &crate::runtime::printer::PrintOpts::PR)
            .ok();
        assert_eq!(s, "class java.lang.String");
        assert_eq!(a.class_name(), "java.lang.Class");
    }
}
