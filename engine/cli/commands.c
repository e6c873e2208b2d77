/* commands.c: the command line's one definition. Every command (its
 * synopsis, summary and examples) and every option (its argument, help line
 * and the commands that take it) is written here once; the option parser
 * (getopt_long's table, common.c), the help pages and the completion script
 * (cmd_completion.c) are derived from these tables. */
#include "cli.h"
#include "startklar/authoring.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const cli_command COMMANDS[] = {
    {"check", C_CHECK, cmd_check,
     {{"PATH...", "check YAML files (a directory means every *.yaml/*.yml in it; - reads standard input)"}},
     "check --as-of 2027-04-10 examples/\n"
     "check units/ --format junit -o report.xml\n"
     "check --rules region-rules/ --fail-on warning units/\n"
     "check --format json visby/plan.yaml visby/onboarding.yaml\n"
     "check - --stdin-filename visby/plan.yaml < plan.yaml\n"},
    {"audit", C_AUDIT, cmd_audit,
     {{"DIR...", "check every unit below the directories, in parallel, with a summary"}},
     "audit --format html -o audit.html region/\n"
     "audit --shard 2/4 --format jsonl region/\n"},
    {"test", C_TEST, cmd_test,
     {{"[DIR...]", "run the fixtures of the rules in DIR (default: the built-in rules)"}},
     "test region-rules/\n"
     "test region-rules/ -v\n"},
    {"rules", C_RULES, cmd_rules,
     {{"list", "the rules that would run: id, severity, kind, title (--format json)"},
      {"explain ID", "one rule's explanation, parameters and an example fix"}},
     "rules list --profile prelaunch\n"
     "rules explain ON-11\n"},
    {"init", C_INIT, cmd_init,
     {{"KIND", "print a commented starting document of a kind"},
      {"--rule ID DIR", "write a rule skeleton with fixtures (--kind KIND, default unit-onboarding)"}},
     "init unit-onboarding > visby/onboarding.yaml\n"
     "init --rule GOT-01 region-rules/gotland/\n"},
    {"schema", C_SCHEMA, cmd_schema,
     {{"KIND", "print the JSON Schema of a kind, for editors"},
      {"--format markdown [KIND]", "print the format reference (docs/format.md), from the same tables"}},
     "schema communication-plan -o communication-plan.schema.json\n"
     "schema --format markdown -o docs/format.md\n"},
    {"completion", C_COMPLETION, cmd_completion,
     {{"SHELL", "print a completion script for bash or zsh"}},
     "completion bash > ~/.local/share/bash-completion/completions/startklar\n"},
    {"history", C_HISTORY, cmd_history,
     {{"FILE.db", "readiness over time, from the audits --record wrote (docs/rollout.md)"}},
     "history region.db\n"
     "history region.db --unit SE2321000222-V001 --format json\n"},
    {"diff", C_DIFF, cmd_diff,
     {{"OLD NEW", "what changed between two audits: JSON reports or FILE.db@YYYY-MM-DD, @latest, @previous"}},
     "diff region.db@previous region.db@latest\n"
     "diff before.json after.json --format markdown -o changes.md\n"},
    {"lsp", C_LSP, cmd_lsp,
     {{"", "a language server for editors (LSP on standard input and output)"}},
     "lsp --stdio\n"},
    {"config", C_CONFIG, cmd_config,
     {{"", "print the effective configuration and where each value came from"}},
     "config\n"
     "config --profile prelaunch --no-config\n"},
    {"help", C_HELP, cmd_help,
     {{"[COMMAND]", "show this text, or a command's options and examples"}},
     "help check\n"},
    {"version", C_VERSION, cmd_version, {{"", "show the version"}}, NULL},
    {NULL, 0, NULL, {{NULL, NULL}}, NULL},
};

#define JUDGE (C_CHECK | C_AUDIT | C_CONFIG)
#define EVERY (~0u)

