/* handlers.c: the methods `startklar lsp` answers, as a table of method
 * name -> handler, and the loop that reads messages, dispatches them and
 * answers: a request's result or error (MethodNotFound for a method not in
 * the table, ParseError for a body that is not JSON), notifications without
 * an answer. The server goes on after every bad message. */
#include "lsp.h"

#include "../internal.h"

#include <stdlib.h>
#include <string.h>

/* A handler: 0 with *result set (requests), or an LSP error code with
 * *message naming what was wrong. */
typedef int (*handler)(lsp_server *s, json_t *params, json_t **result, const char **message);

int lsp_notify(lsp_server *s, const char *method, json_t *params)
{
    return lsp_write(s->out, json_pack("{s:s,s:s,s:o}", "jsonrpc", "2.0", "method", method, "params", params));
}

static int invalid(const char **message, const char *what)
{
    *message = what;
    return LSP_INVALID_PARAMS;
}

/* ---- lifecycle -------------------------------------------------------------- */

static int h_initialize(lsp_server *s, json_t *params, json_t **result, const char **message)
{
    (void)message;
    /* UTF-8 where the client offers it, else the protocol's UTF-16 */
    json_t *offered = json_object_get(json_object_get(json_object_get(params, "capabilities"), "general"),
                                      "positionEncodings");
    size_t i;
    json_t *enc;
    const char *chosen = "utf-16";
    json_array_foreach(offered, i, enc) {
        if (json_is_string(enc) && strcmp(json_string_value(enc), "utf-8") == 0) {
            s->enc = LSP_ENC_UTF8;
            chosen = "utf-8";
        }
    }
    const char *root = NULL;
    json_t *folders = json_object_get(params, "workspaceFolders");
    if (json_is_array(folders) && json_array_size(folders) > 0)
        root = json_string_value(json_object_get(json_array_get(folders, 0), "uri"));
    if (!root)
        root = json_string_value(json_object_get(params, "rootUri"));
    free(s->root);
    s->root = root ? lsp_uri_to_path(root) : NULL;
    if (!s->root && json_is_string(json_object_get(params, "rootPath")))
        s->root = sk_strdup(json_string_value(json_object_get(params, "rootPath")));
    if (lsp_configure(s, json_object_get(params, "initializationOptions")) || lsp_scan(s))
        return LSP_INTERNAL_ERROR;
    s->initialized = 1;
    *result = json_pack(
        "{s:{s:s,s:{s:b,s:i,s:{s:b}},s:b,s:{s:[s,s,s,s]},s:{s:[s,s]},s:{s:s,s:b,s:b}},s:{s:s,s:s}}",
        "capabilities", "positionEncoding", chosen, "textDocumentSync", "openClose", 1, "change", 1, "save",
        "includeText", 1, "hoverProvider", 1, "completionProvider", "triggerCharacters", " ", "[", ",", "-",
        "codeActionProvider", "codeActionKinds", "quickfix", "source", "diagnosticProvider", "identifier",
        "startklar", "interFileDependencies", 1, "workspaceDiagnostics", 0, "serverInfo", "name", "startklar",
        "version", SK_VERSION);
    return *result ? 0 : LSP_INTERNAL_ERROR;
}

static int h_shutdown(lsp_server *s, json_t *params, json_t **result, const char **message)
{
    (void)params, (void)message;
    s->shutdown = 1;
    *result = json_null();
    return 0;
}

static int h_exit(lsp_server *s, json_t *params, json_t **result, const char **message)
{
    (void)params, (void)result, (void)message;
    s->exited = 1;
    return 0;
}

static int h_ignore(lsp_server *s, json_t *params, json_t **result, const char **message)
{
    (void)s, (void)params, (void)result, (void)message;
    return 0;
}

/* ---- documents ------------------------------------------------------------- */

static const char *param_uri(json_t *params)
{
    return json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
}

/* Re-judges d's unit and the units it held before the change. */
static int rejudge(lsp_server *s, lsp_doc *d)
{
    size_t nold = d->nunits;
    char **old = d->units;
    d->units = NULL;
    d->nunits = 0;
    int rc = lsp_doc_reindex(s, d) || lsp_publish_unit(s, d, old, nold) ? LSP_INTERNAL_ERROR : 0;
    for (size_t i = 0; i < nold; i++)
        free(old[i]);
    free(old);
    return rc;
}

static int h_did_open(lsp_server *s, json_t *params, json_t **result, const char **message)
{
    (void)result;
    json_t *td = json_object_get(params, "textDocument");
    const char *uri = param_uri(params), *text = json_string_value(json_object_get(td, "text"));
    if (!uri || !text)
        return invalid(message, "didOpen needs textDocument.uri and .text");
    lsp_doc *d = lsp_doc_add(s, uri);
    if (!d)
        return invalid(message, "not a file:// URI");
    char *u = sk_strdup(uri);
    if (!u || lsp_doc_set_text(d, text, json_string_length(json_object_get(td, "text")))) {
        free(u);
        return LSP_INTERNAL_ERROR;
    }
    free(d->uri);
    d->uri = u; /* answer in the client's own spelling of it */
    d->open = 1;
    return rejudge(s, d);
}

