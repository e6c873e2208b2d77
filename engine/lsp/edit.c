/* edit.c: what the server offers at a position of a document: hover (a
 * finding's rule, or a rule id under the cursor: title, message and
 * explanation in the configured language), completion (the closed
 * vocabularies of the schema tables for the key at the cursor, and the
 * plan's target-group ids inside an activity's target_groups) and code
 * actions ("waive for 30 days" appended to the configured waivers file,
 * "insert the missing field" where a finding names a key that is not there). */
#include "lsp.h"

#include "../cli/cli.h"
#include "../internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_DEPTH 32
#define WAIVE_DAYS 30

/* ---- hover --------------------------------------------------------------------- */

static void rule_text(sk_buf *b, const lsp_server *s, const char *id, const char *message)
{
    const sk_rule_info *ri = sk_rules_find(s->rules, id);
    sk_buf_printf(b, "**%s**%s%s\n\n", id, ri ? " " : "", ri ? ri->title : "");
    if (message)
        sk_buf_printf(b, "%s\n\n", message);
    if (ri && ri->explain)
        sk_buf_printf(b, "%s\n\n", ri->explain);
    const sk_text *fix = ri ? sk_texts_pick(&ri->fixes, sk_catalogue_lang(s->cat)) : NULL;
    if (fix && fix->text)
        sk_buf_printf(b, "**%s** %s\n\n", lsp_label(s, "Fix:"), fix->text);
    if (ri)
        sk_buf_printf(b, "_%s: %s_\n\n", lsp_label(s, "Severity"), lsp_label(s, sk_severity_name(ri->severity)));
}

static int id_char(char c)
{
    return isalnum((unsigned char)c) || c == '-' || c == '_';
}

json_t *lsp_hover(lsp_server *s, lsp_doc *d, int line, int character)
{
    sk_buf b = {0};
    for (size_t i = 0; i < d->nfindings; i++)
        if (d->findings[i].line == line + 1)
            rule_text(&b, s, d->findings[i].rule, d->findings[i].message);
    if (!b.len) {
        size_t len, n;
        char *owned;
        const char *text = lsp_doc_text(s, d, &len, &owned);
        const char *l = lsp_line(text, len, line, &n);
        if (l) {
            size_t at = lsp_lsp_to_byte(l, n, character, s->enc), from = at, to = at;
            while (from > 0 && id_char(l[from - 1]))
                from--;
            while (to < n && id_char(l[to]))
                to++;
            char *word = to > from ? sk_printf("%.*s", (int)(to - from), l + from) : NULL;
            if (word && sk_rules_find(s->rules, word))
                rule_text(&b, s, word, NULL);
            free(word);
        }
        free(owned);
    }
    if (b.failed) {
        sk_buf_free(&b);
        return NULL;
    }
    if (!b.len)
        return json_null();
    while (b.len && b.data[b.len - 1] == '\n')
        b.data[--b.len] = '\0';
    json_t *r = json_pack("{s:{s:s,s:s}}", "contents", "kind", "markdown", "value", b.data);
    sk_buf_free(&b);
    return r;
}

/* ---- where the cursor is: the keys above it, by indentation ---------------------------- */

typedef struct yaml_line {
    int blank;   /* empty or a comment */
    int indent;  /* of its first character */
    int content; /* where its key or value starts, after any "- " */
    const char *key; /* the key at content, or NULL */
    size_t keylen;
} yaml_line;

static yaml_line scan_line(const char *l, size_t n)
{
    yaml_line y = {0};
    size_t i = 0;
    while (i < n && l[i] == ' ')
        i++;
    y.indent = (int)i;
    if (i >= n || l[i] == '#') {
        y.blank = 1;
        return y;
    }
    while (i + 1 < n && l[i] == '-' && l[i + 1] == ' ') {
        i += 2;
        while (i < n && l[i] == ' ')
            i++;
    }
    if (i < n && l[i] == '-' && i + 1 == n)
        i++;
    y.content = (int)i;
    size_t k = i;
    while (k < n && l[k] != ':' && l[k] != '#' && l[k] != '[' && l[k] != '{' && l[k] != ' ')
        k++;
    if (k < n && k > i && l[k] == ':' && (k + 1 == n || l[k + 1] == ' ')) {
        y.key = l + i;
        y.keylen = k - i;
    }
    return y;
}

typedef struct cursor_path {
    char keys[MAX_DEPTH][64];
    int nkeys;
    int in_list; /* the value is an item of the last key's list */
    const char *word; /* what is typed so far */
} cursor_path;

