/* config.c: the configuration file, startklar.yaml (kind config): found
 * upward from the working directory or named with --config FILE (--no-config:
 * none), its settings taken as defaults that the command line overrides, paths
 * in it relative to the file; and `startklar config`, which prints the
 * effective configuration and where each value came from. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CONFIG_NAME "startklar.yaml"

/* What a key of the file sets; path: its values are relative to the file. */
static const struct {
    config_key key;
    const char *name; /* in the file */
    int path;
} KEYS[] = {
    {K_RULES, "rules", 1},   {K_PROFILE, "profile", 1}, {K_WAIVERS, "waivers", 1}, {K_BASELINE, "baseline", 1},
    {K_LANG, "lang", 0},     {K_FAIL_ON, "fail_on", 0}, {K_INCLUDE, "include", 0}, {K_EXCLUDE, "exclude", 0},
};

const char SOURCE_COMMAND_LINE[] = "command line";

/* The values of a key that takes a list; 0 for the others. */
static size_t list_of(const options *o, config_key k, const char *const **list)
{
    switch (k) {
    case K_RULES:
        return *list = o->rule_dirs, o->nrule_dirs;
    case K_WAIVERS:
        return *list = o->waivers, o->nwaivers;
    case K_INCLUDE:
        return *list = o->include, o->ninclude;
    case K_EXCLUDE:
        return *list = o->exclude, o->nexclude;
    default:
        return *list = NULL, 0;
    }
}

const char *keep_text(options *o, const char *a, const char *b)
{
    size_t la = strlen(a), lb = b ? strlen(b) : 0;
    if (o->used + la + lb + 1 > sizeof o->store)
        return NULL;
    char *s = o->store + o->used;
    memcpy(s, a, la);
    if (lb)
        memcpy(s + la, b, lb);
    s[la + lb] = '\0';
    o->used += la + lb + 1;
    return s;
}

/* The file the command line names (--config FILE, --no-config: none), else
 * the first startklar.yaml from the working directory upward; NULL: none. */
const char *config_file_path(int argc, char **argv, char *buf, size_t size)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (strcmp(argv[i], "--no-config") == 0)
            return NULL;
        if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
            return argv[i + 1];
        if (strncmp(argv[i], "--config=", 9) == 0)
            return argv[i] + 9;
    }
    char dir[PATH_MAX];
    if (!getcwd(dir, sizeof dir))
        return NULL;
    for (;;) {
        int n = snprintf(buf, size, "%s%s%s", dir, strcmp(dir, "/") ? "/" : "", CONFIG_NAME);
        if (n > 0 && (size_t)n < size && access(buf, F_OK) == 0)
            return buf;
        char *slash = strrchr(dir, '/');
        if (!slash || slash == dir)
            return NULL;
        *slash = '\0';
    }
}

const char *config_lang(int argc, char **argv, char *buf, size_t size)
{
    char path[PATH_MAX];
    const char *file = config_file_path(argc, argv, path, sizeof path);
    sk_errors errs;
    sk_errors_init(&errs);
    sk_settings s;
    const char *lang = NULL;
    if (file && sk_config_read(file, &s, &errs) == 0) {
        for (size_t i = 0; i < s.count; i++)
            if (strcmp(s.items[i].key, "lang") == 0 && strlen(s.items[i].value) < size)
                lang = strcpy(buf, s.items[i].value);
        sk_settings_free(&s);
    }
    sk_errors_free(&errs);
    return lang;
}

/* A value of the file as the command line would give it: a path relative
 * to the file's directory (a profile only when it is a path, not a name). */
static const char *resolve(options *o, const char *file, config_key k, int path, const char *v)
{
    if (!path || v[0] == '/' || (k == K_PROFILE && !strchr(v, '/') && !strstr(v, ".y")))
        return keep_text(o, v, NULL);
    const char *slash = strrchr(file, '/');
    if (!slash)
        return keep_text(o, v, NULL);
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%.*s/", (int)(slash - file), file);
    return keep_text(o, dir, v);
}

