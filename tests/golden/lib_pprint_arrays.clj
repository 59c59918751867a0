;; clojure.pprint of Java arrays (expected output from JVM 1.11.1).
(require '[clojure.pprint :as pp :refer [pprint]])
(pprint (int-array [1 2 3]))
(pprint (to-array [1 "a" :b]))
(pprint [(long-array 3) (object-array 0)])
(binding [pp/*print-right-margin* 10] (pprint (int-array (range 10))))
(binding [*print-length* 2] (pprint (int-array (range 10))))
(pprint (.split "a,b" ","))
(pprint (char-array "hi"))
