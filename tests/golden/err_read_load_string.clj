;; Reader errors from read-string are the reader's own exceptions; from
;; load-string they are wrapped as the JVM's Compiler.load wraps them: a
;; CompilerException "Syntax error reading source at (L:C)." of phase
;; :read-source, the reader's exception as its cause.
(defn show [f]
  (try (f)
       (catch Exception e
         (println (.getName (class e)) "|" (ex-message e) "|" (ex-data e))
         (when-let [c (ex-cause e)]
           (println "  cause" (.getName (class c)) "|" (ex-message c))))))

(show #(read-string "(1 2"))
(show #(read-string "{:a}"))
(show #(read-string "#{1 1}"))
(show #(read-string "\\qq"))
(show #(read-string ")"))
(show #(read-string "[1 2)"))
(show #(load-string "(+ 1 2)\n  (1 2"))
(show #(load-string "{:a}"))
(show #(load-string "\n\n  #{1 1}"))
(show #(load-string "\n  \"abc"))
(show #(load-string "1 \\qq"))
(show #(load-string "  )"))
(show #(load-string "[1 2)"))
