/* util.c: small building blocks every stage uses: the arena, the growable
 * buffer, the error list, severities, dates, edit distance and UTF-8 decoding. */
#include "internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---- arena ------------------------------------------------------------- */

struct sk_arena_block {
    sk_arena_block *next;
    size_t used, size;
    max_align_t data[];
};

#define ARENA_BLOCK (64 * 1024)

/* size bytes, not cleared */
static void *arena_take(sk_arena *a, size_t size)
{
    size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    sk_arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        /* a spare block from before a reset, else a new one */
        if (a->spare && a->spare->size >= size) {
            b = a->spare;
            a->spare = b->next;
        } else {
            size_t bytes = size > ARENA_BLOCK ? size : ARENA_BLOCK;
            b = malloc(sizeof(*b) + bytes);
            if (!b)
                return NULL;
            b->size = bytes;
        }
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    return p;
}

void *sk_arena_alloc(sk_arena *a, size_t size)
{
    void *p = arena_take(a, size);
    if (p)
        memset(p, 0, size);
    return p;
}

void *sk_arena_copy(sk_arena *a, const void *from, size_t size)
{
    void *p = arena_take(a, size);
    if (p && size)
        memcpy(p, from, size);
    return p;
}

void sk_arena_reset(sk_arena *a)
{
    while (a->head) {
        sk_arena_block *b = a->head;
        a->head = b->next;
        b->next = a->spare;
        a->spare = b;
    }
}

char *sk_arena_strndup(sk_arena *a, const char *s, size_t n)
{
    char *p = arena_take(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static void free_blocks(sk_arena_block *b)
{
    while (b) {
        sk_arena_block *next = b->next;
        free(b);
        b = next;
    }
}

void sk_arena_free(sk_arena *a)
{
    free_blocks(a->head);
    free_blocks(a->spare);
    a->head = a->spare = NULL;
}

/* ---- buffers and strings ------------------------------------------------- */

int sk_grow(void **items, size_t *cap, size_t count, size_t elem)
{
    if (count < *cap)
        return 0;
    size_t ncap = *cap ? *cap * 2 : 8;
    if (ncap > SIZE_MAX / elem)
        return -1;
    void *p = realloc(*items, ncap * elem);
    if (!p)
        return -1;
    *items = p;
    *cap = ncap;
    return 0;
}

void sk_buf_add(sk_buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t ncap = b->cap ? b->cap : 256;
        while (ncap < b->len + n + 1)
            ncap *= 2;
        char *p = realloc(b->data, ncap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->data = p;
        b->cap = ncap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sk_buf_puts(sk_buf *b, const char *s)
{
    sk_buf_add(b, s, strlen(s));
}

void sk_buf_vprintf(sk_buf *b, const char *fmt, va_list ap)
{
    char small[256];
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(small, sizeof small, fmt, copy);
    va_end(copy);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        sk_buf_add(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->failed = 1;
        return;
    }
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    sk_buf_add(b, big, (size_t)n);
    free(big);
}

void sk_buf_printf(sk_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sk_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void sk_buf_free(sk_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

char *sk_strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

char *sk_printf(const char *fmt, ...)
{
    sk_buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    sk_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    if (b.failed || !b.data) {
        sk_buf_free(&b);
        return b.failed ? NULL : sk_strdup("");
    }
    return b.data;
}

/* Length of a valid UTF-8 sequence at s, or 0. */
static size_t utf8_len(const unsigned char *s)
{
    if (s[0] < 0x80)
        return 1;
    size_t n = (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || (n == 2 && s[0] < 0xC2) || (n == 4 && s[0] > 0xF4))
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if (n == 3 && ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0)))
        return 0;
    if (n == 4 && ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90)))
        return 0;
    return n;
}

void sk_buf_json(sk_buf *b, const char *s)
{
    sk_buf_add(b, "\"", 1);
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        const unsigned char *run = p;
        while (*p >= 0x20 && *p < 0x7F && *p != '"' && *p != '\\')
            p++;
        sk_buf_add(b, (const char *)run, (size_t)(p - run));
        if (!*p)
            break;
        if (*p == '"' || *p == '\\') {
            char esc[2] = {'\\', (char)*p++};
            sk_buf_add(b, esc, 2);
        } else if (*p == '\n') {
            sk_buf_add(b, "\\n", 2), p++;
        } else if (*p == '\t') {
            sk_buf_add(b, "\\t", 2), p++;
        } else if (*p < 0x20 || *p == 0x7F) {
            sk_buf_printf(b, "\\u%04x", *p++);
        } else {
            size_t n = utf8_len(p);
            if (n == 0) {
                sk_buf_add(b, "\\ufffd", 6);
                p++;
            } else {
                sk_buf_add(b, (const char *)p, n);
                p += n;
            }
        }
    }
    sk_buf_add(b, "\"", 1);
}

void sk_buf_utf8(sk_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        size_t n = utf8_len(p);
        if (n == 0) {
            sk_buf_puts(b, "\xEF\xBF\xBD");
            p++;
        } else {
            sk_buf_add(b, (const char *)p, n);
            p += n;
        }
    }
}

