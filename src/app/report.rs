//! Uncaught-error reports like clojure.main's `report-error`: `ex-triage`
//! of the exception chain, `ex-str` of the triage, written to stderr with a
//! "Full report at:" EDN file in the temp directory (not on wasm32, which
//! has no temp directory to speak of: there only the message is printed).

use crate::runtime::error::{Exception, Frame, StackTraceElement};
use crate::runtime::func;
use crate::runtime::printer;
use crate::runtime::value::Value;

/// Where the failing code came from, for locations in execution errors.
#[derive(Clone, Debug)]
pub struct Context {
    /// The script's file name (`e1.clj`); None for `-e`, stdin and the REPL.
    pub file_name: Option<String>,
    /// Namespace name for the synthesized `ns/evalN` frame of top-level code.
    pub ns: String,
}

/// ex-triage's result.
#[derive(Clone, Debug, Default)]
pub struct Triage {
    pub phase: String,
    pub source: Option<String>,
    pub path: Option<String>,
    pub line: Option<i64>,
    pub column: Option<i64>,
    pub symbol: Option<String>,
    pub class: Option<String>,
    pub cause: Option<String>,
}

fn kw(n: &str) -> Value {
    Value::keyword(Some("clojure.error"), n)
}

fn data_get(data: Option<&Value>, k: &str) -> Option<Value> {
    let v = func::get(data?, &kw(k), Value::NIL).ok()?;
    if v.is_nil() { None } else { Some(v) }
}

fn data_str(data: Option<&Value>, k: &str) -> Option<String> {
    data_get(data, k).map(|v| match v.as_str() {
        Some(s) => s.to_string(),
        None => printer::print_str(&v),
    })
}

/// The file name of a source path; None for the REPL's and `-e`'s
/// placeholders.
fn real_file(path: Option<String>) -> Option<String> {
    path.filter(|s| s != "NO_SOURCE_FILE" && s != "NO_SOURCE_PATH")
        .map(|s| file_name(&s))
}

/// `(.getName (java.io.File. p))`.
fn file_name(p: &str) -> String {
    p.rsplit('/').next().unwrap_or(p).to_string()
}

/// clojure.main's file-path: relative to the current directory if under it.
fn file_path(p: &str) -> String {
    if let Ok(cwd) = std::env::current_dir() {
        let prefix = format!("{}/", cwd.to_string_lossy());
        if let Some(rest) = p.strip_prefix(&prefix) {
            return rest.to_string();
        }
    }
    p.to_string()
}

/// The exception chain, outermost first (Throwable->map's :via).
fn via(e: &Exception) -> Vec<Exception> {
    let mut out = vec![e.clone()];
    while let Some(c) = out.last().and_then(|x| x.cause().cloned()) {
        if out.len() > 100 {
            break;
        }
        out.push(c);
    }
    out
}

/// clojure.main's core-namespaces.
const CORE_NAMESPACES: &[&str] = &[
    "clojure.core",
    "clojure.core.reducers",
    "clojure.core.protocols",
    "clojure.data",
    "clojure.datafy",
    "clojure.edn",
    "clojure.instant",
    "clojure.java.io",
    "clojure.main",
    "clojure.pprint",
    "clojure.reflect",
    "clojure.repl",
    "clojure.set",
    "clojure.spec.alpha",
    "clojure.spec.gen.alpha",
    "clojure.spec.test.alpha",
    "clojure.string",
    "clojure.template",
    "clojure.uuid",
    "clojure.walk",
    "clojure.xml",
    "clojure.zip",
];

/// clojure.main's core-class?: a frame of clojure.lang or of a fn in one
/// of the core namespaces.
fn core_frame(f: &Frame) -> bool {
    match StackTraceElement::of_jdk_frame(f) {
        Some(e) => e.class.starts_with("clojure.lang."),
        None => f
            .name
            .split_once('/')
            .is_some_and(|(ns, _)| CORE_NAMESPACES.contains(&ns)),
    }
}

/// clojure.main's java-loc->source for a Clojure fn's frame: the class
/// name demunged (`_` reads back as `-`), each `$`-separated part cut at
/// its first `--` (a fn's id: `user/outer$inner--12` is `user/outer$inner`).
fn source_symbol(name: &str) -> String {
    let (ns, fn_part) = name.split_once('/').unwrap_or(("", name));
    let degen = |part: &str| {
        let part = part.replace('_', "-");
        match part.find("--") {
            Some(i) => part[..i].to_string(),
            None => part,
        }
    };
    let parts: Vec<String> = fn_part.split('$').map(degen).collect();
    if ns.is_empty() {
        parts.join("$")
    } else {
        format!("{}/{}", ns.replace('_', "-"), parts.join("$"))
    }
}

