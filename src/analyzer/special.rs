//! Special forms: def if do let* loop* recur fn* quote var throw try
//! letfn* case* set! new . monitor-enter monitor-exit.

use super::node::*;
use super::{Analyzer, MethodField, RecurTarget, form_items};
use crate::runtime::error::{ExClass, Result};
use crate::runtime::gc::Ref;
use crate::runtime::seq;
use crate::runtime::symbol::Symbol;
use crate::runtime::value::{Value, View};

fn vector_items(v: &Value) -> Result<Option<Vec<Value>>> {
    match v.view() {
        View::Vector(_) => {
            let mut out = Vec::new();
            for x in seq::iter(v) {
                out.push(x?);
            }
            Ok(Some(out))
        }
        _ => Ok(None),
    }
}

impl<'a> Analyzer<'a> {
    pub(super) fn analyze_special(
        &mut self,
        name: &str,
        form: &Value,
        items: &[Value],
        tail: bool,
    ) -> Result<Option<Node<'a>>> {
        let n = match name {
            "quote" => {
                if items.len() != 2 {
                    // An ExceptionInfo carrying the form (Compiler's
                    // ConstantExpr parser).
                    return Err(self.compile_error(crate::runtime::error::Exception::full(
                        ExClass::ExceptionInfo,
                        Some(format!(
                            "Wrong number of args ({}) passed to quote",
                            items.len() - 1
                        )),
                        Some(Value::map_from_pairs(vec![(
                            Value::keyword(None, "form"),
                            form.clone(),
                        )])),
                        None,
                    )));
                }
                self.const_node(items[1].clone())
            }
            "if" => self.analyze_if(items, tail)?,
            "do" => self.analyze_body(&items[1..], tail)?,
            "let*" => self.analyze_let(items, tail, false)?,
            "loop*" => self.analyze_let(items, tail, true)?,
            "recur" => self.analyze_recur(items, tail)?,
            "fn*" => self.analyze_fn(form, items)?,
            "def" => self.analyze_def(items)?,
            "var" => self.analyze_var(items)?,
            "throw" => {
                if items.len() != 2 {
                    return self.error(
                        ExClass::RuntimeException,
                        if items.len() < 2 {
                            "Too few arguments to throw, throw expects a single Throwable instance"
                        } else {
                            "Too many arguments to throw, throw expects a single Throwable instance"
                        },
                    );
                }
                let x = self.analyze(&items[1], false)?;
                self.node(NodeKind::Throw(self.alloc(x)))
            }
            "try" => self.analyze_try(items)?,
            "letfn*" => self.analyze_letfn(items, tail)?,
            "case*" => self.analyze_case(items, tail)?,
            "set!" => self.analyze_set(items)?,
            "monitor-enter" | "monitor-exit" => {
                let x = match items.get(1) {
                    Some(f) => self.analyze(f, false)?,
                    None => self.const_node(Value::NIL),
                };
                self.node(NodeKind::Monitor(name == "monitor-enter", self.alloc(x)))
            }
            "new" => {
                let Some(c) = items.get(1).and_then(|c| c.as_symbol()) else {
                    return self.error(
                        ExClass::IllegalArgumentException,
                        "Unable to resolve classname: new",
                    );
                };
                let class = self.ctor_class(&c.to_string())?;
                self.check_user_ctor(class.name, items.len() - 2)?;
                let args = self.analyze_args(&items[2..])?;
                self.node(NodeKind::New(class, args))
            }
            "." => self.analyze_dot(items)?,
            "import*" => {
                // (import* "java.util.Date"): a call of the runtime's import.
                let f = Value::native_fn("clojure.core/import*", |args| match args {
                    [name] => match name.as_str() {
                        Some(n) => crate::runtime::namespace::import_class(n),
                        None => crate::runtime::error::err::class_cast(
                            crate::runtime::compare::cast_message(
                                name.class_name(),
                                "java.lang.String",
                            ),
                        ),
                    },
                    _ => crate::runtime::error::err::illegal_arg("import* takes one class name"),
                });
                let f = self.const_node(f);
                let f = self.alloc(f);
                let args = self.analyze_args(&items[1..])?;
                self.node(NodeKind::Invoke(f, args))
            }
            "deftype*" | "reify*" => {
                return self.error(
                    ExClass::UnsupportedOperationException,
                    format!("{name} is not supported by cljw yet"),
                );
            }
            "catch" | "finally" | "&" => {
                return self.error(
                    ExClass::RuntimeException,
                    format!("Unable to resolve symbol: {name} in this context"),
                );
            }
            _ => return Ok(None),
        };
        Ok(Some(n))
    }

    /// Statements then a value; `()` body is nil.
    pub(super) fn analyze_body(&mut self, forms: &[Value], tail: bool) -> Result<Node<'a>> {
        match forms.len() {
            0 => Ok(self.const_node(Value::NIL)),
            1 => self.analyze(&forms[0], tail),
            n => {
                let mut v = Vec::with_capacity(n);
                for (i, f) in forms.iter().enumerate() {
                    v.push(self.analyze(f, tail && i == n - 1)?);
                }
                Ok(self.node(NodeKind::Do(self.nodes(v))))
            }
        }
    }

    fn analyze_if(&mut self, items: &[Value], tail: bool) -> Result<Node<'a>> {
        if items.len() < 3 {
            return self.error(ExClass::RuntimeException, "Too few arguments to if");
        }
        if items.len() > 4 {
            return self.error(ExClass::RuntimeException, "Too many arguments to if");
        }
        let t = self.analyze(&items[1], false)?;
        let a = self.analyze(&items[2], tail)?;
        let b = match items.get(3) {
            Some(f) => self.analyze(f, tail)?,
            None => self.const_node(Value::NIL),
        };
        Ok(self.node(NodeKind::If(self.alloc(t), self.alloc(a), self.alloc(b))))
    }

    /// A simple (unqualified) symbol to bind, or an error naming the form.
    fn binding_symbol(&self, v: &Value, what: &str) -> Result<Ref<Symbol>> {
        match v.as_symbol() {
            Some(s) if s.ns().is_none() => Ok(Symbol::intern(None, s.name())),
            Some(s) => self.error(
                ExClass::RuntimeException,
                format!("Can't {what} qualified name: {s}"),
            ),
            None => self.error(
                ExClass::IllegalArgumentException,
                format!(
                    "Bad binding form, expected symbol, got: {}",
                    crate::runtime::printer::pr_str(v)
                ),
            ),
        }
    }

    fn analyze_let(&mut self, items: &[Value], tail: bool, is_loop: bool) -> Result<Node<'a>> {
        let head = if is_loop { "loop" } else { "let" };
        let Some(binds) = items.get(1).map(vector_items).transpose()?.flatten() else {
            return self.error(
                ExClass::IllegalArgumentException,
                format!("Bad binding form, expected vector in {head}"),
            );
        };
        if binds.len() % 2 != 0 {
            return self.error(
                ExClass::IllegalArgumentException,
                format!("{head} requires an even number of forms in binding vector"),
            );
        }
        let mark = self.locals_mark();
        let mut bindings = Vec::with_capacity(binds.len() / 2);
        for pair in binds.chunks(2) {
            let sym = self.binding_symbol(&pair[0], "let")?;
            self.name_hint = Some(sym.name().to_string());
            let init = self.analyze(&pair[1], false);
            self.name_hint = None;
            let init = init?;
            let prim = self
                .prim_type(&init)
                .map(|p| if is_loop { p.loop_local() } else { p });
            let init = self.alloc(init);
            let slot = self.bind_local(sym);
            if let Some(p) = prim {
                self.fns_last().mark_prim(slot, p);
            }
            bindings.push(Binding { slot, init });
        }
        if is_loop {
            let slots: Vec<u32> = bindings.iter().map(|b| b.slot).collect();
            self.fns_last().recur_targets.push(RecurTarget {
                boxed: vec![false; slots.len()],
                slots,
                is_loop: true,
                errors: Vec::new(),
            });
        }
        let body = self.analyze_body(&items[2..], if is_loop { true } else { tail });
        if is_loop
            && let Some(t) = self.fns_last().recur_targets.pop()
            && body.is_ok()
            && let Some((_, e)) = t.errors.into_iter().find(|(i, _)| !t.boxed[*i])
        {
            return Err(e);
        }
        self.locals_reset(mark);
        let body = self.alloc(body?);
        let bindings = self.bump.alloc_slice_fill_iter(bindings);
        Ok(self.node(if is_loop {
            NodeKind::Loop(bindings, body)
        } else {
            NodeKind::Let(bindings, body)
        }))
    }

    fn analyze_recur(&mut self, items: &[Value], tail: bool) -> Result<Node<'a>> {
        let target = self
            .fns_last()
            .recur_targets
            .last()
            .map(|t| (t.slots.clone(), t.is_loop));
        let Some((slots, is_loop)) = target else {
            return self.error(
                ExClass::UnsupportedOperationException,
                "Can only recur from tail position",
            );
        };
        if !tail {
            return self.error(
                ExClass::UnsupportedOperationException,
                "Can only recur from tail position",
            );
        }
        let n = items.len() - 1;
        if n != slots.len() {
            return self.error(
                ExClass::IllegalArgumentException,
                format!(
                    "Mismatched argument count to recur, expected: {} args, got: {}",
                    slots.len(),
                    n
                ),
            );
        }
        let args = self.analyze_args(&items[1..])?;
        for (i, (slot, arg)) in slots.iter().zip(args.iter()).enumerate() {
            let Some(needed) = self.fns_last().prim(*slot) else {
                continue;
            };
            let name = self
                .fns_last()
                .locals
                .iter()
                .rev()
                .find(|(_, s)| s == slot)
                .map(|(sym, _)| sym.name().to_string())
                .unwrap_or_default();
            let checked = self.check_recur_arg(&name, needed, arg, is_loop);
            let e = match checked {
                Ok(true) => continue,
                Ok(false) => None,
                Err(e) if !is_loop => return Err(self.emit_error(e)),
                Err(e) => Some(self.emit_error(e)),
            };
            if let Some(t) = self.fns_last().recur_targets.last_mut() {
                match e {
                    None => t.boxed[i] = true,
                    Some(e) => t.errors.push((i, e)),
                }
            }
        }
        let slots = self.bump.alloc_slice_copy(&slots);
        Ok(self.node(NodeKind::Recur(args, slots)))
    }

    fn analyze_fn(&mut self, form: &Value, items: &[Value]) -> Result<Node<'a>> {
        let mut rest = &items[1..];
        let name = match rest.first().and_then(|v| v.as_symbol()) {
            Some(s) => {
                rest = &rest[1..];
                Some(Symbol::intern(None, s.name()))
            }
            None => None,
        };
        // (fn* [params] body...) or (fn* ([params] body...)+)
        let arity_forms: Vec<(Vec<Value>, Vec<Value>)> = match rest.first() {
            Some(v) if vector_items(v)?.is_some() => {
                let params = vector_items(v)?.unwrap_or_default();
                vec![(params, rest[1..].to_vec())]
            }
            _ => {
                let mut out = Vec::new();
                for a in rest {
                    let Some(parts) = form_items(a)? else {
                        return self.error(
                            ExClass::IllegalArgumentException,
                            format!(
                                "Parameter declaration {} should be a vector",
                                crate::runtime::printer::pr_str(a)
                            ),
                        );
                    };
                    let Some(params) = parts.first().map(vector_items).transpose()?.flatten()
                    else {
                        return self.error(
                            ExClass::IllegalArgumentException,
                            "Parameter declaration missing",
                        );
                    };
                    out.push((params, parts[1..].to_vec()));
                }
                out
            }
        };
        // `^{:once true}` on the form or (as lazy-seq and delay write it)
        // on the `fn*` symbol.
        let once_key = Value::keyword(None, "once");
        let once = crate::runtime::lookup::get(&crate::runtime::meta::meta(form), &once_key)
            .truthy()
            || crate::runtime::lookup::get(&crate::runtime::meta::meta(&items[0]), &once_key)
                .truthy();

        let hint = self.name_hint.take();
        let debug_name = self.fn_class_name(name.as_ref().map(|n| n.name()), hint);
        let method = method_fields(form)?;
        // The IFn$LL-style interfaces its ^long/^double-hinted arities
        // implement, as the JVM compiles them (not a deftype/reify method's).
        let param_vectors: Vec<Value> = match rest.first() {
            _ if method.is_some() => Vec::new(),
            Some(v) if vector_items(v)?.is_some() => vec![v.clone()],
            _ => rest
                .iter()
                .filter_map(|a| form_items(a).ok().flatten()?.first().cloned())
                .collect(),
        };
        let mut prims: Vec<String> = Vec::new();
        for v in &param_vectors {
            match super::prim::prim_interface(v) {
                Ok(Some(i)) => prims.push(i),
                Ok(None) => {}
                Err((class, msg)) => return self.error(class, msg),
            }
        }
        let arity_forms = if prims.is_empty() {
            arity_forms
        } else {
            crate::runtime::func::register_prim_interfaces(
                crate::runtime::printer::munge_fn_name(&debug_name),
                prims,
            );
            arity_forms
                .into_iter()
                .zip(&param_vectors)
                .map(|((params, body), vector)| {
                    let body = coerce_prim_arity(&params, vector, body);
                    (params, body)
                })
                .collect()
        };

        let is_method = method.is_some();
        let mut scope = super::FnScope::new(name.clone());
        scope.method = method;
        scope.class_name = Some(debug_name.clone());
        scope.pos = self.pos;
        self.fns.push(scope);
        let result = self.analyze_arities(&arity_forms);
        let scope = self.fns.pop();
        let arities = result?;
        let captures: Vec<CaptureSource> = scope
            .map(|s| s.captures.into_iter().map(|(_, src)| src).collect())
            .unwrap_or_default();
        let name_id = name.map(|n| self.constant(Value::from(n)));
        let fn_node: &'a FnNode<'a> = self.bump.alloc(FnNode {
            id: self.fn_nodes.len() as u32,
            name: name_id,
            debug_name: self.str(&debug_name),
            arities,
            captures: self.bump.alloc_slice_copy(&captures),
            once,
            pos: self.pos,
            file: self.source_file(),
        });
        self.fn_nodes.push(fn_node);
        let node = self.node(NodeKind::Fn(fn_node));
        // Metadata on the fn* form other than reader positions and :once
        // becomes the fn's metadata.
        let mut meta = crate::runtime::lookup::dissoc_keys(
            &crate::runtime::meta::meta(form),
            &["line", "column", "once"],
        );
        if is_method {
            meta = crate::runtime::coll::ops::dissoc(
                &meta,
                &crate::runtime::types::method_fields_key(),
            )?;
        }
        if crate::runtime::lookup::count(&meta) > 0 {
            let m = self.const_node(meta);
            return Ok(self.node(NodeKind::WithMeta(self.alloc(node), self.alloc(m))));
        }
        Ok(node)
    }

    fn analyze_arities(&mut self, forms: &[(Vec<Value>, Vec<Value>)]) -> Result<&'a [Arity<'a>]> {
        let mut arities: Vec<Arity<'a>> = Vec::with_capacity(forms.len());
        for (params, body) in forms {
            {
                let f = self.fns_last();
                f.locals.clear();
                f.next_slot = 0;
                f.recur_targets.clear();
            }
            let mut required = 0u32;
            let mut variadic = false;
            let mut i = 0;
            while i < params.len() {
                let p = &params[i];
                if p.as_symbol()
                    .is_some_and(|s| s.ns().is_none() && s.name() == "&")
                {
                    if i + 2 != params.len() {
                        return self.error(ExClass::RuntimeException, "Invalid parameter list");
                    }
                    let sym = self.binding_symbol(&params[i + 1], "use")?;
                    self.bind_local(sym);
                    variadic = true;
                    break;
                }
                let sym = self.binding_symbol(p, "use")?;
                let slot = self.bind_local(sym);
                if let Some(prim) = prim_tag(p) {
                    self.fns_last().mark_prim(slot, prim);
                }
                required += 1;
                i += 1;
            }
            if required > 20 {
                return self.error(
                    ExClass::RuntimeException,
                    "Can't specify more than 20 params",
                );
            }
            // A method's `recur` does not pass `this`, which stays live.
            let is_method = self.fns_last().method.is_some();
            let first = u32::from(is_method && required > 0);
            let slots: Vec<u32> = (first..required + variadic as u32).collect();
            self.fns_last().recur_targets.push(RecurTarget {
                boxed: vec![false; slots.len()],
                slots,
                is_loop: false,
                errors: Vec::new(),
            });
            let body = self.analyze_body(body, true)?;
            let body = self.alloc(body);
            if is_method {
                super::liveness::mark_keeping(body, 0);
            } else {
                super::liveness::mark(body);
            }
            let frame_size = self.fns_last().next_slot;
            arities.push(Arity {
                required,
                variadic,
                frame_size,
                body,
            });
        }
        // Arity rules as in Clojure's FnExpr.
        let variadics: Vec<&Arity> = arities.iter().filter(|a| a.variadic).collect();
        if variadics.len() > 1 {
            return self.error(
                ExClass::RuntimeException,
                "Can't have more than 1 variadic overload",
            );
        }
        if let Some(v) = variadics.first()
            && arities
                .iter()
                .any(|a| !a.variadic && a.required > v.required)
        {
            return self.error(
                ExClass::RuntimeException,
                "Can't have fixed arity function with more params than variadic function",
            );
        }
        for (i, a) in arities.iter().enumerate() {
            if arities[..i]
                .iter()
                .any(|b| !b.variadic && !a.variadic && b.required == a.required)
            {
                return self.error(
                    ExClass::RuntimeException,
                    "Can't have 2 overloads with same arity",
                );
            }
        }
        Ok(self.bump.alloc_slice_fill_iter(arities))
    }

    /// The JVM compiler's warning for a `*name*` var that is not dynamic,
    /// printed to `*err*`.
    fn warn_earmuffs(&self, name: &str) {
        let earmuffed = name.len() > 2 && name.starts_with('*') && name.ends_with('*');
        if !earmuffed {
            return;
        }
        let file = self.env.file.as_deref().unwrap_or("NO_SOURCE_PATH");
        let msg = format!(
            "Warning: {name} not declared dynamic and thus is not dynamically rebindable, \
             but its name suggests otherwise. Please either indicate ^:dynamic {name} or \
             change the name. ({file}:{})\n",
            self.pos.line
        );
        let err = crate::runtime::core_vars::core_vars().err.get();
        if let Some(w) = err {
            let _ = crate::runtime::io::write_to(&w, &msg);
        }
    }

    fn analyze_def(&mut self, items: &[Value]) -> Result<Node<'a>> {
        if items.len() < 2 {
            return self.error(ExClass::RuntimeException, "Too few arguments to def");
        }
        if items.len() > 4 {
            return self.error(ExClass::RuntimeException, "Too many arguments to def");
        }
        let Some(sym) = items[1].as_symbol() else {
            return self.error(
                ExClass::RuntimeException,
                "First argument to def must be a Symbol",
            );
        };
        if let Some(ns) = sym.ns()
            && ns != self.env.ns.name_str()
        {
            return self.error(
                ExClass::RuntimeException,
                "Can't create defs outside of current ns",
            );
        }
        let var = self
            .env
            .ns
            .intern_checked(sym.name())
            .map_err(|e| self.compile_error(e))?;
        let (doc, init) = match items.len() {
            4 => (Some(items[2].clone()), Some(&items[3])),
            3 => (None, Some(&items[2])),
            _ => (None, None),
        };
        // Metadata: the symbol's, plus :line :column :file :name :ns (:doc).
        let sym_meta = sym.meta().cloned().unwrap_or(Value::NIL);
        let flag =
            |k: &str| crate::runtime::lookup::get(&sym_meta, &Value::keyword(None, k)).truthy();
        if flag("dynamic") {
            var.set_dynamic(true);
        } else {
            self.warn_earmuffs(sym.name());
        }
        if flag("macro") {
            var.set_macro(true);
        }
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        if let View::ArrayMap(_) | View::HashMap(_) = sym_meta.view() {
            for e in seq::iter(&sym_meta) {
                let e = e?;
                pairs.push((seq::first(&e)?, seq::first(&seq::next(&e)?)?));
            }
        }
        pairs.push((
            Value::keyword(None, "line"),
            Value::long(self.pos.line as i64),
        ));
        pairs.push((
            Value::keyword(None, "column"),
            Value::long(self.pos.column as i64),
        ));
        pairs.push((
            Value::keyword(None, "file"),
            Value::string(
                self.env
                    .file
                    .clone()
                    .unwrap_or_else(|| "NO_SOURCE_PATH".into()),
            ),
        ));
        // Quoted: the metadata map is evaluated, and :name is data.
        pairs.push((
            Value::keyword(None, "name"),
            Value::list(vec![
                Value::symbol(None, "quote"),
                Value::from(Symbol::intern(None, sym.name())),
            ]),
        ));
        pairs.push((
            Value::keyword(None, "ns"),
            Value::namespace(self.env.ns.clone()),
        ));
        if let Some(d) = doc {
            pairs.push((Value::keyword(None, "doc"), d));
        }
        let meta_form = Value::map_from_pairs(pairs);
        let meta = self.analyze(&meta_form, false)?;
        let init = match init {
            Some(f) => {
                self.name_hint = Some(sym.name().to_string());
                let n = self.analyze(f, false);
                self.name_hint = None;
                let n = n?;
                Some(self.alloc(n))
            }
            None => None,
        };
        let id = self.constant(Value::var(var));
        Ok(self.node(NodeKind::Def {
            var: id,
            init,
            meta: Some(self.alloc(meta)),
        }))
    }

    fn analyze_var(&mut self, items: &[Value]) -> Result<Node<'a>> {
        let Some(sym) = items.get(1).and_then(|v| v.as_symbol()) else {
            return self.error(
                ExClass::RuntimeException,
                "Wrong number of args passed to var",
            );
        };
        match self.resolve_var(sym)? {
            Some(v) => {
                let id = self.constant(Value::var(v));
                Ok(self.node(NodeKind::TheVar(id)))
            }
            None => self.error(
                ExClass::RuntimeException,
                format!("Unable to resolve var: {sym} in this context"),
            ),
        }
    }

    fn analyze_try(&mut self, items: &[Value]) -> Result<Node<'a>> {
        let mut body_forms = Vec::new();
        let mut catches = Vec::new();
        let mut finally = None;
        for f in &items[1..] {
            let head = form_items(f)?.and_then(|it| {
                it.first()
                    .and_then(|h| h.as_symbol())
                    .filter(|s| s.ns().is_none())
                    .map(|s| (s.name().to_string(), it.clone()))
            });
            match head {
                Some((h, parts)) if h == "catch" => {
                    if finally.is_some() {
                        return self.error(
                            ExClass::RuntimeException,
                            "finally clause must be last in try expression",
                        );
                    }
                    catches.push(parts);
                }
                Some((h, parts)) if h == "finally" => {
                    if finally.is_some() {
                        return self.error(
                            ExClass::RuntimeException,
                            "finally clause must be last in try expression",
                        );
                    }
                    finally = Some(parts);
                }
                _ => {
                    if !catches.is_empty() || finally.is_some() {
                        return self.error(
                            ExClass::RuntimeException,
                            "Only catch or finally clause can follow catch in try expression",
                        );
                    }
                    body_forms.push(f.clone());
                }
            }
        }
        // The body is never a recur target: "Cannot recur across try".
        let body = self.analyze_body(&body_forms, false)?;
        let body = self.alloc(body);
        let mut cs = Vec::with_capacity(catches.len());
        for parts in catches {
            if parts.len() < 3 {
                return self.error(
                    ExClass::IllegalArgumentException,
                    "catch requires a class and a binding symbol",
                );
            }
            // A symbol, or a Class object a macro put in the form.
            let cname = match (parts[1].as_symbol(), parts[1].view()) {
                (Some(csym), _) => csym.to_string(),
                (None, View::Class(c)) => c.name().to_string(),
                _ => {
                    return self.error(
                        ExClass::IllegalArgumentException,
                        format!(
                            "Unable to resolve classname: {}",
                            crate::runtime::printer::pr_str(&parts[1])
                        ),
                    );
                }
            };
            // An imported exception class by its simple name.
            let class = ExClass::by_name(&cname).or_else(|| {
                self.env
                    .ns
                    .imported(&cname)
                    .and_then(|full| ExClass::by_name(&full))
            });
            let Some(class) = class else {
                return self.class_not_found(
                    &cname,
                    ExClass::IllegalArgumentException,
                    format!("Unable to resolve classname: {cname}"),
                );
            };
            let mark = self.locals_mark();
            let sym = self.binding_symbol(&parts[2], "bind")?;
            let slot = self.bind_local(sym);
            let b = self.analyze_body(&parts[3..], false);
            self.locals_reset(mark);
            let b = self.alloc(b?);
            cs.push(Catch {
                class,
                slot,
                body: b,
            });
        }
        let finally = match finally {
            Some(parts) => {
                let f = self.analyze_body(&parts[1..], false)?;
                Some(self.alloc(f))
            }
            None => None,
        };
        let catches = self.bump.alloc_slice_fill_iter(cs);
        Ok(self.node(NodeKind::Try {
            body,
            catches,
            finally,
        }))
    }

    fn analyze_letfn(&mut self, items: &[Value], tail: bool) -> Result<Node<'a>> {
        let Some(binds) = items.get(1).map(vector_items).transpose()?.flatten() else {
            return self.error(
                ExClass::IllegalArgumentException,
                "Bad binding form, expected vector in letfn",
            );
        };
        if binds.len() % 2 != 0 {
            return self.error(
                ExClass::IllegalArgumentException,
                "letfn requires an even number of forms in binding vector",
            );
        }
        let mark = self.locals_mark();
        let mut slots = Vec::new();
        for pair in binds.chunks(2) {
            let sym = self.binding_symbol(&pair[0], "let")?;
            slots.push(self.bind_local(sym));
        }
        let mut bindings = Vec::new();
        for (pair, slot) in binds.chunks(2).zip(slots) {
            let init = self.analyze(&pair[1], false)?;
            bindings.push(Binding {
                slot,
                init: self.alloc(init),
            });
        }
        let body = self.analyze_body(&items[2..], tail);
        self.locals_reset(mark);
        let body = self.alloc(body?);
        let bindings = self.bump.alloc_slice_fill_iter(bindings);
        Ok(self.node(NodeKind::LetFn(bindings, body)))
    }

    /// `(case* expr default [[test-consts...] ...] [then ...])`: the form our
    /// `case` macro produces. Tests are literal constants.
    fn analyze_case(&mut self, items: &[Value], tail: bool) -> Result<Node<'a>> {
        if items.len() != 5 {
            return self.error(ExClass::IllegalArgumentException, "malformed case*");
        }
        let expr = self.analyze(&items[1], false)?;
        let default = self.analyze(&items[2], tail)?;
        let groups = vector_items(&items[3])?.unwrap_or_default();
        let then_forms = vector_items(&items[4])?.unwrap_or_default();
        if groups.len() != then_forms.len() {
            return self.error(ExClass::IllegalArgumentException, "malformed case*");
        }
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        for (i, g) in groups.iter().enumerate() {
            for t in vector_items(g)?.unwrap_or_default() {
                if pairs
                    .iter()
                    .any(|(k, _)| crate::runtime::equality::equiv(k, &t))
                {
                    return self.error(
                        ExClass::IllegalArgumentException,
                        format!(
                            "Duplicate case test constant: {}",
                            crate::runtime::printer::pr_str(&t)
                        ),
                    );
                }
                pairs.push((t, Value::long(i as i64)));
            }
        }
        let mut thens = Vec::with_capacity(then_forms.len());
        for t in &then_forms {
            thens.push(self.analyze(t, tail)?);
        }
        let table = self.constant(Value::map_from_pairs(pairs));
        let case = self.bump.alloc(CaseNode {
            expr: self.alloc(expr),
            table,
            thens: self.nodes(thens),
            default: self.alloc(default),
        });
        Ok(self.node(NodeKind::Case(case)))
    }

    /// A deftype/defrecord constructor's arity is known when compiling
    /// (Compiler's NewExpr finds no matching ctor).
    /// The class an interop form names, resolved once, here, where the
    /// namespace's imports apply.
    pub(super) fn host_class(&self, name: &str) -> HostClass<'a> {
        let def = crate::runtime::host::class_def(name);
        let full = def.map_or_else(|| canonical_class(name), |d| d.name.to_string());
        HostClass {
            name: self.str(&full),
            def,
        }
    }

    /// The class of `(new C ...)` / `(C. ...)`, which must exist now.
    pub(super) fn ctor_class(&self, name: &str) -> Result<HostClass<'a>> {
        if crate::runtime::host::is_class(name) {
            return Ok(self.host_class(name));
        }
        self.class_not_found(
            name,
            ExClass::IllegalArgumentException,
            format!("Unable to resolve classname: {name}"),
        )
    }

    /// The error for a class name nothing defines: a qualified name is
    /// loaded by name on the JVM (ClassNotFoundException naming it); a
    /// simple one fails with `class`/`msg`.
    pub(super) fn class_not_found<T>(
        &self,
        name: &str,
        class: ExClass,
        msg: impl Into<String>,
    ) -> Result<T> {
        if name.find('.').is_some_and(|i| i > 0) {
            return self.error(
                ExClass::ClassNotFoundException,
                class_not_found_message(name),
            );
        }
        self.error(class, msg)
    }

    /// A static call `(C/m args)` or `(. C m args)` of a registry class:
    /// a member the JVM's class lacks fails here, as the JVM's compiler
    /// checks by reflection (a field when no args); one the JVM has and
    /// cljw lacks fails when called.
    pub(super) fn check_static_member(
        &self,
        c: HostClass<'a>,
        member: &str,
        nargs: usize,
    ) -> Result<()> {
        use crate::runtime::class::{Member, jvm_has};
        let Some(d) = c.def else {
            return Ok(());
        };
        if d.has_static_method(member)
            || (nargs == 0 && d.has_static_field(member))
            || jvm_has(d, member, Member::StaticMethod) != Some(false)
            || (nargs == 0 && jvm_has(d, member, Member::StaticField) == Some(true))
        {
            return Ok(());
        }
        if nargs == 0 {
            return self.error(ExClass::NoSuchFieldException, member);
        }
        self.error(
            ExClass::IllegalArgumentException,
            format!(
                "No matching method {member} found taking {nargs} args for class {}",
                d.name
            ),
        )
    }

    /// `C/F` of a registry class: a field the JVM's class lacks fails here.
    pub(super) fn check_static_field(&self, c: HostClass<'a>, field: &str) -> Result<()> {
        use crate::runtime::class::{Member, jvm_has};
        match c.def {
            Some(d)
                if !d.has_static_field(field)
                    && jvm_has(d, field, Member::StaticField) == Some(false) =>
            {
                self.error(
                    ExClass::RuntimeException,
                    format!(
                        "Unable to find static field: {field} in {} {}",
                        if d.interface { "interface" } else { "class" },
                        d.name
                    ),
                )
            }
            _ => Ok(()),
        }
    }

    pub(super) fn check_user_ctor(&self, class: &str, nargs: usize) -> Result<()> {
        use crate::runtime::types::{self, TypeKind};
        let Some(t) = types::lookup(class) else {
            return Ok(());
        };
        let n = t.field_count();
        let ok = match t.kind() {
            TypeKind::Type => nargs == n,
            TypeKind::Record => nargs == n || nargs == n + 2,
            _ => false,
        };
        if ok {
            return Ok(());
        }
        self.error(
            ExClass::IllegalArgumentException,
            format!("No matching ctor found for class {class}"),
        )
    }

    fn analyze_set(&mut self, items: &[Value]) -> Result<Node<'a>> {
        if items.len() != 3 {
            return self.error(
                ExClass::IllegalArgumentException,
                "Malformed assignment, expecting (set! target val)",
            );
        }
        if let Some((class, field)) = self.static_field_target(&items[1])? {
            let val = self.analyze(&items[2], false)?;
            let setter = Value::native_fn("set-static", crate::runtime::host::set_static_native);
            let f = self.const_node(setter);
            let args = vec![
                self.const_node(Value::string(class)),
                self.const_node(Value::string(field)),
                val,
            ];
            let args = self.nodes(args);
            return Ok(self.node(NodeKind::Invoke(self.alloc(f), args)));
        }
        let this_field = self.this_field_target(&items[1])?;
        let field_sym = this_field.as_ref().map(|f| f.sym.clone());
        let Some(sym) = items[1].as_symbol().or(field_sym.as_deref()) else {
            return self.error(
                ExClass::IllegalArgumentException,
                "Invalid assignment target",
            );
        };
        let resolved = match this_field {
            Some(f) => Some((self.fns.len() - 1, f)),
            None => self.resolve_field(sym),
        };
        if let Some((d, field)) = resolved {
            // A closure inside the method captures fields by value.
            if !field.mutable || d + 1 != self.fns.len() {
                return self.error(
                    ExClass::IllegalArgumentException,
                    format!("Cannot assign to non-mutable: {}", sym.name()),
                );
            }
            let val = self.analyze(&items[2], false)?;
            let setter = self.constant(crate::runtime::types::field_setter());
            let f = self.node(NodeKind::Const(setter));
            let args = vec![self.this_at(d), self.long_const(field.index), val];
            let args = self.nodes(args);
            return Ok(self.node(NodeKind::Invoke(self.alloc(f), args)));
        }
        if self.is_local(sym) {
            return self.error(
                ExClass::IllegalArgumentException,
                format!("Cannot assign to non-mutable: {}", sym.name()),
            );
        }
        let Some(var) = self.resolve_var(sym)? else {
            return self.error(
                ExClass::RuntimeException,
                format!("Unable to resolve symbol: {sym} in this context"),
            );
        };
        let val = self.analyze(&items[2], false)?;
        let id = self.constant(Value::var(var));
        Ok(self.node(NodeKind::SetVar(id, self.alloc(val))))
    }

    /// A `set!` target `(.f this)`, `(.-f this)`, `(. this f)` or
    /// `(. this -f)` inside a deftype method, `this` its first param and `f`
    /// one of its fields: that field (set as the bare field symbol is).
    fn this_field_target(&self, target: &Value) -> Result<Option<MethodField>> {
        let Some(parts) = form_items(target)? else {
            return Ok(None);
        };
        let sym_name = |v: &Value| {
            v.as_symbol()
                .filter(|s| s.ns().is_none())
                .map(|s| s.name().to_string())
        };
        let (member, obj) = match parts.as_slice() {
            [m, obj] => match sym_name(m) {
                Some(m) if m.len() > 1 && m.starts_with('.') && m != ".." => {
                    (m[1..].to_string(), obj)
                }
                _ => return Ok(None),
            },
            [dot, obj, m] if sym_name(dot).as_deref() == Some(".") => match sym_name(m) {
                Some(m) => (m, obj),
                None => return Ok(None),
            },
            _ => return Ok(None),
        };
        let member = member.strip_prefix('-').unwrap_or(&member);
        let Some(obj) = obj.as_symbol().filter(|s| s.ns().is_none()) else {
            return Ok(None);
        };
        // Only the innermost fn's own `this` (slot 0 of a method).
        let Some(f) = self.fns.last() else {
            return Ok(None);
        };
        let is_this = f
            .locals
            .iter()
            .rev()
            .find(|(s, _)| s.same(obj))
            .is_some_and(|(_, slot)| *slot == 0);
        if !is_this {
            return Ok(None);
        }
        Ok(f.method
            .as_ref()
            .and_then(|fs| fs.iter().find(|x| x.sym.name() == member).cloned()))
    }

    /// A `set!` target naming a static field, `(. C f)` or `C/f`: the
    /// class's full name and the field.
    fn static_field_target(&mut self, target: &Value) -> Result<Option<(String, String)>> {
        let is_class = |c: &str| crate::runtime::host::is_class(c);
        if let Some(s) = target.as_symbol() {
            return Ok(match s.ns() {
                Some(c) if self.namespace_for(c).is_none() && is_class(c) => {
                    Some((canonical_class(c), s.name().to_string()))
                }
                _ => None,
            });
        }
        let Some(parts) = form_items(target)? else {
            return Ok(None);
        };
        match parts.as_slice() {
            [dot, c, f]
                if dot
                    .as_symbol()
                    .is_some_and(|d| d.ns().is_none() && d.name() == ".") =>
            {
                match (c.as_symbol(), f.as_symbol()) {
                    (Some(c), Some(f))
                        if c.ns().is_none() && !self.is_local(c) && is_class(c.name()) =>
                    {
                        let field = f.name().strip_prefix('-').unwrap_or(f.name());
                        Ok(Some((canonical_class(c.name()), field.to_string())))
                    }
                    _ => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }

    /// `(. target member args*)`, `(. target (member args*))`, `(. Class m ...)`.
    fn analyze_dot(&mut self, items: &[Value]) -> Result<Node<'a>> {
        if items.len() < 3 {
            return self.error(
                ExClass::IllegalArgumentException,
                "Malformed member expression, expecting (. target member ...)",
            );
        }
        let (member, args): (String, Vec<Value>) = match form_items(&items[2])? {
            Some(parts) if !parts.is_empty() => match parts[0].as_symbol() {
                Some(m) => (m.name().to_string(), parts[1..].to_vec()),
                None => {
                    return self.error(
                        ExClass::IllegalArgumentException,
                        "Malformed member expression",
                    );
                }
            },
            _ => match items[2].as_symbol() {
                Some(m) => (m.name().to_string(), items[3..].to_vec()),
                None => {
                    return self.error(
                        ExClass::IllegalArgumentException,
                        "Malformed member expression",
                    );
                }
            },
        };
        let m = self.str(&member);
        if let Some(c) = items[1].as_symbol()
            && c.ns().is_none()
            && !self.is_local(c)
            && crate::runtime::host::is_class(c.name())
        {
            // Resolved here, where the class is imported, not at run time.
            let c = self.host_class(c.name());
            self.check_static_member(c, m, args.len())?;
            let args = self.analyze_args(&args)?;
            return Ok(self.node(NodeKind::StaticCall(c, m, args)));
        }
        let target = self.analyze(&items[1], false)?;
        let target = self.alloc(target);
        let args = self.analyze_args(&args)?;
        Ok(self.node(NodeKind::InstanceCall(m, target, args)))
    }
}

/// Packages of the JDK: a class or member there that cljw lacks is one it
/// does not support (the JVM has it), which the message says.
fn is_jdk_name(class: &str) -> bool {
    ["java.", "javax.", "jdk.", "sun.", "com.sun."]
        .iter()
        .any(|p| class.starts_with(p))
}

/// ClassNotFoundException's message: the name, as Class.forName says it.
fn class_not_found_message(name: &str) -> String {
    if is_jdk_name(name) {
        format!("{name} (this JDK class is not supported by cljw)")
    } else {
        name.to_string()
    }
}

/// A class name as written, fully qualified when it names a known class
/// (so `(R. ..)` compiled in one namespace works when run from another).
pub(crate) fn canonical_class(name: &str) -> String {
    crate::runtime::host::class_value(name)
        .and_then(|c| c.as_class().map(|c| c.name().to_string()))
        .unwrap_or_else(|| name.to_string())
}

/// The fields of a method `fn*` form (None for ordinary fns).
fn method_fields(form: &Value) -> Result<Option<Vec<super::MethodField>>> {
    let fields = crate::runtime::lookup::get(
        &crate::runtime::meta::meta(form),
        &crate::runtime::types::method_fields_key(),
    );
    if fields.is_nil() {
        return Ok(None);
    }
    let mut out = Vec::new();
    for (i, f) in crate::runtime::seq::iter(&fields).enumerate() {
        let f = f?;
        let Some(s) = f.as_symbol() else {
            continue;
        };
        let m = crate::runtime::meta::meta(&f);
        let flag = |k: &str| crate::runtime::lookup::get(&m, &Value::keyword(None, k)).truthy();
        out.push(super::MethodField {
            sym: Symbol::intern(None, s.name()),
            index: i as u32,
            mutable: flag("volatile-mutable") || flag("unsynchronized-mutable"),
        });
    }
    Ok(Some(out))
}

/// A `^long` param (the JVM's primitive long params).
/// A `^long` / `^double` param's primitive type.
/// The body of a fn arity compiled as a primitive fn (IFn$LL ...): the
/// JVM's invoke unboxes each ^long/^double argument with RT.longCast /
/// RT.doubleCast (`((fn [^double d] d) 0)` is 0.0, `((fn [^long n] n) 1.5)`
/// is 1) and a ^long/^double return hint casts the result. The params are
/// rebound to their casts (a `recur` re-enters the body, so recurred values
/// are cast too); the return cast wraps the body only when it names no
/// `recur`, which must stay in tail position.
fn coerce_prim_arity(params: &[Value], vector: &Value, body: Vec<Value>) -> Vec<Value> {
    use super::prim::Prim;
    let cast = |p: Prim| {
        Value::symbol(
            Some("clojure.core"),
            match p {
                Prim::Double => "double",
                _ => "long",
            },
        )
    };
    let mut bindings = Vec::new();
    for p in params {
        if let (Some(prim), Some(sym)) = (prim_tag(p), p.as_symbol()) {
            let local = Value::symbol(None, sym.name());
            bindings.push(local.clone());
            bindings.push(Value::list(vec![cast(prim), local]));
        }
    }
    let mut body = if bindings.is_empty() {
        body
    } else {
        let mut form = vec![Value::symbol(None, "let*"), Value::vector(bindings)];
        form.extend(body);
        vec![Value::list(form)]
    };
    if let Some(ret) = prim_tag(vector)
        && !body.iter().any(|f| names_symbol(f, "recur"))
    {
        let mut inner = vec![Value::symbol(None, "do")];
        inner.extend(body);
        body = vec![Value::list(vec![cast(ret), Value::list(inner)])];
    }
    body
}

/// Does the form mention the unqualified symbol `name` anywhere (iterative,
/// so deep forms cannot overflow the stack)?
fn names_symbol(form: &Value, name: &str) -> bool {
    let mut todo = vec![form.clone()];
    while let Some(f) = todo.pop() {
        if f.as_symbol()
            .is_some_and(|s| s.ns().is_none() && s.name() == name)
        {
            return true;
        }
        if let Ok(Some(items)) = form_items(&f) {
            todo.extend(items);
        } else if let Ok(Some(items)) = vector_items(&f) {
            todo.extend(items);
        }
    }
    false
}

fn prim_tag(p: &Value) -> Option<super::prim::Prim> {
    let tag =
        crate::runtime::lookup::get(&crate::runtime::meta::meta(p), &Value::keyword(None, "tag"));
    let s = tag.as_symbol().filter(|s| s.ns().is_none())?;
    match s.name() {
        "long" => Some(super::prim::Prim::Long),
        "double" => Some(super::prim::Prim::Double),
        _ => None,
    }
}
