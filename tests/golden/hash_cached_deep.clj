;; Collections cache their hash (as the JVM's _hasheq): nesting a
;; collection 20,000 levels deep one level at a time, hashing each level
;; (as set membership and map keys do), stays linear. The hashes are the
;; JVM's, before and after caching, and equal collections of different
;; types still hash alike.
(defn nest [wrap n] (reduce (fn [acc _] (let [w (wrap acc)] (hash w) w)) [] (range n)))

(def deep-vec (nest vector 20000))
(def deep-set (nest hash-set 20000))
(def deep-map (nest (fn [x] {x 1}) 20000))
(def deep-list (nest list 20000))
(println (hash deep-vec) (hash deep-vec))
(println (hash deep-set) (hash deep-set))
(println (hash deep-map) (hash deep-map))
(println (hash deep-list) (hash deep-list))
(println (= (hash deep-vec) (hash (nest vector 20000))))

;; Repeated use as a key: each lookup hashes the key.
(def m (into {} (map (fn [i] [(nest vector (+ 100 i)) i])) (range 50)))
(println (reduce + (map #(get m (nest vector (+ 100 %))) (range 50))))

;; A cached hash survives conj/assoc producing new collections with their
;; own (correct) hashes.
(def v [1 2 3])
(println (hash v) (hash (conj v 4)) (hash (assoc v 0 9)) (hash v) (hash (pop v)))
(def s #{1 2 3})
(println (hash s) (hash (conj s 4)) (hash (disj s 1)) (hash s))
(def hm (zipmap (range 20) (range 20)))
(println (hash hm) (hash (assoc hm 1 :x)) (hash (dissoc hm 1)) (hash hm))
(def am {:a 1 :b 2})
(println (hash am) (hash (assoc am :a 3)) (hash (dissoc am :a)) (hash am))
(println (hash (with-meta v {:m 1})) (hash (with-meta s {:m 1})) (hash (with-meta hm {:m 1})))

;; Transients: the persistent result hashes by its final contents.
(def t (transient #{1 2}))
(conj! t 3)
(def p (persistent! t))
(println (hash p) (= (hash p) (hash #{1 2 3})))
(def tm (transient (zipmap (range 20) (range 20))))
(assoc! tm 100 1)
(println (= (hash (persistent! tm)) (hash (assoc hm 100 1))))

;; Equal values of different types hash alike.
(println (= (hash [1 2 3]) (hash '(1 2 3)) (hash (seq [1 2 3])) (hash (range 1 4))))
(println (= (hash {:a 1}) (hash (hash-map :a 1)) (hash (sorted-map :a 1))))

;; A hash that threw is not cached: the next attempt runs again.
(def tries (atom 0))
(def bad [1 (lazy-seq (swap! tries inc) (throw (ex-info "boom" {})))])
(println (try (hash bad) (catch Exception e (ex-message e))))
(println (try (hash bad) (catch Exception e (ex-message e))) @tries)
