;; a tiny interpreter for an arithmetic/let/if/lambda language
(declare evaluate)
(defn lookup [env s] (if (contains? env s) (get env s) (throw (ex-info (str "unbound: " s) {:sym s}))))
(defn evaluate [expr env]
  (cond
    (number? expr) expr
    (boolean? expr) expr
    (symbol? expr) (lookup env expr)
    (seq? expr)
    (let [[op & args] expr]
      (case op
        if (let [[c t e] args] (if (evaluate c env) (evaluate t env) (evaluate e env)))
        let (let [[[name val] body] args] (evaluate body (assoc env name (evaluate val env))))
        lambda (let [[[param] body] args] {:closure true :param param :body body :env env})
        (let [f (evaluate op env) vals (map #(evaluate % env) args)]
          (cond (fn? f) (apply f vals)
                (:closure f) (evaluate (:body f) (assoc (:env f) (:param f) (first vals)))
                :else (throw (ex-info "not callable" {:op op}))))))
    :else (throw (ex-info "bad expression" {:expr expr}))))
(def global {'+ + '- - '* * '< < '= =})
(doseq [e ['(+ 1 2)
           '(* (+ 1 2) (- 10 4))
           '(let [x 5] (* x x))
           '(if (< 1 2) 10 20)
           '((lambda [x] (* x 2)) 21)
           '(let [sq (lambda [n] (* n n))] (+ (sq 3) (sq 4)))
           '(let [k 10] (let [add-k (lambda [n] (+ n k))] (add-k 5)))
           'y
           '(1 2)
           "str"]]
  (println (pr-str e) "=>" (try (evaluate e global) (catch clojure.lang.ExceptionInfo ex (str "error: " (ex-message ex))))))
(defn compile-rpn [expr]
  (if (seq? expr) (concat (mapcat compile-rpn (rest expr)) [(first expr)]) [expr]))
(defn run-rpn [code]
  (first (reduce (fn [stack x] (if (symbol? x) (let [[b a & more] stack] (conj more ((global x) a b))) (conj stack x))) () code)))
(let [e '(* (+ 1 2) (- 10 4))] (println (compile-rpn e) (run-rpn (compile-rpn e))))
