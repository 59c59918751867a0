;; A WASI preview 1 command module for tests/wasm_ffi.rs: writes argv[1] and
;; then stdin to stdout, the preopened directory's in.txt to stderr, and
;; exits with status 7.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "in.txt")
  ;; iovec at 0, byte count at 8
  (func $write (param $fd i32) (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8))))
  (func $read (param $fd i32) (param $ptr i32) (param $len i32) (result i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_read (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8)))
    (i32.load (i32.const 8)))
  (func $strlen (param $p i32) (result i32) (local $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $n))
  (func (export "_start") (local $arg i32)
    ;; argc at 16, argv pointers at 128, argv strings at 256
    (drop (call $args_sizes_get (i32.const 16) (i32.const 20)))
    (drop (call $args_get (i32.const 128) (i32.const 256)))
    (if (i32.ge_u (i32.load (i32.const 16)) (i32.const 2))
      (then
        (local.set $arg (i32.load (i32.const 132)))
        (call $write (i32.const 1) (local.get $arg) (call $strlen (local.get $arg)))))
    (call $write (i32.const 1) (i32.const 1024)
      (call $read (i32.const 0) (i32.const 1024) (i32.const 1024)))
    ;; fd 3 is the first preopened directory; the new fd lands at 32
    (if (i32.eqz (call $path_open (i32.const 3) (i32.const 0) (i32.const 64) (i32.const 6)
                   (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 32)))
      (then
        (call $write (i32.const 2) (i32.const 2048)
          (call $read (i32.load (i32.const 32)) (i32.const 2048) (i32.const 1024)))))
    (call $proc_exit (i32.const 7))))
