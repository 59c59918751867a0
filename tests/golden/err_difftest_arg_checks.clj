;; Differences found by scripts/difftest.py against JVM Clojure 1.11.1:
;; which check throws first when arguments are wrong.
(defn cls [f] (try (pr-str (f)) (catch Throwable e (.getName (class e)))))

;; clojure.string/replace takes any object's text as s (only the match
;; argument's type is checked: IllegalArgumentException "Invalid match arg").
(println (cls #(clojure.string/replace :b "b" "c")))
(println (cls #(clojure.string/replace 12345 "3" "x")))
(println (cls #(clojure.string/replace [1 2] #"\d" "n")))
(println (cls #(clojure.string/replace 'a/b \/ \.)))
(println (cls #(clojure.string/replace-first 1.5 "." ",")))
(println (cls #(clojure.string/replace :b :b "ab")))
(println (cls #(clojure.string/replace -2.5 'x 'a/b)))
(println (try (clojure.string/replace "ab" 42 "x") (catch IllegalArgumentException e (ex-message e))))
(println (cls #(clojure.string/replace nil "a" "b")))

;; subvec casts to IPersistentVector before checking the bounds.
(println (cls #(subvec (sorted-map 0 0.1) -1)))
(println (cls #(subvec "ab" -1)))
(println (cls #(subvec \z 0 -1)))
(println (cls #(subvec '(1 2 3) 5 1)))
(println (cls #(subvec [1 2 3] -1)))
(println (cls #(subvec [1 2 3] 2 1)))
(println (cls #(subvec [1 2 3] 1)))
(println (cls #(subvec (first {:a 1}) 1)))
