/* index.c: which files hold which units, before any unit is checked (pass 1
 * of a batch), handed out one unit at a time in key order (pass 2).
 *
 * Most files hold one document that names unit.hsa_id near the top: for
 * those a few libyaml events give the key and the rest of the file is not
 * parsed here. Any other file is loaded in full with the real loader, so the
 * keys it yields are exactly those the check will find.
 *
 * Pass 2 reads each file again: a file that is not the one pass 1 read (its
 * device, inode, size or time of change differ) or that no longer yields the
 * units pass 1 found is an error naming it, never a unit silently lost.
 *
 * The index is a list of records (unit key, file number, path, whether this
 * unit reports the file's errors, what pass 1 saw of the file) sorted by key
 * then file. A small batch
 * sorts them in memory. A large one sorts them in runs of bounded size,
 * spills each run to an unlinked temporary file and merges the runs, so that
 * memory stays the same whether a batch has 5 000 units or 500 000. */
#define _GNU_SOURCE /* getdelim */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

/* Runs merged at once (each holds an open file and its buffer). */
#define MERGE_FAN_IN 32
/* Files whose quick keys are read together, on the jobs' threads. */
#define CHUNK_FILES 256

typedef struct rec {
    const char *key, *path;
    uint64_t file; /* the file's number in discovery order */
    unsigned char owns;
    sk_file_seen seen;
    const uint64_t *spans; /* start, end, line of each of its documents in a file of several units */
    size_t nspans;
} rec;

/* A record read back from a run file; its strings are its own. */
typedef struct cursor {
    FILE *f;
    char *key, *path;
    size_t keycap, pathcap;
    uint64_t file;
    unsigned char owns;
    sk_file_seen seen;
    uint64_t *spans;
    size_t nspans, capspans; /* capspans in numbers */
    int live;
} cursor;

struct sk_index {
    sk_limits limits;
    unsigned shards, shard;
    sk_policy *policy; /* receives the waivers documents found among the inputs */
    sk_errors *skipped; /* h12: receives the files walked that are not input (sk_index_options) */
    const char *const *args; /* h12: the paths as given: a file named is never skipped */
    size_t nargs;
    size_t files, units;
    size_t duplicates; /* files named twice, found by pass 2 */
    const char *tmpdir;
    int io_failed;     /* a temporary file could not be written or read */
    /* the run being filled, then (when nothing was spilled) the whole index */
    rec *recs;
    size_t nrecs, caprecs, run_bytes;
    sk_arena strings;
    /* files whose errors the index reported (no unit reads them), by device
     * and inode: one named twice reports them once. As large as those errors. */
    sk_hash reported;
    sk_arena reported_ids;
    size_t next;       /* pass 2 over recs */
    /* spilled runs, then the merged one that pass 2 reads */
    FILE **runs;
    size_t nruns, capruns;
    cursor in;
};

/* ---- pass 1: the keys of a file --------------------------------------------- */

/* The length of the YAML line break at b (libyaml's: LF, CR, NEL U+0085,
 * LINE SEPARATOR U+2028, PARAGRAPH SEPARATOR U+2029), or 0. */
static size_t line_break(const char *b, size_t len)
{
    static const struct {
        const char *bytes;
        size_t len;
    } BREAKS[] = {{"\n", 1}, {"\r", 1}, {"\xC2\x85", 2}, {"\xE2\x80\xA8", 3}, {"\xE2\x80\xA9", 3}};
    for (size_t i = 0; i < sizeof BREAKS / sizeof *BREAKS; i++)
        if (len >= BREAKS[i].len && memcmp(b, BREAKS[i].bytes, BREAKS[i].len) == 0)
            return BREAKS[i].len;
    return 0;
}

/* Where the byte c next stands in b[from, len), or len. */
static size_t next_byte(const char *b, size_t from, size_t len, unsigned char c)
{
    const char *at = from < len ? memchr(b + from, c, len - from) : NULL;
    return at ? (size_t)(at - b) : len;
}

/* Whether the bytes hold a document separator ("---" or "...", maybe after
 * a byte order mark, which libyaml skips at the start of any line) after
 * any line break: then the file may hold several documents. A separator
 * inside a block scalar is taken as one too, which only costs a full parse.
 * A break starts with one of four bytes (the others of a break are
 * 0x80-0xBF): memchr finds the next of each, and line_break is tried only
 * there, so the bytes between cost no more than memchr's scan. */
static int maybe_several_documents(const char *b, size_t len)
{
    static const unsigned char STARTS[] = {'\n', '\r', 0xC2, 0xE2};
    enum { NSTARTS = sizeof STARTS };
    size_t next[NSTARTS];
    for (size_t k = 0; k < NSTARTS; k++)
        next[k] = next_byte(b, 0, len, STARTS[k]);
    for (;;) {
        size_t i = len;
        for (size_t k = 0; k < NSTARTS; k++)
            if (next[k] < i)
                i = next[k];
        if (i >= len)
            return 0;
        size_t brk = line_break(b + i, len - i);
        size_t after = i + (brk ? brk : 1);
        for (size_t k = 0; k < NSTARTS; k++)
            if (next[k] < after)
                next[k] = next_byte(b, after, len, STARTS[k]);
        if (!brk)
            continue;
        size_t at = after + sk_utf8_bom(b + after, len - after);
        if (len - at >= 3 && (memcmp(b + at, "---", 3) == 0 || memcmp(b + at, "...", 3) == 0))
            return 1;
    }
}

/* A fingerprint of a set of unit keys: the same whatever their order. */
static uint64_t keys_add(uint64_t set, const char *key)
{
    return set + sk_hash_string(key);
}

/* The bytes a quick key reads, handed to libyaml a little at a time (step
 * bytes): given the whole string, libyaml would decode all of it before the
 * first event, and the key is usually in the first lines. Byte by byte,
 * libyaml decodes only what its scanner needs, so bytes it refuses (not
 * UTF-8, a control character) stop it only once the events before them are
 * read. */
typedef struct trickle {
    const char *bytes;
    size_t len, at, step;
} trickle;

static int trickle_read(void *data, unsigned char *buffer, size_t size, size_t *size_read)
{
    trickle *t = data;
    size_t n = t->len - t->at;
    if (n > size)
        n = size;
    if (n > t->step)
        n = t->step;
    memcpy(buffer, t->bytes + t->at, n);
    t->at += n;
    *size_read = n;
    return 1;
}

/* What the events of one document have shown so far of its unit.hsa_id: a
 * plain top-level "unit" map whose "hsa_id" is a non-empty scalar, after a
 * top-level "kind" (without one the file may be no startklar document at
 * all, which only the loader can tell). done when the key is known (key,
 * malloc'd) or the events do not show it that simply (key NULL). */
