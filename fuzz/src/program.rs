//! Well-formed Clojure programs from fuzzer bytes: expressions over small
//! values (numbers, strings, keywords, chars, nil, booleans and small
//! collections of them) built from a grammar of pure clojure.core fns and
//! special forms. Nothing generated touches files, the process or global
//! state, so a program can run on both backends in one process and their
//! results compared. scripts/difftest.py uses the same grammar against
//! JVM Clojure.

use arbitrary::Unstructured;

/// A core fn the generator calls, with its arity range and what its
/// arguments are: `V` any value, `F` a one-argument fn, `G` a
/// two-argument fn, `N` a small number.
struct Op {
    name: &'static str,
    args: &'static str,
    /// The last argument letter repeats up to this many more times.
    more: u8,
}

const fn op(name: &'static str, args: &'static str, more: u8) -> Op {
    Op { name, args, more }
}

const OPS: &[Op] = &[
    op("+", "", 3),
    op("-", "V", 2),
    op("*", "", 3),
    op("/", "V", 2),
    op("inc", "V", 0),
    op("dec", "V", 0),
    op("max", "V", 2),
    op("min", "V", 2),
    op("quot", "VV", 0),
    op("rem", "VV", 0),
    op("mod", "VV", 0),
    op("=", "V", 2),
    op("not=", "V", 2),
    op("<", "V", 2),
    op(">=", "V", 2),
    op("compare", "VV", 0),
    op("count", "V", 0),
    op("first", "V", 0),
    op("second", "V", 0),
    op("last", "V", 0),
    op("rest", "V", 0),
    op("next", "V", 0),
    op("butlast", "V", 0),
    op("cons", "VV", 0),
    op("conj", "V", 2),
    op("assoc", "VVV", 0),
    op("dissoc", "V", 2),
    op("disj", "V", 2),
    op("get", "VV", 1),
    op("get-in", "VV", 1),
    op("nth", "VN", 1),
    op("seq", "V", 0),
    op("vec", "V", 0),
    op("set", "V", 0),
    op("keys", "V", 0),
    op("vals", "V", 0),
    op("concat", "", 3),
    op("reverse", "V", 0),
    op("sort", "V", 0),
    op("take", "NV", 0),
    op("drop", "NV", 0),
    op("take-last", "NV", 0),
    op("range", "N", 1),
    op("repeat", "NV", 0),
    op("map", "FV", 1),
    op("mapv", "FV", 0),
    op("filter", "FV", 0),
    op("remove", "FV", 0),
    op("keep", "FV", 0),
    op("reduce", "GV", 0),
    op("reduce", "GVV", 0),
    op("into", "VV", 0),
    op("str", "", 3),
    op("subs", "VN", 1),
    op("name", "V", 0),
    op("keyword", "V", 0),
    op("symbol", "V", 0),
    op("contains?", "VV", 0),
    op("empty?", "V", 0),
    op("empty", "V", 0),
    op("nil?", "V", 0),
    op("some?", "V", 0),
    op("zero?", "V", 0),
    op("pos?", "V", 0),
    op("neg?", "V", 0),
    op("even?", "V", 0),
    op("odd?", "V", 0),
    op("number?", "V", 0),
    op("string?", "V", 0),
    op("coll?", "V", 0),
    op("identity", "V", 0),
    op("vector", "", 3),
    op("list", "", 3),
    op("hash-map", "", 4),
    op("hash-set", "", 3),
    op("sorted-set", "", 3),
    op("merge", "", 3),
    op("select-keys", "VV", 0),
    op("update", "VVF", 0),
    op("frequencies", "V", 0),
    op("group-by", "FV", 0),
    op("partition", "NV", 0),
    op("partition-all", "NV", 0),
    op("interleave", "VV", 1),
    op("interpose", "VV", 0),
    op("distinct", "V", 0),
    op("dedupe", "V", 0),
    op("flatten", "V", 0),
    op("apply", "FV", 0),
    op("mapcat", "FV", 0),
    op("zipmap", "VV", 0),
    op("take-while", "FV", 0),
    op("drop-while", "FV", 0),
    op("some", "FV", 0),
    op("every?", "FV", 0),
    op("sort-by", "FV", 0),
    op("split-at", "NV", 0),
    op("split-with", "FV", 0),
    op("nthrest", "VN", 0),
    op("peek", "V", 0),
    op("pop", "V", 0),
    op("subvec", "VN", 1),
    op("rseq", "V", 0),
    op("find", "VV", 0),
    op("max-key", "FV", 2),
    op("str", "V", 0),
    op("pr-str", "V", 1),
    op("hash", "V", 0),
    op("boolean", "V", 0),
    op("not", "V", 0),
    op("int", "V", 0),
    op("long", "V", 0),
    op("double", "V", 0),
    op("char", "V", 0),
    op("bit-and", "VV", 0),
    op("bit-shift-left", "VN", 0),
    op("abs", "V", 0),
    op("clojure.string/join", "V", 1),
    op("clojure.string/upper-case", "V", 0),
    op("clojure.string/split", "VV", 0),
    op("clojure.string/reverse", "V", 0),
    op("clojure.set/union", "V", 2),
    op("clojure.set/difference", "V", 2),
    op("clojure.walk/postwalk", "FV", 0),
];

