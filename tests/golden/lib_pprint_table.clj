;; clojure.pprint/print-table (expected output from JVM 1.11.1).
(require '[clojure.pprint :refer [print-table]])

(print-table [{:a 1 :b 2} {:a 3 :b 4}])
(print-table [{:name "Alice" :age 30} {:name "Bob" :age 4} {:name "Christopher" :age 101}])
(print-table [:age :name] [{:name "Alice" :age 30} {:name "Bob" :age 4}])
(print-table [:x :missing] [{:x 1} {:x 22 :missing "here"}])
(print-table ["string-key" 'sym 3] [{"string-key" "v" 'sym :s 3 3.5}])
(print-table [])
(print-table [:a] [])
(print-table [{:a nil :b [1 2] :c {:d 1}}])
(print-table [{:long-column-header 1 :b "a much longer value than the header"}])
(prn (with-out-str (print-table [{:k "v"}])))
(print-table (map (fn [i] {:n i :sq (* i i) :cube (* i i i)}) (range 1 11)))
