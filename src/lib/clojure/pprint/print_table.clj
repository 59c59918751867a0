;; Part of clojure.pprint: src/lib/mod.rs loads base.clj, cl_format.clj,
;; cl_format_compile.clj, dispatch.clj and print_table.clj as one source.

;;; ---------------------------------------------------------------------
;;; print-table

(defn ^{:added "1.3"} print-table
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