typedef struct key_scan {
    enum { ROOT_KEY, ROOT_VALUE, UNIT_KEY, UNIT_VALUE, HSA_VALUE } state;
    int depth, in_unit, skip_depth, has_kind, done, events;
    /* a plain hsa_id that runs onto the next line: libyaml folds the lines
     * into one text. In a valid file that is the id (the loader's to read:
     * no quick key); in a file that failed, it is a map left open
     * ("unit: {hsa_id: SE...-V077" with "goal: ..." below it), and the id is
     * its first line (first_line) */
    int first_line;
    char *key;
} key_scan;

/* Events of a document read for its key before giving up. */
#define KEY_EVENTS 4096

static void key_scan_start(key_scan *s)
{
    *s = (key_scan){.state = ROOT_KEY, .skip_depth = -1};
}

/* Reads one event of the document (those before its first are ignored). */
static void key_scan_event(key_scan *s, const yaml_event_t *ev)
{
    if (s->done)
        return;
    if (s->events++ >= KEY_EVENTS) {
        s->done = 1;
        return;
    }
    int start = ev->type == YAML_MAPPING_START_EVENT || ev->type == YAML_SEQUENCE_START_EVENT;
    int end = ev->type == YAML_MAPPING_END_EVENT || ev->type == YAML_SEQUENCE_END_EVENT;
    if (ev->type == YAML_DOCUMENT_END_EVENT || ev->type == YAML_STREAM_END_EVENT ||
        ev->type == YAML_ALIAS_EVENT) {
        s->done = 1;
    } else if (s->skip_depth >= 0) {
        /* inside a value we do not need: wait until it closes */
        s->depth += start - end;
        if (s->depth == s->skip_depth) {
            s->skip_depth = -1;
            s->state = s->in_unit ? UNIT_KEY : ROOT_KEY;
        }
    } else if (start) {
        s->depth++;
        if (s->depth == 1)
            s->done = ev->type != YAML_MAPPING_START_EVENT; /* the document is a map */
        else if (s->state == ROOT_VALUE && s->in_unit && ev->type == YAML_MAPPING_START_EVENT)
            s->state = UNIT_KEY;
        else if (s->state == ROOT_VALUE || s->state == UNIT_VALUE)
            s->skip_depth = s->depth - 1;
        else
            s->done = 1; /* a complex key, or hsa_id is not a scalar: not simple */
    } else if (end) {
        s->depth--;
        if (s->depth == 1 && s->in_unit) /* the unit map closed without hsa_id */
            s->done = 1;
    } else if (ev->type == YAML_SCALAR_EVENT) {
        const char *v = (const char *)ev->data.scalar.value;
        switch (s->state) {
        case ROOT_KEY:
            s->in_unit = s->depth == 1 && strcmp(v, "unit") == 0;
            s->has_kind |= s->depth == 1 && strcmp(v, "kind") == 0;
            s->state = ROOT_VALUE;
            break;
        case ROOT_VALUE:
            if (s->in_unit)
                s->done = 1; /* unit: is not a map */
            s->state = ROOT_KEY;
            break;
        case UNIT_KEY:
            s->state = strcmp(v, "hsa_id") == 0 ? HSA_VALUE : UNIT_VALUE;
            break;
        case UNIT_VALUE:
            s->state = UNIT_KEY;
            break;
        case HSA_VALUE: {
            /* a null (hsa_id: ~) is no key: the full loader says why */
            sk_node n = {.text = v, .len = ev->data.scalar.length,
                         .plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE};
            int folded = n.plain && ev->end_mark.line > ev->start_mark.line;
            if (s->has_kind && ev->data.scalar.length > 0 && !ev->data.scalar.tag &&
                !sk_scalar_is_null(&n) && !memchr(v, '\0', ev->data.scalar.length) && (!folded || s->first_line))
                s->key = folded ? sk_printf("%.*s", (int)strcspn(v, " "), v) : sk_strdup(v);
            s->done = 1;
            break;
        }
        }
    }
}

/* The unit.hsa_id of the first document, read from libyaml events up to it
 * (key_scan). Returns a malloc'd key, or NULL when the events do not show it
 * that simply. */
static char *quick_key(const char *bytes, size_t len)
{
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p))
        return NULL;
    trickle t = {bytes, len, 0, 128};
    yaml_parser_set_input(&p, trickle_read, &t);
    yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
    key_scan s;
    key_scan_start(&s);
    while (!s.done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev))
            break;
        key_scan_event(&s, &ev);
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&p);
    return s.key;
}

/* The units the documents of a file that failed as a whole (a syntax error,
 * bytes that are not UTF-8, a limit) name before the point where it failed
 * (line and column: the loader's last error; libyaml is not asked for the
 * events the loader refused, such as a nesting too deep for its stack of
 * simple keys to be scanned in linear time), each read as quick_key reads
 * one: in *keys (malloc'd, each malloc'd; the same key may come twice), *n
 * of them. 0, or -1 out of memory. */
int sk_index_failed_keys(const char *bytes, size_t len, int line, int column, char ***keys, size_t *n)
{
    *keys = NULL, *n = 0;
    size_t cap = 0;
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p))
        return -1;
    size_t bom = sk_utf8_bom(bytes, len);
    trickle t = {bytes + bom, len - bom, 0, 1};
    yaml_parser_set_input(&p, trickle_read, &t);
    yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
    key_scan s;
    key_scan_start(&s);
    s.done = 1; /* until a document starts */
    int rc = 0, end = 0;
    while (rc == 0 && !end) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev))
            break; /* where the file failed: the documents before it are read */
        int at_line = (int)ev.start_mark.line + 1, at_column = (int)ev.start_mark.column + 1;
        if (at_line > line || (at_line == line && at_column > column)) {
            yaml_event_delete(&ev);
            break; /* past where the loader failed */
        }
        if (ev.type == YAML_DOCUMENT_START_EVENT) {
            key_scan_start(&s);
            s.first_line = 1;
        } else {
            key_scan_event(&s, &ev);
        }
        end = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        if (s.key) {
            if (sk_grow((void **)keys, &cap, *n, sizeof **keys)) {
                free(s.key);
                rc = -1;
            } else {
                (*keys)[(*n)++] = s.key;
            }
            s.key = NULL;
        }
    }
    yaml_parser_delete(&p);
    return rc;
}

char *sk_index_quick_key(const char *bytes, size_t len)
{
    if (maybe_several_documents(bytes, len))
        return NULL;
    size_t bom = sk_utf8_bom(bytes, len);
    return quick_key(bytes + bom, len - bom);
}

/* Files up to this size get a quick key; larger ones go to the full loader. */
#define QUICK_BYTES (64u * 1024u)

/* The quick key of a file, or NULL when it needs the full loader (or
 * cannot be read, or is not a small regular file: the full loader then
 * reports why). buf holds QUICK_BYTES + 1, reused file after file; *seen
 * is what the file was when read. */
