//! `#` dispatch macros, metadata `^`, and `#(...)` fn literals with `%` args.

use super::source::{is_terminating_macro, is_whitespace};
use super::{Pending, Reader, meta, runtime, set_with_check};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::value::{Value, View};
use std::collections::{BTreeMap, VecDeque};

fn illegal_state(msg: &str) -> Exception {
    Exception::new(ExClass::IllegalStateException, msg)
}

impl Reader {
    /// After `#`.
    pub(super) fn read_dispatch(
        &mut self,
        start: (u32, u32),
        pending: Pending<'_>,
    ) -> Result<Option<Value>> {
        let mut local = VecDeque::new();
        let Some(ch) = self.src.peek() else {
            self.src.touch_eof();
            return Err(runtime("EOF while reading character"));
        };
        let known = matches!(
            ch,
            '^' | '#' | '\'' | '"' | '(' | '{' | '=' | '!' | '<' | '_' | '?' | ':'
        );
        if !known {
            // CtorReader: a tagged literal or record constructor.
            let p = pending.unwrap_or(&mut local);
            return self.read_tagged_or_record(p).map(Some);
        }
        self.src.next();
        let v = match ch {
            '^' => {
                // `#^` is the old metadata syntax; column of the `^`.
                let (l, c) = start;
                self.read_meta((l, c.saturating_add(1)), pending)?
            }
            '#' => self.read_symbolic_value(pending.unwrap_or(&mut local))?,
            '\'' => {
                let o = self.read_required(Some(pending.unwrap_or(&mut local)))?;
                Value::list(vec![Value::symbol(None, "var"), o])
            }
            '"' => self.read_regex()?,
            '(' => self.read_fn(pending.unwrap_or(&mut local))?,
            '{' => {
                let items = self.read_delimited('}', pending.unwrap_or(&mut local))?;
                set_with_check(items)?
            }
            '=' => self.read_eval_form(pending.unwrap_or(&mut local))?,
            '!' => {
                self.skip_line();
                return Ok(None);
            }
            '<' => return Err(runtime("Unreadable form")),
            '_' => {
                self.read_required(Some(pending.unwrap_or(&mut local)))?;
                return Ok(None);
            }
            '?' => return self.read_conditional(pending),
            ':' => self.read_namespaced_map(pending)?,
            _ => return Err(runtime(format!("No dispatch macro for: {ch}"))),
        };
        Ok(Some(v))
    }

    /// MetaReader, after `^` (or `#^`). `start` is the position of the `^`.
    pub(super) fn read_meta(
        &mut self,
        start: (u32, u32),
        mut pending: Pending<'_>,
    ) -> Result<Value> {
        let m = self.read_required(pending.as_deref_mut())?;
        let mut pairs = match m.view() {
            View::Symbol(_) | View::Str(_) => vec![(Value::keyword(None, "tag"), m.clone())],
            View::Keyword(_) => vec![(m.clone(), Value::TRUE)],
            View::ArrayMap(_) | View::HashMap(_) => meta::map_pairs(&m),
            _ => {
                return Err(Exception::new(
                    ExClass::IllegalArgumentException,
                    "Metadata must be Symbol,Keyword,String or Map",
                ));
            }
        };
        let o = self.read_required(pending)?;
        if !meta::is_imeta(&o) {
            return Err(Exception::new(
                ExClass::IllegalArgumentException,
                "Metadata can only be applied to IMetas",
            ));
        }
        if self.src.line_numbering() && matches!(o.view(), View::List(l) if !l.is_empty()) {
            // MetaReader: the `^`'s position assoc'ed as `(get meta :line
            // line)`: an explicit :line or :column keeps its value and place
            // (renumbering-read relies on it), a missing one comes last.
            for (key, at) in [("line", start.0), ("column", start.1)] {
                let key = Value::keyword(None, key);
                if !pairs.iter().any(|(k, _)| k.identical(&key)) {
                    pairs.push((key, Value::long(at as i64)));
                }
            }
        }
        meta::attach(&o, pairs)
    }

    /// ArgReader, after `%`.
    pub(super) fn read_arg(&mut self, pending: Pending<'_>) -> Result<Value> {
        if self.arg_env.is_none() {
            let tok = self.read_token('%');
            return self.interpret_token(&tok);
        }
        let next = self.src.peek();
        if next.is_none_or(|c| is_whitespace(c) || is_terminating_macro(c)) {
            self.src.touch_eof();
            return Ok(self.register_arg(1));
        }
        let mut local = VecDeque::new();
        let n = self.read_required(Some(pending.unwrap_or(&mut local)))?;
        if n.as_symbol().is_some_and(|s| s.is(None, "&")) {
            return Ok(self.register_arg(-1));
        }
        let k = match n.view() {
            View::Long(l) => l as i32,
            View::Double(d) => d as i32,
            View::BigInt(b) => {
                use num_traits::ToPrimitive;
                (b % num_bigint::BigInt::from(1u64 << 32))
                    .to_i64()
                    .unwrap_or(0) as i32
            }
            View::Ratio(r) => {
                use num_traits::ToPrimitive;
                r.to_integer().to_i64().unwrap_or(0) as i32
            }
            View::BigDec(d) => {
                use num_traits::ToPrimitive;
                d.to_i64().unwrap_or(0) as i32
            }
            _ => return Err(illegal_state("arg literal must be %, %& or %integer")),
        };
        Ok(self.register_arg(k))
    }

    fn register_arg(&mut self, n: i32) -> Value {
        let env = self.arg_env.get_or_insert_with(BTreeMap::new);
        env.entry(n).or_insert_with(|| garg(n)).clone()
    }

