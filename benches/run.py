#!/usr/bin/env python3
"""Whole-program benchmark runner.

Runs every benches/programs/*.clj (or the ones named) under each command,
several times, and reports the median wall time and the peak RSS of the
child process. Each program prints a checked result: the first run's stdout
of every command must equal the program's `;; expect:` line, else the row is
marked WRONG.

  benches/run.py [--runs N] [--no-default] [--cmd NAME=COMMAND ...] [PROGRAM ...]

Defaults compare the release binary's two backends; add JVM Clojure with
  --cmd jvm=clojure
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def measure(cmd, path):
    """One run in a fresh python child so ru_maxrss is this run's peak."""
    code = (
        "import resource,subprocess,sys,time,json;"
        "t=time.perf_counter();"
        "p=subprocess.run(sys.argv[1:],capture_output=True,text=True);"
        "w=time.perf_counter()-t;"
        "r=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss;"
        "print(json.dumps([w,r,p.stdout,p.returncode]))"
    )
    out = subprocess.run([sys.executable, "-c", code] + cmd + [path],
                         capture_output=True, text=True).stdout
    return json.loads(out)


def expected(path):
    with open(path) as f:
        for line in f:
            if line.startswith(";; expect:"):
                return line[len(";; expect:"):].strip()
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cmd", action="append", default=[])
    ap.add_argument("--no-default", action="store_true",
                    help="only the --cmd commands, not the release binary's backends")
    ap.add_argument("programs", nargs="*")
    a = ap.parse_args()
    binary = os.path.join(ROOT, "target", "release", "cljw")
    cmds = [] if a.no_default else [("cljw-vm", [binary, "--backend=vm"]),
                                    ("cljw-tree", [binary, "--backend=tree-walk"])]
    for c in a.cmd:
        name, _, command = c.partition("=")
        cmds.append((name, command.split()))
    progs = a.programs or sorted(
        os.path.join(ROOT, "benches", "programs", f)
        for f in os.listdir(os.path.join(ROOT, "benches", "programs"))
        if f.endswith(".clj"))
    print(f"{'program':<24} {'command':<10} {'median s':>9} {'peak MiB':>9}  check")
    for prog in progs:
        want = expected(prog)
        for name, cmd in cmds:
            walls, rss, ok = [], [], True
            for _ in range(a.runs):
                w, r, out, code = measure(cmd, prog)
                walls.append(w)
                rss.append(r)
                got = out.strip().splitlines()[-1] if out.strip() else ""
                if code != 0 or (want is not None and got != want):
                    ok = False
            print(f"{os.path.basename(prog):<24} {name:<10} "
                  f"{statistics.median(walls):>9.3f} {max(rss) / 1024:>9.1f}  "
                  f"{'ok' if ok else 'WRONG'}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