static char *file_quick_key(const char *path, char *buf, sk_file_seen *seen)
{
    /* O_NONBLOCK: a FIFO with no writer must not stop pass 1 */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return NULL;
    }
    sk_file_seen_of(&st, seen); /* before the read: a later change is seen as one */
    ssize_t n = read(fd, buf, QUICK_BYTES + 1);
    close(fd);
    if (n <= 0 || (size_t)n > QUICK_BYTES)
        return NULL;
    buf[n] = '\0';
    char *key = sk_index_quick_key(buf, (size_t)n);
    if (key)
        seen->keys = keys_add(0, key);
    return key;
}

/* ---- runs: records in memory, spilled to temporary files -------------------- */

static int rec_cmp(const void *a, const void *b)
{
    const rec *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return x->file < y->file ? -1 : x->file > y->file;
}

static int io_error(sk_index *ix, sk_errors *errs, const char *what)
{
    int err = errno;
    ix->io_failed = 1;
    return sk_errors_add(errs, SK_ERR_INPUT, ix->tmpdir, 0, 0,
                         "cannot %s the index's temporary file in this directory: %s (set TMPDIR "
                         "to a writable directory with room)",
                         what, strerror(err ? err : EIO)) ? -1 : 1;
}

/* A new temporary file, already unlinked: it vanishes with the process. */
static FILE *temp_file(const char *dir)
{
    char *name = sk_printf("%s/startklar-index-XXXXXX", dir);
    if (!name)
        return NULL;
    int fd = mkstemp(name);
    if (fd >= 0)
        unlink(name);
    free(name);
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, "w+b");
    if (!f)
        close(fd);
    return f;
}

/* The numbers of a record after its strings: the file number, then what
 * pass 1 saw of the file, each 8 bytes little-endian, then owns (1 byte). */
#define TAIL_NUMBERS 6
#define TAIL_BYTES (8 * TAIL_NUMBERS + 1)

static void put_u64(unsigned char *at, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        at[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_u64(const unsigned char *at)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)at[i] << (8 * i);
    return v;
}

/* One record on disk: key NUL, path NUL, the numbers, then the count of
 * its spans and their numbers (8 bytes each). */
static int write_rec(FILE *f, const char *key, const char *path, uint64_t file, unsigned char owns,
                     const sk_file_seen *seen, const uint64_t *spans, size_t nspans)
{
    const uint64_t numbers[TAIL_NUMBERS] = {file, seen->dev, seen->ino, seen->size,
                                            (uint64_t)seen->ctime_ns, seen->keys};
    unsigned char tail[TAIL_BYTES + 8];
    for (int n = 0; n < TAIL_NUMBERS; n++)
        put_u64(tail + 8 * n, numbers[n]);
    tail[TAIL_BYTES - 1] = owns;
    put_u64(tail + TAIL_BYTES, nspans);
    if (fwrite(key, strlen(key) + 1, 1, f) != 1 || fwrite(path, strlen(path) + 1, 1, f) != 1 ||
        fwrite(tail, sizeof tail, 1, f) != 1)
        return -1;
    for (size_t i = 0; i < 3 * nspans; i++) {
        unsigned char n[8];
        put_u64(n, spans[i]);
        if (fwrite(n, sizeof n, 1, f) != 1)
            return -1;
    }
    return 0;
}

/* The next record of a run: 1, 0 at its end, -1 when it cannot be read. */
static int read_rec(cursor *c)
{
    errno = 0;
    ssize_t k = getdelim(&c->key, &c->keycap, '\0', c->f);
    if (k < 0)
        return feof(c->f) && errno == 0 ? 0 : -1;
    unsigned char tail[TAIL_BYTES + 8];
    if (getdelim(&c->path, &c->pathcap, '\0', c->f) < 0 || fread(tail, sizeof tail, 1, c->f) != 1) {
        if (!errno)
            errno = EIO; /* a run cut short */
        return -1;
    }
    uint64_t numbers[TAIL_NUMBERS];
    for (int n = 0; n < TAIL_NUMBERS; n++)
        numbers[n] = get_u64(tail + 8 * n);
    c->file = numbers[0];
    c->seen = (sk_file_seen){.dev = numbers[1], .ino = numbers[2], .size = numbers[3],
                             .ctime_ns = (int64_t)numbers[4], .keys = numbers[5]};
    c->owns = tail[TAIL_BYTES - 1];
    uint64_t nspans = get_u64(tail + TAIL_BYTES);
    if (nspans > SIZE_MAX / 24) {
        errno = EIO;
        return -1;
    }
    c->nspans = 0;
    for (size_t i = 0; i < 3 * nspans; i++) {
        unsigned char n[8];
        if (fread(n, sizeof n, 1, c->f) != 1) {
            if (!errno)
                errno = EIO;
            return -1;
        }
        if (sk_grow((void **)&c->spans, &c->capspans, i, sizeof *c->spans)) {
            errno = ENOMEM;
            return -1;
        }
        c->spans[i] = get_u64(n);
    }
    c->nspans = (size_t)nspans;
    return 1;
}

static int cursor_cmp(const cursor *a, const cursor *b)
{
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    return a->file < b->file ? -1 : a->file > b->file;
}

static void cursor_free(cursor *c)
{
    if (c->f)
        fclose(c->f);
    free(c->key);
    free(c->path);
    free(c->spans);
    memset(c, 0, sizeof *c);
}

/* Sorts the records in memory and writes them out as a new run. */
static int spill(sk_index *ix, sk_errors *errs)
{
    if (ix->nrecs > 1)
        qsort(ix->recs, ix->nrecs, sizeof *ix->recs, rec_cmp);
    if (sk_grow((void **)&ix->runs, &ix->capruns, ix->nruns, sizeof *ix->runs))
        return -1;
    errno = 0;
    FILE *f = temp_file(ix->tmpdir);
    if (!f)
        return io_error(ix, errs, "create");
    ix->runs[ix->nruns++] = f;
    for (size_t i = 0; i < ix->nrecs; i++)
        if (write_rec(f, ix->recs[i].key, ix->recs[i].path, ix->recs[i].file, ix->recs[i].owns,
                      &ix->recs[i].seen, ix->recs[i].spans, ix->recs[i].nspans))
            return io_error(ix, errs, "write");
    if (fflush(f) != 0)
        return io_error(ix, errs, "write");
    ix->nrecs = 0;
    ix->run_bytes = 0;
    sk_arena_reset(&ix->strings);
    return 0;
}

/* Merges runs[0..n) into one new run; counts its distinct keys when units
 * is not NULL. The merged runs are closed. */
