;; Part of clojure.pprint: src/lib/mod.rs loads base.clj, cl_format.clj,
;; cl_format_compile.clj, dispatch.clj and print_table.clj as one source.

;;; The directive table: for each directive char, its parameters (name,
;;; default, type) in order, the flags it allows, its bracket info, and a
;;; fn of the compiled params giving the directive's function.

(defn- directive [c params flags bracket-info generator]
  [c {:directive c
      :params params
      :flags flags
      :bracket-info bracket-info
      :generator-fn generator}])

(def ^:private int-params-dxob
  [[:mincol [0 :int]] [:padchar [\space :char]] [:commachar [\, :char]]
   [:commainterval [3 :int]]])

(def ^:private ascii-params
  [[:mincol [0 :int]] [:colinc [1 :int]] [:minpad [0 :int]] [:padchar [\space :char]]])

(def ^:private directive-table
  (into
   {}
   [(directive \A ascii-params #{:at :colon :both} {}
               (fn [params offset] #(format-ascii print-str %1 %2 %3)))
    (directive \S ascii-params #{:at :colon :both} {}
               (fn [params offset] #(format-ascii pr-str %1 %2 %3)))
    (directive \D int-params-dxob #{:at :colon :both} {}
               (fn [params offset] #(format-integer 10 %1 %2 %3)))
    (directive \B int-params-dxob #{:at :colon :both} {}
               (fn [params offset] #(format-integer 2 %1 %2 %3)))
    (directive \O int-params-dxob #{:at :colon :both} {}
               (fn [params offset] #(format-integer 8 %1 %2 %3)))
    (directive \X int-params-dxob #{:at :colon :both} {}
               (fn [params offset] #(format-integer 16 %1 %2 %3)))
    (directive \R (into [[:base [nil :int]]] int-params-dxob) #{:at :colon :both} {}
               (fn [params offset]
                 (cond
                   (first (:base params)) #(format-integer (:base %1) %1 %2 %3)
                   (and (:at params) (:colon params)) #(format-old-roman %1 %2 %3)
                   (:at params) #(format-new-roman %1 %2 %3)
                   (:colon params) #(format-ordinal-english %1 %2 %3)
                   :else #(format-cardinal-english %1 %2 %3))))
    (directive \P [] #{:at :colon :both} {}
               (fn [params offset]
                 (fn [params navigator offsets]
                   (let [navigator (if (:colon params) (relative-reposition navigator -1) navigator)
                         strs (if (:at params) ["y" "ies"] ["" "s"])
                         [arg navigator] (next-arg navigator)]
                     (print (if (= arg 1) (first strs) (second strs)))
                     navigator))))
    (directive \C [[:char-format [nil :char]]] #{:at :colon :both} {}
               (fn [params offset]
                 (cond
                   (:colon params) pretty-character
                   (:at params) readable-character
                   :else plain-character)))
    (directive \F [[:w [nil :int]] [:d [nil :int]] [:k [0 :int]] [:overflowchar [nil :char]]
                   [:padchar [\space :char]]]
               #{:at} {}
               (fn [params offset] fixed-float))
    (directive \E [[:w [nil :int]] [:d [nil :int]] [:e [nil :int]] [:k [1 :int]]
                   [:overflowchar [nil :char]] [:padchar [\space :char]]
                   [:exponentchar [nil :char]]]
               #{:at} {}
               (fn [params offset] exponential-float))
    (directive \G [[:w [nil :int]] [:d [nil :int]] [:e [nil :int]] [:k [1 :int]]
                   [:overflowchar [nil :char]] [:padchar [\space :char]]
                   [:exponentchar [nil :char]]]
               #{:at} {}
               (fn [params offset] general-float))
    (directive \$ [[:d [2 :int]] [:n [1 :int]] [:w [0 :int]] [:padchar [\space :char]]]
               #{:at :colon :both} {}
               (fn [params offset] dollar-float))
    (directive \% [[:count [1 :int]]] #{} {}
               (fn [params offset]
                 (fn [params arg-navigator offsets]
                   (dotimes [i (:count params)]
                     (prn))
                   arg-navigator)))
    (directive \& [[:count [1 :int]]] #{:pretty} {}
               (fn [params offset]
                 (fn [params arg-navigator offsets]
                   (let [cnt (:count params)]
                     (if (pos? cnt) (fresh-line))
                     (dotimes [i (dec cnt)]
                       (prn)))
                   arg-navigator)))
    (directive \| [[:count [1 :int]]] #{} {}
               (fn [params offset]
                 (fn [params arg-navigator offsets]
                   (dotimes [i (:count params)]
                     (print \formfeed))
                   arg-navigator)))
    (directive \~ [[:n [1 :int]]] #{} {}
               (fn [params offset]
                 (fn [params arg-navigator offsets]
                   (let [n (:n params)]
                     (print (apply str (repeat n \~)))
                     arg-navigator))))
    (directive \newline [] #{:colon :at} {}
               (fn [params offset]
                 (fn [params arg-navigator offsets]
                   (if (:at params)
                     (prn))
                   arg-navigator)))
    (directive \T [[:colnum [1 :int]] [:colinc [1 :int]]] #{:at :pretty} {}
               (fn [params offset]
                 (if (:at params)
                   #(relative-tabulation %1 %2 %3)
                   #(absolute-tabulation %1 %2 %3))))
    (directive \* [[:n [nil :int]]] #{:colon :at} {}
               (fn [params offset]
                 (if (:at params)
                   ;; ~@* goes to argument 0 by default, ~* and ~:* move by 1.
                   (fn [params navigator offsets]
                     (absolute-reposition navigator (or (:n params) 0)))
                   (fn [params navigator offsets]
                     (let [n (or (:n params) 1)]
                       (relative-reposition navigator (if (:colon params) (- n) n)))))))
    (directive \? [] #{:at} {}
               (fn [params offset]
                 (if (:at params)
                   (fn [params navigator offsets]
                     (let [[subformat navigator] (get-format-arg navigator)]
                       (execute-sub-format subformat navigator (:base-args params))))
                   (fn [params navigator offsets]
                     (let [[subformat navigator] (get-format-arg navigator)
                           [subargs navigator] (next-arg navigator)
                           sub-navigator (init-navigator subargs)]
                       (execute-sub-format subformat sub-navigator (:base-args params))
                       navigator)))))
    (directive \( [] #{:colon :at :both} {:right \), :allows-separator nil, :else nil}
               (fn [params offset]
                 (let [mode (cond
                              (and (:at params) (:colon params)) :up
                              (:colon params) :words
                              (:at params) :first
                              :else :down)]
                   #(modify-case mode %1 %2 %3))))
    (directive \) [] #{} {} (fn [params offset] nil))
    (directive \[ [[:selector [nil :int]]] #{:colon :at} {:right \], :allows-separator true, :else :last}
               (fn [params offset]
                 (cond
                   (:colon params) boolean-conditional
                   (:at params) check-arg-conditional
                   :else choice-conditional)))
    (directive \; [[:min-remaining [nil :int]] [:max-columns [nil :int]]] #{:colon} {:separator true}
               (fn [params offset] nil))
    (directive \] [] #{} {} (fn [params offset] nil))
    (directive \{ [[:max-iterations [nil :int]]] #{:colon :at :both} {:right \}, :allows-separator false}
               (fn [params offset]
                 (cond
                   (and (:at params) (:colon params)) iterate-main-sublists
                   (:colon params) iterate-list-of-sublists
                   (:at params) iterate-main-list
                   :else iterate-sublist)))
    (directive \} [] #{:colon} {} (fn [params offset] nil))
    (directive \< [[:mincol [0 :int]] [:colinc [1 :int]] [:minpad [0 :int]] [:padchar [\space :char]]]
               #{:colon :at :both :pretty} {:right \>, :allows-separator true, :else :first}
               (fn [params offset] logical-block-or-justify))
    (directive \> [] #{:colon} {} (fn [params offset] nil))
    (directive \^ [[:arg1 [nil :int]] [:arg2 [nil :int]] [:arg3 [nil :int]]] #{:colon} {}
               (fn [params offset]
                 (fn [params navigator offsets]
                   (let [arg1 (:arg1 params)
                         arg2 (:arg2 params)
                         arg3 (:arg3 params)
                         exit (if (:colon params) :colon-up-arrow :up-arrow)]
                     (cond
                       (and arg1 arg2 arg3)
                       (if (<= arg1 arg2 arg3) [exit navigator] navigator)

                       (and arg1 arg2)
                       (if (= arg1 arg2) [exit navigator] navigator)

                       arg1
                       (if (= arg1 0) [exit navigator] navigator)

                       :else
                       (if (if (:colon params)
                             (empty? (:rest (:base-args params)))
                             (empty? (:rest navigator)))
                         [exit navigator] navigator))))))
    (directive \W [] #{:at :colon :both :pretty} {}
               (fn [params offset]
                 (if (or (:at params) (:colon params))
                   (let [bindings (concat
                                   (if (:at params) [:level nil :length nil] [])
                                   (if (:colon params) [:pretty true] []))]
                     (fn [params navigator offsets]
                       (let [[arg navigator] (next-arg navigator)]
                         (if (apply write arg bindings)
                           [:up-arrow navigator]
                           navigator))))
                   (fn [params navigator offsets]
                     (let [[arg navigator] (next-arg navigator)]
                       (if (write-out arg)
                         [:up-arrow navigator]
                         navigator))))))
    (directive \_ [] #{:at :colon :both} {}
               (fn [params offset] conditional-newline))
    (directive \I [[:n [0 :int]]] #{:colon} {}
               (fn [params offset] set-indent))]))

;;; Compiling format strings

(def ^:private special-params #{:parameter-from-args :remaining-arg-count})

;; One parameter at the start of s: V, #, 'c, a signed integer, or nothing
;; before a comma. Returns [token-string rest-of-s] or nil.
(defn- scan-param [s]
  (let [c (first s)]
    (cond
      (nil? c) nil
      (#{\v \V \#} c) [(str c) (subs s 1)]
      (and (= c \') (> (count s) 1)) [(subs s 0 2) (subs s 2)]
      (or (Character/isDigit c)
          (and (#{\+ \-} c) (> (count s) 1) (Character/isDigit (nth s 1))))
      (let [n (loop [i 1] (if (and (< i (count s)) (Character/isDigit (nth s i))) (recur (inc i)) i))]
        [(subs s 0 n) (subs s n)])
      (= c \,) ["" s]
      :else nil)))

(defn- extract-param [[s offset saw-comma]]
  (if-let [[token-str remainder] (scan-param s)]
    (let [new-offset (+ offset (- (count s) (count remainder)))]
      (if (not (= \, (first remainder)))
        [[token-str offset] [remainder new-offset false]]
        [[token-str offset] [(subs remainder 1) (inc new-offset) true]]))
    (if saw-comma
      (format-error "Badly formed parameters in format directive" offset)
      [nil [s offset]])))

(defn- extract-params [s offset]
  (consume extract-param [s offset false]))

(defn- translate-param [[p offset]]
  [(cond
     (= (count p) 0) nil
     (and (= (count p) 1) (contains? #{\v \V} (nth p 0))) :parameter-from-args
     (and (= (count p) 1) (= \# (nth p 0))) :remaining-arg-count
     (and (= (count p) 2) (= \' (nth p 0))) (nth p 1)
     :else (Long/parseLong (if (= \+ (first p)) (subs p 1) p)))
   offset])

(def ^:private flag-defs {\: :colon, \@ :at})

(defn- extract-flags [s offset]
  (consume
   (fn [[s offset flags]]
     (if (empty? s)
       [nil [s offset flags]]
       (let [flag (get flag-defs (first s))]
         (if flag
           (if (contains? flags flag)
             (format-error
              (str "Flag \"" (first s) "\" appears more than once in a directive")
              offset)
             [true [(subs s 1) (inc offset) (assoc flags flag [true offset])]])
           [nil [s offset flags]]))))
   [s offset {}]))

(defn- check-flags [def flags]
  (let [allowed (:flags def)]
    (if (and (not (:at allowed)) (:at flags))
      (format-error (str "\"@\" is an illegal flag for format directive \"" (:directive def) "\"")
                    (nth (:at flags) 1)))
    (if (and (not (:colon allowed)) (:colon flags))
      (format-error (str "\":\" is an illegal flag for format directive \"" (:directive def) "\"")
                    (nth (:colon flags) 1)))
    (if (and (not (:both allowed)) (:at flags) (:colon flags))
      (format-error (str "Cannot combine \"@\" and \":\" flags for format directive \""
                         (:directive def) "\"")
                    (min (nth (:colon flags) 1) (nth (:at flags) 1))))))

(defn- param-type-ok? [type val]
  (case type
    :int (integer? val)
    :char (char? val)))

(defn- java-class-name [type]
  (case type :int "java.lang.Integer" :char "java.lang.Character"))

(defn- map-params [def params flags offset]
  (check-flags def flags)
  (if (> (count params) (count (:params def)))
    (format-error
     (cl-format
      nil
      "Too many parameters for directive \"~C\": ~D~:* ~[were~;was~:;were~] specified but only ~D~:* ~[are~;is~:;are~] allowed"
      (:directive def) (count params) (count (:params def)))
     (second (first params))))
  (doall
   (map #(let [val (first %1)]
           (if (not (or (nil? val) (contains? special-params val)
                        (param-type-ok? (second (second %2)) val)))
             (format-error (str "Parameter " (name (first %2))
                                " has bad type in directive \"" (:directive def) "\": "
                                (class val))
                           (second %1))))
        params (:params def)))
  ;; Defaults first, in reverse order (as the JVM builds this array map:
  ;; V parameters are taken from the arguments in this order), then the
  ;; given parameters, then the flags.
  (merge
   (into (array-map)
         (reverse (for [[name [default]] (:params def)] [name [default offset]])))
   (reduce #(apply assoc %1 %2) {} (filter #(first (nth % 1))
                                           (map vector (map first (:params def)) params)))
   flags))

(defn- compile-directive [s offset]
  (let [[raw-params [rest offset]] (extract-params s offset)
        [_ [rest offset flags]] (extract-flags rest offset)
        directive (first rest)
        def (if directive (get directive-table (Character/toUpperCase directive)))
        params (if def (map-params def (map translate-param raw-params) flags offset))]
    (if (not directive)
      ;; The JVM upper-cases the missing char before this check.
      (throw (NullPointerException.
              "Cannot invoke \"java.lang.Character.charValue()\" because \"directive\" is null")))
    (if (not def)
      (format-error (str "Directive \"" directive "\" is undefined") offset))
    [{:func ((:generator-fn def) params offset) :def def :params params :offset offset
      :static (static-params params)}
     (let [remainder (subs rest 1)
           offset (inc offset)
           trim? (and (= \newline (:directive def))
                      (not (:colon params)))
           trim-count (if trim? (prefix-count remainder [\space \tab]) 0)
           remainder (subs remainder trim-count)
           offset (+ offset trim-count)]
       [remainder offset])]))

(defn- compile-raw-string [s offset]
  {:func (fn [_ a _] (print s) a) :def nil :params {} :string s :offset offset
   :static [{} {}]})

(defn- right-bracket [this] (:right (:bracket-info (:def this))))
(defn- separator? [this] (:separator (:bracket-info (:def this))))
(defn- else-separator? [this]
  (and (:separator (:bracket-info (:def this)))
       (:colon (:params this))))

(declare collect-clauses)

(defn- process-bracket [this remainder]
  (let [[subex remainder] (collect-clauses (:bracket-info (:def this))
                                           (:offset this) remainder)]
    (let [params (merge (:params this) (tuple-map subex (:offset this)))]
      [(assoc this :params params :static (static-params params))
       remainder])))

(defn- process-clause [bracket-info offset remainder]
  (consume
   (fn [remainder]
     (if (empty? remainder)
       (format-error "No closing bracket found." offset)
       (let [this (first remainder)
             remainder (next remainder)]
         (cond
           (right-bracket this)
           (process-bracket this remainder)

           (= (:right bracket-info) (:directive (:def this)))
           [nil [:right-bracket (:params this) nil remainder]]

           (else-separator? this)
           [nil [:else nil (:params this) remainder]]

           (separator? this)
           [nil [:separator nil nil remainder]]

           :else
           [this remainder]))))
   remainder))

(defn- collect-clauses [bracket-info offset remainder]
  (second
   (consume
    (fn [[clause-map saw-else remainder]]
      (let [[clause [type right-params else-params remainder]]
            (process-clause bracket-info offset remainder)]
        (cond
          (= type :right-bracket)
          [nil [(merge-with concat clause-map
                            {(if saw-else :else :clauses) [clause]
                             :right-params right-params})
                remainder]]

          (= type :else)
          (cond
            (:else clause-map)
            (format-error "Two else clauses (\"~:;\") inside bracket construction." offset)

            (not (:else bracket-info))
            (format-error "An else clause (\"~:;\") is in a bracket type that doesn't support it."
                          offset)

            (and (= :first (:else bracket-info)) (seq (:clauses clause-map)))
            (format-error
             "The else clause (\"~:;\") is only allowed in the first position for this directive."
             offset)

            :else
            (if (= :first (:else bracket-info))
              [true [(merge-with concat clause-map {:else [clause] :else-params else-params})
                     false remainder]]
              [true [(merge-with concat clause-map {:clauses [clause]})
                     true remainder]]))

          (= type :separator)
          (cond
            saw-else
            (format-error "A plain clause (with \"~;\") follows an else clause (\"~:;\") inside bracket construction." offset)

            (not (:allows-separator bracket-info))
            (format-error "A separator (\"~;\") is in a bracket type that doesn't support it."
                          offset)

            :else
            [true [(merge-with concat clause-map {:clauses [clause]})
                   false remainder]]))))
    [{:clauses []} false remainder])))

(defn- process-nesting [format]
  (first
   (consume
    (fn [remainder]
      (let [this (first remainder)
            remainder (next remainder)
            bracket (:bracket-info (:def this))]
        (if (:right bracket)
          (process-bracket this remainder)
          [this remainder])))
    format)))

(defn- compile-format [format-str]
  (binding [*format-str* format-str]
    (process-nesting
     (first
      (consume
       (fn [[s offset]]
         (if (empty? s)
           [nil s]
           (let [tilde (str/index-of s \~)]
             (cond
               (nil? tilde) [(compile-raw-string s offset) ["" (+ offset (count s))]]
               (zero? tilde) (compile-directive (subs s 1) (inc offset))
               :else
               [(compile-raw-string (subs s 0 tilde) offset) [(subs s tilde) (+ tilde offset)]]))))
       [format-str 0])))))

(defn- needs-pretty [format]
  (loop [format format]
    (if (empty? format)
      false
      (if (or (:pretty (:flags (:def (first format))))
              (some needs-pretty (first (:clauses (:params (first format)))))
              (some needs-pretty (first (:else (:params (first format))))))
        true
        (recur (next format))))))

(defn- execute-format
  ([stream format args]
   (let [real-stream (cond
                       (not stream) (java.io.StringWriter.)
                       (true? stream) *out*
                       :else stream)
         wrapped-stream (if (and (needs-pretty format)
                                 (not (pretty-writer? real-stream)))
                          (get-pretty-writer real-stream)
                          real-stream)]
     (binding [*out* wrapped-stream]
       (try
         (execute-format format args)
         (finally
           (if-not (identical? real-stream wrapped-stream)
             (.flush wrapped-stream))))
       (if (not stream) (.toString real-stream)))))
  ([format args]
   (map-passing-context
    (fn [element context]
      (if (abort? context)
        [nil context]
        (let [[[params offsets] args] (realize-params element context)
              params (assoc params :base-args args)]
          [nil (call-directive element params args offsets)])))
    args
    format)
   nil))

(def ^:private cached-compile (memoize compile-format))

(defmacro ^{:added "1.2"} formatter
  "Makes a function which can directly run format-in. The function is
fn [stream & args] ... and returns nil unless the stream is nil (meaning
output to a string) in which case it returns the resulting string.

format-in can be either a control string or a previously compiled format."
  [format-in]
  `(let [format-in# ~format-in
         cf# (if (string? format-in#) (#'clojure.pprint/cached-compile format-in#) format-in#)]
     (fn [stream# & args#]
       (let [navigator# (#'clojure.pprint/init-navigator args#)]
         (#'clojure.pprint/execute-format stream# cf# navigator#)))))

(defmacro ^{:added "1.2"} formatter-out
  "Makes a function which can directly run format-in. The function is
fn [& args] ... and returns nil. This version of the formatter macro is
designed to be used with *out* set to an appropriate Writer. In particular,
this is meant to be used as part of a pretty printer dispatch method.

format-in can be either a control string or a previously compiled format."
  [format-in]
  `(let [format-in# ~format-in
         cf# (if (string? format-in#) (#'clojure.pprint/cached-compile format-in#) format-in#)]
     (fn [& args#]
       (let [navigator# (#'clojure.pprint/init-navigator args#)]
         (#'clojure.pprint/execute-format cf# navigator#)))))

