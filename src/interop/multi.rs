//! clojure.lang.MultiFn's constructor and methods, as `defmulti` /
//! `defmethod` expand to them: `(new clojure.lang.MultiFn name dispatch-fn
//! default hierarchy)`, `(. mf addMethod dispatch-val fn)`.

use crate::runtime::compare::cast_message;
use crate::runtime::error::{Result, err};
use crate::runtime::gc::Ref;
use crate::runtime::multi::MultiFn;
use crate::runtime::value::Value;

pub fn construct(name: &Value, dispatch: &Value, default: &Value, h: &Value) -> Result<Value> {
    let Some(name) = name.as_str() else {
        return err::class_cast(cast_message(name.class_name(), "java.lang.String"));
    };
    if !super::is_instance("clojure.lang.IRef", h) {
        return err::class_cast(cast_message(h.class_name(), "clojure.lang.IRef"));
    }
    Ok(Value::from(Ref::new(MultiFn::new(
        name,
        dispatch.clone(),
        default.clone(),
        h.clone(),
    ))))
}

pub fn call(target: &Value, m: &MultiFn, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let this = || Ok(target.clone());
    Some(match (method, args) {
        ("addMethod", [dv, f]) => m.add_method(dv.clone(), f.clone()).and_then(|_| this()),
        ("removeMethod", [dv]) => m.remove_method(dv).and_then(|_| this()),
        ("preferMethod", [x, y]) => m.prefer_method(x.clone(), y.clone()).and_then(|_| this()),
        ("reset", []) => {
            m.reset();
            this()
        }
        ("getMethodTable", []) => Ok(m.method_table()),
        ("getPreferTable", []) => Ok(m.prefer_table()),
        ("getMethod", [dv]) => m.get_method(dv).map(|f| f.unwrap_or(Value::NIL)),
        ("dispatchFn", []) => Ok(m.dispatch_fn().clone()),
        ("defaultDispatchVal", []) => Ok(m.default_dispatch_val().clone()),
        ("hierarchy", []) => Ok(m.hierarchy().clone()),
        ("invoke", _) => crate::runtime::multi::invoke(m, args),
        _ => return None,
    })
}
