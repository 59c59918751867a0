;; java.io.File/createTempFile makes a new empty file named prefix + number
;; + suffix (".tmp" for nil) in java.io.tmpdir or the given directory;
;; deleteOnExit removes it when the program ends.
(import java.io.File)
(let [f (File/createTempFile "cljw-cts" ".txt")
      g (File/createTempFile "cljw-cts" nil)
      dir (.getParentFile f)
      h (File/createTempFile "abc" "-x" dir)]
  (prn (.exists f) (.length f) (.startsWith (.getName f) "cljw-cts") (.endsWith (.getName f) ".txt"))
  (prn (.endsWith (.getName g) ".tmp") (not= f g) (= (.getParent f) (System/getProperty "java.io.tmpdir")))
  (prn (= dir (.getParentFile h)) (.endsWith (.getName h) "-x"))
  (spit f "hello")
  (prn (slurp f) (load-string (pr-str '(+ 1 2))))
  (doseq [x [f g h]] (.deleteOnExit x))
  (prn (.exists f)))
(prn (try (File/createTempFile "ab" ".x") (catch IllegalArgumentException e (.getMessage e))))