static void push_front(cursor_path *p, const char *key, size_t len)
{
    if (p->nkeys >= MAX_DEPTH || len >= sizeof p->keys[0])
        return;
    memmove(p->keys[1], p->keys[0], (size_t)p->nkeys * sizeof p->keys[0]);
    memcpy(p->keys[0], key, len);
    p->keys[0][len] = '\0';
    p->nkeys++;
}

/* The keys leading to the value being typed at byte at of line. 0 when the
 * cursor is not at a value. */
static int cursor_keys(const char *text, size_t len, int line, size_t at, cursor_path *p)
{
    size_t n;
    const char *l = lsp_line(text, len, line, &n);
    if (!l)
        return 0;
    if (at > n)
        at = n;
    yaml_line y = scan_line(l, at);
    int col;
    if (y.key) {
        const char *v = y.key + y.keylen + 1, *end = l + at;
        while (v < end && *v == ' ')
            v++;
        const char *open = memchr(v, '[', (size_t)(end - v));
        if (open && !memchr(open, ']', (size_t)(end - open)))
            p->in_list = 1;
        else if (open)
            return 0;
        push_front(p, y.key, y.keylen);
        col = y.content;
    } else if (y.content > y.indent) {
        p->in_list = 1; /* "- value" */
        col = y.indent;
    } else {
        return 0;
    }
    const char *w = l + at;
    while (w > l && (id_char(w[-1]) || w[-1] == '.'))
        w--;
    p->word = w;
    for (int k = line - 1; k >= 0 && col > 0; k--) {
        const char *u = lsp_line(text, len, k, &n);
        yaml_line a = scan_line(u, n);
        if (a.blank || a.indent >= col)
            continue;
        if (a.key && a.content < col)
            push_front(p, a.key, a.keylen);
        col = a.indent;
    }
    return 1;
}

/* The kind of a document: its first document's, or a top-level "kind:" line. */
static const sk_kind *doc_kind(const lsp_doc *d, const char *text, size_t len)
{
    if (d->kind)
        return sk_kind_find(d->kind);
    size_t n;
    const char *l;
    for (int k = 0; (l = lsp_line(text, len, k, &n)); k++)
        if (n > 6 && strncmp(l, "kind: ", 6) == 0) {
            char name[64];
            snprintf(name, sizeof name, "%.*s", (int)(n - 6), l + 6);
            return sk_kind_find(name);
        }
    return NULL;
}

/* The shape at a key path (lists and dictionaries stepped through). */
static const sk_shape *shape_at(const sk_shape *sh, char keys[][64], int nkeys)
{
    for (int i = 0; sh && i < nkeys; i++) {
        while (sh->type == SK_T_LIST && sh->item)
            sh = sh->item;
        if (sh->type == SK_T_DICT) {
            sh = sh->item;
            continue;
        }
        if (sh->type != SK_T_MAP)
            return NULL;
        const sk_field *f = sh->fields;
        while (f->key && strcmp(f->key, keys[i]) != 0)
            f++;
        sh = f->key ? f->shape : NULL;
    }
    return sh;
}

static int add_item(json_t *items, const char *label, int kind, const char *detail)
{
    json_t *it = json_pack("{s:s,s:i,s:s}", "label", label, "kind", kind, "detail", detail);
    return it && json_array_append_new(items, it) == 0 ? 0 : -1;
}

/* The ids of the top-level target_groups of a plan's text. */
static int target_group_ids(const char *text, size_t len, json_t *items, const char *detail)
{
    size_t n;
    const char *l;
    int in = 0, item_col = -1;
    for (int k = 0; (l = lsp_line(text, len, k, &n)); k++) {
        yaml_line y = scan_line(l, n);
        if (y.blank)
            continue;
        if (y.indent == 0) {
            in = y.key && y.keylen == 13 && strncmp(y.key, "target_groups", 13) == 0;
            item_col = -1;
            continue;
        }
        if (!in || !y.key || y.keylen != 2 || strncmp(y.key, "id", 2) != 0)
            continue;
        if (item_col < 0)
            item_col = y.content;
        if (y.content != item_col)
            continue;
        const char *v = y.key + 3, *end = l + n;
        while (v < end && *v == ' ')
            v++;
        size_t vl = 0;
        while (v + vl < end && v[vl] != ' ' && v[vl] != '#')
            vl++;
        if (vl >= 2 && (v[0] == '"' || v[0] == '\'') && v[vl - 1] == v[0])
            v++, vl -= 2;
        char *id = vl ? sk_printf("%.*s", (int)vl, v) : NULL;
        int rc = id ? add_item(items, id, 18, detail) : 0;
        free(id);
        if (rc)
            return -1;
    }
    return 0;
}

