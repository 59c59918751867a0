//! PersistentHashMap (HAMT). PLACEHOLDER BODY with the final API (issue #2).

use crate::runtime::equality::equiv;
use crate::runtime::value::Value;

pub struct HashMap {
    pub(crate) entries: Vec<(Value, Value)>,
    pub(crate) meta: Option<Value>,
}

impl HashMap {
    pub fn count(&self) -> usize {
        self.entries.len()
    }
    pub fn get(&self, k: &Value) -> Option<&Value> {
        self.entries
            .iter()
            .find(|(ek, _)| equiv(ek, k))
            .map(|(_, v)| v)
    }
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> + '_ {
        self.entries.iter().map(|(k, v)| (k, v))
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
}
