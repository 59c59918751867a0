//! `=` (equiv) and `identical?`. PLACEHOLDER coverage (issue #2): scalars and
//! sequential collections; the full version covers every type.

use crate::runtime::seq;
use crate::runtime::value::{Value, View};

/// Clojure's `=`.
pub fn equiv(a: &Value, b: &Value) -> bool {
    match (a.view(), b.view()) {
        (View::Nil, View::Nil) => true,
        (View::Bool(x), View::Bool(y)) => x == y,
        (View::Long(x), View::Long(y)) => x == y,
        (View::Double(x), View::Double(y)) => x == y,
        (View::Char(x), View::Char(y)) => x == y,
        (View::Str(x), View::Str(y)) => x.as_str() == y.as_str(),
        (View::Keyword(x), View::Keyword(y)) => x.same(y),
        (View::Symbol(x), View::Symbol(y)) => x.same(y),
        _ if is_sequential(a) && is_sequential(b) => {
            let mut ia = seq::iter(a);
            let mut ib = seq::iter(b);
            loop {
                match (ia.next(), ib.next()) {
                    (None, None) => return true,
                    (Some(Ok(x)), Some(Ok(y))) if equiv(&x, &y) => {}
                    _ => return false,
                }
            }
        }
        _ => a.identical(b),
    }
}

pub fn is_sequential(v: &Value) -> bool {
    matches!(
        v.view(),
        View::List(_) | View::Vector(_) | View::Cons(_) | View::ArraySeq(_) | View::MapEntry(_)
    )
}
