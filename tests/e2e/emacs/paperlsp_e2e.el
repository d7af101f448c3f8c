;;; paperlsp_e2e.el --- Emacs (eglot, batch mode) against the PaperLsp server  -*- lexical-binding: t -*-
;; Run by run.sh, which sets the environment:
;;   PAPERLSP_DOTNET, PAPERLSP_SERVER_DLL   the server command
;;   PAPERLSP_SEED_COMPACT, PAPERLSP_SEED_SPACED   copies of the seeds, side by side in one folder
;;   PAPERLSP_RESULTS   the file that receives one line per check: "ok NAME" or "not ok NAME: reason"
;; Checks, in order: attach outline diagnostics hover references code-action formatting shutdown
(require 'package)
(package-initialize)                    ; activates Debian's elpa-eglot
(require 'eglot)
(require 'flymake)
(require 'cl-lib)

(defvar e2e-timeout 30)
(defvar e2e-results (getenv "PAPERLSP_RESULTS"))
(defvar e2e-compact (getenv "PAPERLSP_SEED_COMPACT"))
(defvar e2e-spaced (getenv "PAPERLSP_SEED_SPACED"))

(defun e2e-report (name ok &optional why)
  (write-region (if ok (format "ok %s\n" name) (format "not ok %s: %s\n" name (or why "failed")))
                nil e2e-results 'append 'silent))

(defun e2e-wait (predicate)
  "Waits up to `e2e-timeout' seconds for PREDICATE, serving process output meanwhile."
  (let ((deadline (+ (float-time) e2e-timeout)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

;; The watchdog: whatever hangs, the run ends and the missing checks fail in run.sh.
(run-at-time (* 4 e2e-timeout) nil (lambda () (kill-emacs 2)))

(define-derived-mode paper-digest-mode text-mode "PaperDigest")
(add-to-list 'auto-mode-alist '("\\.txt\\'" . paper-digest-mode))
(add-to-list 'eglot-server-programs
             `(paper-digest-mode ,(getenv "PAPERLSP_DOTNET") ,(getenv "PAPERLSP_SERVER_DLL") "lsp"))
(setq eglot-sync-connect e2e-timeout eglot-connect-timeout e2e-timeout eglot-autoshutdown nil)

(defun e2e-position-of-line (line)
  (list :line line :character 0))

(condition-case err
    (progn
      (find-file e2e-compact)
      (eglot-ensure)
      ;; eglot-ensure waits for a command to run; batch mode runs none.
      (run-hooks 'post-command-hook)
      (let ((server (e2e-wait #'eglot-current-server)))
        ;; 1. attach
        (let ((name (and server (plist-get (eglot--server-info server) :name))))
          (e2e-report "attach" (equal name "paperlsp") (format "server name %S" name)))
        (unless server (error "eglot did not connect"))
        (let ((doc `(:textDocument ,(eglot--TextDocumentIdentifier))))
          ;; 2. outline: seed 004 holds 119 papers
          (let ((symbols (jsonrpc-request server :textDocument/documentSymbol doc :timeout e2e-timeout)))
            (e2e-report "outline" (= (length symbols) 119) (format "%d symbols" (length symbols))))
          ;; 3. diagnostics, as flymake shows them: the 13 papers also in seed 000 (a file that is not open)
          (flymake-start)
          (let* ((spaced-name (file-name-nondirectory e2e-spaced))
                 (dups (e2e-wait (lambda ()
                                   ;; the index of the folder lands after the first diagnostics: ask flymake again
                                   (flymake-start)
                                   (let ((ds (cl-remove-if-not
                                              (lambda (d) (string-match-p (regexp-quote spaced-name) (flymake-diagnostic-text d)))
                                              (flymake-diagnostics))))
                                     (and (= (length ds) 13) ds))))))
            (e2e-report "diagnostics" dups (format "flymake shows %d diagnostics naming %s" (length (flymake-diagnostics)) spaced-name))
            ;; 4. hover on the title of the first duplicate: its TL;DR
            (let* ((line (when dups (1- (line-number-at-pos (flymake-diagnostic-beg (car dups))))))
                   (hover (when line
                            (jsonrpc-request server :textDocument/hover
                                             (append doc (list :position (e2e-position-of-line line)))
                                             :timeout e2e-timeout)))
                   (text (and hover (plist-get (plist-get hover :contents) :value))))
              (e2e-report "hover" (and text (string-match-p "TL;DR" text)) (format "hover: %S" text))
              ;; 5. references on that title: this copy and the one in seed 000
              (let* ((refs (when line
                             (jsonrpc-request server :textDocument/references
                                              (append doc (list :position (e2e-position-of-line line)
                                                                :context '(:includeDeclaration t)))
                                              :timeout e2e-timeout)))
                     (files (mapcar (lambda (r) (file-name-nondirectory (eglot--uri-to-path (plist-get r :uri)))) refs)))
                (e2e-report "references" (and (= (length files) 2) (member spaced-name files))
                            (format "references in %S" files)))))))
      ;; 6. code action, applied: seed 004 opens with a page phrase glued to the first title
      (let* ((server (eglot-current-server))
             (glued (e2e-wait (lambda ()
                                (cl-find-if (lambda (d) (string-match-p "glued" (flymake-diagnostic-text d))) (flymake-diagnostics)))))
             (line (and glued (1- (line-number-at-pos (flymake-diagnostic-beg glued)))))
             (before (count-lines (point-min) (point-max)))
             (actions (and line (jsonrpc-request server :textDocument/codeAction
                                                 `(:textDocument ,(eglot--TextDocumentIdentifier)
                                                   :range (:start (:line ,line :character 0) :end (:line ,line :character 0))
                                                   :context (:diagnostics []))
                                                 :timeout e2e-timeout)))
             (split (cl-find-if (lambda (a) (string-prefix-p "Split \"" (plist-get a :title))) actions)))
        (when (and split (not (plist-get split :edit)))
          (setq split (jsonrpc-request server :codeAction/resolve split :timeout e2e-timeout)))
        (when split (eglot--apply-workspace-edit (plist-get split :edit)))
        (let ((first-title (progn (goto-char (point-min)) (forward-line (1+ line))
                                  (buffer-substring-no-properties (line-beginning-position) (line-end-position)))))
          (e2e-report "code-action" (and split (= (count-lines (point-min) (point-max)) (1+ before)))
                      (format "actions %S; after the edit line %d reads %S"
                              (mapcar (lambda (a) (plist-get a :title)) actions) (1+ line) first-title)))
        ;; 7. formatting: compact -> spaced (a blank line between each title and its abstract), and a second run changes nothing
        (let ((lines (count-lines (point-min) (point-max))))
          (eglot-format-buffer)
          (let* ((formatted (buffer-substring-no-properties (point-min) (point-max)))
                 (grown (- (count-lines (point-min) (point-max)) lines)))
            (eglot-format-buffer)
            (e2e-report "formatting" (and (> grown 100) (string= formatted (buffer-substring-no-properties (point-min) (point-max))))
                        (format "formatting added %d lines; second run %s" grown
                                (if (string= formatted (buffer-string)) "kept the text" "changed it again"))))))
      ;; 8. shutdown: the server leaves cleanly
      (let ((server (eglot-current-server)))
        (eglot-shutdown server)
        (e2e-report "shutdown" (not (jsonrpc-running-p server)) "the server process is still running")))
  (error (e2e-report "error" nil (format "%S" err))))
(kill-emacs 0)
