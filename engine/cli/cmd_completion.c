/* cmd_completion.c: `startklar completion bash|zsh` prints a completion
 * script. It holds no list of its own: the commands, their options and
 * arguments are read from the command line's tables (commands.c), the formats, kinds
 * and levels from the library, the profiles from the shipped folder, and the
 * rule ids are asked of `startklar rules list` when completing. */
#include "cli.h"
#include "startklar/authoring.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COMMANDS 24
#define MAX_OPTIONS 40
#define MAX_SUBS 8
#define MAX_PROFILES 32
#define MAX_WORDS 64

typedef struct span {
    const char *p;
    int n;
} span;

/* what a placeholder of the help text completes to */
typedef enum { V_NONE, V_FILES, V_DIRS, V_KINDS, V_RULES, V_FORMATS, V_LEVELS, V_PROFILES, V_LITERAL } values;

static const struct {
    const char *placeholder;
    values v;
} PLACEHOLDERS[] = {
    {"FILE", V_FILES},  {"PATH", V_FILES},    {"DIR", V_DIRS},        {"KIND", V_KINDS},
    {"ID", V_RULES},    {"F", V_FORMATS},     {"LEVEL", V_LEVELS},    {"NAME", V_PROFILES},
    {"FILE.db", V_FILES}, {"OLD", V_FILES},
};

typedef struct option_arg {
    span name;  /* "--format", "-o" */
    span value; /* its placeholder ("F", "sv|en"); n = 0: a flag */
} option_arg;

typedef struct command_info {
    span name, desc;
    span subs[MAX_SUBS];
    size_t nsubs;
    option_arg opts[MAX_OPTIONS];
    size_t nopts;
    span positional; /* the placeholder of its operands; n = 0: none */
} command_info;

typedef struct model {
    command_info cmds[MAX_COMMANDS];
    size_t ncmds;
    const char *profiles[MAX_PROFILES];
    size_t nprofiles;
    char profile_names[MAX_PROFILES][64];
    char store[16384]; /* the words the spans point into: "--format", "check PATH...  check YAML files" */
    size_t used;
} model;

static int span_is(span s, const char *text)
{
    return (size_t)s.n == strlen(text) && strncmp(s.p, text, (size_t)s.n) == 0;
}

/* The next space-separated token of [p, end), without brackets, trailing
 * punctuation and "..." ; n = 0 at the end. */
static span next_token(const char **p, const char *end)
{
    while (*p < end && (**p == ' ' || **p == '(' || **p == '['))
        (*p)++;
    span t = {*p, 0};
    while (*p < end && **p != ' ')
        (*p)++;
    t.n = (int)(*p - t.p);
    while (t.n > 0 && strchr("),;:.]", t.p[t.n - 1]))
        t.n--;
    return t;
}

static int is_option(span t)
{
    return t.n >= 2 && t.p[0] == '-' && ((t.p[1] >= 'a' && t.p[1] <= 'z') || t.p[1] == '-');
}

/* A placeholder: upper case (DIR, YYYY-MM-DD, I/N) or alternatives (sv|en). */
static int is_placeholder(span t)
{
    if (t.n && memchr(t.p, '|', (size_t)t.n))
        return 1;
    int upper = 0;
    for (int i = 0; i < t.n; i++) {
        if (t.p[i] >= 'a' && t.p[i] <= 'z')
            return 0;
        upper |= t.p[i] >= 'A' && t.p[i] <= 'Z';
    }
    return upper;
}

static values values_of(span placeholder)
{
    if (placeholder.n == 0)
        return V_NONE;
    if (memchr(placeholder.p, '|', (size_t)placeholder.n))
        return V_LITERAL;
    for (size_t i = 0; i < sizeof PLACEHOLDERS / sizeof PLACEHOLDERS[0]; i++)
        if (span_is(placeholder, PLACEHOLDERS[i].placeholder))
            return PLACEHOLDERS[i].v;
    return V_NONE;
}

static command_info *command_named(model *m, span name, int add)
{
    for (size_t i = 0; i < m->ncmds; i++)
        if (m->cmds[i].name.n == name.n && strncmp(m->cmds[i].name.p, name.p, (size_t)name.n) == 0)
            return &m->cmds[i];
    if (!add || m->ncmds == MAX_COMMANDS)
        return NULL;
    command_info *c = &m->cmds[m->ncmds++];
    memset(c, 0, sizeof *c);
    c->name = name;
    return c;
}

static int add_option(command_info *c, span name, span value)
{
    for (size_t i = 0; i < c->nopts; i++)
        if (c->opts[i].name.n == name.n && strncmp(c->opts[i].name.p, name.p, (size_t)name.n) == 0) {
            if (!c->opts[i].value.n)
                c->opts[i].value = value;
            return 0;
        }
    if (c->nopts == MAX_OPTIONS)
        return -1;
    c->opts[c->nopts++] = (option_arg){name, value};
    return 0;
}

