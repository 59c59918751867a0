;; into-array with a primitive type: float and char elements are cast
;; (RT.floatCast, RT.charCast), long/double/boolean only unbox and widen
;; (Array.set); what does not fit throws IllegalArgumentException.
(defn show [t xs]
  (prn (try (let [a (into-array t xs)]
              [(.getName (class a)) (vec a) (map #(.getName (class %)) a)])
            (catch IllegalArgumentException e [:iae (.getMessage e)]))))

(show Float/TYPE [1 2.5 3/2 (int 4)])
(show Float/TYPE [1e300])
(show Double/TYPE [1 (float 2.5) (int 3) (byte 4) \a])
(show Double/TYPE [1 2.5 3/2])
(show Double/TYPE [1N])
(show Double/TYPE [nil])
(show Long/TYPE [1 (int 2) (short 3) (byte 4) \a])
(show Long/TYPE [1.5])
(show Character/TYPE [\a 98])
(show Boolean/TYPE [true false])
(show Boolean/TYPE [true nil])
(show Integer/TYPE [2.7 1])
(prn (reduce + (into-array Float/TYPE (range 100)))
     (reduce + (into-array Double/TYPE (range 100)))
     (reduce + 1 (into-array Long/TYPE (range 100))))
