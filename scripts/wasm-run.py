#!/usr/bin/env python3
"""Run a wasm32-wasip1 module under wasmtime (the PyPI package embeds the
engine). Usage: wasm-run.py MODULE.wasm [args...]. stdin/stdout/stderr are
inherited; the current directory is preopened as '.' and /tmp as '/tmp'
(java.io.tmpdir on wasm32); exit status is passed through."""
import os
import sys
import threading

try:
    import wasmtime
except ImportError:
    sys.stderr.write("wasm-run: pip install wasmtime\n")
    sys.exit(2)


def main():
    if len(sys.argv) < 2:
        sys.stderr.write("usage: wasm-run.py MODULE.wasm [args...]\n")
        return 2
    module_path = sys.argv[1]
    config = wasmtime.Config()
    # Deep Clojure recursion runs deep wasm call chains: allow a large native
    # stack for wasm frames (main() runs on a thread with room for it).
    config.max_wasm_stack = WASM_STACK
    try:
        config.cache = True
    except Exception:
        pass
    engine = wasmtime.Engine(config)
    store = wasmtime.Store(engine)
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    wasi = wasmtime.WasiConfig()
    wasi.argv = ["cljw"] + sys.argv[2:]
    wasi.inherit_stdin()
    wasi.inherit_stdout()
    wasi.inherit_stderr()
    wasi.inherit_env()
    wasi.preopen_dir(".", ".")
    # java.io.tmpdir is /tmp on wasm32 (runtime::file::temp_dir).
    if os.path.isdir("/tmp"):
        wasi.preopen_dir("/tmp", "/tmp")
    store.set_wasi(wasi)
    module = wasmtime.Module.from_file(engine, module_path)
    instance = linker.instantiate(store, module)
    start = instance.exports(store)["_start"]
    try:
        start(store)
    except wasmtime.ExitTrap as e:
        return e.code
    return 0


WASM_STACK = 2 << 20


def run_on_big_stack():
    result = [1]

    def target():
        result[0] = main()

    threading.stack_size(WASM_STACK + (16 << 20))
    t = threading.Thread(target=target)
    t.start()
    t.join()
    return result[0]


if __name__ == "__main__":
    sys.exit(run_on_big_stack())
