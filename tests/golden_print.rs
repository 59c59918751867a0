//! Golden `hash` / `pr-str` / `str` table recorded on JVM Clojure 1.11.1 by
//! tests/data/gen_print_table.clj (re-record: `cd tests/data && clojure
//! gen_print_table.clj`). Each source text is READ (no evaluation), then
//! hashed and printed.
//!
//! `through_reader_*` use the real reader (`cljw::reader::read_str`) and the
//! whole number tower, so they pass once the reader, number and collection
//! work is merged. `constructed_subset` builds values with a tiny test-only
//! reader and checks what the current tree can already express.

use cljw::runtime::hash::hasheq;
use cljw::runtime::printer::{pr_str, str_value, try_pr_str};
use cljw::runtime::{Value, View};

struct Row {
    src: String,
    hash: i32,
    pr: String,
    str: Option<String>,
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(o) => out.push(o),
            None => out.push('\\'),
        }
    }
    out
}

fn load(text: &str) -> Vec<Row> {
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|line| {
            let f: Vec<String> = line.split('\t').map(unescape).collect();
            assert!(f.len() >= 3, "bad row: {line}");
            Row {
                src: f[0].clone(),
                hash: f[1].parse().expect("hash column"),
                pr: f[2].clone(),
                str: f.get(3).cloned(),
            }
        })
        .collect()
}

fn table() -> Vec<Row> {
    load(include_str!("data/print_table.tsv"))
}

fn order_table() -> Vec<Row> {
    load(include_str!("data/print_order.tsv"))
}

/// Check rows read by `read`; returns the failures, one line each.
fn check(rows: &[Row], read: impl Fn(&str) -> Option<Value>, with_str: bool) -> Vec<String> {
    let mut bad = Vec::new();
    for r in rows {
        let Some(v) = read(&r.src) else {
            bad.push(format!("{}: unreadable", r.src));
            continue;
        };
        let h = hasheq(&v);
        if h != r.hash {
            bad.push(format!("{}: hash {h}, JVM {}", r.src, r.hash));
        }
        match try_pr_str(&v) {
            Ok(p) if p == r.pr => {}
            other => bad.push(format!("{}: pr-str {other:?}, JVM {:?}", r.src, r.pr)),
        }
        if with_str && let Some(s) = &r.str {
            match str_value(&v) {
                Ok(p) if &p == s => {}
                other => bad.push(format!("{}: str {other:?}, JVM {s:?}", r.src)),
            }
        }
    }
    bad
}

fn report(bad: Vec<String>, total: usize) {
    assert!(
        bad.is_empty(),
        "{} of {total} rows differ from the JVM:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn table_is_large_enough() {
    assert!(table().len() >= 300);
    assert!(order_table().len() >= 40);
}

// The reader lives on another branch until merged; these switch on then.
#[test]
fn through_reader_table() {
    let rows = table();
    report(
        check(&rows, |s| cljw::reader::read_str(s).ok(), true),
        rows.len(),
    );
}

#[test]
fn through_reader_hash_map_and_set_order() {
    let rows = order_table();
    report(
        check(&rows, |s| cljw::reader::read_str(s).ok(), false),
        rows.len(),
    );
}

/// What the tree can already check without the reader: rows made only of
/// nil, booleans, longs, chars, strings, keywords, symbols, lists, vectors,
/// array maps and sets of at most one item (hash of any of them; pr-str and
/// str when no doubles or order-dependent sets/hash maps are involved).
#[test]
fn constructed_subset() {
    let rows = table();
    let mut hash_checked = 0;
    let mut print_checked = 0;
    let mut bad = Vec::new();
    for r in &rows {
        let mut p = Mini {
            s: r.src.as_bytes(),
            i: 0,
            printable: true,
        };
        let Some(v) = p.form() else { continue };
        p.skip_ws();
        if p.i != p.s.len() {
            continue;
        }
        hash_checked += 1;
        if hasheq(&v) != r.hash {
            bad.push(format!("{}: hash {}, JVM {}", r.src, hasheq(&v), r.hash));
        }
        if p.printable {
            print_checked += 1;
            bad.extend(check(std::slice::from_ref(r), |_| Some(v.clone()), true));
        }
    }
    report(bad, rows.len());
    assert!(hash_checked >= 200, "only {hash_checked} rows hashed");
    assert!(print_checked >= 150, "only {print_checked} rows printed");
}

/// A test-only reader for the subset above. None = not in the subset.
struct Mini<'a> {
    s: &'a [u8],
    i: usize,
    /// false once a double, a multi-item set or a >8-entry map is read.
    printable: bool,
}

