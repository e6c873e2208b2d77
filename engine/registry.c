/* registry.c: the rule registry. Every *.lua file below the rule directories
 * is one plugin; it is evaluated in a sandbox, and each rule table it returns
 * is checked against the metadata table below. A broken plugin is reported
 * by file and line and left out; the other plugins still load. */
#include "internal.h"
#include "startklar/authoring.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdlib.h>
#include <string.h>

/* ---- metadata checks: one row per field of a rule table -------------------- */

/* Why a field is wrong: a format that names the field (its first %s) and
 * may take one more text (arg), so the catalogue translates it whole. */
typedef struct why {
    const char *format;
    sk_buf arg;
} why;

typedef int (*field_check)(lua_State *L, int idx, why *w);

/* [A-Z][A-Z0-9]{1,7}-[0-9]{2,4} (sk_rule_id_valid, shared with `startklar init`) */
static int is_rule_id(lua_State *L, int idx, why *w)
{
    size_t len = 0;
    const char *s = lua_type(L, idx) == LUA_TSTRING ? lua_tolstring(L, idx, &len) : NULL;
    int ok = s && strlen(s) == len && sk_rule_id_valid(s);
    if (!ok)
        w->format = "rule field '%s' must look like GOT-01: 2-8 capitals or digits starting with a capital, "
                    "'-', 2-4 digits";
    return ok;
}

static int is_severity(lua_State *L, int idx, why *w)
{
    sk_severity s;
    if (lua_type(L, idx) == LUA_TSTRING && sk_severity_parse(lua_tostring(L, idx), 0, &s) == 0)
        return 1;
    w->format = "rule field '%s' must be one of: error, warning, info";
    return 0;
}

static int is_applies_to(lua_State *L, int idx, why *w)
{
    if (lua_type(L, idx) == LUA_TSTRING) {
        const char *s = lua_tostring(L, idx);
        const sk_kind *k = sk_kind_find(s);
        if (strcmp(s, "unit") == 0 || (k && k->unit_document))
            return 1;
    }
    w->format = "rule field '%s' must be one of: %s";
    sk_buf_puts(&w->arg, "unit");
    for (const sk_kind *k = sk_kinds; k->name; k++)
        if (k->unit_document)
            sk_buf_printf(&w->arg, ", %s", k->name);
    return 0;
}

static int is_params(lua_State *L, int idx, why *w)
{
    if (lua_type(L, idx) != LUA_TTABLE) {
        w->format = "rule field '%s' must be a table of parameter names and default values";
        return 0;
    }
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        int key_ok = lua_type(L, -2) == LUA_TSTRING;
        int t = lua_type(L, -1);
        int value_ok = t == LUA_TNUMBER || t == LUA_TSTRING || t == LUA_TBOOLEAN || t == LUA_TTABLE;
        if (!key_ok || !value_ok) {
            w->format = "rule field '%s' must map names to numbers, strings, booleans or lists";
            lua_pop(L, 2);
            return 0;
        }
        lua_pop(L, 1);
    }
    return 1;
}

/* "en", "sv": two or three small letters */
static int is_lang_code(const char *s, size_t len)
{
    if (len < 2 || len > 3)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] < 'a' || s[i] > 'z')
            return 0;
    return 1;
}

/* Whether the value at idx is a text: a non-empty string, or a table of
 * languages { en = "...", sv = "..." }. */
static int text_ok(lua_State *L, int idx)
{
    if (lua_type(L, idx) == LUA_TSTRING && lua_rawlen(L, idx) > 0)
        return 1;
    int ok = lua_type(L, idx) == LUA_TTABLE, any = 0;
    lua_pushnil(L);
    while (ok && lua_next(L, idx)) {
        size_t len = 0;
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &len) : NULL;
        ok = k && is_lang_code(k, len) && lua_type(L, -1) == LUA_TSTRING && lua_rawlen(L, -1) > 0;
        any = 1;
        lua_pop(L, ok ? 1 : 2);
    }
    return ok && any;
}

static int is_texts(lua_State *L, int idx, why *w)
{
    if (text_ok(L, idx))
        return 1;
    w->format = "rule field '%s' must be a non-empty string or a table of languages: { en = \"...\", sv = \"...\" }";
    return 0;
}

