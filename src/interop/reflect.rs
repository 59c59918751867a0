//! Reflection over the class registry: java.lang.reflect.Constructor
//! (`getConstructor`, `getConstructors`, `newInstance`) and the one class
//! loader (`RT/baseLoader`).

use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::{Lock, Ref};
use crate::runtime::object::HostObject;
use crate::runtime::value::Value;

/// java.lang.reflect.Constructor of a registry class, as
/// `Class.getConstructor(paramTypes)` returns it: `newInstance` calls the
/// class's constructor with the args (the overload is chosen by the args,
/// not by the parameter types asked for).
pub(super) struct Constructor {
    class: &'static str,
    params: Vec<Value>,
}

impl crate::runtime::object::ForeignObject for Constructor {
    fn java_string(&self, _: &str) -> String {
        let params: Vec<String> = self
            .params
            .iter()
            .map(|p| {
                p.as_class()
                    .map_or("?".to_string(), |c| c.name().to_string())
            })
            .collect();
        format!("public {}({})", self.class, params.join(","))
    }
}

/// `(.getConstructor class (into-array Class [...]))`; None when `class`
/// is not a registry class.
pub(super) fn get_constructor(class: &str, types: &Value) -> Option<Result<Value>> {
    let def = crate::runtime::host::class_def(class)?;
    Some((|| {
        let params: Vec<Value> = if types.is_nil() {
            Vec::new()
        } else {
            crate::runtime::seq::iter(types).collect::<Result<_>>()?
        };
        Ok(Value::from(Ref::new(HostObject::Foreign(
            "java.lang.reflect.Constructor",
            Box::new(Constructor {
                class: def.name,
                params,
            }),
        ))))
    })())
}

/// The one class loader (`RT/baseLoader`, a DynamicClassLoader): every
/// class cljw knows is in it.
pub(super) struct ClassLoader;

impl crate::runtime::object::ForeignObject for ClassLoader {}

/// `(clojure.lang.RT/baseLoader)`.
pub(super) fn class_loader() -> Value {
    Value::from(Ref::new(HostObject::Foreign(
        "clojure.lang.DynamicClassLoader",
        Box::new(ClassLoader),
    )))
}

pub(super) fn class_loader_method(method: &str, args: &[Value]) -> Option<Result<Value>> {
    match (method, args) {
        ("loadClass", [name] | [name, _]) => {
            super::lang::statics("java.lang.Class", "forName", std::slice::from_ref(name))
        }
        ("getParent", []) => Some(Ok(Value::NIL)),
        _ => None,
    }
}

/// `Class.getConstructors`: of a deftype/defrecord class, one Constructor
/// per arity, every parameter typed Object; of a registry class, the JVM's
/// public constructors as jvm_ctors.txt records them (scripts/jvm-ctors.sh);
/// None for a class recorded there without any.
pub(super) fn get_constructors(class: &str) -> Option<Result<Value>> {
    let ctor = |class: &'static str, params: Vec<Value>| {
        Value::from(Ref::new(HostObject::Foreign(
            "java.lang.reflect.Constructor",
            Box::new(Constructor { class, params }),
        )))
    };
    let ctors: Vec<Value> = match crate::runtime::types::lookup(class) {
        Some(t) => {
            let object = Value::class("java.lang.Object", false);
            crate::runtime::types::constructor_arities(&t)
                .into_iter()
                .map(|n| ctor(t.name(), vec![object.clone(); n]))
                .collect()
        }
        None => {
            let def = crate::runtime::host::class_def(class)?;
            jvm_ctors(def.name)?
                .into_iter()
                .map(|types| {
                    let params = types
                        .into_iter()
                        .map(|t| {
                            crate::runtime::host::class_value(t)
                                .unwrap_or_else(|| Value::class(t, false))
                        })
                        .collect();
                    ctor(def.name, params)
                })
                .collect()
        }
    };
    Some(Ok(Value::from(Ref::new(HostObject::Array(
        "[Ljava.lang.reflect.Constructor;",
        Lock::new(ctors),
    )))))
}

/// The JVM's public constructors of `class` (their parameter type names),
/// as scripts/jvm-ctors.sh recorded them; None when it recorded none.
fn jvm_ctors(class: &str) -> Option<Vec<Vec<&'static str>>> {
    let line = include_str!("jvm_ctors.txt")
        .lines()
        .find(|l| l.split(' ').next() == Some(class))?;
    Some(
        line.split(' ')
            .skip(1)
            .filter_map(|t| t.strip_prefix('@'))
            .map(|t| {
                if t.is_empty() {
                    Vec::new()
                } else {
                    t.split(',').collect()
                }
            })
            .collect(),
    )
}

pub(super) fn constructor_method(
    c: &Constructor,
    method: &str,
    args: &[Value],
) -> Option<Result<Value>> {
    Some(match (method, args) {
        ("getParameterTypes", []) => Ok(Value::from(Ref::new(HostObject::Array(
            "[Ljava.lang.Class;",
            Lock::new(c.params.clone()),
        )))),
        ("newInstance", [xs]) => (|| {
            let items: Vec<Value> = if xs.is_nil() {
                Vec::new()
            } else {
                crate::runtime::seq::iter(xs).collect::<Result<_>>()?
            };
            if items.len() != c.params.len() {
                return Err(Exception::new(
                    ExClass::IllegalArgumentException,
                    "wrong number of arguments",
                ));
            }
            let def = crate::runtime::host::class_def(c.class);
            crate::runtime::host::new_instance(def, c.class, &items)
        })(),
        ("getParameterCount", []) => Ok(Value::long(c.params.len() as i64)),
        ("getDeclaringClass", []) => {
            Ok(crate::runtime::host::class_value(c.class).unwrap_or(Value::NIL))
        }
        ("getName", []) => Ok(Value::string(c.class)),
        _ => return None,
    })
}