const ATOMS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "-1",
    "7",
    "42",
    "-5",
    "1.5",
    "0.0",
    "-2.5",
    "1/2",
    "3/4",
    "2N",
    "10M",
    "nil",
    "true",
    "false",
    "\"\"",
    "\"a\"",
    "\"ab\"",
    "\"a b\"",
    ":a",
    ":b",
    ":c",
    "'x",
    "\\a",
    "\\z",
    "##Inf",
    "9223372036854775807",
    "-9223372036854775808",
];

const FNS1: &[&str] = &[
    "inc", "dec", "str", "count", "seq", "vector", "list", "even?", "nil?", "identity", "first",
    "keyword", "name", "vec", "-", "boolean", "set", "not", "hash", "reverse",
];

const FNS2: &[&str] = &[
    "+", "-", "*", "max", "min", "conj", "str", "vector", "list", "=", "<", "cons", "get",
    "compare", "concat", "merge", "assoc", "into",
];

/// Builds one program from the bytes of `u`.
pub struct Gen<'a, 'b> {
    u: &'b mut Unstructured<'a>,
    out: String,
    /// Locals in scope (bound by let / fn / loop).
    locals: Vec<String>,
    next_local: usize,
}

impl<'a, 'b> Gen<'a, 'b> {
    pub fn new(u: &'b mut Unstructured<'a>) -> Self {
        Gen {
            u,
            out: String::new(),
            locals: Vec::new(),
            next_local: 0,
        }
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        let i = self.u.choose_index(xs.len()).unwrap_or(0);
        xs[i]
    }

    fn below(&mut self, n: u32) -> u32 {
        self.u.int_in_range(0..=n.saturating_sub(1)).unwrap_or(0)
    }

    fn fresh(&mut self) -> String {
        self.next_local += 1;
        format!("x{}", self.next_local)
    }

    /// A small number (counts and indices).
    fn num(&mut self) {
        let n = self.pick(&["0", "1", "2", "3", "-1", "5"]);
        self.out.push_str(n);
    }

    fn atom(&mut self) {
        if !self.locals.is_empty() && self.below(3) == 0 {
            let i = self.below(self.locals.len() as u32) as usize;
            let l = self.locals[i].clone();
            self.out.push_str(&l);
            return;
        }
        let a = self.pick(ATOMS);
        self.out.push_str(a);
    }

    /// A one-argument fn: a core fn, a fn literal, or a partial.
    fn fn1(&mut self, depth: u32) {
        match self.below(4) {
            0 | 1 => {
                let f = self.pick(FNS1);
                self.out.push_str(f);
            }
            2 if depth > 0 => {
                let x = self.fresh();
                self.out.push_str(&format!("(fn [{x}] "));
                self.locals.push(x);
                self.expr(depth - 1);
                self.locals.pop();
                self.out.push(')');
            }
            _ => {
                let f = self.pick(FNS2);
                self.out.push_str(&format!("(partial {f} "));
                self.expr(depth.saturating_sub(1));
                self.out.push(')');
            }
        }
    }

