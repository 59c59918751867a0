;; (sequence xform coll) is RT.chunkIteratorSeq over a TransformerIterator:
;; it steps the source once when called, then fills 32-item chunks, stepping
;; once past each chunk; dedupe of a coll is (sequence (dedupe) coll).
(def seen (atom []))
(defn f [x] (swap! seen conj x) x)
(defmacro steps [form]
  `(do (reset! seen []) ~form (count @seen)))
(prn (steps (sequence (map f) (range 100))))
(prn (steps (first (sequence (map f) (range 100)))))
(prn (steps (first (sequence (comp (map f) (filter even?)) (range 100)))))
(prn (steps (first (sequence (mapcat (fn [x] (f x) (repeat 10 x))) (range 100)))))
(prn (steps (first (sequence (map f) (map f (range 100))))))
(prn (steps (nth (sequence (map f) (range 100)) 40)))
(prn (steps (first (sequence (map (fn [a b] (f b))) (range 50) (range 100)))))
(prn (steps (first (sequence (take 3) (map f (range 100))))))
(prn (steps (doall (sequence (map f) (range 10)))))
(prn (steps (first (dedupe (map f (range 100))))))
(prn (steps (first (sequence (partition-all 5) (map f (range 7))))))
(let [s (sequence (map inc) (range 5))]
  (prn (class s) (realized? s) (chunked-seq? (seq s)) (class (rest s))))
(prn (class (sequence (map inc) [])) (sequence (map inc) []))
(prn (sequence (partition-all 2) (range 5)))
(prn (sequence (comp (take 2) (map inc)) [1 2 3 4]))
(prn (sequence (map +) [1 2 3] [10 20]))
(prn (sequence (map vector) [1 2] [3 4] [5 6 7]))
;; the source is stepped at once, so a bad one throws at the call
(prn (try (sequence (map inc) 42) :lazy (catch Exception e (class e))))
(prn (try (dedupe 42) :lazy (catch Exception e (class e))))
(prn (try (do (sequence (map #(/ 1 %)) [0]) :no) (catch Exception e (class e))))
