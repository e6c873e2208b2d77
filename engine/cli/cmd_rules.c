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
static sk_rules *load_rules(const options *o, const sk_catalogue *cat, sk_profile **profile, int *broken)
{
    sk_errors errs;
    sk_errors_init(&errs);
    sk_rules *r = load_flag_rules(o, &errs);
    if (r)
        sk_rules_translate(r, cat); /* titles and explanations in the user's language */
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
        cli_print_labelled(cat, e, NULL, e->kind == SK_ERR_POLICY ? "policy error" : "plugin error");
    }
    *broken = errs.count > 0;
    sk_errors_free(&errs);
    if (!r)
        cli_fail("out of memory");
    return r;
}

/* What both sub-commands show: the catalogue of the user's language, the
 * rules (translated, with --profile applied) and the profile's values. */
typedef struct loaded {
    sk_catalogue *cat;
    sk_profile *profile;
    sk_rules *rules;
    int broken; /* a plugin or the profile did not load (exit 2 at the end) */
} loaded;

/* 0, or 2 when there is nothing to show (said on stderr). */
static int open_rules(const options *o, loaded *l)
{
    memset(l, 0, sizeof *l);
    l->cat = cli_catalogue(&l->broken);
    if (l->broken)
        return 2;
    l->rules = load_rules(o, l->cat, &l->profile, &l->broken);
    if (!l->rules) {
        sk_catalogue_free(l->cat);
        return 2;
    }
    return 0;
}

static void close_rules(loaded *l)
{
    sk_rules_free(l->rules);
    sk_profile_free(l->profile);
    sk_catalogue_free(l->cat);
}

/* ---- rules list ------------------------------------------------------------ */

/* The width of a text in characters (UTF-8), for the columns. */
static size_t text_width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* A column: the text, then spaces up to width and the gap to the next. */
static void column(const char *s, size_t width)
{
    fputs(s, stdout);
    for (size_t n = text_width(s); n < width + 2; n++)
        putchar(' ');
}

static const char *list_severity(const sk_rules *r, size_t i, const sk_catalogue *cat)
{
    return sk_label(cat, sk_rules_enabled(r, i) ? sk_severity_name(sk_rules_get(r, i)->severity) : "off");
}

