;;; emacs_test.el --- Emacs + Eglot in batch mode with editors/emacs loaded as a user loads it  -*- lexical-binding: t; -*-
;; From the repository root:  CEKURA_LSP_CMD=.build/debug/cekura-lsp emacs --batch -l Tests/editors/emacs_test.el
;; Checks: which files get `cekura-lsp-mode', that `eglot-ensure' connects cekura-lsp, that the missing
;; followup's diagnostic arrives where it stands, and that a report the server shows opens beside the file.
;; Exits 0 when every step passed, 1 with a FAIL line otherwise.

;; Without -Q, Debian's site start makes elpa-eglot loadable; `package-initialize' covers ELPA installs.
(require 'package)
(package-initialize)
(require 'cl-lib)

(defun test-say (format-string &rest arguments)
  (princ (concat (apply #'format format-string arguments) "\n")))
(defun test-fail (why)
  (test-say "FAIL: %s" why)
  (kill-emacs 1))
(defvar test-timeout (/ (string-to-number (or (getenv "LSP_TIMEOUT_MS") "10000")) 1000.0))
(defun test-wait (predicate)
  (let ((deadline (+ (float-time) test-timeout)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.01))
    (funcall predicate)))
(defvar test-fixtures (expand-file-name "Tests/editors/fixtures"))

;; As the README says: the load path, require, eglot-ensure in the mode hook.
(add-to-list 'load-path (expand-file-name "editors/emacs"))
(require 'cekura-lsp)
(add-hook 'cekura-lsp-mode-hook #'eglot-ensure)
(setq cekura-lsp-server-command (split-string (or (getenv "CEKURA_LSP_CMD") "cekura-lsp")))
(setq eglot-events-buffer-size 0)
(test-say "emacs %s, eglot %s" emacs-version
          (let ((package (cadr (assq 'eglot package-alist))))
            (if package (package-version-join (package-desc-version package)) "built in")))

;; Flymake shows diagnostics from timers that do not run in batch mode: keep the notification itself.
(defvar test-diagnostics nil)
(cl-defmethod eglot-handle-notification :after
  (_server (_method (eql textDocument/publishDiagnostics)) &key diagnostics &allow-other-keys)
  (setq test-diagnostics diagnostics))

;; Step 1: which files take the mode: the samples the server's verdicts are checked on in
;; test_integrations.py, then real files.
(let ((samples (json-parse-string (with-temp-buffer
                                    (insert-file-contents (expand-file-name "detection.json" test-fixtures))
                                    (buffer-string))
                                  :object-type 'plist :false-object nil)))
  (seq-doseq (sample samples)
    (with-temp-buffer
      (setq buffer-file-name (expand-file-name (plist-get sample :name) "/p/"))
      (insert (plist-get sample :text))
      (goto-char (point-min))
      (set-auto-mode)
      (unless (eq (eq major-mode 'cekura-lsp-mode) (plist-get sample :scenario))
        (test-fail (format "%s opened in %s" (plist-get sample :name) major-mode)))
      (set-buffer-modified-p nil)
      (setq buffer-file-name nil)))
  (test-say "detection: %d samples as the server decides" (length samples)))
(find-file (expand-file-name "unrelated/package.json" test-fixtures))
(when (eq major-mode 'cekura-lsp-mode) (test-fail "package.json opened in cekura-lsp-mode"))
(find-file (expand-file-name "cekura.tests.json" test-fixtures))
(unless (eq major-mode 'cekura-lsp-mode) (test-fail (format "cekura.tests.json opened in %s" major-mode)))
(test-say "modes: package.json not Cekura, cekura.tests.json in cekura-lsp-mode")

;; Step 2: `eglot-ensure' connects once the command that opened the file ends.
(run-hooks 'post-command-hook)
(unless (test-wait (lambda () (eglot-current-server))) (test-fail "Eglot did not connect cekura-lsp"))
(unless (cl-typep (eglot-current-server) 'cekura-lsp-server) (test-fail "the server is not a cekura-lsp-server"))
(test-say "connected: %s" (mapconcat #'identity cekura-lsp-server-command " "))

;; Step 3: the followup to a missing id is reported on the 7, columns in UTF-16 (Eglot 1.9 offers no encoding).
(unless (test-wait (lambda () (cl-find "followup-target-missing" test-diagnostics
                                       :key (lambda (d) (plist-get d :code)) :test #'equal)))
  (test-fail (format "no followup-target-missing diagnostic; got %S" test-diagnostics)))
(let* ((diagnostic (cl-find "followup-target-missing" test-diagnostics :key (lambda (d) (plist-get d :code)) :test #'equal))
       (start (plist-get (plist-get diagnostic :range) :start))
       (expected (save-excursion
                   (goto-char (point-min))
                   (search-forward "\"condition\": 7")
                   (backward-char)
                   (eglot--pos-to-lsp-position))))
  (unless (equal (list (plist-get start :line) (plist-get start :character))
                 (list (plist-get expected :line) (plist-get expected :character)))
    (test-fail (format "the diagnostic starts at %S, the 7 is at %S" start expected)))
  (test-say "DIAG %d:%d %s" (plist-get start :line) (plist-get start :character) (plist-get diagnostic :message)))

;; Step 4: a report the server shows opens beside the file, keeping the focus unless asked for it.
(let* ((suite-window (selected-window))
       (report (make-temp-file "report" nil ".md" "# Run report\n"))
       (answer (eglot-handle-request (eglot-current-server) 'window/showDocument
                                     :uri (eglot--path-to-uri report) :takeFocus :json-false))
       (report-window (get-buffer-window (get-file-buffer report))))
  (unless (equal answer '(:success t)) (test-fail (format "showDocument answered %S" answer)))
  (unless (and report-window (not (eq report-window suite-window)) (eq (selected-window) suite-window)
               (eq major-mode 'cekura-lsp-mode))
    (test-fail "the report did not open beside the suite with the focus left on it"))
  (test-say "REPORT beside the suite: %s" (buffer-name (window-buffer report-window)))
  (kill-buffer (window-buffer report-window))
  (delete-file report))

;; Step 5: the server's settings requests are answered from the customizations.
(let* ((cekura-lsp-agent-id 12)
       (answer (eglot-handle-request (eglot-current-server) 'workspace/configuration
                                     :items (vector (list :section "cekura") (list :section "other")))))
  (unless (and (eql (plist-get (aref answer 0) :agentId) 12) (null (aref answer 1)))
    (test-fail (format "workspace/configuration answered %S" answer)))
  (test-say "SETTINGS cekura section: %S" (aref answer 0)))

;; Step 6: the API commands, once the server offers them.
(unless (seq-contains-p (eglot--server-capable :executeCommandProvider :commands) "cekura.runText")
  (test-say "PENDING: cekura-lsp-run-text not run: the server does not announce cekura.runText in executeCommandProvider"))

(let ((inhibit-message t)) (eglot-shutdown (eglot-current-server) nil 3))
(test-say "OK")
(kill-emacs 0)
