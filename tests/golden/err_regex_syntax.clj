;; A bad pattern throws java.util.regex.PatternSyntaxException (an
;; IllegalArgumentException) with Java's description, index and caret.
(doseq [p ["a(b" "a)b" ")" "*a" "x**" "a|*" "+" "?x" "a{2,1}" "a{" "a{,2}" "a{1"
           "[abc" "[]" "[b-a]" "(?z)" "((a)" "(?<n>a" "ab\\" "(" "[a"]]
  (try (re-pattern p) (println p :compiled)
       (catch java.util.regex.PatternSyntaxException e
         (println "--" (pr-str p))
         (println (.getMessage e)))))
(doseq [p ["a*?b+?c??" "x*+" "x{2}{3}" "[a-]" "[]a]" "(?i)a" "(?<n>a)" "\\Q(\\E" "a{2,}"
           "[a-z&&[^e]]" "\\p{Alpha}+" "(?=a)a" "^*"]]
  (println (pr-str p) (pr-str (re-find (re-pattern p) "aab{1}x-(e"))))
(println (instance? IllegalArgumentException
                    (try (re-pattern "(") (catch Exception e e))))
(println (try (re-find (re-pattern "[") "x") (catch IllegalArgumentException e :iae)))