static int merge(sk_index *ix, FILE **runs, size_t n, FILE **out, size_t *units, sk_errors *errs)
{
    cursor *c = calloc(n, sizeof *c);
    if (!c)
        return -1;
    int rc = 0;
    *out = NULL;
    for (size_t i = 0; i < n; i++) {
        c[i].f = runs[i];
        runs[i] = NULL;
        if (rc == 0 && fseek(c[i].f, 0, SEEK_SET) != 0)
            rc = io_error(ix, errs, "read");
        int r = rc == 0 ? read_rec(&c[i]) : 0;
        if (r < 0)
            rc = errno == ENOMEM ? -1 : io_error(ix, errs, "read");
        c[i].live = r == 1;
    }
    errno = 0;
    FILE *f = rc == 0 ? temp_file(ix->tmpdir) : NULL;
    if (rc == 0 && !f)
        rc = io_error(ix, errs, "create");
    char *last = NULL;
    size_t lastcap = 0;
    while (rc == 0) {
        /* the fan-in is small: the least cursor by a scan */
        cursor *min = NULL;
        for (size_t i = 0; i < n; i++)
            if (c[i].live && (!min || cursor_cmp(&c[i], min) < 0))
                min = &c[i];
        if (!min)
            break;
        if (write_rec(f, min->key, min->path, min->file, min->owns, &min->seen, min->spans, min->nspans)) {
            rc = io_error(ix, errs, "write");
            break;
        }
        if (units && (!last || strcmp(last, min->key) != 0)) {
            size_t len = strlen(min->key) + 1;
            if (len > lastcap) {
                char *p = realloc(last, len);
                if (!p) {
                    rc = -1;
                    break;
                }
                last = p, lastcap = len;
            }
            memcpy(last, min->key, len);
            (*units)++;
        }
        int r = read_rec(min);
        if (r < 0)
            rc = errno == ENOMEM ? -1 : io_error(ix, errs, "read");
        min->live = r == 1;
    }
    free(last);
    for (size_t i = 0; i < n; i++)
        cursor_free(&c[i]);
    free(c);
    if (rc == 0 && (fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0))
        rc = io_error(ix, errs, "write");
    if (rc) {
        if (f)
            fclose(f);
        return rc;
    }
    *out = f;
    return 0;
}

/* After the last file: either sorts the records in memory, or spills the
 * last run and merges every run into the one pass 2 reads. */
static int finish_runs(sk_index *ix, sk_errors *errs)
{
    if (ix->nruns == 0) {
        if (ix->nrecs > 1)
            qsort(ix->recs, ix->nrecs, sizeof *ix->recs, rec_cmp);
        for (size_t i = 0; i < ix->nrecs; i++)
            if (i == 0 || strcmp(ix->recs[i].key, ix->recs[i - 1].key) != 0)
                ix->units++;
        return 0;
    }
    int rc = ix->nrecs ? spill(ix, errs) : 0;
    /* merge groups of runs until one group is left, then the last merge counts units */
    while (rc == 0 && ix->nruns > MERGE_FAN_IN) {
        size_t groups = 0;
        for (size_t i = 0; rc == 0 && i < ix->nruns; i += MERGE_FAN_IN) {
            size_t n = ix->nruns - i < MERGE_FAN_IN ? ix->nruns - i : MERGE_FAN_IN;
            FILE *merged;
            rc = merge(ix, ix->runs + i, n, &merged, NULL, errs);
            if (rc == 0)
                ix->runs[groups++] = merged;
        }
        if (rc == 0)
            ix->nruns = groups;
    }
    FILE *all = NULL;
    if (rc == 0)
        rc = merge(ix, ix->runs, ix->nruns, &all, &ix->units, errs);
    if (rc == 0) {
        ix->nruns = 0;
        ix->in.f = all;
        int r = read_rec(&ix->in);
        if (r < 0)
            rc = errno == ENOMEM ? -1 : io_error(ix, errs, "read");
        ix->in.live = r == 1;
    }
    return rc;
}

/* Adds the record (key, file): this unit reads the file; owns when it is
 * the one that reports the file's errors. Keys outside the shard are not
 * this run's to check. */
static int add_rec(sk_index *ix, const char *key, const char *path, uint64_t file, int owns,
                   const sk_file_seen *seen, const uint64_t *spans, size_t nspans, sk_errors *errs)
{
    if (ix->shards && sk_shard_of(key, ix->shards) != ix->shard)
        return 0;
    size_t klen = strlen(key), plen = strlen(path);
    /* the records kept in memory are the index's whole share of a batch's
     * memory, whatever the size of the corpus: beyond it, a run is spilled */
    size_t sbytes = 3 * nspans * sizeof *spans;
    if (ix->run_bytes + klen + plen + sbytes + sizeof(rec) > ix->limits.index_memory && ix->nrecs > 0) {
        int rc = spill(ix, errs);
        if (rc)
            return rc;
    }
    if (sk_grow((void **)&ix->recs, &ix->caprecs, ix->nrecs, sizeof *ix->recs))
        return -1;
    rec *r = &ix->recs[ix->nrecs];
    r->key = sk_arena_strndup(&ix->strings, key, klen);
    r->path = sk_arena_strndup(&ix->strings, path, plen);
    if (!r->key || !r->path)
        return -1;
    r->file = file;
    r->owns = owns != 0;
    r->seen = *seen;
    r->spans = NULL;
    r->nspans = nspans;
    if (nspans) {
        uint64_t *copy = sk_arena_alloc(&ix->strings, sbytes);
        if (!copy)
            return -1;
        memcpy(copy, spans, sbytes);
        r->spans = copy;
    }
    ix->nrecs++;
    ix->run_bytes += klen + plen + 2 + sbytes + sizeof(rec);
    return 0;
}

/* Whether the index reported this real file's errors already (under
 * another name); remembers it. 0, or -1 out of memory. */
static int reported_before(sk_index *ix, const sk_file_seen *seen, int *again)
{
    char id[48];
    snprintf(id, sizeof id, "%llx:%llx", (unsigned long long)seen->dev, (unsigned long long)seen->ino);
    *again = sk_hash_get(&ix->reported, 0, id) != NULL;
    if (*again) {
        ix->duplicates++;
        return 0;
    }
    char *copy = sk_arena_strndup(&ix->reported_ids, id, strlen(id));
    return copy && sk_hash_put(&ix->reported, 0, copy, copy) == 0 ? 0 : -1;
}

/* Loads the file in full and records every key it yields; the least key
 * reports the file's errors. A file that yields no key keeps its errors
 * here (no unit will report them). In a file of several units, each other
 * unit records where its own documents are (their spans), so that pass 2
 * loads only those: a file of n units is parsed about twice, not n times. */