/* messages = { id = { en = "...", sv = "..." }, ... } (or id = "..."). */
static int is_messages(lua_State *L, int idx, why *w)
{
    if (lua_type(L, idx) != LUA_TTABLE) {
        w->format = "rule field '%s' must be a table of message ids and texts: { no_owner = { en = \"...\", sv = \"...\" } }";
        return 0;
    }
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
        if (!k || !*k) {
            w->format = "rule field '%s' has a message whose id is not a name";
            lua_pop(L, 2);
            return 0;
        }
        if (!text_ok(L, lua_gettop(L))) {
            w->format = "rule field '%s' has a message '%s' that is not a non-empty string or a table of "
                        "languages: { en = \"...\", sv = \"...\" }";
            sk_buf_puts(&w->arg, k);
            lua_pop(L, 2);
            return 0;
        }
        lua_pop(L, 1);
    }
    return 1;
}

static int is_function(lua_State *L, int idx, why *w)
{
    if (lua_type(L, idx) == LUA_TFUNCTION)
        return 1;
    w->format = "rule field '%s' must be a function(doc, report, ctx)";
    return 0;
}

typedef struct meta_field {
    const char *name;
    int required;
    field_check check;
} meta_field;

static const meta_field META[] = {
    {"id", 1, is_rule_id},           {"severity", 1, is_severity}, {"applies_to", 1, is_applies_to},
    {"title", 1, is_texts},          {"explain", 0, is_texts},     {"fix", 0, is_texts},
    {"messages", 0, is_messages},    {"params", 0, is_params},     {"check", 1, is_function},
    {NULL, 0, NULL},
};

/* The line where `name =` first appears in the source: where a metadata
 * error most likely is (the rule table itself has no line of its own). */
static int field_line(const sk_plugin *p, const char *name)
{
    size_t n = strlen(name);
    int line = 1;
    for (const char *s = p->source; *s; s++) {
        if (*s == '\n') {
            line++;
            continue;
        }
        int word_start = s == p->source || !(s[-1] == '_' || ((s[-1] | 32) >= 'a' && (s[-1] | 32) <= 'z'));
        if (word_start && strncmp(s, name, n) == 0) {
            const char *t = s + n;
            while (*t == ' ' || *t == '\t')
                t++;
            if (*t == '=' && t[1] != '=')
                return line;
        }
    }
    return 0;
}

/* The line of the plugin's last top-level `return`: where its rule tables
 * come from, for errors about a table as a whole. */
static int return_line(const sk_plugin *p)
{
    int line = 1, found = 0;
    const char *s = p->source;
    while (*s) {
        if (strncmp(s, "return", 6) == 0 && (s[6] == ' ' || s[6] == '{' || s[6] == '\n'))
            found = line;
        while (*s && *s != '\n')
            s++;
        if (*s == '\n')
            s++, line++;
    }
    return found;
}

/* ---- evaluating a plugin ------------------------------------------------------ */

int sk_lua_position(const char *msg, const char *file, const char **text)
{
    *text = msg;
    size_t fl = strlen(file);
    /* the position's prefix is the file, or what Lua shortens a long chunk
     * name to (LUA_IDSIZE): "..." and the file's end, "...rules/flood.lua:12: " */
    const char *prefix = file;
    size_t pl = fl;
    if (strncmp(msg, "...", 3) == 0) {
        const char *colon = strchr(msg + 3, ':');
        size_t tail = colon ? (size_t)(colon - (msg + 3)) : 0;
        if (colon && tail > 0 && tail <= fl && strncmp(file + fl - tail, msg + 3, tail) == 0 &&
            colon[1] >= '0' && colon[1] <= '9') {
            prefix = msg;
            pl = (size_t)(colon - msg);
        }
    }
    if (strncmp(msg, prefix, pl) != 0 || msg[pl] != ':')
        return 0;
    const char *rest = strstr(msg + pl + 1, ": "), *nl = strchr(msg, '\n');
    if (rest && (!nl || rest < nl))
        *text = rest + 2;
    return atoi(msg + pl + 1);
}

