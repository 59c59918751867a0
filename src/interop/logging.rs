//! java.util.logging: Logger and Level, as libraries use them to log
//! (clojure.data.xml logs at FINE). A logger has the JDK's default
//! configuration: the root level INFO, records at INFO and above printed
//! on stderr as `LEVEL: message` (the JDK's SimpleFormatter also prints a
//! date and source line before it). Handlers, formatters, filters and
//! per-logger levels other than `setLevel` are not modelled.

use crate::runtime::class::ClassDef;
use crate::runtime::error::Result;
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::object::{ForeignObject, HostObject};
use crate::runtime::value::{Value, View};

const LEVELS: &[(&str, i64)] = &[
    ("OFF", i32::MAX as i64),
    ("SEVERE", 1000),
    ("WARNING", 900),
    ("INFO", 800),
    ("CONFIG", 700),
    ("FINE", 500),
    ("FINER", 400),
    ("FINEST", 300),
    ("ALL", i32::MIN as i64),
];

pub(super) static CLASSES: &[ClassDef] = &[
    ClassDef::class("java.util.logging.Logger")
        .statics(&["getLogger", "getGlobal", "getAnonymousLogger"], statics),
    ClassDef::class("java.util.logging.Level")
        .implements(&["java.io.Serializable"])
        .statics(&["parse"], statics)
        .fields(
            &[
                "OFF", "SEVERE", "WARNING", "INFO", "CONFIG", "FINE", "FINER", "FINEST", "ALL",
            ],
            field,
        ),
];

struct Level(&'static str, i64);

impl ForeignObject for Level {
    fn java_string(&self, _object: &str) -> String {
        self.0.to_string()
    }
    fn equals(&self, other: &dyn ForeignObject) -> Option<bool> {
        Some(other.downcast_ref::<Level>()?.1 == self.1)
    }
    fn hash_code(&self) -> Option<i32> {
        Some(self.1 as i32)
    }
}

struct Logger {
    name: String,
    /// Its own level; None: the root's (INFO).
    level: Lock<Option<i64>>,
}

impl ForeignObject for Logger {}

fn level(name: &str) -> Option<Value> {
    let &(n, v) = LEVELS.iter().find(|(n, _)| *n == name)?;
    Some(Value::from(Ref::new(HostObject::Foreign(
        "java.util.logging.Level",
        Box::new(Level(n, v)),
    ))))
}

fn field(_class: &str, name: &str) -> Option<Value> {
    level(name)
}

fn logger(name: &str) -> Value {
    Value::from(Ref::new(HostObject::Foreign(
        "java.util.logging.Logger",
        Box::new(Logger {
            name: name.to_string(),
            level: Lock::new(None),
        }),
    )))
}

fn statics(class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(Ok(match (class, member, args) {
        (_, "getLogger", [n]) => logger(n.as_str()?),
        (_, "getGlobal", []) => logger("global"),
        (_, "getAnonymousLogger", []) => logger(""),
        (_, "parse", [n]) => match level(n.as_str()?) {
            Some(l) => l,
            None => {
                return Some(Err(crate::runtime::error::Exception::new(
                    crate::runtime::error::ExClass::IllegalArgumentException,
                    format!("Bad level \"{}\"", n.as_str().unwrap_or("")),
                )));
            }
        },
        _ => return None,
    }))
}

fn level_of(v: &Value) -> Option<&Level> {
    let View::HostObject(o) = v.view() else {
        return None;
    };
    o.foreign::<Level>()
}

/// Methods of loggers and levels; None when `target` is neither.
pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let View::HostObject(o) = target.view() else {
        return None;
    };
    if let Some(l) = o.foreign::<Level>() {
        return Some(Ok(match (method, args) {
            ("getName" | "toString", []) => Value::string(l.0),
            ("intValue", []) => Value::long(l.1),
            _ => return None,
        }));
    }
    let lg = o.foreign::<Logger>()?;
    let threshold = || lock(&lg.level).unwrap_or(800);
    Some(Ok(match (method, args) {
        ("getName", []) => Value::string(&lg.name),
        ("isLoggable", [l]) => Value::bool(level_of(l)?.1 >= threshold()),
        ("setLevel", [l]) => {
            *lock(&lg.level) = if l.is_nil() {
                None
            } else {
                Some(level_of(l)?.1)
            };
            Value::NIL
        }
        ("getLevel", []) => match *lock(&lg.level) {
            Some(v) => LEVELS
                .iter()
                .find(|(_, x)| *x == v)
                .and_then(|(n, _)| level(n))
                .unwrap_or(Value::NIL),
            None => Value::NIL,
        },
        ("log", [l, msg]) => {
            let l = level_of(l)?;
            if l.1 >= threshold() && lock(&lg.level).is_none_or(|t| l.1 >= t) {
                let text = crate::runtime::printer::str_value(msg).unwrap_or_default();
                eprintln!("{}: {text}", l.0);
            }
            Value::NIL
        }
        ("severe" | "warning" | "info" | "config" | "fine" | "finer" | "finest", [msg]) => {
            let l = level(&method.to_uppercase())?;
            return call(target, "log", &[l, msg.clone()]);
        }
        _ => return None,
    }))
}
