//! Randomised robustness test for the reader (stable Rust; the libFuzzer
//! target lives in fuzz/). Mutates a corpus of Clojure snippets (byte flips,
//! splices, interesting tokens, invalid UTF-8, deep nesting) and checks that
//! reading never panics and every error has a message.
//!
//! `cargo test --test reader_fuzz` runs a fixed number of iterations;
//! `cargo test --release --test reader_fuzz -- --ignored` runs for
//! CLJW_FUZZ_SECS seconds (default 600).

#[path = "support/reader_corpus.rs"]
mod reader_corpus;

use cljw::reader::{Reader, read_all, read_bytes};
use reader_corpus::CORPUS;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

/// xorshift64*: deterministic, seedable, no dependencies.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", "#{", "#(", "#?(", "#?@(", "#:", "#::", "##", "#_", "#'", "#=",
    "#!", "#^", "#\"", "#inst", "#uuid", "`", "~", "~@", "@", "^", "'", "%", "%&", "%1", "\\u",
    "\\o", "\\", "\"", ";", ",", ":", "::", "/", "0x", "2r", "N", "M", "e", ".", "a#", ":clj",
    ":cljs", ":default", "nil", "1/2", "\r\n", "\u{2028}", "é", "😀",
];

fn mutate(rng: &mut Rng, input: &mut Vec<u8>) {
    let rounds = 1 + rng.below(6);
    for _ in 0..rounds {
        let len = input.len();
        match rng.below(9) {
            0 if len > 0 => {
                let i = rng.below(len);
                input[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = rng.below(len + 1);
                input.insert(i, rng.next() as u8);
            }
            2 if len > 0 => {
                let i = rng.below(len);
                let j = (i + 1 + rng.below(8)).min(len);
                input.drain(i..j);
            }
            3 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let i = rng.below(len + 1);
                input.splice(i..i, t.iter().copied());
            }
            4 => {
                let other = CORPUS[rng.below(CORPUS.len())].as_bytes();
                let a = rng.below(other.len() + 1);
                let b = (a + rng.below(40)).min(other.len());
                let i = rng.below(len + 1);
                input.splice(i..i, other[a..b].iter().copied());
            }
            5 if len > 0 => {
                // duplicate a range
                let i = rng.below(len);
                let j = (i + 1 + rng.below(16)).min(len);
                let chunk: Vec<u8> = input[i..j].to_vec();
                input.splice(j..j, chunk);
            }
            6 => {
                // invalid UTF-8
                let bad: &[&[u8]] = &[
                    b"\xff",
                    b"\xc3",
                    b"\xe2\x82",
                    b"\xed\xa0\x80",
                    b"\xf4\x90\x80\x80",
                ];
                let i = rng.below(len + 1);
                input.splice(i..i, bad[rng.below(bad.len())].iter().copied());
            }
            7 => {
                // deep nesting
                let max = if rng.below(10) == 0 { 50_000 } else { 300 };
                let n = 1 + rng.below(max);
                let open =
                    ["(", "[", "{", "#{", "'", "`", "#?(:clj ", "^:k ", "@", "#_"][rng.below(10)];
                let i = rng.below(len + 1);
                let s = open.repeat(n);
                input.splice(i..i, s.bytes());
            }
            _ => {}
        }
    }
    input.truncate(200_000);
}

fn check(input: &[u8]) {
    if let Ok(path) = std::env::var("CLJW_FUZZ_LAST") {
        let _ = std::fs::write(path, input);
    }
    let r = catch_unwind(AssertUnwindSafe(|| {
        if let Err(e) = read_bytes(input) {
            assert!(e.message().is_some(), "error without a message");
        }
        if let Ok(s) = std::str::from_utf8(input) {
            if let Err(e) = read_all(s) {
                assert!(e.message().is_some(), "error without a message");
            }
            let mut r = Reader::new(s).ns("fuzz.ns").alias("str", "clojure.string");
            let mut n = 0;
            loop {
                match r.next_form() {
                    Ok(Some(_)) => n += 1,
                    Ok(None) | Err(_) => break,
                }
                if n > 10_000 {
                    break;
                }
            }
        }
    }));
    if r.is_err() {
        panic!(
            "reader panicked on input {:?}",
            String::from_utf8_lossy(&input[..input.len().min(400)])
        );
    }
}

/// Returns the number of inputs tried.
fn run(seed: u64, iterations: Option<usize>, until: Option<Instant>) -> usize {
    let mut rng = Rng(seed | 1);
    let mut done = 0;
    for s in CORPUS {
        check(s.as_bytes());
    }
    loop {
        if iterations.is_some_and(|n| done >= n) || until.is_some_and(|t| Instant::now() >= t) {
            return done;
        }
        let mut input = CORPUS[rng.below(CORPUS.len())].as_bytes().to_vec();
        mutate(&mut rng, &mut input);
        check(&input);
        done += 1;
    }
}

#[test]
fn fuzz_reader_fixed_iterations() {
    let n = run(0x5eed_1234, Some(3_000), None);
    assert_eq!(n, 3_000);
}

#[test]
#[ignore]
fn fuzz_reader_long() {
    let secs: u64 = std::env::var("CLJW_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    let seed = std::env::var("CLJW_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(42)
        });
    let start = Instant::now();
    let n = run(seed, None, Some(start + Duration::from_secs(secs)));
    eprintln!(
        "reader fuzz: seed {seed}, {n} inputs in {:.1}s, no panics",
        start.elapsed().as_secs_f64()
    );
}
