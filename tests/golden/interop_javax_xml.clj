;; javax.xml.stream (StAX), javax.xml.namespace.QName, the identity
;; Transformer and java.util.logging, as clojure.data.xml uses them.
(import '(javax.xml.stream XMLInputFactory XMLStreamReader XMLStreamConstants
                           XMLOutputFactory XMLStreamException)
        '(javax.xml.namespace QName)
        '(javax.xml.transform TransformerFactory OutputKeys)
        '(javax.xml.transform.stream StreamSource StreamResult)
        '(java.util.logging Logger Level)
        '(java.io StringReader StringWriter ByteArrayInputStream))

(defn events [xml & [coalescing]]
  (let [f (XMLInputFactory/newInstance)
        _ (when coalescing (.setProperty f XMLInputFactory/IS_COALESCING true))
        r (.createXMLStreamReader f (StringReader. xml))]
    (loop [out []]
      (let [e (.next r)]
        (condp = e
          XMLStreamConstants/START_ELEMENT
          (recur (conj out [:start (.getPrefix r) (.getLocalName r) (.getNamespaceURI r)
                            (vec (for [i (range (.getAttributeCount r))]
                                   [(.getAttributePrefix r i) (.getAttributeLocalName r i)
                                    (.getAttributeNamespace r i) (.getAttributeValue r i)]))
                            (vec (for [i (range (.getNamespaceCount r))]
                                   [(.getNamespacePrefix r i) (.getNamespaceURI r i)]))]))
          XMLStreamConstants/END_ELEMENT (recur (conj out [:end (.getLocalName r)]))
          XMLStreamConstants/CHARACTERS (recur (conj out [:chars (.getText r) (.isWhiteSpace r)]))
          XMLStreamConstants/COMMENT (recur (conj out [:comment (.getText r)]))
          XMLStreamConstants/PROCESSING_INSTRUCTION (recur (conj out [:pi (.getPITarget r) (.getPIData r)]))
          XMLStreamConstants/END_DOCUMENT (conj out :end-document (.hasNext r))
          (recur (conj out [:other e])))))))

(prn (events "<a x='1'>t&amp;u<b/><!--c--><?p d?></a>"))
(prn (events "<?xml version=\"1.0\"?>\n<a>x<![CDATA[<y>]]>z</a>\n" true))
(prn (events "<p:a xmlns:p=\"urn:p\" xmlns=\"urn:d\" p:k=\"v\" k2='w'><b/></p:a>"))
(prn (events "<a>\r\n &#65;&#x42; &lt;&gt;&apos;&quot;</a>"))
(prn (events "<a x=' a\tb\nc '/>"))
(doseq [bad ["<a><b></a>" "<a>" "" "x<a/>" "<a x=1/>" "<a>&foo;</a>" "<a><</a>" "<a x='1' x='2'/>"
             "<p:a/>" "<a/><b/>"]]
  (println (pr-str bad) "->"
           (try (pr-str (events bad)) (catch XMLStreamException e (str "XMLStreamException: " (.getMessage e))))))
(let [r (.createXMLStreamReader (XMLInputFactory/newInstance)
                                (ByteArrayInputStream. (.getBytes "<a>\u00e9</a>" "UTF-8")))]
  (.next r) (.next r) (prn (.getText r)))

(defn write [f]
  (let [sw (StringWriter.)
        w (.createXMLStreamWriter (XMLOutputFactory/newInstance) sw)]
    (f w)
    (str sw)))
(prn (write (fn [w]
              (.writeStartDocument w "UTF-8" "1.0")
              (.writeStartElement w "a")
              (.writeAttribute w "k" "\"<&>'")
              (.writeDefaultNamespace w "urn:d")
              (.writeNamespace w "p" "urn:p")
              (.writeEmptyElement w "p" "e" "urn:p")
              (.writeAttribute w "p" "urn:p" "x" "1")
              (.writeCharacters w "1 < 2 & 3 > 0 \"q\"")
              (.writeCData w "<raw>")
              (.writeComment w " c ")
              (.writeStartElement w "b")
              (.writeEndElement w)
              (.writeStartElement w "open")
              (.writeEndDocument w))))

(defn indent [xml & props]
  (let [t (.newTransformer (TransformerFactory/newInstance))
        sw (StringWriter.)]
    (doseq [[k v] (partition 2 props)] (.setOutputProperty t k v))
    (.transform t (StreamSource. (StringReader. xml)) (StreamResult. sw))
    (str sw)))
(def pretty [OutputKeys/INDENT "yes" "{http://xml.apache.org/xslt}indent-amount" "2"])
(prn (apply indent "<a><b><c/></b><d>t</d></a>" OutputKeys/DOCTYPE_PUBLIC "yes" pretty))
(prn (apply indent "<a>x<b>y</b>z</a>" pretty))
(prn (apply indent "<a>\n   <b k=\"&lt;&quot;\">1 &amp; 2</b>\n  <!--c--><![CDATA[d]]></a>" pretty))
(prn (indent "<a>  <b/> </a>"))
(prn (indent "<a><b/></a>" OutputKeys/OMIT_XML_DECLARATION "yes"))

(let [q (QName/valueOf "{urn:x}local")]
  (prn (.getNamespaceURI q) (.getLocalPart q) (.getPrefix q) (str q)
       (= q (QName. "urn:x" "local" "p")) (str (QName. "n")) (.getNamespaceURI (QName/valueOf "n"))))

(let [lg (Logger/getLogger "cljw.test")]
  (prn (.getName lg) (.isLoggable lg Level/FINE) (.isLoggable lg Level/INFO)
       (str Level/WARNING) (.intValue Level/SEVERE) (= Level/FINE (Level/parse "FINE")))
  (.log lg Level/FINE "not shown"))

(definline twice [x] `(* 2 ~x))
(prn (twice 21) (map twice [1 2]) ((:inline (meta #'twice)) 'y))
(prn (xml-seq {:tag :a :content [{:tag :b :content ["x"]} "y" {:tag :c}]}))
(prn (map #(clojure.lang.APersistentMap/mapEquals {:a 1 :b [2]} %)
          [{:a 1 :b [2]} {:a 1 :b '(2)} {:a 1} {:a 1 :c [2]} (java.util.HashMap. {:a 1 :b [2]}) [1 2]]))
(let [r (.createXMLStreamReader (XMLInputFactory/newInstance) (StringReader. "<a>\n<b/></a>"))]
  (prn (class XMLStreamConstants/START_ELEMENT) (class (.next r)) (class (.getAttributeCount r))
       (class (.getLineNumber (.getLocation r)))))
