//! The type-defining macros: deftype, defrecord, reify, definterface,
//! defprotocol, extend-type, extend-protocol.
//!
//! deftype/defrecord/reify define their class while expanding (so the
//! class name resolves in the method bodies and the rest of the expansion)
//! and expand to a call installing the methods: `fn*` forms marked with the
//! type's fields, which the analyzer makes visible as locals read through
//! `this` (and `set!`-able when mutable).

use super::protocol::{self, Protocol, munge};
use crate::builtins::macros::{core, items, kw, list, margs, quote, sym, vector};
use crate::runtime::error::{ExClass, Exception, Result, err};
use crate::runtime::gc::Ref;
use crate::runtime::meta;
use crate::runtime::namespace::{self, Namespace};
use crate::runtime::types::method_fields_key as fields_key;
use crate::runtime::types::{self, TypeKind};
use crate::runtime::value::{Value, View};

/// What a spec's symbol names.
enum Target {
    Protocol(Ref<Protocol>),
    Interface(String),
    Object,
}

fn current_ns() -> Ref<Namespace> {
    crate::builtins::lang::current_ns()
}

fn unresolved(s: &Value) -> Exception {
    Exception::new(
        ExClass::RuntimeException,
        format!(
            "Unable to resolve symbol: {} in this context",
            crate::runtime::printer::print_str(s)
        ),
    )
}

/// Resolve a spec symbol: a protocol var, else a class or interface.
fn resolve_target(s: &Value) -> Result<Target> {
    let Some(name) = s.as_symbol() else {
        return Err(unresolved(s));
    };
    if name.ns().is_none() && matches!(name.name(), "Object" | "java.lang.Object") {
        return Ok(Target::Object);
    }
    let ns = current_ns();
    let var = match name.ns() {
        None => ns.lookup(name.name()),
        Some(q) => ns
            .alias(q)
            .or_else(|| namespace::find_ns(q))
            .and_then(|n| n.find_interned(name.name())),
    };
    if let Some(v) = var
        && let Some(root) = v.root()
        && let Some(p) = protocol::protocol_of(&root)
    {
        return Ok(Target::Protocol(p));
    }
    if name.ns().is_none()
        && let Some(c) = crate::runtime::host::class_value(name.name())
        && let Some(c) = c.as_class()
    {
        return Ok(Target::Interface(c.name().to_string()));
    }
    Err(unresolved(s))
}

/// Split `opts+specs`: leading `:key val` options, then a symbol followed
/// by its method forms, repeatedly.
fn parse_specs(forms: &[Value]) -> Result<Vec<(Value, Vec<Value>)>> {
    let mut i = 0;
    while forms.get(i).is_some_and(|f| f.is_keyword()) {
        i += 2;
    }
    let mut out: Vec<(Value, Vec<Value>)> = Vec::new();
    for f in forms.get(i..).unwrap_or(&[]) {
        if crate::runtime::seq::is_seq(f) {
            match out.last_mut() {
                Some((_, ms)) => ms.push(f.clone()),
                None => return Err(unresolved(f)),
            }
        } else {
            out.push((f.clone(), Vec::new()));
        }
    }
    Ok(out)
}

/// The interfaces a type declares and its method fns (key, `fn*` form).
struct Methods {
    interfaces: Vec<String>,
    fns: Vec<(String, Value)>,
}