#define SOURCE_LINE_MAX 120 /* bytes of a source line quoted in a message */

/* The text of source line n, trimmed, cut at SOURCE_LINE_MAX; nothing when
 * there is no such line or it is blank. */
static void source_line(const sk_plugin *p, int n, sk_buf *out)
{
    const char *s = p->source, *end = p->source + p->len;
    for (int line = 1; line < n && s < end; s++)
        if (*s == '\n')
            line++;
    if (n < 1 || s >= end)
        return;
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    const char *e = s;
    while (e < end && *e != '\n' && *e != '\r')
        e++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    size_t len = (size_t)(e - s);
    if (len > SOURCE_LINE_MAX) {
        len = SOURCE_LINE_MAX;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--; /* never cut a UTF-8 character in two */
        sk_buf_add(out, s, len);
        sk_buf_puts(out, "...");
    } else {
        sk_buf_add(out, s, len);
    }
}

int sk_plugin_eval(sk_sandbox *sb, const sk_plugin *p, sk_error *err)
{
    lua_State *L = sb->L;
    memset(err, 0, sizeof *err);
    err->kind = SK_ERR_PLUGIN;
    char *chunkname = sk_printf("@%s", p->file);
    if (!chunkname)
        return -1;
    /* a built-in plugin runs the bytecode the build compiled from its text */
    int st = p->bytecode ? luaL_loadbufferx(L, p->bytecode, p->bclen, chunkname, "b") : LUA_ERRSYNTAX;
    if (st != LUA_OK) {
        if (p->bytecode)
            lua_pop(L, 1);
        st = luaL_loadbufferx(L, p->source, p->len, chunkname, "t");
    }
    free(chunkname);
    if (st != LUA_OK) {
        const char *msg = lua_tostring(L, -1), *rest;
        err->file = sk_strdup(p->file);
        /* Lua says "file:line: message"; the position is in file and line */
        err->line = sk_lua_position(msg, p->file, &rest);
        sk_buf text = {0};
        source_line(p, err->line, &text);
        const char *quoted = text.len && text.data && !text.failed ? text.data : NULL;
        if (quoted)
            sk_error_set(err, "syntax error: %s; the line reads: `%s`", rest, quoted);
        else
            sk_error_set(err, "syntax error: %s", rest);
        sk_buf_free(&text);
        lua_pop(L, 1);
        return -1;
    }
    sk_sandbox_push_env(L);
    lua_setupvalue(L, -2, 1);
    if (sk_sandbox_call(sb, 0, 1) != LUA_OK) {
        /* the first line of Lua's message, its position in file and line (or,
         * when the sandbox stopped the chunk, the stop's format and arguments,
         * so that it reads in the user's language); the rest is the traceback */
        const char *msg = lua_tostring(L, -1), *rest;
        if (!msg)
            msg = "(no message)";
        err->file = sk_strdup(p->file);
        err->line = sk_lua_position(msg, p->file, &rest);
        const char *nl = strchr(rest, '\n');
        char *first = sk_printf("%.*s", nl ? (int)(nl - rest) : (int)strlen(rest), rest);
        if (sb->stop.message) {
            if (sk_error_set(err, "plugin failed while loading: ") || sk_error_append(err, &sb->stop))
                sk_error_clear(err); /* out of memory: the caller says so */
        } else if (first) {
            sk_error_set(err, "plugin failed while loading: %s", first);
        }
        free(first);
        err->traceback = nl ? sk_strdup(nl + 1) : NULL;
        lua_pop(L, 1);
        return -1;
    }
    if (lua_type(L, -1) != LUA_TTABLE) {
        err->file = sk_strdup(p->file);
        err->line = return_line(p);
        sk_error_set(err, "a plugin must return a rule table or a list of rule tables, not %s",
                     luaL_typename(L, -1));
        lua_pop(L, 1);
        return -1;
    }
    /* a single rule (it has an id) becomes a list of one */
    lua_getfield(L, -1, "id");
    int single = !lua_isnil(L, -1);
    lua_pop(L, 1);
    if (single) {
        lua_createtable(L, 1, 0);
        lua_insert(L, -2);
        lua_rawseti(L, -2, 1);
    }
    return 0;
}

