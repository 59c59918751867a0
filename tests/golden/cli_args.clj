;; *command-line-args* is nil without arguments after the script.
(prn *command-line-args*)
(prn (nil? *command-line-args*))
(prn (string? *file*))
(prn (str *ns*))
