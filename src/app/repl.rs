//! The interactive REPL: `ns=> ` prompt, input until the forms balance,
//! `*1 *2 *3 *e`, errors reported like clojure.main's repl-caught. Native
//! builds edit lines with rustyline (history in ~/.cljw_history); wasm32
//! reads plain lines from stdin.

use super::report;
use crate::Runtime;
use crate::builtins::lang::core_var;
use crate::runtime::error::Exception;
use crate::runtime::io;
use crate::runtime::value::Value;

/// What reading a line gave.
enum Line {
    Text(String),
    /// Ctrl-C at the prompt: drop what was typed so far.
    #[cfg_attr(target_family = "wasm", allow(dead_code))]
    Cancel,
    Eof,
}

/// Where input lines come from.
trait Lines {
    /// The next line (without its newline).
    fn read(&mut self, prompt: &str) -> Line;
    fn remember(&mut self, _entry: &str) {}
}

#[cfg(not(target_family = "wasm"))]
struct Editor {
    ed: rustyline::Editor<TabCompletion, rustyline::history::FileHistory>,
    history: Option<std::path::PathBuf>,
}

/// Tab completes the symbol before the cursor with the engine of the
/// nREPL `completions` op, in the current namespace.
#[cfg(not(target_family = "wasm"))]
struct TabCompletion;

#[cfg(not(target_family = "wasm"))]
impl rustyline::completion::Completer for TabCompletion {
    type Candidate = String;
    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &rustyline::Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        let before = line.get(..pos).unwrap_or(line);
        let start = before
            .rfind(|c: char| c.is_whitespace() || "()[]{}\"'`~@^,".contains(c))
            .map(|i| i + 1)
            .unwrap_or(0);
        let prefix = &before[start..];
        if prefix.is_empty() {
            return Ok((pos, Vec::new()));
        }
        let ns = crate::builtins::lang::current_ns();
        let names = super::complete::candidates(prefix, &ns)
            .into_iter()
            .map(|c| c.candidate)
            .collect();
        Ok((start, names))
    }
}

#[cfg(not(target_family = "wasm"))]
impl rustyline::hint::Hinter for TabCompletion {
    type Hint = String;
}
#[cfg(not(target_family = "wasm"))]
impl rustyline::highlight::Highlighter for TabCompletion {}
#[cfg(not(target_family = "wasm"))]
impl rustyline::validate::Validator for TabCompletion {}
#[cfg(not(target_family = "wasm"))]
impl rustyline::Helper for TabCompletion {}

#[cfg(not(target_family = "wasm"))]
impl Editor {
    fn open() -> Option<Editor> {
        let mut ed = rustyline::Editor::new().ok()?;
        ed.set_helper(Some(TabCompletion));
        let history =
            std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".cljw_history"));
        if let Some(h) = &history {
            let _ = ed.load_history(h);
        }
        Some(Editor { ed, history })
    }
}

#[cfg(not(target_family = "wasm"))]
impl Lines for Editor {
    fn read(&mut self, prompt: &str) -> Line {
        use rustyline::error::ReadlineError;
        match self.ed.readline(prompt) {
            Ok(l) => Line::Text(l),
            // Ctrl-C drops the line (and a half-typed form), as in most REPLs.
            Err(ReadlineError::Interrupted) => Line::Cancel,
            Err(_) => Line::Eof,
        }
    }
    fn remember(&mut self, entry: &str) {
        let _ = self.ed.add_history_entry(entry);
        if let Some(h) = &self.history {
            let _ = self.ed.save_history(h);
        }
    }
}

/// Plain stdin lines (wasm32, or when no terminal editor can be opened).
struct Plain;