/* The value at idx as JSON (scalars and lists of scalars, as is_params allows). */
static void value_json(lua_State *L, int idx, sk_buf *b)
{
    switch (lua_type(L, idx)) {
    case LUA_TBOOLEAN:
        sk_buf_puts(b, lua_toboolean(L, idx) ? "true" : "false");
        break;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx))
            sk_buf_printf(b, "%lld", (long long)lua_tointeger(L, idx));
        else
            sk_buf_printf(b, "%.17g", (double)lua_tonumber(L, idx));
        break;
    case LUA_TSTRING:
        sk_buf_json(b, lua_tostring(L, idx));
        break;
    case LUA_TTABLE: {
        idx = lua_absindex(L, idx);
        lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
        sk_buf_puts(b, "[");
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, idx, i);
            if (i > 1)
                sk_buf_puts(b, ", ");
            if (lua_type(L, -1) == LUA_TTABLE)
                sk_buf_puts(b, "null"); /* nested lists are not parameters */
            else
                value_json(L, -1, b);
            lua_pop(L, 1);
        }
        sk_buf_puts(b, "]");
        break;
    }
    default:
        sk_buf_puts(b, "null");
    }
}

static int param_cmp(const void *a, const void *b)
{
    return strcmp(((const sk_param *)a)->name, ((const sk_param *)b)->name);
}

/* The parameters of the rule table at t, with their types and defaults. */
static int read_params(lua_State *L, int t, sk_rule_info *info)
{
    if (lua_getfield(L, t, "params") != LUA_TTABLE) {
        lua_pop(L, 1);
        return 0;
    }
    int params = lua_gettop(L);
    size_t cap = 0;
    lua_pushnil(L);
    while (lua_next(L, params)) {
        if (sk_grow((void **)&info->params, &cap, info->nparams, sizeof *info->params)) {
            lua_settop(L, params - 1);
            return -1;
        }
        sk_param *p = &info->params[info->nparams];
        memset(p, 0, sizeof *p);
        int type = lua_type(L, -1);
        p->type = type == LUA_TBOOLEAN ? SK_PARAM_BOOLEAN
                  : type == LUA_TSTRING ? SK_PARAM_STRING
                  : type == LUA_TTABLE  ? SK_PARAM_LIST
                  : lua_isinteger(L, -1) ? SK_PARAM_INTEGER
                                         : SK_PARAM_NUMBER;
        sk_buf b = {0};
        value_json(L, -1, &b);
        p->default_json = b.data;
        p->name = sk_strdup(lua_tostring(L, -2));
        info->nparams++;
        if (!p->name || !p->default_json) {
            lua_settop(L, params - 1);
            return -1;
        }
        lua_pop(L, 1);
    }
    lua_settop(L, params - 1);
    if (info->nparams > 1)
        qsort(info->params, info->nparams, sizeof *info->params, param_cmp);
    return 0;
}

static int text_cmp(const void *a, const void *b)
{
    return strcmp(((const sk_text *)a)->lang, ((const sk_text *)b)->lang);
}

/* The text at idx (checked by is_texts) into t, sorted by language. */
static int read_texts(lua_State *L, int idx, sk_texts *t)
{
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) == LUA_TSTRING) {
        if (!(t->items = calloc(1, sizeof *t->items)))
            return -1;
        t->count = 1;
        t->items[0].lang = sk_strdup("");
        t->items[0].text = sk_strdup(lua_tostring(L, idx));
        return t->items[0].lang && t->items[0].text ? 0 : -1;
    }
    if (lua_type(L, idx) != LUA_TTABLE)
        return 0;
    size_t cap = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (sk_grow((void **)&t->items, &cap, t->count, sizeof *t->items)) {
            lua_pop(L, 2);
            return -1;
        }
        sk_text *x = &t->items[t->count++];
        x->lang = sk_strdup(lua_tostring(L, -2));
        x->text = sk_strdup(lua_tostring(L, -1));
        lua_pop(L, 1);
        if (!x->lang || !x->text) {
            lua_pop(L, 1);
            return -1;
        }
    }
    if (t->count > 1)
        qsort(t->items, t->count, sizeof *t->items, text_cmp);
    return 0;
}

