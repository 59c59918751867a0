;; java.net.URI, mutable java.util maps, atomics; extend-protocol over a
;; type given by an expression.
(let [u (java.net.URI. "https://user@example.com:8080/a%20b/c?x=1&y=%41#frag")]
  (println (.getScheme u) (.getHost u) (.getPort u) (.getUserInfo u) (.getPath u) (.getRawPath u))
  (println (.getQuery u) (.getRawQuery u) (.getFragment u) (.isAbsolute u) (str u)))
(let [u (java.net.URI/create "/rel/path")]
  (println (.getHost u) (.getPort u) (.getPath u) (.isAbsolute u) (.getScheme u)))
(let [u (java.net.URI. "mailto:a@b.c")] (println (.isOpaque u) (.getPath u) (.getSchemeSpecificPart u)))
(println (try (java.net.URI. "a b") (catch java.net.URISyntaxException e (class e))))
(println (= (java.net.URI. "x:y") (java.net.URI. "x:y")) (instance? java.net.URI (java.net.URI. "/")))
(let [m (java.util.LinkedHashMap.)]
  (.put m :a 1) (.put m :b 2)
  (println (.put m :a 10) (.get m :a) (.get m :z) (.size m) (.containsKey m :b) (.remove m :b) (.size m))
  (println (.getOrDefault m :q 0) (.isEmpty m) (str m))
  (.putAll m {:c 3})
  (println (sort (.keySet m)) (.computeIfAbsent m :d (reify java.util.function.Function (apply [_ k] (name k)))) (.get m :d)))
(let [w (java.util.WeakHashMap.)] (.put w "k" "v") (println (.get w "k") (class w)))
(let [a (java.util.concurrent.atomic.AtomicLong. 5)]
  (println (.incrementAndGet a) (.getAndAdd a 10) (.get a) (.compareAndSet a 16 1) (.get a) (str a)))
(let [r (java.util.concurrent.atomic.AtomicReference.)]
  (println (.get r) (.compareAndSet r nil :x) (.getAndSet r :y) (.get r)))
(let [i (java.util.concurrent.atomic.AtomicInteger. Integer/MAX_VALUE)] (println (.incrementAndGet i)))
(defprotocol Describe (describe [x]))
(extend-protocol Describe
  (class (long-array 0)) (describe [_] "longs")
  Long (describe [_] "a long"))
(println (describe (long-array 1)) (describe 5))
(println (try (throw (StackOverflowError.)) (catch VirtualMachineError e (class e))))
