//! One JSON reader and one writer in Rust behind two libraries' APIs:
//! cheshire.core (`cheshire_core`) and clojure.data.json
//! (`clojure_data_json`). Output is byte-identical to cheshire 5.11 and
//! data.json 2.4 on the JVM for the same data (tests/batteries/).

mod date;
pub(crate) mod generate;
pub(crate) mod parse;

use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::func;
use crate::runtime::input::InStream;
use crate::runtime::value::{Value, View};

/// The value of option `key` in the map `opts` (nil when absent).
pub(crate) fn opt(opts: &Value, key: &str) -> Result<Value> {
    if opts.is_nil() {
        return Ok(Value::NIL);
    }
    func::get(opts, &Value::keyword(None, key), Value::NIL)
}

/// Is option `key` present in `opts` (even if nil or false)?
pub(crate) fn has_opt(opts: &Value, key: &str) -> Result<bool> {
    let missing = Value::keyword(Some("cljw.internal"), "missing");
    Ok(!opts.is_nil()
        && !func::get(opts, &Value::keyword(None, key), missing.clone())?.identical(&missing))
}

/// Keyword arguments `k v k v` (or a trailing map, as Clojure 1.11
/// allows) as one map.
pub(crate) fn kw_args(kvs: &[Value]) -> Result<Value> {
    if let [m] = kvs
        && crate::runtime::equality::is_map(m)
    {
        return Ok(m.clone());
    }
    if kvs.len() % 2 == 1 {
        return Err(Exception::new(
            ExClass::IllegalArgumentException,
            format!(
                "No value supplied for key: {}",
                crate::runtime::printer::pr_str(&kvs[kvs.len() - 1])
            ),
        ));
    }
    Ok(Value::map_from_pairs(
        kvs.chunks(2)
            .map(|kv| (kv[0].clone(), kv[1].clone()))
            .collect(),
    ))
}

/// The reader argument of a parse-from-stream fn.
pub(crate) fn reader_arg<'a>(x: &'a Value, fn_name: &str) -> Result<&'a InStream> {
    match x.view() {
        View::InStream(s) => Ok(s),
        _ => Err(Exception::new(
            ExClass::ClassCastException,
            format!(
                "{fn_name}: class {} cannot be cast to class java.io.Reader",
                x.class_name()
            ),
        )),
    }
}

/// The string argument of a parse fn.
pub(crate) fn string_arg<'a>(x: &'a Value, fn_name: &str) -> Result<&'a str> {
    x.as_str().ok_or_else(|| {
        Exception::new(
            ExClass::ClassCastException,
            format!(
                "{fn_name}: class {} cannot be cast to class java.lang.String",
                x.class_name()
            ),
        )
    })
}
