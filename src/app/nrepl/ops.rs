//! The ops answered on the connection thread, without evaluating code:
//! describe, completions, symbol info, namespaces, classpath and the last
//! exception's analysis. They read the session's namespace and `*e` from
//! its snapshot, so they answer while an eval is running.

use super::bencode::{Bencode, dict};
use super::session::Session;
use super::transport::Reply;
use crate::app::complete;
use crate::runtime::error::Exception;
use crate::runtime::gc::Ref;
use crate::runtime::namespace::{self, Namespace};
use crate::runtime::printer;
use crate::runtime::symbol::{SPECIAL_FORMS, split_ns};
use crate::runtime::value::Value;
use crate::runtime::var::Var;

/// The ops this server answers (`describe`), without the cider/ aliases.
const OPS: &[&str] = &[
    "analyze-last-stacktrace",
    "classpath",
    "clone",
    "close",
    "complete",
    "completions",
    "describe",
    "eldoc",
    "eval",
    "info",
    "interrupt",
    "load-file",
    "lookup",
    "ls-sessions",
    "macroexpand",
    "ns-list",
    "stacktrace",
    "stdin",
];

/// Answer `op` if it is one of these; false otherwise.
pub fn answer(op: &str, msg: &Bencode, reply: &Reply, ns: &str, s: Option<&Session>) -> bool {
    let field = |k: &str| msg.get(k).and_then(Bencode::as_str);
    let ns_ref = field("ns")
        .filter(|n| !n.is_empty())
        .and_then(|n| namespace::find_ns(&n))
        .or_else(|| namespace::find_ns(ns))
        .unwrap_or_else(|| namespace::create_ns("user"));
    match op {
        "describe" => describe(reply),
        "completions" | "complete" => {
            let prefix = field("prefix")
                .or_else(|| field("symbol"))
                .unwrap_or_default();
            let items: Vec<Bencode> = complete::candidates(&prefix, &ns_ref)
                .into_iter()
                .map(|c| {
                    let mut pairs = vec![
                        ("candidate", Bencode::str(&c.candidate)),
                        ("type", Bencode::str(c.kind)),
                    ];
                    if let Some(n) = &c.ns {
                        pairs.push(("ns", Bencode::str(n)));
                    }
                    dict(pairs)
                })
                .collect();
            reply.send([
                ("completions", Bencode::List(items)),
                ("status", Bencode::strs(["done"])),
            ]);
        }
        "lookup" | "info" | "eldoc" => {
            let sym = field("sym").or_else(|| field("symbol")).unwrap_or_default();
            let info = symbol_info(&sym, &ns_ref);
            match (op, info) {
                ("lookup", i) => reply.send([
                    // nil (an empty list in bencode) when unknown, as nREPL.
                    (
                        "info",
                        i.map(|i| i.as_dict()).unwrap_or(Bencode::List(Vec::new())),
                    ),
                    ("status", Bencode::strs(["done"])),
                ]),
                ("info", Some(i)) => {
                    let mut pairs = i.pairs();
                    pairs.push(("status", Bencode::strs(["done"])));
                    reply.send(pairs);
                }
                ("info", None) => reply.send([("status", Bencode::strs(["done", "no-info"]))]),
                (_, Some(i)) => reply.send(i.eldoc()),
                (_, None) => reply.send([("status", Bencode::strs(["done", "no-eldoc"]))]),
            }
        }
        "ns-list" => {
            let names: Vec<String> = namespace::all_ns()
                .iter()
                .map(|n| n.name_str().to_string())
                .collect();
            reply.send([
                ("ns-list", Bencode::strs(names)),
                ("status", Bencode::strs(["done"])),
            ]);
        }
        "classpath" => {
            let roots: Vec<String> = crate::runtime::classpath::entries()
                .iter()
                .map(|r| crate::absolute_path(r))
                .collect();
            reply.send([
                ("classpath", Bencode::strs(roots)),
                ("status", Bencode::strs(["done"])),
            ]);
        }
        "analyze-last-stacktrace" | "stacktrace" => match s.and_then(|s| s.last_error()) {
            None => reply.send([("status", Bencode::strs(["no-error", "done"]))]),
            Some(e) => {
                for cause in analyze_causes(&e) {
                    reply.send(cause);
                }
                reply.send([("status", Bencode::strs(["done"]))]);
            }
        },
        _ => return false,
    }
    true
}