static const cli_option OPTIONS[] = {
    {"as-of", 0, "YYYY-MM-DD", "the date to judge against (default: today)", JUDGE, O_AS_OF},
    {"timezone", 0, "TZ", "the timezone of --as-of's default today (default: $STARTKLAR_TZ, else Europe/Stockholm)", JUDGE, O_TIMEZONE},
    {"format", 0, "F", "the report's format, text by default: %s", JUDGE, O_FORMAT},
    {"format", 0, "F", "text (default) or json", C_RULES | C_HISTORY, O_FORMAT},
    {"format", 0, "F", "text (default), json or markdown", C_DIFF, O_FORMAT},
    {"format", 0, "F", "json (default): the JSON Schema of KIND; markdown: the format reference", C_SCHEMA, O_FORMAT},
    {"format", 0, "F", "markdown: the commands and options as tables, for docs/cli.md", C_HELP, O_FORMAT},
    {"csv-separator", 0, ",|;|tab", "csv's separator (default: ; in Swedish, else ,)", JUDGE, O_CSV_SEPARATOR},
    {"output", 'o', "FILE", "write the report to FILE instead of standard output", JUDGE, O_OUTPUT},
    {"output", 'o', "FILE", "write the schema to FILE instead of standard output", C_SCHEMA, O_OUTPUT},
    {"output", 'o', "FILE", "write the changes to FILE instead of standard output", C_DIFF, O_OUTPUT},
    {"fail-on", 0, "LEVEL", "error (default), warning, info or never: exit 1 at or above it", JUDGE, O_FAIL_ON},
    {"rules", 0, "DIR", "also load the rules in DIR (repeatable)", JUDGE | C_RULES, O_RULES},
    {"rules", 0, "DIR", "also load the rules in DIR, to show their findings' messages in --lang (repeatable)", C_DIFF, O_RULES},
    {"no-builtin", 0, NULL, "do not load the built-in rules", JUDGE | C_RULES | C_DIFF, O_NO_BUILTIN},
    {"profile", 0, "NAME", "a profile from rules/ (default, prelaunch) or a profile file", JUDGE | C_RULES, O_PROFILE},
    {"only", 0, "IDS", "run only these rules: ids or prefixes, comma-separated (ON-,CP-02)", JUDGE, O_ONLY},
    {"skip", 0, "IDS", "do not run these rules", JUDGE, O_SKIP},
    {"waivers", 0, "FILE", "waivers: accepted gaps with a reason and an expiry (repeatable)", JUDGE, O_WAIVERS},
    {"baseline", 0, "FILE", "findings in FILE are known: only new ones fail", JUDGE, O_BASELINE},
    {"write-baseline", 0, "FILE", "record today's findings as a baseline", JUDGE, O_WRITE_BASELINE},
    {"jobs", 0, "N", "worker threads (check: 1, audit: one per core)", JUDGE, O_JOBS},
    {"shard", 0, "I/N", "check only the I-th of N shards of the units (by HSA-id)", JUDGE, O_SHARD},
    {"exclude", 0, "GLOB", "do not read files whose path below the argument matches GLOB (repeatable)", JUDGE, O_EXCLUDE},
    {"record", 0, "FILE.db", "also append the audit to a history database (SQLite)", JUDGE, O_RECORD},
    {"history", 0, "FILE.db", "the html report shows the trend of the recorded audits", JUDGE, O_HISTORY},
    {"unit", 0, "HSA-ID", "one unit's readiness over time", C_HISTORY, O_UNIT},
    {"stdio", 0, NULL, "talk LSP on standard input and output (the default)", C_LSP, O_STDIO},
    {"quiet", 'q', NULL, "report only the units that are not ready, and the errors", JUDGE, O_QUIET},
    {"max-warnings", 0, "N", "exit 1 when more than N warnings are neither waived nor in the baseline", JUDGE, O_MAX_WARNINGS},
    {"color", 0, "auto|always|never", "colour in the text report (auto: on a terminal, unless NO_COLOR or TERM=dumb; FORCE_COLOR)", JUDGE, O_COLOR},
    {"stdin-filename", 0, "NAME", "the name of what - reads from standard input, in the report", C_CHECK, O_STDIN_FILENAME},
    {"config", 0, "FILE", "read settings from FILE (default: startklar.yaml here or above)", JUDGE | C_RULES, O_CONFIG},
    {"no-config", 0, NULL, "read no configuration file", JUDGE | C_RULES, O_NO_CONFIG},
    {"verbose", 'v', NULL, "list passing fixtures too", C_TEST, O_VERBOSE},
    {"verbose", 'v', NULL, "list the files skipped (not startklar documents, profiles, baselines)", JUDGE, O_VERBOSE},
    {"timing", 0, NULL, "after the run, where the time went: per stage and per rule (on standard error)", C_CHECK | C_AUDIT | C_TEST, O_TIMING},
    {"coverage", 0, NULL, "list the lines of each rule's Lua that no fixture ran", C_TEST, O_COVERAGE},
    {"coverage-min", 0, "PCT", "exit 1 when the fixtures ran less than PCT percent of the rules' lines", C_TEST, O_COVERAGE_MIN},
    {"rule", 0, "ID", "write a rule skeleton with fixtures into DIR", C_INIT, O_RULE},
    {"kind", 0, "KIND", "the kind the new rule checks (default: unit-onboarding)", C_INIT, O_KIND},
    {"lang", 0, "sv|en", "the language of messages and reports (default: from LANG, else en)", EVERY & ~C_VERSION, O_LANG},
    {"help", 'h', NULL, "show this command's options and examples", EVERY, O_HELP},
    {NULL, 0, NULL, NULL, 0, 0},
};