static int full_keys(sk_index *ix, uint64_t file, const char *path, const char *bytes, size_t len,
                     sk_file_seen *seen, sk_errors *errs)
{
    sk_docset *ds = sk_docset_new(&ix->limits);
    if (!ds)
        return -1;
    sk_errors local;
    sk_errors_init(&local);
    sk_spans spans = {0};
    sk_load_buffer_spans(ds, path, bytes, len, &spans, &local);
    int rc = 0;
    /* h12: a file met while walking that is not input is skipped: no document with a kind
     * (docker-compose.yml), or a profile, baseline or configuration (below); a file named
     * on the command line is input as it is, and says why it is none */
    int walked = ix->skipped != NULL;
    for (size_t a = 0; walked && a < ix->nargs; a++)
        walked = strcmp(ix->args[a], path) != 0;
    if (ds->not_startklar)
        rc = walked ? sk_errors_add(ix->skipped, SK_ERR_INPUT, path, 0, 0, "not a startklar document")
                    : sk_errors_add(errs, SK_ERR_INPUT, path, 1, 1, "no document of this file has a 'kind': it is no startklar document");
    const char **keys = NULL;
    size_t nkeys = 0, capkeys = 0;
    sk_hash known; /* key -> its number + 1 */
    sk_hash_init(&known);
    for (size_t i = 0; rc == 0 && i < ds->count + local.count; i++) {
        const sk_doc *d = i < ds->count ? &ds->docs[i] : NULL;
        const char *key = d ? d->hsa_id : local.items[i - ds->count].unit;
        if (key) {
            if (sk_hash_get(&known, 0, key))
                continue;
            if (sk_grow((void **)&keys, &capkeys, nkeys, sizeof *keys) ||
                sk_hash_put(&known, 0, key, (void *)(uintptr_t)(nkeys + 1)))
                rc = -1;
            else
                keys[nkeys++] = key, seen->keys = keys_add(seen->keys, key);
        } else if (!d) {
            /* an error of no unit: reported below if nobody owns the file */
        } else if (strcmp(d->kind, "waivers") == 0) {
            /* waivers may stand among the inputs: they apply to the whole run */
            if (ix->policy)
                sk_policy_add_waivers(ix->policy, d, errs);
        } else if (walked && strcmp(d->kind, "catalogue") != 0) {
            /* h12: a profile, baseline or configuration file among the inputs is the run's
             * settings, never input: skipped (once per file) */
            if (i == 0 || strcmp(ds->docs[i - 1].kind, d->kind) != 0)
                rc = sk_errors_add(ix->skipped, SK_ERR_INPUT, path, 0, 0, "a %s file is not input", d->kind);
        } else {
            rc = sk_errors_add(errs, SK_ERR_POLICY, d->file, d->root->line, d->root->column,
                               strcmp(d->kind, "catalogue") == 0
                                   ? "a %s is not input: startklar carries its own%s"
                                   : "a %s is not input: give it with --%s",
                               d->kind, strcmp(d->kind, "catalogue") == 0 ? ""
                                        : strcmp(d->kind, "profile") == 0 ? "profile" : "baseline");
        }
    }
    /* a file that failed as a whole names no unit to the loader (but those
     * of documents with errors of their own before); the units its documents
     * name before it failed are read from its events: they read it, and its
     * errors are theirs (they are not judged in full) */
    char **failed = NULL;
    size_t nfailed = 0;
    int line = 0, column = 0; /* where the loader stopped: its last error */
    for (size_t i = 0; i < local.count; i++)
        if (local.items[i].line > line || (local.items[i].line == line && local.items[i].column > column))
            line = local.items[i].line, column = local.items[i].column;
    if (rc == 0 && ds->count == 0 && local.count && !ds->not_startklar &&
        sk_index_failed_keys(bytes, len, line, column, &failed, &nfailed))
        rc = -1;
    for (size_t f = 0; rc == 0 && f < nfailed; f++) {
        if (sk_hash_get(&known, 0, failed[f]))
            continue;
        if (sk_grow((void **)&keys, &capkeys, nkeys, sizeof *keys) ||
            sk_hash_put(&known, 0, failed[f], (void *)(uintptr_t)(nkeys + 1)))
            rc = -1;
        else
            keys[nkeys++] = failed[f], seen->keys = keys_add(seen->keys, failed[f]);
    }
    size_t least = 0;
    for (size_t k = 1; k < nkeys; k++)
        if (strcmp(keys[k], keys[least]) < 0)
            least = k;
    /* each key's spans, as lists threaded through the spans: first[k], next[i] */
    size_t *first = nkeys > 1 ? malloc(nkeys * sizeof *first) : NULL;
    size_t *next = nkeys > 1 && spans.count ? malloc(spans.count * sizeof *next) : NULL;
    uint64_t *mine = nkeys > 1 && spans.count ? malloc(3 * spans.count * sizeof *mine) : NULL;
    if (rc == 0 && nkeys > 1 && (!first || (spans.count && (!next || !mine))))
        rc = -1;
    for (size_t k = 0; rc == 0 && k < nkeys && nkeys > 1; k++)
        first[k] = SIZE_MAX;
    for (size_t i = spans.count; rc == 0 && nkeys > 1 && i-- > 0;) {
        void *v = spans.items[i].key ? sk_hash_get(&known, 0, spans.items[i].key) : NULL;
        size_t k = v ? (size_t)(uintptr_t)v - 1 : SIZE_MAX;
        next[i] = k == SIZE_MAX ? SIZE_MAX : first[k];
        if (k != SIZE_MAX)
            first[k] = i;
    }
    for (size_t k = 0; rc == 0 && k < nkeys; k++) {
        size_t n = 0;
        /* the owner reads the whole file (it reports the errors of every
         * document); a unit whose documents were not all found does too */
        for (size_t i = nkeys > 1 && k != least ? first[k] : SIZE_MAX; i != SIZE_MAX; i = next[i]) {
            mine[3 * n] = spans.items[i].start;
            mine[3 * n + 1] = spans.items[i].end;
            mine[3 * n + 2] = (uint64_t)spans.items[i].line;
            n++;
        }
        rc = add_rec(ix, keys[k], path, file, k == least, seen, mine, n, errs);
    }
    int again = 0;
    if (rc == 0 && nkeys == 0 && local.count)
        rc = reported_before(ix, seen, &again);
    if (rc == 0 && nkeys == 0 && !again) {
        /* nobody owns this file: its errors are the index's to report */
        for (size_t i = 0; rc == 0 && i < local.count; i++) {
            const sk_error *e = &local.items[i];
            rc = sk_errors_copy(errs, e);
        }
    }
    free(first);
    free(next);
    free(mine);
    free(spans.items);
    sk_hash_free(&known);
    for (size_t f = 0; f < nfailed; f++)
        free(failed[f]);
    free(failed);
    free(keys);
    sk_errors_free(&local);
    sk_docset_free(ds);
    return rc;
}

/* ---- pass 1 ------------------------------------------------------------------ */

typedef struct chunk {
    sk_paths paths;
    char **keys;    /* per path: its quick key, or NULL */
    sk_file_seen *seen; /* per path with a quick key: the file as it was read */
    uint64_t first; /* the number of its first file */
    atomic_size_t next; /* the next file whose key nobody reads yet */
} chunk;

/* The threads that read quick keys while this one walks the directories:
 * chunk k's keys are read while chunk k+1 is being discovered. */
typedef struct readers {
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    chunk *current;       /* the chunk being read */
    unsigned long gen;    /* bumped for each new chunk */
    unsigned n, busy;     /* threads, and those still reading the current chunk */
    int stop;
    pthread_t threads[64];
} readers;

/* Reads quick keys of the chunk until none is left: the reader threads, and
 * this thread when it is done walking, take the files one at a time. */