fn collect_methods(specs: &[(Value, Vec<Value>)], fields: &Value) -> Result<Methods> {
    let mut interfaces = Vec::new();
    let mut arities: Vec<(String, Vec<Value>)> = Vec::new();
    for (s, ms) in specs {
        let target = resolve_target(s)?;
        match &target {
            Target::Protocol(p) => interfaces.push(p.iface().to_string()),
            Target::Interface(n) => interfaces.push(n.clone()),
            Target::Object => {}
        }
        for m in ms {
            let parts = items(m)?;
            let Some(name) = parts.first().and_then(|n| n.as_symbol()) else {
                return err::illegal_arg("Malformed method definition");
            };
            let key = match &target {
                Target::Protocol(p) => {
                    if !p.has_method(name.name()) {
                        return err::illegal_arg(format!(
                            "Can't define method not in interfaces: {}",
                            name.name()
                        ));
                    }
                    format!("{}/{}", p.iface(), name.name())
                }
                _ => name.name().to_string(),
            };
            // `(name [this args] body...)`: one arity of the method's fn.
            let arity = Value::list(parts[1..].to_vec());
            match arities.iter_mut().find(|(k, _)| *k == key) {
                Some((_, v)) => v.push(arity),
                None => arities.push((key, vec![arity])),
            }
        }
    }
    interfaces.dedup();
    let mut fns = Vec::new();
    for (key, ars) in arities {
        let mut f = vec![sym("fn*")];
        f.extend(merge_overloads(
            ars.iter().map(destructure_params).collect::<Result<_>>()?,
        )?);
        let form = meta::with_meta(
            &Value::list(f),
            Value::map_from_pairs(vec![(fields_key(), fields.clone())]),
        )?;
        fns.push((key, form));
    }
    Ok(Methods { interfaces, fns })
}

/// `([this [a b] {:keys [c]}] body...)` -> `([this p__1 p__2] (let [[a b]
/// p__1 {:keys [c]} p__2] body...))`: method params destructure like fn's.
fn destructure_params(arity: &Value) -> Result<Value> {
    let parts = items(arity)?;
    let Some(params) = parts
        .first()
        .filter(|p| matches!(p.view(), View::Vector(_)))
    else {
        return Ok(arity.clone());
    };
    let params = items(params)?;
    if params.iter().all(|p| p.as_symbol().is_some()) {
        return Ok(arity.clone());
    }
    let mut binds = Vec::new();
    let plain: Vec<Value> = params
        .iter()
        .map(|p| {
            if p.as_symbol().is_some() {
                return p.clone();
            }
            let g = sym(&format!("p__{}", crate::reader::next_id()));
            binds.push(p.clone());
            binds.push(g.clone());
            g
        })
        .collect();
    let mut body = vec![core("let"), Value::vector(binds)];
    body.extend_from_slice(&parts[1..]);
    Ok(list![Value::vector(plain), Value::list(body)])
}

/// Arities of one method with the same param count (interface methods
/// overloaded by param type, `(m [_ ^String x])` and `(m [_ ^long x])`)
/// become one arity that picks a body by the runtime types of the args,
/// most specific hints first.
fn merge_overloads(arities: Vec<Value>) -> Result<Vec<Value>> {
    // (param count, [(params, body)]).
    type Overloads = Vec<(Vec<Value>, Vec<Value>)>;
    let mut groups: Vec<(usize, Overloads)> = Vec::new();
    for a in arities {
        let parts = items(&a)?;
        let params = match parts.first() {
            Some(p) if matches!(p.view(), View::Vector(_)) => items(p)?,
            _ => return Ok(vec![a]),
        };
        let n = params.len();
        let body = parts[1..].to_vec();
        match groups.iter_mut().find(|(k, _)| *k == n) {
            Some((_, v)) => v.push((params, body)),
            None => groups.push((n, vec![(params, body)])),
        }
    }
    let mut out = Vec::new();
    for (n, mut group) in groups {
        if group.len() == 1 {
            let (params, body) = group.remove(0);
            let mut a = vec![Value::vector(params)];
            a.extend(body);
            out.push(Value::list(a));
            continue;
        }
        let args: Vec<Value> = (0..n)
            .map(|i| sym(&format!("arg{i}__{}", crate::reader::next_id())))
            .collect();
        group.sort_by_key(|(params, _)| {
            params
                .iter()
                .skip(1)
                .filter(|p| hint_test(p, &sym("_")).is_none())
                .count()
        });
        let mut cond = vec![core("cond")];
        for (params, body) in group {
            let tests: Vec<Value> = params
                .iter()
                .zip(&args)
                .skip(1)
                .filter_map(|(p, a)| hint_test(p, a))
                .collect();
            let mut test = vec![core("and")];
            test.extend(tests);
            cond.push(Value::list(test));
            let binds: Vec<Value> = params
                .iter()
                .zip(&args)
                .flat_map(|(p, a)| [strip_meta(p).unwrap_or_else(|_| p.clone()), a.clone()])
                .collect();
            let mut l = vec![core("let"), Value::vector(binds)];
            l.extend(body);
            cond.push(Value::list(l));
        }
        cond.push(kw("else"));
        cond.push(list![
            sym("throw"),
            list![
                sym("new"),
                sym("java.lang.IllegalArgumentException"),
                Value::string("No matching method overload for these argument types")
            ]
        ]);
        out.push(list![Value::vector(args), Value::list(cond)]);
    }
    Ok(out)
}