json_t *lsp_completion(lsp_server *s, lsp_doc *d, int line, int character)
{
    size_t len, n;
    char *owned;
    const char *text = lsp_doc_text(s, d, &len, &owned);
    json_t *items = json_array();
    const char *l = lsp_line(text, len, line, &n);
    cursor_path p = {0};
    int rc = items ? 0 : -1;
    if (rc == 0 && l && cursor_keys(text, len, line, lsp_lsp_to_byte(l, n, character, s->enc), &p)) {
        int activity = 0;
        for (int i = 0; i < p.nkeys; i++)
            activity |= strcmp(p.keys[i], "activities") == 0;
        const sk_kind *kind = doc_kind(d, text, len);
        const sk_shape *sh = kind ? shape_at(kind->root, p.keys, p.nkeys) : NULL;
        while (sh && p.in_list && sh->type == SK_T_LIST && sh->item)
            sh = sh->item;
        if (activity && p.nkeys > 0 && strcmp(p.keys[p.nkeys - 1], "target_groups") == 0)
            rc = target_group_ids(text, len, items, lsp_label(s, "target group"));
        else if (sh && sh->type == SK_T_ENUM)
            for (const char *const *w = sh->vocab; rc == 0 && *w; w++)
                rc = add_item(items, *w, 20, p.keys[p.nkeys - 1]);
        else if (sh && sh->type == SK_T_BOOL)
            rc = add_item(items, "true", 12, p.keys[p.nkeys - 1]) || add_item(items, "false", 12, p.keys[p.nkeys - 1]);
    }
    free(owned);
    if (rc) {
        json_decref(items);
        return NULL;
    }
    return json_pack("{s:b,s:o}", "isIncomplete", 0, "items", items);
}

/* ---- code actions ----------------------------------------------------------------- */

/* The date days after a valid "YYYY-MM-DD" (the civil calendar from a day count). */
static void date_plus(const char *date, long days, char out[11])
{
    int64_t z = sk_date_days(date) + days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    int64_t dd = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
    snprintf(out, 11, "%04d-%02d-%02d", (int)(y + (m <= 2)), (int)m, (int)dd);
}

/* A YAML scalar for a value we write: quoted when it is not plain-safe. */
static void yaml_scalar(sk_buf *b, const char *v)
{
    int plain = *v != '\0';
    for (const char *p = v; *p && plain; p++)
        plain = id_char(*p) || *p == '.' || *p == '[' || *p == ']' || *p == '=';
    if (plain && !isdigit((unsigned char)*v)) {
        sk_buf_puts(b, v);
        return;
    }
    sk_buf_json(b, v);
}

static json_t *position(int line, int character)
{
    return json_pack("{s:i,s:i}", "line", line, "character", character);
}

static json_t *insert_edit(int line, int character, const char *text)
{
    return json_pack("{s:{s:o,s:o},s:s}", "range", "start", position(line, character), "end",
                     position(line, character), "newText", text);
}

/* "Waive for 30 days": a waiver entry appended to the first waivers file. */
static json_t *waive_action(lsp_server *s, const lsp_finding *f, const char *as_of)
{
    if (!s->cfg.nwaivers)
        return json_null();
    const char *file = s->cfg.waivers[0];
    char *uri = lsp_path_to_uri(file);
    lsp_doc *w = uri ? lsp_doc_add(s, uri) : NULL; /* may move documents: f is copied by the caller */
    if (!w) { /* not a file this server can name */
        free(uri);
        return json_null();
    }
    size_t len;
    char *owned;
    const char *text = lsp_doc_text(s, w, &len, &owned);
    int lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += text[i] == '\n';
    size_t n;
    const char *tail = lsp_line(text, len, lines, &n);
    int col = tail ? lsp_line_units(tail, n, s->enc) : 0;
    char expires[11];
    date_plus(as_of, WAIVE_DAYS, expires);
    sk_buf b = {0};
    if (col)
        sk_buf_puts(&b, "\n");
    if (len == 0)
        sk_buf_puts(&b, "kind: waivers\nversion: 1\nwaivers:\n");
    sk_buf_puts(&b, "  - rule: ");
    yaml_scalar(&b, f->rule);
    sk_buf_puts(&b, "\n    unit: ");
    yaml_scalar(&b, f->unit);
    if (f->stable && *f->stable) {
        sk_buf_puts(&b, "\n    path: ");
        yaml_scalar(&b, f->stable);
    }
    sk_buf_printf(&b, "\n    reason: \"%s\"\n    approved_by: \"%s\"\n    expires: %s\n",
                  lsp_label(s, "TODO: why this gap is accepted"), lsp_label(s, "TODO: name, role"), expires);
    free(owned);
    char title[256];
    snprintf(title, sizeof title, lsp_label(s, "Waive %s for %d days"), f->rule, WAIVE_DAYS);
    json_t *edit = b.failed ? NULL : insert_edit(lines, col, b.data);
    sk_buf_free(&b);
    json_t *action;
    if (access(file, F_OK) == 0)
        action = edit ? json_pack("{s:s,s:s,s:{s:{s:[o]}}}", "title", title, "kind", "quickfix", "edit", "changes",
                                  uri, edit)
                      : NULL;
    else /* created by the edit */
        action = edit ? json_pack("{s:s,s:s,s:{s:[{s:s,s:s,s:{s:b}},{s:{s:s,s:n},s:[o]}]}}", "title", title, "kind",
                                  "quickfix", "edit", "documentChanges", "kind", "create", "uri", uri, "options",
                                  "ignoreIfExists", 1, "textDocument", "uri", uri, "version", "edits", edit)
                      : NULL;
    free(uri);
    return action;
}

