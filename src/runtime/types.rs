//! User-defined classes: `deftype`, `defrecord` and `reify` types and their
//! instances, plus the interfaces `defprotocol`/`definterface` declare.
//!
//! A type is a `TypeDef` registered by its JVM class name (`user.R`); its
//! methods are ordinary fns taking `this` first, keyed by method name
//! ("toString", "invoke") or, for protocol methods, by `iface/name`
//! ("user.P/foo"). A reify object carries its own method closures. Records
//! behave as persistent maps: fields (in declared order) then an extension
//! map. The rest of the runtime asks an `Instance` for its interface methods
//! (printer: toString, equality: equals, hash: hashCode/hasheq, seq, count,
//! get: valAt, invoke, deref, compare: compareTo).

use super::equality;
use super::error::{ExClass, Exception, Result, err};
use super::func;
use super::gc::{Lock, Ref, lock};
use super::hash;
use super::value::{Value, View};
use ahash::AHashMap;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TypeKind {
    Record,
    Type,
    Reify,
    /// `definterface` / a protocol's interface: no instances.
    Interface,
}

/// Method fns by key (see the module doc).
pub type Methods = AHashMap<Box<str>, Value>;

pub struct TypeDef {
    name: &'static str,
    kind: TypeKind,
    /// Field names; records also use them as keyword keys.
    fields: Vec<Value>,
    field_keys: Vec<Value>,
    mutable: Vec<bool>,
    /// The fields' primitive type hints (`^long x`): the value stored is
    /// coerced as the JVM's primitive field would hold it.
    prims: Vec<Option<Prim>>,
    /// Interfaces (protocol interfaces included) the type declares.
    interfaces: Vec<String>,
    methods: Lock<Ref<Methods>>,
    /// Records: `(hash 'user.R)`, mixed into the record's hasheq.
    type_hash: i32,
}

impl TypeDef {
    pub fn name(&self) -> &'static str {
        self.name
    }
    pub fn kind(&self) -> TypeKind {
        self.kind
    }
    pub fn field_count(&self) -> usize {
        self.fields.len()
    }
    /// Field names as symbols, with their metadata as written (`getBasis`).
    pub fn field_names(&self) -> &[Value] {
        &self.fields
    }
    pub fn is_mutable(&self, i: usize) -> bool {
        self.mutable.get(i).copied().unwrap_or(false)
    }
    pub fn interfaces(&self) -> &[String] {
        &self.interfaces
    }
    /// Superclasses and interfaces beyond the declared ones that the JVM
    /// gives every type of this kind.
    pub fn implied_supers(&self) -> &'static [&'static str] {
        match self.kind {
            TypeKind::Record => &[
                "clojure.lang.IRecord",
                "clojure.lang.IHashEq",
                "clojure.lang.IObj",
                "clojure.lang.ILookup",
                "clojure.lang.IKeywordLookup",
                "clojure.lang.IPersistentMap",
                "java.util.Map",
                "java.io.Serializable",
            ],
            TypeKind::Type => &["clojure.lang.IType"],
            TypeKind::Reify => &["clojure.lang.IObj"],
            TypeKind::Interface => &[],
        }
    }
    pub fn set_methods(&self, m: Methods) {
        *lock(&self.methods) = Ref::new(m);
    }
    fn field_index(&self, k: &Value) -> Option<usize> {
        let kw = k.as_keyword()?;
        self.field_keys
            .iter()
            .position(|f| f.as_keyword().is_some_and(|x| x.same(kw)))
    }
}

pub struct Instance {
    ty: Ref<TypeDef>,
    pub(in crate::runtime) fields: Lock<Vec<Value>>,
    /// Records: the extension map (nil when empty).
    pub(in crate::runtime) ext: Value,
    pub(in crate::runtime) meta: Value,
    /// reify/proxy: the object's own method closures (a proxy's change
    /// with update-proxy / init-proxy).
    pub(in crate::runtime) own_methods: Option<Lock<Ref<Methods>>>,
}

