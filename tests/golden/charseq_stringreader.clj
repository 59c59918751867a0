;; A deftype implementing CharSequence is text to re-matcher/re-find;
;; StringBuilder.append(CharSequence, start, end); LispReader's string
;; macro reader reads a literal's body after the opening quote.
(deftype Seg [^CharSequence s ^int offset ^int n]
  CharSequence
  (length [_] n)
  (charAt [_ i] (.charAt s (+ offset i)))
  (subSequence [_ a b] (Seg. s (+ offset a) (- b a)))
  (toString [_] (.toString (doto (StringBuilder. n) (.append s offset (+ offset n))))))

(def seg (Seg. "xxhello world" 2 8))
(prn (str seg) (re-find #"o w" seg) (re-find #"^hel+" seg) (re-matches #"h.*o" seg))
(let [m (re-matcher #"[a-z]+" seg)]
  (prn (.lookingAt m) (.group m)))
(prn (str (.append (StringBuilder. "<") "abcdef" 1 4))
     (try (.append (StringBuilder.) "abc" 2 5)
          (catch IndexOutOfBoundsException e (.getMessage e))))

(let [r (clojure.lang.LispReader$StringReader.)]
  (prn (with-in-str "a\\tb\\\"c\" tail" [(r *in* nil {} nil) (slurp *in*)]))
  (prn (try (r *in* nil) (catch clojure.lang.ArityException e (.getMessage e))))
  (prn (with-in-str "x\\u0041y\"" (r *in* nil {} (java.util.LinkedList.)))))
