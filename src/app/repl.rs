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
    let mut buf = String::new();
    loop {
        let prompt = if buf.is_empty() {
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
                buf.clear();
                continue;
            }
            Line::Eof => {
                // clojure.main ends the last prompt's line at end of input.
                println_out("");
                io::flush_stdout();
                return 0;
            }
        };
        if !buf.is_empty() {
            buf.push('\n');
        }
        buf.push_str(&line);
        // Read every complete form; keep going while one is unfinished.
        let mut forms = Vec::new();
        let mut reader = rt.reader(&buf, None);
        let mut read_error = None;
        loop {
            match reader.next_form() {
                Ok(Some(f)) => forms.push(f),
                Ok(None) => break,
                Err(e) if incomplete(&e) => {
                    forms.clear();
                    read_error = Some(None);
                    break;
                }
                Err(e) => {
                    read_error = Some(Some(e));
                    break;
                }
            }
        }
        if matches!(read_error, Some(None)) {
            continue;
        }
        lines.remember(&buf);
        buf.clear();
        for form in forms {
            interrupter.clear();
            let r = rt.eval(&form);
            if interrupter.clear() {
                io::flush_stdout();
                let _ = io::write_to(&io::Writer::stderr(), "Interrupted.\n");
                break;
            }
            match r {
                Ok(v) => {
                    if let Err(e) = super::print_value(&v) {
                        caught(rt, &e);
                        continue;
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
        if let Some(Some(e)) = read_error {
            let e = e.cause().cloned().unwrap_or(e);
            caught(rt, &e);
        }
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
