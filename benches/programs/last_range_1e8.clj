;; Locals clearing and lazy/chunked seqs: must run in constant memory.
;; expect: 99999999
(println (last (range 100000000)))