impl Instance {
    pub fn type_def(&self) -> &Ref<TypeDef> {
        &self.ty
    }
    pub fn class_name(&self) -> &'static str {
        self.ty.name
    }
    pub fn is_record(&self) -> bool {
        self.ty.kind == TypeKind::Record
    }
    pub fn meta(&self) -> &Value {
        &self.meta
    }
    pub fn field(&self, i: usize) -> Option<Value> {
        lock(&self.fields).get(i).cloned()
    }
    pub fn fields(&self) -> Vec<Value> {
        lock(&self.fields).clone()
    }
    /// A proxy's base-class state (a ThreadLocal's value), None until set.
    /// Proxies have no fields, so it lives in the first slot.
    pub fn proxy_state(&self) -> Option<Value> {
        lock(&self.fields).first().cloned()
    }
    pub fn set_proxy_state(&self, v: Value) {
        let mut f = lock(&self.fields);
        match f.first_mut() {
            Some(slot) => *slot = v,
            None => f.push(v),
        }
    }
    /// A reify/proxy object's own method table.
    pub fn own_methods(&self) -> Option<Ref<Methods>> {
        self.own_methods.as_ref().map(|m| lock(m).clone())
    }
    /// Replace a reify/proxy object's own method table (false for other
    /// instances).
    pub fn set_own_methods(&self, methods: Methods) -> bool {
        match &self.own_methods {
            Some(m) => {
                *lock(m) = Ref::new(methods);
                true
            }
            None => false,
        }
    }
    /// A proxy's superclass object, made from its constructor args (an
    /// Exception's message and cause); nil when it has none.
    pub fn proxy_super(&self) -> Value {
        if self.ty.kind == TypeKind::Reify {
            self.ext.clone()
        } else {
            Value::NIL
        }
    }
    /// The method fn under `key`, if this object's type defines it.
    pub fn method(&self, key: &str) -> Option<Value> {
        match &self.own_methods {
            Some(m) => lock(m).get(key).cloned(),
            None => lock(&self.ty.methods).get(key).cloned(),
        }
    }
    pub fn has_method(&self, key: &str) -> bool {
        match &self.own_methods {
            Some(m) => lock(m).contains_key(key),
            None => lock(&self.ty.methods).contains_key(key),
        }
    }
    /// A method whose key ends in `/name` (a protocol method called as
    /// `(.name x)`).
    pub fn method_by_suffix(&self, name: &str) -> Option<Value> {
        let find = |m: &Methods| {
            m.iter()
                .find(|(k, _)| k.rsplit_once('/').is_some_and(|(_, n)| n == name))
                .map(|(_, v)| v.clone())
        };
        match &self.own_methods {
            Some(m) => find(&lock(m)),
            None => find(&lock(&self.ty.methods)),
        }
    }
    /// Does the type implement the interface named `iface` itself?
    pub fn implements(&self, iface: &str) -> bool {
        self.ty.interfaces.iter().any(|i| i == iface)
    }
    /// Does the type implement `iface` directly or through a
    /// super-interface of one it names (per the class registry)?
    pub fn is_a(&self, iface: &str) -> bool {
        fn sub(c: &str, target: &str, depth: usize) -> bool {
            c == target
                || (depth < 32
                    && super::class::find(c)
                        .is_some_and(|d| d.supers().any(|s| sub(s, target, depth + 1))))
        }
        self.ty
            .interfaces
            .iter()
            .map(String::as_str)
            .chain(self.ty.implied_supers().iter().copied())
            .any(|i| sub(i, iface, 0))
    }

    // ----- records as maps -----

    /// Fields then extension entries.
    pub fn record_entries(&self) -> Result<Vec<(Value, Value)>> {
        let fields = lock(&self.fields).clone();
        let mut out: Vec<(Value, Value)> = self.ty.field_keys.iter().cloned().zip(fields).collect();
        if !self.ext.is_nil() {
            for e in equality::entries(&self.ext) {
                out.push(e?);
            }
        }
        Ok(out)
    }
    /// The record's entries as a plain map (for hashing and equality).
    pub fn record_as_map(&self) -> Result<Value> {
        Ok(Value::map_from_pairs(self.record_entries()?))
    }
    pub fn record_count(&self) -> usize {
        self.ty.fields.len() + super::lookup::count(&self.ext)
    }
    /// Record lookup: a field, else the extension map.
    pub fn record_get(&self, k: &Value) -> Result<Option<Value>> {
        if let Some(i) = self.ty.field_index(k) {
            return Ok(self.field(i));
        }
        if self.ext.is_nil() {
            return Ok(None);
        }
        let missing = Value::keyword(Some("cljw.types"), "missing");
        let v = func::get(&self.ext, k, missing.clone())?;
        Ok(if v.identical(&missing) { None } else { Some(v) })
    }
}