/* Applies one change: the whole text, or a range of it replaced. */
static int apply_change(lsp_server *s, lsp_doc *d, json_t *change)
{
    json_t *t = json_object_get(change, "text");
    if (!json_is_string(t))
        return -1;
    const char *text = json_string_value(t);
    size_t tlen = json_string_length(t);
    json_t *r = json_object_get(change, "range");
    if (!r)
        return lsp_doc_set_text(d, text, tlen);
    size_t at[2];
    const char *ends[2] = {"start", "end"};
    for (int k = 0; k < 2; k++) {
        json_t *p = json_object_get(r, ends[k]);
        int line = (int)json_integer_value(json_object_get(p, "line"));
        int ch = (int)json_integer_value(json_object_get(p, "character"));
        size_t n;
        const char *l = lsp_line(d->text, d->len, line, &n);
        at[k] = l ? (size_t)(l - d->text) + lsp_lsp_to_byte(l, n, ch, s->enc) : d->len;
    }
    if (at[1] < at[0])
        at[1] = at[0];
    sk_buf b = {0};
    sk_buf_add(&b, d->text, at[0]);
    sk_buf_add(&b, text, tlen);
    sk_buf_add(&b, d->text + at[1], d->len - at[1]);
    int rc = b.failed ? -1 : lsp_doc_set_text(d, b.data ? b.data : "", b.len);
    sk_buf_free(&b);
    return rc;
}

static int h_did_change(lsp_server *s, json_t *params, json_t **result, const char **message)
{
    (void)result;
    lsp_doc *d = lsp_doc_find(s, param_uri(params));
    if (!d || !d->open)
        return invalid(message, "didChange of a document that is not open");
    size_t i;
    json_t *change;
    json_array_foreach(json_object_get(params, "contentChanges"), i, change)
        if (apply_change(s, d, change))
            return invalid(message, "a content change needs a text");
    return rejudge(s, d);
}

static int h_did_save(lsp_server *s, json_t *params, json_t **result, const char **message)
{
    (void)result;
    lsp_doc *d = lsp_doc_find(s, param_uri(params));
    if (!d)
        return invalid(message, "didSave of an unknown document");
    json_t *t = json_object_get(params, "text");
    if (d->open && json_is_string(t) && lsp_doc_set_text(d, json_string_value(t), json_string_length(t)))
        return LSP_INTERNAL_ERROR;
    return rejudge(s, d);
}

static int h_did_close(lsp_server *s, json_t *params, json_t **result, const char **message)
{
    (void)result;
    lsp_doc *d = lsp_doc_find(s, param_uri(params));
    if (!d)
        return invalid(message, "didClose of an unknown document");
    d->open = 0;
    free(d->text);
    d->text = NULL;
    d->len = 0;
    return rejudge(s, d); /* its unit now reads it from disk */
}

static int h_did_change_configuration(lsp_server *s, json_t *params, json_t **result, const char **message)
{
    (void)result, (void)message;
    return lsp_configure(s, json_object_get(params, "settings")) || lsp_publish_all(s) ? LSP_INTERNAL_ERROR : 0;
}

static int h_did_change_watched_files(lsp_server *s, json_t *params, json_t **result, const char **message)
{
    (void)result, (void)message;
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(params, "changes"), i, c) {
        const char *uri = json_string_value(json_object_get(c, "uri"));
        lsp_doc *d = uri ? lsp_doc_add(s, uri) : NULL;
        if (d && !d->open && lsp_doc_reindex(s, d))
            return LSP_INTERNAL_ERROR;
    }
    return lsp_publish_all(s) ? LSP_INTERNAL_ERROR : 0;
}

/* ---- requests on a document -------------------------------------------------- */

static lsp_doc *request_doc(lsp_server *s, json_t *params, int *line, int *character)
{
    json_t *pos = json_object_get(params, "position");
    if (line)
        *line = (int)json_integer_value(json_object_get(pos, "line"));
    if (character)
        *character = (int)json_integer_value(json_object_get(pos, "character"));
    return lsp_doc_find(s, param_uri(params));
}

static int h_diagnostic(lsp_server *s, json_t *params, json_t **result, const char **message)
{
    lsp_doc *d = request_doc(s, params, NULL, NULL);
    if (!d)
        return invalid(message, "textDocument/diagnostic of an unknown document");
    json_t *items = lsp_diagnostics(s, d);
    *result = items ? json_pack("{s:s,s:o}", "kind", "full", "items", items) : NULL;
    return *result ? 0 : LSP_INTERNAL_ERROR;
}

static int h_hover(lsp_server *s, json_t *params, json_t **result, const char **message)
{
    int line, ch;
    lsp_doc *d = request_doc(s, params, &line, &ch);
    if (!d)
        return invalid(message, "hover on an unknown document");
    *result = lsp_hover(s, d, line, ch);
    return *result ? 0 : LSP_INTERNAL_ERROR;
}

