;; Deep recursion: 900 nested calls work everywhere (the JVM's default stack
;; overflows near 10000 here, wasm32 under wasmtime near 1500; deeper native
;; recursion is tested in tests/cli.rs); a runaway one throws a
;; catchable StackOverflowError (its message is nil).
(defn f [n] (if (zero? n) 0 (inc (f (dec n)))))
(println (f 900))
(println (try (f 1000000) (catch StackOverflowError e [:caught (ex-message e)])))
(println (try (f 1000000) (catch Throwable e (instance? Error e))))
(println (f 100))
