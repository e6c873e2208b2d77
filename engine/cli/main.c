/* main.c: the startklar command line, a thin layer over libstartklar: a
 * table of commands, each in its own cmd_*.c. Exit codes: 0 ready, 1 not
 * ready, 2 not judged or bad usage. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char USAGE[] =
    "Usage: startklar COMMAND [OPTIONS] [PATH...]\n"
    "\n"
    "Checks that a care unit's launch paperwork holds up (communication plan,\n"
    "onboarding checklist, social-media strategy) and reports every gap with\n"
    "file:line.\n"
    "\n"
    "Commands:\n"
    "  check PATH...       check YAML files (a directory means every *.yaml/*.yml in it)\n"
    "  audit DIR...        check every unit below the directories, in parallel, with a summary\n"
    "  test [DIR...]       run the fixtures of the rules in DIR (default: the built-in rules)\n"
    "  rules list          the rules that would run: id, severity, kind, title (--format json)\n"
    "  rules explain ID    one rule's explanation, parameters and an example fix\n"
    "  init KIND           print a commented starting document of a kind\n"
    "  init --rule ID DIR  write a rule skeleton with fixtures (--kind KIND, default unit-onboarding)\n"
    "  schema KIND         print the JSON Schema of a kind, for editors\n"
    "  help                show this text\n"
    "  version             show the version\n"
    "\n"
    "Options of check and audit:\n"
    "  --as-of YYYY-MM-DD  the date to judge against (default: today)\n"
    "  --format F          text (default), json, jsonl, sarif, junit, csv, markdown or html\n"
    "  --fail-on LEVEL     error (default), warning, info or never: exit 1 at or above it\n"
    "  --rules DIR         also load the rules in DIR (repeatable)\n"
    "  --no-builtin        do not load the built-in rules\n"
    "  -o FILE             write the report to FILE instead of standard output\n"
    "  --jobs N            worker threads (check: 1, audit: one per core)\n"
    "  --shard I/N         check only the I-th of N shards of the units (by HSA-id)\n"
    "  --profile NAME      a profile from rules/ (default, prelaunch) or a profile file\n"
    "  --lang sv|en        the language of messages and reports (default: from LANG, else en)\n"
    "  --only IDS          run only these rules: ids or prefixes, comma-separated (ON-,CP-02)\n"
    "  --skip IDS          do not run these rules\n"
    "  --waivers FILE      waivers: accepted gaps with a reason and an expiry (repeatable)\n"
    "  --baseline FILE     findings in FILE are known: only new ones fail\n"
    "  --write-baseline FILE  record today's findings as a baseline\n"
    "Options of test:\n"
    "  -v, --verbose       list passing fixtures too\n"
    "Options of rules:\n"
    "  --rules DIR, --no-builtin   as for check; rules list also takes --format text|json\n"
    "\n"
    "Exit codes: 0 every unit is ready, 1 a finding is at or above --fail-on,\n"
    "2 something could not be judged (invalid input, a failing rule, bad usage).\n"
    "\n"
    "Examples:\n"
    "  startklar check --as-of 2027-04-10 examples/\n"
    "  startklar check --format json visby/plan.yaml visby/onboarding.yaml\n"
    "  startklar check --rules region-rules/ --fail-on warning units/\n"
    "  startklar test region-rules/\n"
    "  startklar rules explain ON-11\n"
    "  startklar init --rule GOT-01 region-rules/gotland/\n";

static int cmd_help(int argc, char **argv)
{
    (void)argc, (void)argv;
    return print_help(stdout);
}

static int cmd_version(int argc, char **argv)
{
    (void)argc, (void)argv;
    printf("startklar %s\n", SK_VERSION);
    return 0;
}

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
} command;

static const command COMMANDS[] = {
    {"check", cmd_check},     {"audit", cmd_audit},     {"test", cmd_test},
    {"rules", cmd_rules},     {"init", cmd_init},       {"schema", cmd_schema},          {"help", cmd_help},
    {"--help", cmd_help},     {"-h", cmd_help},            {"version", cmd_version},
    {"--version", cmd_version}, {NULL, NULL},
};

/* The language of every message, settled before any is written: --lang
 * (anywhere on the line; taken out of argv, so no command has to know it),
 * else $LANG when it is Swedish, else English. 0, or -1 for an unknown one. */
static int settle_language(int *argc, char **argv, const char **bad)
{
    const char *lang = NULL, *env = getenv("LANG");
    if (env && strncmp(env, "sv", 2) == 0)
        lang = "sv";
    int w = 1;
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < *argc)
            lang = argv[++i];
        else if (strncmp(argv[i], "--lang=", 7) == 0)
            lang = argv[i] + 7;
        else
            argv[w++] = argv[i];
    }
    argv[w] = NULL;
    *argc = w;
    if (lang && !sk_lang_known(lang)) {
        *bad = lang;
        lang = NULL;
    }
    if (lang && strcmp(lang, "en") != 0)
        setenv("STARTKLAR_LANG", lang, 1);
    else
        unsetenv("STARTKLAR_LANG");
    return *bad ? -1 : 0;
}

/* The timezone of --as-of's default, settled before any thread starts (the
 * one place the process's TZ is set): --timezone TZ (anywhere on the line,
 * taken out of argv), else $STARTKLAR_TZ, else Europe/Stockholm, so that a
 * UTC CI runner and a Swedish laptop judge alike around midnight. The name
 * goes to $STARTKLAR_TZ (today() says it when it is unknown); a known one
 * also to TZ, for localtime_r. */
static void settle_timezone(int *argc, char **argv)
{
    const char *tz = getenv("STARTKLAR_TZ");
    int w = 1;
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], "--timezone") == 0 && i + 1 < *argc)
            tz = argv[++i];
        else if (strncmp(argv[i], "--timezone=", 11) == 0)
            tz = argv[i] + 11;
        else
            argv[w++] = argv[i];
    }
    argv[w] = NULL;
    *argc = w;
    if (!tz || !*tz)
        tz = DEFAULT_TIMEZONE;
    setenv("STARTKLAR_TZ", tz, 1);
    if (timezone_known(tz)) {
        char spec[PATH_MAX];
        snprintf(spec, sizeof spec, ":%s", tz);
        setenv("TZ", spec, 1);
        tzset();
    }
}

int main(int argc, char **argv)
{
    const char *bad = NULL;
    settle_timezone(&argc, argv);
    if (settle_language(&argc, argv, &bad))
        return usage_error("--lang takes sv or en, not '%s'", bad);
    if (argc < 2) {
        print_help(stderr);
        return 2;
    }
    for (const command *c = COMMANDS; c->name; c++)
        if (strcmp(c->name, argv[1]) == 0)
            return c->run(argc - 1, argv + 1);
    return usage_error("unknown command '%s'", argv[1]);
}
