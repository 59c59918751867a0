//! java.util.regex.Matcher methods: `.find` `.matches` `.group` `.groupCount`
//! `.start` `.end`.

use crate::runtime::error::Result;
use crate::runtime::number;
use crate::runtime::object::HostObject;
use crate::runtime::value::{Value, View};

/// Matcher methods; None when `target` is not a Matcher or `method` is not
/// one of these (Object's methods fall through).
pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let View::HostObject(HostObject::Matcher(m)) = target.view() else {
        return None;
    };
    let text = |g: Option<String>| g.map_or(Value::NIL, Value::string);
    Some(match (method, args) {
        ("find", []) => Ok(Value::bool(m.find())),
        ("matches", []) => Ok(Value::bool(m.matches())),
        ("groupCount", []) => Ok(Value::long(m.group_count() as i64)),
        ("group", []) => m.group(0).map(text),
        ("group", [n]) => number::to_long(n).and_then(|n| m.group(n.max(0) as usize).map(text)),
        ("start", []) => m.bounds().map(|(a, _)| Value::long(a as i64)),
        ("end", []) => m.bounds().map(|(_, b)| Value::long(b as i64)),
        _ => return None,
    })
}