/// clojure.main/ex-triage.
pub fn triage(e: &Exception, ctx: &Context) -> Triage {
    let chain = via(e);
    let root = chain.last().cloned().unwrap_or_else(|| e.clone());
    let top_data = e.data().cloned();
    let phase = data_get(top_data.as_ref(), "phase")
        .and_then(|p| p.as_keyword().map(|k| k.name().to_string()))
        .unwrap_or_else(|| "execution".to_string());
    let class = Some(root.class().name().to_string());
    let cause = root.message().map(str::to_string);
    let mut t = Triage {
        phase: phase.clone(),
        ..Triage::default()
    };
    let source_of = |t: &mut Triage, data: Option<&Value>| {
        if let Some(src) = data_str(data, "source")
            && src != "NO_SOURCE_FILE"
            && src != "NO_SOURCE_PATH"
        {
            t.source = Some(file_name(&src));
            t.path = Some(file_path(&src));
        }
    };
    match phase.as_str() {
        "read-source" => {
            let second = chain.get(1).and_then(|x| x.data().cloned());
            t.line = data_get(top_data.as_ref(), "line")
                .or_else(|| data_get(second.as_ref(), "line"))
                .and_then(|v| v.as_long());
            t.column = data_get(top_data.as_ref(), "column")
                .or_else(|| data_get(second.as_ref(), "column"))
                .and_then(|v| v.as_long());
            source_of(&mut t, top_data.as_ref());
            t.cause = cause;
        }
        "compile-syntax-check" | "compilation" | "macro-syntax-check" | "macroexpansion" => {
            t.line = data_get(top_data.as_ref(), "line").and_then(|v| v.as_long());
            t.column = data_get(top_data.as_ref(), "column").and_then(|v| v.as_long());
            t.symbol = data_str(top_data.as_ref(), "symbol");
            source_of(&mut t, top_data.as_ref());
            t.class = class;
            t.cause = cause;
        }
        _ => {
            // The file whose top-level form threw, as Compiler.load names
            // it (a required namespace's, not the script's).
            let loaded_file = real_file(data_str(top_data.as_ref(), "source"));
            // ex-triage skips clojure.lang and core namespaces' frames.
            let frames = root.frames();
            match frames.iter().find(|f| !core_frame(f)) {
                Some(f) => {
                    let jdk = StackTraceElement::of_jdk_frame(f);
                    t.symbol = Some(match &jdk {
                        Some(_) => f.name.clone(),
                        None => source_symbol(&f.name),
                    });
                    t.line = Some(match jdk {
                        Some(e) => i64::from(e.line),
                        None => f.line as i64,
                    });
                    t.source = real_file(f.file.clone())
                        .or(loaded_file)
                        .or(ctx.file_name.clone());
                }
                None => {
                    // Top-level code runs in a fn of its own on the JVM
                    // (user$evalN); name one the same way.
                    t.symbol = Some(format!("{}/eval{}", ctx.ns, crate::reader::next_id()));
                    t.line = data_get(top_data.as_ref(), "line")
                        .and_then(|v| v.as_long())
                        .or(Some(1));
                    t.source = loaded_file.or(ctx.file_name.clone());
                }
            }
            t.class = class;
            t.cause = cause;
        }
    }
    t
}

