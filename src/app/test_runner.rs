//! `cljw test`: Cognitect's test-runner on the bundled clojure.test. Finds
//! the namespaces declared in `.clj`/`.cljc` files under the test dirs
//! (`-d`, default `test` plus the `:test` alias's extra paths), keeps those
//! matching `-n` or `-r` (default `.*-test$`), requires them, hides the
//! test vars that `-v`/`-i`/`-e` leave out, runs `run-tests`, and exits 1
//! when anything failed or errored.

use crate::Runtime;
use crate::runtime::error::Result;
use crate::runtime::value::Value;
use std::path::Path;

pub const HELP: &str = "\
Usage: cljw [project-opts] test [options]
  -d, --dir DIRNAME            Directory containing tests (repeatable); default \"test\"
  -n, --namespace SYMBOL       Test only this namespace (repeatable)
  -r, --namespace-regex REGEX  Test namespaces matching the regex; default .*-test$
  -v, --var SYMBOL             Run only this fully qualified test var (repeatable)
  -i, --include KEYWORD        Run only tests with this metadata keyword (repeatable)
  -e, --exclude KEYWORD        Skip tests with this metadata keyword (repeatable)
  -H, --test-help              Print this help
";

#[derive(Default, Debug)]
pub struct TestOpts {
    pub dirs: Vec<String>,
    pub namespaces: Vec<String>,
    pub regexes: Vec<String>,
    pub vars: Vec<String>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub help: bool,
}

pub fn parse(args: &[String]) -> std::result::Result<TestOpts, String> {
    let mut o = TestOpts::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("Missing required argument for \"{a}\""))
        };
        match a.as_str() {
            "-d" | "--dir" => o.dirs.push(value()?),
            "-n" | "--namespace" => o.namespaces.push(value()?),
            "-r" | "--namespace-regex" => o.regexes.push(value()?),
            "-v" | "--var" => o.vars.push(value()?),
            "-i" | "--include" => o.include.push(keyword(&value()?)),
            "-e" | "--exclude" => o.exclude.push(keyword(&value()?)),
            "-H" | "--test-help" | "-h" | "--help" => o.help = true,
            _ => return Err(format!("Unknown option: \"{a}\"")),
        }
    }
    Ok(o)
}

/// `-i integration` and `-i :integration` both mean the keyword.
fn keyword(s: &str) -> String {
    s.trim_start_matches(':').to_string()
}

/// The namespaces declared by the `.clj`/`.cljc` files under `dir`, in
/// file path order (tools.namespace's find-namespaces-in-dir).
pub fn find_namespaces(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    collect_sources(dir, &mut files);
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        if let Some(ns) = ns_decl(&text)
            && !out.contains(&ns)
        {
            out.push(ns);
        }
    }
    out
}

fn collect_sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "clj" || x == "cljc") {
            out.push(p);
        }
    }
}

/// The name in the first top-level `(ns name ...)` form of `text`.
fn ns_decl(text: &str) -> Option<String> {
    let mut r = crate::reader::Reader::new(text)
        .line_numbering(false)
        .read_eval(false);
    while let Ok(Some(form)) = r.next_form() {
        let items: Vec<Value> = crate::runtime::seq::iter(&form)
            .take(2)
            .collect::<Result<_>>()
            .ok()?;
        let head = items.first().and_then(|h| h.as_symbol());
        if head.is_some_and(|h| h.ns().is_none() && h.name() == "ns") {
            let name = items.get(1)?.as_symbol()?;
            return Some(name.name().to_string());
        }
    }
    None
}

/// Clojure string literal for `s`.
fn lit(s: &str) -> String {
    crate::runtime::printer::try_pr_str(&Value::string(s)).unwrap_or_default()
}

fn vec_of(items: &[String], f: impl Fn(&str) -> String) -> String {
    let parts: Vec<String> = items.iter().map(|s| f(s)).collect();
    format!("[{}]", parts.join(" "))
}

/// The runner itself, in Clojure (as test-runner is), over the found
/// namespaces. Returns the exit status.
pub fn run(rt: &mut Runtime, o: &TestOpts, dirs: &[String]) -> Result<i32> {
    let mut found = Vec::new();
    for d in dirs {
        for ns in find_namespaces(Path::new(d)) {
            if !found.contains(&ns) {
                found.push(ns);
            }
        }
    }
    let shown_dirs = vec_of(dirs, lit);
    let src = format!(
        r#"(let [found '{found}
      only '{only}
      regexes (map re-pattern (or (seq {regexes}) [".*\\-test$"]))
      nses (filter (fn [ns] (if (seq only) (some #{{ns}} only)
                               (some #(re-matches % (name ns)) regexes)))
                   found)
      _ (println (format "\nRunning tests in %s" (set {shown_dirs})))
      _ (dorun (map require nses))
      specific (when (seq '{vars})
                 (set (map #(or (resolve %)
                                (throw (ex-info (str "Could not resolve var: " %) {{:symbol %}})))
                           '{vars})))
      include {include}
      exclude {exclude}
      keep? (fn [v] (and (or (nil? specific) (contains? specific v))
                         (or (empty? include) (some #(get (meta v) %) include))
                         (not-any? #(get (meta v) %) exclude)))
      hidden (for [ns nses [_ v] (ns-publics ns)
                   :when (and (:test (meta v)) (not (keep? v)))]
               v)
      hidden (doall hidden)]
  (doseq [v hidden] (alter-meta! v #(-> % (assoc ::test (:test %)) (dissoc :test))))
  (try
    (let [{{:keys [fail error]}} (apply clojure.test/run-tests nses)]
      (if (zero? (+ fail error)) 0 1))
    (finally
      (doseq [v hidden] (alter-meta! v #(-> % (assoc :test (::test %)) (dissoc ::test)))))))"#,
        found = vec_of(&found, str::to_string),
        only = vec_of(&o.namespaces, str::to_string),
        regexes = vec_of(&o.regexes, lit),
        vars = vec_of(&o.vars, str::to_string),
        include = vec_of(&o.include, |k| format!(":{k}")),
        exclude = vec_of(&o.exclude, |k| format!(":{k}")),
    );
    let _ = crate::builtins::ns::load_lib("clojure.test");
    let v = rt.load_str(&src, None)?;
    Ok(v.as_long().map_or(1, |c| c as i32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_test_runner_options() {
        let a: Vec<String> = ["-d", "t", "-n", "a-test", "-i", ":slow", "-e", "wip"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let o = parse(&a).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(o.dirs, vec!["t".to_string()]);
        assert_eq!(o.include, vec!["slow".to_string()]);
        assert_eq!(o.exclude, vec!["wip".to_string()]);
        assert!(parse(&["-d".to_string()]).is_err());
        assert!(parse(&["-x".to_string()]).is_err());
        assert_eq!(
            ns_decl(";; c\n(ns ^:m a.b-test (:require x))"),
            Some("a.b-test".into())
        );
    }
}
