//! `(.m target args)`: methods of strings, exceptions, writers, classes,
//! and java.lang.Object's methods on every value.

use super::coll::core;
use super::{classes, exceptions, string};
use crate::runtime::equality;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::hash::java_hash_code;
use crate::runtime::io;
use crate::runtime::printer;
use crate::runtime::value::{Value, View};

pub fn call_method(target: &Value, method: &str, args: &[Value]) -> Result<Value> {
    let found = match target.view() {
        View::Nil => {
            return Err(Exception::new(
                ExClass::NullPointerException,
                format!("Cannot invoke \"Object.{method}()\" because \"target\" is null"),
            ));
        }
        View::Str(s) if !matches!(method, "getClass") => {
            return string::call(s, method, args)
                .unwrap_or_else(|| Err(super::no_method(method, args.len(), "java.lang.String")));
        }
        // IFn / Callable / Runnable on a fn.
        View::Fn(_) => match (method, args) {
            ("invoke", _) => Some(crate::runtime::func::invoke(target, args)),
            // IFn$LL & co.'s one method, on a fn that implements one.
            ("invokePrim", _)
                if crate::runtime::printer::fn_class_name(target)
                    .is_some_and(|c| !crate::runtime::func::prim_interfaces(&c).is_empty()) =>
            {
                Some(crate::runtime::func::invoke(target, args))
            }
            ("applyTo", [xs]) => Some(crate::runtime::func::apply_to(target, xs.clone())),
            ("call" | "run", []) => Some(crate::runtime::func::invoke(target, &[])),
            // AFunction implements java.util.Comparator.
            ("compare", [a, b]) => Some(
                crate::runtime::coll::SortedComparator::Fn(target.clone())
                    .compare_int(a, b)
                    .map(|n| Value::long(i64::from(n))),
            ),
            _ => None,
        },
        View::Exception(_) => target
            .as_exception()
            .and_then(|e| exceptions::call(&e, method, args)),
        View::Writer(w) => writer(target, w, method, args),
        View::HostObject(crate::runtime::object::HostObject::Iterator(it)) => {
            super::coll::iterator(it, method, args)
        }
        View::HostObject(_) => super::time::call(target, method, args)
            .or_else(|| super::builder::call(target, method, args))
            .or_else(|| super::regex::call(target, method, args))
            .or_else(|| super::jdk::call(target, method, args))
            .or_else(|| super::jset::call(target, method, args))
            .or_else(|| super::stack_trace::call(target, method, args))
            .or_else(|| super::charset::call(target, method, args))
            .or_else(|| super::base64::call(target, method, args))
            .or_else(|| super::url::call(target, method, args))
            .or_else(|| super::tokenizer::call(target, method, args))
            .or_else(|| super::calendar::call(target, method, args))
            .or_else(|| super::simple_date_format::call(target, method, args))
            .or_else(|| super::thread::call(target, method, args))
            .or_else(|| super::concurrent::call(target, method, args))
            .or_else(|| super::lib_classes::call(target, method, args))
            .or_else(|| super::xml::call(target, method, args))
            .or_else(|| super::logging::call(target, method, args)),
        View::Future(f) => super::concurrent::future_method(f, method, args),
        View::InStream(s) => super::io::call_stream(s, method, args),
        View::File(f) => super::io::call_file(f, method, args),
        View::MultiFn(m) => super::multi::call(target, m, method, args),
        View::Instance(i) => instance_method(target, i, method, args),
        View::Regex(_) => super::regex::call(target, method, args),
        _ if crate::runtime::number::is_number(target) => super::number::call(target, method, args),
        View::Date(_) | View::Uuid(_) => super::date::call_method(target, method, args),
        _ if super::coll::applies(target) => super::coll::call(target, method, args),
        View::TransientVector(_) | View::TransientMap(_) | View::TransientSet(_) => {
            super::coll::transient_call(target, method, args)
        }
        // Symbol / Keyword: getName, getNamespace (and Keyword's `sym`).
        View::Symbol(sym) => match (method, args) {
            ("getName", []) => Some(Ok(Value::string(sym.name()))),
            ("getNamespace", []) => Some(Ok(sym.ns().map(Value::string).unwrap_or(Value::NIL))),
            _ => None,
        },
        View::Keyword(k) => match (method, args) {
            ("getName", []) => Some(Ok(Value::string(k.name()))),
            ("getNamespace", []) => Some(Ok(k.ns().map(Value::string).unwrap_or(Value::NIL))),
            ("sym" | "-sym", []) => Some(Ok(Value::symbol(k.ns(), k.name()))),
            _ => None,
        },
        View::Namespace(ns) => match (method, args) {
            // Namespace's public `name` field and getName().
            ("name" | "-name" | "getName", []) => Some(Ok(Value::from(ns.name().clone()))),
            ("toString", []) => Some(Ok(Value::string(ns.name_str()))),
            ("findInternedVar", [s]) => Some(Ok(s
                .as_symbol()
                .and_then(|s| ns.find_interned(s.name()))
                .map(Value::from)
                .unwrap_or(Value::NIL))),
            // Namespace.refer(Symbol, Var): the var, mapped under the name.
            ("refer", [s, v]) => match (s.as_symbol(), v.as_var()) {
                (Some(s), Some(var)) => Some(ns.refer(s.name(), var).map(|_| v.clone())),
                _ => None,
            },
            ("lookupAlias", [s]) => Some(Ok(s
                .as_symbol()
                .and_then(|s| ns.alias(s.name()))
                .map(Value::namespace)
                .unwrap_or(Value::NIL))),
            _ => None,
        },
        View::Var(v) => match (method, args) {
            // Var's public `sym` and `ns` fields.
            ("sym" | "-sym", []) => Some(Ok(Value::from(v.sym().clone()))),
            ("ns" | "-ns", []) => Some(Ok(crate::runtime::namespace::find_ns(v.ns_sym().name())
                .map(Value::namespace)
                .unwrap_or(Value::NIL))),
            ("hasRoot", []) => Some(Ok(Value::bool(v.has_root()))),
            ("isBound", []) => Some(Ok(Value::bool(v.is_bound()))),
            ("isDynamic", []) => Some(Ok(Value::bool(v.is_dynamic()))),
            ("isMacro", []) => Some(Ok(Value::bool(v.is_macro()))),
            ("getRawRoot", []) => Some(Ok(v.root().unwrap_or(Value::NIL))),
            ("deref" | "get", []) => Some(v.deref()),
            // Var.set: the innermost thread binding (what `set!` changes).
            ("set", [x]) => Some(v.set(x.clone())),
            // Var.bindRoot: the new root (validated, watches told), and the
            // var is no longer a macro.
            ("bindRoot", [x]) => Some((|| {
                v.set_root(target, x.clone())?;
                let m = v.meta();
                let k = Value::keyword(None, "macro");
                if crate::runtime::lookup::get(&m, &k).truthy() || v.is_macro() {
                    v.set_meta(crate::runtime::coll::ops::dissoc(&m, &k)?);
                }
                Ok(Value::NIL)
            })()),
            ("setMacro", []) => {
                let m = crate::runtime::coll::ops::assoc(
                    &v.meta(),
                    Value::keyword(None, "macro"),
                    Value::TRUE,
                );
                Some(m.map(|m| {
                    v.set_meta(m);
                    Value::NIL
                }))
            }
            ("setDynamic", []) => {
                v.set_dynamic(true);
                Some(Ok(target.clone()))
            }
            ("setDynamic", [b]) => {
                v.set_dynamic(b.truthy());
                Some(Ok(target.clone()))
            }
            _ => None,
        },
        View::Class(c) => match (method, args) {
            ("getName" | "getCanonicalName" | "getTypeName", []) => {
                Some(Ok(Value::string(c.name())))
            }
            ("getSimpleName", []) => {
                let n = c.name().rsplit('.').next().unwrap_or(c.name());
                Some(Ok(Value::string(n.rsplit('$').next().unwrap_or(n))))
            }
            ("isInstance", [x]) => Some(Ok(Value::bool(classes::is_instance(c.name(), x)))),
            ("getConstructor" | "getDeclaredConstructor", [types]) => {
                super::reflect::get_constructor(c.name(), types)
            }
            ("getConstructors" | "getDeclaredConstructors", []) => {
                super::reflect::get_constructors(c.name())
            }
            ("isInterface", []) => Some(Ok(Value::bool(c.is_interface()))),
            ("isArray", []) => Some(Ok(Value::bool(c.name().starts_with('[')))),
            ("getSuperclass", []) => Some(Ok(superclass(c.name(), c.is_interface()))),
            ("isPrimitive", []) => Some(Ok(Value::bool(matches!(
                c.name(),
                "long"
                    | "int"
                    | "short"
                    | "byte"
                    | "double"
                    | "float"
                    | "char"
                    | "boolean"
                    | "void"
            )))),
            ("isAssignableFrom", [other]) => Some(match other.as_class() {
                Some(o) => Ok(Value::bool(
                    o.name() == c.name()
                        || c.name() == "java.lang.Object"
                        || crate::builtins::classes::is_subclass(o.name(), c.name()),
                )),
                None => Err(Exception::new(
                    ExClass::ClassCastException,
                    crate::runtime::compare::cast_message(other.class_name(), "java.lang.Class"),
                )),
            }),
            _ => None,
        },
        _ => None,
    };
    if let Some(r) = found {
        return r;
    }
    match (method, args) {
        ("hashCode", []) => Ok(Value::long(java_hash_code(target)? as i64)),
        ("equals", [x]) => Ok(Value::bool(equality::try_equals(target, x)?)),
        ("toString", []) => Ok(Value::string(printer::str_value(target)?)),
        ("getClass", []) => Ok(classes::class_of(target)),
        // The object's monitor (runtime::monitor), held through `locking`.
        ("wait", []) => crate::runtime::monitor::wait(target, None).map(|()| Value::NIL),
        ("wait", [ms]) => {
            let ms = crate::runtime::number::convert::to_long(ms)?;
            if ms < 0 {
                return Err(Exception::new(
                    ExClass::IllegalArgumentException,
                    "timeout value is negative",
                ));
            }
            // wait(0) waits for a notify only.
            let limit = (ms > 0).then(|| std::time::Duration::from_millis(ms as u64));
            crate::runtime::monitor::wait(target, limit).map(|()| Value::NIL)
        }
        ("notify", []) => crate::runtime::monitor::notify(target, false).map(|()| Value::NIL),
        ("notifyAll", []) => crate::runtime::monitor::notify(target, true).map(|()| Value::NIL),
        _ => Err(super::no_method(method, args.len(), target.class_name())),
    }
}

