;; PatternSyntaxException messages (description, index, caret) for named
;; groups, back references, ranges cut short, huge counts, hex escapes and
;; unknown properties; the exception comes from java.util.regex.Pattern.
(doseq [p ["[a-" "[a-b" "[^a-" "[a-]" "[-" "[a-\\" "(?<n>a)(?<n>b)" "(?<n>a)\\k<m>" "(?<1a>x)" "(?<n" "\\k<n>" "a{99999999999}" "\\p{Foo}" "\\x{zz}" "[z-a-c]" "(?<ab>x)(?<ab>y)"]]
  (println (pr-str p) (try (str (re-pattern p)) (catch Exception e (str (.getSimpleName (class e)) ": " (ex-message e))))))
(defn compile-it [s] (re-pattern s))
(println (try (compile-it "a[b") (catch Exception e (str (first (.getStackTrace e))))))
(println (try (re-pattern "(?<n>a)(?<n>b)") (catch IllegalArgumentException e (.getSimpleName (class e)))))
