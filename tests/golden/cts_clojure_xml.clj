;; clojure.xml: parse into {:tag :attrs :content} elements (whitespace-only text
;; dropped, attributes in the JVM's order, namespace declarations as
;; attributes), emit and emit-element.
(require '[clojure.xml :as xml])
(defn p [s] (xml/parse (java.io.ByteArrayInputStream. (.getBytes s "UTF-8"))))
(def d (p "<?xml version='1.0'?>\n<!-- top --><a x='1' y=\"two\"> <b>hi there</b>  <c/>t&amp;u<!-- c --><![CDATA[<raw>]]>\n<d k='v'><e>1</e> <e>2</e></d></a>"))
(prn d)
(prn (xml/tag d) (xml/attrs d) (count (xml/content d)))
(prn (map xml/tag (filter map? (xml/content d))))
(xml/emit d)
(xml/emit-element {:tag :z :attrs {:q "r"} :content ["text" {:tag :w}]})
(prn (p "<r>  </r>") (p "<r>a<s/>b</r>"))
(prn (:content (p "<r>caf\u00e9 &lt;&#65;&gt;</r>")))
(prn (try (p "<a><b></a>") (catch Exception e :parse-error)))
(prn (p "<n:r xmlns:n='urn:x' n:a='1' b='2'><n:s/></n:r>"))
(prn (try (xml/parse (java.io.File. "/nonexistent/x.xml")) (catch java.io.IOException e :io-error)))
(prn (p "<r xmlns='urn:d' a='1'/>"))
(let [f (java.io.File/createTempFile "cts" ".xml")]
  (spit f "<doc><item n='1'>x</item></doc>")
  (prn (xml/parse f))
  (prn (xml/parse (.getPath f)))
  (.delete f))
