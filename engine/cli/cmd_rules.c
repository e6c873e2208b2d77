/* cmd_rules.c: `startklar rules list` and `startklar rules explain ID`: the
 * rules that would run (built-in and --rules DIR) as a table or JSON, and one
 * rule's full text, parameters and an example taken from its fixtures. */
#include "cli.h"
#include "startklar/authoring.h"

#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define EXAMPLE_MAX_LINES 40

static const char *const PARAM_TYPES[] = {
    [SK_PARAM_INTEGER] = "integer", [SK_PARAM_NUMBER] = "number", [SK_PARAM_STRING] = "string",
    [SK_PARAM_BOOLEAN] = "boolean", [SK_PARAM_LIST] = "list",
};

/* Loads the rules the flags name, as check does, with --profile applied
 * (*profile keeps its values: free it after the rules); plugin and profile
 * errors go to stderr and set *broken. NULL when out of memory. */
static sk_rules *load_rules(const options *o, sk_profile **profile, int *broken)
{
    char builtin[PATH_MAX];
    const char *dirs[MAX_RULE_DIRS];
    size_t ndirs = 0;
    if (!o->no_builtin)
        dirs[ndirs++] = builtin_plugins(builtin, sizeof builtin);
    for (size_t i = 0; i < o->nrule_dirs; i++)
        dirs[ndirs++] = o->rule_dirs[i];
    sk_errors errs;
    sk_errors_init(&errs);
    sk_rules *r = sk_rules_load(dirs, ndirs, NULL, &errs);
    *profile = NULL;
    if (r && o->profile) {
        char profiles[PATH_MAX];
        const char *pdir = builtin_profiles(profiles, sizeof profiles);
        char *path = sk_profile_path(o->profile, pdir);
        *profile = path ? sk_profile_apply(r, path, pdir, &errs) : NULL;
        free(path);
    }
    for (size_t i = 0; i < errs.count; i++) {
        const sk_error *e = &errs.items[i];
        fprintf(stderr, "%s:%d: %s error: %s\n", e->file ? e->file : "?", e->line,
                e->kind == SK_ERR_POLICY ? "policy" : "plugin", e->message);
    }
    *broken = errs.count > 0;
    sk_errors_free(&errs);
    if (!r)
        fputs("startklar: out of memory\n", stderr);
    return r;
}

/* ---- rules list ------------------------------------------------------------ */

static void list_text(const sk_rules *r)
{
    size_t wid = 2, wsev = 8, wkind = 4, n = sk_rules_count(r);
    for (size_t i = 0; i < n; i++) {
        const sk_rule_info *ri = sk_rules_get(r, i);
        size_t a = strlen(ri->id), b = strlen(sk_severity_name(ri->severity)), c = strlen(ri->applies_to);
        wid = a > wid ? a : wid;
        wsev = b > wsev ? b : wsev;
        wkind = c > wkind ? c : wkind;
    }
    printf("%-*s  %-*s  %-*s  %s\n", (int)wid, "ID", (int)wsev, "SEVERITY", (int)wkind, "KIND", "TITLE");
    for (size_t i = 0; i < n; i++) {
        const sk_rule_info *ri = sk_rules_get(r, i);
        printf("%-*s  %-*s  %-*s  %s\n", (int)wid, ri->id, (int)wsev,
               sk_rules_enabled(r, i) ? sk_severity_name(ri->severity) : "off", (int)wkind, ri->applies_to,
               ri->title);
    }
}

/* One "key": "value" member. */
static void json_member(const char *key, const char *value, int first)
{
    printf("%s\"%s\": ", first ? "" : ", ", key);
    sk_json_write_string(value, stdout);
}