impl Lines for Plain {
    fn read(&mut self, prompt: &str) -> Line {
        let _ = io::write_to(&io::Writer::stdout(), prompt);
        io::flush_stdout();
        // Through *in*, so text a program left there is read first.
        if let Some(input) = core_var("*in*").and_then(|v| v.get())
            && let crate::runtime::value::View::InStream(s) = input.view()
        {
            return match s.read_line().ok().flatten() {
                Some(l) => Line::Text(l),
                None => Line::Eof,
            };
        }
        let mut line = String::new();
        match std::io::stdin().read_line(&mut line) {
            Ok(0) | Err(_) => Line::Eof,
            Ok(_) => {
                while line.ends_with('\n') || line.ends_with('\r') {
                    line.pop();
                }
                Line::Text(line)
            }
        }
    }
}

/// The line source, and whether it echoes a continuation prompt.
fn open_lines() -> (Box<dyn Lines>, bool) {
    #[cfg(not(target_family = "wasm"))]
    {
        use std::io::IsTerminal;
        if std::io::stdin().is_terminal()
            && let Some(e) = Editor::open()
        {
            return (Box::new(e), true);
        }
    }
    (Box::new(Plain), false)
}

/// Is `src` an incomplete form (the reader hit end of input inside one)?
fn incomplete(e: &Exception) -> bool {
    let mut cur = Some(e.clone());
    while let Some(x) = cur {
        if x.message()
            .is_some_and(|m| m.starts_with("EOF while reading"))
        {
            return true;
        }
        cur = x.cause().cloned();
    }
    false
}

fn set_var(name: &str, v: Value) {
    if let Some(var) = core_var(name) {
        let _ = var.set(v);
    }
}

