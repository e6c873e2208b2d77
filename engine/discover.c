/* discover.c: the files a run reads. A directory contributes every *.yaml and
 * *.yml below it in sorted order; symlinked directories are followed once
 * (a loop is an error for that path, never a hang).
 *
 * The walk is a cursor (sk_walk): it holds one sorted listing per directory
 * level it is inside, never the list of every file, so a batch of any size
 * is walked in memory that follows the widest directory, not the corpus.
 * Below a directory argument, --exclude and the configuration's include and
 * exclude globs leave files (and excluded directories) out. */
#define _DEFAULT_SOURCE /* d_type and DT_* of readdir */
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_DIR_DEPTH 64

/* One directory being walked: its entries sorted, and where we are in them. */
typedef struct level {
    char *dir;
    dev_t dev;
    ino_t ino;
    sk_buf names;  /* "<type><name>\0" one after another */
    char **sorted; /* into names, sorted by name */
    size_t count, next;
} level;

struct sk_walk {
    const char *const *args; /* what the command line named */
    size_t nargs, arg;
    const char *suffix;      /* NULL: YAML input (*.yaml, *.yml) */
    level stack[MAX_DIR_DEPTH + 1];
    int depth;               /* levels in use */
    int in_dir_arg;          /* the stack is walking a directory the command line named */
    size_t files_at_arg, errors_at_arg;
    size_t files;            /* files given out so far */
    char *path;              /* the last file given out */
    const char *const *exclude, *const *include; /* globs (sk_walk_filter) */
    size_t nexclude, ninclude;
    size_t root_len;         /* the length of the directory argument being walked */
};

void sk_walk_filter(sk_walk *w, const char *const *exclude, size_t nexclude, const char *const *include,
                    size_t ninclude)
{
    w->exclude = exclude, w->nexclude = nexclude;
    w->include = include, w->ninclude = ninclude;
}

/* Whether a glob matches rel (a path below the argument): whole, or, for a
 * glob without '/', the last name (docker-compose.yml anywhere). */
static int glob_matches(const char *const *globs, size_t n, const char *rel)
{
    const char *name = strrchr(rel, '/');
    name = name ? name + 1 : rel;
    for (size_t i = 0; i < n; i++)
        if (fnmatch(globs[i], rel, 0) == 0 || (!strchr(globs[i], '/') && fnmatch(globs[i], name, 0) == 0))
            return 1;
    return 0;
}

/* full (below the argument): left out by the globs? */
static int left_out(const sk_walk *w, const char *full, int dir)
{
    const char *rel = full + w->root_len;
    while (*rel == '/')
        rel++;
    return glob_matches(w->exclude, w->nexclude, rel) ||
           (!dir && w->ninclude && !glob_matches(w->include, w->ninclude, rel));
}

static int ends_with(const char *name, const char *suffix)
{
    size_t n = strlen(name), m = strlen(suffix);
    return n > m && strcmp(name + n - m, suffix) == 0;
}

static int wanted(const char *name, const char *suffix)
{
    if (suffix)
        return ends_with(name, suffix);
    return ends_with(name, ".yaml") || ends_with(name, ".yml");
}

/* Names carry their type in the first byte: sort by what follows it. */
static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

sk_walk *sk_walk_new(const char *const *paths, size_t n, const char *suffix)
{
    sk_walk *w = calloc(1, sizeof *w);
    if (w) {
        w->args = paths;
        w->nargs = n;
        w->suffix = suffix;
    }
    return w;
}

static void pop_level(sk_walk *w)
{
    level *l = &w->stack[--w->depth];
    free(l->dir);
    sk_buf_free(&l->names);
    free(l->sorted);
    memset(l, 0, sizeof *l);
}

void sk_walk_free(sk_walk *w)
{
    if (!w)
        return;
    while (w->depth > 0)
        pop_level(w);
    free(w->path);
    free(w);
}

size_t sk_walk_files(const sk_walk *w)
{
    return w->files;
}

/* Enters dir: reads and sorts its entries. 0 (entered, or an error added for
 * it), or -1 when out of memory. */
static int push_level(sk_walk *w, const char *dir, sk_errors *errs)
{
    /* the directory is opened first and asked what it is (one lookup of
     * its path, not two); when it cannot be opened, stat tells why */
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int opened = fd >= 0, open_errno = errno;
    struct stat st;
    if (opened ? fstat(fd, &st) != 0 : stat(dir, &st) != 0) {
        int err = errno;
        if (opened)
            close(fd);
        return sk_errors_add(errs, SK_ERR_INPUT, dir, 0, 0, "cannot read: %s", strerror(err));
    }
    int why = 0; /* 0, or the error that leaves the directory out */
    for (int i = 0; !why && i < w->depth; i++)
        if (w->stack[i].dev == st.st_dev && w->stack[i].ino == st.st_ino)
            why = sk_errors_add(errs, SK_ERR_INPUT, dir, 0, 0,
                                "directory loop (a symbolic link points back to a parent)") ? -1 : 1;
    if (!why && w->depth >= MAX_DIR_DEPTH)
        why = sk_errors_add(errs, SK_ERR_INPUT, dir, 0, 0, "directories nested deeper than %d",
                            MAX_DIR_DEPTH) ? -1 : 1;
    DIR *d = why ? NULL : opened ? fdopendir(fd) : NULL;
    if (!d) {
        int err = opened && !why ? errno : open_errno;
        if (opened)
            close(fd);
        if (why)
            return why < 0 ? -1 : 0;
        return sk_errors_add(errs, SK_ERR_INPUT, dir, 0, 0, "cannot read directory: %s", strerror(err));
    }
    level l = {.dev = st.st_dev, .ino = st.st_ino, .dir = sk_strdup(dir)};
    struct dirent *e;
    while (l.dir && !l.names.failed && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* ".", "..", and hidden files such as .git */
        /* the entry's type, when the file system tells, saves a stat:
         * 'f' a regular file, 'd' a directory, '?' ask stat */
        char kind = e->d_type == DT_REG ? 'f' : e->d_type == DT_DIR ? 'd' : '?';
        if (kind == 'f' && !wanted(e->d_name, w->suffix))
            continue;
        sk_buf_add(&l.names, &kind, 1);
        sk_buf_add(&l.names, e->d_name, strlen(e->d_name) + 1);
        l.count++;
    }
    closedir(d);
    if (l.count && !l.names.failed && (l.sorted = malloc(l.count * sizeof *l.sorted)) != NULL) {
        char *p = l.names.data;
        for (size_t i = 0; i < l.count; i++, p += strlen(p) + 1)
            l.sorted[i] = p;
        qsort(l.sorted, l.count, sizeof *l.sorted, cmp_name);
    }
    w->stack[w->depth++] = l;
    if (!l.dir || l.names.failed || (l.count && !l.sorted))
        return -1;
    return 0;
}

