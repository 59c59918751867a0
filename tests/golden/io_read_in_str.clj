;; with-in-str: read-line, line-seq, read (successive forms, rest of line), read+string
(println (with-in-str "hello\nworld" [(read-line) (read-line) (read-line)]))
(prn (with-in-str "a\nb\r\n\nc\n" (doall (line-seq (java.io.BufferedReader. *in*)))))
(prn (with-in-str "(a b) 12 :k\n\"s\" rest of line\nnext"
       [(read) (read) (read) (read) (read-line) (read-line) (read-line)]))
(prn (with-in-str "  \n  (a\n b) [c]" [(meta (read)) (meta (read))]))
(prn (with-in-str "1 2" [(read *in* false :eof) (read *in* false :eof) (read *in* false :eof)]))
(prn (with-in-str "1 ;; c\n 2" [(read {:eof :x} *in*) (read {:eof :x} *in*) (read {:eof :x} *in*)]))
(prn (with-in-str "#?(:clj 1 :cljs 2) #?(:cljs 3 :default 4)"
       [(read {:read-cond :allow} *in*) (read {:read-cond :allow} *in*)]))
(prn (with-in-str " (a  b) c\n  ^:m [d] " [(read+string *in*) (read+string *in*) (read+string *in*)
                                          (read+string *in* false :done)]))
(prn (with-in-str "x)" [(read) (read-line)]))
(prn (with-in-str "abc" (let [r *in*] [(.read r) (.unread r (int \x)) (.read r) (.read r) (.read r) (.read r)])))
(prn (with-in-str "ab\ncd" (let [r *in*] [(.getLineNumber r) (.read r) (.readLine r) (.getLineNumber r)])))
(prn (with-in-str "{:a [1 2 #{3}] :b \"x\\ny\"} 'q `r"
       [(read) (read) (read)]))
(defn forms [s] (with-in-str s (loop [acc []] (let [f (read *in* false ::eof)] (if (= f ::eof) acc (recur (conj acc f)))))))
(prn (forms "(defn f [x]\n  (* x 2))\n\n(f 21)\n; done\n"))
(prn (last (map eval (forms "(def y 5) (+ y 1)"))))
(prn (with-in-str "" [(read-line) (read *in* false nil)]))
(println (with-in-str "line one\nline two\n" (with-out-str (loop [] (when-let [l (read-line)] (println (count l) l) (recur))))))
;; errors
(defn err [f] (try (f) (catch Exception e [(.getName (class e)) (ex-message e)])))
(prn (err #(with-in-str "" (read))))
(prn (err #(with-in-str "(a" (read))))
(prn (err #(with-in-str ")" (read))))
(prn (err #(with-in-str "#?(:clj 1)" (read))))
(prn (err #(read (java.io.PushbackReader. (java.io.StringReader. "(a")))))
(prn (err #(with-in-str "x" (.unread *in* 1) (.unread *in* 2))))
;; stdin of the program is /dev/null
(prn (read-line) (read *in* false :eof) (class *in*))