/* XML and HTML text: the five special characters as entities; bytes that are
 * not UTF-8, control characters and U+FFFE/U+FFFF (none allowed in XML 1.0)
 * become U+FFFD. In an attribute, tab and newline are kept as references so
 * a parser does not fold them into spaces. */
void sk_buf_xml(sk_buf *b, const char *s, int attribute)
{
    static const struct {
        unsigned char c;
        const char *entity;
    } ENTITIES[] = {{'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}, {'\'', "&#39;"}};
    if (!s)
        return;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        const unsigned char *run = p;
        while (*p >= 0x20 && *p < 0x7F && !strchr("&<>\"'", *p))
            p++;
        sk_buf_add(b, (const char *)run, (size_t)(p - run));
        if (!*p)
            break;
        size_t e = 0;
        while (e < sizeof ENTITIES / sizeof *ENTITIES && ENTITIES[e].c != *p)
            e++;
        if (e < sizeof ENTITIES / sizeof *ENTITIES) {
            sk_buf_puts(b, ENTITIES[e].entity);
            p++;
        } else if (*p == '\n' || *p == '\t' || *p == '\r') {
            if (attribute)
                sk_buf_printf(b, "&#%d;", *p);
            else
                sk_buf_add(b, (const char *)p, 1);
            p++;
        } else if (*p < 0x80) {
            sk_buf_puts(b, "\xEF\xBF\xBD");
            p++;
        } else {
            size_t n = utf8_len(p);
            if (n == 0 || (n == 3 && p[0] == 0xEF && p[1] == 0xBF && p[2] >= 0xBE)) {
                sk_buf_puts(b, "\xEF\xBF\xBD");
                p += n ? n : 1;
            } else {
                sk_buf_add(b, (const char *)p, n);
                p += n;
            }
        }
    }
}

/* ---- errors -------------------------------------------------------------- */

void sk_errors_init(sk_errors *e)
{
    memset(e, 0, sizeof *e);
}

void sk_error_clear(sk_error *x)
{
    free(x->file);
    free(x->message);
    free(x->rule);
    free(x->unit);
    free(x->traceback);
    free(x->format);
    for (size_t i = 0; i < x->nargs; i++)
        free(x->args[i]);
    free(x->args);
    memset(x, 0, sizeof *x);
}

void sk_errors_free(sk_errors *e)
{
    for (size_t i = 0; i < e->count; i++)
        sk_error_clear(&e->items[i]);
    free(e->items);
    memset(e, 0, sizeof *e);
}

/* ---- formatting that keeps each argument: the catalogue translates the
 * format and puts the arguments back (i18n.c) ---------------------------- */

/* Formats the one conversion at *p (just past its '%') with its argument
 * from ap into out; *p is left past it. 0, or -1 for a conversion this does
 * not know (then the rest of the format is copied as it is). */