fn new_instance(ty: Ref<TypeDef>, fields: Vec<Value>, ext: Value, meta: Value) -> Value {
    // `set!` on a mutable field can close a cycle: a cell to collect.
    let cell = ty.mutable.iter().any(|m| *m);
    let v = Value::from(Ref::new(Instance {
        ty,
        fields: Lock::new(fields),
        ext,
        meta,
        own_methods: None,
    }));
    if cell { super::cycle::registered(v) } else { v }
}

/// A primitive type hint on a deftype/defrecord field.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Prim {
    Long,
    Int,
    Short,
    Byte,
    Double,
    Float,
    Char,
    Boolean,
}

impl Prim {
    /// The primitive a `:tag` names (`long`, `double` ...), if any.
    pub fn of_tag(tag: &Value) -> Option<Prim> {
        let s = tag.as_symbol().filter(|s| s.ns().is_none())?;
        Some(match s.name() {
            "long" => Prim::Long,
            "int" => Prim::Int,
            "short" => Prim::Short,
            "byte" => Prim::Byte,
            "double" => Prim::Double,
            "float" => Prim::Float,
            "char" => Prim::Char,
            "boolean" => Prim::Boolean,
            _ => return None,
        })
    }

    fn boxed(self) -> &'static str {
        match self {
            Prim::Long => "java.lang.Long",
            Prim::Int => "java.lang.Integer",
            Prim::Short => "java.lang.Short",
            Prim::Byte => "java.lang.Byte",
            Prim::Double => "java.lang.Double",
            Prim::Float => "java.lang.Float",
            Prim::Char => "java.lang.Character",
            Prim::Boolean => "java.lang.Boolean",
        }
    }

    /// What a constructor (or assoc, or set!) stores: the value cast as
    /// RT.longCast, doubleCast ... do (truncating, range-checked; nil is a
    /// NullPointerException, a non-number a ClassCastException). A boolean
    /// or char field takes a Boolean or Character only.
    pub fn coerce(self, v: &Value) -> Result<Value> {
        use super::number::IntWidth;
        use super::number::convert as c;
        Ok(match self {
            Prim::Long => Value::long(c::to_long(v)?),
            Prim::Int => Value::int_box(c::to_int_box(v, IntWidth::Int)?),
            Prim::Short => Value::int_box(c::to_int_box(v, IntWidth::Short)?),
            Prim::Byte => Value::int_box(c::to_int_box(v, IntWidth::Byte)?),
            Prim::Double => Value::double(c::to_double(v)?),
            Prim::Float => Value::float(c::to_float(v)?),
            Prim::Char | Prim::Boolean => return self.exact(v),
        })
    }

    /// What `R/create` (`map->R`) stores: the map's value cast to the box
    /// class, then unboxed: it must be exactly a Long (Double ...).
    fn exact(self, v: &Value) -> Result<Value> {
        if v.is_nil() {
            let unbox = match self {
                Prim::Boolean => "booleanValue",
                Prim::Char => "charValue",
                Prim::Long => "longValue",
                Prim::Int => "intValue",
                Prim::Short => "shortValue",
                Prim::Byte => "byteValue",
                Prim::Double => "doubleValue",
                Prim::Float => "floatValue",
            };
            return err::npe(format!(
                "Cannot invoke \"{}.{unbox}()\" because value is null",
                self.boxed()
            ));
        }
        if v.class_name() != self.boxed() {
            return err::class_cast(super::compare::cast_message(v.class_name(), self.boxed()));
        }
        Ok(v.clone())
    }
}

