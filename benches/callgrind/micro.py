#!/usr/bin/env python3
"""Instructions per iteration of small -e loops (callgrind), net of the
empty loop: benches/callgrind/micro.py CLJW [ARGS...]."""
import subprocess, sys
N = 100000
cases = {
 "loop (baseline)": "(loop [i 0] (when (< i %d) (recur (inc i))))" % N,
 "(str i)": "(loop [i 0] (when (< i %d) (str i) (recur (inc i))))" % N,
 "(str \"a\" i \"b\")": "(loop [i 0] (when (< i %d) (str \"a\" i \"b\") (recur (inc i))))" % N,
 "var deref x": "(def x 1) (loop [i 0] (when (< i %d) x (recur (inc i))))" % N,
 "{:a i :b i :c i}": "(loop [i 0] (when (< i %d) {:a i :b i :c i} (recur (inc i))))" % N,
 "[i i i i]": "(loop [i 0] (when (< i %d) [i i i i] (recur (inc i))))" % N,
 "(:b m)": "(let [m {:a 1 :b 2 :c 3}] (loop [i 0] (when (< i %d) (:b m) (recur (inc i)))))" % N,
 "(+ r 1/3)": "(let [r 1/2] (loop [i 0] (when (< i %d) (+ r 1/3) (recur (inc i)))))" % N,
 "(format \"%s-%d\" ...)": "(loop [i 0] (when (< i %d) (format \"%%s-%%d\" \"a\" i) (recur (inc i))))" % N,
}
def count(cmd, expr):
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd + ["-e", expr], capture_output=True, text=True)
    for line in p.stderr.splitlines():
        if "Collected" in line:
            return int(line.split()[-1])
    raise SystemExit(p.stderr[-2000:])
cmd = sys.argv[1:]
base = count(cmd, cases["loop (baseline)"])
print(f"{'case':<28} {'instr/iter':>12}  (net of the empty loop, {N} iterations)")
for name, e in cases.items():
    if name.startswith("loop"):
        print(f"{name:<28} {base / N:>12.0f}  (whole loop, gross)")
        continue
    print(f"{name:<28} {(count(cmd, e) - base) / N:>12.0f}")
