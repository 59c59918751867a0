;; java.lang.ref: an explicit .enqueue clears the reference and puts it on
;; the queue it was registered with; poll takes it off once.
(import '(java.lang.ref ReferenceQueue SoftReference WeakReference))
(let [q (ReferenceQueue.)
      r (SoftReference. :bar q)
      w (WeakReference. :baz)]
  (prn (.get r) (.poll q))
  (prn (.enqueue r))
  (prn (.get r))
  (prn (identical? r (.poll q)) (.poll q))
  (prn (.enqueue r))
  (prn (.get w) (.enqueue w) (.get w)))
(let [q (ReferenceQueue.)
      a (WeakReference. 1 q)
      b (WeakReference. 2 q)]
  (.clear a)
  (prn (.get a) (.poll q))
  (.enqueue b)
  (.enqueue a)
  (prn (identical? b (.poll q)) (identical? a (.poll q)) (.poll q)))
(let [q (ReferenceQueue.)
      refs (mapv #(SoftReference. % q) [:x :y :z])]
  (run! #(.enqueue %) refs)
  (prn (map (fn [_] (.indexOf refs (.poll q))) (range 4))))
