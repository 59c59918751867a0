;; Reference cycles through cells: the live ones keep working across cycle
;; collections (made to run by (System/gc) and by the garbage cycles made
;; in loops), the garbage ones are never observed.
(def a (atom nil))
(reset! a {:self a :n 1})
(System/gc)
(println (:n @(:self @a)) (identical? a (:self @a)))

;; garbage cycles of many kinds, enough of them to trigger collections
(deftype Node [^:volatile-mutable nxt]
  clojure.lang.IDeref
  (deref [_] nxt)
  Object
  (toString [this] (set! nxt this) "node"))

(defn garbage [i]
  (let [b (atom nil)] (reset! b (fn [] [@b i])))
  (let [v (volatile! nil)] (vreset! v [v i]))
  (letfn [(f [] g) (g [] f)] (f))
  (let [p (promise) d (delay [@p i])] (deliver p d) @d)
  (let [r (ref nil)] (dosync (ref-set r [r i])))
  (let [c (atom nil) s (lazy-seq (cons i @c))] (reset! c s) (first s))
  (str (Node. nil)))

;; live cycles of the same kinds, held by a local across collections
(defn live [i]
  (let [b (atom nil) v (volatile! nil) p (promise) d (delay [@p i])
        r (ref nil) c (atom nil) s (lazy-seq (cons i @c)) n (Node. nil)]
    (reset! b (fn [] [@b i]))
    (vreset! v [v i])
    (deliver p d)
    (dosync (ref-set r [r i]))
    (reset! c s)
    (str n)
    (letfn [(ev? [k] (if (zero? k) true (od? (dec k))))
            (od? [k] (if (zero? k) false (ev? (dec k))))]
      {:b b :v v :d d :r r :s s :n n :ev? ev?})))

(defn check [m i]
  [(= i (second ((deref (:b m)))))
   (identical? (:v m) (first @(:v m)))
   (= i (second @(:d m)))
   (identical? (:r m) (first @(:r m)))
   (= [i i i] (take 3 (:s m)))
   (identical? (:n m) @(:n m))
   ((:ev? m) 10)])

(def kept (mapv live (range 500)))
(dotimes [i 3000] (garbage i))
(System/gc)
(dotimes [i 3000] (garbage i))
(println (every? #(every? true? %) (map-indexed (fn [i m] (check m i)) kept)))
(println (frequencies (mapcat #(check %2 %1) (range) kept)))

;; a var's root refering to itself through a map
(def self-ref {:me #'self-ref})
(System/gc)
(println (= (:me self-ref) #'self-ref))

;; with-local-vars and anonymous vars
(def lv (let [v (clojure.lang.Var/create)] (alter-var-root v (constantly {:v v})) v))
(System/gc)
(println (identical? lv (:v @lv)))
