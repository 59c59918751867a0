;; clojure.pprint code-dispatch of forms read from source (expected output from JVM 1.11.1).
(require '[clojure.pprint :as pp :refer [pprint with-pprint-dispatch code-dispatch]])
(def src "(defn process [items]
  (->> items (filter #(> % 10)) (map #(* %1 %2) items) (reduce + 0)))
(defn h [m] (update m :k #(conj (or % []) :v)))
(let [f #(vector %& %1)] (f 1 2 3))
(def ^:private x {:a #{1 2} :b [\\a \\b] :c \"s\"})
(fn [{:keys [a b]} [c & d]] (+ a b c))
(letfn [(f [x] (g x)) (g [y] y)] (f 1))
(try (/ 1 0) (catch ArithmeticException e (.getMessage e)))
(case (foo) (1 2 3) :small (4 5 6) :medium :large)
(defprotocol P (m1 [this]) (m2 [this a]))
(extend-protocol P String (m1 [s] s) (m2 [s a] (str s a)))
(defrecord Rec [a b] P (m1 [this] a) (m2 [this x] (+ a b x)))
(reify Object (toString [this] \"reified\"))
(for [x (range 10) :when (odd? x) :let [y (* x x)]] [x y])
(doto (java.util.HashMap.) (.put \"a\" 1) (.put \"b\" 2))")
(with-pprint-dispatch code-dispatch
  (doseq [f (read-string (str "[" src "]"))]
    (pprint f)))
(binding [pp/*print-right-margin* 40]
  (with-pprint-dispatch code-dispatch
    (doseq [f (read-string (str "[" src "]"))]
      (pprint f))))
