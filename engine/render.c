/* render.c: a rule's message template and the values it was reported with
 * -> the text in one language (RULE-API.md Revision 2). `{name}` shows a
 * value by its type, `{name:format}` through a named format (date, number,
 * percent, days, list) or a closed vocabulary of vocab.c. Plain C data in,
 * text out: no Lua here, so the report stage renders in the run's language. */
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- choosing a language ------------------------------------------------------ */

static const sk_text *text_in(const sk_texts *t, const char *lang)
{
    for (size_t i = 0; lang && i < t->count; i++)
        if (strcmp(t->items[i].lang, lang) == 0)
            return &t->items[i];
    return NULL;
}

const sk_text *sk_texts_pick(const sk_texts *t, const char *lang)
{
    if (!t || t->count == 0)
        return NULL;
    const sk_text *x = text_in(t, lang);
    if (!x)
        x = text_in(t, "");
    if (!x)
        x = text_in(t, "en");
    return x ? x : &t->items[0];
}

/* ---- values in words -------------------------------------------------------------- */

static int is_sv(const char *lang)
{
    return lang && strcmp(lang, "sv") == 0;
}

/* A number with at most one decimal, none when it is whole; thousands
 * grouped with a space from 10 000 on; a decimal comma in Swedish. */
static void put_number(sk_buf *out, double n, const char *lang)
{
    if (!isfinite(n)) {
        sk_buf_puts(out, isnan(n) ? "NaN" : n < 0 ? "-∞" : "∞");
        return;
    }
    char digits[64];
    double r = round(n * 10) / 10;
    if (r == 0)
        r = 0; /* no "-0" */
    snprintf(digits, sizeof digits, fabs(r - round(r)) < 1e-9 ? "%.0f" : "%.1f", r);
    const char *p = digits;
    if (*p == '-')
        sk_buf_add(out, p++, 1);
    size_t whole = strcspn(p, ".");
    int group = whole > 4;
    for (size_t i = 0; i < whole; i++) {
        if (group && i > 0 && (whole - i) % 3 == 0)
            sk_buf_puts(out, " ");
        sk_buf_add(out, p + i, 1);
    }
    if (p[whole] == '.') {
        sk_buf_puts(out, is_sv(lang) ? "," : ".");
        sk_buf_puts(out, p + whole + 1);
    }
}

void sk_format_percent(char *out, size_t size, double n, const char *lang)
{
    sk_buf b = {0};
    put_number(&b, n, lang);
    sk_buf_puts(&b, is_sv(lang) ? "\u00a0%" : "%");
    snprintf(out, size, "%s", b.data && !b.failed ? b.data : "?");
    sk_buf_free(&b);
}

static void put_list(sk_buf *out, const sk_value *v, const sk_vocab *vocab, const char *lang)
{
    for (size_t i = 0; i < v->v.list.count; i++) {
        const char *item = v->v.list.items[i];
        const char *word = vocab ? sk_vocab_label(vocab, item, lang) : NULL;
        sk_buf_puts(out, i ? ", " : "");
        sk_buf_puts(out, word ? word : item);
    }
}

typedef enum { F_PLAIN, F_DATE, F_NUMBER, F_PERCENT, F_DAYS, F_LIST, F_VOCAB, F_UNKNOWN } format;

static const struct {
    const char *name;
    format f;
} FORMATS[] = {
    {"date", F_DATE}, {"number", F_NUMBER}, {"percent", F_PERCENT}, {"days", F_DAYS}, {"list", F_LIST},
    {NULL, F_UNKNOWN},
};

static format format_of(const char *name, size_t len, const sk_vocab **vocab)
{
    *vocab = NULL;
    if (len == 0)
        return F_PLAIN;
    for (size_t i = 0; FORMATS[i].name; i++)
        if (strlen(FORMATS[i].name) == len && strncmp(FORMATS[i].name, name, len) == 0)
            return FORMATS[i].f;
    *vocab = sk_vocab_find(name, len);
    return *vocab ? F_VOCAB : F_UNKNOWN;
}