    /// FnReader, after `#(`.
    fn read_fn(&mut self, pending: &mut VecDeque<Value>) -> Result<Value> {
        if self.arg_env.is_some() {
            return Err(illegal_state("Nested #()s are not allowed"));
        }
        self.arg_env = Some(BTreeMap::new());
        // The body is read as a list starting at the `(` (one column after `#`).
        let start = self.src.position();
        let start = (start.0, start.1.saturating_sub(1));
        let body = self.read_macro('(', start, Some(pending));
        let env = self.arg_env.take().unwrap_or_default();
        let body = body?.unwrap_or(Value::NIL);
        let mut args = Vec::new();
        if let Some((&high, _)) = env.iter().next_back()
            && high > 0
        {
            for i in 1..=high {
                args.push(env.get(&i).cloned().unwrap_or_else(|| garg(i)));
            }
        }
        if let Some(rest) = env.get(&-1) {
            args.push(Value::symbol(None, "&"));
            args.push(rest.clone());
        }
        Ok(Value::list(vec![
            Value::symbol(None, "fn*"),
            Value::vector(args),
            body,
        ]))
    }

    /// SymbolicValueReader, after `##`.
    fn read_symbolic_value(&mut self, pending: &mut VecDeque<Value>) -> Result<Value> {
        let o = self.read_required(Some(pending))?;
        let Some(s) = o.as_symbol() else {
            return Err(runtime(format!(
                "Invalid token: ##{}",
                super::java_to_string(&o)
            )));
        };
        match (s.ns(), s.name()) {
            (None, "Inf") => Ok(Value::double(f64::INFINITY)),
            (None, "-Inf") => Ok(Value::double(f64::NEG_INFINITY)),
            (None, "NaN") => Ok(Value::double(f64::NAN)),
            _ => Err(runtime(format!("Unknown symbolic value: ##{s}"))),
        }
    }

    /// EvalReader, after `#=`.
    fn read_eval_form(&mut self, pending: &mut VecDeque<Value>) -> Result<Value> {
        if !self.read_eval {
            return Err(runtime("EvalReader not allowed when *read-eval* is false."));
        }
        let o = self.read_required(Some(pending))?;
        match &self.resolver {
            Some(r) => r.eval(&o),
            None => Err(Exception::new(
                ExClass::UnsupportedOperationException,
                "#= (EvalReader) needs an engine: no evaluator is installed in this reader",
            )),
        }
    }

    /// NamespaceMapReader, after `#:`.
    fn read_namespaced_map(&mut self, pending: Pending<'_>) -> Result<Value> {
        let mut local = VecDeque::new();
        let pending = pending.unwrap_or(&mut local);
        let auto = self.src.peek() == Some(':');
        if auto {
            self.src.next();
        }
        let mut sym: Option<Value> = None;
        let before = self.src.snapshot();
        let mut next = self.src.next();
        if next.is_some_and(is_whitespace) {
            if auto {
                while next.is_some_and(is_whitespace) {
                    next = self.src.next();
                }
                if next != Some('{') {
                    return Err(runtime("Namespaced map must specify a namespace"));
                }
            } else {
                return Err(runtime("Namespaced map must specify a namespace"));
            }
        } else if next != Some('{') {
            // Unread it and read the namespace form.
            self.src.restore(before);
            sym = Some(self.read_required(Some(&mut *pending))?);
            next = self.src.next();
            while next.is_some_and(is_whitespace) {
                next = self.src.next();
            }
        }
        if next != Some('{') {
            return Err(runtime("Namespaced map must specify a map"));
        }
        let describe = |s: &Option<Value>| match s {
            None => "null".to_string(),
            Some(v) => super::java_to_string(v),
        };
        let ns = if auto {
            match &sym {
                None => self.current_ns(),
                Some(s) => match s.as_symbol() {
                    Some(q) if q.ns().is_none() => {
                        self.resolve_alias(q.name()).ok_or_else(|| {
                            runtime(format!("Unknown auto-resolved namespace alias: {q}"))
                        })?
                    }
                    _ => {
                        return Err(runtime(format!(
                            "Namespaced map must specify a valid namespace: {}",
                            describe(&sym)
                        )));
                    }
                },
            }
        } else {
            match sym.as_ref().and_then(|s| s.as_symbol()) {
                Some(q) if q.ns().is_none() => q.name().to_string(),
                _ => {
                    return Err(runtime(format!(
                        "Namespaced map must specify a valid namespace: {}",
                        describe(&sym)
                    )));
                }
            }
        };
        let kvs = self.read_delimited('}', pending)?;
        if kvs.len() % 2 == 1 {
            return Err(runtime(
                "Namespaced map literal must contain an even number of forms",
            ));
        }
        let mut out = Vec::with_capacity(kvs.len());
        for (i, key) in kvs.into_iter().enumerate() {
            if i % 2 == 1 {
                out.push(key);
                continue;
            }
            let key = match key.view() {
                View::Keyword(k) => match k.ns() {
                    None => Value::keyword(Some(&ns), k.name()),
                    Some("_") => Value::keyword(None, k.name()),
                    Some(_) => key.clone(),
                },
                View::Symbol(s) => match s.ns() {
                    None => Value::symbol(Some(&ns), s.name()),
                    Some("_") => Value::symbol(None, s.name()),
                    Some(_) => key.clone(),
                },
                _ => key.clone(),
            };
            out.push(key);
        }
        super::map_with_check(out)
    }
}

/// `p1__123#` / `rest__123#` (LispReader.garg).
fn garg(n: i32) -> Value {
    let base = if n == -1 {
        "rest".to_string()
    } else {
        format!("p{n}")
    };
    Value::symbol(None, &format!("{base}__{}#", super::next_id()))
}
