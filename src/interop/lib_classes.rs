//! Java classes that Clojure libraries ship compiled inside their jars.
//! cljw cannot load class files, so the few small ones a library's Clojure
//! code depends on are modelled here, with the behaviour of their
//! bytecode (read with `javap -c`): specter's com.rpl.specter.Util and
//! com.rpl.specter.MutableCell. (riddley's riddley.Util builds JVM
//! compiler objects; cljw bundles its own riddley.compiler instead.)

use crate::runtime::class::ClassDef;
use crate::runtime::error::Result;
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::object::{ForeignObject, HostObject};
use crate::runtime::value::{Value, View};

const MUTABLE_CELL: &str = "com.rpl.specter.MutableCell";

/// specter's MutableCell: one mutable field `o`, with get and set.
struct MutableCell(Lock<Value>);

impl ForeignObject for MutableCell {}

pub(super) static CLASSES: &[ClassDef] = &[
    ClassDef::class("com.rpl.specter.Util").statics(&["makeObjectArray"], util_statics),
    ClassDef::class("com.rpl.specter.MutableCell").ctor(construct),
];

/// `Util/makeObjectArray`: `new Object[n]`.
fn util_statics(_class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    match (member, args) {
        ("makeObjectArray", [n]) => {
            let f = crate::builtins::lang::core_value("object-array")?;
            Some(crate::runtime::func::invoke(&f, std::slice::from_ref(n)))
        }
        _ => None,
    }
}

/// `(MutableCell. o)`.
fn construct(_class: &str, args: &[Value]) -> Option<Result<Value>> {
    match args {
        [o] => Some(Ok(Value::from(Ref::new(HostObject::Foreign(
            MUTABLE_CELL,
            Box::new(MutableCell(Lock::new(o.clone()))),
        ))))),
        _ => None,
    }
}

/// Methods of the classes above; None when `target` is none of them.
pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let View::HostObject(o) = target.view() else {
        return None;
    };
    let cell = o.foreign::<MutableCell>()?;
    match (method, args) {
        ("get", []) => Some(Ok(lock(&cell.0).clone())),
        ("set", [v]) => {
            *lock(&cell.0) = v.clone();
            Some(Ok(Value::NIL))
        }
        _ => None,
    }
}
