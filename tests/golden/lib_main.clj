;; clojure.main public fns: demunge, root-cause, repl-prompt, ex-triage, ex-str,
;; err->msg, repl-read, skip-whitespace, repl, with-bindings.
(require '[clojure.main :as m])
(prn (m/demunge "clojure.core$map__1234") (m/demunge "my_ns$foo_BANG_"))
(prn (ex-message (m/root-cause (ex-info "a" {} (ex-info "b" {} (IllegalStateException. "c"))))))
(m/repl-prompt) (println)
(prn (with-out-str (m/repl-prompt)))
(prn (m/ex-triage {:via [{:type 'java.lang.ArithmeticException :message "Divide by zero"}]
                   :trace [['clojure.lang.Numbers 'divide "Numbers.java" 188] ['user$f 'invokeStatic "f.clj" 3]]}))
(print (m/ex-str (m/ex-triage {:via [{:type 'java.lang.ArithmeticException :message "Divide by zero"}]
                   :trace [['user$f 'invokeStatic "f.clj" 3]]})))
(print (m/ex-str (m/ex-triage {:phase :compile-syntax-check
                               :via [{:type 'clojure.lang.Compiler$CompilerException
                                      :data {:clojure.error/phase :compile-syntax-check :clojure.error/line 4 :clojure.error/column 2 :clojure.error/source "NO_SOURCE_PATH"}}
                                     {:type 'java.lang.RuntimeException :message "Unable to resolve symbol: x in this context"}]})))
(print (m/ex-str {:clojure.error/phase :read-source :clojure.error/cause "EOF while reading" :clojure.error/line 3}))
(print (m/ex-str {:clojure.error/phase :macroexpansion :clojure.error/symbol 'foo/bar :clojure.error/class 'java.lang.IllegalStateException :clojure.error/cause "nope" :clojure.error/line 9 :clojure.error/column 1 :clojure.error/source "x.clj"}))
(print (m/ex-str {:clojure.error/phase :execution :clojure.error/class 'java.lang.RuntimeException :clojure.error/cause "plain"}))
;; (the file part of the location differs under wasm: only its line:column)
(print (clojure.string/replace (m/err->msg (try (eval '(undefined-sym 1)) (catch Exception e e)))
                               #"\(.*:(\d+:\d+)\)" "(FILE:$1)"))
(prn (binding [*in* (clojure.lang.LineNumberingPushbackReader. (java.io.StringReader. "  (+ 1 2) :x\n[3]"))]
       [(m/repl-read :prompt :exit) (m/repl-read :prompt :exit) (m/repl-read :prompt :exit) (m/repl-read :prompt :exit) (m/repl-read :prompt :exit)]))
(prn (binding [*in* (clojure.lang.LineNumberingPushbackReader. (java.io.StringReader. " ; c\n,x"))]
       [(m/skip-whitespace *in*) (m/skip-whitespace *in*) (m/skip-if-eol *in*)]))
(print (with-out-str
  (binding [*in* (clojure.lang.LineNumberingPushbackReader. (java.io.StringReader. "(+ 1 2)\n(def z 5)\n(* z z)\n(/ 1 0)\n*1\n"))
            *err* *out*]
    (m/repl :prompt #(print "P> ") :caught #(println "caught" (ex-message %))))))
(m/with-bindings (set! *print-length* 2) (prn (range 10)))
(prn (range 3))
(prn m/repl-requires)
