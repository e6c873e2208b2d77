/* coverage.c: `startklar test --coverage`: which lines of each plugin's
 * functions the fixtures ran. The lines that can run are read from the
 * plugin's own bytecode (every function, nested ones too, not the chunk's
 * top level, which runs when the plugin is loaded, not in a fixture); the
 * lines that ran are told by the sandbox's line hook during fixture calls. */
#include "internal.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdlib.h>
#include <string.h>

typedef struct cov_file {
    char *file;    /* the plugin file, as its chunk is named ("@file") */
    char *rules;   /* "CP-01, CP-02": the rules it defines */
    unsigned char *line; /* per line: 0 no code, 1 code, 2 code that ran */
    int nlines;
} cov_file;

struct sk_coverage {
    cov_file *files;
    size_t count, cap;
    const char *last_source; /* the chunk name of the last line told (Lua keeps it alive) */
    cov_file *last;
};

sk_coverage *sk_coverage_new(void)
{
    return calloc(1, sizeof(sk_coverage));
}

void sk_coverage_free(sk_coverage *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->count; i++)
        free(c->files[i].file), free(c->files[i].rules), free(c->files[i].line);
    free(c->files);
    free(c);
}

/* ---- the lines that can run: Lua 5.4's dump format (ldump.c) --------------- */

typedef struct reader {
    const unsigned char *p, *end;
    int bad;
} reader;

static size_t read_size(reader *r)
{
    size_t x = 0;
    for (;;) {
        if (r->p >= r->end || x > (SIZE_MAX >> 7)) {
            r->bad = 1;
            return 0;
        }
        unsigned char b = *r->p++;
        x = (x << 7) | (b & 0x7f);
        if (b & 0x80)
            return x;
    }
}

static void skip(reader *r, size_t n)
{
    if ((size_t)(r->end - r->p) < n)
        r->bad = 1, r->p = r->end;
    else
        r->p += n;
}

static void skip_string(reader *r)
{
    size_t n = read_size(r);
    if (n)
        skip(r, n - 1);
}

static int grow_lines(cov_file *f, int line)
{
    if (line < f->nlines)
        return 0;
    unsigned char *l = realloc(f->line, (size_t)line + 1);
    if (!l)
        return -1;
    memset(l + f->nlines, 0, (size_t)(line + 1 - f->nlines));
    f->line = l;
    f->nlines = line + 1;
    return 0;
}

#define ABSLINEINFO (-0x80)

/* One function of the dump (and its nested ones): marks its lines. The
 * chunk's top level (top) marks none; nor does a function's final return
 * at its `end` alone (never reached when the function returns earlier). */
static int read_function(reader *r, cov_file *f, int top)
{
    skip_string(r); /* source */
    int linedefined = (int)read_size(r);
    read_size(r);   /* lastlinedefined */
    skip(r, 3);     /* numparams, is_vararg, maxstacksize */
    size_t ncode = read_size(r);
    skip(r, ncode * 4);
    size_t nk = read_size(r);
    for (size_t i = 0; i < nk && !r->bad; i++) {
        if (r->p >= r->end)
            return r->bad = 1, -1;
        int tag = *r->p++;
        if (tag == LUA_TNUMBER || tag == (LUA_TNUMBER | (1 << 4)))
            skip(r, 8);
        else if (tag == LUA_TSTRING || tag == (LUA_TSTRING | (1 << 4)))
            skip_string(r);
    }
    size_t nup = read_size(r);
    skip(r, nup * 3);
    size_t nprotos = read_size(r);
    for (size_t i = 0; i < nprotos && !r->bad; i++)
        if (read_function(r, f, 0))
            return -1;
    size_t nline = read_size(r);
    const signed char *lineinfo = (const signed char *)r->p;
    skip(r, nline);
    size_t nabs = read_size(r);
    int *abs = nabs ? calloc(nabs, sizeof *abs) : NULL;
    if (nabs && !abs)
        return -1;
    for (size_t i = 0; i < nabs && !r->bad; i++) {
        read_size(r); /* pc */
        abs[i] = (int)read_size(r);
    }
    size_t nloc = read_size(r);
    for (size_t i = 0; i < nloc && !r->bad; i++) {
        skip_string(r);
        read_size(r), read_size(r);
    }
    size_t nupn = read_size(r);
    for (size_t i = 0; i < nupn && !r->bad; i++)
        skip_string(r);
    int rc = r->bad ? -1 : 0;
    int line = linedefined;
    size_t a = 0;
    for (size_t pc = 0; !top && rc == 0 && pc < nline && pc < ncode; pc++) {
        if (lineinfo[pc] == ABSLINEINFO)
            line = a < nabs ? abs[a++] : line;
        else
            line += lineinfo[pc];
        if (line <= 0 || (pc == ncode - 1 && pc > 0 && (line >= f->nlines || !f->line[line])))
            continue; /* a vararg prologue, or the final return alone on its line */
        if (grow_lines(f, line))
            rc = -1;
        else if (!f->line[line])
            f->line[line] = 1;
    }
    free(abs);
    return rc;
}

