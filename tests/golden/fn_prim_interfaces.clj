;; A fn arity hinted ^long/^double (params or return, at most 4 params, no
;; rest param) implements clojure.lang.IFn's primitive interface (IFn$LL ...):
;; ancestors, instance?, .invokePrim, Class/forName.
(defn f1 ^long [^long x] (inc x))
(defn f2 [^long x ^double y] (+ x y))
(defn f3 ^double [a b] 1.0)
(defn f4 ([^long x] x) ([x y] x) ([a b c & d] a))
(defn f5 [a] a)
(defn names [f] (sort (filter #(.startsWith % "clojure.lang.IFn$") (map #(.getName %) (ancestors (class f))))))
(println (names f1) (names f2) (names f3) (names f4) (names f5))
(println (instance? clojure.lang.IFn$LL f1) (instance? clojure.lang.IFn$LL f5) (instance? clojure.lang.IFn$LDO f2))
(println (.invokePrim f1 3) (.invokePrim f2 1 2.5) (.invokePrim f3 :a :b))
(println (class (Class/forName "clojure.lang.IFn$LD")) (.isInterface clojure.lang.IFn$OL) (.getName clojure.lang.IFn$DDDDD))
(println (let [g (fn ^long [^long x] x)] (instance? clojure.lang.IFn$LL g)))
(println (try (Class/forName "clojure.lang.IFn$OO") (catch ClassNotFoundException e (.getMessage e))))
;; the JVM compiler's errors for primitive-hinted fns
(defn msg [form]
  (try (eval form) :ok
       (catch Exception e [(some-> (.getCause e) class .getName) (.getMessage (or (.getCause e) e))])))
(println (msg '(fn [^long a & r] a)))
(println (msg '(fn ^long [a b c d e] 1)))
(println (msg '(fn [a b c d ^double e] 1)))
(println (msg '(fn [^int a] 1)))
(println (msg '(fn ^int [a] 1)))
(println (msg '(fn [^String a b c d e] 1)) (msg '(fn ([^long a] a) ([a b c d e f] 1))))
