;; with-out-str and time
(prn (with-out-str (print "a" 1) (println "b") (prn :c)))
(prn (with-out-str))
(prn (with-out-str (with-out-str (print "inner")) (print "outer")))
(def s (with-out-str (prn (time (reduce + (range 1000))))))
(prn (boolean (re-matches #"(?s)\"Elapsed time: [0-9.E-]+ msecs\"\n499500\n" s)))
(prn (let [r (atom nil)] (with-out-str (reset! r (time :val))) @r))
