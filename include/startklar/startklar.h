/* startklar.h: the public API of libstartklar.
 *
 * The engine is a pipeline and this header follows it:
 *   load   files -> documents (a tree with positions, checked against the schema)
 *   group  documents -> units, by unit.hsa_id
 *   run    a runtime (one lua_State and the rules) checks one unit at a time
 *   judge  findings + --fail-on -> unit status, summary and exit code
 *   report one writer per format
 * Every object is owned by the caller that created it; nothing here keeps
 * global mutable state, so separate runtimes may be used from separate
 * threads. Errors are values (sk_error) carrying file:line:column. */
#ifndef STARTKLAR_H
#define STARTKLAR_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SK_VERSION "0.1.0"

/* ---- severities -------------------------------------------------------- */

typedef enum {
    SK_SEV_NONE = 0, /* only as a --fail-on level: "never" */
    SK_SEV_INFO = 1,
    SK_SEV_WARNING = 2,
    SK_SEV_ERROR = 3
} sk_severity;

const char *sk_severity_name(sk_severity s);
/* Parses "error", "warning", "info" (and "never" when allow_never). 0 on success. */
int sk_severity_parse(const char *text, int allow_never, sk_severity *out);

/* ---- errors: everything that could not be judged ------------------------ */

typedef enum {
    SK_ERR_INPUT,  /* a file that is not valid input */
    SK_ERR_PLUGIN, /* a rule file that does not load or whose metadata is wrong */
    SK_ERR_RULE,   /* a rule that failed or was stopped while checking a unit */
    SK_ERR_USAGE,  /* a bad command line or option */
    SK_ERR_POLICY, /* a profile, waiver or baseline that is wrong */
    SK_ERR_WARNING /* not an error: an expired or stale waiver (sk_result.warnings) */
} sk_error_kind;

typedef struct sk_error {
    sk_error_kind kind;
    char *file;      /* may be NULL */
    int line;        /* 1-based; 0 when unknown */
    int column;      /* 1-based; 0 when unknown */
    char *message;
    char *rule;      /* SK_ERR_RULE: the rule id */
    char *unit;      /* SK_ERR_RULE, or SK_ERR_INPUT when the unit is known */
    char *traceback; /* SK_ERR_RULE: Lua traceback, may be NULL */
    /* How message was made, for its translation (a gettext-like catalogue
     * is keyed by the English format): the printf format and each of its
     * arguments as text. NULL and 0 when message was set directly. */
    char *format;
    char **args;
    size_t nargs;
} sk_error;

typedef struct sk_errors {
    sk_error *items;
    size_t count, cap;
} sk_errors;

void sk_errors_init(sk_errors *e);
void sk_errors_free(sk_errors *e);
/* Appends an error; the strings are copied. Returns 0, or -1 when out of memory. */
int sk_errors_add(sk_errors *e, sk_error_kind kind, const char *file, int line, int column,
                  const char *fmt, ...) __attribute__((format(printf, 6, 7)));
int sk_errors_addv(sk_errors *e, sk_error_kind kind, const char *file, int line, int column,
                   const char *fmt, va_list ap);
/* Appends a copy of x (message, format and arguments). 0 or -1. */
int sk_errors_copy(sk_errors *e, const sk_error *x);
/* Sets x's message (and format and arguments) from fmt; x's other fields
 * are left as they are. 0, or -1 when out of memory. */
