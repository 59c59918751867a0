//! `java.lang.Class` values: what `(class x)` returns and what a class
//! symbol (`String`, `clojure.lang.PersistentVector`) evaluates to. Classes
//! are interned by name, so `=` and `identical?` hold between two lookups of
//! the same class, as on the JVM. The interop layer decides which names are
//! classes and what their supertypes are (see `runtime::host`).

use super::gc::Ref;
use super::value::{Value, View};
use ahash::AHashMap;

pub struct Class {
    name: Box<str>,
    interface: bool,
}

impl Class {
    /// Fully qualified name (`java.lang.String`).
    pub fn name(&self) -> &str {
        &self.name
    }
    /// Is it an interface (`(str clojure.lang.IFn)` is "interface clojure.lang.IFn")?
    pub fn is_interface(&self) -> bool {
        self.interface
    }
}

super::gc::global_state!(classes: AHashMap<Box<str>, Ref<Class>> = AHashMap::new());

impl Value {
    /// The interned class value named `name` (fully qualified).
    pub fn class(name: &str, interface: bool) -> Value {
        Value::from(classes(|m| {
            m.entry(name.into())
                .or_insert_with(|| {
                    Ref::new(Class {
                        name: name.into(),
                        interface,
                    })
                })
                .clone()
        }))
    }
    /// The class this value is, if it is one.
    pub fn as_class(&self) -> Option<&Class> {
        match self.view() {
            View::Class(c) => Some(c),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::equality::equiv;
    use crate::runtime::printer::{pr_str, print_str};

    #[test]
    fn classes_are_interned_and_print_like_the_jvm() {
        let a = Value::class("java.lang.String", false);
        let b = Value::class("java.lang.String", false);
        assert!(a.identical(&b) && equiv(&a, &b));
        // JVM: (pr-str String) "java.lang.String", (str String) "class java.lang.String"
        assert_eq!(pr_str(&a), "java.lang.String");
        assert_eq!(print_str(&a), "java.lang.String");
        let mut s = String::new();
        crate::runtime::printer::write_str(&mut s, &a, &crate::runtime::printer::PrintOpts::PR)
            .ok();
        assert_eq!(s, "class java.lang.String");
        assert_eq!(a.class_name(), "java.lang.Class");
    }
}
