;; A Clojure fn as a host import: the module calls `env.log` with a pointer
;; and length into its memory; the import reads the string from the calling
;; instance and calls back into the guest.
;; Run: cljw examples/wasm/callback.clj
(require '[cljw.wasm :as wasm])

(declare inst)

(def inst
  (wasm/load "(module
    (import \"env\" \"log\" (func $log (param i32 i32)))
    (memory (export \"memory\") 1)
    (data (i32.const 0) \"the guest says hi\")
    (func (export \"square\") (param i32) (result i32) local.get 0 local.get 0 i32.mul)
    (func (export \"main\") i32.const 0 i32.const 17 call $log))"
    {:imports {"env" {"log" (fn [ptr len]
                              (println "log:" (wasm/read-string inst ptr len))
                              (println "and 12 squared, asked from inside the import:"
                                       (wasm/call inst "square" 12)))}}}))

(wasm/call inst "main")