/* The next file of the walk: 1 with *path set (valid until the next call),
 * 0 at the end, -1 when out of memory. Errors of paths are added on the way. */
int sk_walk_next(sk_walk *w, const char **path, sk_errors *errs)
{
    for (;;) {
        if (w->depth == 0) {
            /* the previous argument is done: a directory with nothing to read
             * is a mistake (a wrong path in a CI job), never a silent pass */
            if (w->in_dir_arg && w->files == w->files_at_arg && errs->count == w->errors_at_arg &&
                sk_errors_add(errs, w->suffix ? SK_ERR_PLUGIN : SK_ERR_INPUT, w->args[w->arg - 1], 0, 0,
                              w->suffix ? "no rule files (*%s) in this directory"
                                        : "no YAML files (*.yaml, *.yml) in this directory: nothing to check",
                              w->suffix ? w->suffix : ""))
                return -1;
            w->in_dir_arg = 0;
            if (w->arg >= w->nargs)
                return 0;
            const char *a = w->args[w->arg++];
            struct stat st;
            if (stat(a, &st) != 0 || !S_ISDIR(st.st_mode)) {
                /* a file is taken as it is; a missing one is reported when loaded */
                free(w->path);
                if (!(w->path = sk_strdup(a)))
                    return -1;
                w->files++;
                *path = w->path;
                return 1;
            }
            w->in_dir_arg = 1;
            w->root_len = strlen(a);
            w->files_at_arg = w->files;
            w->errors_at_arg = errs->count;
            if (push_level(w, a, errs))
                return -1;
            continue;
        }
        level *l = &w->stack[w->depth - 1];
        if (l->next >= l->count) {
            pop_level(w);
            continue;
        }
        const char *typed = l->sorted[l->next++];
        char kind = typed[0];
        const char *name = typed + 1;
        /* dir + "/" + name, put together without printf's format walk (a file each) */
        size_t dl = strlen(l->dir), nl = strlen(name);
        int slash = !(dl && l->dir[dl - 1] == '/');
        char *full = malloc(dl + (size_t)slash + nl + 1);
        if (!full)
            return -1;
        memcpy(full, l->dir, dl);
        full[dl] = '/';
        memcpy(full + dl + (size_t)slash, name, nl + 1);
        struct stat st;
        if (kind == '?' && stat(full, &st) != 0) {
            int failed = wanted(name, w->suffix) &&
                         sk_errors_add(errs, SK_ERR_INPUT, full, 0, 0, "cannot read: %s", strerror(errno));
            free(full);
            if (failed)
                return -1;
        } else if (kind == 'd' || (kind == '?' && S_ISDIR(st.st_mode))) {
            /* X.test/ holds a rule's fixtures: never input, never a plugin */
            int rc = ends_with(name, ".test") || left_out(w, full, 1) ? 0 : push_level(w, full, errs);
            free(full);
            if (rc)
                return -1;
        } else if (wanted(name, w->suffix) && !left_out(w, full, 0)) {
            free(w->path);
            w->path = full;
            w->files++;
            *path = full;
            return 1;
        } else {
            free(full);
        }
    }
}

int sk_discover(const char *const *paths, size_t n, sk_paths *out, sk_errors *errs)
{
    return sk_discover_suffix(paths, n, NULL, out, errs);
}

int sk_discover_suffix(const char *const *paths, size_t n, const char *suffix, sk_paths *out,
                       sk_errors *errs)
{
    sk_walk *w = sk_walk_new(paths, n, suffix);
    if (!w)
        return -1;
    const char *p;
    int r;
    while ((r = sk_walk_next(w, &p, errs)) == 1) {
        char *copy = sk_strdup(p);
        if (!copy || sk_grow((void **)&out->items, &out->cap, out->count, sizeof *out->items)) {
            free(copy);
            r = -1;
            break;
        }
        out->items[out->count++] = copy;
    }
    sk_walk_free(w);
    return r < 0 ? -1 : 0;
}

void sk_paths_free(sk_paths *p)
{
    for (size_t i = 0; i < p->count; i++)
        free(p->items[i]);
    free(p->items);
    memset(p, 0, sizeof *p);
}
