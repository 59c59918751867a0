//! Completion candidates for a prefix in a namespace: special forms,
//! namespaces and aliases, vars (`ns/var` and `alias/var` too), keywords
//! (`::kw` and `::alias/kw` resolved), and classes. One engine for the
//! nREPL `completions`/`complete` ops and Tab in the terminal REPL; it
//! follows nrepl.util.completion.

use crate::interop;
use crate::runtime::gc::Ref;
use crate::runtime::namespace::{self, Namespace};
use crate::runtime::symbol::{Keyword, SPECIAL_FORMS};
use crate::runtime::value::View;
use crate::runtime::var::Var;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub candidate: String,
    /// function, macro, var, special-form, namespace, class, keyword.
    pub kind: &'static str,
    /// The namespace of a var or special form.
    pub ns: Option<String>,
}

/// What a var holds, as the completion and eldoc ops name it.
pub fn var_kind(v: &Var) -> &'static str {
    if v.is_macro() {
        return "macro";
    }
    let has_arglists = !crate::runtime::lookup::get(
        &v.meta(),
        &crate::runtime::value::Value::keyword(None, "arglists"),
    )
    .is_nil();
    let is_fn = v
        .root()
        .is_some_and(|r| matches!(r.view(), View::Fn(_) | View::MultiFn(_)));
    if has_arglists || is_fn {
        "function"
    } else {
        "var"
    }
}

fn var_candidate(name: String, v: &Var) -> Candidate {
    Candidate {
        candidate: name,
        kind: var_kind(v),
        ns: Some(v.ns_sym().name().to_string()),
    }
}

fn public_vars(ns: &Namespace) -> Vec<(String, Ref<Var>)> {
    let own = ns.name_str();
    ns.mappings()
        .into_iter()
        .filter(|(_, v)| v.ns_sym().name() == own && !is_private(v))
        .collect()
}

fn is_private(v: &Var) -> bool {
    crate::runtime::lookup::get(
        &v.meta(),
        &crate::runtime::value::Value::keyword(None, "private"),
    )
    .truthy()
}

/// Every class name cljw models, full and (for java.lang) simple.
fn class_names(ns: &Namespace) -> Vec<String> {
    let mut out: Vec<String> = interop::class_names()
        .into_iter()
        .flat_map(|full| {
            let simple = full
                .strip_prefix("java.lang.")
                .filter(|s| !s.contains('.'))
                .map(str::to_string);
            std::iter::once(full.to_string()).chain(simple)
        })
        .collect();
    out.extend(ns.imports().into_iter().map(|(simple, _)| simple));
    out
}

fn keyword_candidates(prefix: &str, ns: &Namespace) -> Vec<Candidate> {
    let kw = |s: String| Candidate {
        candidate: s,
        kind: "keyword",
        ns: None,
    };
    let all = Keyword::all();
    if let Some(rest) = prefix.strip_prefix("::") {
        // ::alias/name and ::name (auto-resolved in the current namespace).
        if let Some((alias, _)) = rest.split_once('/') {
            let Some(target) = ns.alias(alias) else {
                return Vec::new();
            };
            return all
                .iter()
                .filter(|k| k.ns() == Some(target.name_str()))
                .map(|k| kw(format!("::{alias}/{}", k.name())))
                .collect();
        }
        return all
            .iter()
            .filter(|k| k.ns() == Some(ns.name_str()))
            .map(|k| kw(format!("::{}", k.name())))
            .collect();
    }
    all.iter()
        .map(|k| match k.ns() {
            Some(n) => kw(format!(":{n}/{}", k.name())),
            None => kw(format!(":{}", k.name())),
        })
        .collect()
}

/// Candidates starting with `prefix` in namespace `ns`, sorted.
pub fn candidates(prefix: &str, ns: &Ref<Namespace>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    if prefix.starts_with(':') {
        out = keyword_candidates(prefix, ns);
    } else if let Some((scope, _)) = prefix.split_once('/').filter(|(s, _)| !s.is_empty()) {
        let target = namespace::find_ns(scope).or_else(|| ns.alias(scope));
        if let Some(t) = target {
            out = public_vars(&t)
                .into_iter()
                .map(|(n, v)| var_candidate(format!("{scope}/{n}"), &v))
                .collect();
        }
    } else {
        for f in SPECIAL_FORMS {
            out.push(Candidate {
                candidate: f.to_string(),
                kind: "special-form",
                ns: Some("clojure.core".into()),
            });
        }
        for n in namespace::all_ns() {
            out.push(Candidate {
                candidate: n.name_str().to_string(),
                kind: "namespace",
                ns: None,
            });
        }
        for (alias, _) in ns.aliases() {
            out.push(Candidate {
                candidate: alias,
                kind: "namespace",
                ns: None,
            });
        }
        for (name, v) in ns.mappings() {
            out.push(var_candidate(name, &v));
        }
        for c in class_names(ns) {
            out.push(Candidate {
                candidate: c,
                kind: "class",
                ns: None,
            });
        }
    }
    out.retain(|c| c.candidate.starts_with(prefix));
    out.sort_by(|a, b| a.candidate.cmp(&b.candidate));
    out.dedup_by(|a, b| a.candidate == b.candidate);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completes_vars_namespaces_keywords_and_classes() {
        let _rt = crate::Runtime::new(crate::Backend::Vm);
        let user = namespace::create_ns("user");
        let names = |p: &str| -> Vec<String> {
            candidates(p, &user)
                .into_iter()
                .map(|c| c.candidate)
                .collect()
        };
        assert!(names("map-").contains(&"map-indexed".to_string()));
        let m = candidates("map", &user);
        assert!(
            m.iter()
                .any(|c| c.candidate == "map" && c.kind == "function")
        );
        assert!(m.iter().all(|c| c.candidate.starts_with("map")));
        assert!(
            candidates("whe", &user)
                .iter()
                .any(|c| c.candidate == "when" && c.kind == "macro")
        );
        assert!(names("clojure.str").contains(&"clojure.string".to_string()));
        assert!(names("clojure.string/jo").contains(&"clojure.string/join".to_string()));
        let _ = Keyword::intern(None, "completion-test-kw");
        assert!(names(":completion-te").contains(&":completion-test-kw".to_string()));
        assert!(names("Strin").contains(&"String".to_string()));
        assert!(names("java.lang.Stri").contains(&"java.lang.String".to_string()));
        assert!(
            candidates("rec", &user)
                .iter()
                .any(|c| c.candidate == "recur" && c.kind == "special-form")
        );
    }
}
