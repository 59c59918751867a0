//! The seq protocol for seq types owned by the collections (vector, subvec,
//! rseq, queue and map/set seqs): each delegates to its own first/next/count.

use super::SeqNode;
use crate::runtime::coll::{ChunkedSeq, MapSeq, QueueSeq, VectorRSeq, VectorSeq};
use crate::runtime::error::Result;
use crate::runtime::value::Value;

macro_rules! counted_seq_node {
    ($($t:ty),*) => {$(
        impl SeqNode for $t {
            fn first(&self) -> Result<Value> {
                Ok(<$t>::first(self))
            }
            fn next(&self, _this: &Value) -> Result<Value> {
                Ok(<$t>::next(self))
            }
            fn counted(&self) -> Result<Option<usize>> {
                Ok(Some(self.count()))
            }
        }
    )*};
}

counted_seq_node!(ChunkedSeq, VectorSeq, VectorRSeq, QueueSeq);

// Not Counted: `count` walks it, as for PersistentHashMap's NodeSeq.
impl SeqNode for MapSeq {
    fn first(&self) -> Result<Value> {
        Ok(MapSeq::first(self))
    }
    fn next(&self, _this: &Value) -> Result<Value> {
        Ok(MapSeq::next(self))
    }
}