static int h_completion(lsp_server *s, json_t *params, json_t **result, const char **message)
{
    int line, ch;
    lsp_doc *d = request_doc(s, params, &line, &ch);
    if (!d)
        return invalid(message, "completion in an unknown document");
    *result = lsp_completion(s, d, line, ch);
    return *result ? 0 : LSP_INTERNAL_ERROR;
}

static int h_code_action(lsp_server *s, json_t *params, json_t **result, const char **message)
{
    lsp_doc *d = request_doc(s, params, NULL, NULL);
    if (!d)
        return invalid(message, "codeAction in an unknown document");
    json_t *r = json_object_get(params, "range");
    int from = (int)json_integer_value(json_object_get(json_object_get(r, "start"), "line"));
    int to = (int)json_integer_value(json_object_get(json_object_get(r, "end"), "line"));
    *result = lsp_code_actions(s, d, from, to);
    return *result ? 0 : LSP_INTERNAL_ERROR;
}

/* ---- the table ----------------------------------------------------------------- */

typedef struct method {
    const char *name;
    handler run;
    int before_init; /* may come before initialize */
} method;

static const method METHODS[] = {
    {"initialize", h_initialize, 1},
    {"initialized", h_ignore, 0},
    {"shutdown", h_shutdown, 1},
    {"exit", h_exit, 1},
    {"textDocument/didOpen", h_did_open, 0},
    {"textDocument/didChange", h_did_change, 0},
    {"textDocument/didSave", h_did_save, 0},
    {"textDocument/didClose", h_did_close, 0},
    {"workspace/didChangeConfiguration", h_did_change_configuration, 0},
    {"workspace/didChangeWatchedFiles", h_did_change_watched_files, 0},
    {"textDocument/diagnostic", h_diagnostic, 0},
    {"textDocument/hover", h_hover, 0},
    {"textDocument/completion", h_completion, 0},
    {"textDocument/codeAction", h_code_action, 0},
    {"$/cancelRequest", h_ignore, 1},
    {"$/setTrace", h_ignore, 1},
    {NULL, NULL, 0},
};

static void respond_error(lsp_server *s, json_t *id, int code, const char *message)
{
    lsp_write(s->out, json_pack("{s:s,s:O,s:{s:i,s:s}}", "jsonrpc", "2.0", "id", id ? id : json_null(), "error",
                                "code", code, "message", message));
}

void lsp_handle(lsp_server *s, json_t *msg)
{
    json_t *id = json_object_get(msg, "id");
    const char *name = json_string_value(json_object_get(msg, "method"));
    if (!json_is_object(msg) || (!name && !id) || (id && !json_is_string(id) && !json_is_integer(id))) {
        respond_error(s, NULL, LSP_INVALID_REQUEST, "not a JSON-RPC request or notification");
        return;
    }
    if (!name) /* a response to a request of ours: none is sent */
        return;
    const method *m = METHODS;
    while (m->name && strcmp(m->name, name) != 0)
        m++;
    if (!m->name) {
        if (id) /* an unknown notification is ignored, as the protocol says */
            respond_error(s, id, LSP_METHOD_NOT_FOUND, "method not found");
        return;
    }
    if (!s->initialized && !m->before_init) {
        if (id)
            respond_error(s, id, LSP_SERVER_NOT_INITIALIZED, "the server is not initialized");
        return;
    }
    if (s->shutdown && id && strcmp(name, "shutdown") != 0) {
        respond_error(s, id, LSP_INVALID_REQUEST, "the server is shutting down");
        return;
    }
    json_t *params = json_object_get(msg, "params"), *result = NULL;
    const char *message = "the request failed";
    int code = m->run(s, params, &result, &message);
    if (!id) {
        json_decref(result);
        if (code)
            lsp_notify(s, "window/logMessage",
                       json_pack("{s:i,s:s}", "type", 1, "message", message));
        return;
    }
    if (code)
        respond_error(s, id, code, code == LSP_INTERNAL_ERROR ? "out of memory" : message);
    else
        lsp_write(s->out, json_pack("{s:s,s:O,s:o}", "jsonrpc", "2.0", "id", id, "result",
                                    result ? result : json_null()));
}

int lsp_serve(FILE *in, FILE *out, FILE *log)
{
    lsp_server s;
    lsp_server_init(&s, in, out);
    static const char *const READ_ERRORS[] = {
        [LSP_READ_BAD_HEADER] = "a message without a valid Content-Length header",
        [LSP_READ_BAD_JSON] = "a message whose body is not JSON",
        [LSP_READ_TOO_BIG] = "a message larger than 64 MB"};
    while (!s.exited) {
        json_t *msg;
        lsp_read_status st = lsp_read(in, &msg);
        if (st == LSP_READ_EOF)
            break;
        if (st != LSP_READ_OK) {
            fprintf(log, "startklar lsp: %s\n", READ_ERRORS[st]);
            respond_error(&s, NULL, LSP_PARSE_ERROR, READ_ERRORS[st]);
            continue;
        }
        lsp_handle(&s, msg);
        json_decref(msg);
    }
    int code = s.exited && s.shutdown ? 0 : 1;
    lsp_server_free(&s);
    return code;
}
