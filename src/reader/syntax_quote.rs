//! Syntax-quote (`` ` ``): LispReader.syntaxQuote, producing the JVM's
//! expansion shape `(clojure.core/seq (clojure.core/concat (clojure.core/list ...)))`.

use super::{Reader, meta};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::value::{Value, View};
use std::collections::VecDeque;

fn core(name: &str) -> Value {
    Value::symbol(Some("clojure.core"), name)
}

fn quote(v: Value) -> Value {
    Value::list(vec![Value::symbol(None, "quote"), v])
}

fn is_special(v: &Value) -> bool {
    v.as_symbol().is_some_and(|s| s.is_special())
}

/// `(clojure.core/unquote x)` / `(clojure.core/unquote-splicing x)` -> x
fn unquoted<'a>(v: &'a Value, which: &str) -> Option<&'a Value> {
    match v.view() {
        View::List(l) if !l.is_empty() => {
            let is_it = l
                .first()
                .as_symbol()
                .is_some_and(|s| s.is(Some("clojure.core"), which));
            if is_it {
                let second = l.next().map(|r| r.first());
                Some(second.unwrap_or(Value::nil_ref()))
            } else {
                None
            }
        }
        _ => None,
    }
}

fn items_of(v: &Value) -> Vec<Value> {
    crate::runtime::seq::iter(v)
        .filter_map(|x| x.ok())
        .collect()
}

impl Reader {
    /// After `` ` ``: read a form and expand it with a fresh gensym env.
    pub(super) fn read_syntax_quote(&mut self, pending: &mut VecDeque<Value>) -> Result<Value> {
        let saved = self.gensym_env.replace(Vec::new());
        let r = self
            .read_required(Some(pending))
            .and_then(|form| self.syntax_quote(&form));
        self.gensym_env = saved;
        r
    }

    /// Limit on forms one top-level read may expand through syntax-quote:
    /// nested syntax-quotes grow exponentially (JVM Clojure would run out of
    /// memory or stack on such input).
    const MAX_SQ_NODES: usize = 250_000;

    fn syntax_quote(&mut self, form: &Value) -> Result<Value> {
        // A safe point: an expansion near the cap takes a while, and an
        // interrupt (Ctrl-C, nREPL, a fuzz case's time budget) stops it.
        crate::runtime::interrupt::check()?;
        self.sq_nodes += 1;
        if self.sq_nodes > Self::MAX_SQ_NODES {
            return Err(Exception::new(
                ExClass::RuntimeException,
                "Syntax-quote expansion too large (nested syntax-quotes grow exponentially)",
            ));
        }
        self.check_depth()?;
        self.depth += 1;
        let r = self.syntax_quote_inner(form);
        self.depth -= 1;
        r
    }

    fn syntax_quote_inner(&mut self, form: &Value) -> Result<Value> {
        let ret = if is_special(form) {
            quote(form.clone())
        } else if let Some(sym) = form.as_symbol() {
            let (ns, name) = (sym.ns(), sym.name());
            let resolved = if ns.is_none() && name.ends_with('#') {
                self.auto_gensym(name)
            } else if ns.is_none() && name.ends_with('.') && name.len() > 1 {
                let base = &name[..name.len() - 1];
                let c = self.resolve_symbol(None, base);
                let cname = c.as_symbol().map(|s| s.name().to_string());
                Value::symbol(None, &format!("{}.", cname.as_deref().unwrap_or(base)))
            } else if ns.is_none() && name.starts_with('.') {
                Value::symbol(None, name)
            } else {
                self.resolve_symbol(ns, name)
            };
            quote(resolved)
        } else if let Some(x) = unquoted(form, "unquote") {
            return Ok(x.clone());
        } else if unquoted(form, "unquote-splicing").is_some() {
            return Err(Exception::new(
                ExClass::IllegalStateException,
                "splice not in list",
            ));
        } else {
            match form.view() {
                View::ArrayMap(_) | View::HashMap(_) => {
                    let flat: Vec<Value> = meta::map_pairs(form)
                        .into_iter()
                        .flat_map(|(k, v)| [k, v])
                        .collect();
                    self.sq_apply("hash-map", flat)?
                }
                View::Vector(_) => self.sq_apply("vector", items_of(form))?,
                View::HashSet(_) => self.sq_apply("hash-set", items_of(form))?,
                View::List(l) => {
                    if l.is_empty() {
                        Value::list(vec![core("list")])
                    } else {
                        self.sq_seq(items_of(form))?
                    }
                }
                View::Keyword(_)
                | View::Long(_)
                | View::Double(_)
                | View::BigInt(_)
                | View::Ratio(_)
                | View::BigDec(_)
                | View::Char(_)
                | View::Str(_) => form.clone(),
                _ => quote(form.clone()),
            }
        };
        // Metadata other than :line/:column is carried over with with-meta
        // (the whole map, positions included, as the JVM does).
        if let Some(m) = meta::get(form) {
            let line = Value::keyword(None, "line");
            let column = Value::keyword(None, "column");
            let other = meta::map_pairs(&m).iter().any(|(k, _)| {
                !(k.as_keyword().is_some() && (k.identical(&line) || k.identical(&column)))
            });
            if other {
                let qm = self.syntax_quote(&m)?;
                return Ok(Value::list(vec![core("with-meta"), ret, qm]));
            }
        }
        Ok(ret)
    }

    /// `x#` -> `x__N__auto__`, the same symbol throughout one syntax-quote.
    fn auto_gensym(&mut self, name: &str) -> Value {
        let env = self.gensym_env.get_or_insert_with(Vec::new);
        if let Some((_, g)) = env.iter().find(|(n, _)| n == name) {
            return g.clone();
        }
        let base = &name[..name.len() - 1];
        let g = Value::symbol(None, &format!("{base}__{}__auto__", super::next_id()));
        env.push((name.to_string(), g.clone()));
        g
    }

    /// `(clojure.core/seq (clojure.core/concat parts...))`
    fn sq_seq(&mut self, items: Vec<Value>) -> Result<Value> {
        let mut concat = vec![core("concat")];
        concat.extend(self.sq_expand_list(items)?);
        Ok(Value::list(vec![core("seq"), Value::list(concat)]))
    }

    /// `(clojure.core/apply clojure.core/<ctor> (seq (concat ...)))`
    fn sq_apply(&mut self, ctor: &str, items: Vec<Value>) -> Result<Value> {
        let s = self.sq_seq(items)?;
        Ok(Value::list(vec![core("apply"), core(ctor), s]))
    }

    fn sq_expand_list(&mut self, items: Vec<Value>) -> Result<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            if let Some(x) = unquoted(&item, "unquote") {
                out.push(Value::list(vec![core("list"), x.clone()]));
            } else if let Some(x) = unquoted(&item, "unquote-splicing") {
                out.push(x.clone());
            } else {
                let q = self.syntax_quote(&item)?;
                out.push(Value::list(vec![core("list"), q]));
            }
        }
        Ok(out)
    }
}
