//! PersistentHashSet. PLACEHOLDER BODY with the final API (issue #2).

use crate::runtime::equality::equiv;
use crate::runtime::value::Value;

pub struct HashSet {
    pub(crate) items: Vec<Value>,
    pub(crate) meta: Option<Value>,
}

impl HashSet {
    pub fn count(&self) -> usize {
        self.items.len()
    }
    pub fn contains(&self, k: &Value) -> bool {
        self.items.iter().any(|x| equiv(x, k))
    }
    pub fn iter(&self) -> impl Iterator<Item = &Value> + '_ {
        self.items.iter()
    }
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
}
