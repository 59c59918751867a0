;; Parse + generate a ~10 MB JSON document with cheshire.core and
;; clojure.data.json; prints the document size and a checked result on
;; stdout, timings (first run, best of 5) on stderr.
;; cljw:  cljw benches/json/json_10mb.clj
;; JVM:   clojure -cp <cheshire, jackson-core, data.json jars> benches/json/json_10mb.clj
;;        (scripts/record-batteries.sh shows the class path)
(require '[cheshire.core :as ch] '[clojure.data.json :as dj])

(defn doc [n]
  (vec (for [i (range n)]
         {:id i
          :name (str "user" i)
          :email (str "user" i "@example.com")
          :score (* i 1.5)
          :active (even? i)
          :tags ["alpha" "beta" (str "t" (mod i 7))]
          :address {:city "Zürich" :zip (str (+ 10000 i)) :geo [47.37 8.54]}})))

(def data (doc 55000))
(def text (ch/generate-string data))

(defn bench [label f]
  (let [times (vec (for [_ (range 5)]
                     (let [t (System/nanoTime)]
                       (f)
                       (/ (- (System/nanoTime) t) 1e6))))]
    (binding [*out* *err*]
      (println (format "%-28s first %7.1f ms   best %7.1f ms" label (first times) (apply min times))))))

(println (count text))
(bench "cheshire parse-string" #(doall (ch/parse-string text true)))
(bench "cheshire generate-string" #(ch/generate-string data))
(bench "data.json read-str" #(dj/read-str text :key-fn keyword))
(bench "data.json write-str" #(dj/write-str data))
(println (= data (ch/parse-string text true) (dj/read-str text :key-fn keyword)))
(println (= text (ch/generate-string data)) (count (dj/write-str data)))
