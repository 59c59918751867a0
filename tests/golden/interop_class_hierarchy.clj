;; bases / supers / ancestors / isa? / instance? of common classes, as the
;; class registry records them (JDK 17's hierarchy: String and the boxes
;; are Constable, the clojure.lang collections Serializable).
(defn names [cs] (vec (sort (map #(.getName ^Class %) cs))))
(doseq [c [String Long Double Integer Short Byte Float Boolean Character Number Object
           clojure.lang.Keyword clojure.lang.Symbol
           (class []) (class {}) (class (hash-map 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18))
           (class #{}) (class '(1)) (class ()) (class (lazy-seq nil)) (class (seq [1]))
           (class (range 3)) (class (range 1.5 3)) (class (atom 1)) (class (first {1 2})) clojure.lang.Var
           (class (sorted-map)) (class (sorted-set)) clojure.lang.Ratio clojure.lang.BigInt
           java.math.BigDecimal java.math.BigInteger clojure.lang.PersistentQueue StringBuilder
           java.util.UUID java.util.Date java.util.regex.Pattern clojure.lang.Atom clojure.lang.Volatile
           clojure.lang.Delay clojure.lang.Ref clojure.lang.Agent clojure.lang.Namespace clojure.lang.MultiFn
           ArithmeticException Exception RuntimeException Throwable Error AssertionError
           clojure.lang.ExceptionInfo IllegalArgumentException NumberFormatException
           clojure.lang.IPersistentMap clojure.lang.ISeq clojure.lang.IFn java.util.Map java.util.List
           java.util.ArrayList java.util.HashMap java.io.StringWriter java.io.File]]
  (println (.getName ^Class c) (names (bases c)) (names (supers c))))
(prn (names (ancestors (class []))))
(prn (= (ancestors (class [])) (supers (class []))))
(prn (isa? (class []) clojure.lang.IFn) (isa? Long Number) (isa? String Comparable)
     (isa? clojure.lang.ExceptionInfo RuntimeException) (isa? String Number))
(prn (map #(instance? % 1) [Long Number Comparable Object java.io.Serializable Integer]))
(prn (map #(instance? % "s") [String CharSequence Comparable java.io.Serializable]))
(prn (map #(instance? % (ex-info "x" {})) [clojure.lang.IExceptionInfo RuntimeException Throwable java.io.Serializable]))
(prn (map #(instance? % {}) [clojure.lang.IFn java.util.Map clojure.lang.IKVReduce java.io.Serializable java.lang.Iterable]))
(prn (map #(.isInterface ^Class %) [String clojure.lang.IFn java.util.Map Number]))
