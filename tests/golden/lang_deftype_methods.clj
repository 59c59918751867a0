;; deftype/reify/defrecord methods: overloads by param type hint at one
;; arity, destructuring params, and set! of mutable fields.
(definterface Render
  (render [^String x])
  (render [^long x])
  (render [x y]))

(deftype R [prefix]
  Render
  (render [_ ^String x] (str prefix "s:" x))
  (render [_ ^long x] (str prefix "n:" (inc x)))
  (render [_ x y] (str prefix x "+" y)))

(let [r (R. ">")]
  (println (.render r "a") (.render r 41) (.render r 1 2)))

(defprotocol Geo (dist [this [x y] {:keys [scale] :or {scale 1}}]))
(defrecord Pt [a b]
  Geo
  (dist [_ [x y] {:keys [scale] :or {scale 1}}]
    (* scale (+ (Math/abs (long (- a x))) (Math/abs (long (- b y)))))))
(println (dist (->Pt 1 1) [4 5] {}) (dist (->Pt 0 0) [1 1] {:scale 10}))

(println ((reify clojure.lang.IFn (invoke [_ [a b]] (+ a b))) [1 2]))
(println (str (reify Object (toString [_] "reified") (equals [this {:keys [k]}] (= k 1)))))

(deftype Counter [^:unsynchronized-mutable n]
  clojure.lang.IDeref
  (deref [_] (set! n (inc n)) n))
(let [c (Counter. 0)] @c @c (println @c))

(deftype Acc [^:volatile-mutable total ^:unsynchronized-mutable calls]
  clojure.lang.IFn
  (invoke [this x] (set! total (+ total x)) (set! calls (inc calls)) this)
  clojure.lang.IDeref
  (deref [_] [total calls]))
(println @((Acc. 1 0) 5))
(println @(-> (Acc. 0 0) (.invoke 1) (.invoke 2) (.invoke 3)))

(deftype Box [^:volatile-mutable v]
  clojure.lang.IDeref (deref [_] v)
  clojure.lang.IFn (invoke [_ f] (set! v (f v)) v))
(let [b (Box. [1])] (b #(conj % 2)) (b #(conj % 3)) (println @b))