impl Mini<'_> {
    fn skip_ws(&mut self) {
        while self
            .s
            .get(self.i)
            .is_some_and(|c| c.is_ascii_whitespace() || *c == b',')
        {
            self.i += 1;
        }
    }
    fn rest(&self) -> &str {
        std::str::from_utf8(&self.s[self.i..]).unwrap_or("")
    }
    fn form(&mut self) -> Option<Value> {
        self.skip_ws();
        let c = *self.s.get(self.i)?;
        match c {
            b'(' | b'[' | b'{' => {
                self.i += 1;
                let close = match c {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                };
                let items = self.items(close)?;
                Some(match c {
                    b'(' => Value::list(items),
                    b'[' => Value::vector(items),
                    _ => {
                        if items.len() % 2 != 0 {
                            return None;
                        }
                        if items.len() > 16 {
                            self.printable = false;
                        }
                        let pairs = items
                            .chunks(2)
                            .map(|kv| (kv[0].clone(), kv[1].clone()))
                            .collect();
                        Value::map_from_pairs(pairs)
                    }
                })
            }
            b'#' if self.s.get(self.i + 1) == Some(&b'{') => {
                self.i += 2;
                let items = self.items(b'}')?;
                if items.len() > 1 {
                    self.printable = false;
                }
                Some(Value::set_from(items))
            }
            b'"' => self.string(),
            b'\\' => self.char(),
            _ => self.atom(),
        }
    }
    fn items(&mut self, close: u8) -> Option<Vec<Value>> {
        let mut out = Vec::new();
        loop {
            self.skip_ws();
            if *self.s.get(self.i)? == close {
                self.i += 1;
                return Some(out);
            }
            out.push(self.form()?);
        }
    }
    fn string(&mut self) -> Option<Value> {
        let text = self.rest().to_string();
        let mut out = String::new();
        let mut it = text.char_indices().skip(1);
        while let Some((at, c)) = it.next() {
            match c {
                '"' => {
                    self.i += at + 1;
                    return Some(Value::string(out));
                }
                '\\' => {
                    let (_, e) = it.next()?;
                    out.push(match e {
                        'n' => '\n',
                        't' => '\t',
                        'r' => '\r',
                        'f' => '\u{c}',
                        'b' => '\u{8}',
                        'u' => {
                            let hex: String =
                                (0..4).filter_map(|_| it.next().map(|x| x.1)).collect();
                            char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
                        }
                        o => o,
                    });
                }
                o => out.push(o),
            }
        }
        None
    }
    fn token(&mut self) -> String {
        let text = self.rest();
        let end = text
            .char_indices()
            .find(|(at, c)| {
                *at > 0
                    && (c.is_whitespace()
                        || matches!(c, ',' | '(' | ')' | '[' | ']' | '{' | '}' | '"'))
            })
            .map_or(text.len(), |(at, _)| at);
        let tok = text[..end].to_string();
        self.i += end;
        tok
    }
    fn char(&mut self) -> Option<Value> {
        let tok = self.token();
        let body = &tok[1..];
        let c = match body {
            "newline" => '\n',
            "space" => ' ',
            "tab" => '\t',
            "backspace" => '\u{8}',
            "formfeed" => '\u{c}',
            "return" => '\r',
            _ if body.chars().count() == 1 => body.chars().next()?,
            _ if body.starts_with('u') && body.len() == 5 => {
                char::from_u32(u32::from_str_radix(&body[1..], 16).ok()?)?
            }
            _ => return None,
        };
        Some(Value::char(c))
    }
    fn atom(&mut self) -> Option<Value> {
        let tok = self.token();
        match tok.as_str() {
            "nil" => return Some(Value::NIL),
            "true" => return Some(Value::TRUE),
            "false" => return Some(Value::FALSE),
            _ => {}
        }
        let first = tok.chars().next()?;
        if first.is_ascii_digit()
            || ((first == '-' || first == '+')
                && tok.len() > 1
                && tok.as_bytes()[1].is_ascii_digit())
        {
            if tok.len() > 1 && tok.starts_with('0') {
                return None; // hex/octal: the reader's job
            }
            if let Ok(n) = tok.parse::<i64>() {
                return Some(Value::long(n));
            }
            if tok
                .bytes()
                .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
            {
                self.printable = false;
                return tok.parse::<f64>().ok().map(Value::double);
            }
            return None; // N, M, ratios, radix
        }
        if tok.starts_with("##") {
            return None;
        }
        if let Some(k) = tok.strip_prefix(':') {
            let (ns, name) = cljw::runtime::symbol::split_ns(k);
            return Some(Value::keyword(ns, name));
        }
        let (ns, name) = cljw::runtime::symbol::split_ns(&tok);
        Some(Value::symbol(ns, name))
    }
}

