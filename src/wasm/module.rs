//! Module sources (path, byte array, WebAssembly text), the wasmi engine,
//! compile errors, and `exports` / `imports` as data.

use super::check_arity;
use super::instance::as_instance;
use super::values::{bytes_of, kw, val_type_name};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::value::{Value, View};
use std::sync::OnceLock;
use wasmi::{Engine, ExternType, FuncType, Module};

/// The engine, fuel-metered: every guest runs in fuel slices so that an
/// interrupt can stop it (see fuel.rs), with or without a `:fuel` budget.
pub(crate) fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut config = wasmi::Config::default();
        config.consume_fuel(true);
        // Lazy translation charges fuel for compiling a function on its
        // first call and fails without a resumable state when a slice is
        // short of it: translate everything at load instead.
        config.compilation_mode(wasmi::CompilationMode::Eager);
        Engine::new(&config)
    })
}

/// An ExceptionInfo with `{:type type ...data}`.
pub(crate) fn ex_info(msg: String, ty: &str, data: Vec<(&str, Value)>) -> Exception {
    let mut pairs = vec![(kw("type"), Value::keyword(Some("wasm"), ty))];
    pairs.extend(data.into_iter().map(|(k, v)| (kw(k), v)));
    Exception::full(
        ExClass::ExceptionInfo,
        Some(msg),
        Some(Value::map_from_pairs(pairs)),
        None,
    )
}

/// The binary module `src` denotes: a byte array, WebAssembly text (a
/// string starting with `(module`), or a path to a `.wasm` or `.wat` file.
pub(crate) fn wasm_bytes(src: &Value) -> Result<(Vec<u8>, String)> {
    if let View::Str(s) = src.view() {
        let s = s.as_str();
        if s.trim_start().starts_with("(module") {
            let bin = wat::parse_str(s).map_err(|e| invalid(e.to_string()))?;
            return Ok((bin, "module.wat".to_string()));
        }
        let bytes = std::fs::read(s).map_err(|e| {
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                _ => e.to_string(),
            };
            Exception::new(ExClass::FileNotFoundException, format!("{s} ({why})"))
        })?;
        // parse_bytes passes binary modules through and compiles text ones.
        let bin = wat::parse_bytes(&bytes)
            .map_err(|e| invalid(format!("{s}: {e}")))?
            .into_owned();
        let name = std::path::Path::new(s)
            .file_name()
            .map_or_else(|| s.to_string(), |n| n.to_string_lossy().into_owned());
        return Ok((bin, name));
    }
    match bytes_of(src)? {
        Some(b) => Ok((b, "module.wasm".to_string())),
        None => Err(Exception::new(
            ExClass::IllegalArgumentException,
            format!(
                "cljw.wasm: a module is a path, a byte array or a \"(module ...)\" string, not {}",
                src.class_name()
            ),
        )),
    }
}

fn invalid(reason: String) -> Exception {
    ex_info(
        format!("Invalid wasm module: {reason}"),
        "invalid-module",
        vec![("reason", Value::string(reason.clone()))],
    )
}

/// Compile `src`; the module and a name for it.
pub(crate) fn compile(src: &Value) -> Result<(Module, String)> {
    let (bytes, name) = wasm_bytes(src)?;
    let module = Module::new(engine(), &bytes).map_err(|e| invalid(e.to_string()))?;
    Ok((module, name))
}

fn func_type_pairs(ty: &FuncType) -> Vec<(&'static str, Value)> {
    let names =
        |ts: &[wasmi::ValType]| Value::vector(ts.iter().map(|t| kw(val_type_name(*t))).collect());
    vec![
        ("params", names(ty.params())),
        ("results", names(ty.results())),
    ]
}

/// `{:kind k ...}` for an import's or export's type.
fn describe(ty: &ExternType, mut pairs: Vec<(&'static str, Value)>) -> Value {
    let limits = |min: u64, max: Option<u64>| {
        vec![
            ("min", Value::long(min as i64)),
            ("max", max.map_or(Value::NIL, |m| Value::long(m as i64))),
        ]
    };
    let (kind, rest) = match ty {
        ExternType::Func(f) => ("func", func_type_pairs(f)),
        ExternType::Memory(m) => ("memory", limits(m.minimum(), m.maximum())),
        ExternType::Table(t) => {
            let mut l = limits(t.minimum(), t.maximum());
            let elem = match t.element() {
                wasmi::RefType::Func => "funcref",
                wasmi::RefType::Extern => "externref",
            };
            l.push(("element", kw(elem)));
            ("table", l)
        }
        ExternType::Global(g) => (
            "global",
            vec![
                ("type", kw(val_type_name(g.content()))),
                ("mutable", Value::bool(g.mutability().is_mut())),
            ],
        ),
    };
    pairs.push(("kind", kw(kind)));
    pairs.extend(rest);
    Value::map_from_pairs(pairs.into_iter().map(|(k, v)| (kw(k), v)).collect())
}

/// `(exports inst-or-src)`: a vector of `{:name :kind ...}` sorted by name
/// (funcs add `:params`/`:results`, memories and tables `:min`/`:max`).
pub(crate) fn exports(args: &[Value]) -> Result<Value> {
    check_arity("exports", args, 1, 1)?;
    let module = module_of(&args[0])?;
    Ok(Value::vector(
        module
            .exports()
            .map(|e| describe(e.ty(), vec![("name", Value::string(e.name()))]))
            .collect(),
    ))
}

/// `(imports inst-or-src)`: a vector of `{:module :name :kind ...}`.
pub(crate) fn imports(args: &[Value]) -> Result<Value> {
    check_arity("imports", args, 1, 1)?;
    let module = module_of(&args[0])?;
    Ok(Value::vector(
        module
            .imports()
            .map(|i| {
                describe(
                    i.ty(),
                    vec![
                        ("module", Value::string(i.module())),
                        ("name", Value::string(i.name())),
                    ],
                )
            })
            .collect(),
    ))
}

/// The module of an instance, or `src` compiled.
fn module_of(x: &Value) -> Result<Module> {
    match as_instance(x) {
        Some(inst) => Ok(inst.module.clone()),
        None => Ok(compile(x)?.0),
    }
}
