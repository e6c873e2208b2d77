/* internal.h: types shared by the engine's stages, not part of the public API.
 * The document tree lives here: the loader builds it, the schema check types
 * its scalars, the runtime hands it to Lua and resolves report paths in it. */
#ifndef SK_INTERNAL_H
#define SK_INTERNAL_H

#include "startklar/startklar.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>

/* ---- arena: every node and string of one file, freed at once ------------- */

typedef struct sk_arena_block sk_arena_block;
typedef struct sk_arena {
    sk_arena_block *head;  /* blocks in use, newest first */
    sk_arena_block *spare; /* blocks kept by a reset, for reuse */
} sk_arena;

void *sk_arena_alloc(sk_arena *a, size_t size); /* zeroed; NULL when out of memory */
char *sk_arena_strndup(sk_arena *a, const char *s, size_t n);
void sk_arena_reset(sk_arena *a); /* everything freed, the blocks kept */
void sk_arena_free(sk_arena *a);
/* Empties a docset for reuse (a batch worker loads one unit after another). */
void sk_docset_reset(sk_docset *ds);

/* ---- growable string -------------------------------------------------------- */

typedef struct sk_buf {
    char *data;
    size_t len, cap;
    int failed; /* an allocation failed; the contents are incomplete */
} sk_buf;

