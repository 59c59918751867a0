;; clojure.pprint layout of data structures (expected output from JVM 1.11.1).
(require '[clojure.pprint :as pp :refer [pprint]])

(def samples
  [nil true 42 -7 3.5 1/3 12345678901234567890N 1.5M \a \space \newline "str" "with \"quotes\" and \\"
   :kw :ns/kw 'sym 'ns/sym
   [] '() {} #{} [1] '(1) {:a 1} #{:x}
   [1 2 3] '(1 2 3) (range 5) (map inc [1 2 3]) (seq [1 2]) (cons 0 '(1 2))
   {:a 1 :b 2 :c 3} (sorted-map :z 1 :y 2 :x 3) (sorted-set 5 3 1 4)
   [[1 2] [3 4] [5 6]] {:a {:b {:c {:d [1 2 3]}}}}
   (vec (range 30)) (range 25) (set (range 12))
   {:name "Alice" :age 30 :roles [:admin :user :guest] :address {:street "123 Long Street Name" :city "Somewhere" :zip "12345"}}
   [{:id 1 :tags #{:a}} {:id 2 :tags #{:b :c}} {:id 3 :tags #{}}]
   (zipmap (map #(keyword (str "key" %)) (range 10)) (range 10))
   (into (sorted-map) (map (fn [i] [i (vec (range i))]) (range 8)))
   ["a string that is fairly long indeed" "another string that is also long" "and a third one"]
   '(a (b (c (d (e (f (g (h (i (j (k (l (m (n (o (p (q (r (s (t (u (v (w (x (y (z))))))))))))))))))))))))))
   (vec (repeat 3 (vec (repeat 3 (vec (range 6))))))
   "line one\nline two"
   ["multi\nline" :after]
   '(quote x) ''x '@a '(var foo) '(clojure.core/deref a) '(clojure.core/unquote u)
   (list 'quote 'a 'b)
   (first {:a 1})
   (java.util.UUID/fromString "f47ac10b-58cc-4372-a567-0e02b2c3d479")
   #inst "2020-01-02T03:04:05.000-00:00"
   #"re[g]ex"
   (conj clojure.lang.PersistentQueue/EMPTY 1 2 3)
   (lazy-seq nil)
   (subvec [1 2 3 4 5] 1 3)
   (array-map :b 1 :a 2)
   {[1 2] "vector key" {:m 1} "map key" nil "nil key"}])

(doseq [x samples]
  (pprint x))

(println "--- margins")
(def big {:id 12345
          :items [{:sku "A-1" :qty 2 :price 9.99} {:sku "B-22" :qty 10 :price 0.5}
                  {:sku "C-333" :qty 1 :price 120.0}]
          :customer {:name "Bob Builder" :email "bob@example.com"
                     :prefs #{:email :sms}}
          :notes ["first note" "second note" "a much longer third note that goes on"]})
(doseq [m [10 20 25 30 35 40 50 60 72 100]]
  (println "margin" m)
  (binding [pp/*print-right-margin* m]
    (pprint big)
    (pprint (vec (range 20)))
    (pprint '(a b c d e f g h i j k l m n o p q r s t u v w x y z))
    (pprint [[1 2 3] [4 5 6] [7 8 9] [10 11 12]])))

(println "--- miser")
(doseq [w [nil 0 10 40 60]]
  (binding [pp/*print-miser-width* w pp/*print-right-margin* 50]
    (pprint big)
    (pp/with-pprint-dispatch pp/code-dispatch
      (pprint '(let [a 1 b 2 ccccccccccccccc 3 ddddddddddddd 4] (+ a b ccccccccccccccc ddddddddddddd))))))

(println "--- no margin")
(binding [pp/*print-right-margin* nil]
  (pprint big))

(println "--- nested depth")
(pprint (reduce (fn [acc i] {(keyword (str "k" i)) acc :i i}) :leaf (range 12)))
(pprint (reduce (fn [acc i] [i acc (str "s" i)]) [] (range 15)))

(println "--- writer arity and return")
(def sw (java.io.StringWriter.))
(prn (pprint {:a 1 :b [1 2]} sw))
(prn (str sw))
(prn (with-out-str (pprint (range 30))))
(print "prefix: ") (pprint (vec (range 25)))

(println "--- write")
(prn (pp/write [1 2 3] :stream nil))
(prn (pp/write (vec (range 30)) :stream nil :right-margin 20))
(prn (pp/write {:a 1 :b 2} :stream nil :pretty false))
(prn (pp/write (range 10) :stream nil :length 3))
(prn (pp/write [[[[1]]]] :stream nil :level 2))
(pp/write '(1 2 3)) (newline)
(prn (pp/write 255 :stream nil :base 16))
(prn (pp/write 255 :stream nil :base 2 :radix true))
(prn (pp/write 10 :stream nil :radix true))
(prn (pp/write 3/4 :stream nil :base 8 :radix true))
(prn (pp/write 255 :stream nil :base 36 :radix true))
(prn (pp/write [255 'a] :stream nil :base 16))

(println "--- suppress namespaces")
(binding [pp/*print-suppress-namespaces* true]
  (pprint '[clojure.core/map foo/bar baz :k/w])
  (pp/with-pprint-dispatch pp/code-dispatch
    (pprint '(clojure.core/let [x 1] (clojure.core/inc x)))))

(println "--- pp")
(def ^:dynamic *one* nil)
(binding [*1 {:x [1 2 3]}] (pp/pp))

(println "--- namespace maps")
(pprint {:a/b 1 :a/c 2})
(binding [*print-namespace-maps* true]
  (pprint {:a/b 1 :a/c 2})
  (pprint {:a/b 1 :c/d 2})
  (pprint {:a/b 1 :c 2})
  (pprint {'x/y 1 'x/z [1 2]})
  (pprint (zipmap (map #(keyword "long.namespace" (str "key" %)) (range 9)) (range 9))))

(println "--- records and types")
(defrecord Point [x y])
(deftype Opaque [v])
(pprint (->Point 1 2))
(pprint [(->Point 1 2) (->Point 3 4)])
(binding [pp/*print-right-margin* 10] (pprint (->Point [1 2 3] {:a 1})))
(println (re-find #"^#object\[user\.Opaque" (with-out-str (pprint (Opaque. 1)))))