static void read_keys(chunk *c, char *buf)
{
    for (size_t f; buf && (f = atomic_fetch_add(&c->next, 1)) < c->paths.count;)
        c->keys[f] = file_quick_key(c->paths.items[f], buf, &c->seen[f]);
}

static void *reader_main(void *arg)
{
    readers *r = arg;
    /* out of memory: no quick keys from this thread, the full loader reads those files */
    char *buf = malloc(QUICK_BYTES + 2);
    unsigned long seen = 0;
    pthread_mutex_lock(&r->mu);
    for (;;) {
        while (!r->stop && r->gen == seen)
            pthread_cond_wait(&r->work, &r->mu);
        if (r->stop)
            break;
        seen = r->gen;
        chunk *c = r->current;
        pthread_mutex_unlock(&r->mu);
        read_keys(c, buf);
        pthread_mutex_lock(&r->mu);
        if (--r->busy == 0)
            pthread_cond_signal(&r->done);
    }
    pthread_mutex_unlock(&r->mu);
    free(buf);
    return NULL;
}

/* Starts up to n reader threads; r->n says how many did start (maybe 0). */
static void readers_start(readers *r, unsigned n)
{
    memset(r, 0, sizeof *r);
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->work, NULL);
    pthread_cond_init(&r->done, NULL);
    for (unsigned t = 0; t < n && t < 64; t++) {
        if (pthread_create(&r->threads[t], NULL, reader_main, r) != 0)
            break;
        r->n++;
    }
}

/* Hands a chunk to the readers (the previous one must be finished). With no
 * reader thread, this thread reads it at once. */
static void readers_give(readers *r, chunk *c, char *buf)
{
    atomic_store(&c->next, 0);
    if (r->n == 0) {
        read_keys(c, buf);
        return;
    }
    pthread_mutex_lock(&r->mu);
    r->current = c;
    r->busy = r->n;
    r->gen++;
    pthread_cond_broadcast(&r->work);
    pthread_mutex_unlock(&r->mu);
}

static void readers_wait(readers *r)
{
    pthread_mutex_lock(&r->mu);
    while (r->n && r->busy > 0)
        pthread_cond_wait(&r->done, &r->mu);
    pthread_mutex_unlock(&r->mu);
}

static void readers_stop(readers *r)
{
    pthread_mutex_lock(&r->mu);
    r->stop = 1;
    pthread_cond_broadcast(&r->work);
    pthread_mutex_unlock(&r->mu);
    for (unsigned t = 0; t < r->n; t++)
        pthread_join(r->threads[t], NULL);
    pthread_cond_destroy(&r->work);
    pthread_cond_destroy(&r->done);
    pthread_mutex_destroy(&r->mu);
}

/* Records the keys of the chunk's files, in file order, so that everything
 * the index reports is deterministic. */
static int index_chunk(sk_index *ix, chunk *c, sk_buf *b, sk_errors *errs)
{
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < c->paths.count; i++) {
        uint64_t file = c->first + i;
        const char *path = c->paths.items[i];
        if (c->keys[i]) {
            rc = add_rec(ix, c->keys[i], path, file, 1, &c->seen[i], NULL, 0, errs);
            continue;
        }
        b->len = 0;
        sk_file_seen seen;
        int r = sk_read_file_seen(path, ix->limits.max_file_bytes, b, &seen, errs);
        if (r < 0)
            rc = -1;
        else if (r == 0) /* else not readable: reported, nobody owns it */
            rc = full_keys(ix, file, path, b->data ? b->data : "", b->len, &seen, errs);
    }
    return rc;
}

/* Fills c with the walk's next files: 0 (more may follow), 1 (the walk is
 * over), -1 out of memory. */
static int walk_chunk(sk_walk *w, chunk *c, sk_errors *errs)
{
    c->first = sk_walk_files(w);
    const char *path;
    int more;
    while (c->paths.count < CHUNK_FILES && (more = sk_walk_next(w, &path, errs)) == 1) {
        char *copy = sk_strdup(path);
        if (!copy || sk_grow((void **)&c->paths.items, &c->paths.cap, c->paths.count, sizeof *c->paths.items)) {
            free(copy);
            return -1;
        }
        c->paths.items[c->paths.count++] = copy;
    }
    return c->paths.count == CHUNK_FILES ? 0 : more < 0 ? -1 : 1;
}

static void chunk_clear(chunk *c)
{
    for (size_t i = 0; i < c->paths.count; i++) {
        free(c->keys[i]);
        c->keys[i] = NULL;
        free(c->paths.items[i]);
    }
    c->paths.count = 0;
}

sk_index *sk_index_build(const sk_index_options *o, sk_errors *errs)
{
    sk_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return NULL;
    ix->limits = *o->limits;
    if (!ix->limits.index_memory)
        ix->limits.index_memory = sk_limits_default().index_memory;
    sk_hash_init(&ix->reported);
    ix->shards = o->shards;
    ix->shard = o->shard;
    ix->policy = o->policy;
    const char *tmp = getenv("TMPDIR");
    ix->tmpdir = tmp && *tmp ? tmp : "/tmp";
    unsigned jobs = o->jobs < 1 ? 1 : o->jobs > 64 ? 64 : o->jobs;

    /* this thread walks and records; jobs - 1 threads read the quick keys
     * (with one job, this thread reads them too) */
    readers r;
    readers_start(&r, jobs - 1);
    sk_walk *w = sk_walk_new(o->paths, o->npaths, NULL);
    if (w) /* h12 */
        sk_walk_filter(w, o->exclude, o->nexclude, o->include, o->ninclude);
    ix->skipped = o->skipped, ix->args = o->paths, ix->nargs = o->npaths;
    chunk c[2];
    memset(c, 0, sizeof c);
    for (int i = 0; i < 2; i++) {
        c[i].keys = calloc(CHUNK_FILES, sizeof *c[i].keys);
        c[i].seen = calloc(CHUNK_FILES, sizeof *c[i].seen);
    }
    char *buf = malloc(QUICK_BYTES + 2);
    sk_buf b = {0};
    int rc = w && c[0].keys && c[1].keys && c[0].seen && c[1].seen && buf ? 0 : -1;
    int over = rc == 0 ? walk_chunk(w, &c[0], errs) : -1;
    if (over < 0)
        rc = -1;
    if (rc == 0)
        readers_give(&r, &c[0], buf);
    for (unsigned k = 0; rc == 0 && c[k % 2].paths.count; k++) {
        chunk *now = &c[k % 2], *next = &c[(k + 1) % 2];
        if (!over && (over = walk_chunk(w, next, errs)) < 0)
            rc = -1; /* the next chunk is discovered while this one is read */
        read_keys(now, buf); /* then this thread helps read it */
        readers_wait(&r);
        if (rc == 0 && next->paths.count)
            readers_give(&r, next, buf);
        if (rc == 0)
            rc = index_chunk(ix, now, &b, errs);
        chunk_clear(now);
    }
    readers_wait(&r);
    readers_stop(&r);
    ix->files = w ? sk_walk_files(w) : 0;
    for (int i = 0; i < 2; i++) {
        chunk_clear(&c[i]);
        sk_paths_free(&c[i].paths);
        free(c[i].keys);
        free(c[i].seen);
    }
    free(buf);
    sk_buf_free(&b);
    sk_walk_free(w);
    if (rc == 0)
        rc = finish_runs(ix, errs);
    if (rc < 0) {
        sk_index_free(ix);
        return NULL;
    }
    return ix;
}

