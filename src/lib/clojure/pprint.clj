;; clojure.pprint for cljw: the pretty printer and cl-format, behaving like
;; JVM Clojure 1.11.1's. The pretty writer (XP layout) is native Rust
;; (src/lib/pprint/), interned into this namespace before this file loads as
;; -pretty-writer, -start-block, -end-block, -nl, -indent, -column, ...

(ns clojure.pprint
  (:require [clojure.string :as str]))

;;; ---------------------------------------------------------------------
;;; Control variables

(def ^:dynamic *print-pretty* true)

(defonce ^:dynamic *print-pprint-dispatch* nil)

(def ^:dynamic *print-right-margin* 72)

(def ^:dynamic *print-miser-width* 40)

(def ^:dynamic ^:private *print-lines* nil)

(def ^:dynamic ^:private *print-circle* nil)

(def ^:dynamic ^:private *print-shared* nil)

(def ^:dynamic *print-suppress-namespaces* nil)

(def ^:dynamic *print-radix* nil)

(def ^:dynamic *print-base* 10)

;; Where we are in the structure (used by pprint-logical-block expansions).
(def ^:dynamic *current-level* 0)

(def ^:dynamic *current-length* nil)

(declare format-simple-number cl-format compile-format execute-format
         init-navigator)

;;; ---------------------------------------------------------------------
;;; Small helpers (the JVM's utilities.clj)

(defn- map-passing-context [func initial-context lis]
  (loop [context initial-context
         lis lis
         acc []]
    (if (empty? lis)
      [acc context]
      (let [[result new-context] (func (first lis) context)]
        (recur new-context (next lis) (conj acc result))))))

(defn- consume [func initial-context]
  (loop [context initial-context
         acc []]
    (let [[result new-context] (func context)]
      (if (not result)
        [acc new-context]
        (recur new-context (conj acc result))))))

(defn- unzip-map [m]
  [(into {} (for [[k [v1 _]] m] [k v1]))
   (into {} (for [[k [_ v2]] m] [k v2]))])

(defn- tuple-map [m v1]
  (into {} (for [[k v] m] [k [v v1]])))

(defn- rtrim [s c]
  (let [len (count s)]
    (if (and (pos? len) (= (nth s (dec len)) c))
      (loop [n (dec len)]
        (cond
          (neg? n) ""
          (not (= (nth s n) c)) (subs s 0 (inc n))
          :else (recur (dec n))))
      s)))

(defn- ltrim [s c]
  (let [len (count s)]
    (if (and (pos? len) (= (nth s 0) c))
      (loop [n 0]
        (if (or (= n len) (not (= (nth s n) c)))
          (subs s n)
          (recur (inc n))))
      s)))

(defn- prefix-count [aseq val]
  (let [test (if (coll? val) (set val) #{val})]
    (loop [pos 0]
      (if (or (= pos (count aseq)) (not (test (nth aseq pos))))
        pos
        (recur (inc pos))))))

(defn- spaces [n] (apply str (repeat n \space)))

;;; ---------------------------------------------------------------------
;;; The write function and friends (pprint_base.clj)

(defn- pr-with-base [x]
  (if-let [s (format-simple-number x)]
    (print s)
    (pr x)))

;; pr, or pr-with-base when a base or radix is in force (the JVM rebinds
;; #'pr to pr-with-base in write and pprint).
(defn- pr* [x]
  (if (or (not (= *print-base* 10)) *print-radix*)
    (pr-with-base x)
    (pr x)))

(def ^:private write-option-table
  {:base 'clojure.pprint/*print-base*,
   :circle 'clojure.pprint/*print-circle*,
   :length 'clojure.core/*print-length*,
   :level 'clojure.core/*print-level*,
   :lines 'clojure.pprint/*print-lines*,
   :miser-width 'clojure.pprint/*print-miser-width*,
   :dispatch 'clojure.pprint/*print-pprint-dispatch*,
   :pretty 'clojure.pprint/*print-pretty*,
   :radix 'clojure.pprint/*print-radix*,
   :readably 'clojure.core/*print-readably*,
   :right-margin 'clojure.pprint/*print-right-margin*,
   :suppress-namespaces 'clojure.pprint/*print-suppress-namespaces*})

(defn- table-ize [t m]
  (apply hash-map (mapcat
                   #(when-let [v (get t (key %))] [(find-var v) (val %)])
                   m)))

(defn- pretty-writer? [x] (-pretty-writer? x))

(defn- make-pretty-writer [base-writer right-margin miser-width]
  (-pretty-writer base-writer right-margin miser-width))

(defmacro ^:private with-pretty-writer [base-writer & body]
  `(let [base-writer# ~base-writer
         new-writer# (not (pretty-writer? base-writer#))]
     (binding [*out* (if new-writer#
                       (make-pretty-writer base-writer# *print-right-margin* *print-miser-width*)
                       base-writer#)]
       ~@body
       (.flush *out*))))

(defn write-out
  "Write an object to *out* subject to the current bindings of the printer control
variables. Use the kw-args argument to override individual variables for this call (and
any recursive calls).

*out* must be a PrettyWriter if pretty printing is enabled. This is the responsibility
of the caller.

This method is primarily intended for use by pretty print dispatch functions that
already know that the pretty printer will have set up their environment appropriately.
Normal library clients should use the standard \"write\" interface. "
  [object]
  (let [length-reached (and
                        *current-length*
                        *print-length*
                        (>= *current-length* *print-length*))]
    (if-not *print-pretty*
      (pr* object)
      (if length-reached
        (print "...")
        (do
          (if *current-length* (set! *current-length* (inc *current-length*)))
          (*print-pprint-dispatch* object))))
    length-reached))

(defn write
  "Write an object subject to the current bindings of the printer control variables.
Use the kw-args argument to override individual variables for this call (and any
recursive calls). Returns the string result if :stream is nil or nil otherwise."
  [object & kw-args]
  (let [options (merge {:stream true} (apply hash-map kw-args))]
    (with-bindings (table-ize write-option-table options)
      (let [optval (if (contains? options :stream)
                     (:stream options)
                     true)
            base-writer (condp = optval
                          nil (java.io.StringWriter.)
                          true *out*
                          optval)]
        (if *print-pretty*
          (with-pretty-writer base-writer
            (write-out object))
          (binding [*out* base-writer]
            (pr* object)))
        (if (nil? optval)
          (.toString base-writer))))))

(defn pprint
  "Pretty print object to the optional output writer. If the writer is not provided,
print the object to the currently bound value of *out*."
  ([object] (pprint object *out*))
  ([object writer]
   (with-pretty-writer writer
     (binding [*print-pretty* true]
       (write-out object))
     ;; The JVM compares 0 with the pretty writer's own (absent) column, so
     ;; the newline is always written.
     (.write *out* (int \newline)))))

(defmacro pp
  "A convenience macro that pretty prints the last thing output. This is
exactly equivalent to (pprint *1)."
  [] `(pprint *1))

(defn set-pprint-dispatch
  "Set the pretty print dispatch function to a function matching (fn [obj] ...)
where obj is the object to pretty print. That function will be called with *out* set
to a pretty printing writer to which it should do its printing."
  [function]
  (let [old-meta (meta #'*print-pprint-dispatch*)]
    (alter-var-root #'*print-pprint-dispatch* (constantly function))
    (alter-meta! #'*print-pprint-dispatch* (constantly old-meta)))
  nil)

(defmacro with-pprint-dispatch
  "Execute body with the pretty print dispatch function bound to function."
  [function & body]
  `(binding [*print-pprint-dispatch* ~function]
     ~@body))

;;; ---------------------------------------------------------------------
;;; The functional interface to the pretty printer

(defn- parse-lb-options [opts body]
  (loop [body body
         acc []]
    (if (opts (first body))
      (recur (drop 2 body) (concat acc (take 2 body)))
      [(apply hash-map acc) body])))

(defn- check-enumerated-arg [arg choices]
  (if-not (choices arg)
    (throw
     (IllegalArgumentException.
      (str "Bad argument: " arg ". It must be one of " choices)))))

(defn level-exceeded []
  (and *print-level* (>= *current-level* *print-level*)))

(defn start-block [w prefix per-line-prefix suffix]
  (-start-block w prefix per-line-prefix suffix))

(defn end-block [w]
  (-end-block w))

(defmacro pprint-logical-block
  "Execute the body as a pretty printing logical block with output to *out* which
must be a pretty printing writer. When used from pprint or cl-format, this can be
assumed.

Before the body, the caller can optionally specify options: :prefix, :per-line-prefix,
and :suffix."
  {:arglists '[[options* body]]}
  [& args]
  (let [[options body] (parse-lb-options #{:prefix :per-line-prefix :suffix} args)]
    `(do (if (clojure.pprint/level-exceeded)
           (.write ^java.io.Writer *out* "#")
           (binding [clojure.pprint/*current-level* (inc clojure.pprint/*current-level*)
                     clojure.pprint/*current-length* 0]
             (clojure.pprint/start-block *out*
                                         ~(:prefix options) ~(:per-line-prefix options) ~(:suffix options))
             ~@body
             (clojure.pprint/end-block *out*)))
         nil)))

(defn pprint-newline
  "Print a conditional newline to a pretty printing stream. kind specifies if the
newline is :linear, :miser, :fill, or :mandatory."
  [kind]
  (check-enumerated-arg kind #{:linear :miser :fill :mandatory})
  (-nl *out* kind))

(defn pprint-indent
  "Create an indent at this point in the pretty printing stream. This defines how
following lines are indented. relative-to can be either :block or :current depending
whether the indent should be computed relative to the start of the logical block or
the current column position. n is an offset."
  [relative-to n]
  (check-enumerated-arg relative-to #{:block :current})
  (-indent *out* relative-to n))

(defn pprint-tab
  "Tab at this point in the pretty printing stream. kind specifies whether the tab
is :line, :section, :line-relative, or :section-relative.

THIS FUNCTION IS NOT YET IMPLEMENTED."
  [kind colnum colinc]
  (check-enumerated-arg kind #{:line :section :line-relative :section-relative})
  (throw (UnsupportedOperationException. "pprint-tab is not yet implemented")))

;; print-length-loop: a loop whose recurs count iterations against
;; *print-length*, printing "..." when it is reached.
(defn- pll-mod-body [var-sym body]
  (letfn [(walk-form [f form]
            (cond
              (list? form) (apply list (map f form))
              (seq? form) (doall (map f form))
              (vector? form) (vec (map f form))
              (map? form) (into (empty form) (map (fn [[k v]] [(f k) (f v)]) form))
              (set? form) (into (empty form) (map f form))
              :else form))
          (inner [form]
            (if (seq? form)
              (let [form (macroexpand form)]
                (condp = (first form)
                  'loop* form
                  'recur (concat `(recur (inc ~var-sym)) (rest form))
                  (walk-form inner form)))
              form))]
    (walk-form inner body)))

(defmacro print-length-loop
  "A version of loop that iterates at most *print-length* times. This is designed
for use in pretty-printer dispatch functions."
  [bindings & body]
  (let [count-var (gensym "length-count")
        mod-body (pll-mod-body count-var body)]
    `(loop ~(apply vector count-var 0 bindings)
       (if (or (not *print-length*) (< ~count-var *print-length*))
         (do ~@mod-body)
         (.write ^java.io.Writer *out* "...")))))

;;; ---------------------------------------------------------------------
;;; cl-format

(defn cl-format
  "An implementation of a Common Lisp compatible format function. cl-format formats its
arguments to an output stream or string based on the format control string given. It
supports sophisticated formatting of structured data.

Writer is an instance of java.io.Writer, true to output to *out* or nil to output
to a string, format-in is the format control string and the remaining arguments
are the data to be formatted."
  [writer format-in & args]
  (let [compiled-format (if (string? format-in) (compile-format format-in) format-in)
        navigator (init-navigator args)]
    (execute-format writer compiled-format navigator)))

(def ^:dynamic ^:private *format-str* nil)

(defn- format-error [message offset]
  (let [full-message (str message \newline *format-str* \newline
                          (spaces offset) "^" \newline)]
    (throw (RuntimeException. full-message))))

;; Argument navigators: the argument list as the format moves through it.

(defn- make-navigator [s rst pos] {:seq s :rest rst :pos pos})

(defn- init-navigator [s]
  (let [s (seq s)]
    (make-navigator s s 0)))

(defn- next-arg [navigator]
  (let [rst (:rest navigator)]
    (if rst
      [(first rst) (make-navigator (:seq navigator) (next rst) (inc (:pos navigator)))]
      (throw (Exception. "Not enough arguments for format definition")))))

(defn- next-arg-or-nil [navigator]
  (let [rst (:rest navigator)]
    (if rst
      [(first rst) (make-navigator (:seq navigator) (next rst) (inc (:pos navigator)))]
      [nil navigator])))

(defn- get-format-arg [navigator]
  (let [[raw-format navigator] (next-arg navigator)
        compiled-format (if (string? raw-format)
                          (compile-format raw-format)
                          raw-format)]
    [compiled-format navigator]))

(declare relative-reposition)

(defn- absolute-reposition [navigator position]
  (if (>= position (:pos navigator))
    (relative-reposition navigator (- (:pos navigator) position))
    (make-navigator (:seq navigator) (drop position (:seq navigator)) position)))

(defn- relative-reposition [navigator position]
  (let [newpos (+ (:pos navigator) position)]
    (if (neg? position)
      (absolute-reposition navigator newpos)
      (make-navigator (:seq navigator) (drop position (:rest navigator)) newpos))))

;; Parameters taken from the argument list (V and #).
(defn- realize-parameter [[param [raw-val offset]] navigator]
  (let [[real-param new-navigator]
        (cond
          (contains? #{:at :colon} param) [raw-val navigator]
          (= raw-val :parameter-from-args) (next-arg navigator)
          (= raw-val :remaining-arg-count) [(count (:rest navigator)) navigator]
          :else [raw-val navigator])]
    [[param [real-param offset]] new-navigator]))

(defn- realize-parameter-list [parameter-map navigator]
  (let [[pairs new-navigator]
        (map-passing-context realize-parameter navigator parameter-map)]
    [(into {} pairs) new-navigator]))

;; ~A and ~S

(declare opt-base-str)

(def ^:private special-radix-markers {2 "#b" 8 "#o", 16 "#x"})

(defn- format-simple-number [n]
  (cond
    (integer? n) (if (= *print-base* 10)
                   (str n (if *print-radix* "."))
                   (str
                    (if *print-radix* (or (get special-radix-markers *print-base*) (str "#" *print-base* "r")))
                    (opt-base-str *print-base* n)))
    (ratio? n) (str
                (if *print-radix* (or (get special-radix-markers *print-base*) (str "#" *print-base* "r")))
                (opt-base-str *print-base* (numerator n))
                "/"
                (opt-base-str *print-base* (denominator n)))
    :else nil))

(defn- format-ascii [print-func params arg-navigator offsets]
  (let [[arg arg-navigator] (next-arg arg-navigator)
        base-output (or (format-simple-number arg) (print-func arg))
        base-width (count base-output)
        min-width (+ base-width (:minpad params))
        width (if (>= min-width (:mincol params))
                min-width
                (+ min-width
                   (* (+ (quot (- (:mincol params) min-width 1)
                               (:colinc params))
                         1)
                      (:colinc params))))
        chars (apply str (repeat (- width base-width) (:padchar params)))]
    (if (:at params)
      (print (str chars base-output))
      (print (str base-output chars)))
    arg-navigator))

;; ~D ~X ~O ~B and numeric ~R

(defn- integral? [x]
  (cond
    (integer? x) true
    (decimal? x) (zero? (rem x 1))
    (float? x) (= x (Math/floor x))
    (ratio? x) (= 0 (rem (numerator x) (denominator x)))
    :else false))

(defn- remainders [base val]
  (reverse
   (first
    (consume #(if (pos? %)
                [(rem % base) (quot % base)]
                [nil nil])
             val))))

(defn- base-str [base val]
  (if (zero? val)
    "0"
    (apply str
           (map
            #(if (< % 10) (char (+ (int \0) %)) (char (+ (int \a) (- % 10))))
            (remainders base val)))))

(def ^:private java-base-formats {8 "%o", 10 "%d", 16 "%x"})

(defn- opt-base-str [base val]
  (let [format-str (get java-base-formats base)]
    (if (and format-str (integer? val) (not (instance? clojure.lang.BigInt val)))
      (clojure.core/format format-str val)
      (base-str base val))))

(defn- group-by* [unit lis]
  (reverse
   (first
    (consume (fn [x] [(seq (reverse (take unit x))) (seq (drop unit x))]) (reverse lis)))))

(defn- format-integer [base params arg-navigator offsets]
  (let [[arg arg-navigator] (next-arg arg-navigator)]
    (if (integral? arg)
      (let [neg (neg? arg)
            pos-arg (if neg (- arg) arg)
            raw-str (opt-base-str base pos-arg)
            group-str (if (:colon params)
                        (let [groups (map #(apply str %) (group-by* (:commainterval params) raw-str))
                              commas (repeat (count groups) (:commachar params))]
                          (apply str (next (interleave commas groups))))
                        raw-str)
            signed-str (cond
                         neg (str "-" group-str)
                         (:at params) (str "+" group-str)
                         :else group-str)
            padded-str (if (< (count signed-str) (:mincol params))
                         (str (apply str (repeat (- (:mincol params) (count signed-str))
                                                 (:padchar params)))
                              signed-str)
                         signed-str)]
        (print padded-str))
      (format-ascii print-str {:mincol (:mincol params) :colinc 1 :minpad 0
                               :padchar (:padchar params) :at true}
                    (init-navigator [arg]) nil))
    arg-navigator))

;; English ~R and ~:R

(def ^:private english-cardinal-units
  ["zero" "one" "two" "three" "four" "five" "six" "seven" "eight" "nine"
   "ten" "eleven" "twelve" "thirteen" "fourteen"
   "fifteen" "sixteen" "seventeen" "eighteen" "nineteen"])

(def ^:private english-ordinal-units
  ["zeroth" "first" "second" "third" "fourth" "fifth" "sixth" "seventh" "eighth" "ninth"
   "tenth" "eleventh" "twelfth" "thirteenth" "fourteenth"
   "fifteenth" "sixteenth" "seventeenth" "eighteenth" "nineteenth"])

(def ^:private english-cardinal-tens
  ["" "" "twenty" "thirty" "forty" "fifty" "sixty" "seventy" "eighty" "ninety"])

(def ^:private english-ordinal-tens
  ["" "" "twentieth" "thirtieth" "fortieth" "fiftieth"
   "sixtieth" "seventieth" "eightieth" "ninetieth"])

(def ^:private english-scale-numbers
  ["" "thousand" "million" "billion" "trillion" "quadrillion" "quintillion"
   "sextillion" "septillion" "octillion" "nonillion" "decillion"
   "undecillion" "duodecillion" "tredecillion" "quattuordecillion"
   "quindecillion" "sexdecillion" "septendecillion"
   "octodecillion" "novemdecillion" "vigintillion"])

(defn- format-simple-cardinal [num]
  (let [hundreds (quot num 100)
        tens (rem num 100)]
    (str
     (if (pos? hundreds) (str (nth english-cardinal-units hundreds) " hundred"))
     (if (and (pos? hundreds) (pos? tens)) " ")
     (if (pos? tens)
       (if (< tens 20)
         (nth english-cardinal-units tens)
         (let [ten-digit (quot tens 10)
               unit-digit (rem tens 10)]
           (str
            (if (pos? ten-digit) (nth english-cardinal-tens ten-digit))
            (if (and (pos? ten-digit) (pos? unit-digit)) "-")
            (if (pos? unit-digit) (nth english-cardinal-units unit-digit)))))))))

(defn- add-english-scales [parts offset]
  (let [cnt (count parts)]
    (loop [acc []
           pos (dec cnt)
           this (first parts)
           remainder (next parts)]
      (if (nil? remainder)
        (str (apply str (interpose ", " acc))
             (if (and (not (empty? this)) (not (empty? acc))) ", ")
             this
             (if (and (not (empty? this)) (pos? (+ pos offset)))
               (str " " (nth english-scale-numbers (+ pos offset)))))
        (recur
         (if (empty? this)
           acc
           (conj acc (str this " " (nth english-scale-numbers (+ pos offset)))))
         (dec pos)
         (first remainder)
         (next remainder))))))

(defn- format-cardinal-english [params navigator offsets]
  (let [[arg navigator] (next-arg navigator)]
    (if (= 0 arg)
      (print "zero")
      (let [abs-arg (if (neg? arg) (- arg) arg)
            parts (remainders 1000 abs-arg)]
        (if (<= (count parts) (count english-scale-numbers))
          (let [parts-strs (map format-simple-cardinal parts)
                full-str (add-english-scales parts-strs 0)]
            (print (str (if (neg? arg) "minus ") full-str)))
          (format-integer
           10
           {:mincol 0, :padchar \space, :commachar \, :commainterval 3, :colon true}
           (init-navigator [arg])
           {:mincol 0, :padchar 0, :commachar 0 :commainterval 0}))))
    navigator))

(defn- format-simple-ordinal [num]
  (let [hundreds (quot num 100)
        tens (rem num 100)]
    (str
     (if (pos? hundreds) (str (nth english-cardinal-units hundreds) " hundred"))
     (if (and (pos? hundreds) (pos? tens)) " ")
     (if (pos? tens)
       (if (< tens 20)
         (nth english-ordinal-units tens)
         (let [ten-digit (quot tens 10)
               unit-digit (rem tens 10)]
           (if (and (pos? ten-digit) (not (pos? unit-digit)))
             (nth english-ordinal-tens ten-digit)
             (str
              (if (pos? ten-digit) (nth english-cardinal-tens ten-digit))
              (if (and (pos? ten-digit) (pos? unit-digit)) "-")
              (if (pos? unit-digit) (nth english-ordinal-units unit-digit))))))
       (if (pos? hundreds) "th")))))

(defn- format-ordinal-english [params navigator offsets]
  (let [[arg navigator] (next-arg navigator)]
    (if (= 0 arg)
      (print "zeroth")
      (let [abs-arg (if (neg? arg) (- arg) arg)
            parts (remainders 1000 abs-arg)]
        (if (<= (count parts) (count english-scale-numbers))
          (let [parts-strs (map format-simple-cardinal (drop-last parts))
                head-str (add-english-scales parts-strs 1)
                tail-str (format-simple-ordinal (last parts))]
            (print (str (if (neg? arg) "minus ")
                        (cond
                          (and (not (empty? head-str)) (not (empty? tail-str)))
                          (str head-str ", " tail-str)

                          (not (empty? head-str)) (str head-str "th")
                          :else tail-str))))
          (do (format-integer
               10
               {:mincol 0, :padchar \space, :commachar \, :commainterval 3, :colon true}
               (init-navigator [arg])
               {:mincol 0, :padchar 0, :commachar 0 :commainterval 0})
              (let [low-two-digits (rem arg 100)
                    not-teens (or (< 11 low-two-digits) (> 19 low-two-digits))
                    low-digit (rem low-two-digits 10)]
                (print (cond
                         (and (== low-digit 1) not-teens) "st"
                         (and (== low-digit 2) not-teens) "nd"
                         (and (== low-digit 3) not-teens) "rd"
                         :else "th")))))))
    navigator))

;; Roman ~@R and ~:@R

(def ^:private old-roman-table
  [["I" "II" "III" "IIII" "V" "VI" "VII" "VIII" "VIIII"]
   ["X" "XX" "XXX" "XXXX" "L" "LX" "LXX" "LXXX" "LXXXX"]
   ["C" "CC" "CCC" "CCCC" "D" "DC" "DCC" "DCCC" "DCCCC"]
   ["M" "MM" "MMM"]])

(def ^:private new-roman-table
  [["I" "II" "III" "IV" "V" "VI" "VII" "VIII" "IX"]
   ["X" "XX" "XXX" "XL" "L" "LX" "LXX" "LXXX" "XC"]
   ["C" "CC" "CCC" "CD" "D" "DC" "DCC" "DCCC" "CM"]
   ["M" "MM" "MMM"]])

(defn- format-roman [table params navigator offsets]
  (let [[arg navigator] (next-arg navigator)]
    (if (and (number? arg) (> arg 0) (< arg 4000))
      (let [digits (remainders 10 arg)]
        (loop [acc []
               pos (dec (count digits))
               digits digits]
          (if (empty? digits)
            (print (apply str acc))
            (let [digit (first digits)]
              (recur (if (= 0 digit)
                       acc
                       (conj acc (nth (nth table pos) (dec digit))))
                     (dec pos)
                     (next digits))))))
      (format-integer
       10
       {:mincol 0, :padchar \space, :commachar \, :commainterval 3, :colon true}
       (init-navigator [arg])
       {:mincol 0, :padchar 0, :commachar 0 :commainterval 0}))
    navigator))

(defn- format-old-roman [params navigator offsets]
  (format-roman old-roman-table params navigator offsets))

(defn- format-new-roman [params navigator offsets]
  (format-roman new-roman-table params navigator offsets))

;; ~C

(def ^:private special-chars {8 "Backspace", 9 "Tab", 10 "Newline", 13 "Return", 32 "Space"})

(defn- pretty-character [params navigator offsets]
  (let [[c navigator] (next-arg navigator)
        as-int (int c)
        base-char (bit-and as-int 127)
        meta (bit-and as-int 128)
        special (get special-chars base-char)]
    (if (> meta 0) (print "Meta-"))
    (print (cond
             special special
             (< base-char 32) (str "Control-" (char (+ base-char 64)))
             (= base-char 127) "Control-?"
             :else (char base-char)))
    navigator))

(defn- readable-character [params navigator offsets]
  (let [[c navigator] (next-arg navigator)]
    (condp = (:char-format params)
      \o (cl-format true "\\o~3,'0o" (int c))
      \u (cl-format true "\\u~4,'0x" (int c))
      nil (pr c))
    navigator))

(defn- plain-character [params navigator offsets]
  (let [[char navigator] (next-arg navigator)]
    (print char)
    navigator))

;; A directive with no function (a stray ~] or ~}) fails as the JVM's
;; (apply nil ...) does.
;; A compiled directive whose parameters take nothing from the arguments
;; keeps them realized (as [params offsets]) in :static.
(defn- static-params [params]
  (when-not (some #(contains? #{:parameter-from-args :remaining-arg-count} (first (val %)))
                  params)
    (unzip-map params)))

;; [[params offsets] navigator] for one directive.
(defn- realize-params [element navigator]
  (if-let [st (:static element)]
    [st navigator]
    (let [[params navigator] (realize-parameter-list (:params element) navigator)]
      [(unzip-map params) navigator])))

(defn- call-directive [element params args offsets]
  (if-let [f (:func element)]
    (f params args offsets)
    (throw (NullPointerException.
            "Cannot invoke \"clojure.lang.IFn.applyTo(clojure.lang.ISeq)\" because \"f\" is null"))))

(defn- abort? [context]
  (let [token (first context)]
    (or (= :up-arrow token) (= :colon-up-arrow token))))

(defn- execute-sub-format [format args base-args]
  (second
   (map-passing-context
    (fn [element context]
      (if (abort? context)
        [nil context]
        (let [[[params offsets] args] (realize-params element context)
              params (assoc params :base-args base-args)]
          [nil (call-directive element params args offsets)])))
    args
    format)))

;; ~F ~E ~G ~$

(defn- float-parts-base [f]
  (let [s (str/lower-case (str f))
        exploc (or (str/index-of s \e) -1)
        dotloc (or (str/index-of s \.) -1)]
    (if (neg? exploc)
      (if (neg? dotloc)
        [s (str (dec (count s)))]
        [(str (subs s 0 dotloc) (subs s (inc dotloc))) (str (dec dotloc))])
      (if (neg? dotloc)
        [(subs s 0 exploc) (subs s (inc exploc))]
        [(str (subs s 0 1) (subs s 2 exploc)) (subs s (inc exploc))]))))

(defn- float-parts [f]
  (let [[m e] (float-parts-base f)
        m1 (rtrim m \0)
        m2 (ltrim m1 \0)
        delta (- (count m1) (count m2))
        e (if (and (pos? (count e)) (= (nth e 0) \+)) (subs e 1) e)]
    (if (empty? m2)
      ["0" 0]
      [m2 (- (Long/parseLong e) delta)])))

(defn- inc-s [s]
  (let [len-1 (dec (count s))]
    (loop [i len-1]
      (cond
        (neg? i) (apply str "1" (repeat (inc len-1) "0"))
        (= \9 (nth s i)) (recur (dec i))
        :else (apply str (subs s 0 i)
                     (char (inc (int (nth s i))))
                     (repeat (- len-1 i) "0"))))))

(defn- round-str [m e d w]
  (if (or d w)
    (let [len (count m)
          w (if w (max 2 w))
          round-pos (cond
                      d (+ e d 1)
                      (>= e 0) (max (inc e) (dec w))
                      :else (+ w e))
          [m1 e1 round-pos len] (if (= round-pos 0)
                                  [(str "0" m) (inc e) 1 (inc len)]
                                  [m e round-pos len])]
      (if round-pos
        (if (neg? round-pos)
          ["0" 0 false]
          (if (> len round-pos)
            (let [round-char (nth m1 round-pos)
                  result (subs m1 0 round-pos)]
              (if (>= (int round-char) (int \5))
                (let [round-up-result (inc-s result)
                      expanded (> (count round-up-result) (count result))]
                  [(if expanded
                     (subs round-up-result 0 (dec (count round-up-result)))
                     round-up-result)
                   e1 expanded])
                [result e1 false]))
            [m e false]))
        [m e false]))
    [m e false]))

(defn- expand-fixed [m e d]
  (let [[m1 e1] (if (neg? e)
                  [(str (apply str (repeat (dec (- e)) \0)) m) -1]
                  [m e])
        len (count m1)
        target-len (if d (+ e1 d 1) (inc e1))]
    (if (< len target-len)
      (str m1 (apply str (repeat (- target-len len) \0)))
      m1)))

(defn- insert-decimal [m e]
  (if (neg? e)
    (str "." m)
    (let [loc (inc e)]
      (str (subs m 0 loc) "." (subs m loc)))))

(defn- get-fixed [m e d]
  (insert-decimal (expand-fixed m e d) e))

(defn- insert-scaled-decimal [m k]
  (if (neg? k)
    (str "." m)
    (str (subs m 0 k) "." (subs m k))))

(defn- convert-ratio [x]
  (if (ratio? x)
    (let [d (double x)]
      (if (== d 0.0)
        (if (not= x 0)
          (bigdec x)
          d)
        (if (or (== d Double/POSITIVE_INFINITY) (== d Double/NEGATIVE_INFINITY))
          (bigdec x)
          d)))
    x))

(defn- fixed-float [params navigator offsets]
  (let [w (:w params)
        d (:d params)
        [arg navigator] (next-arg navigator)
        [sign abs] (if (neg? arg) ["-" (- arg)] ["+" arg])
        abs (convert-ratio abs)
        [mantissa exp] (float-parts abs)
        scaled-exp (+ exp (:k params))
        add-sign (or (:at params) (neg? arg))
        append-zero (and (not d) (<= (dec (count mantissa)) scaled-exp))
        [rounded-mantissa scaled-exp expanded] (round-str mantissa scaled-exp
                                                          d (if w (- w (if add-sign 1 0))))
        fixed-repr (get-fixed rounded-mantissa (if expanded (inc scaled-exp) scaled-exp) d)
        fixed-repr (if (and w d
                            (>= d 1)
                            (= (nth fixed-repr 0) \0)
                            (= (nth fixed-repr 1) \.)
                            (> (count fixed-repr) (- w (if add-sign 1 0))))
                     (subs fixed-repr 1)
                     fixed-repr)
        prepend-zero (= (first fixed-repr) \.)]
    (if w
      (let [len (count fixed-repr)
            signed-len (if add-sign (inc len) len)
            prepend-zero (and prepend-zero (not (>= signed-len w)))
            append-zero (and append-zero (not (>= signed-len w)))
            full-len (if (or prepend-zero append-zero)
                       (inc signed-len)
                       signed-len)]
        (if (and (> full-len w) (:overflowchar params))
          (print (apply str (repeat w (:overflowchar params))))
          (print (str
                  (apply str (repeat (- w full-len) (:padchar params)))
                  (if add-sign sign)
                  (if prepend-zero "0")
                  fixed-repr
                  (if append-zero "0")))))
      (print (str
              (if add-sign sign)
              (if prepend-zero "0")
              fixed-repr
              (if append-zero "0"))))
    navigator))

(defn- exponential-float [params navigator offsets]
  (let [[arg navigator] (next-arg navigator)
        arg (convert-ratio arg)]
    (loop [[mantissa exp] (float-parts (if (neg? arg) (- arg) arg))]
      (let [w (:w params)
            d (:d params)
            e (:e params)
            k (:k params)
            expchar (or (:exponentchar params) \E)
            add-sign (or (:at params) (neg? arg))
            prepend-zero (<= k 0)
            scaled-exp (- exp (dec k))
            scaled-exp-str (str (Math/abs scaled-exp))
            scaled-exp-str (str expchar (if (neg? scaled-exp) \- \+)
                                (if e (apply str
                                             (repeat
                                              (- e
                                                 (count scaled-exp-str))
                                              \0)))
                                scaled-exp-str)
            exp-width (count scaled-exp-str)
            base-mantissa-width (count mantissa)
            scaled-mantissa (str (apply str (repeat (- k) \0))
                                 mantissa
                                 (if d
                                   (apply str
                                          (repeat
                                           (- d (dec base-mantissa-width)
                                              (if (neg? k) (- k) 0)) \0))))
            w-mantissa (if w (- w exp-width))
            [rounded-mantissa _ incr-exp] (round-str
                                           scaled-mantissa 0
                                           (cond
                                             (= k 0) (dec d)
                                             (pos? k) d
                                             (neg? k) (dec d))
                                           (if w-mantissa
                                             (- w-mantissa (if add-sign 1 0))))
            full-mantissa (insert-scaled-decimal rounded-mantissa k)
            append-zero (and (= k (count rounded-mantissa)) (nil? d))]
        (if (not incr-exp)
          (if w
            (let [len (+ (count full-mantissa) exp-width)
                  signed-len (if add-sign (inc len) len)
                  prepend-zero (and prepend-zero (not (= signed-len w)))
                  full-len (if prepend-zero (inc signed-len) signed-len)
                  append-zero (and append-zero (< full-len w))]
              (if (and (or (> full-len w) (and e (> (- exp-width 2) e)))
                       (:overflowchar params))
                (print (apply str (repeat w (:overflowchar params))))
                (print (str
                        (apply str
                               (repeat
                                (- w full-len (if append-zero 1 0))
                                (:padchar params)))
                        (if add-sign (if (neg? arg) \- \+))
                        (if prepend-zero "0")
                        full-mantissa
                        (if append-zero "0")
                        scaled-exp-str))))
            (print (str
                    (if add-sign (if (neg? arg) \- \+))
                    (if prepend-zero "0")
                    full-mantissa
                    (if append-zero "0")
                    scaled-exp-str)))
          (recur [rounded-mantissa (inc exp)]))))
    navigator))

(defn- general-float [params navigator offsets]
  (let [[arg _] (next-arg navigator)
        arg (convert-ratio arg)
        [mantissa exp] (float-parts (if (neg? arg) (- arg) arg))
        w (:w params)
        d (:d params)
        e (:e params)
        n (if (= arg 0.0) 0 (inc exp))
        ee (if e (+ e 2) 4)
        ww (if w (- w ee))
        d (if d d (max (count mantissa) (min n 7)))
        dd (- d n)]
    (if (<= 0 dd d)
      (let [navigator (fixed-float {:w ww, :d dd, :k 0,
                                    :overflowchar (:overflowchar params),
                                    :padchar (:padchar params), :at (:at params)}
                                   navigator offsets)]
        (print (apply str (repeat ee \space)))
        navigator)
      (exponential-float params navigator offsets))))

(defn- dollar-float [params navigator offsets]
  (let [[arg navigator] (next-arg navigator)
        [mantissa exp] (float-parts (Math/abs arg))
        d (:d params)
        n (:n params)
        w (:w params)
        add-sign (or (:at params) (neg? arg))
        [rounded-mantissa scaled-exp expanded] (round-str mantissa exp d nil)
        fixed-repr (get-fixed rounded-mantissa (if expanded (inc scaled-exp) scaled-exp) d)
        full-repr (str (apply str (repeat (- n (or (str/index-of fixed-repr \.) -1)) \0)) fixed-repr)
        full-len (+ (count full-repr) (if add-sign 1 0))]
    (print (str
            (if (and (:colon params) add-sign) (if (neg? arg) \- \+))
            (apply str (repeat (- w full-len) (:padchar params)))
            (if (and (not (:colon params)) add-sign) (if (neg? arg) \- \+))
            full-repr))
    navigator))

;; ~[...~]

(defn- choice-conditional [params arg-navigator offsets]
  (let [arg (:selector params)
        [arg navigator] (if arg [arg arg-navigator] (next-arg arg-navigator))
        clauses (:clauses params)
        clause (if (or (neg? arg) (>= arg (count clauses)))
                 (first (:else params))
                 (nth clauses arg))]
    (if clause
      (execute-sub-format clause navigator (:base-args params))
      navigator)))

(defn- boolean-conditional [params arg-navigator offsets]
  (let [[arg navigator] (next-arg arg-navigator)
        clauses (:clauses params)
        clause (if arg
                 (second clauses)
                 (first clauses))]
    (if clause
      (execute-sub-format clause navigator (:base-args params))
      navigator)))

(defn- check-arg-conditional [params arg-navigator offsets]
  (let [[arg navigator] (next-arg arg-navigator)
        clauses (:clauses params)
        clause (if arg (first clauses))]
    (if arg
      (if clause
        (execute-sub-format clause arg-navigator (:base-args params))
        arg-navigator)
      navigator)))

;; ~{...~}

(defn- iterate-sublist [params navigator offsets]
  (let [max-count (:max-iterations params)
        param-clause (first (:clauses params))
        [clause navigator] (if (empty? param-clause)
                             (get-format-arg navigator)
                             [param-clause navigator])
        [arg-list navigator] (next-arg navigator)
        args (init-navigator arg-list)]
    (loop [count 0
           args args
           last-pos -1]
      (if (and (not max-count) (= (:pos args) last-pos) (> count 1))
        (throw (RuntimeException. "%{ construct not consuming any arguments: Infinite loop!")))
      (if (or (and (empty? (:rest args))
                   (or (not (:colon (:right-params params))) (> count 0)))
              (and max-count (>= count max-count)))
        navigator
        (let [iter-result (execute-sub-format clause args (:base-args params))]
          (if (= :up-arrow (first iter-result))
            navigator
            (recur (inc count) iter-result (:pos args))))))))

(defn- iterate-list-of-sublists [params navigator offsets]
  (let [max-count (:max-iterations params)
        param-clause (first (:clauses params))
        [clause navigator] (if (empty? param-clause)
                             (get-format-arg navigator)
                             [param-clause navigator])
        [arg-list navigator] (next-arg navigator)]
    (loop [count 0
           arg-list arg-list]
      (if (or (and (empty? arg-list)
                   (or (not (:colon (:right-params params))) (> count 0)))
              (and max-count (>= count max-count)))
        navigator
        (let [iter-result (execute-sub-format
                           clause
                           (init-navigator (first arg-list))
                           (init-navigator (next arg-list)))]
          (if (= :colon-up-arrow (first iter-result))
            navigator
            (recur (inc count) (next arg-list))))))))

(defn- iterate-main-list [params navigator offsets]
  (let [max-count (:max-iterations params)
        param-clause (first (:clauses params))
        [clause navigator] (if (empty? param-clause)
                             (get-format-arg navigator)
                             [param-clause navigator])]
    (loop [count 0
           navigator navigator
           last-pos -1]
      (if (and (not max-count) (= (:pos navigator) last-pos) (> count 1))
        (throw (RuntimeException. "%@{ construct not consuming any arguments: Infinite loop!")))
      (if (or (and (empty? (:rest navigator))
                   (or (not (:colon (:right-params params))) (> count 0)))
              (and max-count (>= count max-count)))
        navigator
        (let [iter-result (execute-sub-format clause navigator (:base-args params))]
          (if (= :up-arrow (first iter-result))
            (second iter-result)
            (recur
             (inc count) iter-result (:pos navigator))))))))

(defn- iterate-main-sublists [params navigator offsets]
  (let [max-count (:max-iterations params)
        param-clause (first (:clauses params))
        [clause navigator] (if (empty? param-clause)
                             (get-format-arg navigator)
                             [param-clause navigator])]
    (loop [count 0
           navigator navigator]
      (if (or (and (empty? (:rest navigator))
                   (or (not (:colon (:right-params params))) (> count 0)))
              (and max-count (>= count max-count)))
        navigator
        (let [[sublist navigator] (next-arg-or-nil navigator)
              iter-result (execute-sub-format clause (init-navigator sublist) navigator)]
          (if (= :colon-up-arrow (first iter-result))
            navigator
            (recur (inc count) navigator)))))))

;; ~<...~> : justification, or with ~:> a logical block

(declare format-logical-block justify-clauses)

(defn- logical-block-or-justify [params navigator offsets]
  (if (:colon (:right-params params))
    (format-logical-block params navigator offsets)
    (justify-clauses params navigator offsets)))

(defn- render-clauses [clauses navigator base-navigator]
  (loop [clauses clauses
         acc []
         navigator navigator]
    (if (empty? clauses)
      [acc navigator]
      (let [clause (first clauses)
            [iter-result result-str] (binding [*out* (java.io.StringWriter.)]
                                       [(execute-sub-format clause navigator base-navigator)
                                        (.toString *out*)])]
        (if (= :up-arrow (first iter-result))
          [acc (second iter-result)]
          (recur (next clauses) (conj acc result-str) iter-result))))))

(defn- justify-clauses [params navigator offsets]
  (let [[[eol-str] new-navigator] (when-let [else (:else params)]
                                    (render-clauses else navigator (:base-args params)))
        navigator (or new-navigator navigator)
        [else-params new-navigator] (when-let [p (:else-params params)]
                                      (realize-parameter-list p navigator))
        navigator (or new-navigator navigator)
        min-remaining (or (first (:min-remaining else-params)) 0)
        max-columns (or (first (:max-columns else-params))
                        (if (pretty-writer? *out*) (-max-column *out*)))
        clauses (:clauses params)
        [strs navigator] (render-clauses clauses navigator (:base-args params))
        slots (max 1
                   (+ (dec (count strs)) (if (:colon params) 1 0) (if (:at params) 1 0)))
        chars (reduce + (map count strs))
        mincol (:mincol params)
        minpad (:minpad params)
        colinc (:colinc params)
        minout (+ chars (* slots minpad))
        result-columns (if (<= minout mincol)
                         mincol
                         (+ mincol (* colinc
                                      (+ 1 (quot (- minout mincol 1) colinc)))))
        total-pad (- result-columns chars)
        pad (max minpad (quot total-pad slots))
        extra-pad (- total-pad (* pad slots))
        pad-str (apply str (repeat pad (:padchar params)))]
    (if (and eol-str (> (+ (-column *out*) min-remaining result-columns)
                        max-columns))
      (print eol-str))
    (loop [slots slots
           extra-pad extra-pad
           strs strs
           pad-only (or (:colon params)
                        (and (= (count strs) 1) (not (:at params))))]
      (if (seq strs)
        (do
          (print (str (if (not pad-only) (first strs))
                      (if (or pad-only (next strs) (:at params)) pad-str)
                      (if (pos? extra-pad) (:padchar params))))
          (recur
           (dec slots)
           (dec extra-pad)
           (if pad-only strs (next strs))
           false))))
    navigator))

;; ~(...~)

(defn- modify-case [mode params navigator offsets]
  (let [clause (first (:clauses params))]
    (binding [*out* (-case-writer *out* mode)]
      (execute-sub-format clause navigator (:base-args params)))))

(defn get-pretty-writer
  "Returns the java.io.Writer passed in wrapped in a pretty writer proxy, unless it's
already a pretty writer. Generally, it is unnecessary to call this function, since pprint,
write, and cl-format all call it if they need to. However if you want the state to be
preserved across calls, you will want to wrap them with this."
  [writer]
  (if (pretty-writer? writer)
    writer
    (make-pretty-writer writer *print-right-margin* *print-miser-width*)))

;; ~& ~T

(defn fresh-line
  "Make a newline if *out* is not already at the beginning of the line. If *out* is
not a pretty writer (which keeps track of columns), this function always outputs a newline."
  []
  (if (pretty-writer? *out*)
    (if (not (= 0 (-column *out*)))
      (prn))
    (prn)))

(defn- absolute-tabulation [params navigator offsets]
  (let [colnum (:colnum params)
        colinc (:colinc params)
        current (-column *out*)
        space-count (cond
                      (< current colnum) (- colnum current)
                      (= colinc 0) 0
                      :else (- colinc (rem (- current colnum) colinc)))]
    (print (spaces space-count)))
  navigator)

(defn- relative-tabulation [params navigator offsets]
  (let [colrel (:colnum params)
        colinc (:colinc params)
        start-col (+ colrel (-column *out*))
        offset (if (pos? colinc) (rem start-col colinc) 0)
        space-count (+ colrel (if (= 0 offset) 0 (- colinc offset)))]
    (print (spaces space-count)))
  navigator)

;; Pretty printer access: ~<...~:> ~I ~_ ~W

(defn- format-logical-block [params navigator offsets]
  (let [clauses (:clauses params)
        clause-count (count clauses)
        prefix (cond
                 (> clause-count 1) (:string (first (first clauses)))
                 (:colon params) "(")
        body (nth clauses (if (> clause-count 1) 1 0))
        suffix (cond
                 (> clause-count 2) (:string (first (nth clauses 2)))
                 (:colon params) ")")
        [arg navigator] (next-arg navigator)]
    (pprint-logical-block :prefix prefix :suffix suffix
                          (execute-sub-format
                           body
                           (init-navigator arg)
                           (:base-args params)))
    navigator))

(defn- set-indent [params navigator offsets]
  (let [relative-to (if (:colon params) :current :block)]
    (pprint-indent relative-to (:n params))
    navigator))

(defn- conditional-newline [params navigator offsets]
  (let [kind (if (:colon params)
               (if (:at params) :mandatory :fill)
               (if (:at params) :miser :linear))]
    (pprint-newline kind)
    navigator))

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

(defmacro formatter
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

(defmacro formatter-out
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

;;; ---------------------------------------------------------------------
;;; Dispatch tables (dispatch.clj)

(def ^:private reader-macros
  {'quote "'", 'clojure.core/deref "@",
   'var "#'", 'clojure.core/unquote "~"})

(defn- pprint-reader-macro [alis]
  (let [macro-char (reader-macros (first alis))]
    (when (and macro-char (= 2 (count alis)))
      (.write ^java.io.Writer *out* macro-char)
      (write-out (second alis))
      true)))

(defn- pprint-simple-list [alis]
  (pprint-logical-block :prefix "(" :suffix ")"
                        (print-length-loop [alis (seq alis)]
                                           (when alis
                                             (write-out (first alis))
                                             (when (next alis)
                                               (.write ^java.io.Writer *out* " ")
                                               (pprint-newline :linear)
                                               (recur (next alis)))))))

(defn- pprint-list [alis]
  (if-not (pprint-reader-macro alis)
    (pprint-simple-list alis)))

(defn- pprint-vector [avec]
  (pprint-logical-block :prefix "[" :suffix "]"
                        (print-length-loop [aseq (seq avec)]
                                           (when aseq
                                             (write-out (first aseq))
                                             (when (next aseq)
                                               (.write ^java.io.Writer *out* " ")
                                               (pprint-newline :linear)
                                               (recur (next aseq)))))))

(def ^:private pprint-array (formatter-out "~<[~;~@{~w~^, ~:_~}~;]~:>"))

(defn- strip-ns [named]
  (if (symbol? named)
    (symbol nil (name named))
    (keyword nil (name named))))

;; clojure.core's private lift-ns: [ns kvs] (the entries with their keys'
;; namespace removed, in the map's order) when every key has the same
;; namespace and *print-namespace-maps* is on, else nil.
(defn- lift-ns [m]
  (when *print-namespace-maps*
    (loop [ns nil
           [[k v :as entry] & entries] (seq m)
           kvs []]
      (if entry
        (when (qualified-ident? k)
          (if ns
            (when (= ns (namespace k))
              (recur ns entries (conj kvs [(strip-ns k) v])))
            (when-let [new-ns (namespace k)]
              (recur new-ns entries (conj kvs [(strip-ns k) v])))))
        [ns kvs]))))

(defn- pprint-map [amap]
  (let [[ns lift-map] (when (not (record? amap))
                        (lift-ns amap))
        amap (or lift-map amap)
        prefix (if ns (str "#:" ns "{") "{")]
    (pprint-logical-block :prefix prefix :suffix "}"
                          (print-length-loop [aseq (seq amap)]
                                             (when aseq
                                               (pprint-logical-block
                                                (write-out (ffirst aseq))
                                                (.write ^java.io.Writer *out* " ")
                                                (pprint-newline :linear)
                                                (set! *current-length* 0)
                                                (write-out (fnext (first aseq))))
                                               (when (next aseq)
                                                 (.write ^java.io.Writer *out* ", ")
                                                 (pprint-newline :linear)
                                                 (recur (next aseq))))))))

;; What (formatter-out "~<#{~;~@{~w~^ ~:_~}~;}~:>") does, without
;; interpreting the format for every set.
(defn- pprint-set [aset]
  (pprint-logical-block :prefix "#{" :suffix "}"
                        (loop [s (seq aset)]
                          (when s
                            (when-not (write-out (first s))
                              (when (next s)
                                (.write ^java.io.Writer *out* " ")
                                (pprint-newline :fill)
                                (recur (next s))))))))

(def ^:private type-map {"core$future_call" "Future",
                         "core$promise" "Promise"})

(defn- map-ref-type [name]
  (or (when-let [match (re-find #"^[^$]+\$[^$]+" name)]
        (type-map match))
      name))

;; Class.getSimpleName: for nested classes like clojure.core$promise$reify__1
;; the JVM gives core$promise$reify__1.
(defn- simple-class-name [o]
  (let [n (.getName (class o))]
    (subs n (inc (or (str/last-index-of n \.) -1)))))

(defn- pprint-ideref [o]
  (let [prefix (format "#<%s@%x%s: "
                       (map-ref-type (simple-class-name o))
                       (System/identityHashCode o)
                       (if (and (instance? clojure.lang.Agent o)
                                (agent-error o))
                         " FAILED"
                         ""))]
    (pprint-logical-block :prefix prefix :suffix ">"
                          (pprint-indent :block (-> (count prefix) (- 2) -))
                          (pprint-newline :linear)
                          (write-out (cond
                                       (and (future? o) (not (future-done? o))) :pending
                                       (and (instance? clojure.lang.IPending o) (not (realized? o))) :not-delivered
                                       :else @o)))))

(def ^:private pprint-pqueue (formatter-out "~<<-(~;~@{~w~^ ~_~}~;)-<~:>"))

(defn- array? [obj]
  (let [n (.getName (class obj))]
    (and (string? n) (str/starts-with? n "["))))

(defn- pprint-simple-default [obj]
  (cond
    (array? obj) (pprint-array obj)
    (and *print-suppress-namespaces* (symbol? obj)) (print (name obj))
    :else (pr* obj)))

(defmulti
  simple-dispatch
  "The pretty print dispatch function for simple data structure format."
  {:arglists '[[object]]}
  class)

(defmethod simple-dispatch clojure.lang.ISeq [x] (pprint-list x))
(defmethod simple-dispatch clojure.lang.IPersistentVector [x] (pprint-vector x))
(defmethod simple-dispatch clojure.lang.IPersistentMap [x] (pprint-map x))
(defmethod simple-dispatch clojure.lang.IPersistentSet [x] (pprint-set x))
(defmethod simple-dispatch clojure.lang.PersistentQueue [x] (pprint-pqueue x))
(defmethod simple-dispatch clojure.lang.Var [x] (pprint-simple-default x))
(defmethod simple-dispatch clojure.lang.IDeref [x] (pprint-ideref x))
(defmethod simple-dispatch nil [x] (pr* x))
(defmethod simple-dispatch :default [x] (pprint-simple-default x))

;; Code dispatch

(declare pprint-simple-code-list)

(defn- brackets [form]
  (if (vector? form)
    ["[" "]"]
    ["(" ")"]))

(defn- pprint-ns-reference [reference]
  (if (sequential? reference)
    (let [[start end] (brackets reference)
          [keyw & args] reference]
      (pprint-logical-block :prefix start :suffix end
                            ((formatter-out "~w~:i") keyw)
                            (loop [args args]
                              (when (seq args)
                                ((formatter-out " "))
                                (let [arg (first args)]
                                  (if (sequential? arg)
                                    (let [[start end] (brackets arg)]
                                      (pprint-logical-block :prefix start :suffix end
                                                            (if (and (= (count arg) 3) (keyword? (second arg)))
                                                              (let [[ns kw lis] arg]
                                                                ((formatter-out "~w ~w ") ns kw)
                                                                (if (sequential? lis)
                                                                  ((formatter-out (if (vector? lis)
                                                                                    "~<[~;~@{~w~^ ~:_~}~;]~:>"
                                                                                    "~<(~;~@{~w~^ ~:_~}~;)~:>"))
                                                                   lis)
                                                                  (write-out lis)))
                                                              (apply (formatter-out "~w ~:i~@{~w~^ ~:_~}") arg)))
                                      (when (next args)
                                        ((formatter-out "~_"))))
                                    (do
                                      (write-out arg)
                                      (when (next args)
                                        ((formatter-out "~:_"))))))
                                (recur (next args))))))
    (when reference (write-out reference))))

(defn- pprint-ns [alis]
  (if (next alis)
    (let [[ns-sym ns-name & stuff] alis
          [doc-str stuff] (if (string? (first stuff))
                            [(first stuff) (next stuff)]
                            [nil stuff])
          [attr-map references] (if (map? (first stuff))
                                  [(first stuff) (next stuff)]
                                  [nil stuff])]
      (pprint-logical-block :prefix "(" :suffix ")"
                            ((formatter-out "~w ~1I~@_~w") ns-sym ns-name)
                            (when (or doc-str attr-map (seq references))
                              ((formatter-out "~@:_")))
                            (when doc-str
                              (cl-format true "\"~a\"~:[~;~:@_~]" doc-str (or attr-map (seq references))))
                            (when attr-map
                              ((formatter-out "~w~:[~;~:@_~]") attr-map (seq references)))
                            (loop [references references]
                              (pprint-ns-reference (first references))
                              (when-let [references (next references)]
                                (pprint-newline :linear)
                                (recur references)))))
    (write-out alis)))

(def ^:private pprint-hold-first (formatter-out "~:<~w~^ ~@_~w~^ ~_~@{~w~^ ~_~}~:>"))

(defn- single-defn [alis has-doc-str?]
  (if (seq alis)
    (do
      (if has-doc-str?
        ((formatter-out " ~_"))
        ((formatter-out " ~@_")))
      ((formatter-out "~{~w~^ ~_~}") alis))))

(defn- multi-defn [alis has-doc-str?]
  (if (seq alis)
    ((formatter-out " ~_~{~w~^ ~_~}") alis)))

(defn- pprint-defn [alis]
  (if (next alis)
    (let [[defn-sym defn-name & stuff] alis
          [doc-str stuff] (if (string? (first stuff))
                            [(first stuff) (next stuff)]
                            [nil stuff])
          [attr-map stuff] (if (map? (first stuff))
                             [(first stuff) (next stuff)]
                             [nil stuff])]
      (pprint-logical-block :prefix "(" :suffix ")"
                            ((formatter-out "~w ~1I~@_~w") defn-sym defn-name)
                            (if doc-str
                              ((formatter-out " ~_~w") doc-str))
                            (if attr-map
                              ((formatter-out " ~_~w") attr-map))
                            (cond
                              (vector? (first stuff)) (single-defn stuff (or doc-str attr-map))
                              :else (multi-defn stuff (or doc-str attr-map)))))
    (pprint-simple-code-list alis)))

(defn- pprint-binding-form [binding-vec]
  (pprint-logical-block :prefix "[" :suffix "]"
                        (print-length-loop [binding binding-vec]
                                           (when (seq binding)
                                             (pprint-logical-block binding
                                                                   (write-out (first binding))
                                                                   (when (next binding)
                                                                     (.write ^java.io.Writer *out* " ")
                                                                     (pprint-newline :miser)
                                                                     (write-out (second binding))))
                                             (when (next (rest binding))
                                               (.write ^java.io.Writer *out* " ")
                                               (pprint-newline :linear)
                                               (recur (next (rest binding))))))))

(defn- pprint-let [alis]
  (let [base-sym (first alis)]
    (pprint-logical-block :prefix "(" :suffix ")"
                          (if (and (next alis) (vector? (second alis)))
                            (do
                              ((formatter-out "~w ~1I~@_") base-sym)
                              (pprint-binding-form (second alis))
                              ((formatter-out " ~_~{~w~^ ~_~}") (next (rest alis))))
                            (pprint-simple-code-list alis)))))

(def ^:private pprint-if (formatter-out "~:<~1I~w~^ ~@_~w~@{ ~_~w~}~:>"))

(defn- pprint-cond [alis]
  (pprint-logical-block :prefix "(" :suffix ")"
                        (pprint-indent :block 1)
                        (write-out (first alis))
                        (when (next alis)
                          (.write ^java.io.Writer *out* " ")
                          (pprint-newline :linear)
                          (print-length-loop [alis (next alis)]
                                             (when alis
                                               (pprint-logical-block alis
                                                                     (write-out (first alis))
                                                                     (when (next alis)
                                                                       (.write ^java.io.Writer *out* " ")
                                                                       (pprint-newline :miser)
                                                                       (write-out (second alis))))
                                               (when (next (rest alis))
                                                 (.write ^java.io.Writer *out* " ")
                                                 (pprint-newline :linear)
                                                 (recur (next (rest alis)))))))))

(defn- pprint-condp [alis]
  (if (> (count alis) 3)
    (pprint-logical-block :prefix "(" :suffix ")"
                          (pprint-indent :block 1)
                          (apply (formatter-out "~w ~@_~w ~@_~w ~_") alis)
                          (print-length-loop [alis (seq (drop 3 alis))]
                                             (when alis
                                               (pprint-logical-block alis
                                                                     (write-out (first alis))
                                                                     (when (next alis)
                                                                       (.write ^java.io.Writer *out* " ")
                                                                       (pprint-newline :miser)
                                                                       (write-out (second alis))))
                                               (when (next (rest alis))
                                                 (.write ^java.io.Writer *out* " ")
                                                 (pprint-newline :linear)
                                                 (recur (next (rest alis)))))))
    (pprint-simple-code-list alis)))

(def ^:dynamic ^:private *symbol-map* {})

(defn- pprint-anon-func [alis]
  (let [args (second alis)
        nlis (first (rest (rest alis)))]
    (if (vector? args)
      (binding [*symbol-map* (if (= 1 (count args))
                               {(first args) "%"}
                               (into {}
                                     (map
                                      #(vector %1 (str \% %2))
                                      args
                                      (range 1 (inc (count args))))))]
        ((formatter-out "~<#(~;~@{~w~^ ~_~}~;)~:>") nlis))
      (pprint-simple-code-list alis))))

(defn- pprint-simple-code-list [alis]
  (pprint-logical-block :prefix "(" :suffix ")"
                        (pprint-indent :block 1)
                        (print-length-loop [alis (seq alis)]
                                           (when alis
                                             (write-out (first alis))
                                             (when (next alis)
                                               (.write ^java.io.Writer *out* " ")
                                               (pprint-newline :linear)
                                               (recur (next alis)))))))

(defn- two-forms [amap]
  (into {}
        (mapcat
         identity
         (for [x amap]
           [x [(symbol (name (first x))) (second x)]]))))

(defn- add-core-ns [amap]
  (let [core "clojure.core"]
    (into {}
          (map #(let [[s f] %]
                  (if (not (or (namespace s) (special-symbol? s)))
                    [(symbol core (name s)) f]
                    %))
               amap))))

(def ^:dynamic ^:private *code-table*
  (two-forms
   (add-core-ns
    {'def pprint-hold-first, 'defonce pprint-hold-first,
     'defn pprint-defn, 'defn- pprint-defn, 'defmacro pprint-defn, 'fn pprint-defn,
     'let pprint-let, 'loop pprint-let, 'binding pprint-let,
     'with-local-vars pprint-let, 'with-open pprint-let, 'when-let pprint-let,
     'if-let pprint-let, 'doseq pprint-let, 'dotimes pprint-let,
     'when-first pprint-let,
     'if pprint-if, 'if-not pprint-if, 'when pprint-if, 'when-not pprint-if,
     'cond pprint-cond, 'condp pprint-condp,
     'fn* pprint-anon-func,
     '. pprint-hold-first, '.. pprint-hold-first, '-> pprint-hold-first,
     'locking pprint-hold-first, 'struct pprint-hold-first,
     'struct-map pprint-hold-first, 'ns pprint-ns})))

(defn- pprint-code-list [alis]
  (if-not (pprint-reader-macro alis)
    (if-let [special-form (*code-table* (first alis))]
      (special-form alis)
      (pprint-simple-code-list alis))))

(defn- pprint-code-symbol [sym]
  (if-let [arg-num (sym *symbol-map*)]
    (print arg-num)
    (if *print-suppress-namespaces*
      (print (name sym))
      (pr* sym))))

(defmulti
  code-dispatch
  "The pretty print dispatch function for pretty printing Clojure code."
  {:arglists '[[object]]}
  class)

(defmethod code-dispatch clojure.lang.ISeq [x] (pprint-code-list x))
(defmethod code-dispatch clojure.lang.Symbol [x] (pprint-code-symbol x))
(defmethod code-dispatch clojure.lang.IPersistentVector [x] (pprint-vector x))
(defmethod code-dispatch clojure.lang.IPersistentMap [x] (pprint-map x))
(defmethod code-dispatch clojure.lang.IPersistentSet [x] (pprint-set x))
(defmethod code-dispatch clojure.lang.PersistentQueue [x] (pprint-pqueue x))
(defmethod code-dispatch clojure.lang.IDeref [x] (pprint-ideref x))
(defmethod code-dispatch nil [x] (pr* x))
(defmethod code-dispatch :default [x] (pprint-simple-default x))

(set-pprint-dispatch simple-dispatch)

;;; ---------------------------------------------------------------------
;;; print-table

(defn print-table
  "Prints a collection of maps in a textual table. Prints table headings
   ks, and then a line of output for each row, corresponding to the keys
   in ks. If ks are not specified, use the keys of the first item in rows."
  ([ks rows]
   (when (seq rows)
     (let [widths (map
                   (fn [k]
                     (apply max (count (str k)) (map #(count (str (get % k))) rows)))
                   ks)
           spacers (map #(apply str (repeat % "-")) widths)
           fmts (map #(str "%" % "s") widths)
           fmt-row (fn [leader divider trailer row]
                     (str leader
                          (apply str (interpose divider
                                                (for [[col fmt] (map vector (map #(get row %) ks) fmts)]
                                                  (format fmt (str col)))))
                          trailer))]
       (println)
       (println (fmt-row "| " " | " " |" (zipmap ks ks)))
       (println (fmt-row "|-" "-+-" "-|" (zipmap ks spacers)))
       (doseq [row rows]
         (println (fmt-row "| " " | " " |" row))))))
  ([rows] (print-table (keys (first rows)) rows)))

;; The natives are implementation details.
(doseq [s '[-pretty-writer -pretty-writer? -start-block -end-block -nl -indent
            -column -max-column -miser-width -case-writer]]
  (alter-meta! (ns-resolve 'clojure.pprint s) assoc :private true))