/// The fields coerced by their primitive hints (`prims` may be shorter).
fn coerce_fields(ty: &TypeDef, mut fields: Vec<Value>, create: bool) -> Result<Vec<Value>> {
    for (i, p) in ty.prims.iter().enumerate() {
        if let (Some(p), Some(f)) = (p, fields.get_mut(i)) {
            *f = if create { p.exact(f)? } else { p.coerce(f)? };
        }
    }
    Ok(fields)
}

/// `(R. a b)` / `(T. a b)` / `(R. a b meta ext)`.
pub fn construct(ty: &Ref<TypeDef>, args: &[Value]) -> Result<Value> {
    let n = ty.fields.len();
    let no_ctor = || {
        Err(Exception::new(
            ExClass::IllegalArgumentException,
            format!("No matching ctor found for class {}", ty.name),
        ))
    };
    match ty.kind {
        TypeKind::Type | TypeKind::Record if args.len() == n => Ok(new_instance(
            ty.clone(),
            coerce_fields(ty, args.to_vec(), false)?,
            Value::NIL,
            Value::NIL,
        )),
        // (R. fields.. meta ext) and (R. fields.. meta ext hash hasheq):
        // the cached hashes are recomputed.
        TypeKind::Record if args.len() == n + 2 || args.len() == n + 4 => {
            let ext = non_empty(args[n + 1].clone())?;
            Ok(new_instance(
                ty.clone(),
                coerce_fields(ty, args[..n].to_vec(), false)?,
                ext,
                args[n].clone(),
            ))
        }
        _ => no_ctor(),
    }
}

/// The parameter counts of the type's constructors, in the order the JVM's
/// Class.getConstructors lists them (a record's: fields + meta + ext,
/// fields, fields + meta + ext + the two cached hashes).
pub fn constructor_arities(ty: &TypeDef) -> Vec<usize> {
    let n = ty.fields.len();
    match ty.kind {
        TypeKind::Record => vec![n + 2, n, n + 4],
        TypeKind::Type => vec![n],
        _ => Vec::new(),
    }
}

/// nil for an empty (or nil) map; the JVM does not check the extension map
/// a constructor gets, we drop anything but a map.
fn non_empty(m: Value) -> Result<Value> {
    if !equality::is_map(&m) || super::seq::seq(&m)?.is_nil() {
        Ok(Value::NIL)
    } else {
        Ok(m)
    }
}

/// `R/create` and `map->R`: fields from the map, the other entries into the
/// extension map (in the map's order).
pub fn record_from_map(ty: &Ref<TypeDef>, m: &Value) -> Result<Value> {
    let mut fields = vec![Value::NIL; ty.fields.len()];
    let mut ext = Vec::new();
    for e in equality::entries(m) {
        let (k, v) = e?;
        match ty.field_index(&k) {
            Some(i) => fields[i] = v,
            None => ext.push((k, v)),
        }
    }
    let ext = if ext.is_empty() {
        Value::NIL
    } else {
        Value::map_from_pairs(ext)
    };
    let fields = coerce_fields(ty, fields, true)?;
    Ok(new_instance(ty.clone(), fields, ext, Value::NIL))
}

/// A reify object: an instance of `ty` with its own methods and metadata.
pub fn reify(ty: Ref<TypeDef>, methods: Methods, meta: Value) -> Value {
    proxy(ty, methods, meta, Value::NIL)
}

/// A proxy object: a reify object with its superclass object `sup` (made
/// from the constructor args; nil when there are none).
pub fn proxy(ty: Ref<TypeDef>, methods: Methods, meta: Value, sup: Value) -> Value {
    Value::from(Ref::new(Instance {
        ty,
        fields: Lock::new(Vec::new()),
        ext: sup,
        meta,
        own_methods: Some(Lock::new(Ref::new(methods))),
    }))
}

