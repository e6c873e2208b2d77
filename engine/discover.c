/* discover.c: the files a run reads. A directory contributes every *.yaml and
 * *.yml below it in sorted order; symlinked directories are followed once
 * (a loop is an error for that path, never a hang). */
#define _DEFAULT_SOURCE /* d_type and DT_* of readdir */
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int add_path(sk_paths *out, const char *p)
{
    char *copy = sk_strdup(p);
    if (!copy || sk_grow((void **)&out->items, &out->cap, out->count, sizeof *out->items)) {
        free(copy);
        return -1;
    }
    out->items[out->count++] = copy;
    return 0;
}

static int ends_with(const char *name, const char *suffix)
{
    size_t n = strlen(name), m = strlen(suffix);
    return n > m && strcmp(name + n - m, suffix) == 0;
}

/* suffix NULL: YAML input (*.yaml, *.yml) */
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

typedef struct visited {
    dev_t dev;
    ino_t ino;
} visited;

#define MAX_DIR_DEPTH 64

static int walk(const char *dir, const char *suffix, sk_paths *out, sk_errors *errs, visited *seen,
                int depth)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return sk_errors_add(errs, SK_ERR_INPUT, dir, 0, 0, "cannot read: %s", strerror(errno));
    for (int i = 0; i < depth; i++)
        if (seen[i].dev == st.st_dev && seen[i].ino == st.st_ino)
            return sk_errors_add(errs, SK_ERR_INPUT, dir, 0, 0,
                                 "directory loop (a symbolic link points back to a parent)");
    if (depth >= MAX_DIR_DEPTH)
        return sk_errors_add(errs, SK_ERR_INPUT, dir, 0, 0, "directories nested deeper than %d",
                             MAX_DIR_DEPTH);
    seen[depth].dev = st.st_dev;
    seen[depth].ino = st.st_ino;

    DIR *d = opendir(dir);
    if (!d)
        return sk_errors_add(errs, SK_ERR_INPUT, dir, 0, 0, "cannot read directory: %s", strerror(errno));
    sk_paths names = {0};
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* ".", "..", and hidden files such as .git */
        /* the entry's type, when the file system tells, saves a stat:
         * 'f' a regular file, 'd' a directory, '?' ask stat */
        char kind = e->d_type == DT_REG ? 'f' : e->d_type == DT_DIR ? 'd' : '?';
        char *typed = sk_printf("%c%s", kind, e->d_name);
        int failed = !typed || add_path(&names, typed);
        free(typed);
        if (failed) {
            rc = -1;
            break;
        }
    }
    closedir(d);
    if (names.count > 1)
        qsort(names.items, names.count, sizeof *names.items, cmp_name);
    for (size_t i = 0; rc == 0 && i < names.count; i++) {
        char kind = names.items[i][0];
        const char *name = names.items[i] + 1;
        if (kind == 'f' && !wanted(name, suffix))
            continue;
        size_t dl = strlen(dir);
        char *full = sk_printf("%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", name);
        if (!full) {
            rc = -1;
            break;
        }
        if (kind == '?' && stat(full, &st) != 0) {
            if (wanted(name, suffix))
                rc = sk_errors_add(errs, SK_ERR_INPUT, full, 0, 0, "cannot read: %s", strerror(errno));
        } else if (kind == 'd' || (kind == '?' && S_ISDIR(st.st_mode))) {
            /* X.test/ holds a rule's fixtures: never input, never a plugin */
            if (!ends_with(name, ".test"))
                rc = walk(full, suffix, out, errs, seen, depth + 1);
        } else if (wanted(name, suffix)) {
            rc = add_path(out, full);
        }
        free(full);
    }
    sk_paths_free(&names);
    return rc;
}

int sk_discover(const char *const *paths, size_t n, sk_paths *out, sk_errors *errs)
{
    return sk_discover_suffix(paths, n, NULL, out, errs);
}

int sk_discover_suffix(const char *const *paths, size_t n, const char *suffix, sk_paths *out,
                       sk_errors *errs)
{
    visited seen[MAX_DIR_DEPTH + 1];
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            size_t files = out->count, errors = errs->count;
            if (walk(paths[i], suffix, out, errs, seen, 0))
                return -1;
            /* a directory with nothing to read is a mistake (a wrong path in
             * a CI job), never a silent pass */
            if (out->count == files && errs->count == errors &&
                sk_errors_add(errs, suffix ? SK_ERR_PLUGIN : SK_ERR_INPUT, paths[i], 0, 0,
                              suffix ? "no rule files (*%s) in this directory"
                                     : "no YAML files (*.yaml, *.yml) in this directory: nothing to check",
                              suffix ? suffix : ""))
                return -1;
        } else if (add_path(out, paths[i])) {
            return -1; /* a missing file is reported when it is loaded */
        }
    }
    return 0;
}

void sk_paths_free(sk_paths *p)
{
    for (size_t i = 0; i < p->count; i++)
        free(p->items[i]);
    free(p->items);
    memset(p, 0, sizeof *p);
}
