/* main.c: the startklar command line, a thin layer over libstartklar: a
 * table of commands (commands.c), each in its own cmd_*.c. Exit codes: 0 ready, 1 not
 * ready, 2 not judged or bad usage. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What else a command may be called on the command line. */
static const struct {
    const char *alias, *command;
} ALIASES[] = {
    {"--help", "help"}, {"-h", "help"}, {"--version", "version"}, {"-V", "version"},
};

/* The language of every message, settled before any is written: --lang
 * (anywhere on the line; taken out of argv, so no command has to know it),
 * else the configuration file's lang, else $LANG when it is Swedish, else
 * English; where it came from goes to $STARTKLAR_LANG_SOURCE for `startklar
 * config`. 0, or -1 for an unknown one. */
static int settle_language(int *argc, char **argv, const char **bad)
{
    const char *lang = NULL, *env = getenv("LANG"), *source = NULL;
    if (env && strncmp(env, "sv", 2) == 0)
        lang = "sv", source = "LANG";
    int w = 1, given = 0;
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < *argc)
            lang = argv[++i], given = 1;
        else if (strncmp(argv[i], "--lang=", 7) == 0)
            lang = argv[i] + 7, given = 1;
        else
            argv[w++] = argv[i];
    }
    argv[w] = NULL;
    *argc = w;
    char path[PATH_MAX], word[8];
    const char *configured = given ? NULL : config_lang(*argc, argv, word, sizeof word);
    if (given)
        source = "--lang";
    else if (configured)
        lang = configured, source = config_file_path(*argc, argv, path, sizeof path);
    if (source)
        setenv("STARTKLAR_LANG_SOURCE", source, 1);
    else
        unsetenv("STARTKLAR_LANG_SOURCE");
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

int main(int argc, char **argv)
{
    const char *bad = NULL;
    if (settle_language(&argc, argv, &bad))
        return usage_error("--lang takes sv or en, not '%s'", bad);
    if (argc < 2) {
        print_help(stderr);
        return 2;
    }
    const char *name = argv[1];
    for (size_t i = 0; i < sizeof ALIASES / sizeof ALIASES[0]; i++)
        if (strcmp(ALIASES[i].alias, name) == 0)
            name = ALIASES[i].command;
    const cli_command *c = cli_command_named(name);
    /* COMMAND --help, also of the commands that read their own arguments (lsp, completion) */
    if (c && argc == 3 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0))
        return help_of(c->name, stdout);
    if (c)
        return c->run(argc - 1, argv + 1);
    const char *hint = name[0] == '-' ? NULL : cli_nearest_command(name);
    if (!hint)
        return usage_error(name[0] == '-' ? "a command comes first, before '%s'" : "unknown command '%s'", name);
    cli_fail("unknown command '%s' (did you mean '%s'?)", name, hint);
    return usage_hint(NULL);
}