/// What `throw` throws for `v`: an exception, or the exception a proxy
/// of a Throwable class was constructed with.
pub fn throwable(v: &Value) -> Option<super::error::Exception> {
    v.as_exception().or_else(|| match v.view() {
        View::Instance(i) => i.proxy_super().as_exception(),
        _ => None,
    })
}

/// `(assoc r k v)`: a field key replaces the field, others go to the
/// extension map.
pub fn record_assoc(inst: &Instance, k: Value, v: Value) -> Result<Value> {
    let mut fields = inst.fields();
    let ext = match inst.ty.field_index(&k) {
        Some(i) => {
            fields[i] = match inst.ty.prims.get(i).copied().flatten() {
                Some(p) => p.coerce(&v)?,
                None => v,
            };
            inst.ext.clone()
        }
        None => super::coll::ops::assoc(&inst.ext, k, v)?,
    };
    Ok(new_instance(
        inst.ty.clone(),
        fields,
        ext,
        inst.meta.clone(),
    ))
}

/// `(dissoc r k)`: removing a field gives a plain map (with the record's
/// metadata); other keys leave the extension map.
pub fn record_dissoc(inst: &Instance, k: &Value) -> Result<Value> {
    if inst.ty.field_index(k).is_some() {
        let pairs: Vec<(Value, Value)> = inst
            .record_entries()?
            .into_iter()
            .filter(|(ek, _)| !equality::equiv(ek, k))
            .collect();
        let m = Value::map_from_pairs(pairs);
        return super::meta::with_meta(&m, inst.meta.clone());
    }
    if inst.ext.is_nil() {
        return Ok(Value::from(Ref::new(Instance {
            ty: inst.ty.clone(),
            fields: Lock::new(inst.fields()),
            ext: Value::NIL,
            meta: inst.meta.clone(),
            own_methods: None,
        })));
    }
    let ext = non_empty(super::coll::ops::dissoc(&inst.ext, k)?)?;
    Ok(new_instance(
        inst.ty.clone(),
        inst.fields(),
        ext,
        inst.meta.clone(),
    ))
}

/// The same object with other metadata (records and reify objects).
pub fn with_meta(inst: &Instance, meta: Value) -> Value {
    Value::from(Ref::new(Instance {
        ty: inst.ty.clone(),
        fields: Lock::new(inst.fields()),
        ext: inst.ext.clone(),
        meta,
        own_methods: inst
            .own_methods
            .as_ref()
            .map(|m| Lock::new(lock(m).clone())),
    }))
}

/// Call method `key` of `this` with the extra `args`.
/// A proxy's base-class behaviour for `method`, used when the proxy does
/// not define it (and by proxy-super). None when the base has no such
/// method we model. ThreadLocal keeps one value per object (the value of
/// the first thread that reads it).
pub fn proxy_base_method(
    this: &Value,
    inst: &Instance,
    method: &str,
    args: &[Value],
) -> Option<Result<Value>> {
    if inst.implements("java.lang.ThreadLocal") {
        match (method, args) {
            ("get", []) => {
                return Some(match inst.proxy_state() {
                    Some(v) => Ok(v),
                    None => {
                        let init = match inst.method("initialValue") {
                            Some(m) => call(this, &m, &[]),
                            None => Ok(Value::NIL),
                        };
                        init.inspect(|v| inst.set_proxy_state(v.clone()))
                    }
                });
            }
            ("set", [v]) => {
                inst.set_proxy_state(v.clone());
                return Some(Ok(Value::NIL));
            }
            ("remove", []) => {
                lock(&inst.fields).clear();
                return Some(Ok(Value::NIL));
            }
            ("initialValue", []) => return Some(Ok(Value::NIL)),
            _ => {}
        }
    }
    match (method, args) {
        ("toString", []) => Some(Ok(Value::string(format!(
            "{}@{:x}",
            inst.class_name(),
            hash::identity_hash(this)
        )))),
        ("hashCode", []) => Some(Ok(Value::long(i64::from(hash::identity_hash(this))))),
        ("equals", [o]) => Some(Ok(Value::bool(this.identical(o)))),
        // The superclass object's own method (an Exception's getMessage).
        _ if !inst.proxy_super().is_nil() => {
            Some(super::host::call_method(&inst.proxy_super(), method, args))
        }
        _ => None,
    }
}