const cli_command *cli_commands(void)
{
    return COMMANDS;
}

const cli_option *cli_options(void)
{
    return OPTIONS;
}

const cli_command *cli_command_named(const char *name)
{
    for (const cli_command *c = COMMANDS; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

const char *cli_nearest_command(const char *word)
{
    const char *names[sizeof COMMANDS / sizeof COMMANDS[0]];
    size_t n = 0;
    for (const cli_command *c = COMMANDS; c->name; c++)
        names[n++] = c->name;
    return sk_closest(word, names, n);
}

/* ---- the help pages ----------------------------------------------------- */

/* "  left  text", the text starting at column 22 (or two spaces after);
 * the width counts characters, not bytes (NIVÅ). */
static void column(FILE *out, const char *left, const char *text)
{
    int n = 2;
    for (const char *p = left; *p; p++)
        n += ((unsigned char)*p & 0xC0) != 0x80;
    fprintf(out, "  %s%*s%s\n", left, n < 20 ? 22 - n : 2, "", text);
}

/* "--format F", "-o, --output FILE": an option and its argument, in the user's language */
static void option_words(const sk_catalogue *cat, const cli_option *o, char *buf, size_t size)
{
    char letter[8] = "";
    if (o->letter)
        snprintf(letter, sizeof letter, "-%c, ", o->letter);
    snprintf(buf, size, "%s--%s%s%s", letter, o->name, o->arg ? " " : "", o->arg ? sk_label(cat, o->arg) : "");
}

static void examples(FILE *out, const sk_catalogue *cat, const char *lines)
{
    fprintf(out, "\n%s\n", sk_label(cat, "Examples:"));
    for (const char *l = lines; *l;) {
        const char *end = strchr(l, '\n');
        fprintf(out, "  startklar %.*s\n", (int)(end - l), l);
        l = end + 1;
    }
}

static void exit_codes(FILE *out, const sk_catalogue *cat)
{
    fprintf(out, "\n%s\n", sk_label(cat, "Exit codes: 0 every unit is ready, 1 a finding is at or above --fail-on,\n"
                                         "2 something could not be judged (invalid input, a failing rule, bad usage)."));
}

void print_global_help(FILE *out, const sk_catalogue *cat)
{
    fprintf(out, "%s\n\n%s\n\n%s\n", sk_label(cat, "Usage: startklar COMMAND [OPTIONS] [PATH...]"),
            sk_label(cat, "Checks that a care unit's launch paperwork holds up (communication plan,\n"
                          "onboarding checklist, social-media strategy) and reports every gap with\n"
                          "file:line."),
            sk_label(cat, "Commands:"));
    for (const cli_command *c = COMMANDS; c->name; c++)
        for (size_t u = 0; u < MAX_USAGES && c->usage[u][0]; u++) {
            char left[96];
            const char *syn = *c->usage[u][0] ? sk_label(cat, c->usage[u][0]) : "";
            snprintf(left, sizeof left, "%s%s%s", c->name, *syn ? " " : "", syn);
            column(out, left, sk_label(cat, c->usage[u][1]));
        }
    fprintf(out, "\n%s\n", sk_label(cat, "Options may come before or after the paths; -- ends them; --opt=value\n"
                                         "and --opt value are the same. -V, --version shows the version."));
    fprintf(out, "%s\n", sk_label(cat, "Settings every run repeats go in startklar.yaml (kind config; startklar init\n"
                                       "config), found here or above, or --config FILE; 'startklar config' shows them.\n"
                                       "A directory's YAML files with no kind (docker-compose.yml) are skipped and counted."));
    fprintf(out, "%s\n", sk_label(cat, "Run 'startklar help COMMAND' for a command's options and examples."));
    exit_codes(out, cat);
    examples(out, cat, COMMANDS[0].examples);
}

void print_command_help(FILE *out, const sk_catalogue *cat, const cli_command *c)
{
    for (size_t u = 0; u < MAX_USAGES && c->usage[u][0]; u++) {
        const char *syn = *c->usage[u][0] ? sk_label(cat, c->usage[u][0]) : "";
        fprintf(out, "%s startklar %s%s%s%s\n", sk_label(cat, u ? "   or:" : "Usage:"), c->name,
                strcmp(c->name, "help") && strcmp(c->name, "version") ? sk_label(cat, " [OPTIONS]") : "",
                *syn ? " " : "", syn);
    }
    fputc('\n', out);
    for (size_t u = 0; u < MAX_USAGES && c->usage[u][0]; u++)
        fprintf(out, "%s\n", sk_label(cat, c->usage[u][1]));
    fprintf(out, "\n%s\n", sk_label(cat, "Options:"));
    for (const cli_option *o = OPTIONS; o->name; o++) {
        if (!(o->commands & c->bit))
            continue;
        char left[96], text[512], formats[256];
        option_words(cat, o, left, sizeof left);
        /* a help line may name the formats (one %s): the library's list */
        snprintf(text, sizeof text, sk_label(cat, o->help), format_list(formats, sizeof formats));
        column(out, left, text);
    }
    if (c->bit & (C_CHECK | C_AUDIT | C_TEST))
        exit_codes(out, cat);
    if (c->examples)
        examples(out, cat, c->examples);
}

int print_help(FILE *out)
{
    sk_catalogue *cat = cli_catalogue(NULL);
    print_global_help(out, cat);
    sk_catalogue_free(cat);
    return 0;
}

int help_of(const char *command, FILE *out)
{
    const cli_command *c = cli_command_named(command);
    if (!c)
        return -1;
    sk_catalogue *cat = cli_catalogue(NULL);
    print_command_help(out, cat, c);
    sk_catalogue_free(cat);
    return 0;
}

/* ---- the tables as Markdown (docs/cli.md) --------------------------------- */

/* The commands that take an option: "every command", "every command but
 * version", or their names. */
static void option_commands(FILE *out, unsigned bits)
{
    size_t all = 0, taken = 0;
    for (const cli_command *c = COMMANDS; c->name; c++)
        all++, taken += (bits & c->bit) != 0;
    const char *sep = "";
    if (taken == all) {
        fputs("every command", out);
        return;
    }
    if (taken + 2 >= all && taken > all / 2) {
        fputs("every command but ", out);
        for (const cli_command *c = COMMANDS; c->name; c++)
            if (!(bits & c->bit))
                fprintf(out, "%s%s", sep, c->name), sep = ", ";
        return;
    }
    for (const cli_command *c = COMMANDS; c->name; c++)
        if (bits & c->bit)
            fprintf(out, "%s%s", sep, c->name), sep = ", ";
}

/* A table cell: '|' would end it. */
static void md_cell(FILE *out, const char *text)
{
    for (const char *p = text; *p; p++) {
        if (*p == '|')
            fputc('\\', out);
        fputc(*p, out);
    }
}

static int print_markdown(FILE *out)
{
    char formats[256];
    format_list(formats, sizeof formats);
    fputs("| command | what it does |\n|---|---|\n", out);
    for (const cli_command *c = COMMANDS; c->name; c++)
        for (size_t u = 0; u < MAX_USAGES && c->usage[u][0]; u++) {
            fprintf(out, "| `%s%s", c->name, *c->usage[u][0] ? " " : "");
            md_cell(out, c->usage[u][0]);
            fputs("` | ", out);
            md_cell(out, c->usage[u][1]);
            fputs(" |\n", out);
        }
    fputs("\n| option | taken by | what it does |\n|---|---|---|\n", out);
    for (const cli_option *o = OPTIONS; o->name; o++) {
        char text[512];
        snprintf(text, sizeof text, o->help, formats); /* a help line may name the formats (one %s) */
        fputs("| `", out);
        if (o->letter)
            fprintf(out, "-%c`, `", o->letter);
        fprintf(out, "--%s", o->name);
        if (o->arg) {
            fputc(' ', out);
            md_cell(out, o->arg);
        }
        fputs("` | ", out);
        option_commands(out, o->commands);
        fputs(" | ", out);
        md_cell(out, text);
        fputs(" |\n", out);
    }
    return fflush(out) || ferror(out) ? 2 : 0;
}

int cmd_help(int argc, char **argv)
{
    options o = {.format = "text"};
    int rc = parse_options("help", argc, argv, &o);
    if (rc)
        return rc;
    argc -= optind - 1, argv += optind - 1; /* the operands from argv[1] on */
    if (strcmp(o.format, "markdown") == 0 && argc < 2)
        return print_markdown(stdout);
    if (strcmp(o.format, "text") != 0)
        return usage_error("help writes text, or with --format markdown the tables of every command and option, not '%s'",
                           o.format);
    if (argc < 2)
        return print_help(stdout);
    if (argc > 2)
        return usage_error("help takes one command, not '%s' too", argv[2]);
    if (help_of(argv[1], stdout) == 0)
        return 0;
    const char *hint = cli_nearest_command(argv[1]);
    if (hint) {
        cli_fail("no help on '%s' (did you mean '%s'?)", argv[1], hint);
        return usage_hint(NULL);
    }
    return usage_error("no help on '%s': it is no command", argv[1]);
}

int cmd_version(int argc, char **argv)
{
    (void)argc, (void)argv;
    printf("startklar %s\n", SK_VERSION);
    return 0;
}