/* The node at a report path ("a.b[2].c") and, when its last key is missing,
 * the map that lacks it; NULL when another part is missing. */
static const sk_node *missing_parent(const sk_node *root, const char *path, char *key, size_t keysize)
{
    const sk_node *node = root;
    const char *p = path;
    while (*p && node) {
        if (*p == '[') {
            long idx = strtol(p + 1, (char **)&p, 10);
            if (*p != ']' || node->type != SK_NODE_SEQ || idx < 1 || (size_t)idx > node->v.seq.count)
                return NULL;
            node = node->v.seq.items[idx - 1];
            p++;
            continue;
        }
        if (*p == '.')
            p++;
        size_t n = strcspn(p, ".[");
        if (n == 0 || n >= keysize || node->type != SK_NODE_MAP)
            return NULL;
        memcpy(key, p, n);
        key[n] = '\0';
        p += n;
        const sk_node *next = sk_node_get(node, key);
        if (!next && !sk_node_pair(node, key))
            return *p ? NULL : node;
        node = next;
    }
    return NULL;
}

/* A placeholder for a value of a shape, from the schema tables. */
static void placeholder(sk_buf *b, const sk_shape *sh, const char *as_of)
{
    switch (sh ? sh->type : SK_T_STR) {
    case SK_T_ENUM:
        sk_buf_puts(b, sh->vocab[0]);
        break;
    case SK_T_DATE:
        sk_buf_puts(b, as_of);
        break;
    case SK_T_INT:
        sk_buf_printf(b, "%lld", sh->min <= sh->max ? sh->min : 0);
        break;
    case SK_T_NUM:
        sk_buf_puts(b, "0");
        break;
    case SK_T_BOOL:
        sk_buf_puts(b, "false");
        break;
    case SK_T_LIST:
        sk_buf_puts(b, "[]");
        break;
    case SK_T_MAP:
    case SK_T_DICT:
        sk_buf_puts(b, "{}");
        break;
    default:
        sk_buf_puts(b, "\"TODO\"");
    }
}

/* The path's keys, for the schema. */
static int path_keys(const char *path, char keys[][64])
{
    int n = 0;
    for (const char *p = path; *p && n < MAX_DEPTH;) {
        if (*p == '[') {
            p += strcspn(p, "]");
            p += *p != '\0';
            continue;
        }
        if (*p == '.')
            p++;
        size_t k = strcspn(p, ".[");
        if (k && k < 64) {
            memcpy(keys[n], p, k);
            keys[n++][k] = '\0';
        }
        p += k;
    }
    return n;
}

/* "Insert the missing field": a line "key: placeholder" at the end of the
 * block map that lacks it. */
