;; count of any CharSequence is its length (RT.countFrom): a StringBuilder,
;; a deftype implementing CharSequence (instaparse's Segment); the
;; StringBuilder's read-only String methods.
(deftype Seg [^String s ^long off ^long n]
  CharSequence
  (length [_] n)
  (charAt [_ i] (.charAt s (+ off i)))
  (subSequence [_ a b] (Seg. s (+ off a) (- b a)))
  (toString [_] (subs s off (+ off n))))
(def sb (doto (StringBuilder.) (.append "hello") (.append " world")))
(println (count sb) (count (Seg. "abcdef" 1 3)) (str (Seg. "abcdef" 1 3)) (count (StringBuffer. "xy")))
(println (.substring sb 1 3) (.substring sb 6) (.subSequence sb 0 5) (.indexOf sb "o")
         (.indexOf sb "o" 5) (.lastIndexOf sb "o") (.isEmpty sb) (.isEmpty (StringBuilder.)))
(println (class (.subSequence sb 0 2)) (re-find #"w.r" sb) (count (.subSequence (Seg. "abcdef" 0 6) 2 5)))
(println (try (count (Object.)) (catch UnsupportedOperationException e (.getMessage e))))
