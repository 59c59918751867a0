;; An odd option list: (apply hash-map ...) names the last key as Java
;; concatenates it (nil is "null"); 1.11 keyword-arg fns take a trailing
;; options map instead.
(defn msg [f] (try (f) (catch Throwable e [(.getName (class e)) (.getMessage e)])))
(defstruct pt :x :y)
(prn (msg #(hash-map nil)) (msg #(hash-map :a 1 "s")) (msg #(array-map 1 2 3))
     (msg #(hash-map 1.5)) (msg #(hash-map [1 nil])) (msg #(sorted-map 'a)))
(prn (msg #(atom 1 :meta)) (msg #(atom 1 :validator nil :meta)) (msg #(ref 1 :min-history))
     (msg #(struct-map pt :x)) (msg #(agent 1 :meta)))
(prn (take 3 (seq (iteration (fn [k] (or k 0)) {:kf inc :initk 5})))
     (take 2 (seq (iteration (fn [k] 1) :kf)))
     (take 3 (seq (iteration (fn [k] (or k 0)) :kf inc {:initk 7})))
     (msg #(iteration inc :a 1 :b)))