pub fn call(this: &Value, m: &Value, args: &[Value]) -> Result<Value> {
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(this.clone());
    all.extend_from_slice(args);
    func::invoke(m, &all)
}

/// Call method `key` of `x` if `x` is an instance defining it.
pub fn call_method(x: &Value, key: &str, args: &[Value]) -> Option<Result<Value>> {
    let View::Instance(inst) = x.view() else {
        return None;
    };
    let m = inst.method(key)?;
    Some(call(x, &m, args))
}

// ----- equality, hashing, printing -----

/// `=` (`equiv` true, Util.equiv) or `.equals` when either side is an
/// instance: None when neither is, or when `b` is an instance that the
/// built-in collection `a` compares by content (a `java.util.Map`,
/// `java.util.List`/`Sequential` or `java.util.Set` type; the caller walks
/// it like its own kind).
pub fn equiv(a: &Value, b: &Value, equiv: bool) -> Option<Result<bool>> {
    match (a.view(), b.view()) {
        (View::Instance(x), _) if x.is_record() => Some(match b.view() {
            View::Instance(y) if Ref::ptr_eq(&x.ty, &y.ty) => x.record_as_map().and_then(|mx| {
                y.record_as_map()
                    .and_then(|my| equality::try_equiv(&mx, &my))
            }),
            _ => Ok(false),
        }),
        (_, View::Instance(y)) if y.is_record() => Some(Ok(false)),
        // Util.equiv: an IPersistentCollection's own `equiv` decides.
        (View::Instance(x), _) if equiv && x.has_method("equiv") => {
            Some(call_method(a, "equiv", std::slice::from_ref(b))?.map(|r| r.truthy()))
        }
        (View::Instance(_), _) => Some(object_equals(a, b)),
        (_, View::Instance(_)) if content_comparable(a, b, equiv) => None,
        (_, View::Instance(y)) if equiv && y.has_method("equiv") && !is_builtin_coll(a) => {
            Some(call_method(b, "equiv", std::slice::from_ref(a))?.map(|r| r.truthy()))
        }
        (_, View::Instance(_)) => Some(Ok(false)),
        _ => None,
    }
}

fn is_builtin_coll(a: &Value) -> bool {
    equality::is_map(a) || equality::is_set(a) || equality::is_sequential(a)
}

/// Does the built-in collection `a` compare the instance `b` by content?
/// APersistentMap.equiv takes a `java.util.Map` (one that is an
/// IPersistentMap only with MapEquivalence; `.equals` takes any Map),
/// APersistentVector/ASeq a `java.util.List` or `Sequential`,
/// APersistentSet a `java.util.Set`.
pub fn content_comparable(a: &Value, b: &Value, equiv: bool) -> bool {
    let is = |c: &str| crate::runtime::host::is_instance(c, b);
    if equality::is_map(a) {
        is("java.util.Map")
            && (!equiv || !is("clojure.lang.IPersistentMap") || is("clojure.lang.MapEquivalence"))
    } else if equality::is_sequential(a) {
        is("java.util.List") || is("clojure.lang.Sequential")
    } else if equality::is_set(a) {
        is("java.util.Set")
    } else {
        false
    }
}

/// Object.equals: the type's `equals` method, else identity.
fn object_equals(a: &Value, b: &Value) -> Result<bool> {
    match call_method(a, "equals", std::slice::from_ref(b)) {
        Some(r) => Ok(r?.truthy()),
        None => Ok(a.identical(b)),
    }
}

