;; Exception classes found by probing clojure.core on odd arguments: a cast
;; of nil is a NullPointerException (the JVM's cast succeeds, the method call
;; fails), 1.11's bigint/bigdec find no constructor for a non-number, to-array
;; refuses scalars, reference options come in pairs.
(defn cls [f] (try (let [r (f)] [:ok r]) (catch Throwable e (.getName (class e)))))
(prn (map cls [#(conj! nil 1) #(disj! nil 1) #(assoc! nil 1 2) #(dissoc! nil 1)
               #(persistent! nil) #(pop! nil) #(vreset! nil 1)
               #(alter-meta! nil inc) #(reset-meta! nil {}) #(nth [1] nil)
               #(subvec nil 0) #(subseq nil > 1) #(chunk-first nil) #(rseq nil)]))
(prn (map cls [#(conj! [] 1) #(vreset! (atom 1) 2) #(nth [1] :a) #(subvec {} 0)]))
(prn (map cls [#(apply alength [nil]) #(apply aclone [nil]) #(apply aget [nil 0])
               #(apply alength [[1]]) #(apply aclone [:k])]))
(defn msg [f] (try (f) (catch Throwable e [(.getName (class e)) (.getMessage e)])))
(prn (msg #(bigint true)) (msg #(bigint :k)) (msg #(bigdec \a)) (msg #(biginteger [1])))
(prn (bigint "12") (bigdec "1.5") (msg #(bigint nil)))
(prn (msg #(to-array 0)) (msg #(to-array :k)) (msg #(to-array true))
     (vec (to-array nil)) (vec (to-array "ab")) (vec (to-array {:a 1})))
(prn (msg #(atom 1 :meta)) (msg #(atom 1 :meta {} :validator)) (msg #(ref 1 :meta))
     @(atom 1 :meta {:a 1}) (meta (atom 1 :meta {:a 1})))
(prn (seq (eduction)) (into [] (eduction)) (sequence (eduction (map inc) [1 2])))
(prn (update-vals [1 2] inc) (update-vals {:a 1} inc) (update-vals (sorted-map :b 1 :a 2) inc)
     (meta (update-vals (with-meta [1] {:m 1}) inc)))
