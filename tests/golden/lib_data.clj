;; clojure.data/diff: atoms, maps, sequentials, sets, arrays, nesting
(require '[clojure.data :refer [diff]])
(prn (diff 1 1) (diff 1 2) (diff nil 1) (diff "abc" "abd"))
(prn (diff {:a 1 :b 2} {:a 1 :b 3}) (diff {:a 1} {:b 2}) (diff {:a {:x 1 :y 2}} {:a {:x 1 :y 3} :c 4}))
(prn (diff [1 2 3] [1 5 3 4]) (diff '(1 2) [1 2]) (diff [1 [2 3]] [1 [2 4]]) (diff [] [1]))
(prn (diff #{1 2 3} #{2 3 4}) (diff #{1} #{1}) (diff #{} #{1}))
(prn (diff {:a [1 2]} {:a [1 3]}) (diff [1 2] {:a 1}) (diff (sorted-map :b 1 :a 2) {:a 2 :b 3}))
(prn (diff {:a nil} {:a nil}) (diff {:a nil} {}) (diff [nil 1] [nil 2]) (diff (range 3) (range 4)))
(prn (diff (int-array [1 2]) [1 3]) (diff {:x #{1 2}} {:x #{2}}))
