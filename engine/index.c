/* index.c: which files hold which units, before any unit is checked (pass 1
 * of a batch), handed out one unit at a time in key order (pass 2).
 *
 * Most files hold one document that names unit.hsa_id near the top: for
 * those a few libyaml events give the key and the rest of the file is not
 * parsed here. Any other file is loaded in full with the real loader, so the
 * keys it yields are exactly those the check will find.
 *
 * The index is a list of records (unit key, file number, path, whether this
 * unit reports the file's errors) sorted by key then file. A small batch
 * sorts them in memory. A large one sorts them in runs of bounded size,
 * spills each run to an unlinked temporary file and merges the runs, so that
 * memory stays the same whether a batch has 5 000 units or 500 000. */
#define _GNU_SOURCE /* getdelim */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
} rec;

/* A record read back from a run file; its strings are its own. */
typedef struct cursor {
    FILE *f;
    char *key, *path;
    size_t keycap, pathcap;
    uint64_t file;
    unsigned char owns;
    int live;
} cursor;

struct sk_index {
    sk_limits limits;
    unsigned shards, shard;
    sk_policy *policy; /* receives the waivers documents found among the inputs */
    size_t files, units;
    const char *tmpdir;
    int io_failed;     /* a temporary file could not be written or read */
    /* the run being filled, then (when nothing was spilled) the whole index */
    rec *recs;
    size_t nrecs, caprecs, run_bytes;
    sk_arena strings;
    size_t next;       /* pass 2 over recs */
    /* spilled runs, then the merged one that pass 2 reads */
    FILE **runs;
    size_t nruns, capruns;
    cursor in;
};

/* ---- pass 1: the keys of a file --------------------------------------------- */

/* Whether the bytes hold a document separator ("---" or "...") after their
 * first line: then the file may hold several documents. A separator inside
 * a block scalar is taken as one too, which only costs a full parse. */
static int maybe_several_documents(const char *b, size_t len)
{
    for (size_t i = 0; i + 3 < len; i++) {
        if (b[i] != '\n')
            continue;
        const char *s = b + i + 1;
        if ((s[0] == '-' && s[1] == '-' && s[2] == '-') || (s[0] == '.' && s[1] == '.' && s[2] == '.'))
            return 1;
    }
    return 0;
}

/* The bytes a quick key reads, handed to libyaml a little at a time: given
 * the whole string, libyaml would decode all of it before the first event,
 * and the key is usually in the first lines. */
typedef struct trickle {
    const char *bytes;
    size_t len, at;
} trickle;

static int trickle_read(void *data, unsigned char *buffer, size_t size, size_t *size_read)
{
    trickle *t = data;
    size_t n = t->len - t->at;
    if (n > size)
        n = size;
    if (n > 256)
        n = 256;
    memcpy(buffer, t->bytes + t->at, n);
    t->at += n;
    *size_read = n;
    return 1;
}

/* The unit.hsa_id of the first document, read from libyaml events up to it:
 * a plain top-level "unit" map whose "hsa_id" is a non-empty scalar. Returns
 * a malloc'd key, or NULL when the events do not show it that simply. */
static char *quick_key(const char *bytes, size_t len)
{
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p))
        return NULL;
    trickle t = {bytes, len, 0};
    yaml_parser_set_input(&p, trickle_read, &t);
    yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
    enum { ROOT_KEY, ROOT_VALUE, UNIT_KEY, UNIT_VALUE, HSA_VALUE } state = ROOT_KEY;
    int depth = 0, in_unit = 0, skip_depth = -1;
    char *key = NULL;
    int done = 0, events = 0;
    while (!done && events++ < 4096) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev))
            break;
        int start = ev.type == YAML_MAPPING_START_EVENT || ev.type == YAML_SEQUENCE_START_EVENT;
        int end = ev.type == YAML_MAPPING_END_EVENT || ev.type == YAML_SEQUENCE_END_EVENT;
        if (ev.type == YAML_DOCUMENT_END_EVENT || ev.type == YAML_STREAM_END_EVENT ||
            ev.type == YAML_ALIAS_EVENT) {
            done = 1;
        } else if (skip_depth >= 0) {
            /* inside a value we do not need: wait until it closes */
            depth += start - end;
            if (depth == skip_depth) {
                skip_depth = -1;
                state = in_unit ? UNIT_KEY : ROOT_KEY;
            }
        } else if (start) {
            depth++;
            if (depth == 1)
                done = ev.type != YAML_MAPPING_START_EVENT; /* the document is a map */
            else if (state == ROOT_VALUE && in_unit && ev.type == YAML_MAPPING_START_EVENT)
                state = UNIT_KEY;
            else if (state == ROOT_VALUE || state == UNIT_VALUE)
                skip_depth = depth - 1;
            else
                done = 1; /* a complex key, or hsa_id is not a scalar: not simple */
        } else if (end) {
            depth--;
            if (depth == 1 && in_unit) /* the unit map closed without hsa_id */
                done = 1;
        } else if (ev.type == YAML_SCALAR_EVENT) {
            const char *v = (const char *)ev.data.scalar.value;
            switch (state) {
            case ROOT_KEY:
                in_unit = depth == 1 && strcmp(v, "unit") == 0;
                state = ROOT_VALUE;
                break;
            case ROOT_VALUE:
                if (in_unit)
                    done = 1; /* unit: is not a map */
                state = ROOT_KEY;
                break;
            case UNIT_KEY:
                state = strcmp(v, "hsa_id") == 0 ? HSA_VALUE : UNIT_VALUE;
                break;
            case UNIT_VALUE:
                state = UNIT_KEY;
                break;
            case HSA_VALUE:
                if (ev.data.scalar.length > 0 && !ev.data.scalar.tag)
                    key = sk_strdup(v);
                done = 1;
                break;
            }
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&p);
    return key;
}