/* Every option (and its placeholder) named in [p, end), for the commands. */
static int add_options(command_info **cmds, size_t n, const char *p, const char *end, span *positional)
{
    for (span t; (t = next_token(&p, end)).n;) {
        if (!is_option(t)) {
            if (positional && !positional->n && is_placeholder(t))
                *positional = t;
            continue;
        }
        const char *save = p;
        span v = next_token(&p, end);
        if (!is_placeholder(v)) {
            v.n = 0;
            p = save;
        }
        for (size_t i = 0; i < n; i++)
            if (add_option(cmds[i], t, v))
                return -1;
    }
    return 0;
}

/* "  check PATH...       check YAML files": the command, its subcommand,
 * options and operands, and its description (after two spaces). */
static int read_command_line(model *m, const char *p, const char *end)
{
    while (p < end && *p == ' ')
        p++;
    const char *gap = strstr(p, "  ");
    const char *synopsis_end = gap && gap < end ? gap : end;
    span name = next_token(&p, synopsis_end);
    command_info *c = command_named(m, name, 1);
    if (!c)
        return -1;
    const char *save = p;
    span sub = next_token(&p, synopsis_end);
    if (sub.n && sub.p[0] >= 'a' && sub.p[0] <= 'z') {
        if (c->nsubs == MAX_SUBS)
            return -1;
        c->subs[c->nsubs++] = sub;
    } else {
        p = save;
    }
    if (!c->desc.n && synopsis_end < end) {
        const char *d = synopsis_end;
        while (d < end && *d == ' ')
            d++;
        c->desc = (span){d, (int)(end - d)};
    }
    command_info *one[] = {c};
    if (add_options(one, 1, p, synopsis_end, &c->positional))
        return -1;
    return add_options(one, 1, synopsis_end, end, NULL);
}

/* A copy of the printf result in the model's store, as a span; n = 0 when full. */
static span keep(model *m, const char *fmt, const char *a, const char *b, const char *c)
{
    size_t room = sizeof m->store - m->used;
    int n = snprintf(m->store + m->used, room, fmt, a, b, c);
    if (n < 0 || (size_t)n >= room)
        return (span){NULL, 0};
    span s = {m->store + m->used, n};
    m->used += (size_t)n + 1;
    return s;
}

/* Each command's usage lines ("rules explain ID  one rule's ...": its
 * sub-commands, operands and description) and the options it takes. */
static int read_tables(model *m)
{
    for (const cli_command *c = cli_commands(); c->name; c++) {
        for (size_t u = 0; u < MAX_USAGES && c->usage[u][0]; u++) {
            span line = keep(m, "%s %s  %s", c->name, c->usage[u][0], c->usage[u][1]);
            if (!line.n || read_command_line(m, line.p, line.p + line.n))
                return -1;
        }
        command_info *ci = command_named(m, (span){c->name, (int)strlen(c->name)}, 0);
        for (const cli_option *o = cli_options(); ci && o->name; o++) {
            if (!(o->commands & c->bit))
                continue;
            span value = {o->arg, o->arg ? (int)strlen(o->arg) : 0};
            char letter[2] = {o->letter, 0};
            span name = keep(m, "--%s%s%s", o->name, "", "");
            if (!name.n || add_option(ci, name, value))
                return -1;
            if (o->letter && (!(name = keep(m, "-%s%s%s", letter, "", "")).n || add_option(ci, name, value)))
                return -1;
        }
    }
    return m->ncmds ? 0 : -1;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The shipped profiles: rules/NAME.yaml. */
static void read_profiles(model *m)
{
    char buf[PATH_MAX];
    DIR *d = opendir(builtin_profiles(buf, sizeof buf));
    if (!d)
        return;
    for (struct dirent *e; (e = readdir(d)) && m->nprofiles < MAX_PROFILES;) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 6 || len >= sizeof m->profile_names[0] ||
            strcmp(e->d_name + len - 5, ".yaml") != 0)
            continue;
        snprintf(m->profile_names[m->nprofiles], sizeof m->profile_names[0], "%.*s", (int)(len - 5), e->d_name);
        m->profiles[m->nprofiles] = m->profile_names[m->nprofiles];
        m->nprofiles++;
    }
    closedir(d);
    qsort(m->profiles, m->nprofiles, sizeof m->profiles[0], by_name);
}