/// clojure.main/ex-str.
pub fn ex_str(t: &Triage) -> String {
    let loc = format!(
        "{}:{}{}",
        t.path.as_deref().or(t.source.as_deref()).unwrap_or("REPL"),
        t.line.unwrap_or(1),
        t.column.map(|c| format!(":{c}")).unwrap_or_default()
    );
    let simple = t
        .class
        .as_deref()
        .map(|c| c.rsplit('.').next().unwrap_or(c).to_string());
    let cause_type = match simple.as_deref() {
        None | Some("Exception") | Some("RuntimeException") => String::new(),
        Some(s) => format!(" ({s})"),
    };
    let sym = t
        .symbol
        .as_deref()
        .map(|s| format!("{s} "))
        .unwrap_or_default();
    // String.valueOf(null) for a missing message.
    let cause = t.cause.as_deref().unwrap_or("null");
    match t.phase.as_str() {
        "read-source" => format!("Syntax error reading source at ({loc}).\n{cause}\n"),
        "macro-syntax-check" => {
            format!("Syntax error macroexpanding {sym}at ({loc}).\n{cause}\n")
        }
        "macroexpansion" => {
            format!("Unexpected error{cause_type} macroexpanding {sym}at ({loc}).\n{cause}\n")
        }
        "compile-syntax-check" => {
            format!("Syntax error{cause_type} compiling {sym}at ({loc}).\n{cause}\n")
        }
        "compilation" => {
            format!("Unexpected error{cause_type} compiling {sym}at ({loc}).\n{cause}\n")
        }
        _ => format!("Execution error{cause_type} at {sym}({loc}).\n{cause}\n"),
    }
}

/// The EDN report (`:clojure.main/message`, `/triage`, `/trace`).
fn report_edn(e: &Exception, t: &Triage, message: &str) -> String {
    let k = |n: &str| Value::keyword(None, n);
    let opt = |s: &Option<String>| s.clone().map(Value::string);
    let mut tri = vec![(kw("phase"), Value::keyword(None, &t.phase))];
    for (name, v) in [
        ("source", opt(&t.source)),
        ("path", opt(&t.path)),
        ("class", t.class.as_deref().map(|c| Value::symbol(None, c))),
        ("cause", opt(&t.cause)),
        (
            "symbol",
            t.symbol.as_deref().map(|s| Value::symbol(None, s)),
        ),
        ("line", t.line.map(Value::long)),
        ("column", t.column.map(Value::long)),
    ] {
        if let Some(v) = v {
            tri.push((kw(name), v));
        }
    }
    let via: Vec<Value> = via(e)
        .iter()
        .map(|x| {
            let mut m = vec![(k("type"), Value::symbol(None, x.class().name()))];
            if let Some(msg) = x.message() {
                m.push((k("message"), Value::string(msg)));
            }
            if let Some(d) = x.data() {
                m.push((k("data"), d.clone()));
            }
            Value::map_from_pairs(m)
        })
        .collect();
    let root = self::via(e).last().cloned().unwrap_or_else(|| e.clone());
    let trace: Vec<Value> = root
        .frames()
        .iter()
        .map(|f| StackTraceElement::of_frame(f).to_vec_value())
        .collect();
    let mut tr = vec![
        (k("via"), Value::vector(via)),
        (k("trace"), Value::vector(trace)),
    ];
    if let Some(m) = root.message() {
        tr.push((k("cause"), Value::string(m)));
    }
    tr.push((k("phase"), Value::keyword(None, &t.phase)));
    let report = Value::map_from_pairs(vec![
        (
            Value::keyword(Some("clojure.main"), "message"),
            Value::string(message),
        ),
        (
            Value::keyword(Some("clojure.main"), "triage"),
            Value::map_from_pairs(tri),
        ),
        (
            Value::keyword(Some("clojure.main"), "trace"),
            Value::map_from_pairs(tr),
        ),
    ]);
    let opts = printer::PrintOpts {
        namespace_maps: false,
        ..printer::PrintOpts::PR
    };
    let mut out = String::new();
    let _ = printer::write_value(&mut out, &report, &opts);
    out
}

/// Write the EDN report to a fresh temp file; its path, or None.
#[cfg(not(target_family = "wasm"))]
fn write_report_file(text: &str) -> Option<String> {
    use std::io::Write;
    let dir = std::env::temp_dir();
    let seed = crate::runtime::io::nano_time() as u64 ^ (std::process::id() as u64) << 20;
    for n in 0..16u64 {
        let name = format!("clojure-{}.edn", seed.wrapping_add(n.wrapping_mul(7919)));
        let path = dir.join(name);
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            f.write_all(text.as_bytes()).ok()?;
            f.write_all(b"\n").ok()?;
            return Some(path.to_string_lossy().into_owned());
        }
    }
    None
}

/// The text clojure.main's report-error prints on stderr.
pub fn report_text(e: &Exception, ctx: &Context) -> String {
    let t = triage(e, ctx);
    let message = ex_str(&t);
    let edn = report_edn(e, &t, &message);
    #[cfg(not(target_family = "wasm"))]
    {
        match write_report_file(&edn) {
            Some(path) => format!("{message}\nFull report at:\n{path}\n"),
            // report-error falls back to printing the report itself.
            None => format!("{edn}\n{message}\n"),
        }
    }
    #[cfg(target_family = "wasm")]
    {
        let _ = edn;
        format!("{message}\n")
    }
}

