//! Reading deps.edn files and taking their data apart, with errors that
//! name the file and the problem.

use crate::runtime::value::Value;
use crate::runtime::{lookup, seq};

/// A problem building the classpath (the CLI prints "Error building
/// classpath. MSG").
pub type DepsResult<T> = std::result::Result<T, String>;

/// The keyword `:name` or `:ns/name`.
pub fn kw(spec: &str) -> Value {
    match spec.split_once('/') {
        Some((ns, n)) => Value::keyword(Some(ns), n),
        None => Value::keyword(None, spec),
    }
}

/// `(get m :k)`.
pub fn get(m: &Value, k: &str) -> Value {
    lookup::get(m, &kw(k))
}

/// The EDN map in the text of `file` (nil for an empty file).
pub fn read_map(text: &str, file: &str) -> DepsResult<Value> {
    let mut r = crate::reader::Reader::new(text)
        .line_numbering(false)
        .read_eval(false)
        .file(file);
    let form = r
        .next_form()
        .map_err(|e| format!("Error reading {file}: {}", e.message().unwrap_or_default()))?
        .unwrap_or(Value::NIL);
    if form.is_nil() {
        return Ok(Value::map_from_pairs(vec![]));
    }
    if !crate::runtime::equality::is_map(&form) {
        return Err(format!(
            "Error reading {file}: expected a map, found {}",
            pr(&form)
        ));
    }
    Ok(form)
}

/// The deps.edn map of `file`; a missing file is an empty map.
pub fn read_file(file: &str) -> DepsResult<Value> {
    match std::fs::read_to_string(file) {
        Ok(text) => read_map(&text, file),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Value::map_from_pairs(vec![])),
        Err(e) => Err(format!("Error reading {file}: {e}")),
    }
}

pub fn pr(v: &Value) -> String {
    crate::runtime::printer::try_pr_str(v).unwrap_or_else(|_| "?".into())
}

/// The entries of a map (nil is empty); anything else is an error about `what`.
pub fn entries(m: &Value, what: &str, file: &str) -> DepsResult<Vec<(Value, Value)>> {
    if m.is_nil() {
        return Ok(Vec::new());
    }
    if !crate::runtime::equality::is_map(m) {
        return Err(format!("{file}: {what} must be a map, found {}", pr(m)));
    }
    let mut out = Vec::new();
    for e in seq::iter(m) {
        let e = e.map_err(|e| format!("{file}: {e:?}"))?;
        let k = crate::runtime::coll::ops::nth(&e, 0).map_err(|e| format!("{file}: {e:?}"))?;
        let v = crate::runtime::coll::ops::nth(&e, 1).map_err(|e| format!("{file}: {e:?}"))?;
        out.push((k, v));
    }
    Ok(out)
}

/// The items of a vector or list (nil is empty).
pub fn items(v: &Value, what: &str, file: &str) -> DepsResult<Vec<Value>> {
    if v.is_nil() {
        return Ok(Vec::new());
    }
    if !crate::runtime::equality::is_sequential(v) {
        return Err(format!("{file}: {what} must be a vector, found {}", pr(v)));
    }
    seq::iter(v)
        .collect::<crate::runtime::error::Result<Vec<_>>>()
        .map_err(|e| format!("{file}: {e:?}"))
}

/// A vector of strings (`:paths`, `:main-opts`). Keywords in `:paths`
/// name aliases holding more paths, as in tools.deps; `alias_paths`
/// expands them.
pub fn strings(
    v: &Value,
    what: &str,
    file: &str,
    alias_paths: &dyn Fn(&Value) -> DepsResult<Vec<String>>,
) -> DepsResult<Vec<String>> {
    let mut out = Vec::new();
    for x in items(v, what, file)? {
        if let Some(s) = x.as_str() {
            out.push(s.to_string());
        } else if x.as_keyword().is_some() {
            out.extend(alias_paths(&x)?);
        } else {
            return Err(format!(
                "{file}: {what} must hold strings, found {}",
                pr(&x)
            ));
        }
    }
    Ok(out)
}

/// An optional string value.
pub fn string(m: &Value, k: &str, file: &str) -> DepsResult<Option<String>> {
    let v = get(m, k);
    if v.is_nil() {
        return Ok(None);
    }
    v.as_str()
        .map(|s| Some(s.to_string()))
        .ok_or_else(|| format!("{file}: :{k} must be a string, found {}", pr(&v)))
}

/// A lib name: `group/artifact`, or `name` meaning `name/name`.
pub fn lib_name(v: &Value, file: &str) -> DepsResult<String> {
    let s = v
        .as_symbol()
        .ok_or_else(|| format!("{file}: a lib name must be a symbol, found {}", pr(v)))?;
    Ok(match s.ns() {
        Some(ns) => format!("{ns}/{}", s.name()),
        None => format!("{0}/{0}", s.name()),
    })
}