static void list_json(const sk_rules *r)
{
    size_t n = sk_rules_count(r);
    fputs(n ? "[\n" : "[", stdout);
    for (size_t i = 0; i < n; i++) {
        const sk_rule_info *ri = sk_rules_get(r, i);
        fputs("  {", stdout);
        json_member("id", ri->id, 1);
        json_member("severity", sk_severity_name(ri->severity), 0);
        json_member("applies_to", ri->applies_to, 0);
        json_member("title", ri->title, 0);
        json_member("file", ri->file, 0);
        printf(", \"enabled\": %s", sk_rules_enabled(r, i) ? "true" : "false");
        fputs(", \"params\": [", stdout);
        for (size_t p = 0; p < ri->nparams; p++) {
            fputs(p ? ", {" : "{", stdout);
            json_member("name", ri->params[p].name, 1);
            json_member("type", PARAM_TYPES[ri->params[p].type], 0);
            printf(", \"default\": %s", ri->params[p].default_json);
            char *value = sk_param_profile_json(&ri->params[p]);
            printf(", \"value\": %s}", value ? value : ri->params[p].default_json);
            free(value);
        }
        printf("]}%s\n", i + 1 < n ? "," : "");
    }
    fputs("]\n", stdout);
}

static int rules_list(int argc, char **argv)
{
    options o = {.format = "text"};
    int rc = parse_options(argc, argv, &o);
    if (rc)
        return rc;
    if (optind < argc)
        return usage_error("rules list takes no argument, not '%s'", argv[optind]);
    if (strcmp(o.format, "text") != 0 && strcmp(o.format, "json") != 0)
        return usage_error("rules list writes text or json, not '%s'", o.format);
    int broken;
    sk_profile *profile;
    sk_rules *r = load_rules(&o, &profile, &broken);
    if (!r)
        return 2;
    if (strcmp(o.format, "json") == 0)
        list_json(r);
    else
        list_text(r);
    sk_rules_free(r);
    sk_profile_free(profile);
    if (fflush(stdout)) {
        fputs("startklar: cannot write the list\n", stderr);
        return 2;
    }
    return broken ? 2 : 0;
}

/* ---- rules explain ---------------------------------------------------------- */

static int is_yaml_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && ((n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
                              (n > 4 && strcmp(name + n - 4, ".yml") == 0));
}

/* The path of the first fixture (by name) in dir, or NULL (malloc'd). */
static char *first_fixture(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char *best = NULL;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!is_yaml_name(e->d_name) || (best && strcmp(e->d_name, best) >= 0))
            continue;
        char *copy = strdup(e->d_name);
        if (copy)
            free(best), best = copy;
    }
    closedir(d);
    if (!best)
        return NULL;
    size_t len = strlen(dir) + strlen(best) + 2;
    char *path = malloc(len);
    if (path)
        snprintf(path, len, "%s/%s", dir, best);
    free(best);
    return path;
}

/* Prints a fixture indented, at most EXAMPLE_MAX_LINES lines of it. */
static void show_fixture(const char *intro, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    printf("\n%s (%s):\n\n", intro, path);
    char line[1024];
    int n = 0, at_line_start = 1;
    while (fgets(line, sizeof line, f)) {
        if (at_line_start && ++n > EXAMPLE_MAX_LINES) {
            puts("    ...");
            break;
        }
        printf("%s%s", at_line_start ? "    " : "", line);
        at_line_start = strchr(line, '\n') != NULL;
    }
    if (!at_line_start)
        putchar('\n');
    fclose(f);
}

/* The X.test folder of the plugin X.lua, with a sub-folder (malloc'd). */
static char *test_folder(const char *plugin, const char *sub)
{
    size_t len = strlen(plugin);
    if (len > 4 && strcmp(plugin + len - 4, ".lua") == 0)
        len -= 4;
    size_t size = len + strlen(sub) + 8;
    char *p = malloc(size);
    if (p)
        snprintf(p, size, "%.*s.test/%s", (int)len, plugin, sub);
    return p;
}

static void show_examples(const sk_rule_info *ri)
{
    char *fail_dir = test_folder(ri->file, "fail"), *pass_dir = test_folder(ri->file, "pass");
    char *fail = fail_dir ? first_fixture(fail_dir) : NULL;
    char *pass = pass_dir ? first_fixture(pass_dir) : NULL;
    if (fail)
        show_fixture("Example: this fails", fail);
    if (pass)
        show_fixture(fail ? "The fix: this passes" : "Example: this passes", pass);
    if (!fail && !pass)
        printf("\nExample: none (the rule has no fixtures in %s)\n", fail_dir ? fail_dir : "X.test/");
    free(fail_dir), free(pass_dir), free(fail), free(pass);
}

