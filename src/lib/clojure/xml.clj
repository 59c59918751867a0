(ns ^{:doc "XML reading/writing."
      :author "cljw"}
  clojure.xml
  (:require [clojure.java.io :as io]))

;; The JVM's clojure.xml parses with a SAX ContentHandler; cljw reads the
;; same events through its javax.xml.stream model. Elements are maps with
;; :tag :attrs :content, as the JVM's `element` struct prints and compares.

(defn tag [x] (:tag x))
(defn attrs [x] (:attrs x))
(defn content [x] (:content x))

(def element (create-struct :tag :attrs :content))

(defn- not-supported [what]
  (throw (UnsupportedOperationException.
          (str "cljw does not support " what " (no SAX parser)"))))

(defn sax-parser [] (not-supported "clojure.xml/sax-parser"))
(defn startparse-sax [s ch] (not-supported "clojure.xml/startparse-sax"))
(defn disable-external-entities [parser] (not-supported "clojure.xml/disable-external-entities"))
(defn startparse-sax-safe [s ch] (not-supported "clojure.xml/startparse-sax-safe"))

(defn- source-stream [s]
  (if (instance? java.io.InputStream s) s (io/input-stream s)))

(defn- read-element [^javax.xml.stream.XMLStreamReader r]
  ;; Names are qualified names (prefix:local), as SAX's qName; the JVM
  ;; assoc's the attributes from the last to the first.
  ;; Namespace declarations are attributes too (SAX without namespaces),
  ;; taken to come before the others.
  (let [qname (fn [prefix local] (if (seq prefix) (str prefix ":" local) local))
        decls (for [i (range (.getNamespaceCount r))]
                [(let [p (.getNamespacePrefix r (int i))] (if (seq p) (str "xmlns:" p) "xmlns"))
                 (.getNamespaceURI r (int i))])
        plain (for [i (range (.getAttributeCount r))]
                [(qname (.getAttributePrefix r (int i)) (.getAttributeLocalName r (int i)))
                 (.getAttributeValue r (int i))])
        all (concat decls plain)
        attrs (when (seq all)
                (reduce (fn [m [k v]] (assoc m (keyword k) v)) {} (reverse all)))
        tag (keyword (qname (.getPrefix r) (.getLocalName r)))]
    ;; Text between child elements is kept when it is not all whitespace.
    (loop [content [] sb (StringBuilder.)]
      (let [ev (.next r)
            flush (fn [content]
                    (let [t (str sb)]
                      (if (some #(not (Character/isWhitespace (char %))) t)
                        (conj content t)
                        content)))]
        (cond
          (= ev 1) (let [c (flush content)
                         child (read-element r)]
                     (recur (conj c child) (StringBuilder.)))
          (= ev 2) (let [c (flush content)]
                     (struct element tag attrs (when (seq c) c)))
          (#{4 6 12} ev) (recur content (.append sb (.getText r)))
          (= ev 8) (throw (javax.xml.stream.XMLStreamException. "unexpected end of document"))
          :else (recur content sb))))))

(defn ^{:added "1.0"} parse
  "Parses and loads the source s, which can be a File, InputStream or
  String naming a URI. Returns a tree of the xml/element struct-map,
  which has the keys :tag, :attrs, and :content. and accessor fns tag,
  attrs, and content. cljw reads with its javax.xml.stream model: a
  custom SAX startparse fn is not supported."
  ([s]
   (with-open [in (source-stream s)]
     (let [r (.createXMLStreamReader (javax.xml.stream.XMLInputFactory/newInstance) in)]
       (loop []
         (let [ev (.next r)]
           (cond
             (= ev 1) (read-element r)
             (= ev 8) (throw (javax.xml.stream.XMLStreamException. "no root element"))
             :else (recur)))))))
  ([s startparse]
   (not-supported "clojure.xml/parse with a startparse fn")))

(defn emit-element [e]
  (if (instance? String e)
    (println e)
    (do
      (print (str "<" (name (:tag e))))
      (when (:attrs e)
        (doseq [attr (:attrs e)]
          (print (str " " (name (key attr)) "='" (val attr)"'"))))
      (if (:content e)
        (do
          (println ">")
          (doseq [c (:content e)]
            (emit-element c))
          (println (str "</" (name (:tag e)) ">")))
        (println "/>")))))

(defn emit [x]
  (println "<?xml version='1.0' encoding='UTF-8'?>")
  (emit-element x))