size_t sk_index_files(const sk_index *ix)
{
    return ix->files - ix->duplicates;
}

size_t sk_index_units(const sk_index *ix)
{
    return ix->io_failed ? 0 : ix->units;
}

/* ---- pass 2: one unit at a time ---------------------------------------------- */

static int unit_add_file(sk_index_unit *u, const char *path, int owns, const sk_file_seen *seen,
                         const uint64_t *spans, size_t nspans)
{
    if (u->nfiles == u->cap) {
        size_t cap = u->cap ? 2 * u->cap : 4;
        size_t *at = realloc(u->at, cap * sizeof *at);
        if (!at)
            return -1;
        u->at = at;
        unsigned char *ow = realloc(u->owns, cap);
        if (!ow)
            return -1;
        u->owns = ow;
        sk_file_seen *se = realloc(u->seen, cap * sizeof *se);
        if (!se)
            return -1;
        u->seen = se;
        size_t *ns = realloc(u->nspans, cap * sizeof *ns);
        if (!ns)
            return -1;
        u->nspans = ns;
        u->cap = cap;
    }
    u->at[u->nfiles] = u->text.len;
    u->owns[u->nfiles] = (unsigned char)owns;
    u->seen[u->nfiles] = *seen;
    u->nspans[u->nfiles] = nspans;
    sk_buf_add(&u->text, path, strlen(path) + 1);
    /* the spans' numbers follow the path's NUL (read back with memcpy) */
    if (nspans)
        sk_buf_add(&u->text, (const char *)spans, 3 * nspans * sizeof *spans);
    u->nfiles++;
    return u->text.failed ? -1 : 0;
}

/* A file of a unit by its identity, for finding the same file named twice. */
typedef struct file_id {
    uint64_t dev, ino;
    size_t pos;
} file_id;

static int file_id_cmp(const void *a, const void *b)
{
    const file_id *x = a, *y = b;
    if (x->dev != y->dev)
        return x->dev < y->dev ? -1 : 1;
    if (x->ino != y->ino)
        return x->ino < y->ino ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Keeps each real file (device and inode) of the unit once, at its first
 * name in discovery order: x.yaml and ./x.yaml, a symbolic link and its
 * target, a folder and a file in it. Counts the duplicates each once (by
 * the record that owns the file). 0, or -1 out of memory. */
static int drop_duplicate_files(sk_index *ix, sk_index_unit *u)
{
    if (u->nfiles < 2)
        return 0;
    file_id *ids = malloc(u->nfiles * sizeof *ids);
    unsigned char *drop = calloc(u->nfiles, 1);
    if (!ids || !drop) {
        free(ids);
        free(drop);
        return -1;
    }
    for (size_t i = 0; i < u->nfiles; i++)
        ids[i] = (file_id){u->seen[i].dev, u->seen[i].ino, i};
    qsort(ids, u->nfiles, sizeof *ids, file_id_cmp);
    for (size_t i = 1; i < u->nfiles; i++) {
        if (ids[i].dev != ids[i - 1].dev || ids[i].ino != ids[i - 1].ino)
            continue;
        size_t first = ids[i - 1].pos, dup = ids[i].pos;
        ids[i].pos = first; /* the next duplicate compares with the first too */
        drop[dup] = 1;
        u->owns[first] |= u->owns[dup];
        ix->duplicates += u->owns[dup];
    }
    size_t w = 0;
    for (size_t i = 0; i < u->nfiles; i++) {
        if (drop[i])
            continue;
        u->at[w] = u->at[i], u->owns[w] = u->owns[i], u->seen[w] = u->seen[i];
        u->nspans[w] = u->nspans[i];
        w++;
    }
    u->nfiles = w;
    free(ids);
    free(drop);
    return 0;
}

int sk_index_next(sk_index *ix, sk_index_unit *u, sk_errors *errs)
{
    u->text.len = 0;
    u->nfiles = 0;
    if (ix->io_failed)
        return 0;
    if (!ix->in.f) {
        if (ix->next >= ix->nrecs)
            return 0;
        const char *key = ix->recs[ix->next].key;
        sk_buf_add(&u->text, key, strlen(key) + 1);
        for (; ix->next < ix->nrecs && strcmp(ix->recs[ix->next].key, key) == 0; ix->next++)
            if (unit_add_file(u, ix->recs[ix->next].path, ix->recs[ix->next].owns, &ix->recs[ix->next].seen,
                              ix->recs[ix->next].spans, ix->recs[ix->next].nspans))
                return -1;
        return u->text.failed || drop_duplicate_files(ix, u) ? -1 : 1;
    }
    if (!ix->in.live)
        return 0;
    sk_buf_add(&u->text, ix->in.key, strlen(ix->in.key) + 1);
    if (u->text.failed)
        return -1;
    while (ix->in.live && strcmp(ix->in.key, u->text.data) == 0) {
        if (unit_add_file(u, ix->in.path, ix->in.owns, &ix->in.seen, ix->in.spans, ix->in.nspans))
            return -1;
        int r = read_rec(&ix->in);
        if (r < 0) {
            if (errno == ENOMEM)
                return -1;
            ix->in.live = 0;
            return io_error(ix, errs, "read") < 0 ? -1 : 0;
        }
        ix->in.live = r == 1;
    }
    return drop_duplicate_files(ix, u) ? -1 : 1;
}

/* The fingerprint of the unit keys the documents ds->docs[docs..] and the
 * errors errs->items[errors..] name, as full_keys counts them. -1 when out
 * of memory. */
/* Up to this many documents and errors, a key is looked for among those
 * before it; more go through a hash table. */
#define FEW_KEYS 16

static const char *key_loaded(const sk_docset *ds, const sk_errors *errs, size_t errors, size_t i)
{
    return i < ds->count ? ds->docs[i].hsa_id : errs->items[errors + i - ds->count].unit;
}

static int keys_loaded(const sk_docset *ds, size_t docs, const sk_errors *errs, size_t errors,
                       uint64_t *keys)
{
    size_t end = ds->count + errs->count - errors;
    *keys = 0;
    if (end - docs <= FEW_KEYS) { /* most files: one document, no error */
        for (size_t i = docs; i < end; i++) {
            const char *key = key_loaded(ds, errs, errors, i), *before = NULL;
            for (size_t j = docs; key && !before && j < i; j++) {
                const char *other = key_loaded(ds, errs, errors, j);
                if (other && strcmp(other, key) == 0)
                    before = other;
            }
            if (key && !before)
                *keys = keys_add(*keys, key);
        }
        return 0;
    }
    sk_hash seen;
    sk_hash_init(&seen);
    for (size_t i = docs; i < end; i++) {
        const char *key = key_loaded(ds, errs, errors, i);
        if (!key || sk_hash_get(&seen, 0, key))
            continue;
        if (sk_hash_put(&seen, 0, key, (void *)key)) {
            sk_hash_free(&seen);
            return -1;
        }
        *keys = keys_add(*keys, key);
    }
    sk_hash_free(&seen);
    return 0;
}

/* Marks the last error added as the unit's: the unit is then reported with
 * status error, even when none of its documents could be read. */
static int error_of_unit(sk_errors *errs, const char *key)
{
    sk_error *e = &errs->items[errs->count - 1];
    free(e->unit);
    return (e->unit = sk_strdup(key)) ? 0 : -1;
}

/* A file pass 2 finds other than pass 1 read it, or whose documents name
 * other units than pass 1 found (edited while keeping its time, say). */
#define CHANGED "changed during the run (after its units were listed, before they were checked): check it again"

/* Keeps what was loaded from the file (documents from docs on, errors
 * from errors on) when the file is the one pass 1 read and names the units
 * expected; else drops it for an error of the unit. 0, or -1 out of memory. */
static int verify(sk_docset *ds, size_t docs, sk_errors *errs, size_t errors, const sk_file_seen *now,
                  const sk_file_seen *then, uint64_t expected, int whole, const char *path,
                  const char *key)
{
    if (now->dev == then->dev && now->ino == then->ino && now->size == then->size &&
        now->ctime_ns == then->ctime_ns) {
        uint64_t keys;
        if (keys_loaded(ds, docs, errs, errors, &keys))
            return -1;
        /* the units pass 1 found, or some would be lost; and a span pass 1
         * read names its unit. Else no document at all, with errors, is a
         * file that failed as a whole (a syntax error; its owner reports it) */
        if (keys == expected)
            return 0;
        if (whole && ds->count == docs && errs->count > errors) {
            /* no document loaded (it failed as a whole): the unit pass 1
             * found in it is not judged in full (its errors are the unit's) */
            for (size_t i = errors; i < errs->count; i++)
                if (!errs->items[i].unit && !(errs->items[i].unit = sk_strdup(key)))
                    return -1;
            return 0;
        }
    }
    /* none of it: it is not the file the index describes */
    ds->count = docs;
    while (errs->count > errors) {
        sk_error *e = &errs->items[--errs->count];
        free(e->file), free(e->message), free(e->rule), free(e->unit), free(e->traceback);
    }
    if (sk_errors_add(errs, SK_ERR_INPUT, path, 0, 0, "%s", CHANGED) || error_of_unit(errs, key))
        return -1;
    return 0;
}

/* Reads and loads only the unit's spans of the file (its own documents in
 * a file of several units): 0; 1 when the file cannot be read (an error
 * added); -1 out of memory. *now is what the file was when opened. */
static int load_spans(const char *path, const uint64_t *spans, size_t n, sk_docset *ds,
                      sk_file_seen *now, sk_errors *errs)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const char *why = fd >= 0 && S_ISREG(st.st_mode) ? strerror(errno) : fd < 0 ? strerror(errno)
                          : "not a regular file (a FIFO, socket or device)";
        if (fd >= 0)
            close(fd);
        return sk_errors_add(errs, SK_ERR_INPUT, path, 0, 0, "cannot read: %s", why) ? -1 : 1;
    }
    sk_file_seen_of(&st, now);
    sk_buf b = {0};
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        uint64_t start = spans[3 * i], end = spans[3 * i + 1], line = spans[3 * i + 2];
        if (end < start || end > (uint64_t)st.st_size || line > INT_MAX)
            break; /* not the file pass 1 read: the caller finds it changed */
        size_t len = (size_t)(end - start);
        if (len + 1 > b.cap) {
            char *p = realloc(b.data, len + 1);
            if (!p) {
                rc = -1;
                break;
            }
            b.data = p, b.cap = len + 1;
        }
        size_t got = 0;
        while (got < len) {
            ssize_t r = pread(fd, b.data + got, len - got, (off_t)(start + got));
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                break;
            got += (size_t)r;
        }
        if (got < len)
            break; /* cut short: changed */
        sk_load_span(ds, path, b.data, len, (int)line, errs);
    }
    close(fd);
    sk_buf_free(&b);
    return rc;
}

