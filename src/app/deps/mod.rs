//! deps.edn, as the Clojure CLI (tools.deps) reads it: `:paths`, `:deps`
//! (coord.rs: local, git and local-Maven coordinates), transitive deps
//! with top-level deps winning and otherwise the newest version,
//! `:exclusions`, `-Sdeps` merged on top, and `:aliases` (`:extra-paths`,
//! `:extra-deps`, `:replace-deps`, `:replace-paths`, `:main-opts`,
//! `:exec-fn`, `:exec-args`, `:ns-default`).

mod coord;
mod edn;

use super::args::ProjectOpts;
use super::project::Plan;
use crate::runtime::value::Value;
use coord::{Coord, Env};
use edn::{DepsResult, get, kw, pr};
use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};

/// The classpath and entry-point settings a project resolves to.
pub struct Resolved {
    pub classpath: Vec<String>,
    pub main_opts: Vec<String>,
    pub plan: Plan,
}

/// Libs cljw provides itself: a project naming them needs nothing more.
const PROVIDED: &[&str] = &["org.clojure/clojure"];

/// The project in the working directory, if there is one to resolve (a
/// deps.edn, `-Sdeps` or aliases). `optional` aliases apply when declared
/// (`cljw test` adds `:test`) and are not warned about otherwise.
pub fn resolve(p: &ProjectOpts, optional: &[&str]) -> DepsResult<Option<Resolved>> {
    let file = "deps.edn";
    let user = user_deps_file().filter(|_| !p.repro);
    let has_user = user.as_deref().is_some_and(|u| Path::new(u).is_file());
    if !Path::new(file).is_file() && !has_user && p.sdeps.is_none() && p.aliases.is_empty() {
        return Ok(None);
    }
    let mut m = edn::read_file(file)?;
    if let Some(u) = user.filter(|_| has_user) {
        // The user's deps.edn, then the project's over it.
        let base = edn::read_file(&u)?;
        m = merge(&base, &m, &u)?;
    }
    if let Some(s) = &p.sdeps {
        let extra = edn::read_map(s, "-Sdeps")?;
        m = merge(&m, &extra, "-Sdeps")?;
    }
    let aliases = get(&m, "aliases");
    edn::entries(&aliases, ":aliases", file)?;
    let alias_paths = |k: &Value| -> DepsResult<Vec<String>> {
        let v = crate::runtime::lookup::get(&aliases, k);
        edn::strings(&v, &format!("alias {}", pr(k)), file, &|_| Ok(Vec::new()))
    };
    let paths_v = get(&m, "paths");
    let mut paths = if paths_v.is_nil() {
        vec!["src".to_string()]
    } else {
        edn::strings(&paths_v, ":paths", file, &alias_paths)?
    };
    let mut deps = dep_entries(&get(&m, "deps"), ":deps", file)?;
    let mut main_opts = Vec::new();
    let mut plan = Plan::default();
    let mut undeclared = Vec::new();
    let chosen = p
        .aliases
        .iter()
        .map(|a| (a.as_str(), true))
        .chain(optional.iter().map(|a| (*a, false)));
    for (name, required) in chosen {
        let a = crate::runtime::lookup::get(&aliases, &kw(name));
        if a.is_nil() {
            if required {
                undeclared.push(format!(":{name}"));
            }
            continue;
        }
        let what = |k: &str| format!("{k} of alias :{name}");
        edn::entries(&a, &format!("alias :{name}"), file)?;
        for key in ["replace-deps", "deps"] {
            let v = get(&a, key);
            if !v.is_nil() {
                deps = dep_entries(&v, &what(key), file)?;
            }
        }
        let v = get(&a, "replace-paths");
        if !v.is_nil() {
            paths = edn::strings(&v, &what(":replace-paths"), file, &alias_paths)?;
        }
        for (lib, c) in dep_entries(&get(&a, "extra-deps"), &what(":extra-deps"), file)? {
            match deps.iter_mut().find(|(l, _)| *l == lib) {
                Some(slot) => slot.1 = c,
                None => deps.push((lib, c)),
            }
        }
        let extra = edn::strings(
            &get(&a, "extra-paths"),
            &what(":extra-paths"),
            file,
            &alias_paths,
        )?;
        if !required {
            plan.optional_paths.extend(extra.iter().cloned());
        }
        paths.extend(extra);
        let v = get(&a, "main-opts");
        if !v.is_nil() {
            main_opts = edn::strings(&v, &what(":main-opts"), file, &|_| Ok(Vec::new()))?;
        }
        let v = get(&a, "exec-fn");
        if !v.is_nil() {
            plan.exec_fn = Some(symbol_text(&v, &what(":exec-fn"), file)?);
        }
        let v = get(&a, "exec-args");
        if !v.is_nil() {
            edn::entries(&v, &what(":exec-args"), file)?;
            plan.exec_args = v;
        }
        let v = get(&a, "ns-default");
        if !v.is_nil() {
            plan.ns_default = Some(symbol_text(&v, &what(":ns-default"), file)?);
        }
    }
    if !undeclared.is_empty() {
        eprintln!(
            "WARNING: Specified aliases are undeclared and are not being used: [{}]",
            undeclared.join(" ")
        );
    }
    let env = env(&m, file)?;
    let here = std::env::current_dir().unwrap_or_default();
    let mut top = Vec::new();
    for (lib, v) in deps {
        top.push((lib.clone(), coord::parse(&lib, &v, &here, file)?));
    }
    let mut classpath = paths;
    for p in expand(top, &env)? {
        if !classpath.contains(&p) {
            classpath.push(p);
        }
    }
    Ok(Some(Resolved {
        classpath,
        main_opts,
        plan,
    }))
}

