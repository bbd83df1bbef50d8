;;; cekura-lsp.el --- Cekura scenario files with Eglot and cekura-lsp  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (eglot "1.9"))
;; Keywords: languages, tools

;;; Commentary:

;; `cekura-lsp-mode' is a JSON mode for Cekura scenario files (test-suite specs `cekura.tests.json',
;; `*.scenario.json', `*.evaluator.json', `*.cekura.json', and any JSON file whose `$schema' is Cekura's
;; test-suite schema), served by the cekura-lsp language server through Eglot:
;;
;;   (add-to-list 'load-path "/path/to/cekura-lsp/editors/emacs")
;;   (require 'cekura-lsp)
;;   (add-hook 'cekura-lsp-mode-hook #'eglot-ensure)
;;
;; Settings are in the customization group `cekura-lsp' (also as directory-local variables); the commands
;; `cekura-lsp-run-text', `cekura-lsp-check-remote', `cekura-lsp-generate-instructions',
;; `cekura-lsp-improve-instructions', ... ask the server to act on the scenario at point.  A run's report
;; opens in a window beside the file.  See editors/emacs/README.md and protocol-notes/lsp.md.

;;; Code:

(require 'cl-lib)
(require 'eglot)
(require 'js)
(require 'seq)

(defgroup cekura-lsp nil
  "Cekura scenario files, checked and run by cekura-lsp."
  :group 'languages
  :prefix "cekura-lsp-")

(defcustom cekura-lsp-server-command '("cekura-lsp")
  "The command that starts the language server, as a program and its arguments."
  :type '(repeat string))

(defcustom cekura-lsp-api-url nil
  "The Cekura API the commands call; nil for the server's default, https://api.cekura.ai."
  :type '(choice (const :tag "The server's default" nil) string)
  :safe #'string-or-null-p)

(defcustom cekura-lsp-agent-id nil
  "The agent scenarios run against."
  :type '(choice (const :tag "None" nil) natnum)
  :safe (lambda (value) (or (null value) (natnump value))))

(defcustom cekura-lsp-project-id nil
  "The project, for API calls that take one."
  :type '(choice (const :tag "None" nil) natnum)
  :safe (lambda (value) (or (null value) (natnump value))))

(defcustom cekura-lsp-files nil
  "Which files are scenario files, as glob patterns and their kinds.
The server tries them before its own detection.  A pattern without /
matches the file name in any folder; ** spans folders."
  :type '(alist :key-type (string :tag "Glob")
                :value-type (choice (const "test-suite") (const "evaluator") (const "conditional-actions")
                                    (const "bulk-update") (const "ignore")))
  :safe #'listp)

(defun cekura-lsp--settings ()
  "The `cekura' settings section from the customizations in effect here."
  (let ((files (make-hash-table :test #'equal)))
    (pcase-dolist (`(,glob . ,kind) cekura-lsp-files) (puthash glob kind files))
    (append (and cekura-lsp-api-url (list :apiUrl cekura-lsp-api-url))
            (and cekura-lsp-agent-id (list :agentId cekura-lsp-agent-id))
            (and cekura-lsp-project-id (list :projectId cekura-lsp-project-id))
            (list :files files))))

;;;; The mode and how files get it

(defconst cekura-lsp--suite-schema
  (concat "\"\\$schema\"[ \t\n]*:[ \t\n]*\"[^\"]*"
          "\\(?:test-suite/v[0-9]+\\.json\\|test-suite-v[0-9]+\\.schema\\.json"
          "\\|/scenarios/json_schema/\\|/scenarios-external/json_schema/\\)")
  "A `$schema' member naming Cekura's test-suite schema or the API's.
Any version of the published schema, a local copy, or the endpoint.")

(defun cekura-lsp--suite-schema-p ()
  "Whether the JSON file visited names Cekura's test-suite schema."
  (and buffer-file-name
       (string-suffix-p ".json" buffer-file-name t)
       (save-excursion (re-search-forward cekura-lsp--suite-schema magic-mode-regexp-match-limit t))))

(defalias 'cekura-lsp--json-mode (if (fboundp 'js-json-mode) 'js-json-mode 'js-mode)
  "The JSON mode this Emacs has: `js-json-mode' from Emacs 29, `js-mode' before.")

(defvar cekura-lsp-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "C-c C-r") #'cekura-lsp-run-text)
    (define-key map (kbd "C-c C-s") #'cekura-lsp-run-saved-text)
    (define-key map (kbd "C-c C-k") #'cekura-lsp-check-remote)
    (define-key map (kbd "C-c C-g") #'cekura-lsp-generate-instructions)
    (define-key map (kbd "C-c C-i") #'cekura-lsp-improve-instructions)
    map)
  "Keys of `cekura-lsp-mode'.")

;;;###autoload
(define-derived-mode cekura-lsp-mode cekura-lsp--json-mode "Cekura"
  "A mode for Cekura scenario files, served by cekura-lsp through Eglot.
\\{cekura-lsp-mode-map}")

;;;###autoload
(progn
  (add-to-list 'auto-mode-alist '("\\(?:\\`\\|/\\)cekura\\.tests\\.json\\'" . cekura-lsp-mode))
  (add-to-list 'auto-mode-alist '("\\.\\(?:scenario\\|evaluator\\|cekura\\)\\.json\\'" . cekura-lsp-mode))
  (add-to-list 'magic-mode-alist '(cekura-lsp--suite-schema-p . cekura-lsp-mode)))

;;;; The server

(defclass cekura-lsp-server (eglot-lsp-server) ()
  :documentation "cekura-lsp, which also opens reports and shows progress in Eglots that do not.")

(add-to-list 'eglot-server-programs
             `((cekura-lsp-mode :language-id "json")
               . ,(lambda (&rest _) (cons 'cekura-lsp-server cekura-lsp-server-command))))

(cl-defmethod eglot-initialization-options ((_server cekura-lsp-server))
  (list :cekura (cekura-lsp--settings)))

(cl-defmethod eglot-handle-request :around
  ((server cekura-lsp-server) (_method (eql workspace/configuration)) &key items)
  "Answer the `cekura' section from the customizations.
Unless `eglot-workspace-configuration' has one: that comes first."
  (let ((answers (cl-call-next-method)))
    (cl-loop for item across items
             for index from 0
             when (and (equal (plist-get item :section) "cekura") (null (aref answers index)))
             do (aset answers index
                      (with-temp-buffer
                        (setq default-directory
                              (let ((scope (plist-get item :scopeUri)))
                                (if scope (file-name-directory (eglot--uri-to-path scope))
                                  (project-root (eglot--project server)))))
                        (setq-local major-mode 'cekura-lsp-mode)
                        (hack-dir-local-variables-non-file-buffer)
                        (cekura-lsp--settings))))
    answers))

(cl-defmethod eglot-client-capabilities ((_server cekura-lsp-server))
  "Eglot's capabilities, plus the report and progress windows this file handles."
  (let ((capabilities (cl-call-next-method)))
    (plist-put capabilities :window
               (append '(:showDocument (:support t) :workDoneProgress t) (plist-get capabilities :window)))))

(cl-defmethod eglot-handle-request
  ((_server cekura-lsp-server) (_method (eql window/showDocument)) &key uri external takeFocus selection)
  "Open the document the server shows, a run's report, beside the file.
A report already visited is read again: each run rewrites it."
  (if (eq external t)
      (browse-url uri)
    (let* ((path (eglot--uri-to-path uri))
           (visiting (get-file-buffer path))
           (buffer (if (and visiting (not (buffer-modified-p visiting)))
                       (with-current-buffer visiting (revert-buffer t t t) visiting)
                     (find-file-noselect path)))
           (window (display-buffer buffer '((display-buffer-reuse-window display-buffer-pop-up-window)
                                            (inhibit-same-window . t)))))
      (when (and window selection)
        (with-selected-window window
          (goto-char (eglot--lsp-position-to-point (plist-get selection :start)))))
      (when (and window (eq takeFocus t)) (select-window window))))
  (list :success t))

;; Eglot 1.9 (Emacs 28) answers `window/workDoneProgress/create' but shows no progress; later Eglots do.
(unless (boundp 'eglot-report-progress)
  (cl-defmethod eglot-handle-notification
    ((_server cekura-lsp-server) (_method (eql $/progress)) &key value &allow-other-keys)
    (let ((percentage (plist-get value :percentage)))
      (message "cekura: %s%s%s"
               (or (plist-get value :title) "")
               (if percentage (format " %d%%" percentage) "")
               (let ((text (plist-get value :message))) (if text (concat " " text) ""))))))

;;;; Commands

(defun cekura-lsp--execute (command &optional extra)
  "Ask cekura-lsp to run COMMAND on this buffer at point.
EXTRA is a plist of more fields for the command's argument."
  (let ((server (eglot-current-server)))
    (unless (cl-typep server 'cekura-lsp-server)
      (user-error "cekura-lsp is not running for this buffer (M-x eglot)"))
    (unless (seq-contains-p (eglot--server-capable :executeCommandProvider :commands) command)
      (user-error "This cekura-lsp does not offer %s; update it" command))
    (jsonrpc-async-request
     server :workspace/executeCommand
     (list :command command
           :arguments (vector (append (list :uri (plist-get (eglot--TextDocumentIdentifier) :uri)
                                            :position (eglot--pos-to-lsp-position))
                                      extra)))
     :success-fn #'ignore
     :error-fn (lambda (error) (message "cekura-lsp: %s" (plist-get error :message)))
     ;; A run answers when it ends; progress and the report tell the user meanwhile.
     :timeout 3600)))

(defun cekura-lsp-run-text ()
  "Run the scenario at point in text mode and open the report.
It runs against the agent `cekura-lsp-agent-id'."
  (interactive)
  (cekura-lsp--execute "cekura.runText"))

(defun cekura-lsp-run-saved-text ()
  "Run the saved scenario at point in text mode and open the report."
  (interactive)
  (cekura-lsp--execute "cekura.runSavedText"))

(defun cekura-lsp-check-remote ()
  "Check the file against the Cekura API, as the API itself would."
  (interactive)
  (cekura-lsp--execute "cekura.checkRemote"))

(defun cekura-lsp-generate-instructions ()
  "Generate instructions for the scenario at point."
  (interactive)
  (cekura-lsp--execute "cekura.generateInstructions"))

(defun cekura-lsp-improve-instructions (feedback)
  "Improve the instructions of the scenario at point as FEEDBACK says."
  (interactive "sWhat should change in the instructions? ")
  (cekura-lsp--execute "cekura.improveInstructions" (list :feedback feedback)))

(defun cekura-lsp-refresh-catalogs ()
  "Read the personalities, metrics and test profiles from the API again."
  (interactive)
  (cekura-lsp--execute "cekura.refreshCatalogs"))

(provide 'cekura-lsp)
;;; cekura-lsp.el ends here
