;; clojure.pprint of reference types (identity hashes masked). Expected
;; output from JVM 1.11.1. (No agents: golden programs also run on the
;; wasm32 build, which has no threads.)
(require '[clojure.pprint :as pp :refer [pprint]])

(defn masked [x]
  (clojure.string/replace (with-out-str (pprint x)) #"@[0-9a-f]+|0x[0-9a-f]+" "HASH"))

(print (masked (atom 1)))
(print (masked (atom {:a [1 2 3]})))
(print (masked (ref [1 2])))
(print (masked (volatile! 5)))
(print (masked (delay 1)))
(let [d (delay 2)] @d (print (masked d)))
(let [p (promise)] (print (masked p)) (deliver p :done) (print (masked p)))
(print (masked [(atom 1) (atom 2)]))
(binding [pp/*print-right-margin* 20]
  (print (masked (atom (vec (range 20))))))
(print (masked #'clojure.core/map))
(print (masked (java.lang.Object.)))
