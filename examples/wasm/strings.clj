;; Passing strings through guest memory: Clojure writes a string into the
;; module's memory, the module upper-cases it in place, Clojure reads it back.
;; Run: cljw examples/wasm/strings.clj
(require '[cljw.wasm :as wasm])

(def inst
  (wasm/load "(module
    (memory (export \"memory\") 1)
    ;; upcase(ptr, len): ASCII a-z to A-Z in place
    (func (export \"upcase\") (param $p i32) (param $n i32) (local $c i32)
      (block $done
        (loop $next
          (br_if $done (i32.eqz (local.get $n)))
          (local.set $c (i32.load8_u (local.get $p)))
          (if (i32.and (i32.ge_u (local.get $c) (i32.const 97))
                       (i32.le_u (local.get $c) (i32.const 122)))
            (then (i32.store8 (local.get $p) (i32.sub (local.get $c) (i32.const 32)))))
          (local.set $p (i32.add (local.get $p) (i32.const 1)))
          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
          (br $next)))))"))

(defn upcase [s]
  (let [n (wasm/write-string! inst 0 s)]
    (wasm/call inst "upcase" 0 n)
    (wasm/read-string inst 0 n)))

(println (upcase "hello from clojure, via wasm"))
