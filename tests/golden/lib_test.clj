;; clojure.test: deftest/is/are/testing, fixtures, run-tests output and summary, custom report
(ns my.test-ns
  (:require [clojure.test :refer :all]))

(deftest arithmetic
  (is (= 4 (+ 2 2)))
  (is (= 5 (+ 2 2)) "two plus two")
  (testing "nested"
    (testing "context"
      (is (< 3 2))))
  (is (thrown? ArithmeticException (/ 1 0)))
  (is (thrown-with-msg? ArithmeticException #"Divide" (/ 1 0)))
  (is (thrown? ArithmeticException (+ 1 1)))
  (is (instance? String 1))
  (is true)
  (is nil "nil is falsey")
  (is (not= 1 1)))

(deftest templated
  (are [x y] (= x y)
    2 (+ 1 1)
    4 (* 2 2)
    5 (inc 5)))

(deftest with-map-diff
  (is (= {:a 1} {:a 2}))
  (is (= [1 2 3] (map inc [0 1 2])))
  (is (empty? [1])))

(deftest- private-test (is (= 1 1)))

(def order (atom []))
(use-fixtures :once (fn [f] (swap! order conj :once-before) (f) (swap! order conj :once-after)))
(use-fixtures :each (fn [f] (swap! order conj :each) (f)))

(prn (run-tests))
(prn @order)
(prn (successful? (run-tests 'my.test-ns)))
(with-test (defn sq [x] (* x x)) (is (= 4 (sq 2))))
(prn (fn? (:test (meta (var sq)))) (some? (:test (meta (var arithmetic)))))
(binding [*test-out* *out*] (prn (test-var #'sq)))
(prn (test-vars [#'templated]))
(prn (function? inc) (function? 'inc))
(defmethod report :custom [m] (println "custom report" (:msg m)))
(report {:type :custom :msg "hi"})
