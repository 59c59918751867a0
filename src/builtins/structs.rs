//! Struct maps: `create-struct`, `defstruct`, `struct-map`, `struct`,
//! `accessor`. A struct map is a map holding every basis key (nil when not
//! given) first, in basis order, then the extra keys. (The JVM's is a
//! clojure.lang.PersistentStructMap, which also refuses to dissoc a basis
//! key; ours is an ordinary map.)

use super::{Def, check_arity};
use crate::runtime::error::{Result, err};
use crate::runtime::gc::Ref;
use crate::runtime::object::HostObject;
use crate::runtime::value::{Value, View};

pub(crate) const DEFS: &[Def] = &[
    Def::f("create-struct", create_struct),
    Def::m("defstruct", defstruct),
    Def::f("struct-map", struct_map),
    Def::f("struct", struct_fn),
    Def::f("accessor", accessor),
];

fn create_struct(args: &[Value]) -> Result<Value> {
    if args.is_empty() {
        return err::illegal_arg("Must supply keys");
    }
    Ok(Value::from(Ref::new(HostObject::StructDef(args.to_vec()))))
}

/// `(defstruct name & keys)` => `(def name (create-struct keys...))`.
fn defstruct(args: &[Value]) -> Result<Value> {
    check_arity("defstruct", args, 3, None)?;
    let mut call = vec![Value::symbol(Some("clojure.core"), "create-struct")];
    call.extend(args[3..].iter().cloned());
    Ok(Value::list(vec![
        Value::symbol(None, "def"),
        args[2].clone(),
        Value::list(call),
    ]))
}

fn basis(s: &Value) -> Result<&[Value]> {
    match s.view() {
        View::HostObject(HostObject::StructDef(keys)) => Ok(keys),
        _ => err::class_cast(crate::runtime::compare::cast_message(
            s.class_name(),
            "clojure.lang.PersistentStructMap$Def",
        )),
    }
}

/// Build the map: basis keys first (in order), then the extra entries.
fn build(keys: &[Value], vals: Vec<Value>, extra: Vec<(Value, Value)>) -> Value {
    let mut pairs: Vec<(Value, Value)> = keys.iter().cloned().zip(vals).collect();
    for (k, v) in extra {
        match pairs
            .iter_mut()
            .find(|(pk, _)| crate::runtime::equality::equiv(pk, &k))
        {
            Some(slot) => slot.1 = v,
            None => pairs.push((k, v)),
        }
    }
    crate::runtime::coll::ops::array_map_of(pairs)
}

fn struct_map(args: &[Value]) -> Result<Value> {
    check_arity("struct-map", args, 1, None)?;
    let keys = basis(&args[0])?;
    let inits = &args[1..];
    if inits.len() % 2 == 1 {
        return super::no_value_supplied(inits);
    }
    let extra = inits
        .chunks(2)
        .map(|kv| (kv[0].clone(), kv[1].clone()))
        .collect();
    Ok(build(keys, vec![Value::NIL; keys.len()], extra))
}

fn struct_fn(args: &[Value]) -> Result<Value> {
    check_arity("struct", args, 1, None)?;
    let keys = basis(&args[0])?;
    let vals = &args[1..];
    if vals.len() > keys.len() {
        return err::illegal_arg("Too many arguments to struct constructor");
    }
    let mut v = vals.to_vec();
    v.resize(keys.len(), Value::NIL);
    Ok(build(keys, v, Vec::new()))
}

/// `(accessor s k)`: a fn of one struct map returning its `k` entry.
fn accessor(args: &[Value]) -> Result<Value> {
    check_arity("accessor", args, 2, Some(2))?;
    let keys = basis(&args[0])?;
    if !keys
        .iter()
        .any(|k| crate::runtime::equality::equiv(k, &args[1]))
    {
        return err::illegal_arg("Not a key of struct");
    }
    let key = args[1].clone();
    Ok(Value::native_closure("accessor", move |a: &[Value]| {
        check_arity("accessor", a, 1, Some(1))?;
        Ok(crate::runtime::lookup::get(&a[0], &key))
    }))
}