/// Class.getSuperclass: nil for interfaces, primitives and Object.
fn superclass(name: &str, interface: bool) -> Value {
    use crate::builtins::classes;
    if interface || name == "java.lang.Object" || !name.contains('.') {
        return Value::NIL;
    }
    if let Some(e) = ExClass::by_name(name).filter(|e| e.name() == name) {
        return match e.parent() {
            Some(p) => Value::class(p.name(), false),
            None => Value::class("java.lang.Object", false),
        };
    }
    let sup = classes::direct_supers(name)
        .into_iter()
        .find(|s| !classes::is_interface(s))
        .unwrap_or_else(|| "java.lang.Object".to_string());
    Value::class(&sup, false)
}

/// java.io.Writer methods (StringWriter, *out*, *err*).
fn writer(target: &Value, w: &io::Writer, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let text = |v: &Value| -> Result<String> {
        Ok(match v.view() {
            // write(int c) writes one char.
            View::Long(n) => char::from_u32(n as u32).unwrap_or('\u{fffd}').to_string(),
            View::Nil => "null".to_string(),
            _ => printer::str_value(v)?,
        })
    };
    if w.is_bytes() {
        return bytes_writer(w, method, args);
    }
    Some(match (method, args) {
        ("write", [x]) if matches!(x.view(), View::Long(_)) => {
            let c = match x.view() {
                View::Long(n) => char::from_u32(n as u32).unwrap_or('\u{fffd}'),
                _ => '\u{fffd}',
            };
            w.write_char(c).map(|_| Value::NIL)
        }
        ("write", [x]) => text(x).and_then(|s| w.write_str(&s)).map(|_| Value::NIL),
        ("newLine", []) => w.write_str("\n").map(|_| Value::NIL),
        ("write", [x, off, len]) => (|| {
            let s: Vec<char> = text(x)?.chars().collect();
            let off = crate::runtime::number::convert::to_long(off)?.max(0) as usize;
            let len = crate::runtime::number::convert::to_long(len)?.max(0) as usize;
            let part: String = s.iter().skip(off).take(len).collect();
            w.write_str(&part).map(|_| Value::NIL)
        })(),
        ("append", [x]) => text(x)
            .and_then(|s| w.write_str(&s))
            .map(|_| target.clone()),
        // PrintWriter's print/println (String.valueOf of the argument).
        ("print" | "println", [x]) => (|| {
            let mut s = match x.view() {
                View::Nil => "null".to_string(),
                _ => printer::str_value(x)?,
            };
            if method == "println" {
                s.push('\n');
            }
            w.write_str(&s).map(|_| Value::NIL)
        })(),
        ("println", []) => w.write_str("\n").map(|_| Value::NIL),
        ("flush", []) => w.flush().map(|_| Value::NIL),
        ("close", []) => w.close().map(|_| Value::NIL),
        ("toString", []) => printer::str_value(target).map(Value::string),
        _ => return None,
    })
}