int sk_error_set(sk_error *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Frees the strings of one error and zeroes it. */
void sk_error_clear(sk_error *x);
/* Sorts by file, line, column, message so reports are deterministic. */
void sk_errors_sort(sk_errors *e);

/* ---- limits ------------------------------------------------------------- */

typedef struct sk_limits {
    size_t max_file_bytes;       /* larger input files are rejected */
    size_t max_scalar_bytes;     /* one scalar value */
    int max_depth;               /* nesting of maps and lists */
    size_t max_nodes;            /* nodes of a file after alias expansion */
    unsigned long rule_budget;   /* Lua instructions per rule call */
    size_t rule_memory;          /* bytes a rule call may add to its lua_State */
    size_t state_memory;         /* bytes one lua_State may hold in all */
    unsigned long rule_time_ms;  /* wall-clock milliseconds per rule call (0: no deadline) */
    size_t rule_findings;        /* findings one rule call may report */
    size_t rule_finding_bytes;   /* bytes of message and path text one rule call may report */
    size_t unit_findings;        /* findings all rules together may report on one unit */
    size_t unit_finding_bytes;   /* bytes of message and path text of one unit's findings */
    size_t index_memory;         /* bytes of a batch's unit index kept in memory; the rest
                                    is sorted in runs in $TMPDIR (0: the default) */
} sk_limits;

/* The defaults documented in docs/security.md. */
sk_limits sk_limits_default(void);

/* ---- load: files -> documents ------------------------------------------ */

typedef struct sk_docset sk_docset; /* owns every document loaded into it */

sk_docset *sk_docset_new(const sk_limits *limits);
void sk_docset_free(sk_docset *ds);
/* Loads every document of one file. An invalid document is reported in errs
 * and left out; the others are kept. Returns the number of errors added. */
int sk_load_file(sk_docset *ds, const char *path, sk_errors *errs);
/* The same for bytes in memory; name is used in positions. */
int sk_load_buffer(sk_docset *ds, const char *name, const char *bytes, size_t len,
                   sk_errors *errs);
size_t sk_docset_count(const sk_docset *ds);

/* ---- config: a configuration file (kind config) as flat settings ----------- */

typedef struct sk_setting {
    char *key;   /* a top-level key of the document: "rules", "fail_on" */
    char *value; /* its text; a list gives one setting per item, in order */
    int line;
} sk_setting;
typedef struct sk_settings {
    sk_setting *items;
    size_t count;
} sk_settings;
/* Reads the configuration file at path. 0; 1 when it is not a valid config
 * document (said in errs, as policy errors); -1 when out of memory. */
int sk_config_read(const char *path, sk_settings *out, sk_errors *errs);
void sk_settings_free(sk_settings *s);

/* Files to check: each path that is a directory contributes every *.yaml and
 * *.yml below it (sorted); a file is taken as it is. Unreadable paths and
 * symlink loops become errors. The list is returned in *out (free with
 * sk_paths_free). Returns 0, or -1 when out of memory. */
typedef struct sk_paths {
    char **items;
    size_t count, cap;
} sk_paths;
int sk_discover(const char *const *paths, size_t n, sk_paths *out, sk_errors *errs);
void sk_paths_free(sk_paths *p);

/* ---- group: documents -> units ---------------------------------------- */

typedef struct sk_unitset sk_unitset;
typedef struct sk_unit sk_unit;

/* Groups the documents of ds by HSA-id (units sorted by id). ds must outlive it. */
sk_unitset *sk_group(const sk_docset *ds, const sk_errors *load_errors);
void sk_unitset_free(sk_unitset *us);
size_t sk_unitset_count(const sk_unitset *us);
const sk_unit *sk_unitset_get(const sk_unitset *us, size_t i);
const char *sk_unit_id(const sk_unit *u);
const char *sk_unit_name(const sk_unit *u);

/* ---- the shipped files ------------------------------------------------- */

typedef enum {
    SK_DIR_PLUGINS, /* the built-in rules (pkg-config --variable=plugindir startklar) */
    SK_DIR_PROFILES /* the shipped profiles: default, prelaunch (--variable=profiledir) */
} sk_dir;

/* Where they are: $STARTKLAR_PLUGINS / $STARTKLAR_PROFILES when set; else
 * share/startklar/ of the installation libstartklar.so (or the program it is
 * linked into) was loaded from, so a moved installation still finds them;
 * else the source tree, for a program run from the build tree; else the
 * directory chosen at install time. Returns the variable's value or buf,
 * NULL only when the path does not fit in size (PATH_MAX always fits). */
const char *sk_dir_path(sk_dir which, char *buf, size_t size);

/* ---- rules ------------------------------------------------------------- */

typedef struct sk_rules sk_rules;

typedef enum {
    SK_PARAM_INTEGER,
    SK_PARAM_NUMBER,
    SK_PARAM_STRING,
    SK_PARAM_BOOLEAN,
    SK_PARAM_LIST /* a list of strings or numbers */
} sk_param_type;

typedef struct sk_param {
    char *name;
    sk_param_type type;
    char *default_json;        /* the rule's default, as JSON */
    const void *profile_value; /* the profile's value (a document node), or NULL */
    const char *profile_file;  /* where the profile set it */
} sk_param;

/* A text in several languages (RULE-API.md Revision 2): one item per
 * language the rule declares, sorted by language code. A plain string is one
 * item with lang "" (shown as written in every language). */
typedef struct sk_text {
    char *lang; /* "en", "sv", ... or "" for a plain string */
    char *text;
} sk_text;

typedef struct sk_texts {
    sk_text *items;
    size_t count;
} sk_texts;

/* The text of t for lang: lang's own, a plain string, English, the first
 * declared; NULL when t is empty. */
const sk_text *sk_texts_pick(const sk_texts *t, const char *lang);

/* One message a rule declares: a template per language, with {name} and
 * {name:format} placeholders (docs/writing-rules.md). */
typedef struct sk_message_def {
    char *id;
    sk_texts texts;
} sk_message_def;

typedef struct sk_rule_info {
    const char *id;
    sk_severity severity;         /* after the profile */
    sk_severity default_severity; /* as the rule declares it */
    const char *applies_to; /* a document kind or "unit" */
    const char *title;
    const char *explain;    /* may be NULL */
    const char *file;       /* the plugin file it came from */
    int line;               /* line of its check function */
    sk_param *params;       /* its parameters, sorted by name */
    size_t nparams;
    sk_texts titles;        /* title, explain and fix per language (title and */
    sk_texts explains;      /* explain above: the text of the run's language) */
    sk_texts fixes;
    sk_message_def *messages; /* sorted by id */
    size_t nmessages;
} sk_rule_info;

/* Loads every *.lua plugin below each directory (sorted). A plugin that does
 * not load, or whose metadata is wrong, is reported in errs and left out.
 * Returns NULL only when out of memory. */
sk_rules *sk_rules_load(const char *const *dirs, size_t n, const sk_limits *limits,
                        sk_errors *errs);
void sk_rules_free(sk_rules *r);
size_t sk_rules_count(const sk_rules *r);
const sk_rule_info *sk_rules_get(const sk_rules *r, size_t i); /* sorted by id */
/* Whether the rule at i runs (a profile, --only and --skip decide); 0 for
 * no rules. */
int sk_rules_enabled(const sk_rules *r, size_t i);
/* The rule with this id, or NULL (also for no rules or no id). */
const sk_rule_info *sk_rules_find(const sk_rules *r, const char *id);
/* Keeps only the rules matching one of the comma-separated ids or prefixes
 * in only (NULL: all), then switches off those matching skip. A selector
 * that matches no rule is an error. Returns the number of errors added. */
int sk_rules_select(sk_rules *r, const char *only, const char *skip, sk_errors *errs);

/* Enables only the rules of one plugin file (for `startklar test`); returns
 * how many rules that file has. */
size_t sk_rules_enable_file(sk_rules *r, const char *plugin_file);

/* ---- run: one runtime per worker --------------------------------------- */

typedef struct sk_waiver sk_waiver;

/* A value a rule reports with a message by id (report{ data = {...} }). */
typedef enum { SK_VAL_STR, SK_VAL_INT, SK_VAL_NUM, SK_VAL_BOOL, SK_VAL_LIST } sk_value_type;

typedef struct sk_value {
    char *name;
    sk_value_type type;
    union {
        char *s;
        long long i;
        double n;
        int b;
        struct {
            char **items;
            size_t count;
        } list; /* of strings */
    } v;
} sk_value;

/* A finding against a baseline (SARIF's baselineState). */
typedef enum {
    SK_BASELINE_NONE,      /* no baseline was given */
    SK_BASELINE_NEW,       /* not in the baseline, or now more severe than it recorded */
    SK_BASELINE_UNCHANGED, /* in the baseline as it is */
    SK_BASELINE_UPDATED    /* in the baseline, with another message or a lower severity */
} sk_baseline_state;

typedef struct sk_finding {
    char *rule;
    sk_severity severity;
    char *message;    /* the text: rendered in English when reported, in the
                         report's language by the report stage */
    char *message_id; /* a key of the rule's messages, or NULL for a plain message */
    sk_value *data;   /* the values of its placeholders, sorted by name */
    size_t ndata;
    const char *lang; /* the language message is in ("" plain; static) */
    char *file; /* the document's file, as given */
    int line, column;
    char *path; /* "target_groups[2].owner" */
    char *stable_path; /* "target_groups[id=chefer].owner": list items by their identity
                          (docs/gating.md); NULL: path */
    char *owner; /* who is to act on it: report{ owner = ... }, else the nearest `owner` on
                    its path, else the unit's team.manager; NULL: the documents name none */
    int waived;               /* a waiver accepts it: it does not fail the unit */
    const sk_waiver *waiver;  /* which one (owned by the result's policy) */
    int known;                /* it is in the baseline: it does not fail the unit */
    sk_baseline_state baseline; /* against the --baseline (SK_BASELINE_NONE without one) */
} sk_finding;

/* One accepted gap (a waivers document, docs/gating.md). */
struct sk_waiver {
    char *rule, *unit, *path, *reason, *approved_by, *expires;
    char *file;
    int line, column;
    size_t matched; /* findings it waived in this run */
    long days_left;  /* days from --as-of to expires */
    int expiring;    /* in force, and expires within waivers.expiring_days */
};

/* A unit's verdict. KNOWN_GAPS: every unwaived finding at or above --fail-on
 * is in the baseline ("ready (known gaps)": it does not fail the run). */
typedef enum { SK_UNIT_PASS, SK_UNIT_FAIL, SK_UNIT_ERROR, SK_UNIT_KNOWN_GAPS } sk_unit_status;
#define SK_UNIT_STATUSES 4

/* Where a unit stands in the rollout at --as-of (judge stage, rollout.c):
 * ready; AT_RISK: not ready and launching within the profile's
 * rollout.at_risk_days (default 30) from as-of, launch day included;
 * NOT_READY: not ready, launching later or with no launch date;
 * LAUNCHED_NOT_READY: not ready and the launch date has passed. */
typedef enum {
    SK_ROLLOUT_READY,
    SK_ROLLOUT_AT_RISK,
    SK_ROLLOUT_NOT_READY,
    SK_ROLLOUT_LAUNCHED_NOT_READY
} sk_rollout;
#define SK_ROLLOUT_STATES 4
#define SK_AT_RISK_DAYS_DEFAULT 30
/* "ready", "at_risk", "not_ready", "launched_not_ready"; NULL past the last. */
const char *sk_rollout_name(sk_rollout r);
/* The English label for people: "ready", "at risk", "not ready", "launched, not ready". */
const char *sk_rollout_label(sk_rollout r);

typedef struct sk_unit_result {
    char *hsa_id;
    char *name;
    char **files; /* the unit's files, sorted, unique */
    size_t nfiles;
    const char **kinds; /* the kinds of its documents that were read, sorted, unique (static names) */
    size_t nkinds;
    sk_finding *findings;
    size_t nfindings, capfindings;
    int load_errors; /* input errors in this unit's documents */
    int rule_errors; /* rules that failed on this unit */
    sk_unit_status status;
    /* the countdown (rollout.c): launch_date from the communication plan and
     * the onboarding checklist; when they disagree, the earliest, disputed */
    char launch_date[11]; /* "YYYY-MM-DD", or "" when no document names one */
    int launch_disputed;
    int days_to_launch;   /* launch_date - as_of in days (only with a launch_date) */
    sk_rollout rollout;
} sk_unit_result;

typedef struct sk_runtime sk_runtime;

/* A fresh lua_State with the sandbox and every rule of r compiled into it.
 * r must outlive it. NULL with *err set on failure. */
sk_runtime *sk_runtime_new(const sk_rules *r, sk_error *err);
/* Frees the runtime. Returns the bytes its lua_State still counted after
 * lua_close: 0, or a leak the caller must report as an internal error. */
size_t sk_runtime_free(sk_runtime *rt);
/* Runs every rule on one unit at the date as_of ("YYYY-MM-DD"). Findings go to
 * out (which the caller zeroes first), rule failures to errs. Returns 0, or -1
 * when out of memory. */
int sk_runtime_check(sk_runtime *rt, const sk_unit *u, const char *as_of, sk_unit_result *out,
                     sk_errors *errs);
void sk_unit_result_free(sk_unit_result *r);

/* ---- judge ------------------------------------------------------------- */

typedef struct sk_gap {
    char *rule;
    size_t units; /* units with at least one finding of the rule */
} sk_gap;

typedef struct sk_unit_count {
    char *hsa_id;
    size_t count;
} sk_unit_count;

#define SK_TOP 10

typedef struct sk_summary {
    size_t units, passed, failed, errored;
    size_t known_gaps;      /* units ready only because their gaps are in the baseline */
    size_t errors;          /* entries of the error list */
    size_t findings[4];     /* by sk_severity */
    size_t files;           /* input files read */
    sk_gap *gaps;           /* every rule with findings; after sk_judge_finish:
                               most units first, then by rule id */
    size_t ngaps, capgaps;
    sk_unit_count most_errors[SK_TOP]; /* units with the most error findings */
    size_t nmost_errors;
    size_t rollout[SK_ROLLOUT_STATES]; /* units by sk_rollout */
    size_t open_findings[4]; /* by sk_severity: neither waived nor known from the
                                baseline, the ones --max-warnings counts */
} sk_summary;

/* A rule as the reports see it: plain data, its texts in the report's
 * language (the report stage knows nothing of the rules' Lua side). */
typedef struct sk_rule_meta {
    const char *id;
    const char *title;
    const char *explain; /* may be NULL */
    const char *applies_to;
    sk_severity severity;
    int enabled; /* ran in this run */
    const sk_param *params; /* its parameters and their defaults (sarif's help) */
    size_t nparams;
} sk_rule_meta;

/* The metadata of every loaded rule, sorted by id, for reports (its strings
 * belong to r, which must outlive it). NULL with *n 0 when out of memory. */
sk_rule_meta *sk_rules_meta(const sk_rules *r, size_t *n);

typedef struct sk_result {
    const char *tool_version;
    const char *as_of;
    const char *profile;
    sk_severity fail_on;
    sk_unit_result *units; /* kept only when the report is not streamed */
    size_t nunits;
    sk_errors errors;
    sk_summary summary;
    const sk_rules *rules; /* the rules that ran */
    const sk_rule_meta *rule_meta; /* what the reports know of them: sorted by id */
    size_t nrule_meta;
    sk_rule_meta *owned_meta;      /* freed with the result */
    sk_rules *owned_rules; /* freed with the result when sk_check loaded them */
    struct sk_policy *policy; /* profile values, waivers and baseline in force (owned) */
    sk_errors warnings;    /* expired, stale and expiring waivers, an old baseline: reported,
                              not failing */
    sk_errors fixed;       /* entries of the baseline no finding matched, of units this run
                              judged whole: unit and rule in their fields, the path as message */
    int stopped;           /* a usage or policy error stopped the run before any unit was
                              judged: the report holds the errors alone */
    sk_errors skipped;     /* files walked that are not input: no document with a kind
                              (docker-compose.yml), or a profile, baseline or configuration;
                              the file, and why as the message */
    const struct sk_catalogue *catalogue; /* the report's language; NULL: English */
} sk_result;

/* Judges one unit: sorts its findings, sets its status against fail_on and
 * adds it to the summary. Returns 0, or -1 when out of memory. */
int sk_judge_unit(sk_result *res, sk_unit_result *u);
/* Sorts the errors and the summary's lists; returns the exit code: 2 when
 * anything could not be judged, else 1 when a unit failed, else 0. */
int sk_judge_finish(sk_result *res);
/* Both, over res->units. */
int sk_judge(sk_result *res);

/* ---- report ------------------------------------------------------------ */

/* One recorded audit in a report's trend (html, with --history FILE.db). */
typedef struct sk_trend_point {
    char as_of[11];
    size_t rollout[SK_ROLLOUT_STATES];
} sk_trend_point;

typedef struct sk_report_options {
    int color;   /* ANSI colours in text output */
    int verbose; /* text: list the files skipped, not only count them */
    int quiet;   /* text: only the units that are not ready, and the errors */
    const sk_trend_point *trend; /* audits before this one, oldest first (html) */
    size_t ntrend;
    char csv_separator; /* csv: ',', ';' or '\t'; 0: ';' when the report is in Swedish, else ',' */
} sk_report_options;

/* Writes res in the named format ("text", "json", "jsonl", ...): begin,
 * each of res->units, end. Returns 0, -1 on an unknown format, -2 on a write
 * error. */
int sk_report_write(const char *format, const sk_result *res, const sk_report_options *opt,
                    FILE *out);
/* The same in steps, for a report streamed while units are checked: units
 * are passed one at a time in order, end writes the errors and the summary
 * and frees the report. begin returns NULL on an unknown format or when out
 * of memory; unit and end return 0, or -2 on a write error. */
typedef struct sk_report sk_report;
sk_report *sk_report_begin(const char *format, const sk_result *res, const sk_report_options *opt,
                           FILE *out);
int sk_report_unit(sk_report *r, const sk_unit_result *u);
int sk_report_end(sk_report *r);

/* The i-th format sk_report_write knows, or NULL past the last. */
const char *sk_report_format_name(size_t i);

/* ---- the whole pipeline ------------------------------------------------ */

/* --timing: a run's time per stage and per rule (calls, wall time, Lua
 * instructions, bytes allocated). Give sk_check an sk_timing to fill. */
typedef struct sk_timing sk_timing;
sk_timing *sk_timing_new(void); /* NULL when out of memory */
void sk_timing_free(sk_timing *t);
/* Writes t as a table (json 0, labels through c) or as one JSON object
 * {"timing": {...}}. 0, -1 when out of memory, -2 on a write error. */
int sk_timing_write(const sk_timing *t, int json, const struct sk_catalogue *c, FILE *out);

typedef struct sk_check_options {
    const char *const *paths; /* files and directories to check */
    size_t npaths;
    const char *const *rule_dirs; /* where the rules are (built-in first) */
    size_t nrule_dirs;
    sk_rules *rules;          /* or rules already loaded (then rule_dirs is unused) */
    const char *as_of;        /* "YYYY-MM-DD" */
    const char *profile;      /* name shown in reports */
    sk_severity fail_on;
    const sk_limits *limits;  /* NULL: the defaults */
    unsigned jobs;            /* worker threads, each with its own lua_State; 0 = 1 */
    unsigned shard, shards;   /* only units whose shard (1..shards) is shard; shards 0 = all */
    /* The report: when format is set, each unit is written to out as soon as
     * it and all before it are done, and then freed (res->units stays empty). */
    const char *format;
    FILE *out;
    sk_report_options report;
    void (*progress)(void *ud, size_t done, size_t total); /* after each unit */
    void *progress_ud;
    /* policy (docs/gating.md) */
    const char *profile_path;   /* a profile file (see sk_profile_path); NULL: none */
    const char *profiles_dir;   /* where `extends: NAME` looks (the shipped rules/) */
    const char *only, *skip;    /* comma-separated rule ids or prefixes */
    const char *const *waiver_files;
    size_t nwaiver_files;
    const char *baseline;       /* a baseline file: its findings do not fail */
    const struct sk_catalogue *catalogue; /* the report's language; NULL: English */
    int collect_baseline;       /* keep every finding's fingerprint for sk_baseline_write */
    /* called with each unit as soon as it is judged, in order, its messages
     * still in English (`--record` writes it to the history) */
    void (*unit_judged)(void *ud, const sk_unit_result *u);
    void *unit_judged_ud;
    /* below a directory of paths: files (and directories) to leave out, and, when there
     * are include globs, the only files to read (fnmatch on the path relative to it; a
     * glob without '/' also on the name) */
    const char *const *exclude, *const *include;
    size_t nexclude, ninclude;
    /* a file among paths that holds what standard input gave, shown in the report as
     * stdin_name (NULL: "<stdin>"); NULL: none */
    const char *stdin_path, *stdin_name;
    sk_timing *timing; /* --timing: filled when set (NULL: nothing is timed) */
} sk_check_options;

/* The file of a profile given by name ("prelaunch": rules_dir/prelaunch.yaml)
 * or by path (anything with a '/' or ending in .yaml). malloc'd. */
char *sk_profile_path(const char *name_or_path, const char *rules_dir);
/* Applies a profile file to loaded rules (enabled, severity, parameter
 * values), for a program that shows the rules (`rules explain --profile`).
 * The handle keeps the profile's values alive: free it after the rules.
 * NULL when out of memory; errors (a wrong profile) are added to errs. */
typedef struct sk_policy sk_profile;
sk_profile *sk_profile_apply(sk_rules *r, const char *path, const char *profiles_dir, sk_errors *errs);
void sk_profile_free(sk_profile *p);
/* A parameter's value under the applied profile as JSON (malloc'd), or NULL
 * when no profile sets it. */
char *sk_param_profile_json(const sk_param *p);

/* Writes the fingerprints collected by a run (collect_baseline) as a
 * baseline document (version 2, docs/gating.md). 0, or -1 on a write error. */
int sk_baseline_write(const sk_result *res, FILE *out);

/* The shard (1..shards) of a unit key: stable across runs and machines. */
unsigned sk_shard_of(const char *key, unsigned shards);

/* Discovers, loads, groups, runs, judges (and reports, when o->format is set).
 * Nothing is judged (exit 2, res->stopped) without a valid as_of, with no rule
 * to run, or when the profile, --only/--skip, a waiver or the baseline is
 * wrong. Returns the exit code (0, 1, 2), -1 when out of memory, -2 when the
 * report could not be written; res is filled either way (free with
 * sk_result_free). */
int sk_check(const sk_check_options *o, sk_result *res);
void sk_result_free(sk_result *res);

/* Runs the fixtures of every rule below the directories (RULE-API.md layout)
 * and writes one line per fixture and a closing count to out: the lines in
 * cat's language (NULL: English), the count always in English (CI reads it).
 * Every message of every rule must render in each language it declares; the
 * rules below builtin_dir (NULL: none) must declare en and sv.
 * Returns 0 when all pass, 1 when one fails, 2 when a rule is broken. */
/* What `test` measures besides (NULL: nothing). */
typedef struct sk_test_options {
    sk_timing *timing; /* --timing: the fixtures' rule calls */
    int coverage;      /* --coverage: the lines of the rules' Lua the fixtures ran */
    double coverage_min; /* --coverage-min: exit 1 when fewer percent of the lines ran */
} sk_test_options;
/* sk_test_fixtures with timing and coverage (x may be NULL). */
int sk_test_fixtures_with(const char *const *dirs, size_t n, const sk_limits *limits, int verbose,
                          const char *builtin_dir, const struct sk_catalogue *cat, FILE *out,
                          const sk_test_options *x);
int sk_test_fixtures(const char *const *dirs, size_t n, const sk_limits *limits, int verbose,
                     const char *builtin_dir, const struct sk_catalogue *cat, FILE *out);

/* ---- languages ---------------------------------------------------------- */

/* English is the language startklar is written in; a catalogue gives another
 * (engine/i18n/LANG.yaml): exact English texts and printf formats -> their
 * translation, with plural forms. The rules carry their own texts. */
typedef struct sk_catalogue sk_catalogue;
/* Whether lang ("en", "sv") can be reported in. */
int sk_lang_known(const char *lang);
/* The i-th language startklar reports in ("en" first), or NULL past the last. */
const char *sk_lang_name(size_t i);
/* The catalogue of lang, or NULL for English. strict marks every text that
 * lacks a translation (for the tests). Errors in the catalogue are added. */
sk_catalogue *sk_catalogue_load(const char *lang, int strict, sk_errors *errs);
void sk_catalogue_free(sk_catalogue *c);
const char *sk_catalogue_lang(const sk_catalogue *c); /* "en" for NULL */
int sk_catalogue_strict(const sk_catalogue *c);       /* 0 for NULL */
/* A finished English text (a CLI message) in the catalogue's language,
 * malloc'd; NULL when there is none (or c is NULL): use the English. */
char *sk_translate_text(const sk_catalogue *c, const char *english);
/* An error's message in the catalogue's language (its format translated,
 * its arguments put back), malloc'd; NULL when there is none: use it as is. */
char *sk_translate_error(const sk_catalogue *c, const sk_error *e);
/* Every message of list in the catalogue's language, in place; a rule's own
 * error text, from Lua, stays as the rule raised it inside the sentence, and
 * a message without a translation (or short of memory) stays English.
 * Nothing for NULL. */
void sk_translate_errors(const sk_catalogue *c, sk_errors *list);
/* A fixed label, CLI text or printf format in the catalogue's language
 * (itself for NULL). */
const char *sk_label(const sk_catalogue *c, const char *english);
/* The form of a label for the count n: singular for 1, else plural, in the
 * catalogue's language ("%zu unit"/"%zu units" -> "%zu enhet"/"%zu enheter"). */
const char *sk_plural(const sk_catalogue *c, const char *singular, const char *plural, unsigned long long n);
/* Puts the rules' titles and explanations in the catalogue's language. */
int sk_rules_translate(sk_rules *r, const sk_catalogue *c);

/* Whether a text is a real calendar date "YYYY-MM-DD" (1900..9999). */
int sk_date_valid(const char *text, size_t len);

#ifdef __cplusplus
}
#endif
#endif
