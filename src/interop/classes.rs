//! The class registry's assembly: every area file of `interop` contributes
//! a `CLASSES` table of `ClassDef`s; the exception classes come from
//! `ExClass` (their hierarchy lives there). `install` indexes them once in
//! `runtime::class`.

use crate::runtime::class::{self, ClassDef};
use crate::runtime::error::ExClass;
use crate::runtime::value::Value;

/// Every area's table. A new area file adds its `CLASSES` here.
fn tables() -> [&'static [ClassDef]; 21] {
    [
        super::lang::CLASSES,
        super::number::CLASSES,
        super::clojure_lang::CLASSES,
        super::io::CLASSES,
        super::regex::CLASSES,
        super::date::CLASSES,
        super::calendar::CLASSES,
        super::simple_date_format::CLASSES,
        super::jdk::CLASSES,
        super::time::CLASSES,
        super::stack_trace::CLASSES,
        super::charset::CLASSES,
        super::base64::CLASSES,
        super::url::CLASSES,
        super::tokenizer::CLASSES,
        super::thread::CLASSES,
        super::concurrent::CLASSES,
        super::jset::CLASSES,
        super::lib_classes::CLASSES,
        super::xml::CLASSES,
        super::logging::CLASSES,
    ]
}

/// Index the tables and the exception classes (idempotent).
pub fn install() {
    if !class::all().is_empty() {
        return;
    }
    let mut defs: Vec<&'static ClassDef> = tables().iter().flat_map(|t| t.iter()).collect();
    for &ex in ExClass::ALL {
        let interfaces: &'static [&'static str] = match ex {
            ExClass::Throwable => &["java.io.Serializable"],
            ExClass::ExceptionInfo => &["clojure.lang.IExceptionInfo"],
            _ => &[],
        };
        let mut d = ClassDef::class(ex.name())
            .implements(interfaces)
            .ctor(exception_ctor);
        d.superclass = ex.parent().map(|p| p.name());
        // Built once at start-up and kept for the process's life.
        defs.push(Box::leak(Box::new(d)));
    }
    class::install_registry(defs, include_str!("jvm_members.txt"));
}

fn exception_ctor(name: &str, args: &[Value]) -> Option<crate::runtime::error::Result<Value>> {
    let ex = ExClass::ALL.iter().find(|e| e.name() == name)?;
    Some(super::exceptions::construct(*ex, args))
}

/// The full name of every class modelled (for completion).
pub fn all_names() -> Vec<&'static str> {
    class::all().iter().map(|d| d.name).collect()
}

/// The class `name` denotes (a full name, a default import, or a class
/// imported into the current namespace).
pub fn resolve(name: &str) -> Option<&'static ClassDef> {
    class::resolve(name)
}

/// `(class x)`: nil for nil.
pub fn class_of(v: &Value) -> Value {
    if v.is_nil() {
        return Value::NIL;
    }
    // A named fn's class is its own (`user$f`), a subclass of AFunction.
    if let Some(name) = crate::runtime::printer::fn_class_name(v) {
        return Value::class(&name, false);
    }
    Value::class(v.class_name(), false)
}

/// `(instance? C x)` for a fully qualified class name (the hierarchy walk
/// lives with the builtins, over the registry's defs).
pub fn is_instance(class: &str, v: &Value) -> bool {
    crate::builtins::classes::is_instance(class, v)
}