static void put_value(sk_buf *out, const sk_value *v, format f, const sk_vocab *vocab, const char *lang)
{
    char num[32];
    switch (v->type) {
    case SK_VAL_LIST:
        put_list(out, v, f == F_VOCAB ? vocab : NULL, lang);
        return;
    case SK_VAL_BOOL:
        sk_buf_puts(out, is_sv(lang) ? (v->v.b ? "ja" : "nej") : (v->v.b ? "true" : "false"));
        return;
    case SK_VAL_STR:
        if (f == F_VOCAB) {
            const char *word = sk_vocab_label(vocab, v->v.s, lang);
            sk_buf_puts(out, word ? word : v->v.s);
        } else {
            sk_buf_puts(out, v->v.s);
        }
        return;
    case SK_VAL_INT:
        if (f == F_VOCAB) {
            snprintf(num, sizeof num, "%lld", v->v.i);
            const char *word = sk_vocab_label(vocab, num, lang);
            sk_buf_puts(out, word ? word : num);
        } else if (f == F_NUMBER || f == F_PERCENT || f == F_DAYS) {
            put_number(out, (double)v->v.i, lang);
        } else {
            sk_buf_printf(out, "%lld", v->v.i);
        }
        break;
    case SK_VAL_NUM:
        put_number(out, v->v.n, lang);
        break;
    }
    if (f == F_PERCENT) {
        sk_buf_puts(out, is_sv(lang) ? "\u00a0%" : "%");
    } else if (f == F_DAYS) {
        int one = v->type == SK_VAL_INT ? v->v.i == 1 || v->v.i == -1 : fabs(v->v.n) == 1;
        sk_buf_puts(out, is_sv(lang) ? (one ? " dag" : " dagar") : (one ? " day" : " days"));
    }
}

/* ---- templates ---------------------------------------------------------------------- */

typedef struct piece {
    const char *text; /* the literal text, or the whole placeholder as written */
    size_t len;
    const char *name, *fmt; /* a placeholder's name and format (fmt_len 0: none) */
    size_t name_len, fmt_len;
} piece;

static int name_char(char c, int first)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
}

/* The next piece of the template at *p: 0 at the end, 1 literal text
 * ("{{" and "}}" are one brace), 2 a placeholder, 3 a stray brace. */
static int next_piece(const char **p, piece *x)
{
    const char *s = *p;
    memset(x, 0, sizeof *x);
    if (!*s)
        return 0;
    x->text = s;
    if ((s[0] == '{' && s[1] == '{') || (s[0] == '}' && s[1] == '}')) {
        x->len = 1;
        *p = s + 2;
        return 1;
    }
    if (s[0] == '{') {
        const char *q = s + 1;
        x->name = q;
        while (name_char(*q, q == s + 1))
            q++;
        x->name_len = (size_t)(q - x->name);
        if (*q == ':') {
            x->fmt = ++q;
            while (name_char(*q, q == x->fmt))
                q++;
            x->fmt_len = (size_t)(q - x->fmt);
        }
        if (*q == '}' && x->name_len > 0 && (!x->fmt || x->fmt_len > 0)) {
            x->len = (size_t)(q + 1 - s);
            *p = q + 1;
            return 2;
        }
        x->len = 1;
        *p = s + 1;
        return 3;
    }
    if (s[0] == '}') {
        x->len = 1;
        *p = s + 1;
        return 3;
    }
    x->len = strcspn(s, "{}");
    *p = s + x->len;
    return 1;
}

static const sk_value *value_of(const sk_value *data, size_t n, const char *name, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(data[i].name) == len && strncmp(data[i].name, name, len) == 0)
            return &data[i];
    return NULL;
}

static void problem(sk_buf *why, int *n, const char *fmt, const piece *x)
{
    (*n)++;
    if (!why)
        return;
    sk_buf_puts(why, why->len ? "; " : "");
    sk_buf_printf(why, fmt, (int)x->len, x->text);
}

int sk_render(sk_buf *out, const char *tmpl, const char *lang, const sk_value *data, size_t ndata,
              sk_buf *why)
{
    int problems = 0;
    piece x;
    int k;
    while ((k = next_piece(&tmpl, &x))) {
        if (k == 1) {
            sk_buf_add(out, x.text, x.len);
            continue;
        }
        if (k == 3) {
            sk_buf_add(out, x.text, x.len);
            problem(why, &problems, "a brace that is no placeholder: '%.*s' (write {{ or }})", &x);
            continue;
        }
        const sk_vocab *vocab;
        format f = format_of(x.fmt, x.fmt_len, &vocab);
        const sk_value *v = value_of(data, ndata, x.name, x.name_len);
        if (f == F_UNKNOWN) {
            problem(why, &problems, "unknown format in %.*s", &x);
            f = F_PLAIN;
        }
        if (!v) {
            sk_buf_add(out, x.text, x.len);
            problem(why, &problems, "no value for %.*s", &x);
            continue;
        }
        put_value(out, v, f, vocab, lang);
    }
    return problems;
}

