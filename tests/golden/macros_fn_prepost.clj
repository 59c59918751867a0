;; :pre and :post conditions
(defn sqrt-ish [x]
  {:pre [(number? x) (>= x 0)]
   :post [(>= % 0)]}
  (Math/sqrt x))
(prn (sqrt-ish 16))
(prn (try (sqrt-ish -1) (catch AssertionError e (.getMessage e))))
(prn (try (sqrt-ish "x") (catch AssertionError e (.getMessage e))))
(defn bad-post [x] {:post [(pos? %)]} (- x))
(prn (try (bad-post 5) (catch AssertionError e (.getMessage e))))
(prn (bad-post -5))
(def f (fn [x] {:pre [(pos? x)]} (* 2 x)))
(prn (f 4))
(prn (try (f 0) (catch AssertionError e (.getMessage e))))
(defn multi-body [x] {:post [(= % 3)]} (println "side effect") (inc x))
(prn (multi-body 2))
(prn (try (multi-body 5) (catch AssertionError e (.getMessage e))))
(defn only-map [x] {:pre [false]})
(prn (only-map 1))
(defn meta-conds ^{:pre [(pos? x)]} [x] x)
(prn (try (meta-conds -1) (catch AssertionError e (.getMessage e))))
