//! Namespaces: symbol -> var mappings, aliases, and the global registry.

use super::error::{ExClass, Exception, Result};
use super::gc::{Lock, Ref, lock};
use super::symbol::Symbol;
use super::value::Value;
use super::var::Var;
use ahash::AHashMap;

pub struct Namespace {
    name: Ref<Symbol>,
    /// Interned and referred vars by unqualified name.
    mappings: Lock<AHashMap<Box<str>, Ref<Var>>>,
    aliases: Lock<AHashMap<Box<str>, Ref<Namespace>>>,
    /// `import`ed classes: simple name -> full class name.
    imports: Lock<AHashMap<Box<str>, Box<str>>>,
    /// Simple names whose default java.lang mapping `ns-unmap` removed.
    unmapped_defaults: Lock<Vec<Box<str>>>,
    meta: Lock<Value>,
}

impl Namespace {
    fn new(name: Ref<Symbol>) -> Namespace {
        Namespace {
            name,
            mappings: Lock::new(AHashMap::new()),
            aliases: Lock::new(AHashMap::new()),
            imports: Lock::new(AHashMap::new()),
            unmapped_defaults: Lock::new(Vec::new()),
            meta: Lock::new(Value::NIL),
        }
    }
    pub fn name(&self) -> &Ref<Symbol> {
        &self.name
    }
    pub fn name_str(&self) -> &str {
        self.name.name()
    }
    pub fn meta(&self) -> Value {
        lock(&self.meta).clone()
    }
    pub fn set_meta(&self, m: Value) {
        *lock(&self.meta) = m;
    }

    /// `intern`: the var named `name` owned by this namespace, created if
    /// missing. A referred var of the same name is replaced (Clojure warns).
    pub fn intern(&self, name: &str) -> Ref<Var> {
        let mut m = lock(&self.mappings);
        if let Some(v) = m.get(name)
            && v.ns_sym().same(&self.name)
        {
            return v.clone();
        }
        let v = Ref::new(Var::new(self.name.clone(), Symbol::intern(None, name)));
        m.insert(name.into(), v.clone());
        v
    }
    /// Clojure's IllegalStateException for a name that already maps to
    /// `old` here (redefining a referred var, or referring over an
    /// interned one).
    fn already_refers(&self, name: &str, old: &Var) -> Exception {
        Exception::new(
            ExClass::IllegalStateException,
            format!(
                "{} already refers to: #'{} in namespace: {}",
                name,
                old.qualified_name(),
                self.name_str()
            ),
        )
    }
    /// `def`/`intern` (Namespace.intern): as `intern`, but a name that
    /// refers to another namespace's var, other than clojure.core's, cannot
    /// be redefined here, and replacing a referred clojure.core var prints
    /// a warning to `*err*` (Clojure's warnOrFailOnReplace).
    pub fn intern_checked(&self, name: &str) -> Result<Ref<Var>> {
        let old = self.lookup(name).filter(|o| !o.ns_sym().same(&self.name));
        if let Some(old) = &old
            && old.ns_sym().name() != "clojure.core"
        {
            return Err(self.already_refers(name, old));
        }
        let var = self.intern(name);
        if let Some(old) = old {
            let msg = format!(
                "WARNING: {name} already refers to: #'{} in namespace: {}, being replaced by: #'{}\n",
                old.qualified_name(),
                self.name_str(),
                var.qualified_name()
            );
            if let Some(w) = super::core_vars::core_vars().err.get() {
                let _ = super::io::write_to(&w, &msg);
            }
        }
        Ok(var)
    }
    /// Look up an unqualified name (interned or referred).
    pub fn lookup(&self, name: &str) -> Option<Ref<Var>> {
        lock(&self.mappings).get(name).cloned()
    }
    /// A var interned in this namespace (not a referred one).
    pub fn find_interned(&self, name: &str) -> Option<Ref<Var>> {
        lock(&self.mappings)
            .get(name)
            .filter(|v| v.ns_sym().same(&self.name))
            .cloned()
    }
    /// `refer` one var under a name (Namespace.reference's
    /// warnOrFailOnReplace): a var of this namespace, or any var replaced
    /// by one of clojure.core's, is replaced; so is a clojure.core var
    /// (Clojure warns on stderr); another namespace's var is not: an
    /// IllegalStateException.
    pub fn refer(&self, name: &str, var: Ref<Var>) -> Result<()> {
        let mut m = lock(&self.mappings);
        if let Some(old) = m.get(name)
            && !Ref::ptr_eq(old, &var)
            && !old.ns_sym().same(&self.name)
            && var.ns_sym().name() != "clojure.core"
            && old.ns_sym().name() != "clojure.core"
        {
            return Err(self.already_refers(name, old));
        }
        m.insert(name.into(), var);
        Ok(())
    }
    /// `ns-unmap`: the var or class the name maps to, java.lang's default
    /// class mappings included.
    pub fn unmap(&self, name: &str) {
        lock(&self.mappings).remove(name);
        lock(&self.imports).remove(name);
        let mut u = lock(&self.unmapped_defaults);
        if !u.iter().any(|n| &**n == name) {
            u.push(name.into());
        }
    }
    /// Does `simple` still name java.lang's class of that name here (a
    /// default import not removed by `ns-unmap`)?
    fn maps_java_lang(&self, simple: &str) -> bool {
        !lock(&self.unmapped_defaults).iter().any(|n| &**n == simple)
    }
    /// All mappings, sorted by name for deterministic output.
    pub fn mappings(&self) -> Vec<(String, Ref<Var>)> {
        let mut v: Vec<(String, Ref<Var>)> = lock(&self.mappings)
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    }
    pub fn add_alias(&self, alias: &str, ns: Ref<Namespace>) -> Result<()> {
        let mut a = lock(&self.aliases);
        if let Some(old) = a.get(alias)
            && !Ref::ptr_eq(old, &ns)
        {
            return Err(Exception::new(
                ExClass::IllegalStateException,
                format!(
                    "Alias {} already exists in namespace {}, aliasing {}",
                    alias,
                    self.name_str(),
                    old.name_str()
                ),
            ));
        }
        a.insert(alias.into(), ns);
        Ok(())
    }
    /// Make class `full` known by its simple name here.
    pub fn import(&self, simple: &str, full: &str) {
        lock(&self.imports).insert(simple.into(), full.into());
    }
    /// The full name of an imported class.
    pub fn imported(&self, simple: &str) -> Option<String> {
        lock(&self.imports).get(simple).map(|s| s.to_string())
    }
    /// Imports (simple, full), sorted by simple name.
    pub fn imports(&self) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = lock(&self.imports)
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        v.sort();
        v
    }
    pub fn alias(&self, alias: &str) -> Option<Ref<Namespace>> {
        lock(&self.aliases).get(alias).cloned()
    }
    pub fn aliases(&self) -> Vec<(String, Ref<Namespace>)> {
        let mut v: Vec<(String, Ref<Namespace>)> = lock(&self.aliases)
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    }
}

