//! Protocols and user-defined types: defprotocol, extend, extend-type,
//! extend-protocol, satisfies?, extends?, extenders, deftype, defrecord,
//! reify, definterface, record?. See runtime/types.rs for the objects and
//! docs/decisions.md for why these are macros over runtime fns rather than
//! deftype*/reify* special forms.

mod deftype;
pub(crate) mod literal;
mod protocol;
mod proxy;

use super::{Def, check_arity};
use crate::runtime::error::{ExClass, Exception, Result, err};
use crate::runtime::types::{self, Methods};
use crate::runtime::value::{Value, View};

pub(crate) use literal::DEFS as LITERAL_DEFS;

pub(crate) const DEFS: &[Def] = &[
    Def::m("defprotocol", deftype::defprotocol),
    Def::m("deftype", deftype::deftype),
    Def::m("defrecord", deftype::defrecord),
    Def::m("reify", deftype::reify),
    Def::m("definterface", deftype::definterface),
    Def::m("extend-type", deftype::extend_type),
    Def::m("extend-protocol", deftype::extend_protocol),
    Def::f("-defprotocol", define_protocol),
    Def::f("-install-methods", install_methods),
    Def::f("-reify", make_reify),
    Def::f("extend", extend),
    Def::f("satisfies?", satisfies),
    Def::f("extends?", extends),
    Def::f("extenders", extenders),
    Def::f("record?", record_p),
    Def::m("proxy", proxy::proxy),
    Def::m("proxy-super", proxy::proxy_super),
    Def::f("-proxy-super", proxy::proxy_super_call),
    Def::f("proxy-mappings", proxy::proxy_mappings),
    Def::f("-proxy", proxy::make_proxy),
    Def::f("update-proxy", proxy::update_proxy),
    Def::f("init-proxy", proxy::init_proxy),
    Def::f("get-proxy-class", proxy::get_proxy_class),
    Def::f("construct-proxy", proxy::construct_proxy),
    Def::f("bean", proxy::bean),
];

fn define_protocol(args: &[Value]) -> Result<Value> {
    check_arity("-defprotocol", args, 2, Some(2))?;
    let Some(name) = args[0].as_symbol() else {
        return err::illegal_arg("defprotocol requires a symbol name");
    };
    let body: Vec<Value> = crate::runtime::seq::iter(&args[1]).collect::<Result<_>>()?;
    protocol::define(&super::lang::current_ns(), name.name(), &body)
}

fn type_named(v: &Value) -> Result<crate::runtime::gc::Ref<types::TypeDef>> {
    let name = v.as_symbol().map(|s| s.to_string()).unwrap_or_default();
    types::lookup(&name).ok_or_else(|| {
        Exception::new(
            ExClass::IllegalStateException,
            format!("class {name} is not defined"),
        )
    })
}

/// The method map form `{"key" fn}` as a table.
fn methods_of(m: &Value) -> Result<Methods> {
    let mut out = Methods::new();
    for e in crate::runtime::equality::entries(m) {
        let (k, f) = e?;
        if let Some(k) = k.as_str() {
            out.insert(k.into(), f);
        }
    }
    Ok(out)
}

fn install_methods(args: &[Value]) -> Result<Value> {
    check_arity("-install-methods", args, 2, Some(2))?;
    type_named(&args[0])?.set_methods(methods_of(&args[1])?);
    Ok(Value::NIL)
}

fn make_reify(args: &[Value]) -> Result<Value> {
    check_arity("-reify", args, 3, Some(3))?;
    let t = type_named(&args[0])?;
    Ok(types::reify(t, methods_of(&args[1])?, args[2].clone()))
}

/// `(extend atype & proto+mmaps)`.
fn extend(args: &[Value]) -> Result<Value> {
    check_arity("extend", args, 1, None)?;
    let mut rest = &args[1..];
    // (partition 2 proto+mmaps): a protocol without its method map is
    // left out.
    while let [p, m, tail @ ..] = rest {
        protocol::extend(&args[0], p, m)?;
        rest = tail;
    }
    Ok(Value::NIL)
}

fn satisfies(args: &[Value]) -> Result<Value> {
    check_arity("satisfies?", args, 2, Some(2))?;
    Ok(Value::bool(protocol::satisfies(&args[0], &args[1])?))
}

fn extends(args: &[Value]) -> Result<Value> {
    check_arity("extends?", args, 2, Some(2))?;
    Ok(Value::bool(protocol::extends(&args[0], &args[1])?))
}

fn extenders(args: &[Value]) -> Result<Value> {
    check_arity("extenders", args, 1, Some(1))?;
    protocol::extenders(&args[0])
}

fn record_p(args: &[Value]) -> Result<Value> {
    check_arity("record?", args, 1, Some(1))?;
    Ok(Value::bool(
        matches!(args[0].view(), View::Instance(i) if i.is_record()),
    ))
}

/// For reduce/reduce-kv dispatch through clojure.core.protocols.
pub(crate) use protocol::{Protocol, expect_protocol};
