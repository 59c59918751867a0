;; Class.getConstructors of JDK classes: the JVM's public constructors, in
;; its order, with their parameter types; newInstance through one.
(println (count (.getConstructors String)))
(println (map #(mapv (fn [c] (.getName c)) (.getParameterTypes %)) (.getConstructors java.util.ArrayList)))
(println (map #(count (.getParameterTypes %)) (.getConstructors java.util.HashMap)))
(println (sort (map #(.getParameterCount %) (.getConstructors java.util.UUID))))
(let [c (first (filter #(= [String] (vec (.getParameterTypes %))) (.getConstructors StringBuilder)))]
  (println (str (.newInstance c (object-array ["ab"]))) (.getName (.getDeclaringClass c))))
(defrecord R [a b])
(println (map #(count (.getParameterTypes %)) (.getConstructors R)))
