;; Records the golden print table from JVM Clojure 1.11.1.
;;
;;   cd tests/data && clojure gen_print_table.clj
;;
;; Reads print_cases.txt (one source form per line), and writes
;;   print_table.tsv  src <TAB> (hash v) <TAB> (pr-str v) <TAB> (str v)
;;   print_order.tsv  src <TAB> (hash v) <TAB> (pr-str v)
;; where v is (read-string src): no evaluation. Fields escape \ as \\,
;; tab as \t, newline as \n and return as \r. print_order.tsv holds hash
;; maps and sets of 9..1000 entries written in insertion order, so the
;; printed order checks the HAMT layout. Like `clojure file.clj`,
;; *print-namespace-maps* is true (clojure.main binds it).
(require '[clojure.string :as str])

(defn esc [s]
  (-> s (str/replace "\\" "\\\\") (str/replace "\t" "\\t")
      (str/replace "\n" "\\n") (str/replace "\r" "\\r")))

(defn row [& fields] (str/join "\t" (map esc fields)))

(binding [*print-namespace-maps* true]
  (let [cases (remove str/blank? (str/split-lines (slurp "print_cases.txt")))]
    (spit "print_table.tsv"
          (str (str/join "\n"
                         (for [src cases]
                           (let [v (read-string src)]
                             (row src (str (hash v)) (pr-str v) (str v)))))
               "\n")))
  (let [lit (fn [open close xs] (str open (str/join " " xs) close))
        sizes [9 10 16 17 31 32 33 50 64 65 100 200 500 1000]
        srcs (concat
              (for [n sizes] (lit "#{" "}" (map str (range n))))
              (for [n [9 33 100 1000]] (lit "#{" "}" (map #(str (- %)) (range 1 (inc n)))))
              (for [n [9 20 100 300]] (lit "#{" "}" (map #(pr-str (str "s" %)) (range n))))
              (for [n [9 20 100 300]] (lit "#{" "}" (map #(str ":k" %) (range n))))
              (for [n [9 20 100]] (lit "#{" "}" (map #(str "[" % " " (* 2 %) "]") (range n))))
              (for [n [9 12 100 200 1000]]
                (lit "{" "}" (map #(str ":k" % " " %) (range n))))
              (for [n [9 50 300]]
                (lit "{" "}" (map #(str (pr-str (str "key" %)) " " %) (range n))))
              (for [n [9 64 500]]
                (lit "{" "}" (map #(str % " " (pr-str (str %))) (range n))))
              (for [n [9 40]]
                (lit "{" "}" (map #(str "[" % "] :v" %) (range n))))
              (for [n [9 100]]
                (lit "{" "}" (map #(str ":ns/k" % " " %) (range n)))))]
    (spit "print_order.tsv"
          (str (str/join "\n"
                         (for [src srcs]
                           (let [v (read-string src)]
                             (row src (str (hash v)) (pr-str v)))))
               "\n"))))