#[test]
fn mini_reader_sanity() {
    let mut p = Mini {
        s: b"[1 :a/b \"x\\ny\" \\newline (c) {:k nil}]",
        i: 0,
        printable: true,
    };
    let v = p.form().expect("readable");
    assert!(matches!(v.view(), View::Vector(_)));
    assert_eq!(pr_str(&v), "[1 :a/b \"x\\ny\" \\newline (c) {:k nil}]");
}

/// java.lang.Float and java.math.BigInteger cannot be read, so they are
/// built directly. JVM (tab-separated hash, pr-str, str), recorded with
/// `(doseq [[src v] ...] (println src (hash v) (pr-str v) (str v)))`:
#[test]
fn constructed_float_and_biginteger() {
    use num_bigint::BigInt;
    let f = Value::float;
    let bi = |s: &str| Value::biginteger(s.parse::<BigInt>().expect("integer"));
    let rows: Vec<(Value, i32, &str, &str)> = vec![
        (f(1.5), 1069547520, "1.5", "1.5"),
        (f(0.1), 1036831949, "0.1", "0.1"),
        (f(-0.0), 0, "-0.0", "-0.0"),
        (f(f32::NAN), 2143289344, "##NaN", "NaN"),
        (f(f32::INFINITY), 2139095040, "##Inf", "Infinity"),
        (f(f32::NEG_INFINITY), -8388608, "##-Inf", "-Infinity"),
        (f(f32::MAX), 2139095039, "3.4028235E38", "3.4028235E38"),
        (f(f32::from_bits(1)), 1, "1.4E-45", "1.4E-45"),
        (f(1e7), 1259902592, "1.0E7", "1.0E7"),
        (f(1e-4), 953267991, "1.0E-4", "1.0E-4"),
        (f(0.001), 981668463, "0.001", "0.001"),
        (f(100.0), 1120403456, "100.0", "100.0"),
        (bi("10"), -289985220, "10", "10"),
        (bi("-1"), 1651860712, "-1", "-1"),
        (bi("0"), 0, "0", "0"),
        (
            bi("18446744073709551616"),
            961,
            "18446744073709551616",
            "18446744073709551616",
        ),
        (
            bi("-9223372036854775808"),
            1366273829,
            "-9223372036854775808",
            "-9223372036854775808",
        ),
        (
            Value::vector(vec![f(1.5), bi("10")]),
            -502168853,
            "[1.5 10]",
            "[1.5 10]",
        ),
        (
            Value::list(vec![bi("3"), f(2.5)]),
            -1374673340,
            "(3 2.5)",
            "(3 2.5)",
        ),
        (
            Value::map_from_pairs(vec![
                (Value::keyword(None, "f"), f(0.1)),
                (Value::keyword(None, "b"), bi("7")),
            ]),
            1872629173,
            "{:f 0.1, :b 7}",
            "{:f 0.1, :b 7}",
        ),
    ];
    let mut bad = Vec::new();
    for (v, hash, pr, s) in &rows {
        let (h, p, st) = (hasheq(v), pr_str(v), str_value(v).unwrap_or_default());
        if (h, p.as_str(), st.as_str()) != (*hash, *pr, *s) {
            bad.push(format!("{pr}: got {h} {p} {st}, JVM {hash} {pr} {s}"));
        }
    }
    report(bad, rows.len());
}