void sk_buf_add(sk_buf *b, const char *s, size_t n);
void sk_buf_puts(sk_buf *b, const char *s);
void sk_buf_printf(sk_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sk_buf_vprintf(sk_buf *b, const char *fmt, va_list ap);
void sk_buf_free(sk_buf *b);

/* Appends s as a JSON string; bytes that are not UTF-8 become U+FFFD. */
void sk_buf_json(sk_buf *b, const char *s);
/* Appends s with every byte that is not UTF-8 as U+FFFD; NULL appends nothing. */
void sk_buf_utf8(sk_buf *b, const char *s);
/* Appends s as XML/HTML text (attribute: also keeps tab and newline as &#9; &#10;);
 * bad UTF-8 and characters XML forbids become U+FFFD. NULL appends nothing. */
void sk_buf_xml(sk_buf *b, const char *s, int attribute);
char *sk_strdup(const char *s); /* NULL when s is NULL or out of memory */
char *sk_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Grows *items (of elem bytes) so that one more fits; 0 or -1. */
int sk_grow(void **items, size_t *cap, size_t count, size_t elem);

/* ---- the document tree --------------------------------------------------- */

typedef enum {
    SK_NODE_NULL,
    SK_NODE_BOOL,
    SK_NODE_INT,
    SK_NODE_NUM,
    SK_NODE_STR,
    SK_NODE_DATE, /* a string "YYYY-MM-DD" known to be a real date */
    SK_NODE_MAP,
    SK_NODE_SEQ
} sk_node_type;

typedef struct sk_node sk_node;

typedef struct sk_pair {
    const char *key;
    int line, column; /* of the key */
    sk_node *value;
} sk_pair;

struct sk_node {
    sk_node_type type;
    int line, column;
    int plain;    /* scalar written without quotes (so it may be a number, a bool, null) */
    size_t size;  /* nodes in this subtree, for the alias expansion cap */
    const char *text; /* scalars: the text as written */
    size_t len;
    union {
        int b;
        long long i;
        double n;
        struct {
            sk_pair *items;
            size_t count;
        } map;
        struct {
            sk_node **items;
            size_t count;
        } seq;
    } v;
};

/* The value under key in a map node, or NULL. */
const sk_node *sk_node_get(const sk_node *map, const char *key);
const sk_pair *sk_node_pair(const sk_node *map, const char *key);

typedef struct sk_doc {
    const char *file;   /* as given */
    const char *kind;
    const char *hsa_id; /* the unit key: unit.hsa_id, or organisation for a strategy without
                           unit; NULL for a policy document */
    const char *unit_name;
    const sk_node *root;
} sk_doc;

struct sk_docset {
    sk_limits limits;
    sk_arena arena;
    sk_doc *docs;
    size_t count, cap;
};

struct sk_unit {
    const char *hsa_id;
    const char *name;
    const sk_doc **docs; /* in load order */
    size_t count, cap;
    int load_errors;            /* input errors in this unit's documents */
    const char **failed_files;  /* their files (owned by the error list) */
    size_t nfailed, capfailed;
};

struct sk_unitset {
    sk_unit *units;
    size_t count;
};

void sk_summary_free(sk_summary *s);

/* ---- message catalogues (i18n.c) ---------------------------------------------- */

/* The translation of a message (of a rule, or the engine's own when rule is
 * NULL), malloc'd; NULL when there is none (strict catalogues mark it). */
char *sk_translate(const sk_catalogue *c, const char *rule, const char *english);

/* ---- policy (policy.c) --------------------------------------------------------- */

typedef struct sk_policy sk_policy; /* sk_profile in the public API */

sk_policy *sk_policy_new(int collect_baseline);
void sk_policy_free(sk_policy *p);
/* Applies the profile file (and what it extends: a name is looked up in
 * profiles_dir, a path is relative to the profile naming it). Errors added. */
int sk_policy_profile(sk_policy *p, sk_rules *r, const char *path, const char *profiles_dir,
                      sk_errors *errs);
int sk_policy_load_waivers(sk_policy *p, const char *path, sk_errors *errs);
/* Takes the waivers of a waivers document (from an input file). */
int sk_policy_add_waivers(sk_policy *p, const sk_doc *d, sk_errors *errs);
int sk_policy_load_baseline(sk_policy *p, const char *path, sk_errors *errs);
/* Marks a finding waived or known (in the baseline). 0 or -1 (out of memory). */
int sk_policy_judge(sk_policy *p, const char *as_of, const char *unit, sk_finding *f);
/* After the last unit: expired and stale waivers, fixed baseline entries. */
int sk_policy_finish(sk_policy *p, const char *as_of, sk_errors *warnings, sk_errors *fixed);

/* ---- the unit index of a batch (index.c) ---------------------------------- */

typedef struct sk_index sk_index;

typedef struct sk_index_options {
    const char *const *paths; /* what to discover */
    size_t npaths;
    const sk_limits *limits;
    unsigned jobs;            /* threads that read the files' keys */
    unsigned shards, shard;   /* keep only the units of this shard (shards 0: all) */
    struct sk_policy *policy; /* receives the waivers documents found among the inputs */
} sk_index_options;

/* One unit of the index: its key and its files in discovery order. */
typedef struct sk_index_unit {
    sk_buf text;         /* the key, then each file's path, each ending in NUL */
    size_t *at;          /* where each file's path starts in text */
    unsigned char *owns; /* per file: this unit reports the file's errors (the least key that reads it) */
    size_t nfiles, cap;
} sk_index_unit;

/* Pass 1: discovers the files and indexes which units they hold, reading
 * them on o->jobs threads. Errors of paths and of files no unit will read
 * are added to errs (also when the index's temporary files fail: then it
 * holds no unit). NULL when out of memory. */
sk_index *sk_index_build(const sk_index_options *o, sk_errors *errs);
size_t sk_index_files(const sk_index *ix); /* every input file */
size_t sk_index_units(const sk_index *ix); /* units to check */
/* Pass 2: the next unit in key order into u (reused unit after unit): 1, 0
 * after the last one, -1 when out of memory. Not thread-safe. */
int sk_index_next(sk_index *ix, sk_index_unit *u, sk_errors *errs);
void sk_index_unit_free(sk_index_unit *u);
void sk_index_free(sk_index *ix);

/* Reads a whole file (at most max bytes) into b. 0; 1 when it cannot be read
 * (an error is added); -1 when out of memory. */
int sk_read_file(const char *path, size_t max, sk_buf *b, sk_errors *errs);

/* ---- schema ---------------------------------------------------------------- */

typedef enum {
    SK_T_ANY, /* x_ keys: whatever YAML says */
    SK_T_STR,
    SK_T_INT,
    SK_T_NUM,
    SK_T_BOOL,
    SK_T_DATE,
    SK_T_ENUM,
    SK_T_MAP,
    SK_T_LIST,
    SK_T_DICT /* a map whose keys are free (rule ids); every value is `item` */
} sk_type;

typedef struct sk_shape sk_shape;

typedef struct sk_field {
    const char *key;
    const sk_shape *shape;
    const char *doc; /* one line for the docs and the JSON Schema */
} sk_field;

struct sk_shape {
    sk_type type;
    const char *const *vocab; /* SK_T_ENUM: NULL-terminated allowed values */
    const sk_field *fields;   /* SK_T_MAP: terminated by a field with key NULL */
    const sk_shape *item;     /* SK_T_LIST: every item's shape */
    long long min, max;       /* SK_T_INT: range, when min <= max */
};

typedef struct sk_kind {
    const char *name;
    const sk_shape *root;
    int unit_document; /* describes a unit; else policy (profile, waivers, baseline) */
    int needs_hsa_id;  /* a unit document that cannot be placed without unit.hsa_id */
} sk_kind;

/* NULL-terminated by name; const data, shared by every thread. */
extern const sk_kind sk_kinds[];
const sk_kind *sk_kind_find(const char *name);

/* Checks node against shape, typing its scalars; errors are added with
 * file:line:column and the path. Returns the number of errors. */
int sk_schema_check(sk_node *node, const sk_shape *shape, const char *file, sk_errors *errs);

/* Resolves an untyped plain scalar the way YAML 1.1 core does (for x_ keys). */
void sk_scalar_resolve_any(sk_node *n);

/* A cursor over the files below paths (discover.c): the same files in the
 * same order as sk_discover, one at a time. suffix NULL means YAML input. */
typedef struct sk_walk sk_walk;
sk_walk *sk_walk_new(const char *const *paths, size_t n, const char *suffix); /* NULL: no memory */
/* 1 with *path set (valid until the next call), 0 at the end, -1 when out of
 * memory; errors of unreadable paths and loops are added on the way. */
int sk_walk_next(sk_walk *w, const char **path, sk_errors *errs);
size_t sk_walk_files(const sk_walk *w); /* files given out so far */
void sk_walk_free(sk_walk *w);

/* The files below paths whose names end in suffix, sorted (discover.c). */
int sk_discover_suffix(const char *const *paths, size_t n, const char *suffix, sk_paths *out,
                       sk_errors *errs);

/* ---- dates --------------------------------------------------------------- */

/* Days since 1970-01-01 of a valid "YYYY-MM-DD", or INT64_MIN. */
int64_t sk_date_days(const char *text);
/* The edit distance of two short strings, for "did you mean". */
size_t sk_edit_distance(const char *a, const char *b);

/* ---- sandbox (sandbox.c) -------------------------------------------------- */

typedef struct lua_State lua_State;

/* Why a rule call was stopped (sk_sandbox.stopped). */
enum { SK_STOP_NONE, SK_STOP_BUDGET, SK_STOP_TIME, SK_STOP_PATTERN, SK_STOP_FINDINGS };

typedef struct sk_sandbox {
    lua_State *L;
    size_t used;          /* bytes held by L */
    size_t limit;         /* allocation fails beyond this */
    size_t state_limit;   /* limit outside rule calls */
    size_t allocated;     /* bytes the current call allocated: every growth, never less for a
                             free, so the count does not depend on when the collector ran */
    size_t call_memory;   /* the cap of allocated (SIZE_MAX outside a rule call) */
    unsigned long budget; /* instructions per call */
    unsigned long spent;  /* instructions of the current call */
    long long deadline;   /* CLOCK_MONOTONIC nanoseconds the current call must end by (0: none) */
    int stopped;          /* SK_STOP_*: why the current call was stopped */
    int out_of_memory;    /* the current call hit the memory cap */
    char stop_msg[256];   /* the message of a stop other than the budget's */
    const sk_limits *limits;
} sk_sandbox;

/* Opens a sandboxed state: allow-listed libraries, read-only globals, the sk
 * helper library. Returns 0, or -1 with a message in *msg (malloc'd). */
int sk_sandbox_open(sk_sandbox *sb, const sk_limits *limits, char **msg);
/* Closes the state; returns the bytes the allocator still counts, which is 0
 * unless memory leaked (the caller reports anything else as an internal error). */
size_t sk_sandbox_close(sk_sandbox *sb);
/* Pushes the read-only environment every plugin chunk runs in. */
void sk_sandbox_push_env(lua_State *L);
/* Calls the function below nargs arguments on the stack with the budget and
 * memory cap of one rule call. Returns a lua_pcall status; on error the
 * message (with traceback) is on the stack. The stop flags tell why. */
int sk_sandbox_call(sk_sandbox *sb, int nargs, int nresults);
/* Stops the current rule call for good (why: SK_STOP_*, msg its message):
 * raises msg, and every later instruction of the call raises too, so a
 * pcall in the rule cannot go on. Does not return. */
int sk_sandbox_stop(lua_State *L, int why, const char *msg);
/* Wraps the table at idx into a read-only view (pushed). Deep for nested tables. */
void sk_sandbox_push_readonly(lua_State *L, int idx);
/* Pushes a new empty read-only proxy whose contents are the table at idx. */
void sk_sandbox_wrap(lua_State *L, int idx);
/* The inner table of a read-only proxy at idx (pushed) or nothing: 1 or 0. */
int sk_sandbox_inner(lua_State *L, int idx);

/* ---- documents as Lua values (luadoc.c) ------------------------------------ */

/* Pushes a read-only Lua view of the node (nil for null). */
void sk_luadoc_push(lua_State *L, const sk_node *n);
/* Pushes the read-only unit view: {hsa_id, name, documents = {kind = {...}}}. */
void sk_luadoc_push_unit(lua_State *L, const sk_unit *u);

/* ---- plugin sources and rule metadata (registry.c) ------------------------- */

typedef struct sk_plugin {
    char *file;
    char *source;
    size_t len;
    int broken;   /* failed to load or validate: its rules are not in the registry */
    int list_ref; /* in the spare state: the list of rule tables it returned */
} sk_plugin;

typedef struct sk_rule {
    sk_rule_info info;
    size_t plugin; /* index into plugins */
    int index_in_file;
    int enabled; /* runs in this run (a profile, --only, --skip) */
    int keep;    /* scratch of sk_rules_select */
} sk_rule;

struct sk_rules {
    sk_limits limits;
    sk_plugin *plugins;
    size_t nplugins, capplugins;
    sk_rule *rules; /* sorted by id */
    size_t nrules, caprules;
    /* The state the registry evaluated the plugins in, kept for the first
     * runtime to take (saving it a second evaluation): the one field that
     * changes after loading, taken once with an atomic exchange. */
    _Atomic(sk_sandbox *) spare;
};

/* Takes the registry's evaluated state, or NULL when it is taken already. */
sk_sandbox *sk_rules_take_spare(const sk_rules *r);
/* Closes a sandbox allocated with sk_sandbox_new; returns the bytes still counted. */
size_t sk_sandbox_destroy(sk_sandbox *sb);

/* sk_rules_load for one plugin held in memory (name is its file in positions):
 * the fuzz target's way in. NULL only when out of memory. */
sk_rules *sk_rules_load_source(const char *name, const char *source, size_t len,
                               const sk_limits *limits, sk_errors *errs);

/* Runs one plugin chunk in L and leaves the list of rule tables it returned
 * on the stack (a single rule is wrapped into a list). 0 or -1 with *err. */
int sk_plugin_eval(sk_sandbox *sb, const sk_plugin *p, sk_error *err);

/* ---- report writers (report.c and one report_FORMAT.c each) ------------------- */

/* What report.c shares with the writers in their own files. */
void sk_report_json_str(FILE *out, const char *s); /* a JSON string, or null */
const char *sk_report_status_name(sk_unit_status s); /* pass, fail, error */
const char *sk_report_error_kind(sk_error_kind k);   /* input, plugin, rule, usage */

/* Helpers the writers share (report_support.c). */
void sk_report_xml(FILE *out, const char *s, int attribute); /* sk_buf_xml to out */
/* Whether a rule applied to a unit: it has a document of the rule's kind, or
 * the rule is for "unit" and the unit has any document that was read. */
int sk_report_rule_applies(const sk_rule_info *rule, const sk_unit_result *u);

/* The writers beyond text, json and jsonl: begin, unit, end of each format. */
/* One report being written: what every writer gets. */
typedef struct sk_writing {
    const sk_result *res;
    const sk_report_options *opt;
    FILE *out;
    size_t units;    /* units written before this call */
    size_t findings; /* findings written before this call */
    void *state;     /* the writer's own, set in begin, freed in end */
} sk_writing;

#define SK_WRITER_DECLARE(fmt)                                                                  \
    void sk_##fmt##_begin(sk_writing *w);                                                      \
    void sk_##fmt##_unit(sk_writing *w, const sk_unit_result *u);                              \
    void sk_##fmt##_end(sk_writing *w);
SK_WRITER_DECLARE(sarif)
SK_WRITER_DECLARE(junit)
SK_WRITER_DECLARE(csv)
SK_WRITER_DECLARE(markdown)
SK_WRITER_DECLARE(html)
#undef SK_WRITER_DECLARE

#endif