fn describe(reply: &Reply) {
    let version = |major: i64, minor: i64, inc: i64| {
        dict([
            ("major", Bencode::Int(major)),
            ("minor", Bencode::Int(minor)),
            ("incremental", Bencode::Int(inc)),
            (
                "version-string",
                Bencode::str(&format!("{major}.{minor}.{inc}")),
            ),
        ])
    };
    let mut ops: Vec<(&str, Bencode)> = Vec::new();
    let aliases: Vec<String> = ["complete", "info", "eldoc", "ns-list", "classpath"]
        .iter()
        .chain(["macroexpand", "analyze-last-stacktrace", "stacktrace"].iter())
        .map(|o| format!("cider/{o}"))
        .collect();
    for op in OPS {
        ops.push((op, dict([])));
    }
    for a in &aliases {
        ops.push((a.as_str(), dict([])));
    }
    reply.send([
        ("ops", dict(ops)),
        (
            "versions",
            dict([
                ("nrepl", version(1, 0, 0)),
                ("clojure", version(1, 11, 1)),
                (
                    "cljw",
                    dict([("version-string", Bencode::str(env!("CARGO_PKG_VERSION")))]),
                ),
            ]),
        ),
        ("aux", dict([("current-ns", Bencode::str("user"))])),
        ("status", Bencode::strs(["done"])),
    ]);
}

/// What info/lookup/eldoc report about a symbol.
struct SymbolInfo {
    ns: String,
    name: String,
    doc: Option<String>,
    /// Each arglist as printed (`[x y]`).
    arglists: Vec<Value>,
    file: Option<String>,
    line: Option<i64>,
    column: Option<i64>,
    kind: &'static str,
}

impl SymbolInfo {
    fn arglists_str(&self) -> String {
        let parts: Vec<String> = self.arglists.iter().map(printer::pr_str).collect();
        format!("({})", parts.join(" "))
    }

    fn pairs(&self) -> Vec<(&'static str, Bencode)> {
        let mut p = vec![
            ("ns", Bencode::str(&self.ns)),
            ("name", Bencode::str(&self.name)),
        ];
        if let Some(d) = &self.doc {
            p.push(("doc", Bencode::str(d)));
        }
        if !self.arglists.is_empty() {
            p.push(("arglists-str", Bencode::str(&self.arglists_str())));
            p.push(("arglists", Bencode::str(&self.arglists_str())));
        }
        if let Some(f) = &self.file {
            p.push(("file", Bencode::str(f)));
        }
        if let Some(l) = self.line {
            p.push(("line", Bencode::Int(l)));
        }
        if let Some(c) = self.column {
            p.push(("column", Bencode::Int(c)));
        }
        match self.kind {
            "macro" => p.push(("macro", Bencode::str("true"))),
            "special-form" => p.push(("special-form", Bencode::str("true"))),
            _ => {}
        }
        p
    }

    fn as_dict(&self) -> Bencode {
        dict(self.pairs())
    }