static int message_cmp(const void *a, const void *b)
{
    return strcmp(((const sk_message_def *)a)->id, ((const sk_message_def *)b)->id);
}

/* The messages of the rule table at t, sorted by id. */
static int read_messages(lua_State *L, int t, sk_rule_info *info)
{
    if (lua_getfield(L, t, "messages") != LUA_TTABLE) {
        lua_pop(L, 1);
        return 0;
    }
    int messages = lua_gettop(L);
    size_t cap = 0;
    lua_pushnil(L);
    while (lua_next(L, messages)) {
        if (sk_grow((void **)&info->messages, &cap, info->nmessages, sizeof *info->messages)) {
            lua_settop(L, messages - 1);
            return -1;
        }
        sk_message_def *m = &info->messages[info->nmessages++];
        memset(m, 0, sizeof *m);
        if (!(m->id = sk_strdup(lua_tostring(L, -2))) || read_texts(L, -1, &m->texts)) {
            lua_settop(L, messages - 1);
            return -1;
        }
        lua_pop(L, 1);
    }
    lua_settop(L, messages - 1);
    if (info->nmessages > 1)
        qsort(info->messages, info->nmessages, sizeof *info->messages, message_cmp);
    return 0;
}

/* Checks the rule table at the top of the stack; fills info (strings copied). */
static int check_rule_table(lua_State *L, const sk_plugin *p, sk_rule_info *info, sk_errors *errs)
{
    int t = lua_gettop(L);
    int bad = 0;
    for (const meta_field *f = META; f->name; f++) {
        lua_getfield(L, t, f->name);
        if (lua_isnil(L, -1)) {
            if (f->required) {
                sk_errors_add(errs, SK_ERR_PLUGIN, p->file, return_line(p), 0,
                              "rule is missing the field '%s'", f->name);
                bad = 1;
            }
        } else {
            why w = {0};
            if (!f->check(L, lua_gettop(L), &w)) {
                /* w.format is one of the literals above: the catalogue's keys */
                sk_errors_add(errs, SK_ERR_PLUGIN, p->file, field_line(p, f->name), 0,
                              w.format ? w.format : "rule field '%s' is wrong", f->name,
                              w.arg.data && !w.arg.failed ? w.arg.data : "");
                bad = 1;
            }
            sk_buf_free(&w.arg);
        }
        lua_pop(L, 1);
    }
    /* unknown fields are likely typos (severty, apply_to) */
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        const meta_field *f = META;
        while (k && f->name && strcmp(f->name, k) != 0)
            f++;
        if (!k || !f->name) {
            sk_nearest near = {.word = k ? k : ""};
            for (const meta_field *g = META; k && g->name; g++)
                sk_nearest_try(&near, g->name);
            const char *hint = sk_nearest_get(&near);
            int line = k ? field_line(p, k) : 0;
            if (!k)
                sk_errors_add(errs, SK_ERR_PLUGIN, p->file, line, 0, "rule has a field that is not a name");
            else if (hint)
                sk_errors_add(errs, SK_ERR_PLUGIN, p->file, line, 0,
                              "rule has an unknown field '%s' (did you mean '%s'?)", k, hint);
            else
                sk_errors_add(errs, SK_ERR_PLUGIN, p->file, line, 0, "rule has an unknown field '%s'", k);
            bad = 1;
        }
    }
    if (bad)
        return -1;
    lua_getfield(L, t, "id");
    info->id = sk_strdup(lua_tostring(L, -1));
    lua_getfield(L, t, "severity");
    sk_severity_parse(lua_tostring(L, -1), 0, &info->severity);
    info->default_severity = info->severity;
    lua_getfield(L, t, "applies_to");
    const sk_kind *k = sk_kind_find(lua_tostring(L, -1));
    info->applies_to = k ? k->name : "unit";
    lua_getfield(L, t, "title");
    if (read_texts(L, -1, &info->titles))
        return -1;
    lua_getfield(L, t, "explain");
    if (read_texts(L, -1, &info->explains))
        return -1;
    lua_getfield(L, t, "fix");
    if (read_texts(L, -1, &info->fixes))
        return -1;
    lua_settop(L, t);
    if (read_messages(L, t, info))
        return -1;
    sk_rule_info_lang(info, "en");
    lua_getfield(L, t, "check");
    lua_Debug ar;
    lua_getinfo(L, ">S", &ar);
    info->line = ar.linedefined;
    lua_settop(L, t);
    info->file = p->file;
    if (read_params(L, t, info))
        return -1;
    return info->id && info->title ? 0 : -1;
}