/* The words of a list of values, space-separated. */
static void print_words(FILE *out, const model *m, values v, span placeholder)
{
    const char *words[MAX_WORDS];
    size_t n = 0;
    switch (v) {
    case V_FORMATS:
        for (const char *f; n < MAX_WORDS && (f = sk_report_format_name(n));)
            words[n++] = f;
        break;
    case V_LEVELS:
        for (int s = SK_SEV_NONE; s <= SK_SEV_ERROR; s++)
            words[n++] = sk_severity_name((sk_severity)s);
        break;
    case V_KINDS:
        for (const char *k; n < MAX_WORDS && (k = sk_schema_kind(n));) /* the document kinds */
            words[n++] = k;
        break;
    case V_PROFILES:
        for (size_t i = 0; i < m->nprofiles; i++)
            words[n++] = m->profiles[i];
        break;
    case V_LITERAL:
        for (int i = 0; i < placeholder.n; i++)
            fputc(placeholder.p[i] == '|' ? ' ' : placeholder.p[i], out);
        return;
    default:
        return;
    }
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s%s", i ? " " : "", words[i]);
}

static void print_span(FILE *out, span s)
{
    fprintf(out, "%.*s", s.n, s.p);
}

/* The options that take a value, each once, over every command. */
static size_t value_options(const model *m, const option_arg **out)
{
    size_t n = 0;
    for (size_t c = 0; c < m->ncmds; c++)
        for (size_t i = 0; i < m->cmds[c].nopts; i++) {
            const option_arg *o = &m->cmds[c].opts[i];
            int dup = 0;
            for (size_t j = 0; j < n && !dup; j++)
                dup = out[j]->name.n == o->name.n && strncmp(out[j]->name.p, o->name.p, (size_t)o->name.n) == 0;
            if (!dup && o->value.n)
                out[n++] = o;
        }
    return n;
}

/* ---- the two shells ------------------------------------------------------
 * One script shape for both, spelt in each shell's words:
 *   find the command and subcommand before the cursor (skipping options and
 *   their values); after an option that takes a value, complete the value;
 *   with no command yet, the commands; else the command's options (after
 *   "-"), its subcommands, or its operands. */

typedef struct dialect {
    const char *shell;
    const char *head;   /* the first lines; %s: the version */
    const char *locals; /* the function's opening, with cmd, sub, i and prev */
    const char *words;  /* the array of the command line's words */
    int first;          /* the index of the word after "startklar" */
    const char *cword;  /* the index of the word at the cursor */
    const char *offer_open, *offer_close; /* around a list of words to offer */
    const char *files, *dirs, *rules, *nothing;
    const char *dashed; /* the test that the word at the cursor is an option */
    void (*commands)(FILE *out, const model *m, const struct dialect *d);
    const char *tail;
} dialect;

/* What a value of kind v completes to. */
static void print_values(FILE *out, const model *m, const dialect *d, values v, span placeholder)
{
    switch (v) {
    case V_FILES:
        fputs(d->files, out);
        break;
    case V_DIRS:
        fputs(d->dirs, out);
        break;
    case V_RULES:
        fputs(d->rules, out);
        break;
    case V_NONE:
        fputs(d->nothing, out);
        break;
    case V_PROFILES: /* a shipped profile's name or a profile file */
        fputs(d->offer_open, out);
        print_words(out, m, v, placeholder);
        fprintf(out, "%s; %s", d->offer_close, d->files);
        break;
    default:
        fputs(d->offer_open, out);
        print_words(out, m, v, placeholder);
        fputs(d->offer_close, out);
    }
}

static void print_offer(FILE *out, const dialect *d, const span *words, size_t n, size_t stride)
{
    fputs(d->offer_open, out);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? " " : "", out);
        print_span(out, *(const span *)((const char *)words + i * stride));
    }
    fputs(d->offer_close, out);
}

static void print_script(FILE *out, const model *m, const dialect *d)
{
    fprintf(out, d->head, SK_VERSION);
    fputs(d->locals, out);
    const option_arg *vo[MAX_COMMANDS * MAX_OPTIONS];
    size_t n = value_options(m, vo);
    fprintf(out, "    for ((i = %d; i < %s; i++)); do\n        case ${%s[i]} in\n        ", d->first, d->cword,
            d->words);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? "|" : "", out);
        print_span(out, vo[i]->name);
    }
    fprintf(out, ") i=$((i + 1)) ;;\n"
                 "        -*) ;;\n"
                 "        *) if [[ -z $cmd ]]; then cmd=${%s[i]}; elif [[ -z $sub ]]; then sub=${%s[i]}; fi ;;\n"
                 "        esac\n"
                 "    done\n"
                 "    case $prev in\n",
            d->words, d->words);
    for (size_t i = 0; i < n; i++) {
        fputs("        ", out);
        print_span(out, vo[i]->name);
        fputs(") ", out);
        print_values(out, m, d, values_of(vo[i]->value), vo[i]->value);
        fputs("; return ;;\n", out);
    }
    fputs("    esac\n"
          "    if [[ -z $cmd ]]; then\n",
          out);
    d->commands(out, m, d);
    fputs("        return\n"
          "    fi\n"
          "    case $cmd in\n",
          out);
    for (size_t c = 0; c < m->ncmds; c++) {
        const command_info *ci = &m->cmds[c];
        fputs("    ", out);
        print_span(out, ci->name);
        fprintf(out, ")\n        if %s; then ", d->dashed);
        print_offer(out, d, &ci->opts[0].name, ci->nopts, sizeof ci->opts[0]);
        if (ci->nsubs) {
            fputs("\n        elif [[ -z $sub ]]; then ", out);
            print_offer(out, d, ci->subs, ci->nsubs, sizeof ci->subs[0]);
        }
        fputs("\n        else ", out);
        print_values(out, m, d, values_of(ci->positional), ci->positional);
        fputs("\n        fi ;;\n", out);
    }
    fputs("    esac\n}\n", out);
    fputs(d->tail, out);
}

