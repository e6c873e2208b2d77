/* paths.c: where the shipped files of this libstartklar are (the built-in
 * rules and the profiles): an environment variable, else share/startklar/
 * beside the installation the code was loaded from (so a moved installation
 * still works), else the source tree of a build that was not installed,
 * else the directory chosen at install time. */
#define _GNU_SOURCE /* dladdr1 and RTLD_DL_LINKMAP */

#include "startklar/startklar.h"

#include <dlfcn.h>
#include <limits.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* set by CMakeLists.txt; these defaults only keep a build without it honest */
#ifndef SK_SOURCE_DIR
#define SK_SOURCE_DIR "."
#endif
#ifndef SK_BUILD_DIR
#define SK_BUILD_DIR "/nonexistent"
#endif
#ifndef SK_INSTALL_DATADIR
#define SK_INSTALL_DATADIR "/usr/local/share/startklar"
#endif
#ifndef SK_BIN_TO_DATA
#define SK_BIN_TO_DATA "../share/startklar"
#endif
#ifndef SK_LIB_TO_DATA
#define SK_LIB_TO_DATA "../share/startklar"
#endif

static const struct {
    const char *env;  /* overrides everything */
    const char *name; /* its folder under share/startklar/ and in the source tree */
} DIRS[] = {
    [SK_DIR_PLUGINS] = {"STARTKLAR_PLUGINS", "plugins"},
    [SK_DIR_PROFILES] = {"STARTKLAR_PROFILES", "rules"},
};

/* The folder of the file this code was loaded from: libstartklar.so, or the
 * program it is linked into. 0, or -1 when it cannot be told. */
static int loaded_from(char *dir, size_t size)
{
    Dl_info info;
    struct link_map *map = NULL;
    if (!dladdr1((void *)sk_dir_path, &info, (void **)&map, RTLD_DL_LINKMAP) || !map)
        return -1;
    if (map->l_name && map->l_name[0]) { /* a shared object, named as it was loaded */
        int n = snprintf(dir, size, "%s", map->l_name);
        if (n < 0 || (size_t)n >= size)
            return -1;
    } else { /* the main program: dladdr would only know its argv[0] */
        ssize_t n = readlink("/proc/self/exe", dir, size - 1);
        if (n <= 0 || (size_t)n >= size - 1)
            return -1;
        dir[n] = '\0';
    }
    char *slash = strrchr(dir, '/');
    if (!slash)
        return -1;
    *slash = '\0';
    return 0;
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Whether dir is the build tree's top or below it. */
static int in_build_tree(const char *dir)
{
    char real[PATH_MAX];
    if (!realpath(dir, real))
        return 0;
    size_t n = strlen(SK_BUILD_DIR);
    return strncmp(real, SK_BUILD_DIR, n) == 0 && (real[n] == '\0' || real[n] == '/');
}

static const char *fits(char *buf, size_t size, int n)
{
    return n >= 0 && (size_t)n < size ? buf : NULL;
}

const char *sk_dir_path(sk_dir which, char *buf, size_t size)
{
    if ((unsigned)which >= sizeof DIRS / sizeof DIRS[0] || !buf || size == 0)
        return NULL;
    const char *env = getenv(DIRS[which].env);
    if (env && *env)
        return env;
    const char *name = DIRS[which].name;
    char here[PATH_MAX];
    if (loaded_from(here, sizeof here) == 0) {
        if (in_build_tree(here))
            return fits(buf, size, snprintf(buf, size, "%s/%s", SK_SOURCE_DIR, name));
        const char *up[] = {SK_LIB_TO_DATA, SK_BIN_TO_DATA};
        for (size_t i = 0; i < sizeof up / sizeof up[0]; i++) {
            int n = snprintf(buf, size, "%s/%s/%s", here, up[i], name);
            if (fits(buf, size, n) && is_dir(buf))
                return buf;
        }
    }
    return fits(buf, size, snprintf(buf, size, "%s/%s", SK_INSTALL_DATADIR, name));
}
