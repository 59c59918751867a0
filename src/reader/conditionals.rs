//! Reader conditionals `#?(...)` and `#?@(...)` (LispReader.ConditionalReader
//! with `:read-cond :allow`). Unselected branches are read with
//! `*suppress-read*` on: unknown tagged literals in them are not errors.

use super::source::is_whitespace;
use super::{Form, Pending, ReadCond, Reader, runtime};
use crate::runtime::error::Result;
use crate::runtime::value::{Value, View};
use std::collections::VecDeque;

impl Reader {
    /// After `#?`. Returns None when no branch matched or the branch was
    /// spliced into `pending`.
    pub(super) fn read_conditional(&mut self, pending: Pending<'_>) -> Result<Option<Value>> {
        if self.read_cond == ReadCond::Disallow {
            return Err(runtime("Conditional read not allowed"));
        }
        let mut ch = self.src.next();
        if ch.is_none() {
            return Err(runtime("EOF while reading character"));
        }
        let splicing = ch == Some('@');
        if splicing {
            ch = self.src.next();
        }
        while ch.is_some_and(is_whitespace) {
            ch = self.src.next();
        }
        match ch {
            None => return Err(runtime("EOF while reading character")),
            Some('(') => {}
            Some(_) => return Err(runtime("read-cond body must be a list")),
        }
        let toplevel = pending.is_none();
        let mut local = VecDeque::new();
        let pending = pending.unwrap_or(&mut local);
        if self.read_cond == ReadCond::Preserve {
            // The list as read (nested `#?` preserved too); tagged
            // literals in it become TaggedLiterals.
            let start = self.src.position();
            self.preserving += 1;
            let form = self.read_list(start, Some(&mut *pending));
            self.preserving -= 1;
            let form = form?;
            return match &self.resolver {
                Some(r) => r.reader_conditional(&form, splicing).map(Some),
                None => Err(super::preserve_unsupported()),
            };
        }
        let first_line = self.src.position().0;
        let eof = |r: &Reader| r.eof_in_collection(first_line);
        let mut result: Option<Value> = None;
        loop {
            if result.is_none() {
                let feature = match self.read(Some(&mut *pending), Some(')'))? {
                    Form::Eof => return Err(eof(self)),
                    Form::Finished => break,
                    Form::Value(v) => v,
                };
                let fname = feature
                    .as_keyword()
                    .filter(|k| k.ns().is_none())
                    .map(|k| k.name());
                if matches!(fname, Some("else" | "none")) {
                    return Err(runtime(format!(
                        "Feature name {} is reserved.",
                        super::java_to_string(&feature)
                    )));
                }
                if feature.as_keyword().is_none() {
                    return Err(runtime(format!(
                        "Feature should be a keyword: {}",
                        super::java_to_string(&feature)
                    )));
                }
                if self.has_feature(&feature) {
                    match self.read(Some(&mut *pending), Some(')'))? {
                        Form::Eof => return Err(eof(self)),
                        Form::Finished => {
                            return Err(runtime(if self.src.line_numbering() {
                                format!(
                                    "read-cond starting on line {first_line} requires an even number of forms"
                                )
                            } else {
                                "read-cond requires an even number of forms.".to_string()
                            }));
                        }
                        Form::Value(v) => result = Some(v),
                    }
                }
            }
            // Skip the next form (an unselected branch, or what follows the
            // selected one).
            self.suppress += 1;
            let skipped = self.read(Some(&mut *pending), Some(')'));
            self.suppress -= 1;
            match skipped? {
                Form::Eof => return Err(eof(self)),
                Form::Finished => break,
                Form::Value(_) => {}
            }
        }
        let Some(result) = result else {
            return Ok(None);
        };
        if !splicing {
            return Ok(Some(result));
        }
        let items: Vec<Value> = match result.view() {
            View::List(_) | View::Vector(_) => {
                crate::runtime::seq::iter(&result).collect::<Result<Vec<Value>>>()?
            }
            _ => {
                return Err(runtime(
                    "Spliced form list in read-cond-splicing must implement java.util.List",
                ));
            }
        };
        if toplevel {
            return Err(runtime(
                "Reader conditional splicing not allowed at the top level.",
            ));
        }
        for (i, x) in items.into_iter().enumerate() {
            pending.insert(i, x);
        }
        Ok(None)
    }

    fn has_feature(&self, feature: &Value) -> bool {
        if feature
            .as_keyword()
            .is_some_and(|k| k.ns().is_none() && k.name() == "default")
        {
            return true;
        }
        self.features.iter().any(|f| f.identical(feature))
    }
}
