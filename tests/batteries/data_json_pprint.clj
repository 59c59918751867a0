;; clojure.data.json/pprint, recorded with data.json 2.4.0 on JVM Clojure 1.11.1.
(require '[clojure.data.json :as json])
(json/pprint {:a 1 :b [1 2 {:c "x/é"}] :d nil})
(json/pprint (into {} (for [i (range 12)] [(keyword (str "key" i)) (vec (range i))])))
(json/pprint [1 "two" 3.5])
(json/pprint {:a "é"} :escape-unicode false)
(json/pprint (list 1 (range 30) {:nested {:deeper [true false]}}))