void sk_rule_info_lang(sk_rule_info *info, const char *lang)
{
    const sk_text *t = sk_texts_pick(&info->titles, lang);
    const sk_text *x = sk_texts_pick(&info->explains, lang);
    info->title = t ? t->text : NULL;
    info->explain = x ? x->text : NULL;
}

static void rule_info_free(sk_rule_info *i)
{
    for (size_t k = 0; k < i->nparams; k++) {
        free(i->params[k].name);
        free(i->params[k].default_json);
    }
    free(i->params);
    free((char *)i->id);
    sk_texts_free(&i->titles);
    sk_texts_free(&i->explains);
    sk_texts_free(&i->fixes);
    for (size_t k = 0; k < i->nmessages; k++) {
        free(i->messages[k].id);
        sk_texts_free(&i->messages[k].texts);
    }
    free(i->messages);
}

static int rule_cmp(const void *a, const void *b)
{
    const sk_rule *x = a, *y = b;
    int c = strcmp(x->info.id, y->info.id);
    if (c)
        return c;
    return x->plugin < y->plugin ? -1 : x->plugin > y->plugin;
}

/* The bytecode of the built-in plugin whose text is source, under the chunk
 * name "@file" (the name Lua gives in messages and tracebacks): the build
 * compiled it from the very same bytes. NULL when source is no built-in
 * plugin (or out of memory: then it is compiled, as any other). */
static char *builtin_bytecode(const char *file, const char *source, size_t len, size_t *bclen)
{
    enum { HEADER = 32, PLACEHOLDER = 35 }; /* header, upvalues; then the name "=?" */
    for (size_t i = 0; i < sk_builtin_nchunks; i++) {
        const sk_builtin_chunk *c = &sk_builtin_chunks[i];
        if (c->len != len || memcmp(c->source, source, len) != 0)
            continue;
        size_t name = strlen(file) + 1, size = name + 1; /* "@file" and its length + 1 */
        unsigned char varint[16];
        int n = 0;
        do
            varint[n++] = (unsigned char)(size & 0x7f);
        while ((size >>= 7) && n < 16);
        size_t total = HEADER + (size_t)n + name + (c->bclen - PLACEHOLDER);
        char *bc = malloc(total);
        if (!bc)
            return NULL;
        char *w = bc;
        memcpy(w, c->bytecode, HEADER), w += HEADER;
        for (int k = n - 1; k >= 0; k--) /* most significant first, the last one marked */
            *w++ = (char)(varint[k] | (k == 0 ? 0x80 : 0));
        *w++ = '@';
        memcpy(w, file, name - 1), w += name - 1;
        memcpy(w, c->bytecode + PLACEHOLDER, c->bclen - PLACEHOLDER);
        *bclen = total;
        return bc;
    }
    return NULL;
}

static int read_source(sk_rules *r, const char *path, sk_errors *errs)
{
    /* the loader's reader: regular files only (a FIFO must not hang the run),
     * at most the size of an input file */
    sk_buf b = {0};
    size_t before = errs->count;
    int rc = sk_read_file(path, r->limits.max_file_bytes, &b, errs);
    if (rc) {
        sk_buf_free(&b);
        for (size_t i = before; i < errs->count; i++)
            errs->items[i].kind = SK_ERR_PLUGIN;
        return rc < 0 ? -1 : 0;
    }
    if (b.failed || sk_grow((void **)&r->plugins, &r->capplugins, r->nplugins, sizeof *r->plugins)) {
        sk_buf_free(&b);
        return -1;
    }
    sk_plugin *p = &r->plugins[r->nplugins];
    memset(p, 0, sizeof *p);
    p->file = sk_strdup(path);
    p->list_ref = LUA_NOREF;
    p->source = b.data ? b.data : sk_strdup("");
    p->len = b.len;
    if (p->file && p->source)
        p->bytecode = builtin_bytecode(p->file, p->source, p->len, &p->bclen);
    if (!p->file || !p->source) {
        free(p->file);
        free(p->source);
        return -1;
    }
    r->nplugins++;
    return 0;
}

