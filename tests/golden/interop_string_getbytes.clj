;; String.getBytes: UTF-8 by default, or the named charset.
(prn (vec (.getBytes "héllo")))
(prn (vec (.getBytes "héllo" "UTF-8")))
(prn (vec (.getBytes "héllo" "ISO-8859-1")))
(prn (vec (.getBytes "h€" "US-ASCII")))
(prn (String. (.getBytes "round trip é") "UTF-8"))
(prn (alength (.getBytes "")))
;; clojure.java.io on a byte array: a ByteArrayInputStream.
(require '[clojure.java.io :as io])
(let [in (io/input-stream (.getBytes "bytes in" "UTF-8"))]
  (prn (class in))
  (prn (slurp in)))
(prn (slurp (.getBytes "slurped")))