static int format_one(const char **p, va_list *ap, sk_buf *out)
{
    const char *s = *p;
    char spec[48] = "%";
    size_t n = 1;
    while (*s && strchr("-+ #0", *s) && n < 8)
        spec[n++] = *s++;
    for (int part = 0; part < 2; part++) { /* the width, then the precision */
        if (part == 1) {
            if (*s != '.')
                break;
            spec[n++] = *s++;
        }
        if (*s == '*') {
            n += (size_t)snprintf(spec + n, sizeof spec - n, "%d", va_arg(*ap, int));
            s++;
        } else {
            while (*s >= '0' && *s <= '9' && n < 30)
                spec[n++] = *s++;
        }
    }
    const char *len = s;
    while (*s && strchr("hlzjtL", *s))
        s++;
    size_t lenlen = (size_t)(s - len);
    if (lenlen > 2 || !*s)
        return -1;
    memcpy(spec + n, len, lenlen);
    n += lenlen;
    char conv = *s++;
    spec[n++] = conv;
    spec[n] = '\0';
    *p = s;
    int ll = lenlen == 2 && len[0] == 'l', l = lenlen == 1 && len[0] == 'l', z = lenlen == 1 && len[0] == 'z';
    switch (conv) {
    case 'd':
    case 'i':
        if (ll)
            sk_buf_printf(out, spec, va_arg(*ap, long long));
        else if (l)
            sk_buf_printf(out, spec, va_arg(*ap, long));
        else if (z)
            sk_buf_printf(out, spec, va_arg(*ap, ptrdiff_t));
        else
            sk_buf_printf(out, spec, va_arg(*ap, int));
        return 0;
    case 'u':
    case 'x':
    case 'X':
    case 'o':
        if (ll)
            sk_buf_printf(out, spec, va_arg(*ap, unsigned long long));
        else if (l)
            sk_buf_printf(out, spec, va_arg(*ap, unsigned long));
        else if (z)
            sk_buf_printf(out, spec, va_arg(*ap, size_t));
        else
            sk_buf_printf(out, spec, va_arg(*ap, unsigned));
        return 0;
    case 'c':
        sk_buf_printf(out, spec, va_arg(*ap, int));
        return 0;
    case 's':
        sk_buf_printf(out, spec, va_arg(*ap, const char *));
        return 0;
    case 'f':
    case 'g':
    case 'e':
    case 'G':
    case 'E':
        sk_buf_printf(out, spec, va_arg(*ap, double));
        return 0;
    case 'p':
        sk_buf_printf(out, spec, va_arg(*ap, void *));
        return 0;
    default:
        return -1;
    }
}

/* x->message from fmt and ap, keeping fmt and every argument as text. */
static int error_format(sk_error *x, const char *fmt, va_list ap)
{
    sk_buf msg = {0};
    size_t cap = 0;
    va_list aq;
    va_copy(aq, ap);
    int failed = !(x->format = sk_strdup(fmt));
    for (const char *p = fmt; *p && !failed;) {
        const char *pct = strchr(p, '%');
        if (!pct) {
            sk_buf_puts(&msg, p);
            break;
        }
        sk_buf_add(&msg, p, (size_t)(pct - p));
        p = pct + 1;
        if (*p == '%') {
            sk_buf_add(&msg, "%", 1);
            p++;
            continue;
        }
        sk_buf arg = {0};
        if (format_one(&p, &aq, &arg)) {
            sk_buf_free(&arg);
            sk_buf_puts(&msg, pct);
            break;
        }
        if (arg.failed || sk_grow((void **)&x->args, &cap, x->nargs, sizeof *x->args)) {
            sk_buf_free(&arg);
            failed = 1;
            break;
        }
        x->args[x->nargs++] = arg.data ? arg.data : sk_strdup("");
        sk_buf_puts(&msg, x->args[x->nargs - 1] ? x->args[x->nargs - 1] : "");
    }
    va_end(aq);
    free(x->message);
    x->message = msg.data ? msg.data : sk_strdup("");
    return failed || msg.failed || !x->message ? -1 : 0;
}