static json_t *insert_action(lsp_server *s, lsp_doc *d, const lsp_finding *f, const char *as_of)
{
    size_t len;
    char *owned;
    const char *text = lsp_doc_text(s, d, &len, &owned);
    sk_docset *ds = sk_docset_new(&s->limits);
    sk_errors errs;
    sk_errors_init(&errs);
    json_t *action = json_null();
    if (!ds) {
        free(owned);
        return NULL;
    }
    sk_load_buffer(ds, d->path, text, len, &errs);
    char key[64];
    for (size_t i = 0; i < ds->count && action == json_null(); i++) {
        if (!ds->docs[i].hsa_id || strcmp(ds->docs[i].hsa_id, f->unit) != 0)
            continue;
        const sk_node *map = missing_parent(ds->docs[i].root, f->path, key, sizeof key);
        if (!map || map->v.map.count == 0)
            continue;
        int col = map->v.map.items[0].column, first = map->v.map.items[0].line;
        size_t n;
        const char *l = lsp_line(text, len, first - 1, &n);
        if (!l || (size_t)(col - 1) > n || l[col - 2 >= 0 ? col - 2 : 0] == '{')
            continue; /* a flow map: not written here */
        /* the block ends before the first line indented less than its keys */
        int last = first;
        for (int k = first; (l = lsp_line(text, len, k, &n)); k++) {
            yaml_line y = scan_line(l, n);
            if (!y.blank && (y.indent < col - 1 || (n >= 3 && strncmp(l, "---", 3) == 0)))
                break;
            if (!y.blank)
                last = k + 1;
        }
        char keys[MAX_DEPTH][64];
        int nk = path_keys(f->path, keys);
        const sk_kind *kind = sk_kind_find(ds->docs[i].kind);
        const sk_shape *sh = kind ? shape_at(kind->root, keys, nk) : NULL;
        /* the value `init` writes for it, else one from the schema */
        sk_buf generic = {0};
        for (const char *c = f->path; *c; c++) {
            sk_buf_add(&generic, c, 1);
            if (*c == '[')
                c += strcspn(c, "]") - 1;
        }
        const char *example = generic.data && !generic.failed ? init_example(generic.data) : NULL;
        sk_buf_free(&generic);
        sk_buf b = {0};
        sk_buf_printf(&b, "%*s%s: ", col - 1, "", key);
        if (example)
            sk_buf_puts(&b, example);
        else
            placeholder(&b, sh, as_of);
        sk_buf_puts(&b, "\n");
        char title[256];
        snprintf(title, sizeof title, lsp_label(s, "Insert the missing field '%s'"), key);
        json_t *edit = b.failed ? NULL : insert_edit(last, 0, b.data);
        sk_buf_free(&b);
        action = edit ? json_pack("{s:s,s:s,s:{s:{s:[o]}}}", "title", title, "kind", "quickfix", "edit", "changes",
                                  d->uri, edit)
                      : NULL;
    }
    sk_errors_free(&errs);
    sk_docset_free(ds);
    free(owned);
    return action;
}

json_t *lsp_code_actions(lsp_server *s, lsp_doc *d, int line_from, int line_to)
{
    json_t *list = json_array();
    char as_of[11];
    if (s->cfg.as_of && strlen(s->cfg.as_of) == 10 && sk_date_valid(s->cfg.as_of, 10))
        memcpy(as_of, s->cfg.as_of, 11);
    else
        today(as_of);
    char *uri = sk_strdup(d->uri);
    size_t nf = d->nfindings;
    lsp_finding *fs = nf ? calloc(nf, sizeof *fs) : NULL;
    int rc = list && uri && (!nf || fs) ? 0 : -1;
    /* copies: adding the waivers file to the documents may move d */
    for (size_t i = 0; rc == 0 && i < nf; i++) {
        fs[i] = d->findings[i];
        fs[i].rule = sk_strdup(d->findings[i].rule), fs[i].unit = sk_strdup(d->findings[i].unit);
        fs[i].path = sk_strdup(d->findings[i].path), fs[i].stable = sk_strdup(d->findings[i].stable);
        fs[i].message = NULL;
        if (!fs[i].rule || !fs[i].unit || !fs[i].path || !fs[i].stable)
            rc = -1;
    }
    for (size_t i = 0; rc == 0 && i < nf; i++) {
        if (fs[i].line - 1 < line_from || fs[i].line - 1 > line_to || fs[i].waived)
            continue;
        lsp_doc *cur = lsp_doc_find(s, uri);
        json_t *a = cur ? insert_action(s, cur, &fs[i], as_of) : json_null();
        if (!a || (a != json_null() && json_array_append_new(list, a)))
            rc = -1;
        a = rc ? NULL : waive_action(s, &fs[i], as_of);
        if (!a || (a != json_null() && json_array_append_new(list, a)))
            rc = -1;
    }
    for (size_t i = 0; fs && i < nf; i++)
        free(fs[i].rule), free(fs[i].unit), free(fs[i].path), free(fs[i].stable);
    free(fs);
    free(uri);
    if (rc) {
        json_decref(list);
        return NULL;
    }
    return list;
}