    /// cider's eldoc answer: each arglist as a list of parameter names.
    fn eldoc(&self) -> Vec<(&'static str, Bencode)> {
        let lists: Vec<Bencode> = self
            .arglists
            .iter()
            .map(|a| {
                let params: Vec<String> = crate::runtime::seq::iter(a)
                    .filter_map(|x| x.ok())
                    .map(|x| printer::pr_str(&x))
                    .collect();
                Bencode::strs(params)
            })
            .collect();
        let kind = match self.kind {
            "var" => "variable",
            k => k,
        };
        let mut p = vec![
            ("ns", Bencode::str(&self.ns)),
            ("name", Bencode::str(&self.name)),
            ("eldoc", Bencode::List(lists)),
            ("type", Bencode::str(kind)),
            ("status", Bencode::strs(["done"])),
        ];
        if let Some(d) = &self.doc {
            p.push(("docstring", Bencode::str(d)));
        }
        p
    }
}

fn meta_get(m: &Value, k: &str) -> Value {
    crate::runtime::lookup::get(m, &Value::keyword(None, k))
}

fn var_info(v: &Ref<Var>) -> SymbolInfo {
    let m = v.meta();
    let str_of = |k: &str| meta_get(&m, k).as_str().map(str::to_string);
    let long_of = |k: &str| meta_get(&m, k).as_long();
    let arglists: Vec<Value> = crate::runtime::seq::iter(&meta_get(&m, "arglists"))
        .filter_map(|x| x.ok())
        .collect();
    SymbolInfo {
        ns: v.ns_sym().name().to_string(),
        name: v.sym().name().to_string(),
        doc: str_of("doc"),
        arglists,
        file: str_of("file"),
        line: long_of("line"),
        column: long_of("column"),
        kind: complete::var_kind(v),
    }
}

/// Resolve `sym` in `ns` (a special form, `alias/name`, `ns/name` or a
/// mapped name) and describe it.
fn symbol_info(sym: &str, ns: &Ref<Namespace>) -> Option<SymbolInfo> {
    if sym.is_empty() {
        return None;
    }
    if SPECIAL_FORMS.contains(&sym) {
        return Some(SymbolInfo {
            ns: "clojure.core".into(),
            name: sym.to_string(),
            doc: None,
            arglists: Vec::new(),
            file: None,
            line: None,
            column: None,
            kind: "special-form",
        });
    }
    let var = match split_ns(sym) {
        (Some(q), name) => namespace::find_ns(q)
            .or_else(|| ns.alias(q))
            .and_then(|n| n.find_interned(name)),
        (None, name) => ns.lookup(name),
    }?;
    Some(var_info(&var))
}

/// cider's stacktrace analysis: one message per exception of the chain,
/// outermost first.
fn analyze_causes(e: &Exception) -> Vec<Vec<(&'static str, Bencode)>> {
    let mut out = Vec::new();
    let mut cur = Some(e.clone());
    while let Some(x) = cur {
        if out.len() >= 100 {
            break;
        }
        let frames: Vec<Bencode> = x
            .frames()
            .iter()
            .map(|f| {
                let (fn_ns, fn_name) = match f.name.split_once('/') {
                    Some((a, b)) => (a.to_string(), b.to_string()),
                    None => (String::new(), f.name.clone()),
                };
                dict([
                    ("name", Bencode::str(&f.name)),
                    ("file", Bencode::str(f.file.as_deref().unwrap_or(""))),
                    ("line", Bencode::Int(i64::from(f.line))),
                    ("column", Bencode::Int(i64::from(f.column))),
                    ("ns", Bencode::str(&fn_ns)),
                    ("fn", Bencode::str(&fn_name)),
                    ("var", Bencode::str(&f.name)),
                    ("type", Bencode::str("clj")),
                    ("flags", Bencode::strs(["clj"])),
                ])
            })
            .collect();
        let mut msg = vec![
            ("class", Bencode::str(x.class().name())),
            ("message", Bencode::str(x.message().unwrap_or(""))),
            ("stacktrace", Bencode::List(frames)),
        ];
        if let Some(d) = x.data()
            && !d.is_nil()
        {
            msg.push(("data", Bencode::str(&printer::pr_str(d))));
        }
        out.push(msg);
        cur = x.cause().cloned();
    }
    out
}
