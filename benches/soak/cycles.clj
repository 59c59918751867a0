;; Makes reference cycles through every kind of mutable cell, in a loop,
;; for SOAK_SECONDS (default 60), each holding a 1,000-element payload so a
;; leak shows in RSS at once. scripts/soak-cycles.sh samples its RSS.
(deftype Node [^:volatile-mutable nxt payload]
  clojure.lang.IDeref
  (deref [_] nxt)
  Object
  (toString [this] (set! nxt this) "node"))

(defn payload [i] (vec (range i (+ i 1000))))

(defn cycles [i]
  (let [p (payload i)]
    ;; an atom holding a closure that captures the atom
    (let [a (atom nil)] (reset! a (fn [] [@a p])))
    ;; an atom holding a map that holds the atom, with a watch
    (let [a (atom nil)] (reset! a {:self a :p p}) (add-watch a :w (fn [_ _ _ _] a)))
    ;; a var (not interned) whose root refers to itself through a map
    (let [v (clojure.lang.Var/create)] (alter-var-root v (constantly {:self v :p p})))
    ;; letfn closures capturing each other
    (letfn [(f [] [g p]) (g [] [f p])] (f))
    ;; a volatile, a delay, a promise
    (let [v (volatile! nil)] (vreset! v [v p]))
    (let [pr (promise) d (delay [@pr p])] (deliver pr d) @d)
    ;; a ref, an agent (no action queued)
    (let [r (ref nil)] (dosync (ref-set r [r p])))
    (let [a (atom nil) ag (agent [a p])] (reset! a ag))
    ;; a lazy seq realised through an atom to itself
    (let [a (atom nil) s (lazy-seq (cons p @a))] (reset! a s) (first s))
    ;; a deftype whose mutable field is set to itself
    (str (Node. nil p))
    ;; a reify over an atom that holds it
    (let [a (atom nil)] (reset! a (reify clojure.lang.IDeref (deref [_] [@a p]))))))

(def seconds (Long/parseLong (or (System/getenv "SOAK_SECONDS") "60")))
(def deadline (+ (System/currentTimeMillis) (* 1000 seconds)))

(loop [i 0]
  (if (< (System/currentTimeMillis) deadline)
    (do (cycles i) (recur (inc i)))
    (println "rounds:" i)))
