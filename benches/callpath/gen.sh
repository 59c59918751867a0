#!/bin/bash
# Writes the call-path micro programs of docs/performance.md ("Call path (issue 8)") for size N.
# usage: gen.sh N  -> writes programs with size N
N=$1
echo "(defn f [x] x) (loop [i 0] (when (< i $N) (f i) (recur (inc i))))" > call_$N.clj
echo "(reduce (fn [a x] a) 0 (range $N))" > reduce_$N.clj
echo "(loop [i 0] (when (< i $N) (recur (inc i))))" > loop_$N.clj
echo "(let [v [1 2 3]] (loop [i 0] (when (< i $N) (nth v 1) (recur (inc i)))))" > nth_$N.clj
echo "(let [m {:a 1 :k 2}] (loop [i 0] (when (< i $N) (get m :k) (recur (inc i)))))" > get_$N.clj
echo "(let [m {:a 1 :k 2}] (loop [i 0] (when (< i $N) (:k m) (recur (inc i)))))" > kw_$N.clj
echo "(loop [i 0] (when (< i $N) (fn [] i) (recur (inc i))))" > mkfn_$N.clj