/// `hash` of an instance.
pub fn hasheq(inst: &Instance, v: &Value) -> Result<i32> {
    if inst.is_record() {
        return Ok(inst.ty.type_hash ^ hash::try_hasheq(&inst.record_as_map()?)?);
    }
    if let Some(r) = call_method(v, "hasheq", &[]) {
        return int_result(r?);
    }
    java_hash_code(inst, v)
}

/// `.hashCode` of an instance: records hash as maps; types use their
/// `hashCode` method, else identity.
pub fn java_hash_code(inst: &Instance, v: &Value) -> Result<i32> {
    if inst.is_record() {
        return hash::java_hash_code(&inst.record_as_map()?);
    }
    if let Some(r) = call_method(v, "hashCode", &[]) {
        return int_result(r?);
    }
    Ok(hash::identity_hash(v))
}

fn int_result(v: Value) -> Result<i32> {
    match v.as_long() {
        Some(n) => Ok(n as i32),
        None => err::class_cast(super::compare::cast_message(
            v.class_name(),
            "java.lang.Number",
        )),
    }
}

/// Object.toString: the `toString` method, else `name@hashCode-in-hex`.
pub fn to_string(inst: &Instance, v: &Value) -> Result<String> {
    if let Some(r) = call_method(v, "toString", &[]) {
        let s = r?;
        return super::printer::str_value(&s);
    }
    Ok(format!(
        "{}@{:x}",
        inst.ty.name,
        java_hash_code(inst, v)? as u32
    ))
}

// ----- field access from method bodies -----

/// The metadata key the deftype/defrecord/reify macros put on a method's
/// `fn*` form: a vector of the type's field symbols (mutable ones carry
/// `:volatile-mutable` or `:unsynchronized-mutable` metadata). The analyzer
/// makes them locals read through `this`.
pub fn method_fields_key() -> Value {
    Value::keyword(Some("cljw.types"), "fields")
}

/// The native fn a method body's field read compiles to: `(f this i)`.
pub fn field_getter() -> Value {
    Value::native_fn("cljw.types/field", |args| match args {
        [this, i] => match (this.view(), i.as_long()) {
            (View::Instance(inst), Some(i)) => Ok(inst.field(i as usize).unwrap_or(Value::NIL)),
            _ => err::illegal_arg("bad field access"),
        },
        _ => err::illegal_arg("bad field access"),
    })
}

/// The native fn `(set! field v)` compiles to: `(f this i v)`.
pub fn field_setter() -> Value {
    Value::native_fn("cljw.types/set-field", |args| match args {
        [this, i, v] => match (this.view(), i.as_long()) {
            (View::Instance(inst), Some(i)) => {
                let v = match inst.ty.prims.get(i as usize).copied().flatten() {
                    Some(p) => p.coerce(v)?,
                    None => v.clone(),
                };
                if let Some(slot) = lock(&inst.fields).get_mut(i as usize) {
                    *slot = v.clone();
                }
                Ok(v)
            }
            _ => err::illegal_arg("bad field access"),
        },
        _ => err::illegal_arg("bad field access"),
    })
}

// ----- the class registry -----

