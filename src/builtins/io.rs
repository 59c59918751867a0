//! Printing: pr prn print println newline flush, the `-str` variants and
//! printf. Output goes to the current `*out*` and follows the print vars
//! (`*print-length*`, `*print-level*`, `*print-meta*`, `*print-readably*`,
//! `*print-namespace-maps*`, `*flush-on-newline*`), as core_print.clj does.

use super::{Def, check_arity};
use crate::runtime::core_vars::core_vars;
use crate::runtime::error::Result;
use crate::runtime::io::{Writer, flush_value, write_to};
use crate::runtime::printer::{PrintOpts, write_value, write_value_draining};
use crate::runtime::value::{Value, View};
use crate::runtime::var::{pop_bindings, push_bindings};

pub(crate) const DEFS: &[Def] = &[
    Def::f("pr", pr),
    Def::f("prn", prn),
    Def::f("print", print),
    Def::f("println", println),
    Def::f("newline", newline),
    Def::f("flush", flush),
    Def::f("pr-str", pr_str),
    Def::f("prn-str", prn_str),
    Def::f("print-str", print_str),
    Def::f("println-str", println_str),
    Def::f("printf", printf),
];

/// The printer settings the print vars say now; see [`PrintOpts::current`].
pub fn current_opts(readably: bool) -> PrintOpts {
    PrintOpts::current(readably)
}

/// Values separated by spaces, as `pr`/`print` lay them out. `print` binds
/// `*print-readably*` to nil while it prints, as the JVM does, so lazy seqs
/// realised during printing (`(println (map pr-str ["a"]))`) see it.
pub fn render(args: &[Value], readably: bool) -> Result<String> {
    if readably {
        return render_with(args, true);
    }
    let var = core_vars().print_readably.clone();
    crate::runtime::var::push_bindings(vec![(var, Value::NIL)])?;
    let r = render_with(args, false);
    crate::runtime::var::pop_bindings()?;
    r
}

fn render_with(args: &[Value], readably: bool) -> Result<String> {
    let opts = current_opts(readably);
    let mut s = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        write_value(&mut s, a, &opts)?;
    }
    Ok(s)
}

/// The current `*out*`.
pub fn out() -> Value {
    core_vars().out.get().unwrap_or(Value::NIL)
}

/// Write text to `*out*`.
pub fn emit(s: &str) -> Result<()> {
    write_to(&out(), s)
}

/// `(newline)` then flush when `*flush-on-newline*`.
fn end_line() -> Result<()> {
    let w = out();
    write_to(&w, "\n")?;
    if core_vars()
        .flush_on_newline
        .get()
        .is_some_and(|v| v.truthy())
    {
        flush_value(&w)?;
    }
    Ok(())
}

/// Print values separated by spaces straight to `*out*`: text is handed over
/// before each lazy seq step, so anything printed while realising it
/// interleaves as on the JVM.
/// `print` binds `*print-readably*` to nil meanwhile (see [`render`]).
fn print_out(args: &[Value], readably: bool) -> Result<()> {
    if readably {
        return print_out_with(args, true);
    }
    push_bindings(vec![(core_vars().print_readably.clone(), Value::NIL)])?;
    let r = print_out_with(args, false);
    pop_bindings()?;
    r
}

fn print_out_with(args: &[Value], readably: bool) -> Result<()> {
    let opts = current_opts(readably);
    let w = out();
    let mut drain = |s: &mut String| -> Result<()> {
        if !s.is_empty() {
            write_to(&w, s)?;
            s.clear();
        }
        Ok(())
    };
    let mut s = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        write_value_draining(&mut s, a, &opts, &mut drain)?;
    }
    drain(&mut s)
}
fn pr(args: &[Value]) -> Result<Value> {
    print_out(args, true)?;
    Ok(Value::NIL)
}
fn print(args: &[Value]) -> Result<Value> {
    print_out(args, false)?;
    Ok(Value::NIL)
}
fn prn(args: &[Value]) -> Result<Value> {
    print_out(args, true)?;
    end_line()?;
    Ok(Value::NIL)
}
fn println(args: &[Value]) -> Result<Value> {
    print_out(args, false)?;
    end_line()?;
    Ok(Value::NIL)
}
fn newline(args: &[Value]) -> Result<Value> {
    check_arity("newline", args, 0, Some(0))?;
    emit("\n")?;
    Ok(Value::NIL)
}
fn flush(args: &[Value]) -> Result<Value> {
    check_arity("flush", args, 0, Some(0))?;
    flush_value(&out())?;
    Ok(Value::NIL)
}
fn pr_str(args: &[Value]) -> Result<Value> {
    print_to_string(args, true, false)
}
fn print_str(args: &[Value]) -> Result<Value> {
    print_to_string(args, false, false)
}
fn prn_str(args: &[Value]) -> Result<Value> {
    print_to_string(args, true, true)
}
fn println_str(args: &[Value]) -> Result<Value> {
    print_to_string(args, false, true)
}
/// The `-str` fns are `(with-out-str (apply pr xs))` on the JVM: whatever
/// realising a lazy seq prints lands in the string too, in order.
fn print_to_string(args: &[Value], readably: bool, newline: bool) -> Result<Value> {
    let var = core_vars().out.clone();
    let w = Writer::string();
    push_bindings(vec![(var, w.clone())])?;
    let r = print_out(args, readably).and_then(|()| {
        if newline {
            write_to(&w, "\n")?;
        }
        Ok(())
    });
    pop_bindings()?;
    r?;
    Ok(match w.view() {
        View::Writer(wr) => Value::string(wr.contents()),
        _ => Value::string(""),
    })
}
fn printf(args: &[Value]) -> Result<Value> {
    check_arity("printf", args, 1, None)?;
    let s = super::format::format_values(&args[0], &args[1..])?;
    emit(&s)?;
    Ok(Value::NIL)
}