/// The type test a param's `:tag` hint asks of `arg` (None for untyped
/// or Object params).
fn hint_test(param: &Value, arg: &Value) -> Option<Value> {
    let tag = crate::runtime::lookup::get(&meta::meta(param), &kw("tag"));
    let name = match tag.as_symbol() {
        Some(s) => s.to_string(),
        None => tag.as_str()?.to_string(),
    };
    let pred = |p: &str| Some(list![core(p), arg.clone()]);
    match name.as_str() {
        "Object" | "java.lang.Object" => None,
        "long" | "int" | "short" | "byte" | "Long" | "Integer" | "java.lang.Long"
        | "java.lang.Integer" => pred("int?"),
        "double" | "float" | "Double" | "Float" | "java.lang.Double" | "java.lang.Float" => {
            pred("float?")
        }
        "boolean" | "Boolean" | "java.lang.Boolean" => pred("boolean?"),
        "char" | "Character" | "java.lang.Character" => pred("char?"),
        "String" | "java.lang.String" => pred("string?"),
        "bytes" => pred("bytes?"),
        _ => Some(list![core("instance?"), sym(&name), arg.clone()]),
    }
}

/// `{"key" (fn* ...) ...}` as a form.
fn methods_form(fns: Vec<(String, Value)>) -> Value {
    Value::map_from_pairs(
        fns.into_iter()
            .map(|(k, f)| (Value::string(k), f))
            .collect(),
    )
}

fn strip_meta(v: &Value) -> Result<Value> {
    match v.as_symbol() {
        Some(s) => Ok(Value::symbol(None, s.name())),
        None => Ok(v.clone()),
    }
}

fn is_mutable(f: &Value) -> bool {
    let m = meta::meta(f);
    let flag = |k: &str| crate::runtime::lookup::get(&m, &kw(k)).truthy();
    flag("volatile-mutable") || flag("unsynchronized-mutable")
}