/* A read buffer larger than this is not kept for the docset's next file. */
#define KEEP_FILE_BYTES (64u * 1024u)

int sk_index_load(const sk_index_unit *u, size_t k, sk_docset *ds, sk_errors *errs)
{
    const char *key = u->text.data, *path = u->text.data + u->at[k];
    const sk_file_seen *then = &u->seen[k];
    size_t nspans = u->nspans[k];
    if (nspans) {
        /* its own documents of a file of several units */
        uint64_t *spans = malloc(3 * nspans * sizeof *spans);
        if (!spans)
            return -1;
        memcpy(spans, path + strlen(path) + 1, 3 * nspans * sizeof *spans);
        size_t docs = ds->count, errors = errs->count;
        sk_file_seen now;
        int r = load_spans(path, spans, nspans, ds, &now, errs);
        free(spans);
        if (r != 0)
            return r < 0 || error_of_unit(errs, key) ? -1 : 0;
        return verify(ds, docs, errs, errors, &now, then, keys_add(0, key), 0, path, key);
    }
    sk_buf *b = &ds->file_bytes; /* the buffer of the docset's last file, reused */
    b->len = 0;
    sk_file_seen now;
    int r = sk_read_file_seen(path, ds->limits.max_file_bytes, b, &now, errs);
    size_t docs = ds->count, errors = errs->count;
    if (r == 0)
        sk_load_buffer(ds, path, b->data ? b->data : "", b->len, errs);
    if (b->cap > KEEP_FILE_BYTES)
        sk_buf_free(b);
    if (r != 0) /* pass 1 read it: it went away (or grew too large) since */
        return r < 0 || error_of_unit(errs, key) ? -1 : 0;
    return verify(ds, docs, errs, errors, &now, then, then->keys, 1, path, key);
}

void sk_index_unit_free(sk_index_unit *u)
{
    sk_buf_free(&u->text);
    free(u->at);
    free(u->owns);
    free(u->seen);
    free(u->nspans);
    memset(u, 0, sizeof *u);
}

void sk_index_free(sk_index *ix)
{
    if (!ix)
        return;
    for (size_t i = 0; i < ix->nruns; i++)
        if (ix->runs[i])
            fclose(ix->runs[i]);
    free(ix->runs);
    cursor_free(&ix->in);
    free(ix->recs);
    sk_arena_free(&ix->strings);
    sk_arena_free(&ix->reported_ids);
    sk_hash_free(&ix->reported);
    free(ix);
}
