//! Plain Java objects made by interop constructors that have no Clojure
//! counterpart: `(Object.)`, `(Boolean. false)` (a distinct, truthy Boolean
//! object) and `(StringBuilder.)`. Identity equality and hash, like the JVM's
//! Object.equals/hashCode for these classes' uses in programs.

use super::gc::{Lock, lock};

pub enum HostObject {
    /// `(Object.)`: only its identity matters (e.g. as a lock).
    Object,
    /// `(Boolean. b)`: prints as `b` but is a new object, so `(if (Boolean.
    /// false) :t :f)` is `:t`.
    Boolean(bool),
    /// java.lang.StringBuilder's contents.
    StringBuilder(Lock<String>),
}

impl HostObject {
    pub fn class_name(&self) -> &'static str {
        match self {
            HostObject::Object => "java.lang.Object",
            HostObject::Boolean(_) => "java.lang.Boolean",
            HostObject::StringBuilder(_) => "java.lang.StringBuilder",
        }
    }

    /// Java's toString.
    pub fn to_java_string(&self, identity_hash: i32) -> String {
        match self {
            HostObject::Object => format!("java.lang.Object@{:x}", identity_hash as u32),
            HostObject::Boolean(b) => b.to_string(),
            HostObject::StringBuilder(s) => lock(s).clone(),
        }
    }
}