static int set(options *o, config_key k, const char *v)
{
    switch (k) {
    case K_RULES:
        if (o->nrule_dirs >= MAX_RULE_DIRS - 1)
            return -1;
        o->rule_dirs[o->nrule_dirs++] = v;
        break;
    case K_WAIVERS:
        if (o->nwaivers >= MAX_RULE_DIRS)
            return -1;
        o->waivers[o->nwaivers++] = v;
        break;
    case K_EXCLUDE:
    case K_INCLUDE: {
        size_t *n = k == K_EXCLUDE ? &o->nexclude : &o->ninclude;
        if (*n >= MAX_GLOBS)
            return -1;
        (k == K_EXCLUDE ? o->exclude : o->include)[(*n)++] = v;
        break;
    }
    case K_PROFILE:
        o->profile = v;
        break;
    case K_BASELINE:
        o->baseline = v;
        break;
    case K_FAIL_ON:
        return sk_severity_parse(v, 1, &o->fail_on) ? -1 : 0;
    case K_LANG: /* main() settled the language */
    case NKEYS:
        break;
    }
    return 0;
}

int config_apply(options *o, int argc, char **argv)
{
    char buf[PATH_MAX];
    const char *file = config_file_path(argc, argv, buf, sizeof buf);
    if (!file)
        return 0;
    if (!(o->config = keep_text(o, file, NULL)))
        return usage_error("the configuration file's path is too long: %s", file);
    sk_errors errs;
    sk_errors_init(&errs);
    sk_settings s;
    int rc = sk_config_read(file, &s, &errs);
    if (rc) {
        sk_catalogue *cat = cli_catalogue(NULL);
        for (size_t i = 0; i < errs.count; i++)
            cli_print_labelled(cat, &errs.items[i], file, "policy error");
        sk_catalogue_free(cat);
        sk_errors_free(&errs);
        if (rc < 0)
            cli_fail("out of memory");
        return 2;
    }
    sk_errors_free(&errs);
    for (size_t i = 0; i < s.count && rc == 0; i++)
        for (size_t k = 0; k < sizeof KEYS / sizeof KEYS[0]; k++) {
            if (strcmp(KEYS[k].name, s.items[i].key) != 0 || o->source[KEYS[k].key] == SOURCE_COMMAND_LINE)
                continue;
            const char *v = resolve(o, o->config, KEYS[k].key, KEYS[k].path, s.items[i].value);
            if (!v || set(o, KEYS[k].key, v)) {
                cli_fail("%s:%d: too many values, or too long, for '%s'", o->config, s.items[i].line, s.items[i].key);
                rc = 2;
                break;
            }
            o->source[KEYS[k].key] = o->config;
        }
    sk_settings_free(&s);
    return rc;
}

/* ---- startklar config ------------------------------------------------------ */

static void show(const sk_catalogue *cat, const char *key, const char *value, const char *source)
{
    printf("%-10s %s", key, value && *value ? value : "-");
    if (source)
        printf("  (%s)\n", source);
    else
        printf("  (%s)\n", sk_label(cat, "default"));
}

int cmd_config(int argc, char **argv)
{
    options o = {.format = "text", .fail_on = SK_SEV_ERROR};
    int rc = parse_options("config", argc, argv, &o);
    if (rc)
        return rc;
    if (optind < argc)
        return usage_error("config takes no argument, not '%s'", argv[optind]);
    sk_catalogue *cat = cli_catalogue(NULL);
    printf("%-10s %s\n", sk_label(cat, "file"), o.config ? o.config : sk_label(cat, "(none)"));
    for (size_t k = 0; k < sizeof KEYS / sizeof KEYS[0]; k++) {
        config_key key = KEYS[k].key;
        const char *src = o.source[key] == SOURCE_COMMAND_LINE ? sk_label(cat, "command line") : o.source[key];
        const char *const *list;
        size_t n = list_of(&o, key, &list);
        if (list) {
            if (!n)
                show(cat, KEYS[k].name, NULL, src);
            for (size_t i = 0; i < n; i++)
                show(cat, KEYS[k].name, list[i], src);
        } else if (key == K_PROFILE) {
            show(cat, KEYS[k].name, o.profile ? o.profile : "default", src);
        } else if (key == K_BASELINE) {
            show(cat, KEYS[k].name, o.baseline, src);
        } else if (key == K_FAIL_ON) {
            show(cat, KEYS[k].name, sk_severity_name(o.fail_on), src);
        } else if (key == K_LANG) {
            const char *from = getenv("STARTKLAR_LANG_SOURCE");
            show(cat, KEYS[k].name, cli_lang() ? cli_lang() : "en",
                 from && strcmp(from, "--lang") == 0 ? sk_label(cat, "command line") : from);
        }
    }
    sk_catalogue_free(cat);
    return fflush(stdout) ? 2 : 0;
}