static int dump_writer(lua_State *L, const void *p, size_t n, void *ud)
{
    (void)L;
    sk_buf_add((sk_buf *)ud, p, n);
    return ((sk_buf *)ud)->failed;
}

int sk_coverage_add_plugin(sk_coverage *c, const sk_rules *rules, size_t plugin)
{
    const sk_plugin *pl = &rules->plugins[plugin];
    if (sk_grow((void **)&c->files, &c->cap, c->count, sizeof *c->files))
        return -1;
    cov_file *f = &c->files[c->count];
    memset(f, 0, sizeof *f);
    sk_buf ids = {0};
    for (size_t i = 0; i < rules->nrules; i++)
        if (rules->rules[i].plugin == plugin)
            sk_buf_printf(&ids, "%s%s", ids.len ? ", " : "", rules->rules[i].info.id);
    f->file = sk_strdup(pl->file);
    f->rules = ids.data ? ids.data : sk_strdup("");
    if (!f->file || !f->rules || ids.failed) {
        free(f->file), free(f->rules);
        return -1;
    }
    c->count++;
    /* compiled, never run, in a plain state of its own */
    lua_State *L = luaL_newstate();
    if (!L)
        return -1;
    char *name = sk_printf("@%s", pl->file);
    sk_buf dump = {0};
    int rc = -1;
    if (name && luaL_loadbufferx(L, pl->source, pl->len, name, "t") == LUA_OK &&
        lua_dump(L, dump_writer, &dump, 0) == 0 && !dump.failed) {
        reader r = {(const unsigned char *)dump.data, (const unsigned char *)dump.data + dump.len, 0};
        /* the header: signature, version, format, data, 3 sizes, an integer, a number */
        skip(&r, 4 + 1 + 1 + 6 + 3 + 8 + 8 + 1 /* upvalues of the main function */);
        rc = read_function(&r, f, 1);
    } else if (name && !dump.failed) {
        rc = 0; /* a plugin that does not compile has no lines (it is reported broken) */
    }
    sk_buf_free(&dump);
    free(name);
    lua_close(L);
    return rc;
}

/* The line hook: marks ar's line in its file. */
static void on_line(void *ud, lua_State *L, struct lua_Debug *ar)
{
    sk_coverage *c = ud;
    if (!lua_getinfo(L, "S", ar))
        return;
    if (ar->source != c->last_source) {
        c->last = NULL;
        c->last_source = ar->source;
        for (size_t i = 0; ar->source[0] == '@' && i < c->count; i++)
            if (strcmp(c->files[i].file, ar->source + 1) == 0)
                c->last = &c->files[i];
    }
    cov_file *f = c->last;
    if (f && ar->currentline > 0 && ar->currentline < f->nlines && f->line[ar->currentline])
        f->line[ar->currentline] = 2;
}

void sk_coverage_watch(sk_coverage *c, sk_watch *w)
{
    w->line = on_line;
    w->ud = c;
}

/* Lines 3, 7-9 of f that did not run, into b. */
static void uncovered(const cov_file *f, sk_buf *b)
{
    for (int l = 1; l < f->nlines; l++) {
        if (f->line[l] != 1)
            continue;
        int last = l;
        while (last + 1 < f->nlines && (f->line[last + 1] == 1 || f->line[last + 1] == 0)) {
            /* a run of uncovered lines may span lines without code */
            int next = last + 1;
            while (next < f->nlines && f->line[next] == 0)
                next++;
            if (next >= f->nlines || f->line[next] != 1)
                break;
            last = next;
        }
        sk_buf_printf(b, "%s%d", b->len ? ", " : "", l);
        if (last > l)
            sk_buf_printf(b, "-%d", last);
        l = last;
    }
}

double sk_coverage_write(const sk_coverage *c, const sk_catalogue *cat, FILE *out)
{
    size_t all = 0, ran = 0;
    fprintf(out, "%s\n", sk_label(cat, "Coverage: the lines of each plugin's functions the fixtures ran"));
    for (size_t i = 0; i < c->count; i++) {
        const cov_file *f = &c->files[i];
        size_t n = 0, hit = 0;
        for (int l = 1; l < f->nlines; l++) {
            n += f->line[l] != 0;
            hit += f->line[l] == 2;
        }
        all += n, ran += hit;
        char pct[32];
        sk_decimal(pct, sizeof pct, n ? 100.0 * (double)hit / (double)n : 100.0, 1, cat);
        fprintf(out, "%6s %%  %4zu/%-4zu  %s (%s)", pct, hit, n, f->file, f->rules);
        sk_buf b = {0};
        uncovered(f, &b);
        if (b.len) {
            fputs("  ", out);
            fprintf(out, sk_label(cat, "not run: %s"), b.data);
        }
        sk_buf_free(&b);
        fputc('\n', out);
    }
    double pct = all ? 100.0 * (double)ran / (double)all : 100.0;
    char p[32];
    fprintf(out, sk_label(cat, "%s %% in all: %zu of %zu lines"), sk_decimal(p, sizeof p, pct, 1, cat), ran, all);
    fputc('\n', out);
    return pct;
}
