(require '[clojure.java.io :as io])
(import '(java.io File FileOutputStream FileInputStream OutputStreamWriter ByteArrayOutputStream))

(def f (doto (File/createTempFile "cts-io" ".txt") (.deleteOnExit)))

;; FileOutputStream: bytes straight to the file, optionally appending
(let [o (FileOutputStream. f)]
  (println (class o) (instance? java.io.OutputStream o))
  (.write o (.getBytes "abc"))
  (.write o 100)
  (.close o))
(println (slurp f))
(with-open [o (FileOutputStream. (.getPath f) true)]
  (.write o (.getBytes "-more")))
(println (slurp f))
(println (class (io/output-stream (FileOutputStream. f))))

;; OutputStreamWriter over an output stream, with a charset name
(let [b (ByteArrayOutputStream.)
      w (OutputStreamWriter. b "ISO-8859-1")]
  (println (class w) (instance? java.io.Writer w))
  (.write w "é!")
  (.flush w)
  (println (vec (.toByteArray b))))
(with-open [w (OutputStreamWriter. (FileOutputStream. f) "UTF-8")]
  (.write w "über"))
(println (slurp (FileInputStream. f) :encoding "UTF-8"))
(spit (FileOutputStream. f) "spat" :encoding "UTF-8")
(println (slurp f))

;; char and byte arrays as inputs
(println (slurp (.toCharArray "chars")))
(println (slurp (.getBytes "bytes" "UTF-8")))
(let [b (ByteArrayOutputStream.)]
  (io/copy (.toCharArray "xy") b)
  (io/copy (.getBytes "zw") b)
  (println (.toString b)))
(let [w (java.io.StringWriter.)]
  (io/copy (char-array "chars->writer") w)
  (println (str w)))
(with-open [r (io/reader (char-array "line1\nline2"))]
  (println (line-seq r)))

;; the private array-type vars
(println @#'clojure.java.io/byte-array-type @#'clojure.java.io/char-array-type)
(println (= @#'clojure.java.io/byte-array-type (class (byte-array 1))))
(println (:private (meta #'clojure.java.io/char-array-type)))
