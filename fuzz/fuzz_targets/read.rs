//! libFuzzer target for the reader: `cargo +nightly fuzz run read`
//! (from the repository root). Any bytes: invalid UTF-8 must be a reader
//! exception, valid text must read or fail with an exception, never panic
//! or overflow the stack.
#![no_main]

use cljw::reader::{Reader, read_all, read_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = read_bytes(data);
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = read_all(s);
        let mut r = Reader::new(s).ns("fuzz.ns").alias("str", "clojure.string");
        for _ in 0..10_000 {
            match r.next_form() {
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => break,
            }
        }
    }
});