static int cmp_line(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int sk_template_names(const char *tmpl, sk_buf *names, sk_buf *why)
{
    int problems = 0;
    sk_buf all = {0};
    size_t count = 0;
    piece x;
    int k;
    while ((k = next_piece(&tmpl, &x))) {
        const sk_vocab *vocab;
        if (k == 3)
            problem(why, &problems, "a brace that is no placeholder: '%.*s' (write {{ or }})", &x);
        if (k != 2)
            continue;
        if (format_of(x.fmt, x.fmt_len, &vocab) == F_UNKNOWN)
            problem(why, &problems, "unknown format in %.*s", &x);
        sk_buf_add(&all, x.name, x.name_len);
        sk_buf_add(&all, "", 1);
        count++;
    }
    const char **list = count ? calloc(count, sizeof *list) : NULL;
    if (all.failed || (count && !list)) {
        names->failed = 1;
    } else {
        const char *s = all.data;
        for (size_t i = 0; i < count; i++, s += strlen(s) + 1)
            list[i] = s;
        if (count > 1) /* no names: list is NULL, which qsort must not get */
            qsort(list, count, sizeof *list, cmp_line);
        for (size_t i = 0; i < count; i++)
            if (i == 0 || strcmp(list[i], list[i - 1]) != 0)
                sk_buf_printf(names, "%s\n", list[i]);
    }
    free(list);
    sk_buf_free(&all);
    return problems;
}

/* ---- findings ------------------------------------------------------------------------- */

const sk_message_def *sk_rule_message(const sk_rule_info *r, const char *id)
{
    size_t lo = 0, hi = r && id ? r->nmessages : 0; /* sorted by id */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(r->messages[mid].id, id);
        if (c == 0)
            return &r->messages[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

int sk_finding_render(sk_finding *f, const sk_rule_info *r, const char *lang)
{
    const sk_message_def *m = f->message_id ? sk_rule_message(r, f->message_id) : NULL;
    const sk_text *t = m ? sk_texts_pick(&m->texts, lang) : NULL;
    if (!t)
        return 0; /* a plain message stays as written */
    sk_buf b = {0};
    sk_render(&b, t->text, lang, f->data, f->ndata, NULL);
    if (b.failed || !(b.data || (b.data = sk_strdup(""))))
        return sk_buf_free(&b), -1;
    free(f->message);
    f->message = b.data;
    f->lang = t->lang;
    return 0;
}

int sk_note_untranslated(sk_errors *notes, const sk_finding *f, const sk_rule_info *r, const char *lang)
{
    static const char FORMAT[] = "rule %s has no %s text for its message '%s'; it is shown in %s";
    for (size_t i = 0; i < notes->count; i++) {
        const sk_error *x = &notes->items[i];
        if (x->format && strcmp(x->format, FORMAT) == 0 && x->nargs == 4 && strcmp(x->args[0], f->rule) == 0 &&
            strcmp(x->args[1], lang) == 0 && strcmp(x->args[2], f->message_id) == 0)
            return 0;
    }
    if (sk_errors_add(notes, SK_ERR_WARNING, r ? r->file : NULL, r ? r->line : 0, 0, FORMAT, f->rule, lang,
                      f->message_id, f->lang))
        return -1;
    return (notes->items[notes->count - 1].rule = sk_strdup(f->rule)) ? 0 : -1;
}

int sk_note_untranslated_title(sk_errors *notes, const sk_rule_info *r, const char *lang)
{
    static const char FORMAT[] = "rule %s has no %s title; it is shown in %s";
    const sk_text *t = r ? sk_texts_pick(&r->titles, lang) : NULL;
    if (!t || !t->lang[0] || strcmp(t->lang, lang) == 0)
        return 0; /* a plain title is shown as written in every language */
    for (size_t i = 0; i < notes->count; i++) {
        const sk_error *x = &notes->items[i];
        if (x->format && strcmp(x->format, FORMAT) == 0 && x->nargs == 3 && strcmp(x->args[0], r->id) == 0 &&
            strcmp(x->args[1], lang) == 0)
            return 0;
    }
    if (sk_errors_add(notes, SK_ERR_WARNING, r->file, r->line, 0, FORMAT, r->id, lang, t->lang))
        return -1;
    return (notes->items[notes->count - 1].rule = sk_strdup(r->id)) ? 0 : -1;
}

void sk_values_free(sk_value *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++) {
        free(v[i].name);
        if (v[i].type == SK_VAL_STR)
            free(v[i].v.s);
        if (v[i].type == SK_VAL_LIST) {
            for (size_t k = 0; k < v[i].v.list.count; k++)
                free(v[i].v.list.items[k]);
            free(v[i].v.list.items);
        }
    }
    free(v);
}

void sk_texts_free(sk_texts *t)
{
    for (size_t i = 0; i < t->count; i++) {
        free(t->items[i].lang);
        free(t->items[i].text);
    }
    free(t->items);
    t->items = NULL;
    t->count = 0;
}
