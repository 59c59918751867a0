;; Custom pretty-print dispatch with the clojure.pprint functional interface
;; (expected output from JVM 1.11.1).
(require '[clojure.pprint :as pp :refer [pprint pprint-logical-block pprint-newline
                                         pprint-indent print-length-loop write-out]])

(defn my-dispatch [x]
  (cond
    (vector? x)
    (pprint-logical-block :prefix "<" :suffix ">"
      (print-length-loop [s (seq x)]
        (when s
          (write-out (first s))
          (when (next s)
            (.write *out* ", ")
            (pprint-newline :fill)
            (recur (next s))))))
    (map? x)
    (pprint-logical-block :per-line-prefix ";; "
      (doseq [[k v] x]
        (write-out k) (.write *out* " => ") (write-out v)
        (pprint-newline :mandatory)))
    :else (pp/simple-dispatch x)))

(pp/with-pprint-dispatch my-dispatch
  (pprint [1 2 3])
  (pprint (vec (range 40)))
  (binding [*print-length* 5] (pprint (vec (range 40))))
  (pprint {:a 1 :b [1 2 3]})
  (pprint [{:x 1} {:y 2}])
  (pprint '(a list "uses" simple)))

(println "--- indents")
(defn indented [items kind rel n]
  (pprint-logical-block :prefix "(" :suffix ")"
    (write-out (first items))
    (.write *out* " ")
    (pprint-indent rel n)
    (doseq [i (rest items)]
      (pprint-newline kind)
      (write-out i)
      (.write *out* " "))))
(doseq [kind [:linear :fill :miser :mandatory]
        rel [:block :current]
        n [0 2 -1]]
  (println kind rel n)
  (binding [pp/*print-right-margin* 30]
    (pp/with-pprint-dispatch #(if (and (seq? %) (= 'top (first %))) (indented % kind rel n) (pp/simple-dispatch %))
      (pprint '(top alpha beta gamma delta epsilon zeta eta theta)))))

(println "--- per-line-prefix and newlines in strings")
(pp/with-pprint-dispatch
  (fn [x]
    (pprint-logical-block :per-line-prefix "| "
      (print "line one\nline two\nline three")
      (pprint-newline :mandatory)
      (print "after")))
  (pprint :anything))

(println "--- nested prefix blocks")
(pp/with-pprint-dispatch
  (fn [x]
    (pprint-logical-block :prefix "[[" :suffix "]]" :per-line-prefix "  "
      (dotimes [i 3]
        (pprint-logical-block :prefix "{" :suffix "}"
          (print "item") (print " ") (pprint-newline :linear) (print i))
        (pprint-newline :linear))))
  (pprint nil)
  (binding [pp/*print-right-margin* 12] (pprint nil)))

(println "--- level")
(binding [*print-level* 1]
  (pp/with-pprint-dispatch my-dispatch
    (pprint [[1] [2]])))

(println "--- errors")
(defn err [f] (try (f) (catch Exception e (println (.getName (class e)) (.getMessage e)))))
(err #(pp/pprint-tab :line 1 1))
(err #(pp/pprint-tab :bogus 1 1))
(err #(binding [*out* (pp/get-pretty-writer *out*)] (pprint-newline :bogus)))
(err #(binding [*out* (pp/get-pretty-writer *out*)] (pprint-indent :bogus 1)))