/* Files up to this size get a quick key; larger ones go to the full loader. */
#define QUICK_BYTES (64u * 1024u)

/* The quick key of a file, or NULL when it needs the full loader (or
 * cannot be read, or is not a small regular file: the full loader then
 * reports why). buf holds QUICK_BYTES + 1, reused file after file. One
 * open, one read, one close: what kind of file it is, is the full
 * loader's question. */
static char *file_quick_key(const char *path, char *buf)
{
    /* O_NONBLOCK: a FIFO with no writer must not stop pass 1 */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return NULL;
    ssize_t n = read(fd, buf, QUICK_BYTES + 1);
    close(fd);
    if (n <= 0 || (size_t)n > QUICK_BYTES)
        return NULL;
    buf[n] = '\0';
    if (maybe_several_documents(buf, (size_t)n))
        return NULL;
    return quick_key(buf, (size_t)n);
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

/* One record on disk: key NUL, path NUL, the file number (8 bytes), owns (1). */
static int write_rec(FILE *f, const char *key, const char *path, uint64_t file, unsigned char owns)
{
    unsigned char tail[9];
    for (int i = 0; i < 8; i++)
        tail[i] = (unsigned char)(file >> (8 * i));
    tail[8] = owns;
    return fwrite(key, strlen(key) + 1, 1, f) == 1 && fwrite(path, strlen(path) + 1, 1, f) == 1 &&
                   fwrite(tail, sizeof tail, 1, f) == 1
               ? 0
               : -1;
}

/* The next record of a run: 1, 0 at its end, -1 when it cannot be read. */
static int read_rec(cursor *c)
{
    errno = 0;
    ssize_t k = getdelim(&c->key, &c->keycap, '\0', c->f);
    if (k < 0)
        return feof(c->f) && errno == 0 ? 0 : -1;
    unsigned char tail[9];
    if (getdelim(&c->path, &c->pathcap, '\0', c->f) < 0 || fread(tail, sizeof tail, 1, c->f) != 1) {
        if (!errno)
            errno = EIO; /* a run cut short */
        return -1;
    }
    c->file = 0;
    for (int i = 0; i < 8; i++)
        c->file |= (uint64_t)tail[i] << (8 * i);
    c->owns = tail[8];
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
        if (write_rec(f, ix->recs[i].key, ix->recs[i].path, ix->recs[i].file, ix->recs[i].owns))
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
        if (write_rec(f, min->key, min->path, min->file, min->owns)) {
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
                   sk_errors *errs)
{
    if (ix->shards && sk_shard_of(key, ix->shards) != ix->shard)
        return 0;
    size_t klen = strlen(key), plen = strlen(path);
    /* the records kept in memory are the index's whole share of a batch's
     * memory, whatever the size of the corpus: beyond it, a run is spilled */
    if (ix->run_bytes + klen + plen + sizeof(rec) > ix->limits.index_memory && ix->nrecs > 0) {
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
    ix->nrecs++;
    ix->run_bytes += klen + plen + 2 + sizeof(rec);
    return 0;
}

/* Loads the file in full and records every key it yields; the least key
 * reports the file's errors. A file that yields no key keeps its errors
 * here (no unit will report them). */
static int full_keys(sk_index *ix, uint64_t file, const char *path, const char *bytes, size_t len,
                     sk_errors *errs)
{
    sk_docset *ds = sk_docset_new(&ix->limits);
    if (!ds)
        return -1;
    sk_errors local;
    sk_errors_init(&local);
    sk_load_buffer(ds, path, bytes, len, &local);
    int rc = 0;
    const char **keys = NULL;
    size_t nkeys = 0, capkeys = 0;
    for (size_t i = 0; rc == 0 && i < ds->count + local.count; i++) {
        const sk_doc *d = i < ds->count ? &ds->docs[i] : NULL;
        const char *key = d ? d->hsa_id : local.items[i - ds->count].unit;
        if (key) {
            size_t k = 0;
            while (k < nkeys && strcmp(keys[k], key) != 0)
                k++;
            if (k == nkeys && sk_grow((void **)&keys, &capkeys, nkeys, sizeof *keys))
                rc = -1;
            else if (k == nkeys)
                keys[nkeys++] = key;
        } else if (!d) {
            /* an error of no unit: reported below if nobody owns the file */
        } else if (strcmp(d->kind, "waivers") == 0) {
            /* waivers may stand among the inputs: they apply to the whole run */
            if (ix->policy)
                sk_policy_add_waivers(ix->policy, d, errs);
        } else {
            rc = sk_errors_add(errs, SK_ERR_POLICY, d->file, d->root->line, d->root->column,
                               strcmp(d->kind, "catalogue") == 0
                                   ? "a %s is not input: startklar carries its own%s"
                                   : "a %s is not input: give it with --%s",
                               d->kind, strcmp(d->kind, "catalogue") == 0 ? ""
                                        : strcmp(d->kind, "profile") == 0 ? "profile" : "baseline");
        }
    }
    size_t least = 0;
    for (size_t k = 1; k < nkeys; k++)
        if (strcmp(keys[k], keys[least]) < 0)
            least = k;
    for (size_t k = 0; rc == 0 && k < nkeys; k++)
        rc = add_rec(ix, keys[k], path, file, k == least, errs);
    if (rc == 0 && nkeys == 0) {
        /* nobody owns this file: its errors are the index's to report */
        for (size_t i = 0; rc == 0 && i < local.count; i++) {
            const sk_error *e = &local.items[i];
            rc = sk_errors_copy(errs, e);
        }
    }
    free(keys);
    sk_errors_free(&local);
    sk_docset_free(ds);
    return rc;
}

/* ---- pass 1 ------------------------------------------------------------------ */

typedef struct chunk {
    sk_paths paths;
    char **keys;    /* per path: its quick key, or NULL */
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
        c->keys[f] = file_quick_key(c->paths.items[f], buf);
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
            rc = add_rec(ix, c->keys[i], path, file, 1, errs);
            continue;
        }
        b->len = 0;
        int r = sk_read_file(path, ix->limits.max_file_bytes, b, errs);
        if (r < 0)
            rc = -1;
        else if (r == 0) /* else not readable: reported, nobody owns it */
            rc = full_keys(ix, file, path, b->data ? b->data : "", b->len, errs);
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
    chunk c[2];
    memset(c, 0, sizeof c);
    c[0].keys = calloc(CHUNK_FILES, sizeof *c[0].keys);
    c[1].keys = calloc(CHUNK_FILES, sizeof *c[1].keys);
    char *buf = malloc(QUICK_BYTES + 2);
    sk_buf b = {0};
    int rc = w && c[0].keys && c[1].keys && buf ? 0 : -1;
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
    return ix->files;
}

size_t sk_index_units(const sk_index *ix)
{
    return ix->io_failed ? 0 : ix->units;
}

/* ---- pass 2: one unit at a time ---------------------------------------------- */

static int unit_add_file(sk_index_unit *u, const char *path, int owns)
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
        u->cap = cap;
    }
    u->at[u->nfiles] = u->text.len;
    u->owns[u->nfiles] = (unsigned char)owns;
    sk_buf_add(&u->text, path, strlen(path) + 1);
    u->nfiles++;
    return u->text.failed ? -1 : 0;
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
            if (unit_add_file(u, ix->recs[ix->next].path, ix->recs[ix->next].owns))
                return -1;
        return u->text.failed ? -1 : 1;
    }
    if (!ix->in.live)
        return 0;
    sk_buf_add(&u->text, ix->in.key, strlen(ix->in.key) + 1);
    if (u->text.failed)
        return -1;
    while (ix->in.live && strcmp(ix->in.key, u->text.data) == 0) {
        if (unit_add_file(u, ix->in.path, ix->in.owns))
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
    return 1;
}

void sk_index_unit_free(sk_index_unit *u)
{
    sk_buf_free(&u->text);
    free(u->at);
    free(u->owns);
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
    free(ix);
}
