//! `(run src opts)`: a WASI preview 1 command module run to completion on
//! wasmi_wasi, with captured stdout/stderr.

use super::check_arity;
use super::fuel::{Budget, call_sliced};
use super::instance::{error_parts, opt_u64};
use super::module::{compile, engine, ex_info};
use super::values::{bytes_of, kw};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::func;
use crate::runtime::printer::str_value;
use crate::runtime::seq;
use crate::runtime::value::{Value, View};
use std::io::{self, Cursor, Write};
use std::sync::{Arc, Mutex, MutexGuard};
use wasmi::{AsContextMut, Linker, Store, StoreLimits, StoreLimitsBuilder};
use wasmi_wasi::WasiCtx;
use wasmi_wasi::sync::{Dir, WasiCtxBuilder, ambient_authority};
use wasmi_wasi::wasi_common::pipe::{ReadPipe, WritePipe};

struct WasiState {
    ctx: WasiCtx,
    limits: StoreLimits,
    budget: Budget,
}

/// stdout and stderr as written so far, and the bytes either may still add.
#[derive(Default)]
struct Output {
    out: Vec<u8>,
    err: Vec<u8>,
    left: u64,
    exceeded: bool,
}

/// One of the guest's output streams.
#[derive(Clone)]
struct Capture {
    shared: Arc<Mutex<Output>>,
    is_err: bool,
}

fn locked(m: &Mutex<Output>) -> MutexGuard<'_, Output> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut o = locked(&self.shared);
        let fits = usize::try_from(o.left).unwrap_or(usize::MAX).min(buf.len());
        o.left -= fits as u64;
        let dest = if self.is_err { &mut o.err } else { &mut o.out };
        dest.extend_from_slice(&buf[..fits]);
        if fits < buf.len() {
            o.exceeded = true;
            return Err(io::Error::other("output limit reached"));
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn opt(opts: &Value, key: &str) -> Result<Value> {
    if opts.is_nil() {
        return Ok(Value::NIL);
    }
    func::get(opts, &kw(key), Value::NIL)
}

fn wasi_err(what: &str, e: impl std::fmt::Display) -> Exception {
    Exception::new(
        ExClass::IllegalArgumentException,
        format!("cljw.wasm/run: {what}: {e}"),
    )
}

/// The key/value pairs of a map option, as strings.
fn string_pairs(m: &Value) -> Result<Vec<(String, String)>> {
    let mut pairs = Vec::new();
    for e in seq::iter(m) {
        let e = e?;
        let View::MapEntry(e) = e.view() else {
            continue;
        };
        let name = |v: &Value| match v.as_keyword() {
            Some(k) => Ok(k.name().to_string()),
            None => str_value(v),
        };
        pairs.push((name(e.key())?, name(e.val())?));
    }
    Ok(pairs)
}

/// `(run src)` / `(run src opts)`: `{:exit n :out "..." :err "..."}`.
pub(crate) fn run(args: &[Value]) -> Result<Value> {
    check_arity("run", args, 1, 2)?;
    let opts = args.get(1).cloned().unwrap_or(Value::NIL);
    let fuel = opt_u64(&opts, "fuel")?;
    let (module, name) = compile(&args[0])?;

    let mut b = WasiCtxBuilder::new();
    let mut argv = vec![name];
    for a in seq::iter(&opt(&opts, "args")?) {
        argv.push(str_value(&a?)?);
    }
    b.args(&argv).map_err(|e| wasi_err("bad :args", e))?;
    b.envs(&string_pairs(&opt(&opts, "env")?)?)
        .map_err(|e| wasi_err("bad :env", e))?;
    let stdin = opt(&opts, "stdin")?;
    let input = match stdin.as_str() {
        Some(s) => s.as_bytes().to_vec(),
        None if stdin.is_nil() => Vec::new(),
        None => bytes_of(&stdin)?
            .ok_or_else(|| wasi_err("bad :stdin", "expected a string or a byte array"))?,
    };
    b.stdin(Box::new(ReadPipe::new(Cursor::new(input))));
    let shared = Arc::new(Mutex::new(Output {
        left: opt_u64(&opts, "max-output-bytes")?.unwrap_or(u64::MAX),
        ..Output::default()
    }));
    let out = Capture {
        shared: shared.clone(),
        is_err: false,
    };
    let err = Capture {
        shared: shared.clone(),
        is_err: true,
    };
    b.stdout(Box::new(WritePipe::new(out)));
    b.stderr(Box::new(WritePipe::new(err)));
    for (guest, host) in string_pairs(&opt(&opts, "dirs")?)? {
        let dir = Dir::open_ambient_dir(&host, ambient_authority()).map_err(|e| {
            Exception::new(
                ExClass::FileNotFoundException,
                format!("cljw.wasm/run: cannot open :dirs {host}: {e}"),
            )
        })?;
        b.preopened_dir(dir, &guest)
            .map_err(|e| wasi_err("bad :dirs", e))?;
    }

    let mut limits = StoreLimitsBuilder::new();
    if let Some(n) = opt_u64(&opts, "max-memory-bytes")? {
        limits = limits.memory_size(usize::try_from(n).unwrap_or(usize::MAX));
    }
    let engine = engine();
    let (budget, first_slice) = Budget::new(fuel);
    let mut store = Store::new(
        engine,
        WasiState {
            ctx: b.build(),
            limits: limits.build(),
            budget,
        },
    );
    store.limiter(|s| &mut s.limits);
    store
        .set_fuel(first_slice)
        .map_err(|e| wasi_err("fuel", e))?;
    let mut linker = Linker::new(engine);
    wasmi_wasi::add_to_linker(&mut linker, |s: &mut WasiState| &mut s.ctx)
        .map_err(|e| wasi_err("linking WASI", e))?;
    let outcome = linker
        .instantiate_and_start(&mut store, &module)
        .and_then(|instance| {
            let Some(start) = instance.get_func(&store, "_start") else {
                return Err(wasmi::Error::new(
                    "the module exports no `_start` function: not a WASI command module",
                ));
            };
            call_sliced(store.as_context_mut(), &start, &[], &mut [], |s| {
                &mut s.budget
            })
        });
    drop(store);

    let o = std::mem::take(&mut *locked(&shared));
    let text = |b: &[u8]| Value::string(String::from_utf8_lossy(b).into_owned());
    let streams = vec![("out", text(&o.out)), ("err", text(&o.err))];
    if o.exceeded {
        return Err(ex_info(
            "cljw.wasm/run: the module's output exceeded :max-output-bytes".to_string(),
            "output-limit",
            streams,
        ));
    }
    let exit = match outcome {
        Ok(()) => 0,
        Err(e) => match e.i32_exit_status() {
            Some(n) => i64::from(n),
            None => {
                let (msg, ty, mut data) = error_parts(&e);
                data.extend(streams);
                return Err(ex_info(msg, ty, data));
            }
        },
    };
    let mut pairs = vec![(kw("exit"), Value::long(exit))];
    pairs.extend(streams.into_iter().map(|(k, v)| (kw(k), v)));
    Ok(Value::map_from_pairs(pairs))
}
