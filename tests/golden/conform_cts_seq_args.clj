;; map of two or three colls, interleave of two and zipmap seq every coll
;; before stopping at an empty one, as core.clj's fixed arities do; more
;; colls stop at the first empty one. swap-vals!/reset-vals! cast to IAtom2.
(defn msg [f] (try (f) (catch Throwable e [(.getName (class e)) (.getMessage e)])))
(prn (msg #(doall (map + nil 1))) (msg #(doall (map + [] [1] 2))) (msg #(mapv + nil :k))
     (msg #(doall (mapcat list nil 1))) (msg #(doall (interleave nil 0))) (msg #(zipmap nil 0))
     (msg #(zipmap [1] 2)))
(prn (map + nil [1] [2] 3) (interleave [] [1] 2) (map + [1 2] [10 20 30]) (mapv vector [1] [2] [3])
     (interleave [1 2] [:a :b :c]) (zipmap [:a :b] [1]) (zipmap nil nil))
(prn (msg #(swap-vals! 1 inc)) (msg #(reset-vals! [] 1)) (msg #(reset! :k 1)))