int sk_error_setv(sk_error *x, const char *fmt, va_list ap)
{
    free(x->message), free(x->format);
    for (size_t i = 0; i < x->nargs; i++)
        free(x->args[i]);
    free(x->args);
    x->message = x->format = NULL, x->args = NULL, x->nargs = 0;
    return error_format(x, fmt, ap);
}

int sk_error_set(sk_error *x, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = sk_error_setv(x, fmt, ap);
    va_end(ap);
    return rc;
}

int sk_error_append(sk_error *x, const sk_error *tail)
{
    if (!x->format || !x->message || !tail->message)
        return -1;
    /* a tail set directly (no format) is one argument, as it reads */
    char *format = sk_printf("%s%s", x->format, tail->format ? tail->format : "%s");
    char *message = sk_printf("%s%s", x->message, tail->message);
    size_t n = tail->format ? tail->nargs : 1;
    char **args = format && message ? realloc(x->args, (x->nargs + n + 1) * sizeof *args) : NULL;
    if (!args) {
        free(format), free(message);
        return -1;
    }
    x->args = args;
    free(x->format), free(x->message);
    x->format = format, x->message = message;
    for (size_t i = 0; i < n; i++, x->nargs++)
        if (!(x->args[x->nargs] = sk_strdup(tail->format ? tail->args[i] : tail->message)))
            return -1;
    return 0;
}

int sk_errors_addv(sk_errors *e, sk_error_kind kind, const char *file, int line, int column,
                   const char *fmt, va_list ap)
{
    if (sk_grow((void **)&e->items, &e->cap, e->count, sizeof *e->items) != 0)
        return -1;
    sk_error *x = &e->items[e->count];
    memset(x, 0, sizeof *x);
    x->kind = kind;
    x->line = line;
    x->column = column;
    x->file = sk_strdup(file);
    if (error_format(x, fmt, ap) || (file && !x->file)) {
        sk_error_clear(x);
        return -1;
    }
    e->count++;
    return 0;
}

int sk_errors_add(sk_errors *e, sk_error_kind kind, const char *file, int line, int column,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = sk_errors_addv(e, kind, file, line, column, fmt, ap);
    va_end(ap);
    return rc;
}

int sk_errors_copy(sk_errors *e, const sk_error *x)
{
    if (sk_grow((void **)&e->items, &e->cap, e->count, sizeof *e->items) != 0)
        return -1;
    sk_error *y = &e->items[e->count];
    memset(y, 0, sizeof *y);
    y->kind = x->kind;
    y->line = x->line;
    y->column = x->column;
    int bad = (x->file && !(y->file = sk_strdup(x->file))) || (x->message && !(y->message = sk_strdup(x->message))) ||
              (x->rule && !(y->rule = sk_strdup(x->rule))) || (x->unit && !(y->unit = sk_strdup(x->unit))) ||
              (x->traceback && !(y->traceback = sk_strdup(x->traceback))) ||
              (x->format && !(y->format = sk_strdup(x->format))) ||
              (x->nargs && !(y->args = calloc(x->nargs, sizeof *y->args)));
    for (size_t i = 0; !bad && i < x->nargs; i++, y->nargs++)
        bad = !(y->args[i] = sk_strdup(x->args[i]));
    if (bad) {
        sk_error_clear(y);
        return -1;
    }
    e->count++;
    return 0;
}

static int strcmp_null(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

static int error_cmp(const void *pa, const void *pb)
{
    const sk_error *a = pa, *b = pb;
    int c = strcmp_null(a->file, b->file);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->column != b->column)
        return a->column < b->column ? -1 : 1;
    if ((c = strcmp_null(a->unit, b->unit)))
        return c;
    if ((c = strcmp_null(a->rule, b->rule)))
        return c;
    return strcmp_null(a->message, b->message);
}