static void bash_commands(FILE *out, const model *m, const dialect *d)
{
    fputs("        ", out);
    print_offer(out, d, &m->cmds[0].name, m->ncmds, sizeof m->cmds[0]);
    fputc('\n', out);
}

/* zsh shows each command with its description from the help */
static void zsh_commands(FILE *out, const model *m, const dialect *d)
{
    (void)d;
    fputs("        local -a commands=(\n", out);
    for (size_t c = 0; c < m->ncmds; c++) {
        fputs("            '", out);
        print_span(out, m->cmds[c].name);
        fputc(':', out);
        for (int i = 0; i < m->cmds[c].desc.n; i++) { /* colons escaped, no quotes */
            char ch = m->cmds[c].desc.p[i];
            if (ch == ':')
                fputc('\\', out);
            if (ch != '\'')
                fputc(ch, out);
        }
        fputs("'\n", out);
    }
    fputs("        )\n"
          "        _describe command commands\n",
          out);
}

static const dialect SHELLS[] = {
    {
        .shell = "bash",
        .head = "# bash completion for startklar %s, written by `startklar completion bash`\n",
        .locals = "_startklar() {\n"
                  "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd= sub= i\n"
                  "    COMPREPLY=()\n",
        .words = "COMP_WORDS",
        .first = 1,
        .cword = "COMP_CWORD",
        .offer_open = "COMPREPLY+=($(compgen -W \"",
        .offer_close = "\" -- \"$cur\"))",
        .files = "COMPREPLY+=($(compgen -f -- \"$cur\"))",
        .dirs = "COMPREPLY+=($(compgen -d -- \"$cur\"))",
        .rules = "COMPREPLY+=($(compgen -W \"$(\"$1\" rules list 2>/dev/null | awk 'NR > 1 {print $1}')\" -- \"$cur\"))",
        .nothing = "COMPREPLY=()",
        .dashed = "[[ $cur == -* ]]",
        .commands = bash_commands,
        .tail = "complete -o filenames -F _startklar startklar\n",
    },
    {
        .shell = "zsh",
        .head = "#compdef startklar\n# zsh completion for startklar %s, written by `startklar completion zsh`\n",
        .locals = "_startklar() {\n"
                  "    local cmd= sub= i prev=${words[CURRENT-1]}\n",
        .words = "words",
        .first = 2,
        .cword = "CURRENT",
        .offer_open = "compadd -- ",
        .offer_close = "",
        .files = "_files",
        .dirs = "_files -/",
        .rules = "compadd -- ${${(f)\"$(${words[1]} rules list 2>/dev/null)\"}[2,-1]%% *}",
        .nothing = "true",
        .dashed = "[[ $PREFIX == -* ]]",
        .commands = zsh_commands,
        .tail = "_startklar \"$@\"\n",
    },
};

int cmd_completion(int argc, char **argv)
{
    if (argc != 2)
        return usage_error("completion takes one shell: bash or zsh%s", "");
    for (size_t i = 0; i < sizeof SHELLS / sizeof SHELLS[0]; i++) {
        if (strcmp(argv[1], SHELLS[i].shell) != 0)
            continue;
        model *m = calloc(1, sizeof *m);
        if (!m) {
            cli_fail("out of memory");
            return 2;
        }
        if (read_tables(m)) {
            free(m);
            fprintf(stderr, "startklar: internal error: the command table has more commands or options "
                            "than the completion can hold\n");
            return 2;
        }
        read_profiles(m);
        print_script(stdout, m, &SHELLS[i]);
        free(m);
        if (fflush(stdout) != 0 || ferror(stdout)) {
            fprintf(stderr, "startklar: cannot write the completion script\n");
            return 2;
        }
        return 0;
    }
    return usage_error("completion knows the shells bash and zsh, not '%s'", argv[1]);
}
