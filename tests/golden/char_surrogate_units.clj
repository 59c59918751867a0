;; A char can hold half of a UTF-16 surrogate pair, as java.lang.Character
;; does: indexed access to a string (.charAt, nth, get) yields code units.
(def s "a\uD834\uDF56b")
(prn (count s) (.length s))
(def h (.charAt s 1))
(def l (.charAt s 2))
(prn (int h) (long l) (int (nth s 1)) (int (get s 2)))
(prn (= h l) (= h (.charAt s 1)) (= h (nth s 1)) (hash h) (hash l))
(prn (compare h l) (compare l \a) (compare \a h))
(prn (map int (sort [l \b h \a])))
(prn (Character/isHighSurrogate h) (Character/isLowSurrogate h)
     (Character/isLowSurrogate l) (Character/isSurrogate l) (Character/isSurrogate \a)
     (try (Character/isHighSurrogate (int h)) (catch ClassCastException _ :cce)))
(prn (Character/toCodePoint h l))
(prn (int (Character/toUpperCase h)) (int (Character/valueOf l)))
(prn (int (char 0xD800)) (int (char 0xDFFF)) (= (char 0xD800) (char 0xD800))
     (= (char 0xD800) (char 0xDC00)) (class (char 0xD800)))
(prn (int (aget (char-array [h l]) 0)) (int (aget (char-array [h l]) 1)))
(prn (unchecked-int h) (int (unchecked-char (int l))))
(prn (contains? #{h} (.charAt s 1)) (get {h :high l :low} (nth s 2)))
;; Splitting by code units and joining the halves back gives the string.
(defn units [^String x]
  (loop [i 0 out []]
    (if (>= i (.length x))
      out
      (let [w (if (Character/isHighSurrogate (.charAt x i)) 2 1)]
        (recur (+ i w) (conj out (subs x i (+ i w))))))))
(prn (units s) (= s (apply str (units s))))
(prn (map #(count (.getBytes ^String % "UTF-8")) (units s)))
