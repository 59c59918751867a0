;; cljw.json (cljw's thin layer over cheshire/data.json): recorded on the JVM by
;; scripts/record-batteries.sh, which loads src/lib/cljw/json.clj over the real jars.
(require '[cljw.json :as json])
(prn (json/encode {:a 1 :b [1 2.5 "x" nil true]}))
(println (json/encode {:a {:b 1}} {:pretty true}))
(prn (json/decode "{\"a\":{\"b\":[1,2]}}"))
(prn (json/decode "{\"a\":1}" false))
(prn (json/decode "{\"a\":1}" clojure.string/upper-case))
(prn (json/decode-strict "[1,2,{\"k\":null}]"))
(prn (json/read-str "{\"a\":1}" :key-fn keyword))
(prn (json/write-str {:a "é\n"}))
(prn (json/write-str {:a "é"} :escape-unicode false))
(prn (json/decode-stream (java.io.StringReader. "{\"z\":[true]}")))
(let [w (java.io.StringWriter.)] (json/encode-stream {:q 1} w) (prn (str w)))