super::gc::global_state!(registry: AHashMap<Box<str>, Ref<TypeDef>> = AHashMap::new());
super::gc::global_state!(imports: AHashMap<(Box<str>, Box<str>), &'static str> = AHashMap::new());

/// Define (or redefine) the class `name`; returns its definition.
pub fn define(
    name: &str,
    kind: TypeKind,
    fields: Vec<Value>,
    mutable: Vec<bool>,
    interfaces: Vec<String>,
) -> Ref<TypeDef> {
    define_with_prims(name, kind, fields, mutable, Vec::new(), interfaces)
}

/// `define` for a deftype/defrecord whose fields carry primitive hints.
pub fn define_with_prims(
    name: &str,
    kind: TypeKind,
    fields: Vec<Value>,
    mutable: Vec<bool>,
    prims: Vec<Option<Prim>>,
    interfaces: Vec<String>,
) -> Ref<TypeDef> {
    let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
    let field_keys = fields
        .iter()
        .map(|f| match f.as_symbol() {
            Some(s) => Value::keyword(None, s.name()),
            None => Value::NIL,
        })
        .collect();
    let t = Ref::new(TypeDef {
        name: leaked,
        kind,
        fields,
        field_keys,
        mutable,
        prims,
        interfaces,
        methods: Lock::new(Ref::new(Methods::new())),
        type_hash: hash::hasheq(&Value::symbol(None, name)),
    });
    registry(|r| r.insert(name.into(), t.clone()));
    t
}

/// The class named `name` (fully qualified).
pub fn lookup(name: &str) -> Option<Ref<TypeDef>> {
    registry(|r| r.get(name).cloned())
}

/// `(import ...)` of a user class into namespace `ns`.
pub fn import(ns: &str, full: &str) {
    let simple = full.rsplit('.').next().unwrap_or(full);
    let Some(t) = lookup(full) else {
        return;
    };
    imports(|m| m.insert((ns.into(), simple.into()), t.name));
}

/// Resolve a class name as written in namespace `ns`: a full name, an
/// import, or (as a fallback for code running outside its namespace) the
/// one user class with that simple name.
pub fn resolve(ns: &str, name: &str) -> Option<Ref<TypeDef>> {
    if let Some(t) = lookup(name) {
        return Some(t);
    }
    if name.contains('.') {
        return None;
    }
    if let Some(full) = imports(|m| m.get(&(ns.into(), name.into())).copied()) {
        return lookup(full);
    }
    registry(|r| {
        let mut found = r.values().filter(|t| {
            t.kind != TypeKind::Reify && t.name.rsplit('.').next().is_some_and(|s| s == name)
        });
        match (found.next(), found.next()) {
            (Some(t), None) => Some(t.clone()),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sym(s: &str) -> Value {
        Value::symbol(None, s)
    }
    fn kw(s: &str) -> Value {
        Value::keyword(None, s)
    }

    #[test]
    fn records_behave_as_maps() {
        let t = define(
            "cljw.test.R",
            TypeKind::Record,
            vec![sym("a"), sym("b")],
            vec![false, false],
            vec![],
        );
        let r = construct(&t, &[Value::long(1), Value::long(2)]).unwrap_or(Value::NIL);
        let View::Instance(inst) = r.view() else {
            panic!("not an instance")
        };
        assert_eq!(inst.record_count(), 2);
        assert!(
            inst.record_get(&kw("b"))
                .ok()
                .flatten()
                .is_some_and(|v| v.as_long() == Some(2))
        );
        let r2 = record_assoc(inst, kw("c"), Value::long(3)).unwrap_or(Value::NIL);
        let View::Instance(i2) = r2.view() else {
            panic!("not an instance")
        };
        assert_eq!(i2.record_count(), 3);
        // Dissoc of a field gives a plain map.
        let m = record_dissoc(inst, &kw("a")).unwrap_or(Value::NIL);
        assert!(equality::is_map(&m) && !matches!(m.view(), View::Instance(_)));
        // Records equal records of the same type only.
        let same = construct(&t, &[Value::long(1), Value::long(2)]).unwrap_or(Value::NIL);
        assert!(equiv(&r, &same, true).is_some_and(|x| x.unwrap_or(false)));
        let plain =
            Value::map_from_pairs(vec![(kw("a"), Value::long(1)), (kw("b"), Value::long(2))]);
        assert!(equiv(&r, &plain, true).is_some_and(|x| !x.unwrap_or(true)));
    }

    #[test]
    fn resolve_by_import_and_simple_name() {
        define("cljw.test2.Unique", TypeKind::Type, vec![], vec![], vec![]);
        import("cljw.test2", "cljw.test2.Unique");
        assert!(resolve("cljw.test2", "Unique").is_some());
        assert!(resolve("other", "Unique").is_some());
        assert!(resolve("other", "cljw.test2.Unique").is_some());
        assert!(resolve("other", "x.Nope").is_none());
    }
}
