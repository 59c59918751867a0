#!/usr/bin/env python3
"""Whole-program benchmark runner.

Runs every benches/programs/*.clj (or the ones named) under each command,
several times, and reports the median wall time, the median CPU time (user +
system) and the peak RSS of the child process. Each program prints a checked result: the first run's stdout
of every command must equal the program's `;; expect:` line, else the row is
marked WRONG.

  benches/run.py [--runs N] [--no-default] [--cmd NAME=COMMAND ...] [PROGRAM ...]
  benches/run.py --callgrind [--cmd NAME=COMMAND ...] [PROGRAM ...]

Defaults compare the release binary's two backends; add JVM Clojure with
  --cmd jvm=clojure
--callgrind runs each program once per command under
`valgrind --tool=callgrind` and prints the instructions executed (stable on a
loaded machine, unlike wall time); the start-up of `COMMAND -e nil` is
measured the same way and printed so it can be subtracted.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def measure(cmd, path):
    """One run: wall time, peak RSS (KiB), stdout, exit code, CPU seconds.
    GNU time reports the child's own rusage; a child forked or vforked from
    Python would count the interpreter's pages in its peak RSS (Linux keeps
    the pre-exec high-water mark)."""
    with tempfile.NamedTemporaryFile("r") as rep:
        t = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-o", rep.name, "-f", "%M %U %S"] + cmd + [path],
                           capture_output=True, text=True)
        wall = time.perf_counter() - t
        fields = rep.read().split()[-3:]
    rss, user, sys_ = int(fields[0]), float(fields[1]), float(fields[2])
    return wall, rss, p.stdout, p.returncode, user + sys_


def instructions(cmd, args):
    """Instructions executed by `cmd args`, counted by callgrind."""
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
                       + cmd + args, capture_output=True, text=True)
    for line in p.stderr.splitlines():
        if "Collected" in line:
            return int(line.split()[-1])
    return None


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
    ap.add_argument("--callgrind", action="store_true",
                    help="count instructions with callgrind instead of timing")
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
    if a.callgrind:
        for name, cmd in cmds:
            print(f"start-up {name}: {instructions(cmd, ['-e', 'nil'])} instructions")
        print(f"{'program':<24} {'command':<10} {'instructions':>14}")
        for prog in progs:
            for name, cmd in cmds:
                print(f"{os.path.basename(prog):<24} {name:<10} {instructions(cmd, [prog]):>14}")
                sys.stdout.flush()
        return
    print(f"{'program':<24} {'command':<10} {'median s':>9} {'cpu s':>7} {'peak MiB':>9}  check")
    for prog in progs:
        want = expected(prog)
        for name, cmd in cmds:
            walls, cpus, rss, ok = [], [], [], True
            for _ in range(a.runs):
                w, r, out, code, cpu = measure(cmd, prog)
                walls.append(w)
                cpus.append(cpu)
                rss.append(r)
                got = out.strip().splitlines()[-1] if out.strip() else ""
                if code != 0 or (want is not None and got != want):
                    ok = False
            print(f"{os.path.basename(prog):<24} {name:<10} "
                  f"{statistics.median(walls):>9.3f} {statistics.median(cpus):>7.2f} "
                  f"{max(rss) / 1024:>9.1f}  "
                  f"{'ok' if ok else 'WRONG'}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
