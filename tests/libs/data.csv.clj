(require '[clojure.data.csv :as csv])
(println "loaded")
(prn (csv/read-csv "a,b,c\n1,2,3\n\"x,y\",\"q\"\"q\",z\n"))
(prn (doall (csv/read-csv "a;b\n1;2" :separator \;)))
(print (with-out-str (csv/write-csv *out* [["a" "b,c"] ["1" "say \"hi\""] ["" "x"]])))
(let [w (java.io.StringWriter.)]
  (csv/write-csv w [["x" "y"] [1 2]] :newline :cr+lf)
  (prn (str w)))
(with-open [r (java.io.StringReader. "h1,h2\nv1,v2\n")]
  (let [[hdr & rows] (doall (csv/read-csv r))]
    (prn (map #(zipmap (map keyword hdr) %) rows))))