static void explain(const sk_rule_info *ri)
{
    printf("%s: %s\n\n", ri->id, ri->title);
    if (ri->severity != ri->default_severity)
        printf("  severity    %s (the profile's; the rule says %s)\n", sk_severity_name(ri->severity),
               sk_severity_name(ri->default_severity));
    else
        printf("  severity    %s\n", sk_severity_name(ri->severity));
    printf("  applies to  %s\n", ri->applies_to);
    printf("  plugin      %s:%d\n\n", ri->file, ri->line);
    const char *text = ri->explain ? ri->explain : "(the rule has no explanation)";
    while (*text == '\n')
        text++;
    size_t len = strlen(text);
    while (len && (text[len - 1] == '\n' || text[len - 1] == ' '))
        len--;
    printf("%.*s\n", (int)len, text);
    if (ri->nparams == 0) {
        puts("\nParameters: none");
    } else {
        size_t w = 4;
        for (size_t p = 0; p < ri->nparams; p++)
            w = strlen(ri->params[p].name) > w ? strlen(ri->params[p].name) : w;
        puts("\nParameters (the defaults; a profile may override them):");
        for (size_t p = 0; p < ri->nparams; p++) {
            char *value = sk_param_profile_json(&ri->params[p]);
            printf("  %-*s  %-7s  default %s", (int)w, ri->params[p].name, PARAM_TYPES[ri->params[p].type],
                   ri->params[p].default_json);
            if (value)
                printf(", under the profile %s (%s)", value, ri->params[p].profile_file);
            putchar('\n');
            free(value);
        }
    }
    show_examples(ri);
}

/* Exit 2 with the closest id, when one is close. */
static int unknown_rule(const sk_rules *r, const char *id)
{
    size_t n = sk_rules_count(r);
    const char **ids = malloc((n ? n : 1) * sizeof *ids);
    if (!ids) {
        fputs("startklar: out of memory\n", stderr);
        return 2;
    }
    for (size_t i = 0; i < n; i++)
        ids[i] = sk_rules_get(r, i)->id;
    const char *hint = sk_closest(id, ids, n);
    fprintf(stderr, "startklar: unknown rule '%s'", id);
    if (hint)
        fprintf(stderr, " (did you mean '%s'?)", hint);
    fputs("\nTry 'startklar rules list'.\n", stderr);
    free(ids);
    return 2;
}

static int rules_explain(int argc, char **argv)
{
    options o = {.format = "text"};
    int rc = parse_options(argc, argv, &o);
    if (rc)
        return rc;
    if (optind >= argc)
        return usage_error("rules explain needs a rule id, e.g. 'rules explain ON-11'%s", "");
    int at = optind;
    const char *id = argv[at];
    /* flags may follow the id too: rules explain GOT-01 --rules DIR */
    if (at + 1 < argc) {
        if ((rc = parse_options(argc - at, argv + at, &o)))
            return rc;
        if (optind < argc - at)
            return usage_error("rules explain takes one rule id; '%s' is one too many",
                               argv[at + optind]);
    }
    if (strcmp(o.format, "text") != 0)
        return usage_error("rules explain writes text only, not '%s'", o.format);
    int broken;
    sk_profile *profile;
    sk_rules *r = load_rules(&o, &profile, &broken);
    if (!r)
        return 2;
    const sk_rule_info *ri = sk_rules_find(r, id);
    if (ri)
        explain(ri);
    else
        rc = unknown_rule(r, id);
    sk_rules_free(r);
    sk_profile_free(profile);
    if (fflush(stdout)) {
        fputs("startklar: cannot write the explanation\n", stderr);
        return 2;
    }
    return rc ? rc : broken ? 2 : 0;
}

/* ---- the sub-commands ----------------------------------------------------------- */

typedef struct subcommand {
    const char *name;
    int (*run)(int argc, char **argv);
} subcommand;

static const subcommand SUBCOMMANDS[] = {
    {"list", rules_list},
    {"explain", rules_explain},
    {NULL, NULL},
};

int cmd_rules(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("rules needs a sub-command: 'rules list' or 'rules explain ID'%s", "");
    for (const subcommand *s = SUBCOMMANDS; s->name; s++)
        if (strcmp(s->name, argv[1]) == 0)
            return s->run(argc - 1, argv + 1);
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(USAGE, stdout);
        return 0;
    }
    return usage_error("unknown sub-command 'rules %s' (list or explain)", argv[1]);
}
