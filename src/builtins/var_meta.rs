//! The JVM's metadata of builtin vars (docstring, :arglists, :added, :file,
//! :line ...), from the generated table in core_meta.rs. It is read into a
//! map only when a program first asks for a var's metadata, so start-up
//! costs one flag per var.

use super::core_meta::CORE_META;
use crate::runtime::coll::ops::assoc;
use crate::runtime::namespace::find_ns;
use crate::runtime::value::Value;
use crate::runtime::var::{Var, install_static_meta_hook};

/// Install the hook that `Var::meta` calls for vars marked pending.
pub fn install() {
    install_static_meta_hook(static_meta);
}

/// The JVM's metadata of `ns/name`, as printed source text.
fn entry(ns: &str, name: &str) -> Option<&'static str> {
    let key_cmp = |k: &str| {
        let (kns, kname) = k.split_once('/').unwrap_or((k, ""));
        kns.cmp(ns).then_with(|| kname.cmp(name))
    };
    CORE_META
        .binary_search_by(|(k, _)| key_cmp(k))
        .ok()
        .map(|i| CORE_META[i].1)
}

fn static_meta(var: &Var) -> Option<Value> {
    let ns = var.ns_sym().name();
    let src = entry(ns, var.sym().name())?;
    let m = crate::reader::read_str(src).ok()?;
    let ns_val = find_ns(ns).map(Value::namespace).unwrap_or(Value::NIL);
    let mut m = assoc(&m, Value::keyword(None, "ns"), ns_val).ok()?;
    if ns == "clojure.core"
        && let Some((inline, arities)) = super::core_inline::inline_meta(var.sym().name())
    {
        m = assoc(&m, Value::keyword(None, "inline"), inline).ok()?;
        if let Some(a) = arities {
            m = assoc(&m, Value::keyword(None, "inline-arities"), a).ok()?;
        }
    }
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_readable() {
        for w in CORE_META.windows(2) {
            let (a, b) = (w[0].0.split_once('/'), w[1].0.split_once('/'));
            assert!(a < b, "{} before {}", w[0].0, w[1].0);
        }
        for (k, src) in CORE_META {
            assert!(crate::reader::read_str(src).is_ok(), "{k}");
        }
        assert!(entry("clojure.core", "map").is_some());
        assert!(entry("clojure.core", "/").is_some());
        assert!(entry("clojure.core", "no-such-var").is_none());
    }
}