    /// A two-argument fn.
    fn fn2(&mut self, depth: u32) {
        if depth > 0 && self.below(3) == 0 {
            let (a, b) = (self.fresh(), self.fresh());
            self.out.push_str(&format!("(fn [{a} {b}] "));
            self.locals.push(a);
            self.locals.push(b);
            self.expr(depth - 1);
            self.locals.truncate(self.locals.len() - 2);
            self.out.push(')');
        } else {
            let f = self.pick(FNS2);
            self.out.push_str(f);
        }
    }

    fn coll(&mut self, depth: u32) {
        let (open, close) = self.pick(&[("[", "]"), ("'(", ")"), ("{", "}"), ("(hash-set ", ")")]);
        self.out.push_str(open);
        let n = self.below(4);
        let n = if open == "{" { n * 2 } else { n };
        for i in 0..n {
            if i > 0 {
                self.out.push(' ');
            }
            if open == "{" && i % 2 == 0 {
                // Distinct literal keys (a duplicate key is a read error).
                self.out.push_str(&format!(":k{i}"));
            } else if open == "'(" {
                let a = self.pick(ATOMS);
                self.out.push_str(a);
            } else {
                self.expr(depth.saturating_sub(1));
            }
        }
        self.out.push_str(close);
    }

    /// One expression, nested at most `depth` more levels.
    pub fn expr(&mut self, depth: u32) {
        if depth == 0 {
            return self.atom();
        }
        match self.below(16) {
            0 | 1 => self.atom(),
            2 | 3 => self.coll(depth),
            4 => {
                self.out.push_str("(if ");
                self.expr(depth - 1);
                self.out.push(' ');
                self.expr(depth - 1);
                self.out.push(' ');
                self.expr(depth - 1);
                self.out.push(')');
            }
            5 => {
                let x = self.fresh();
                self.out.push_str(&format!("(let [{x} "));
                self.expr(depth - 1);
                self.out.push_str("] ");
                self.locals.push(x);
                self.expr(depth - 1);
                self.locals.pop();
                self.out.push(')');
            }
            6 => {
                // A bounded loop: counts down from a small number.
                let (i, acc) = (self.fresh(), self.fresh());
                self.out.push_str(&format!("(loop [{i} 3 {acc} "));
                self.expr(depth - 1);
                self.out
                    .push_str(&format!("] (if (pos? {i}) (recur (dec {i}) "));
                self.locals.push(acc.clone());
                self.expr(depth - 1);
                self.locals.pop();
                self.out.push_str(&format!(") {acc}))"));
            }
            7 => {
                self.out.push_str("(try ");
                self.expr(depth - 1);
                self.out
                    .push_str(" (catch Exception e (.getName (class e))))");
            }
            _ => {
                let op = &OPS[self.below(OPS.len() as u32) as usize];
                self.out.push('(');
                self.out.push_str(op.name);
                let extra = if op.more > 0 {
                    self.below(u32::from(op.more) + 1)
                } else {
                    0
                };
                let last = op.args.chars().last();
                let kinds = op
                    .args
                    .chars()
                    .chain((0..extra).filter_map(move |_| last.or(Some('V'))));
                for k in kinds.collect::<Vec<_>>() {
                    self.out.push(' ');
                    match k {
                        'F' => self.fn1(depth - 1),
                        'G' => self.fn2(depth - 1),
                        'N' => self.num(),
                        _ => self.expr(depth - 1),
                    }
                }
                self.out.push(')');
            }
        }
    }

    /// The program text built so far.
    pub fn finish(self) -> String {
        self.out
    }
}

/// Up to `n` top-level expressions from `data`, each nested at most
/// `depth` levels.
pub fn programs(data: &[u8], n: usize, depth: u32) -> Vec<String> {
    let mut u = Unstructured::new(data);
    let mut out = Vec::new();
    for _ in 0..n {
        if u.is_empty() {
            break;
        }
        let mut g = Gen::new(&mut u);
        g.expr(depth);
        out.push(g.finish());
    }
    out
}
