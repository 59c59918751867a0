(require '[clojure.tools.reader :as r] '[clojure.tools.reader.edn :as edn] '[clojure.tools.reader.reader-types :as rt])
(println "loaded")
(prn (r/read-string "(a b {:c [1 2.5 \"s\"]} #{x} \\c 1/2 1N 1.5M)"))
(prn (edn/read-string "{:a [1 2 3] :b #{1} :c \"str\" :d nil}"))
(prn (edn/read-string {:readers {'my/tag (fn [x] [:tagged x])}} "#my/tag 5"))
(prn (edn/read-string {:eof :done} ""))
(binding [r/*read-eval* false] (prn (r/read-string "'x")))
(prn (r/read-string "`(a ~b ~@c)"))
(prn (let [[f args body] (r/read-string "#(+ % %2)")] [f (count args) (first body)]))
(prn (r/read-string "^:m [1]") (meta (r/read-string "^:m [1]")))
(let [rdr (rt/indexing-push-back-reader "(x)\n(y z)")]
  (prn (r/read rdr) (r/read rdr) (rt/get-line-number rdr)))
(let [f (r/read-string "(defn f [x] x)")] (prn (select-keys (meta f) [:line :column])))
(prn (try (edn/read-string "{:a}") (catch Exception e (ex-message e))))
(prn (r/read-string "#:ns{:a 1 :_/b 2}"))
;; #inst: tools.reader's own instant readers (GregorianCalendar, TimeZone,
;; Timestamp) and its print-method for Calendar (format's %t conversions).
(prn (r/read-string "#inst \"2020-01-02T03:04:05.678-05:00\"") (edn/read-string "#inst \"2020\""))
(prn (binding [r/*data-readers* {'inst clojure.tools.reader.default-data-readers/read-instant-calendar}]
       (r/read-string "#inst \"2020-01-02T03:04:05.678-05:00\"")))
(prn (binding [r/*data-readers* {'inst clojure.tools.reader.default-data-readers/read-instant-timestamp}]
       (r/read-string "#inst \"2020-01-02T03:04:05.123456789+01:00\"")))
(prn (try (r/read-string "#inst \"2020-13-02\"") (catch Exception e (ex-message e))))