static sk_rules *register_plugins(sk_rules *r, sk_errors *errs);

sk_rules *sk_rules_load(const char *const *dirs, size_t n, const sk_limits *limits, sk_errors *errs)
{
    sk_rules *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->limits = limits ? *limits : sk_limits_default();
    size_t before = errs->count;
    sk_paths files = {0};
    if (sk_discover_suffix(dirs, n, ".lua", &files, errs)) {
        sk_paths_free(&files);
        sk_rules_free(r);
        return NULL;
    }
    for (size_t i = 0; i < files.count; i++) {
        if (read_source(r, files.items[i], errs)) {
            sk_paths_free(&files);
            sk_rules_free(r);
            return NULL;
        }
    }
    sk_paths_free(&files);
    register_plugins(r, errs);
    for (size_t i = before; i < errs->count; i++)
        r->broken += errs->items[i].kind == SK_ERR_PLUGIN;
    return r;
}

sk_rules *sk_rules_load_source(const char *name, const char *source, size_t len,
                               const sk_limits *limits, sk_errors *errs)
{
    sk_rules *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->limits = limits ? *limits : sk_limits_default();
    r->plugins = calloc(1, sizeof *r->plugins);
    if (r->plugins) {
        r->capplugins = 1;
        r->plugins[0].file = sk_strdup(name);
        r->plugins[0].source = malloc(len + 1);
    }
    if (!r->plugins || !r->plugins[0].file || !r->plugins[0].source) {
        if (r->plugins) {
            free(r->plugins[0].file);
            free(r->plugins[0].source);
        }
        free(r->plugins);
        free(r);
        return NULL;
    }
    memcpy(r->plugins[0].source, source, len);
    r->plugins[0].source[len] = '\0';
    r->plugins[0].len = len;
    r->plugins[0].list_ref = LUA_NOREF;
    r->nplugins = 1;
    size_t before = errs->count;
    register_plugins(r, errs);
    for (size_t i = before; i < errs->count; i++)
        r->broken += errs->items[i].kind == SK_ERR_PLUGIN;
    return r;
}

/* Evaluates every plugin of r in a scratch sandbox and collects its rules'
 * metadata (sorted by id, duplicates refused). Returns r. */