super::gc::global_state!(registry: AHashMap<Box<str>, Ref<Namespace>> = AHashMap::new());

/// The namespace `clojure.core/*ns*` names now, if it is set.
pub fn current() -> Option<Ref<Namespace>> {
    super::core_vars::core_vars().ns.get()?.as_namespace()
}

/// Namespace.referenceClass: `simple` may name class `full` in `ns` unless
/// it already maps to another class there (an import, or one of
/// java.lang's default imports): an IllegalStateException.
pub fn check_class_mapping(ns: &Namespace, simple: &str, full: &str) -> Result<()> {
    let java_lang = format!("java.lang.{simple}");
    let old = ns.imported(simple).or_else(|| {
        (ns.maps_java_lang(simple) && super::host::class_value(&java_lang).is_some())
            .then_some(java_lang)
    });
    match old {
        Some(old) if old != full => {
            let interface = super::host::class_value(&old)
                .is_some_and(|c| c.as_class().is_some_and(|c| c.is_interface()));
            let kind = if interface { "interface" } else { "class" };
            Err(Exception::new(
                ExClass::IllegalStateException,
                format!(
                    "{simple} already refers to: {kind} {old} in namespace: {}",
                    ns.name_str()
                ),
            ))
        }
        _ => Ok(()),
    }
}

/// `(import* "java.util.Date")`: make the class known by its simple name in
/// the current namespace; returns the class. An unknown class is a
/// ClassNotFoundException, as on the JVM.
pub fn import_class(full: &str) -> Result<Value> {
    let Some(class) = super::host::class_value(full) else {
        return Err(Exception::new(ExClass::ClassNotFoundException, full));
    };
    let name = class
        .as_class()
        .map_or(full.to_string(), |c| c.name().to_string());
    let simple = name.rsplit('.').next().unwrap_or(&name).to_string();
    if let Some(ns) = current() {
        check_class_mapping(&ns, &simple, &name)?;
        ns.import(&simple, &name);
    }
    Ok(class)
}

/// Namespaces JVM clojure.core loads while loading itself, so every program
/// sees them (libraries extend `clojure.core.protocols/IKVReduce` without
/// requiring it). cljw loads them on first lookup, keeping startup free of
/// their cost.
const LOADED_WITH_CORE: &[&str] = &["clojure.core.protocols"];

/// `find-ns`.
pub fn find_ns(name: &str) -> Option<Ref<Namespace>> {
    registry(|r| r.get(name).cloned()).or_else(|| {
        if !LOADED_WITH_CORE.contains(&name) {
            return None;
        }
        let require = registry(|r| r.get("clojure.core").cloned())?
            .find_interned("require")?
            .root()?;
        super::func::invoke(&require, &[Value::symbol(None, name)]).ok()?;
        registry(|r| r.get(name).cloned())
    })
}

/// `create-ns`: the namespace named `name`, created if missing.
pub fn create_ns(name: &str) -> Ref<Namespace> {
    registry(|r| {
        r.entry(name.into())
            .or_insert_with(|| Ref::new(Namespace::new(Symbol::intern(None, name))))
            .clone()
    })
}

/// `remove-ns`.
pub fn remove_ns(name: &str) -> Option<Ref<Namespace>> {
    registry(|r| r.remove(name))
}

/// `all-ns`, sorted by name.
pub fn all_ns() -> Vec<Ref<Namespace>> {
    let mut v: Vec<Ref<Namespace>> = registry(|r| r.values().cloned().collect());
    v.sort_by(|a, b| a.name_str().cmp(b.name_str()));
    v
}

impl Value {
    pub fn namespace(ns: Ref<Namespace>) -> Value {
        Value::from(ns)
    }
    /// The namespace this value is, if it is one.
    pub fn as_namespace(&self) -> Option<Ref<Namespace>> {
        match &self.0 {
            super::value::Repr::Namespace(n) => Some(n.clone()),
            _ => None,
        }
    }
}