/// The user-level deps.edn: `$CLJ_CONFIG/deps.edn`, else
/// `$XDG_CONFIG_HOME/clojure/deps.edn`, else `~/.clojure/deps.edn`.
fn user_deps_file() -> Option<String> {
    let dir = std::env::var("CLJ_CONFIG")
        .map(PathBuf::from)
        .or_else(|_| std::env::var("XDG_CONFIG_HOME").map(|x| PathBuf::from(x).join("clojure")))
        .or_else(|_| std::env::var("HOME").map(|h| PathBuf::from(h).join(".clojure")))
        .ok()?;
    Some(dir.join("deps.edn").to_string_lossy().into_owned())
}

/// tools.deps' merge of deps maps: maps under the same key merge, other
/// values are replaced.
fn merge(base: &Value, over: &Value, file: &str) -> DepsResult<Value> {
    let mut out = base.clone();
    for (k, v) in edn::entries(over, "deps data", file)? {
        let old = crate::runtime::lookup::get(&out, &k);
        let merged =
            if crate::runtime::equality::is_map(&old) && crate::runtime::equality::is_map(&v) {
                let mut m = old;
                for (k2, v2) in edn::entries(&v, "deps data", file)? {
                    m = crate::runtime::coll::ops::assoc(&m, k2, v2).map_err(|e| msg(file, e))?;
                }
                m
            } else {
                v
            };
        out = crate::runtime::coll::ops::assoc(&out, k, merged).map_err(|e| msg(file, e))?;
    }
    Ok(out)
}

fn msg(file: &str, e: crate::runtime::error::Exception) -> String {
    format!("{file}: {}", e.message().unwrap_or_default())
}

fn symbol_text(v: &Value, what: &str, file: &str) -> DepsResult<String> {
    v.as_symbol()
        .map(|s| match s.ns() {
            Some(ns) => format!("{ns}/{}", s.name()),
            None => s.name().to_string(),
        })
        .ok_or_else(|| format!("{file}: {what} must be a symbol, found {}", pr(v)))
}

/// `{lib coord ...}` in order, lib names normalised.
fn dep_entries(v: &Value, what: &str, file: &str) -> DepsResult<Vec<(String, Value)>> {
    edn::entries(v, what, file)?
        .into_iter()
        .map(|(k, c)| Ok((edn::lib_name(&k, file)?, c)))
        .collect()
}

/// The git libs cache (`$GITLIBS`, else `~/.gitlibs`) and the Maven
/// repository (`:mvn/local-repo`, else `~/.m2/repository`).
fn env(m: &Value, file: &str) -> DepsResult<Env> {
    let home = std::env::var("HOME").map(PathBuf::from).unwrap_or_default();
    let gitlibs = std::env::var("GITLIBS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| home.join(".gitlibs"));
    let m2 = match edn::string(m, "mvn/local-repo", file)? {
        Some(r) => PathBuf::from(r),
        None => home.join(".m2").join("repository"),
    };
    Ok(Env { gitlibs, m2 })
}

/// The transitive deps' classpath entries, breadth first from the top
/// deps. A lib reached by several coordinates gets the top-level one, else
/// the newest; since a newer version may bring other deps, expansion runs
/// again until the choices settle.
fn expand(top: Vec<(String, Coord)>, env: &Env) -> DepsResult<Vec<String>> {
    let top_libs: HashSet<String> = top.iter().map(|(l, _)| l.clone()).collect();
    let mut pins: HashMap<String, Coord> = HashMap::new();
    for _ in 0..32 {
        let mut out = Vec::new();
        let mut seen: HashMap<String, Vec<Coord>> = HashMap::new();
        let mut visited = HashSet::new();
        let mut queue: VecDeque<(String, Coord, Vec<String>)> = top
            .iter()
            .map(|(l, c)| (l.clone(), c.clone(), Vec::new()))
            .collect();
        while let Some((lib, c, excluded)) = queue.pop_front() {
            if PROVIDED.contains(&lib.as_str()) || excluded.contains(&lib) {
                continue;
            }
            seen.entry(lib.clone()).or_default().push(c.clone());
            if !visited.insert(lib.clone()) {
                continue;
            }
            let chosen = pins.get(&lib).unwrap_or(&c).clone();
            let loc = coord::procure(&lib, &chosen, env)?;
            out.extend(loc.paths.iter().cloned());
            let mut child_excluded = excluded.clone();
            child_excluded.extend(chosen.exclusions.iter().cloned());
            for (child, v) in dep_entries(&loc.deps, ":deps", &loc.file)? {
                let cc = coord::parse(&child, &v, &loc.dir, &loc.file)?;
                queue.push_back((child, cc, child_excluded.clone()));
            }
        }
        let mut changed = false;
        for (lib, coords) in seen {
            if top_libs.contains(&lib) || coords.len() < 2 {
                continue;
            }
            let mut best = coords[0].clone();
            for c in &coords[1..] {
                if coord::newer(&lib, c, &best, env)? == std::cmp::Ordering::Greater {
                    best = c.clone();
                }
            }
            let current = pins.get(&lib).unwrap_or(&coords[0]);
            if current.kind != best.kind {
                pins.insert(lib, best);
                changed = true;
            }
        }
        if !changed {
            return Ok(out);
        }
    }
    Err("dependency versions did not settle after 32 rounds".into())
}
