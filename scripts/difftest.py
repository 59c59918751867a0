#!/usr/bin/env python3
"""Differential testing of cljw against JVM Clojure.

Generates random well-formed Clojure expressions from a grammar of pure
clojure.core fns over small values (the grammar of fuzz/src/program.rs), runs
them all in ONE JVM process and ONE cljw process (each form read with
read-string, evaluated with a time limit, its result printed with pr-str or
the class of what it threw), and reports the forms whose lines differ.

    scripts/difftest.py [-n 2000] [--seed 1] [--cljw target/debug/cljw]
                        [--backend vm] [--keep DIR]

Exit status 1 when a difference was found. Forms that time out on either
side are skipped (counted in the summary).
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile

# name, argument kinds, how many more of the last kind may follow.
# V value, F one-argument fn, G two-argument fn, N small int, P positive int.
OPS = [
    ("+", "", 3), ("-", "V", 2), ("*", "", 3), ("/", "V", 2), ("inc", "V", 0),
    ("dec", "V", 0), ("max", "V", 2), ("min", "V", 2), ("quot", "VV", 0),
    ("rem", "VV", 0), ("mod", "VV", 0), ("=", "V", 2), ("not=", "V", 2),
    ("<", "V", 2), (">=", "V", 2), ("compare", "VV", 0), ("count", "V", 0),
    ("first", "V", 0), ("second", "V", 0), ("last", "V", 0), ("rest", "V", 0),
    ("next", "V", 0), ("butlast", "V", 0), ("cons", "VV", 0), ("conj", "V", 2),
    ("assoc", "VVV", 0), ("dissoc", "V", 2), ("disj", "V", 2), ("get", "VV", 1),
    ("get-in", "VV", 1), ("nth", "VN", 1), ("seq", "V", 0), ("vec", "V", 0),
    ("set", "V", 0), ("keys", "V", 0), ("vals", "V", 0), ("concat", "", 3),
    ("reverse", "V", 0), ("sort", "V", 0), ("take", "NV", 0), ("drop", "NV", 0),
    ("take-last", "NV", 0), ("range", "N", 1), ("repeat", "NV", 0),
    ("map", "FV", 1), ("mapv", "FV", 0), ("filter", "FV", 0), ("remove", "FV", 0),
    ("keep", "FV", 0), ("reduce", "GV", 0), ("reduce", "GVV", 0), ("into", "VV", 0),
    ("str", "", 3), ("subs", "VN", 1), ("name", "V", 0), ("keyword", "V", 0),
    ("symbol", "V", 0), ("contains?", "VV", 0), ("empty?", "V", 0), ("empty", "V", 0),
    ("nil?", "V", 0), ("some?", "V", 0), ("zero?", "V", 0), ("pos?", "V", 0),
    ("neg?", "V", 0), ("even?", "V", 0), ("odd?", "V", 0), ("number?", "V", 0),
    ("string?", "V", 0), ("coll?", "V", 0), ("identity", "V", 0), ("vector", "", 3),
    ("list", "", 3), ("hash-map", "", 4), ("hash-set", "", 3), ("sorted-set", "", 3),
    ("merge", "", 3), ("select-keys", "VV", 0), ("update", "VVF", 0),
    ("frequencies", "V", 0), ("group-by", "FV", 0), ("partition", "PV", 0),
    ("partition-all", "PV", 0), ("interleave", "VV", 1), ("interpose", "VV", 0),
    ("distinct", "V", 0), ("dedupe", "V", 0), ("flatten", "V", 0), ("apply", "FV", 0),
    ("mapcat", "FV", 0), ("zipmap", "VV", 0), ("take-while", "FV", 0),
    ("drop-while", "FV", 0), ("some", "FV", 0), ("every?", "FV", 0),
    ("sort-by", "FV", 0), ("split-at", "NV", 0), ("split-with", "FV", 0),
    ("nthrest", "VN", 0), ("peek", "V", 0), ("pop", "V", 0), ("subvec", "VN", 1),
    ("rseq", "V", 0), ("find", "VV", 0), ("max-key", "FV", 2), ("pr-str", "V", 1),
    ("hash", "V", 0), ("boolean", "V", 0), ("not", "V", 0), ("int", "V", 0),
    ("long", "V", 0), ("double", "V", 0), ("char", "V", 0), ("bit-and", "VV", 0),
    ("bit-shift-left", "VN", 0), ("abs", "V", 0), ("clojure.string/join", "V", 1),
    ("clojure.string/upper-case", "V", 0), ("clojure.string/split", "VV", 0),
    ("clojure.string/reverse", "V", 0), ("clojure.set/union", "V", 2),
    ("clojure.set/difference", "V", 2), ("clojure.walk/postwalk", "FV", 0),
    ("subvec", "VN", 0), ("nthnext", "VN", 0), ("take-nth", "PV", 0),
    ("last", "V", 0), ("ffirst", "V", 0), ("not-empty", "V", 0), ("list*", "V", 1),
    ("sequential?", "V", 0),
    ("map-indexed", "GV", 0), ("keep-indexed", "GV", 0), ("reductions", "GV", 0),
    ("merge-with", "GV", 2), ("min-key", "FV", 2), ("replace", "VV", 0),
    ("sort", "GV", 0), ("compare", "VV", 0), ("rationalize", "V", 0),
    ("numerator", "V", 0), ("bigint", "V", 0), ("bigdec", "V", 0), ("num", "V", 0),
    ("unchecked-add", "VV", 0), ("bit-xor", "VV", 0), ("==", "V", 2),
    ("str", "V", 0), ("seq?", "V", 0), ("map?", "V", 0), ("vector?", "V", 0),
    ("associative?", "V", 0), ("counted?", "V", 0), ("reversible?", "V", 0),
    ("ident?", "V", 0), ("rseq", "V", 0), ("vals", "V", 0), ("key", "V", 0),
    ("val", "V", 0), ("assoc-in", "VVV", 0), ("update-in", "VVF", 0),
    ("clojure.string/lower-case", "V", 0), ("clojure.string/trim", "V", 0),
    ("clojure.string/includes?", "VV", 0), ("clojure.string/replace", "VVV", 0),
    ("clojure.string/starts-with?", "VV", 0), ("clojure.string/capitalize", "V", 0),
    ("clojure.set/intersection", "V", 2), ("clojure.set/map-invert", "V", 0),
    ("clojure.walk/keywordize-keys", "V", 0), ("format", "VV", 1),
]

ATOMS = [
    "0", "1", "2", "3", "-1", "7", "42", "-5", "1.5", "0.0", "-2.5", "1/2", "3/4",
    "2N", "10M", "nil", "true", "false", '""', '"a"', '"ab"', '"a b"', ":a", ":b",
    ":c", "'x", "\\a", "\\z", "##Inf", "9223372036854775807",
    "-9223372036854775808", "\"%s\"", "\"%d\"", ":a/b", "'a/b", "1e3", "0.1",
]

FNS1 = ["inc", "dec", "str", "count", "seq", "vector", "list", "even?", "nil?",
        "identity", "first", "keyword", "name", "vec", "-", "boolean", "set", "not",
        "hash", "reverse", "keys", "sort", "frequencies", "meta", "char?", "int"]
FNS2 = ["+", "-", "*", "max", "min", "conj", "str", "vector", "list", "=", "<",
        "cons", "get", "compare", "concat", "merge", "assoc", "into", "/", "quot",
        "mod", "disj", "dissoc", "contains?", "nth"]


class Gen:
    def __init__(self, rnd):
        self.r = rnd
        self.locals = []
        self.n = 0

    def fresh(self):
        self.n += 1
        return "x%d" % self.n

    def atom(self):
        if self.locals and self.r.random() < 0.35:
            return self.r.choice(self.locals)
        return self.r.choice(ATOMS)

    def fn1(self, d):
        k = self.r.randrange(4)
        if k < 2 or d <= 0:
            return self.r.choice(FNS1)
        if k == 2:
            x = self.fresh()
            self.locals.append(x)
            body = self.expr(d - 1)
            self.locals.pop()
            return "(fn [%s] %s)" % (x, body)
        return "(partial %s %s)" % (self.r.choice(FNS2), self.expr(d - 1))

    def fn2(self, d):
        if d > 0 and self.r.randrange(3) == 0:
            a, b = self.fresh(), self.fresh()
            self.locals += [a, b]
            body = self.expr(d - 1)
            del self.locals[-2:]
            return "(fn [%s %s] %s)" % (a, b, body)
        return self.r.choice(FNS2)

    def coll(self, d):
        kind = self.r.randrange(5)
        n = self.r.randrange(4)
        if kind == 0:
            return "[%s]" % " ".join(self.expr(d - 1) for _ in range(n))
        if kind == 1:
            return "'(%s)" % " ".join(self.r.choice(ATOMS) for _ in range(n))
        if kind == 2:
            return "{%s}" % " ".join(":k%d %s" % (i, self.expr(d - 1)) for i in range(n))
        if kind == 3:
            return "(hash-set %s)" % " ".join(self.expr(d - 1) for _ in range(n))
        return "(sorted-map %s)" % " ".join("%d %s" % (i, self.expr(d - 1)) for i in range(n))

    def expr(self, d):
        if d <= 0:
            return self.atom()
        k = self.r.randrange(18)
        if k < 2:
            return self.atom()
        if k < 4:
            return self.coll(d)
        if k == 4:
            return "(if %s %s %s)" % (self.expr(d - 1), self.expr(d - 1), self.expr(d - 1))
        if k == 5:
            x = self.fresh()
            init = self.expr(d - 1)
            self.locals.append(x)
            body = self.expr(d - 1)
            self.locals.pop()
            return "(let [%s %s] %s)" % (x, init, body)
        if k == 6:
            i, acc = self.fresh(), self.fresh()
            init = self.expr(d - 1)
            self.locals.append(acc)
            step = self.expr(d - 1)
            self.locals.pop()
            return "(loop [%s 3 %s %s] (if (pos? %s) (recur (dec %s) %s) %s))" % (
                i, acc, init, i, i, step, acc)
        if k == 7:
            return "(try %s (catch Exception e (.getName (class e))))" % self.expr(d - 1)
        if k == 8:
            x = self.fresh()
            coll = self.expr(d - 1)
            self.locals.append(x)
            body = self.expr(d - 1)
            self.locals.pop()
            return "(for [%s %s] %s)" % (x, coll, body)
        if k == 9:
            return "(cond-> %s %s (conj %s))" % (self.expr(d - 1), self.expr(d - 1),
                                                 self.expr(d - 1))
        name, kinds, more = self.r.choice(OPS)
        kinds = kinds + (kinds[-1:] or "V") * self.r.randint(0, more)
        args = []
        for c in kinds:
            if c == "F":
                args.append(self.fn1(d - 1))
            elif c == "G":
                args.append(self.fn2(d - 1))
            elif c == "N":
                args.append(self.r.choice(["0", "1", "2", "3", "-1", "5"]))
            elif c == "P":
                args.append(self.r.choice(["1", "2", "3"]))
            else:
                args.append(self.expr(d - 1))
        return "(%s)" % " ".join([name] + args)


# Reads forms (one per line) from the file named by the first argument,
# evaluates each with a time limit and prints "N<TAB>result". The same
# program runs on the JVM and on cljw.
DRIVER = r"""
(require 'clojure.string 'clojure.set 'clojure.walk)
(defn- root [e]
  (if (and (= "clojure.lang.Compiler$CompilerException" (.getName (class e)))
           (.getCause e))
    (root (.getCause e))
    e))
(defn- run1 [line]
  (let [f (future
            (try (pr-str (eval (read-string line)))
                 (catch Throwable e (str "#threw " (.getName (class (root e)))))))
        r (deref f 3000 ::timeout)]
    (if (= r ::timeout)
      (do (future-cancel f) "#timeout")
      r)))
(with-open [rdr (clojure.java.io/reader (first *command-line-args*))]
  (doseq [[i line] (map-indexed vector (line-seq rdr))]
    (let [r (run1 line)]
      (println (str i "\t" (clojure.string/replace r #"[\r\n]" " "))))
    (flush)))
(shutdown-agents)
(System/exit 0)
"""


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
        out, err = p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        out, err = e.stdout or b"", b"timed out"
    res = {}
    for line in out.decode("utf-8", "replace").splitlines():
        i, _, r = line.partition("\t")
        if i.isdigit():
            res[int(i)] = r
    return res, err.decode("utf-8", "replace")


def normalize(s):
    # Identity hashes of #object[...] and fn class names differ by design.
    import re
    s = re.sub(r"#object\[[^\]]*\]", "#object", s)
    s = re.sub(r"@[0-9a-f]+", "@HASH", s)
    return s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--cljw", default=None)
    ap.add_argument("--backend", default="vm")
    ap.add_argument("--keep", default=None, help="write forms and outputs here")
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    cljw = args.cljw or os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target")), "debug", "cljw")
    rnd = random.Random(args.seed)
    forms = [Gen(rnd).expr(rnd.randint(1, args.depth)) for _ in range(args.n)]
    d = args.keep or tempfile.mkdtemp(prefix="difftest")
    os.makedirs(d, exist_ok=True)
    fpath = os.path.join(d, "forms.txt")
    dpath = os.path.join(d, "driver.clj")
    with open(fpath, "w") as f:
        f.write("\n".join(forms) + "\n")
    with open(dpath, "w") as f:
        f.write(DRIVER)
    budget = 60 + 4 * args.n
    jvm, jerr = run(["clojure", dpath, fpath], budget)
    ours, oerr = run([cljw, "--backend=" + args.backend, dpath, fpath], budget)
    diffs, skipped, missing = [], 0, 0
    for i, form in enumerate(forms):
        a, b = jvm.get(i), ours.get(i)
        if a is None or b is None:
            missing += 1
            continue
        if "#timeout" in (a, b):
            skipped += 1
            continue
        if normalize(a) != normalize(b):
            diffs.append((form, a, b))
    for form, a, b in diffs:
        print("FORM  %s\n  jvm:  %s\n  cljw: %s" % (form, a[:300], b[:300]))
    print("%d forms, %d differ, %d timed out, %d missing (jvm %d lines, cljw %d lines)"
          % (len(forms), len(diffs), skipped, missing, len(jvm), len(ours)))
    if missing:
        print("jvm stderr: %s\ncljw stderr: %s" % (jerr[-2000:], oerr[-2000:]))
    return 1 if diffs or missing else 0


if __name__ == "__main__":
    sys.exit(main())
