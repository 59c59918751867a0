//! Marshalling between Clojure values and wasm values, and byte arrays.

use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::lock;
use crate::runtime::number;
use crate::runtime::object::HostObject;
use crate::runtime::seq;
use crate::runtime::value::{Value, View};
use wasmi::{Val, ValType};

pub(crate) fn kw(name: &str) -> Value {
    Value::keyword(None, name)
}

/// The keyword name of a value type (`:i32`, `:f64`, ...).
pub(crate) fn val_type_name(t: ValType) -> &'static str {
    match t {
        ValType::I32 => "i32",
        ValType::I64 => "i64",
        ValType::F32 => "f32",
        ValType::F64 => "f64",
        ValType::V128 => "v128",
        ValType::FuncRef => "funcref",
        ValType::ExternRef => "externref",
    }
}

/// A zero of type `t`, for result buffers.
pub(crate) fn zero(t: ValType) -> Val {
    Val::default_for_ty(t)
}

fn out_of_range(kind: &str, v: &Value) -> Exception {
    let shown = crate::runtime::printer::str_value(v).unwrap_or_default();
    Exception::new(
        ExClass::IllegalArgumentException,
        format!("Value out of range for {kind}: {shown}"),
    )
}

/// A Clojure number as a wasm value of type `t`, range-checked like the
/// JVM's casts: i32 and i64 take integers in their signed range (doubles
/// truncate, as `(int 1.5)`), f32 takes doubles within float range.
pub(crate) fn to_val(t: ValType, v: &Value) -> Result<Val> {
    Ok(match t {
        ValType::I32 => {
            let n = number::to_long(v)?;
            Val::I32(i32::try_from(n).map_err(|_| out_of_range("int", v))?)
        }
        ValType::I64 => Val::I64(number::to_long(v)?),
        ValType::F32 => {
            let d = number::to_double(v)?;
            if d.is_finite() && d.abs() > f64::from(f32::MAX) {
                return Err(out_of_range("float", v));
            }
            Val::F32((d as f32).into())
        }
        ValType::F64 => Val::F64(number::to_double(v)?.into()),
        other => {
            return Err(Exception::new(
                ExClass::UnsupportedOperationException,
                format!(
                    "cljw.wasm: values of type {} cannot be passed from Clojure",
                    val_type_name(other)
                ),
            ));
        }
    })
}

/// A wasm value as a Clojure long or double (nil for a reference).
pub(crate) fn from_val(v: &Val) -> Value {
    match v {
        Val::I32(n) => Value::long(i64::from(*n)),
        Val::I64(n) => Value::long(*n),
        Val::F32(f) => Value::double(f64::from(f32::from(*f))),
        Val::F64(f) => Value::double(f64::from(*f)),
        _ => Value::NIL,
    }
}

/// Call results: nil for none, the value for one, a vector for several.
pub(crate) fn results_value(vals: &[Val]) -> Value {
    match vals {
        [] => Value::NIL,
        [v] => from_val(v),
        _ => Value::vector(vals.iter().map(from_val).collect()),
    }
}

/// A Java `byte[]` holding `bytes` (elements are signed, as Java's).
pub(crate) fn byte_array(bytes: &[u8]) -> Value {
    Value::byte_array(bytes)
}

/// The bytes of a byte array (None for other values); other seqables of
/// numbers are accepted too, each wrapped to a byte as `(byte-array)` does.
pub(crate) fn bytes_of(v: &Value) -> Result<Option<Vec<u8>>> {
    let items: Vec<Value> = match v.view() {
        View::HostObject(HostObject::Array(_, items)) => lock(items).clone(),
        View::Vector(_) | View::List(_) | View::LazySeq(_) | View::ArraySeq(_) => {
            seq::iter(v).collect::<Result<_>>()?
        }
        _ => return Ok(None),
    };
    items
        .iter()
        .map(|x| number::to_long(x).map(|n| n as u8))
        .collect::<Result<Vec<u8>>>()
        .map(Some)
}