void sk_errors_sort(sk_errors *e)
{
    if (e->count > 1)
        qsort(e->items, e->count, sizeof *e->items, error_cmp);
}

/* ---- severities ------------------------------------------------------------ */

static const char *const SEVERITY_NAMES[] = {"never", "info", "warning", "error"};

const char *sk_severity_name(sk_severity s)
{
    return (unsigned)s < 4 ? SEVERITY_NAMES[s] : "?";
}

int sk_severity_parse(const char *text, int allow_never, sk_severity *out)
{
    for (int i = allow_never ? 0 : 1; i < 4; i++) {
        if (strcmp(text, SEVERITY_NAMES[i]) == 0) {
            *out = (sk_severity)i;
            return 0;
        }
    }
    return -1;
}

/* ---- dates --------------------------------------------------------------- */

static int days_in_month(int y, int m)
{
    static const int DAYS[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 ? 28 + leap : DAYS[m - 1];
}

static int parse_date(const char *t, size_t len, int *y, int *m, int *d)
{
    if (len != 10 || t[4] != '-' || t[7] != '-')
        return -1;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (t[i] < '0' || t[i] > '9'))
            return -1;
    *y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
    *m = (t[5] - '0') * 10 + (t[6] - '0');
    *d = (t[8] - '0') * 10 + (t[9] - '0');
    if (*y < 1900 || *m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m))
        return -1;
    return 0;
}

int sk_date_valid(const char *text, size_t len)
{
    int y, m, d;
    return parse_date(text, len, &y, &m, &d) == 0;
}

int64_t sk_date_days(const char *text)
{
    int y, m, d;
    if (parse_date(text, strlen(text), &y, &m, &d) != 0)
        return INT64_MIN;
    /* days from civil, proleptic Gregorian */
    int64_t yy = m <= 2 ? y - 1 : y;
    int64_t era = yy / 400;
    int64_t yoe = yy - era * 400;
    int64_t mp = (m + 9) % 12;
    int64_t doy = (153 * mp + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* ---- edit distance ------------------------------------------------------------ */

size_t sk_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return SIZE_MAX;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

sk_limits sk_limits_default(void)
{
    sk_limits l = {
        .max_file_bytes = 16u << 20,
        .max_scalar_bytes = 1u << 20,
        .max_depth = 64,
        .max_nodes = 200000,
        .rule_budget = 10000000,
        .rule_memory = 32u << 20,
        .state_memory = 256u << 20,
        .rule_time_ms = 2000,
        .rule_findings = 1000,
        .rule_finding_bytes = 1u << 20,
        .unit_findings = 10000,
        .unit_finding_bytes = 4u << 20,
        .index_memory = 512u << 10,
    };
    return l;
}

/* Decodes the character at s (avail bytes) as Lua 5.4.4's utf8_decode does
 * in strict mode: at most U+10FFFF, no surrogates, no overlong forms.
 * Returns 0 for a sequence that is not UTF-8. */
int sk_utf8_decode(const unsigned char *s, size_t avail, uint32_t *cp)
{
    static const uint32_t limits[] = {~(uint32_t)0, 0x80, 0x800, 0x10000u, 0x200000u, 0x4000000u};
    unsigned int c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    uint32_t res = 0;
    size_t count = 0;
    for (; c & 0x40; c <<= 1) {
        count++;
        unsigned int cc = count < avail ? s[count] : 0; /* a C or Lua string ends in '\0' */
        if ((cc & 0xC0) != 0x80)
            return 0;
        res = (res << 6) | (cc & 0x3F);
    }
    if (count > 5)
        return 0;
    res |= (uint32_t)(c & 0x7F) << (count * 5);
    if (res > 0x7FFFFFFFu || res < limits[count])
        return 0;
    if (res > 0x10FFFFu || (res >= 0xD800u && res <= 0xDFFFu))
        return 0;
    *cp = res;
    return 1;
}
