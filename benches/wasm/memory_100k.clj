;; cljw.wasm: 100k string writes and reads of guest memory.
;; expect: 988890
(require '[cljw.wasm :as wasm])
(def inst (wasm/load "(module (memory (export \"memory\") 1))"))
(println (loop [i 0 total 0]
           (if (< i 100000)
             (let [s (str "item-" i)
                   n (wasm/write-string! inst 64 s)]
               (recur (inc i) (+ total (count (wasm/read-string inst 64 n)))))
             total)))
