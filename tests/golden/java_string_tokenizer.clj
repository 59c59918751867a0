;; java.util.StringTokenizer: default and custom delimiters, returnDelims, countTokens, enumeration-seq.
(import 'java.util.StringTokenizer)
(defn tokens [t] (loop [acc []] (if (.hasMoreTokens t) (recur (conj acc (.nextToken t))) acc)))
(prn (tokens (StringTokenizer. "  the quick\tbrown\nfox  ")))
(prn (tokens (StringTokenizer. "a=1&b=2&&c=3" "&")))
(prn (tokens (StringTokenizer. "a=1&b=2" "&=" true)))
(let [t (StringTokenizer. "a b c d")]
  (prn (.countTokens t) (.nextToken t) (.countTokens t) (.nextToken t ",") (.hasMoreTokens t) (.countTokens t)))
(prn (enumeration-seq (StringTokenizer. "x y z")) (enumeration-seq (StringTokenizer. "   ")))
(let [t (StringTokenizer. "one")]
  (prn (.nextElement t) (.hasMoreElements t) (try (.nextToken t) (catch java.util.NoSuchElementException e [:nse (.getMessage e)]))))
(prn (instance? java.util.Enumeration (StringTokenizer. "")) (class (StringTokenizer. "")))
