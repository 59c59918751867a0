//! The JDK members whose type is int, short or byte, recorded from the JVM
//! by `scripts/jvm-int-members.sh` into `jvm_int_members.txt`. The interop
//! hooks compute integers as longs; [`box_result`] gives a listed member's
//! result the JVM's box (`(class (.length "abc"))` is java.lang.Integer,
//! `(class (.shortValue 5))` java.lang.Short), so no shim has to pick the
//! width itself.

use crate::runtime::number::{IntBox, IntWidth};
use crate::runtime::value::{Value, View};
use ahash::AHashMap;
use std::sync::OnceLock;

/// What kind of member a lookup is for (the file's token prefixes).
#[derive(Clone, Copy)]
pub enum Kind {
    /// A static method: `name:I`.
    Static,
    /// A static field: `.NAME:I`.
    Field,
    /// An instance method (declared or inherited): `#name:I`.
    Method,
}

fn index() -> &'static AHashMap<&'static str, &'static str> {
    static INDEX: OnceLock<AHashMap<&'static str, &'static str>> = OnceLock::new();
    INDEX.get_or_init(|| {
        include_str!("jvm_int_members.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once(' '))
            .collect()
    })
}

/// The width of `class`'s member `name` of `kind`, if the JVM types it as
/// int, short or byte. An instance method of a class the file lacks is
/// looked up on java.lang.Object (`hashCode`).
pub fn width(class: &str, kind: Kind, name: &str) -> Option<IntWidth> {
    let prefix = match kind {
        Kind::Static => "",
        Kind::Field => ".",
        Kind::Method => "#",
    };
    let line = match (index().get(class), kind) {
        (Some(l), _) => l,
        (None, Kind::Method) => index().get("java.lang.Object")?,
        (None, _) => return None,
    };
    line.split(' ').find_map(|tok| {
        let (n, w) = tok.strip_prefix(prefix)?.rsplit_once(':')?;
        if n != name || (prefix.is_empty() && tok.starts_with(['.', '#'])) {
            return None;
        }
        match w {
            "I" => Some(IntWidth::Int),
            "S" => Some(IntWidth::Short),
            "B" => Some(IntWidth::Byte),
            _ => None,
        }
    })
}

/// A member's result as the JVM boxes it: a Long from a member typed int,
/// short or byte becomes that box (when it fits; anything else is left as
/// the shim made it).
pub fn box_result(class: &str, kind: Kind, name: &str, v: Value) -> Value {
    let View::Long(n) = v.view() else {
        return v;
    };
    if v.as_int_box().is_some() {
        return v;
    }
    match width(class, kind, name).and_then(|w| IntBox::new(w, n)) {
        Some(b) => Value::int_box(b),
        None => v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_recorded_file() {
        assert_eq!(
            width("java.lang.String", Kind::Method, "length"),
            Some(IntWidth::Int)
        );
        assert_eq!(
            width("java.lang.Long", Kind::Method, "shortValue"),
            Some(IntWidth::Short)
        );
        assert_eq!(
            width("java.lang.Integer", Kind::Field, "MAX_VALUE"),
            Some(IntWidth::Int)
        );
        assert_eq!(
            width("java.lang.Integer", Kind::Static, "parseInt"),
            Some(IntWidth::Int)
        );
        assert_eq!(width("java.lang.Long", Kind::Static, "parseLong"), None);
        assert_eq!(width("java.lang.Long", Kind::Field, "MAX_VALUE"), None);
        // A static's name does not match an instance method's token.
        assert_eq!(width("java.lang.String", Kind::Static, "length"), None);
        assert_eq!(
            width("no.such.Class", Kind::Method, "hashCode"),
            Some(IntWidth::Int)
        );
        let v = box_result("java.lang.String", Kind::Method, "length", Value::long(3));
        assert_eq!(v.class_name(), "java.lang.Integer");
        let s = box_result(
            "java.lang.String",
            Kind::Method,
            "substring",
            Value::long(3),
        );
        assert_eq!(s.class_name(), "java.lang.Long");
    }
}