/// `(.m x)` / `(.-f x)` on a deftype/defrecord/reify object: a field, a
/// method it defines (protocol methods by their plain name too), or a
/// record's map methods.
fn instance_method(
    target: &Value,
    i: &crate::runtime::types::Instance,
    method: &str,
    args: &[Value],
) -> Option<Result<Value>> {
    use crate::runtime::types;
    let field = method.strip_prefix('-').unwrap_or(method);
    if args.is_empty() || method.starts_with('-') {
        let names = i.type_def().field_names();
        if let Some(ix) = names
            .iter()
            .position(|f| f.as_symbol().is_some_and(|s| s.name() == field))
        {
            return Some(Ok(i.field(ix).unwrap_or(Value::NIL)));
        }
    }
    if let Some(m) = i.method(method).or_else(|| i.method_by_suffix(method)) {
        return Some(types::call(target, &m, args));
    }
    if i.is_record() {
        let r = match (method, args) {
            ("valAt" | "get", [k]) => crate::runtime::func::get(target, k, Value::NIL),
            ("valAt", [k, d]) => crate::runtime::func::get(target, k, d.clone()),
            ("count" | "size", []) => Ok(Value::long(i.record_count() as i64)),
            ("containsKey", [k]) => i.record_get(k).map(|v| Value::bool(v.is_some())),
            ("assoc", [k, v]) => types::record_assoc(i, k.clone(), v.clone()),
            ("without", [k]) => types::record_dissoc(i, k),
            ("seq", []) => crate::runtime::seq::seq(target),
            ("meta", []) => Ok(i.meta().clone()),
            // java.util.Map's views, as defrecord defines them:
            // (set (keys this)), (vals this), (set this).
            ("keySet", []) => {
                core("keys", std::slice::from_ref(target)).and_then(|k| core("set", &[k]))
            }
            ("values", []) => core("vals", std::slice::from_ref(target)),
            ("entrySet", []) => core("set", std::slice::from_ref(target)),
            // The rest of java.util.Map and IPersistentCollection as a
            // persistent map has them (isEmpty, containsValue, cons, the
            // unsupported mutators, ...).
            _ => return super::coll::call(target, method, args),
        };
        return Some(r);
    }
    types::proxy_base_method(target, i, method, args)
}