/// Run the REPL until end of input; returns the exit status.
pub fn run(rt: &mut Runtime) -> i32 {
    // On a terminal the banner says this is cljw; piped input gets
    // clojure.main's, `(str "Clojure " (clojure-version))`, byte for byte.
    let (mut lines, interactive) = open_lines();
    if interactive {
        println_out(&format!(
            "cljw {} (Clojure 1.11.1 semantics, no JVM). Ctrl-C stops a running form, Ctrl-D exits.",
            env!("CARGO_PKG_VERSION")
        ));
    } else {
        println_out("Clojure 1.11.1");
    }
    // Ctrl-C while a form runs stops it (the same flag nREPL's interrupt sets).
    let interrupter = crate::runtime::interrupt::register_current_thread();
    #[cfg(not(target_family = "wasm"))]
    if interactive {
        super::sigint::interrupt_on_ctrl_c(interrupter.clone());
    }
    // Input not read yet, and where it starts in the session (line,
    // column): reader errors name that place, as clojure.main's
    // line-numbering *in* does. Forms are read (and evaluated) one at a
    // time, each at line 1 like the JVM REPL's.
    let mut pending = String::new();
    let mut at = (1i64, 1i64);
    let mut entry = String::new();
    loop {
        let prompt = if pending.trim().is_empty() {
            format!("{}=> ", rt.current_ns().name_str())
        } else if interactive {
            " ".repeat(rt.current_ns().name_str().len() + 3)
        } else {
            // clojure.main prints no prompt inside an unfinished form.
            String::new()
        };
        io::flush_stdout();
        let line = match lines.read(&prompt) {
            Line::Text(l) => l,
            Line::Cancel => {
                pending.clear();
                entry.clear();
                continue;
            }
            Line::Eof => {
                // An unfinished form at end of input is a reader error
                // (EOF while reading ...) at the end's line, then a
                // last prompt, as clojure.main reports it.
                if !pending.trim().is_empty() {
                    let mut reader = rt.repl_reader(&pending, None);
                    if let Err(e) = reader.next_form() {
                        let (l, c) = reader_position(&e).unwrap_or_else(|| {
                            let (l, c) = reader.position();
                            (l as i64, c as i64)
                        });
                        let (line, col) = if l <= 1 {
                            (at.0, at.1 + c - 1)
                        } else {
                            (at.0 + l - 1, c)
                        };
                        let cause = e.cause().cloned().unwrap_or(e);
                        caught(
                            rt,
                            &crate::compiler_exception(cause, None, "read-source", line, col),
                        );
                        print_out(&format!("{}=> ", rt.current_ns().name_str()));
                    }
                }
                // clojure.main ends the last prompt's line at end of input.
                println_out("");
                io::flush_stdout();
                return 0;
            }
        };
        if !entry.is_empty() {
            entry.push('\n');
        }
        entry.push_str(&line);
        pending.push_str(&line);
        pending.push('\n');
        loop {
            let mut reader = rt.repl_reader(&pending, None);
            let step = reader.next_form();
            if matches!(&step, Err(e) if incomplete(e)) {
                break; // wait for more lines
            }
            if matches!(step, Ok(None)) {
                // Only whitespace and comments were left: next line.
                at = (at.0 + pending.matches('\n').count() as i64, 1);
                pending.clear();
                break;
            }
            // Move past what was read, error or not.
            let (l, c) = reader.position();
            let consumed = reader.offset();
            let base = at;
            let relative = |line: i64, col: i64| {
                if line <= 1 {
                    (base.0, base.1 + col - 1)
                } else {
                    (base.0 + line - 1, col)
                }
            };
            let error_at = match &step {
                Err(e) => Some(reader_position(e).unwrap_or((l as i64, c as i64))),
                _ => None,
            };
            pending.drain(..consumed.min(pending.len()));
            at = relative(l as i64, c as i64);
            match step {
                Ok(Some(form)) => {
                    if eval_print(rt, &form, &interrupter) {
                        // Ctrl-C: the rest of the input line is dropped.
                        at = (at.0 + pending.matches('\n').count() as i64, 1);
                        pending.clear();
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    let cause = e.cause().cloned().unwrap_or(e);
                    let (line, col) = error_at.map_or(at, |(l, c)| relative(l, c));
                    caught(
                        rt,
                        &crate::compiler_exception(cause, None, "read-source", line, col),
                    );
                }
            }
        }
        if pending.trim().is_empty() {
            lines.remember(&entry);
            entry.clear();
        }
    }
}

/// The line and column a ReaderException names, if any.
fn reader_position(e: &Exception) -> Option<(i64, i64)> {
    let data = e.data()?;
    let get = |k: &str| {
        crate::runtime::func::get(data, &Value::keyword(Some("clojure.error"), k), Value::NIL)
            .ok()
            .and_then(|v| v.as_long())
    };
    Some((get("line")?, get("column")?))
}

/// Evaluate one form, print its value and shift `*1 *2 *3`; true when
/// Ctrl-C interrupted it (the REPL then drops the rest of the input).
fn eval_print(
    rt: &mut Runtime,
    form: &Value,
    interrupter: &crate::runtime::interrupt::Interrupter,
) -> bool {
    interrupter.clear();
    let r = rt.eval(form);
    if interrupter.clear() {
        io::flush_stdout();
        let _ = io::write_to(&io::Writer::stderr(), "Interrupted.\n");
        return true;
    }
    match r {
        Ok(v) => {
            if let Err(e) = super::print_value(&v) {
                caught(rt, &e);
                return false;
            }
            let (one, two) = (
                core_var("*1").and_then(|v| v.get()).unwrap_or(Value::NIL),
                core_var("*2").and_then(|v| v.get()).unwrap_or(Value::NIL),
            );
            set_var("*3", two);
            set_var("*2", one);
            set_var("*1", v);
        }
        Err(e) => caught(rt, &e),
    }
    false
}

fn println_out(s: &str) {
    let _ = io::write_to(&io::Writer::stdout(), &format!("{s}\n"));
}

fn print_out(s: &str) {
    let _ = io::write_to(&io::Writer::stdout(), s);
}

/// clojure.main/repl-caught: `*e`, then the ex-str of the triage on stderr.
fn caught(rt: &Runtime, e: &Exception) {
    set_var("*e", Value::from(e.clone()));
    io::flush_stdout();
    let ctx = report::Context {
        file_name: None,
        ns: rt.current_ns().name_str().to_string(),
    };
    let text = report::ex_str(&report::triage(e, &ctx));
    let _ = io::write_to(&io::Writer::stderr(), &text);
}
