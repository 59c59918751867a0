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

/// Where input lines come from.
trait Lines {
    /// The next line (without its newline), or None at end of input.
    fn read(&mut self, prompt: &str) -> Option<String>;
    fn remember(&mut self, _entry: &str) {}
}

#[cfg(not(target_family = "wasm"))]
struct Editor {
    ed: rustyline::DefaultEditor,
    history: Option<std::path::PathBuf>,
}

#[cfg(not(target_family = "wasm"))]
impl Editor {
    fn open() -> Option<Editor> {
        let mut ed = rustyline::DefaultEditor::new().ok()?;
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
    fn read(&mut self, prompt: &str) -> Option<String> {
        use rustyline::error::ReadlineError;
        loop {
            match self.ed.readline(prompt) {
                Ok(l) => return Some(l),
                // Ctrl-C drops the line, as in most REPLs.
                Err(ReadlineError::Interrupted) => continue,
                Err(_) => return None,
            }
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
    fn read(&mut self, prompt: &str) -> Option<String> {
        let _ = io::write_to(&io::Writer::stdout(), prompt);
        io::flush_stdout();
        // Through *in*, so text a program left there is read first.
        if let Some(input) = core_var("*in*").and_then(|v| v.get())
            && let crate::runtime::value::View::InStream(s) = input.view()
        {
            return s.read_line().ok().flatten();
        }
        let mut line = String::new();
        match std::io::stdin().read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => {
                while line.ends_with('\n') || line.ends_with('\r') {
                    line.pop();
                }
                Some(line)
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
    // clojure.main's banner, `(str "Clojure " (clojure-version))`: cljw
    // implements that version (`cljw --version` names cljw's own).
    println_out("Clojure 1.11.1");
    let (mut lines, interactive) = open_lines();
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
        let Some(line) = lines.read(&prompt) else {
            // clojure.main ends the last prompt's line at end of input.
            println_out("");
            io::flush_stdout();
            return 0;
        };
        if !entry.is_empty() {
            entry.push('\n');
        }
        entry.push_str(&line);
        pending.push_str(&line);
        pending.push('\n');
        loop {
            let mut reader = rt.reader(&pending, None);
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
                Ok(Some(form)) => eval_print(rt, &form),
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

/// Evaluate one form, print its value and shift `*1 *2 *3`.
fn eval_print(rt: &mut Runtime, form: &Value) {
    match rt.eval(form) {
        Ok(v) => {
            if let Err(e) = super::print_value(&v) {
                caught(rt, &e);
                return;
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
}

fn println_out(s: &str) {
    let _ = io::write_to(&io::Writer::stdout(), &format!("{s}\n"));
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