/// Shared by deftype and defrecord: define the class, return the
/// expansion's install call and the class name.
fn define_class(
    kind: TypeKind,
    name: &Value,
    fields: &Value,
    specs: &[Value],
) -> Result<(String, Value, Vec<Value>)> {
    let Some(n) = name.as_symbol() else {
        return err::illegal_arg("First argument to deftype must be a symbol");
    };
    if !matches!(fields.view(), View::Vector(_)) {
        return err::illegal_arg("No fields vector given.");
    }
    let field_forms = items(fields)?;
    let specials = ["__meta", "__extmap"];
    if field_forms
        .iter()
        .any(|f| f.as_symbol().is_some_and(|s| specials.contains(&s.name())))
    {
        return err::throw(
            ExClass::AssertionError,
            "The names in #{__extmap __meta} cannot be used as field names for types or records.",
        );
    }
    let mutable: Vec<bool> = field_forms.iter().map(is_mutable).collect();
    if kind == TypeKind::Record && mutable.iter().any(|m| *m) {
        return err::illegal_arg(
            ":volatile-mutable or :unsynchronized-mutable not supported for record fields",
        );
    }
    let ns = current_ns();
    let classname = format!("{}.{}", munge(ns.name_str()), n.name());
    let specs = parse_specs(specs)?;
    let plain: Vec<Value> = field_forms.iter().map(strip_meta).collect::<Result<_>>()?;
    let methods = collect_methods(&specs, fields)?;
    // Defined while expanding: the method bodies and the rest of the
    // expansion name the class.
    let prims = field_forms
        .iter()
        .map(|f| types::Prim::of_tag(&crate::runtime::lookup::get(&meta::meta(f), &kw("tag"))))
        .collect();
    // The field symbols keep their metadata (`^String s`,
    // `^:unsynchronized-mutable m`), as the JVM's `getBasis` returns them.
    types::define_with_prims(
        &classname,
        kind,
        field_forms.clone(),
        mutable,
        prims,
        methods.interfaces,
    );
    types::import(ns.name_str(), &classname);
    let install = list![
        core("-install-methods"),
        quote(sym(&classname)),
        methods_form(methods.fns)
    ];
    Ok((classname, install, plain))
}

fn factory(name: &str, classname: &str, plain: &[Value]) -> Value {
    let mut ctor = vec![sym("new"), sym(classname)];
    ctor.extend(plain.iter().cloned());
    list![
        core("defn"),
        sym(&format!("->{name}")),
        Value::string(format!(
            "Positional factory function for class {classname}."
        )),
        Value::vector(plain.to_vec()),
        Value::list(ctor)
    ]
}

/// `(deftype Name [fields*] opts* specs*)`.
pub(crate) fn deftype(args: &[Value]) -> Result<Value> {
    let a = margs("deftype", args, 2, None)?;
    let (classname, install, plain) = define_class(TypeKind::Type, &a[0], &a[1], &a[2..])?;
    let name = a[0]
        .as_symbol()
        .map(|s| s.name().to_string())
        .unwrap_or_default();
    Ok(list![
        sym("do"),
        import_form(&classname),
        install,
        factory(&name, &classname, &plain),
        sym(&classname)
    ])
}

/// `(defrecord Name [fields*] opts* specs*)`.
pub(crate) fn defrecord(args: &[Value]) -> Result<Value> {
    let a = margs("defrecord", args, 2, None)?;
    let (classname, install, plain) = define_class(TypeKind::Record, &a[0], &a[1], &a[2..])?;
    let name = a[0]
        .as_symbol()
        .map(|s| s.name().to_string())
        .unwrap_or_default();
    let m = sym("m__auto__");
    let map_factory = list![
        core("defn"),
        sym(&format!("map->{name}")),
        Value::string(format!(
            "Factory function for class {classname}, taking a map of keywords to field values."
        )),
        vector![m.clone()],
        list![sym(&format!("{classname}/create")), m]
    ];
    Ok(list![
        sym("do"),
        import_form(&classname),
        install,
        factory(&name, &classname, &plain),
        map_factory,
        sym(&classname)
    ])
}

/// `(reify specs*)`: a new class per form; each evaluation makes an object
/// whose methods close over the locals in scope.
pub(crate) fn reify(args: &[Value]) -> Result<Value> {
    let a = margs("reify", args, 0, None)?;
    let ns = current_ns();
    let classname = format!(
        "{}$reify__{}",
        munge(ns.name_str()),
        crate::reader::next_id()
    );
    let specs = parse_specs(a)?;
    let methods = collect_methods(&specs, &Value::vector(vec![]))?;
    types::define(
        &classname,
        TypeKind::Reify,
        vec![],
        vec![],
        methods.interfaces,
    );
    // reify transfers the form's metadata (its position included).
    let m = meta::meta(&args[0]);
    let m = if crate::runtime::lookup::count(&m) == 0 {
        Value::NIL
    } else {
        quote(m)
    };
    Ok(list![
        core("-reify"),
        quote(sym(&classname)),
        methods_form(methods.fns),
        m
    ])
}

