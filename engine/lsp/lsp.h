/* lsp.h: what the files of `startklar lsp` share: the server's state (the
 * workspace's documents, its configuration, the rules loaded once and the
 * one runtime reused), the message framing, position conversion and the
 * handlers table. protocol.c frames messages, position.c converts columns,
 * workspace.c keeps the documents and judges units, handlers.c answers the
 * methods, edit.c computes completions and code actions. */
#ifndef SK_LSP_H
#define SK_LSP_H

#include "startklar/startklar.h"

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

/* ---- JSON-RPC error codes (LSP 3.17) ---------------------------------------- */
enum {
    LSP_PARSE_ERROR = -32700,
    LSP_INVALID_REQUEST = -32600,
    LSP_METHOD_NOT_FOUND = -32601,
    LSP_INVALID_PARAMS = -32602,
    LSP_INTERNAL_ERROR = -32603,
    LSP_SERVER_NOT_INITIALIZED = -32002,
    LSP_REQUEST_FAILED = -32803
};

/* ---- framing (protocol.c) ------------------------------------------------------ */

#define LSP_MAX_MESSAGE (64u << 20) /* a larger message is skipped with an error */

typedef enum { LSP_READ_OK, LSP_READ_EOF, LSP_READ_BAD_HEADER, LSP_READ_BAD_JSON, LSP_READ_TOO_BIG } lsp_read_status;

/* Reads one message (Content-Length framing) into *msg (NULL unless OK). */
lsp_read_status lsp_read(FILE *in, json_t **msg);
/* Writes one message (steals msg). 0, or -1 on a write error. */
int lsp_write(FILE *out, json_t *msg);

/* ---- positions (position.c) ------------------------------------------------------ */

typedef enum { LSP_ENC_UTF16, LSP_ENC_UTF8, LSP_ENC_UTF32 } lsp_encoding;

/* The start of 0-based line `line` in text, or NULL past the end; *len is
 * its length without the line break. */
const char *lsp_line(const char *text, size_t textlen, int line, size_t *len);
/* The engine's column (1-based, in characters as libyaml counts them) on a
 * line of bytes, as an LSP character offset in enc. Past the end: the end. */
int lsp_column_to_lsp(const char *line, size_t len, int column, lsp_encoding enc);
/* An LSP character offset in enc on a line, as a byte offset into it. */
size_t lsp_lsp_to_byte(const char *line, size_t len, int character, lsp_encoding enc);
/* The length of the line in enc units. */
int lsp_line_units(const char *line, size_t len, lsp_encoding enc);

/* ---- the server ------------------------------------------------------------------ */

typedef struct lsp_finding {
    char *rule, *message, *unit, *path;
    char *stable; /* the path with list items by identity, for a waiver */
    int line, column; /* the engine's: 1-based, characters */
    sk_severity severity;
    int waived;
} lsp_finding;

typedef struct lsp_doc {
    char *uri;
    char *path;   /* the file, as the engine names it */
    char *text;   /* open: the editor's text; else NULL (read from disk) */
    size_t len;
    int open;
    char **units; /* the HSA-ids of its documents */
    size_t nunits;
    char *kind;   /* of its first document, when it loads */
    lsp_finding *findings; /* of the last judgement (open documents) */
    size_t nfindings;
} lsp_doc;

typedef struct lsp_config {
    char **rule_dirs;
    size_t nrule_dirs;
    int no_builtin;
    char *profile, *lang, *as_of, *only, *skip;
    char **waivers;
    size_t nwaivers;
} lsp_config;

typedef struct lsp_server {
    FILE *in, *out;
    lsp_encoding enc;
    char *root; /* the workspace folder, or NULL */
    lsp_doc *docs;
    size_t ndocs, cap;
    lsp_config cfg;
    sk_limits limits;
    sk_rules *rules;
    sk_profile *policy;
    sk_runtime *rt;
    sk_catalogue *cat;
    sk_errors setup_errors; /* of the configuration: shown on every open document */
    int initialized, shutdown, exited;
} lsp_server;

/* workspace.c */
void lsp_server_init(lsp_server *s, FILE *in, FILE *out);
void lsp_server_free(lsp_server *s);
/* (Re)reads the configuration from a JSON object (NULL: defaults) and loads
 * the rules, profile, waivers and language. 0, or -1 when out of memory. */
int lsp_configure(lsp_server *s, json_t *settings);
/* Indexes every YAML file below the root from disk. */
int lsp_scan(lsp_server *s);
lsp_doc *lsp_doc_find(lsp_server *s, const char *uri);
lsp_doc *lsp_doc_add(lsp_server *s, const char *uri);
/* Sets an open document's text (takes a copy). 0 or -1. */
int lsp_doc_set_text(lsp_doc *d, const char *text, size_t len);
/* Re-reads which units a document holds (from its text, or disk). */
int lsp_doc_reindex(lsp_server *s, lsp_doc *d);
/* The diagnostics of one document, judged with its whole unit(s); also
 * keeps its findings for hover and code actions. NULL when out of memory. */
json_t *lsp_diagnostics(lsp_server *s, lsp_doc *d);
/* Publishes the diagnostics of d and of every other open document that
 * shares a unit with it (or held one of old_units). 0 or -1. */
int lsp_publish_unit(lsp_server *s, lsp_doc *d, char **old_units, size_t nold);
int lsp_publish_all(lsp_server *s);
/* The text of a document: the editor's, or the file's (malloc'd into *owned). */
const char *lsp_doc_text(lsp_server *s, lsp_doc *d, size_t *len, char **owned);
/* A path as a file:// URI and back (malloc'd; NULL when it is not one). */
char *lsp_uri_to_path(const char *uri);
char *lsp_path_to_uri(const char *path);
/* A text in the configured language. */
const char *lsp_label(const lsp_server *s, const char *english);

/* edit.c */
json_t *lsp_completion(lsp_server *s, lsp_doc *d, int line, int character);
json_t *lsp_code_actions(lsp_server *s, lsp_doc *d, int line_from, int line_to);
json_t *lsp_hover(lsp_server *s, lsp_doc *d, int line, int character);

/* handlers.c: answers one message; sets s->exited on `exit`. */
void lsp_handle(lsp_server *s, json_t *msg);
/* Sends a notification (steals params). */
int lsp_notify(lsp_server *s, const char *method, json_t *params);

/* The server's loop: reads from in until exit or end of input. Returns the
 * exit code: 0 after shutdown then exit, else 1. */
int lsp_serve(FILE *in, FILE *out, FILE *log);

#endif
