;; Multimethods: defmulti/defmethod, dispatch on a keyword, fn dispatch,
;; multiple arities, named fn tails, calling through apply/map, the method
;; table, re-evaluating defmulti.
(defn err [f] (try (f) (catch Throwable e [(.getName (class e)) (.getMessage e)])))

(defmulti area :shape)
(defmethod area :square [{:keys [s]}] (* s s))
(defmethod area :rect [{:keys [w h]}] (* w h))
(prn (area {:shape :square :s 3}) (area {:shape :rect :w 2 :h 5}))
(prn (map area [{:shape :square :s 1} {:shape :square :s 2}]))
(prn (apply area [{:shape :rect :w 1 :h 7}]))
(prn (err #(area {:shape :triangle})))
(prn (err #(area {})))
(prn (class area) (ifn? area) (fn? area) (instance? clojure.lang.MultiFn area))
(prn (sort (keys (methods area))))
(prn (nil? (get-method area :circle)) (fn? (get-method area :square)))
(prn ((get-method area :square) {:s 4}))

;; re-evaluating defmulti keeps the existing multimethod and its methods
(prn (var? (defmulti again identity)))
(prn (defmulti again identity))
(defmethod again 1 [x] :one)
(defmulti again (fn [x] (inc x)))
(prn (again 1) (count (methods again)))

;; dispatch fn over several args, multi-arity dispatch and methods
(defmulti combine (fn [a b] [(type a) (type b)]))
(defmethod combine [Long Long] [a b] (+ a b))
(defmethod combine [String String] [a b] (str a b))
(defmethod combine :default [a b] [:default a b])
(prn (combine 1 2) (combine "a" "b") (combine 1 "b"))

(defmulti arity (fn ([x] :one) ([x y] :two) ([x y & more] :many)))
(defmethod arity :one [x] [:one x])
(defmethod arity :two named-method ([x y] [:two x y]))
(defmethod arity :many [x y & more] [:many x y more])
(prn (arity 1) (arity 1 2) (arity 1 2 3 4))
(prn (apply arity (range 6)))

;; a recursive multimethod
(defmulti fact (fn [n] (if (zero? n) :zero :pos)))
(defmethod fact :zero [_] 1)
(defmethod fact :pos [n] (* n (fact (dec n))))
(prn (fact 10))

;; the return values of defmethod, remove-method and friends
(defmulti rm identity)
(prn (= rm (defmethod rm :a [_] :a)))
(defmethod rm :b [_] :b)
(prn (= rm (remove-method rm :a)) (sort (keys (methods rm))))
(prn (err #(rm :a)))
(prn (= rm (remove-method rm :never)))
(prn (= rm (remove-all-methods rm)) (methods rm) (prefers rm))
(prn (err #(rm :b)))

;; nil and other dispatch values in messages
(defmulti ident identity)
(prn (err #(ident nil)))
(prn (err #(ident "str")))
(prn (err #(ident [1 "a" nil :k])))
(prn (err #(ident 'sym)))
(prn (err #(ident {:a 1})))

;; docstring and attr-map
(defmulti documented "Some docs." {:added "x"} :kind)
(prn (:doc (meta #'documented)) (:added (meta #'documented)))

;; errors from wrong arguments
(prn (err #(methods 1)))
(prn (err #(get-method :x 1)))
(defn cause [f] (try (f) (catch Throwable e (let [c (.getCause e)] [(.getName (class c)) (.getMessage c)]))))
(prn (cause #(eval '(defmulti bad identity :default))))
(prn (cause #(eval '(defmulti bad identity :foo 1))))
(prn (cause #(eval '(defmulti bad identity :default 1 :x))))
(prn (macroexpand-1 '(defmethod foo :a [x] x)))
(prn (str (class area)))
(println (subs (pr-str area) 0 30))