static void list_text(const sk_rules *r, const sk_catalogue *cat)
{
    const char *hid = sk_label(cat, "ID"), *hsev = sk_label(cat, "SEVERITY"), *hkind = sk_label(cat, "KIND");
    size_t wid = text_width(hid), wsev = text_width(hsev), wkind = text_width(hkind), n = sk_rules_count(r);
    for (size_t i = 0; i < n; i++) {
        const sk_rule_info *ri = sk_rules_get(r, i);
        size_t a = text_width(ri->id), b = text_width(list_severity(r, i, cat)), c = text_width(ri->applies_to);
        wid = a > wid ? a : wid;
        wsev = b > wsev ? b : wsev;
        wkind = c > wkind ? c : wkind;
    }
    column(hid, wid), column(hsev, wsev), column(hkind, wkind);
    printf("%s\n", sk_label(cat, "TITLE"));
    for (size_t i = 0; i < n; i++) {
        const sk_rule_info *ri = sk_rules_get(r, i);
        column(ri->id, wid), column(list_severity(r, i, cat), wsev), column(ri->applies_to, wkind);
        printf("%s\n", ri->title);
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
    int rc = parse_options("rules", argc, argv, &o);
    if (rc)
        return rc;
    if (optind < argc)
        return usage_error("rules list takes no argument, not '%s'", argv[optind]);
    if (strcmp(o.format, "text") != 0 && strcmp(o.format, "json") != 0)
        return usage_error("rules list writes text or json, not '%s'", o.format);
    loaded l;
    if (open_rules(&o, &l))
        return 2;
    sk_rules *r = l.rules;
    const sk_catalogue *cat = l.cat;
    if (strcmp(o.format, "json") == 0)
        list_json(r);
    else
        list_text(r, cat);
    close_rules(&l);
    if (fflush(stdout)) {
        cli_fail("cannot write the list");
        return 2;
    }
    return l.broken ? 2 : 0;
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
    printf("\n%s (%s):\n\n", intro, path); /* intro: a label */
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

static void show_examples(const sk_rule_info *ri, const sk_catalogue *cat)
{
    char *fail_dir = test_folder(ri->file, "fail"), *pass_dir = test_folder(ri->file, "pass");
    char *fail = fail_dir ? first_fixture(fail_dir) : NULL;
    char *pass = pass_dir ? first_fixture(pass_dir) : NULL;
    if (fail)
        show_fixture(sk_label(cat, "Example: this fails"), fail);
    if (pass)
        show_fixture(sk_label(cat, fail ? "The fix: this passes" : "Example: this passes"), pass);
    if (!fail && !pass) {
        putchar('\n');
        printf(sk_label(cat, "Example: none (the rule has no fixtures in %s)"), fail_dir ? fail_dir : "X.test/");
        putchar('\n');
    }
    free(fail_dir), free(pass_dir), free(fail), free(pass);
}

static void explain(const sk_rule_info *ri, const sk_catalogue *cat)
{
    printf("%s: %s\n\n", ri->id, ri->title);
    if (ri->severity != ri->default_severity)
        printf(sk_label(cat, "  severity    %s (the profile's; the rule says %s)\n"),
               sk_label(cat, sk_severity_name(ri->severity)), sk_label(cat, sk_severity_name(ri->default_severity)));
    else
        printf(sk_label(cat, "  severity    %s\n"), sk_label(cat, sk_severity_name(ri->severity)));
    printf(sk_label(cat, "  applies to  %s\n"), ri->applies_to);
    printf(sk_label(cat, "  plugin      %s:%d\n\n"), ri->file, ri->line);
    const char *text = ri->explain ? ri->explain : sk_label(cat, "(the rule has no explanation)");
    while (*text == '\n')
        text++;
    size_t len = strlen(text);
    while (len && (text[len - 1] == '\n' || text[len - 1] == ' '))
        len--;
    printf("%.*s\n", (int)len, text);
    const sk_text *fix = sk_texts_pick(&ri->fixes, sk_catalogue_lang(cat));
    if (fix)
        printf("\n%s %s\n", sk_label(cat, "Fix:"), fix->text);
    if (ri->nparams == 0) {
        putchar('\n');
        puts(sk_label(cat, "Parameters: none"));
    } else {
        size_t w = 4;
        for (size_t p = 0; p < ri->nparams; p++)
            w = strlen(ri->params[p].name) > w ? strlen(ri->params[p].name) : w;
        putchar('\n');
        puts(sk_label(cat, "Parameters (the defaults; a profile may override them):"));
        for (size_t p = 0; p < ri->nparams; p++) {
            char *value = sk_param_profile_json(&ri->params[p]);
            fputs("  ", stdout);
            column(ri->params[p].name, w);
            column(sk_label(cat, PARAM_TYPES[ri->params[p].type]), 7);
            printf(sk_label(cat, "default %s"), ri->params[p].default_json);
            if (value)
                printf(sk_label(cat, ", under the profile %s (%s)"), value, ri->params[p].profile_file);
            putchar('\n');
            free(value);
        }
    }
    show_examples(ri, cat);
}

/* Exit 2 with the closest id, when one is close. */
static int unknown_rule(const sk_rules *r, const char *id, const sk_catalogue *cat)
{
    size_t n = sk_rules_count(r);
    const char **ids = malloc((n ? n : 1) * sizeof *ids);
    if (!ids) {
        cli_fail("out of memory");
        return 2;
    }
    for (size_t i = 0; i < n; i++)
        ids[i] = sk_rules_get(r, i)->id;
    const char *hint = sk_closest(id, ids, n);
    fputs("startklar: ", stderr);
    fprintf(stderr, sk_label(cat, "unknown rule '%s'"), id);
    if (hint)
        fprintf(stderr, sk_label(cat, " (did you mean '%s'?)"), hint);
    fputc('\n', stderr);
    fputs(sk_label(cat, "Try 'startklar rules list'."), stderr);
    fputc('\n', stderr);
    free(ids);
    return 2;
}

static int rules_explain(int argc, char **argv)
{
    options o = {.format = "text"};
    int rc = parse_options("rules", argc, argv, &o);
    if (rc)
        return rc;
    if (optind >= argc)
        return usage_error("rules explain needs a rule id, e.g. 'rules explain ON-11'%s", "");
    const char *id = argv[optind];
    if (optind + 1 < argc)
        return usage_error("rules explain takes one rule id; '%s' is one too many", argv[optind + 1]);
    if (strcmp(o.format, "text") != 0)
        return usage_error("rules explain writes text only, not '%s'", o.format);
    loaded l;
    if (open_rules(&o, &l))
        return 2;
    sk_rules *r = l.rules;
    const sk_catalogue *cat = l.cat;
    const sk_rule_info *ri = sk_rules_find(r, id);
    if (ri)
        explain(ri, cat);
    else
        rc = unknown_rule(r, id, cat);
    close_rules(&l);
    if (fflush(stdout)) {
        cli_fail("cannot write the explanation");
        return 2;
    }
    return rc ? rc : l.broken ? 2 : 0;
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
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return help_of("rules", stdout);
    const char *names[sizeof SUBCOMMANDS / sizeof SUBCOMMANDS[0]];
    size_t n = 0;
    for (const subcommand *s = SUBCOMMANDS; s->name; s++)
        names[n++] = s->name;
    const char *hint = sk_closest(argv[1], names, n);
    if (hint) {
        cli_fail("unknown sub-command 'rules %s' (did you mean 'rules %s'?)", argv[1], hint);
        return usage_hint("rules");
    }
    return usage_error("unknown sub-command 'rules %s' (list or explain)", argv[1]);
}
