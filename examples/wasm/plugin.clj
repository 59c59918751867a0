;; A sandboxed plugin: untrusted code runs with a fuel budget and a memory
;; cap. A runaway loop is stopped, reported as data, and the instance can be
;; refuelled and used again.
;; Run: cljw examples/wasm/plugin.clj
(require '[cljw.wasm :as wasm])

(def plugin
  (wasm/load "(module
    (memory (export \"memory\") 1)
    (func (export \"score\") (param i32) (result i32) local.get 0 i32.const 10 i32.mul)
    (func (export \"hang\") (loop br 0)))"
    {:fuel 1000000 :max-memory-bytes (* 4 65536)}))

(defn run-plugin [f & args]
  (try
    {:ok (apply wasm/call plugin f args)}
    (catch clojure.lang.ExceptionInfo e
      {:error (select-keys (ex-data e) [:type :trap])})))

(prn (run-plugin "score" 4))
(prn (run-plugin "hang"))
(prn :fuel-left (wasm/fuel plugin))
(wasm/add-fuel! plugin 1000)
(prn (run-plugin "score" 5))
(prn :grow-beyond-cap (wasm/grow-memory! plugin 10))
(prn (wasm/exports plugin))
