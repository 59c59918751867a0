;; java.util maps under get/contains?/find, Pattern's statics,
;; java.lang.ref references, and clojure.core.protocols present without a
;; require (JVM clojure.core loads it itself).
(def m (java.util.HashMap.))
(.put m :x 2)
(.put m [1 2] :vec)
(prn (contains? m :x) (contains? m :y) (get m :x) (get m :y 5) (:x m) (get m [1 2]))
(prn (find m :x) (find m :y) (contains? (java.util.concurrent.ConcurrentHashMap. {:a 1}) :a))

(prn (java.util.regex.Pattern/quote "a.b")
     (java.util.regex.Pattern/quote "x\\Ey")
     (re-find (re-pattern (java.util.regex.Pattern/quote "a.b")) "xa.bx")
     (re-find (re-pattern (java.util.regex.Pattern/quote "a.b")) "xaZbx")
     (re-find (java.util.regex.Pattern/compile "a.b") "xaZb")
     (java.util.regex.Pattern/matches "a.b" "a-b")
     (java.util.regex.Pattern/matches "a.b" "a-bc"))

(let [q (java.lang.ref.ReferenceQueue.)
      r (java.lang.ref.SoftReference. :v q)
      w (java.lang.ref.WeakReference. "s")]
  (prn (.get r) (.get w) (.poll q) (instance? java.lang.ref.Reference r)
       (instance? java.lang.ref.SoftReference r) (.isEnqueued r))
  (.clear r)
  (prn (.get r)))

(deftype KV [m]
  clojure.core.protocols/IKVReduce
  (kv-reduce [_ f init] (reduce-kv f init m)))
(prn (reduce-kv (fn [a _ v] (+ a v)) 0 (KV. {:a 1 :b 2})))
(prn (some? (find-ns 'clojure.core.protocols)))
