(def xs [nil true false 0 1.5 1N 1/2 1.5M \c "s" :k :a/k 'sym 'a/sym [] {} #{} '() inc #'inc (atom 1)])
(doseq [[nm f] [["nil?" nil?] ["some?" some?] ["true?" true?] ["false?" false?] ["boolean?" boolean?]
                ["keyword?" keyword?] ["symbol?" symbol?] ["string?" string?] ["char?" char?]
                ["number?" number?] ["integer?" integer?] ["int?" int?] ["float?" float?] ["double?" double?]
                ["ratio?" ratio?] ["rational?" rational?] ["decimal?" decimal?] ["fn?" fn?] ["ifn?" ifn?]
                ["var?" var?] ["ident?" ident?] ["simple-ident?" simple-ident?] ["qualified-ident?" qualified-ident?]
                ["simple-keyword?" simple-keyword?] ["qualified-keyword?" qualified-keyword?]
                ["simple-symbol?" simple-symbol?] ["qualified-symbol?" qualified-symbol?]]]
  (println nm (mapv #(if (f %) 1 0) xs)))
(prn (not nil) (not false) (not 0) (boolean nil) (boolean 0) (boolean "") (boolean false))