/// `(definterface Name (method [args])*)`: an interface types can list.
pub(crate) fn definterface(args: &[Value]) -> Result<Value> {
    let a = margs("definterface", args, 1, None)?;
    let Some(n) = a[0].as_symbol() else {
        return err::illegal_arg("definterface requires a symbol name");
    };
    let ns = current_ns();
    let classname = format!("{}.{}", munge(ns.name_str()), n.name());
    types::define(&classname, TypeKind::Interface, vec![], vec![], vec![]);
    types::import(ns.name_str(), &classname);
    Ok(list![sym("do"), import_form(&classname), sym(&classname)])
}

/// `(defprotocol Name doc? opts* sigs*)`.
pub(crate) fn defprotocol(args: &[Value]) -> Result<Value> {
    let a = margs("defprotocol", args, 1, None)?;
    // Parse now so malformed signatures fail at macroexpansion, as on the JVM.
    let name = a[0]
        .as_symbol()
        .map(|s| s.name().to_string())
        .unwrap_or_default();
    protocol::parse_decl(&name, &a[1..])?;
    Ok(list![
        core("-defprotocol"),
        quote(a[0].clone()),
        quote(Value::list(a[1..].to_vec()))
    ])
}

/// `(extend-type T Proto (m [x] ...)* ...)` -> `(extend T Proto {:m (fn ...)})`.
pub(crate) fn extend_type(args: &[Value]) -> Result<Value> {
    let a = margs("extend-type", args, 1, None)?;
    let mut out = vec![core("extend"), a[0].clone()];
    for (p, ms) in parse_impls(&a[1..])? {
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        for m in ms {
            let parts = items(&m)?;
            let Some(name) = parts.first().and_then(|n| n.as_symbol()) else {
                return err::illegal_arg("Malformed method definition");
            };
            let mut f = vec![core("fn")];
            f.extend_from_slice(&parts[1..]);
            let k = kw(name.name());
            match pairs.iter_mut().find(|(pk, _)| pk.identical(&k)) {
                Some(e) => e.1 = Value::list(f),
                None => pairs.push((k, Value::list(f))),
            }
        }
        out.push(p);
        out.push(Value::map_from_pairs(pairs));
    }
    Ok(Value::list(out))
}

/// parse-impls: a non-list item starts a group of the lists after it.
fn parse_impls(forms: &[Value]) -> Result<Vec<(Value, Vec<Value>)>> {
    let mut out: Vec<(Value, Vec<Value>)> = Vec::new();
    for f in forms {
        // core.clj's parse-impls: the first form (whatever it is, e.g. an
        // expression giving a class) names the type; the seqs after it are
        // its methods.
        if crate::runtime::seq::is_seq(f) && !out.is_empty() {
            if let Some((_, ms)) = out.last_mut() {
                ms.push(f.clone());
            }
        } else {
            out.push((f.clone(), Vec::new()));
        }
    }
    Ok(out)
}

/// `(extend-protocol P T (m ...)* ...)` -> one extend-type per type.
pub(crate) fn extend_protocol(args: &[Value]) -> Result<Value> {
    let a = margs("extend-protocol", args, 1, None)?;
    let mut out = vec![sym("do")];
    for (t, ms) in parse_impls(&a[1..])? {
        let mut e = vec![core("extend-type"), t, a[0].clone()];
        e.extend(ms);
        out.push(Value::list(e));
    }
    Ok(Value::list(out))
}

/// `(import* "a.b.C")`, the first step of a type-defining expansion (as the
/// JVM's `(import a.b.C)`): at run time, a simple name that already names
/// another class in the namespace is an IllegalStateException.
fn import_form(classname: &str) -> Value {
    list![sym("import*"), Value::string(classname)]
}