/// java.io.OutputStream methods: `write` of a byte (an int) or of the
/// items of an array or collection of ints.
fn bytes_writer(w: &io::Writer, method: &str, args: &[Value]) -> Option<Result<Value>> {
    use crate::runtime::number::convert::to_long;
    let array_bytes = |x: &Value| -> Result<Vec<u8>> {
        let mut b = Vec::new();
        for item in crate::runtime::seq::iter(x) {
            b.push(to_long(&item?)? as u8);
        }
        Ok(b)
    };
    if let Some(mem) = w.memory_bytes() {
        // java.io.ByteArrayOutputStream's own methods.
        match (method, args) {
            ("toByteArray", []) => return Some(Ok(Value::byte_array(&mem))),
            ("size", []) => return Some(Ok(Value::long(mem.len() as i64))),
            ("reset", []) => {
                w.reset_memory();
                return Some(Ok(Value::NIL));
            }
            ("toString", []) => {
                return Some(Ok(Value::string(
                    String::from_utf8_lossy(&mem).into_owned(),
                )));
            }
            ("toString", [enc]) => {
                return Some(
                    printer::str_value(enc)
                        .and_then(|e| crate::runtime::input::Encoding::from_name(&e))
                        .map(|e| Value::string(e.decode(&mem))),
                );
            }
            ("writeTo", [out]) => {
                return Some(match out.view() {
                    View::Writer(o) => o.write_bytes(&mem).map(|_| Value::NIL),
                    _ => Err(crate::runtime::error::Exception::new(
                        crate::runtime::error::ExClass::ClassCastException,
                        crate::runtime::compare::cast_message(
                            out.class_name(),
                            "java.io.OutputStream",
                        ),
                    )),
                });
            }
            _ => {}
        }
    }
    Some(match (method, args) {
        ("write", [x]) if crate::runtime::number::is_number(x) => {
            to_long(x).and_then(|n| w.write_bytes(&[n as u8]).map(|_| Value::NIL))
        }
        ("write", [x])
            if matches!(
                x.view(),
                View::HostObject(crate::runtime::object::HostObject::Array(..))
            ) =>
        {
            array_bytes(x).and_then(|b| w.write_bytes(&b).map(|_| Value::NIL))
        }
        ("write", [x, off, len]) => (|| {
            let b = array_bytes(x)?;
            let off = to_long(off)?;
            let len = to_long(len)?;
            let end = off.checked_add(len).unwrap_or(-1);
            if off < 0 || len < 0 || end > b.len() as i64 {
                return Err(crate::runtime::error::Exception::new(
                    crate::runtime::error::ExClass::IndexOutOfBoundsException,
                    format!(
                        "Range [{off}, {off} + {len}) out of bounds for length {}",
                        b.len()
                    ),
                ));
            }
            w.write_bytes(&b[off as usize..end as usize])
                .map(|_| Value::NIL)
        })(),
        ("flush", []) => w.flush().map(|_| Value::NIL),
        ("close", []) => w.close().map(|_| Value::NIL),
        _ => return None,
    })
}
