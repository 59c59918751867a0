;; java.io readers: StringReader, BufferedReader, PushbackReader, LineNumberingPushbackReader
(defn err [f] (try (f) (catch Exception e [(.getName (class e)) (ex-message e)])))
(def r (java.io.StringReader. "héllo"))
(prn (class r) (instance? java.io.Reader r) (.ready r))
(prn [(.read r) (.read r) (.read r)])
(prn (slurp r))
(prn (err #(.read r)))
(prn (.read (java.io.StringReader. "")))
(let [br (java.io.BufferedReader. (java.io.StringReader. "a\nb\r\nc"))]
  (prn (class br) [(.readLine br) (.readLine br) (.readLine br) (.readLine br)]))
(let [pr (java.io.PushbackReader. (java.io.StringReader. "ab"))]
  (let [c (.read pr)] (.unread pr c))
  (prn [(.read pr) (.read pr) (.read pr)])
  (prn (err #(do (.unread pr 65) (.unread pr 66)))))
(let [pr (java.io.PushbackReader. (java.io.StringReader. "xyz") 3)]
  (.unread pr (int \c)) (.unread pr (int \b)) (.unread pr (int \a))
  (prn (apply str (map char (repeatedly 6 #(.read pr))))))
(let [ln (clojure.lang.LineNumberingPushbackReader. (java.io.StringReader. "(+ 1\n 2)\n(* 3 4) tail"))]
  (prn (class ln) (instance? java.io.PushbackReader ln))
  (prn (read ln) (.getLineNumber ln))
  (prn (read ln) (.readLine ln) (.getLineNumber ln) (read ln false :eof)))
(prn (read (java.io.PushbackReader. (java.io.StringReader. "[1 2] rest"))))
(prn (meta (read (java.io.PushbackReader. (java.io.StringReader. "(a)")))))
(prn (line-seq (java.io.BufferedReader. (java.io.StringReader. ""))))
(prn (class (line-seq (java.io.BufferedReader. (java.io.StringReader. "a")))))
(prn (vec (line-seq (java.io.BufferedReader. (java.io.StringReader. "x\ny\n")))))
(prn (first (err #(line-seq (java.io.StringReader. "a")))))
(prn (first (err #(read (java.io.StringReader. "a")))))
(prn (let [br (java.io.BufferedReader. (java.io.StringReader. "abc"))] (.close br) (err #(.readLine br))))
(prn (with-open [rd (java.io.BufferedReader. (java.io.StringReader. "1\n2\n3"))]
       (reduce + (map #(Long/parseLong %) (line-seq rd)))))
(prn (load-reader (java.io.StringReader. "(def z 40) (+ z 2)")))
(prn (with-in-str "(* 6 7)" (load-reader *in*)))