static sk_rules *register_plugins(sk_rules *r, sk_errors *errs)
{
    sk_sandbox *spare = calloc(1, sizeof *spare);
    char *msg = NULL;
    if (!spare || sk_sandbox_open(spare, &r->limits, &msg)) {
        sk_errors_add(errs, SK_ERR_PLUGIN, NULL, 0, 0, "%s", msg ? msg : "cannot open Lua: out of memory");
        free(msg);
        free(spare);
        return r;
    }
    lua_State *L = spare->L;
    for (size_t i = 0; i < r->nplugins; i++) {
        sk_plugin *p = &r->plugins[i];
        sk_error err;
        if (sk_plugin_eval(spare, p, &err)) {
            if (!err.file)
                err.file = sk_strdup(p->file);
            if (err.message)
                sk_errors_copy(errs, &err);
            else
                sk_errors_add(errs, SK_ERR_PLUGIN, p->file, err.line, 0, "out of memory");
            sk_error_clear(&err);
            p->broken = 1;
            continue;
        }
        int list = lua_gettop(L);
        lua_Integer count = luaL_len(L, list);
        for (lua_Integer j = 1; j <= count; j++) {
            lua_geti(L, list, j);
            sk_rule rule = {.plugin = i, .index_in_file = (int)j, .enabled = 1};
            if (lua_type(L, -1) != LUA_TTABLE) {
                sk_errors_add(errs, SK_ERR_PLUGIN, p->file, 0, 0,
                              "item %d of the returned list is not a rule table", (int)j);
            } else if (check_rule_table(L, p, &rule.info, errs) == 0) {
                if (sk_grow((void **)&r->rules, &r->caprules, r->nrules, sizeof *r->rules))
                    rule_info_free(&rule.info);
                else
                    r->rules[r->nrules++] = rule;
            } else {
                rule_info_free(&rule.info);
            }
            lua_pop(L, 1);
        }
        /* keep the rule tables for the first runtime (sk_rules_take_spare) */
        lua_settop(L, list);
        p->list_ref = luaL_ref(L, LUA_REGISTRYINDEX);
        lua_settop(L, 0);
    }
    atomic_store(&r->spare, spare);

    if (r->nrules > 1) /* no rules: r->rules is NULL, which qsort must not get */
        qsort(r->rules, r->nrules, sizeof *r->rules, rule_cmp);
    size_t w = 0;
    for (size_t i = 0; i < r->nrules; i++) {
        if (w > 0 && strcmp(r->rules[w - 1].info.id, r->rules[i].info.id) == 0) {
            sk_errors_add(errs, SK_ERR_PLUGIN, r->rules[i].info.file, r->rules[i].info.line, 0,
                          "rule id '%s' is already defined in %s", r->rules[i].info.id,
                          r->rules[w - 1].info.file);
            rule_info_free(&r->rules[i].info);
            continue;
        }
        r->rules[w++] = r->rules[i];
    }
    r->nrules = w;
    return r;
}

sk_sandbox *sk_rules_take_spare(const sk_rules *r)
{
    /* the registry is shared read-only by every worker but for this one
     * field, which exactly one of them takes */
    return atomic_exchange(&((sk_rules *)r)->spare, NULL);
}

void sk_rules_free(sk_rules *r)
{
    if (!r)
        return;
    sk_sandbox_destroy(atomic_exchange(&r->spare, NULL));
    for (size_t i = 0; i < r->nrules; i++)
        rule_info_free(&r->rules[i].info);
    for (size_t i = 0; i < r->nplugins; i++) {
        free(r->plugins[i].file);
        free(r->plugins[i].source);
        free(r->plugins[i].bytecode);
    }
    free(r->rules);
    free(r->plugins);
    free(r);
}

sk_rule_meta *sk_rules_meta(const sk_rules *r, size_t *n)
{
    *n = 0;
    sk_rule_meta *m = r && r->nrules ? calloc(r->nrules, sizeof *m) : NULL;
    if (!m)
        return NULL;
    for (size_t i = 0; i < r->nrules; i++) {
        const sk_rule_info *info = &r->rules[i].info;
        m[i] = (sk_rule_meta){.id = info->id,
                              .title = info->title,
                              .explain = info->explain,
                              .applies_to = info->applies_to,
                              .severity = info->severity,
                              .enabled = r->rules[i].enabled,
                              .params = info->params,
                              .nparams = info->nparams};
    }
    *n = r->nrules;
    return m;
}

size_t sk_rules_count(const sk_rules *r)
{
    return r->nrules;
}

const sk_rule_info *sk_rules_get(const sk_rules *r, size_t i)
{
    return i < r->nrules ? &r->rules[i].info : NULL;
}

int sk_rules_enabled(const sk_rules *r, size_t i)
{
    return r && i < r->nrules && r->rules[i].enabled;
}

const sk_rule_info *sk_rules_find(const sk_rules *r, const char *id)
{
    if (!r || !id)
        return NULL;
    size_t lo = 0, hi = r->nrules; /* the rules are sorted by id */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(r->rules[mid].info.id, id);
        if (c == 0)
            return &r->rules[mid].info;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

size_t sk_rules_enable_file(sk_rules *r, const char *plugin_file)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nrules; i++) {
        r->rules[i].enabled = strcmp(r->rules[i].info.file, plugin_file) == 0;
        n += (size_t)r->rules[i].enabled;
    }
    return n;
}
