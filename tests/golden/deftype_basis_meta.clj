;; getBasis returns a deftype's/defrecord's field symbols with the
;; metadata they were written with.
(deftype T [^String s ^long n ^:unsynchronized-mutable m ^{:tag "[B" :doc "d"} b x])
(prn (T/getBasis))
(prn (map meta (T/getBasis)))
(defrecord R [^String s ^long n x])
(prn (R/getBasis) (map meta (R/getBasis)))
(defrecord R2 [])
(prn (R2/getBasis))
;; The hinted fields still behave as fields.
(def t (T. "a" 2 3 (byte-array 1) :x))
(prn (.-s t) (.-n t) (.-x t))
(def r (->R "s" 1 :x))
(prn r (:s r) (keys r) (= r (map->R {:s "s" :n 1 :x :x})))
(prn (= '[s n x] (R/getBasis)) (mapv name (R/getBasis)))