/// A StackOverflowError prints its (absent) message as `null`; check that
/// ExClass lookups stay in sync with the JVM names used above.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::error::ExClass;

    fn ctx(f: Option<&str>) -> Context {
        Context {
            file_name: f.map(str::to_string),
            ns: "user".into(),
        }
    }

    #[test]
    fn frame_symbols_read_like_java_loc_to_source() {
        // JVM: `(defn outer [] ((fn inner [n] (/ 1 n)) 0))` reports
        // user/outer$inner, `(defn my_fn ...)` user/my-fn.
        assert_eq!(source_symbol("user/outer$inner--1001"), "user/outer$inner");
        assert_eq!(source_symbol("user/f--12"), "user/f");
        assert_eq!(source_symbol("user/eval3$fn--4"), "user/eval3$fn");
        assert_eq!(source_symbol("user/my_fn"), "user/my-fn");
        assert_eq!(
            source_symbol("user/eval1$loading__100__auto__--1002"),
            "user/eval1$loading"
        );
        assert_eq!(source_symbol("clojure.core//"), "clojure.core//");
    }

    #[test]
    fn execution_errors_read_like_clojure_main() {
        // JVM (clojure e1.clj): "Execution error (ArithmeticException) at user/eval3 (e1.clj:2).\nDivide by zero\n"
        let e = Exception::new(ExClass::ArithmeticException, "Divide by zero");
        let mut t = triage(&e, &ctx(Some("e1.clj")));
        t.symbol = Some("user/eval3".into());
        t.line = Some(2);
        assert_eq!(
            ex_str(&t),
            "Execution error (ArithmeticException) at user/eval3 (e1.clj:2).\nDivide by zero\n"
        );
        // JVM: (throw (Exception. "plain")) -> "Execution error at user/eval1 (i.clj:1).\nplain\n"
        let e = Exception::new(ExClass::Exception, "plain");
        let mut t = triage(&e, &ctx(None));
        t.symbol = Some("user/eval1".into());
        assert_eq!(
            ex_str(&t),
            "Execution error at user/eval1 (REPL:1).\nplain\n"
        );
        // JVM: StackOverflowError's message prints as null.
        let e = Exception::full(ExClass::StackOverflowError, None, None, None);
        let t = triage(&e, &ctx(Some("so.clj")));
        assert!(ex_str(&t).starts_with("Execution error (StackOverflowError) at user/eval"));
        assert!(ex_str(&t).ends_with("(so.clj:1).\nnull\n"));
    }

    #[test]
    fn compile_and_read_errors_read_like_clojure_main() {
        let data = |phase: &str, line: i64, col: i64, src: &str| {
            Value::map_from_pairs(vec![
                (kw("phase"), Value::keyword(None, phase)),
                (kw("line"), Value::long(line)),
                (kw("column"), Value::long(col)),
                (kw("source"), Value::string(src)),
            ])
        };
        // JVM: "Syntax error compiling at (REPL:1:1).\nUnable to resolve symbol: foo in this context\n"
        let e = Exception::full(
            ExClass::CompilerException,
            Some("x".into()),
            Some(data("compile-syntax-check", 1, 1, "NO_SOURCE_PATH")),
            Some(Exception::new(
                ExClass::RuntimeException,
                "Unable to resolve symbol: foo in this context",
            )),
        );
        assert_eq!(
            ex_str(&triage(&e, &ctx(None))),
            "Syntax error compiling at (REPL:1:1).\nUnable to resolve symbol: foo in this context\n"
        );
        // JVM: "Syntax error reading source at (e4.clj:2:1).\nEOF while reading, starting at line 1\n"
        let e = Exception::full(
            ExClass::CompilerException,
            Some("x".into()),
            Some(data("read-source", 2, 1, "/nowhere/e4.clj")),
            Some(Exception::new(
                ExClass::RuntimeException,
                "EOF while reading, starting at line 1",
            )),
        );
        assert_eq!(
            ex_str(&triage(&e, &ctx(None))),
            "Syntax error reading source at (/nowhere/e4.clj:2:1).\nEOF while reading, starting at line 1\n"
        );
    }
}
