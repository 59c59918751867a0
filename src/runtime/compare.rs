//! `compare`: Clojure's total order for comparable values. PLACEHOLDER
//! coverage (issue #2): the full version follows Util.compare for every type.

use crate::runtime::error::{Result, err};
use crate::runtime::value::{Value, View};
use std::cmp::Ordering;

/// `(compare a b)`; throws ClassCastException for incomparable values.
pub fn compare(a: &Value, b: &Value) -> Result<Ordering> {
    match (a.view(), b.view()) {
        (View::Nil, View::Nil) => Ok(Ordering::Equal),
        (View::Nil, _) => Ok(Ordering::Less),
        (_, View::Nil) => Ok(Ordering::Greater),
        (View::Long(x), View::Long(y)) => Ok(x.cmp(&y)),
        _ if let Some(o) = crate::runtime::number::compare(a, b) => Ok(o),
        (View::Str(x), View::Str(y)) => Ok(x.as_str().cmp(y.as_str())),
        (View::Char(x), View::Char(y)) => Ok(x.cmp(&y)),
        (View::Bool(x), View::Bool(y)) => Ok(x.cmp(&y)),
        _ => err::class_cast(format!(
            "class {} cannot be cast to class java.lang.Comparable",
            a.class_name()
        )),
    }
}
