//! Tagged literals `#tag form` (LispReader.CtorReader): data readers,
//! `#inst`, `#uuid`, the default data reader fn, and record literals
//! `#my.Rec{...}`. Lookup order is LispReader.CtorReader's: `*data-readers*`
//! (readers given to this Reader, then the resolver's), the default readers
//! (`#inst` -> java.util.Date, `#uuid` -> java.util.UUID), then
//! `*default-data-reader-fn*`.

use super::{DefaultDataReader, Reader, call_data_reader, invoke_value, runtime};
use crate::runtime::compare::cast_message;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::value::Value;
use std::collections::VecDeque;

impl Reader {
    /// After `#` when the next char is not a dispatch macro.
    pub(super) fn read_tagged_or_record(&mut self, pending: &mut VecDeque<Value>) -> Result<Value> {
        let name = self.read_required(Some(&mut *pending))?;
        let Some(tag) = name.as_symbol() else {
            return Err(runtime("Reader tag must be a symbol"));
        };
        let is_record = tag.ns().is_none() && tag.name().contains('.');
        if is_record {
            return self.read_record(tag.name().to_string(), pending);
        }
        let o = self.read_required(Some(pending))?;
        if self.preserving > 0 {
            return self.preserved_tagged(&name, &o);
        }
        if self.suppress > 0 {
            // Unselected reader-conditional branch: the JVM returns a
            // TaggedLiteral without calling any reader; the value is dropped.
            return Ok(Value::NIL);
        }
        if let Some((_, f)) = self
            .data_readers
            .iter()
            .find(|(t, _)| t.identical(&name) || same_symbol(t, &name))
        {
            return call_data_reader(f, &o);
        }
        if let Some(f) = self.resolver.as_ref().and_then(|r| r.data_reader(&name)) {
            return invoke_value(&f, std::slice::from_ref(&o));
        }
        if tag.ns().is_none() {
            match tag.name() {
                "inst" => return read_inst(&o),
                "uuid" => return read_uuid(&o),
                _ => {}
            }
        }
        if let Some(d) = &self.default_data_reader {
            return match d {
                DefaultDataReader::Native(g) => g(&name, &o),
                DefaultDataReader::Fn(f) => invoke_value(f, &[name.clone(), o]),
            };
        }
        if let Some(f) = self
            .resolver
            .as_ref()
            .and_then(|r| r.default_data_reader_fn())
        {
            return invoke_value(&f, &[name.clone(), o]);
        }
        Err(runtime(format!("No reader function for tag {tag}")))
    }

    fn read_record(&mut self, class: String, pending: &mut VecDeque<Value>) -> Result<Value> {
        if !self.read_eval {
            return Err(runtime(
                "Record construction syntax can only be used when *read-eval* == true",
            ));
        }
        let form = self.read_required(Some(pending))?;
        if self.preserving > 0 {
            return self.preserved_tagged(&Value::symbol(None, &class), &form);
        }
        if self.suppress > 0 {
            return Ok(Value::NIL);
        }
        match &self.resolver {
            Some(r) => r.construct_record(&class, &form),
            None => Err(Exception::new(ExClass::ClassNotFoundException, class)),
        }
    }
}

fn same_symbol(a: &Value, b: &Value) -> bool {
    match (a.as_symbol(), b.as_symbol()) {
        (Some(x), Some(y)) => x.same(y),
        _ => false,
    }
}

/// `#uuid` (clojure.uuid/default-uuid-reader): `(assert (string? form))`,
/// then UUID.fromString.
fn read_uuid(o: &Value) -> Result<Value> {
    let Some(s) = o.as_str() else {
        return Err(Exception::new(
            ExClass::AssertionError,
            "Assert failed: (string? form)",
        ));
    };
    crate::runtime::uuid::from_string(s)
}

/// `#inst` (clojure.instant/read-instant-date): a java.util.Date.
fn read_inst(o: &Value) -> Result<Value> {
    let Some(s) = o.as_str() else {
        return Err(Exception::new(
            ExClass::ClassCastException,
            cast_message(o.class_name(), "java.lang.CharSequence"),
        ));
    };
    Ok(Value::date(crate::runtime::date::parse_instant(s)?))
}

impl Reader {
    /// `#tag form` inside a preserved `#?`: a TaggedLiteral, no reader called.
    fn preserved_tagged(&self, tag: &Value, form: &Value) -> Result<Value> {
        match &self.resolver {
            Some(r) => r.tagged_literal(tag, form),
            None => Err(super::preserve_unsupported()),
        }
    }
}
