;; A tight counted loop: the VM's dispatch and long intrinsics.
;; expect: 100000000
(println (loop [i 0] (if (< i 100000000) (recur (inc i)) i)))
