;; Java's toString of a collection (str, format "%s", .toString,
;; String/valueOf, string concatenation in messages) prints with the print
;; vars in force, *print-readably* included (RT.printString).
(binding [*print-readably* nil]
  (prn (str ["a" \b {:k "v"}]))
  (prn (print-str ["a" \b]))
  (prn (pr-str ["a" \b]))
  (prn (format "%s" ["a" \b]))
  (prn (format "%s|%s|%s" "a" \c (seq ["q"])))
  (prn (str '("a") (list* "x" ["y"]) #{"s"} (sorted-map "k" "v")))
  (prn (.toString ["a"]))
  (prn (String/valueOf ["a"]))
  (prn (str (ex-info "m" {:a "b"})))
  (prn (str "x" nil \c 1.5 :k 'sym))
  (prn (str (subvec ["a" "b"] 1) (first {"k" "v"}))))
(prn (str ["a" \b]))
(prn (format "%s" ["a" \b]))
(prn (str (ex-info "m" {:a "b"})))
(binding [*print-length* 1] (prn (str [1 2 3]) (format "%s" '(1 2 3))))
(binding [*print-level* 1] (prn (str [[1] 2])))
(binding [*print-meta* true] (prn (str [(with-meta [1] {:m 1})])))
(binding [*print-dup* true] (prn (str ["a"])))
;; println binds *print-readably* to nil while it realises a lazy seq
(println (map str [["a"]]))
(prn (map str [["a"]]))
(println (str ["a"]))
