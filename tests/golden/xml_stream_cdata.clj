;; XMLStreamReader events: a CDATA section is reported as CHARACTERS (the JDK's
;; report-cdata-event is off), each piece on its own unless coalescing.
(import '(javax.xml.stream XMLInputFactory XMLStreamReader))
(defn evs [coal s]
  (let [f (doto (XMLInputFactory/newInstance) (.setProperty "javax.xml.stream.isCoalescing" coal))
        r (.createXMLStreamReader f (java.io.StringReader. s))]
    (loop [acc []]
      (if (.hasNext r)
        (let [t (.next r)]
          (recur (conj acc [t (when (.hasText r) (.getText r)) (.isCharacters r)])))
        acc))))
(prn (evs false "<a><![CDATA[x]]><![CDATA[y]]>z&amp;w</a>"))
(prn (evs true "<a><![CDATA[x]]><![CDATA[y]]>z&amp;w</a>"))
(prn (evs false "<r><![CDATA[<not> a tag]]></r>"))
