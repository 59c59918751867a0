(def c (get-proxy-class Object))
(println (class c) (= c (get-proxy-class Object)) (.startsWith (.getName c) "user.proxy$java.lang.Object$"))
(println (-> c construct-proxy (init-proxy {}) (update-proxy {"toString" (fn [_] "chain chain chain")}) str))
(println (-> (proxy [Object] [] (toString [] "superfuzz bigmuff")) (update-proxy {"toString" (fn [_] "chain chain chain")}) str))
(let [p (construct-proxy (get-proxy-class Object clojure.lang.IDeref))]
  (init-proxy p {"deref" (fn [_] 42)})
  (println @p (instance? clojure.lang.IDeref p) (instance? c p) (= (class p) (get-proxy-class Object clojure.lang.IDeref)))
  (println (sort (keys (proxy-mappings p)))))
(println (pr-str (construct-proxy String)) (str (construct-proxy StringBuilder "ab")))
