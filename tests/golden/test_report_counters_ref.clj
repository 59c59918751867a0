;; clojure.test's *report-counters* is a ref (test.check's clojure-test
;; binds it to one and reads the counts back).
(require '[clojure.test :as t])
(t/deftest one (t/is (= 1 1)) (t/is (= 1 2)))
(binding [t/*report-counters* (ref t/*initial-report-counters*)]
  (t/inc-report-counter :pass)
  (println (instance? clojure.lang.Ref t/*report-counters*) @t/*report-counters*))
(let [out (with-out-str
            (binding [t/*report-counters* (ref t/*initial-report-counters*)
                      t/*test-out* *out*]
              (t/test-var #'one)
              (println "counters" @t/*report-counters*)))]
  (println (re-find #"counters .*" out)))
(let [r (binding [t/*test-out* (java.io.StringWriter.)] (t/run-tests))]
  (println (select-keys r [:test :pass :fail :error])))
