/* internal.h: types shared by the engine's stages, not part of the public API.
 * The document tree lives here: the loader builds it, the schema check types
 * its scalars, the runtime hands it to Lua and resolves report paths in it. */
#ifndef SK_INTERNAL_H
#define SK_INTERNAL_H

#include "startklar/startklar.h"

#include <limits.h>
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
void *sk_arena_copy(sk_arena *a, const void *from, size_t size); /* a copy of size bytes */
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
/* sk_error_set with a va_list. */
int sk_error_setv(sk_error *x, const char *fmt, va_list ap);
/* Appends tail's message to x's, and its format and arguments to x's, so
 * that the whole is translated as one sentence (x's format, set with
 * sk_error_set or sk_errors_add, and tail's use no %N$). 0 or -1. */
int sk_error_append(sk_error *x, const sk_error *tail);
/* Grows *items (of elem bytes) so that one more fits; 0 or -1. */
int sk_grow(void **items, size_t *cap, size_t count, size_t elem);

/* ---- hash table (hash.c): (tag, text) -> pointer --------------------------- */

typedef struct sk_hash_slot {
    const char *key; /* not copied: must live as long as it is in the table */
    uint64_t tag, hash;
    void *value;
    uint32_t gen;    /* live when equal to the table's generation */
} sk_hash_slot;

typedef struct sk_hash {
    sk_hash_slot *slots;
    size_t cap, count;
    uint32_t gen;
    size_t ops, probes; /* lookups and slots visited: the caller bounds probes / ops */
} sk_hash;

void sk_hash_init(sk_hash *h);
void sk_hash_free(sk_hash *h);
void sk_hash_clear(sk_hash *h); /* empties it in O(1), the memory kept */
void *sk_hash_get(sk_hash *h, uint64_t tag, const char *key); /* NULL when absent */
/* Adds (tag, key) -> value, or replaces the value of (tag, key): 0, or -1 out of memory. */
int sk_hash_put(sk_hash *h, uint64_t tag, const char *key, void *value);
uint64_t sk_hash_string(const char *s); /* the table's hash of a text, for fingerprints */

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

struct sk_field;

typedef struct sk_pair {
    const char *key;
    int line, column; /* of the key */
    sk_node *value;
    const struct sk_field *field; /* the schema's field of the key, once checked (else NULL) */
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
    const sk_node *name_at; /* the node unit_name was read from */
    const sk_node *root;
} sk_doc;

struct sk_docset {
    sk_limits limits;
    sk_arena arena;
    sk_doc *docs;
    size_t count, cap;
    struct sk_timing *timing; /* --timing: the schema check's time goes here (NULL: none) */
    size_t not_startklar; /* files loaded in which no document has a 'kind': skipped, not errors */
    /* the loader's working memory, kept from file to file (load.c) */
    sk_hash load_table;
    void *load_stack;
    int load_stack_cap;
    sk_buf file_bytes; /* pass 2's read buffer (index.c), kept from file to file */
};

struct sk_unit {
    const char *hsa_id;
    const char *name;           /* from the first document in path order (file, line) that names it */
    const sk_doc *name_doc;     /* that document */
    const sk_doc *name_clash;   /* the first (in path order) naming it otherwise, or NULL */
    const sk_doc **docs; /* in load order */
    size_t count, cap;
    int load_errors;            /* input errors in this unit's documents */
    const char **failed_files;  /* their files, each once (owned by the error list) */
    size_t nfailed, capfailed;
};

struct sk_unitset {
    sk_unit *units;
    size_t count;
};

void sk_summary_free(sk_summary *s);

/* ---- the closed vocabularies in words (vocab.c) --------------------------------- */

typedef struct sk_vocab_entry {
    const char *value; /* as a document writes it */
    const char *en, *sv;
} sk_vocab_entry;

typedef struct sk_vocab {
    const char *name;          /* after FORMAT.md's field: "roles", "features", ... */
    const sk_vocab_entry *words; /* terminated by a word with value NULL */
    int field;                 /* a document field's closed values (else names the engine uses) */
} sk_vocab;

extern const sk_vocab sk_vocabs[]; /* terminated by name NULL */
const sk_vocab *sk_vocab_find(const char *name, size_t len);
/* The vocabulary whose values are exactly these (a schema enum), or NULL. */
const sk_vocab *sk_vocab_of(const char *const *values);
/* The word for value in lang ("sv"; anything else: English), or NULL. */
const char *sk_vocab_label(const sk_vocab *v, const char *value, const char *lang);

/* ---- rendering a message template (render.c) -------------------------------------- */

/* Appends tmpl with its placeholders filled from data in lang. A placeholder
 * without a value, with an unknown format or a '{' that starts none is kept
 * as written and described in why (when not NULL, "; " between). Returns the
 * number of such problems. */
int sk_render(sk_buf *out, const char *tmpl, const char *lang, const sk_value *data, size_t ndata,
              sk_buf *why);
/* The names of tmpl's placeholders, sorted, unique, each followed by '\n',
 * into names; problems of form (unknown format, a stray brace) into why.
 * Returns the number of problems. */
int sk_template_names(const char *tmpl, sk_buf *names, sk_buf *why);
/* A share in percent for a report (at most one decimal; "25.3%", "25,3 %"). */
void sk_format_percent(char *out, size_t size, double n, const char *lang);
/* The message the rule declares under id, or NULL. */
const sk_message_def *sk_rule_message(const sk_rule_info *r, const char *id);
/* Renders the finding's message (f->message_id) in lang into f->message and
 * sets f->lang. 0, or -1 when out of memory. */
int sk_finding_render(sk_finding *f, const sk_rule_info *r, const char *lang);
void sk_values_free(sk_value *v, size_t n);
/* Appends the values (sorted by name) as one JSON object, the same bytes for
 * the same values (values_json.c). 0; 1 when a number is not finite (JSON
 * has no form for it: nothing appended). Out of memory sets b->failed. */
int sk_values_json(sk_buf *b, const sk_value *v, size_t n);
struct json_t;
/* The values of a JSON object (jansson), sorted by name, into *out. 0; 1 when
 * it is not an object of values a finding has; -1 when out of memory. */
int sk_values_read(const struct json_t *obj, sk_value **out, size_t *n);
/* The same from JSON text; 1 also when it is no JSON (or out of memory). */
int sk_values_parse(const char *text, sk_value **out, size_t *n);
void sk_finding_free(sk_finding *f); /* its strings and data (run.c) */
/* Notes once, as a warning in notes, that the finding's message has no text
 * in lang (it was rendered in f->lang). 0 or -1. */
int sk_note_untranslated(sk_errors *notes, const sk_finding *f, const sk_rule_info *r, const char *lang);
/* The same for the title of a rule that has findings. */
int sk_note_untranslated_title(sk_errors *notes, const sk_rule_info *r, const char *lang);
void sk_texts_free(sk_texts *t);

/* ---- the launch countdown (rollout.c) ------------------------------------------ */

/* Sets out's launch_date (and launch_disputed) from the unit's documents. */
void sk_rollout_launch(const sk_unit *u, sk_unit_result *out);
/* Sets days_to_launch and rollout of a unit whose status is judged. */
void sk_rollout_judge(sk_unit_result *u, const char *as_of, int at_risk_days);
/* Whether a unit of this status passes the gate, so is ready in the rollout:
 * pass and known_gaps (known gaps do not fail the gate); fail and error not. */
int sk_rollout_ready(sk_unit_status s);

/* ---- policy (policy.c) --------------------------------------------------------- */

typedef struct sk_policy sk_policy; /* sk_profile in the public API */

sk_policy *sk_policy_new(int collect_baseline);
void sk_policy_free(sk_policy *p);
/* Applies the profile file (and what it extends: a name is looked up in
 * profiles_dir, a path is relative to the profile naming it). Errors added. */
int sk_policy_profile(sk_policy *p, sk_rules *r, const char *path, const char *profiles_dir,
                      sk_errors *errs);
/* Applies a profile written on one line of a file (a rule fixture's
 * `# params:` header, made a flow map {kind: profile, ...}): its positions
 * are on that line. No extends. Errors added; the number of them. */
int sk_policy_profile_line(sk_policy *p, sk_rules *r, const char *name, const char *text, int line,
                           sk_errors *errs);
/* Loads the waivers of a --waivers file; each is checked against the rules
 * and the profile's waivers.max_days from as_of (errors are policy errors). */
int sk_policy_load_waivers(sk_policy *p, const char *path, const sk_rules *r, const char *as_of,
                           sk_errors *errs);
/* A waivers document met among the input files: an input error, never applied. */
int sk_policy_add_waivers(sk_policy *p, const sk_doc *d, sk_errors *errs);
/* Loads a baseline (version 2, or 1 with a warning to rewrite it); r: the rules
 * that run, whose entries alone can be fixed in this run. */
int sk_policy_load_baseline(sk_policy *p, const char *path, const sk_rules *r, sk_errors *errs,
                            sk_errors *warnings);
/* The run checks shard of shards (0: unsharded): it warns only of its own units' waivers. */
void sk_policy_shard(sk_policy *p, unsigned shard, unsigned shards);
/* Marks the unit's findings waived or known (in the baseline); whole: the unit
 * was judged whole, so its unmatched baseline entries are fixed. 0 or -1
 * (out of memory). */
int sk_policy_judge_unit(sk_policy *p, const char *as_of, sk_unit_result *u, int whole);
/* After the last unit: expired, stale and expiring waivers, fixed baseline entries. */
int sk_policy_finish(sk_policy *p, const char *as_of, sk_errors *warnings, sk_errors *fixed);
/* A finding's path with list items named by their identity (stable_path.c);
 * malloc'd, NULL when out of memory. */
char *sk_stable_path(const sk_node *root, const char *path);
/* The longest key of map that path starts with, followed by '.', '[' or the
 * end, or NULL (stable_path.c; owner.c walks a path with it too). */
const sk_pair *sk_path_key(const sk_node *map, const char *path);
/* Who is to act on a finding at path in the document root of unit u
 * (owner.c, docs/writing-rules.md): the nearest `owner` on the path, else the
 * unit's `team.manager`; NULL when the documents name none. Borrowed from
 * the tree. */
const char *sk_finding_owner(const sk_unit *u, const sk_node *root, const char *path);
/* The profile's rollout.at_risk_days (SK_AT_RISK_DAYS_DEFAULT when unset or no p). */
int sk_policy_at_risk_days(const sk_policy *p);

/* ---- the unit index of a batch (index.c) ---------------------------------- */

typedef struct sk_index sk_index;

typedef struct sk_index_options {
    const char *const *paths; /* what to discover */
    size_t npaths;
    const sk_limits *limits;
    unsigned jobs;            /* threads that read the files' keys */
    unsigned shards, shard;   /* keep only the units of this shard (shards 0: all) */
    struct sk_policy *policy; /* receives the waivers documents found among the inputs */
    const char *const *exclude, *const *include; /* see sk_walk_filter */
    size_t nexclude, ninclude;
    sk_errors *skipped;       /* receives the files that are not input (file, and why as message) */
} sk_index_options;

/* What pass 1 saw of a file, checked again when pass 2 reads it. */
typedef struct sk_file_seen {
    uint64_t dev, ino, size;
    int64_t ctime_ns; /* the time of its last change (st_ctim: also after touch -r) */
    uint64_t keys;    /* a fingerprint of the set of unit keys its documents name */
} sk_file_seen;

/* One unit of the index: its key and its files in discovery order, each
 * real file once (named twice, it is kept at its first name). */
typedef struct sk_index_unit {
    sk_buf text;         /* the key, then each file's path, each ending in NUL */
    size_t *at;          /* where each file's path starts in text */
    unsigned char *owns; /* per file: this unit reports the file's errors (the least key that reads it) */
    sk_file_seen *seen;  /* per file: as pass 1 read it */
    size_t *nspans;      /* per file: 0 (load it all), or the spans of the unit's documents in a
                            file of several units: 3 numbers each (start, end, line) after the
                            path's NUL in text */
    size_t nfiles, cap;
} sk_index_unit;

/* Pass 1: discovers the files and indexes which units they hold, reading
 * them on o->jobs threads. Errors of paths and of files no unit will read
 * are added to errs (also when the index's temporary files fail: then it
 * holds no unit). NULL when out of memory. */
sk_index *sk_index_build(const sk_index_options *o, sk_errors *errs);
/* The quick key of a file's bytes (pass 1): the unit.hsa_id of a file that
 * can only hold one document and names it simply, malloc'd; else NULL (the
 * full loader reads the file). The fuzz target's way in. */
char *sk_index_quick_key(const char *bytes, size_t len);
/* The units the documents of a file that failed as a whole name before the
 * loader's last error (line, column): *keys, *n of them, each malloc'd (the
 * array too). 0, or -1 out of memory. The fuzz target's way in. */
int sk_index_failed_keys(const char *bytes, size_t len, int line, int column, char ***keys, size_t *n);
size_t sk_index_files(const sk_index *ix); /* every input file (after pass 2: each real file once) */
size_t sk_index_units(const sk_index *ix); /* units to check */
/* Pass 2: the next unit in key order into u (reused unit after unit): 1, 0
 * after the last one, -1 when out of memory. Not thread-safe. */
int sk_index_next(sk_index *ix, sk_index_unit *u, sk_errors *errs);
/* Pass 2: loads the k-th file of the unit into ds. A file that is not the
 * one pass 1 read, or that names other units than pass 1 found, loads no
 * document and gets an error of the unit ("changed during the run"), as
 * does a file that can no longer be read. 0, or -1 when out of memory. */
int sk_index_load(const sk_index_unit *u, size_t k, sk_docset *ds, sk_errors *errs);
void sk_index_unit_free(sk_index_unit *u);
void sk_index_free(sk_index *ix);

/* Where one document of a file is: bytes [start, end) hold it (with what
 * stands between it and the document before), loaded alone with
 * sk_load_span at line; key is the unit it names (or NULL). */
typedef struct sk_span {
    size_t start, end;
    int line;        /* lines of the file before start */
    const char *key; /* lives as long as the docset and errors it was loaded into */
} sk_span;

typedef struct sk_spans {
    sk_span *items;
    size_t count, cap;
} sk_spans;

/* sk_load_buffer that also adds each document's span (none for a file that
 * fails as a whole, nor for one of no startklar document). */
int sk_load_buffer_spans(sk_docset *ds, const char *name, const char *bytes, size_t len,
                         sk_spans *spans, sk_errors *errs);
/* Loads one span of a file on its own: the same documents, at the same lines
 * (a document with no kind is an error there, as it is in its file). */
int sk_load_span(sk_docset *ds, const char *name, const char *bytes, size_t len, int line,
                 sk_errors *errs);

/* The length of a UTF-8 byte order mark at the start of bytes: 3 or 0. */
size_t sk_utf8_bom(const char *bytes, size_t len);
/* The code point at s (avail bytes) in *cp, as Lua 5.4's strict utf8
 * decoding reads it; 1, or 0 for bytes that are not UTF-8 (util.c). */
int sk_utf8_decode(const unsigned char *s, size_t avail, uint32_t *cp);

/* Reads a whole file (at most max bytes) into b. 0; 1 when it cannot be read
 * (an error is added); -1 when out of memory. */
int sk_read_file(const char *path, size_t max, sk_buf *b, sk_errors *errs);
/* The same, and what the file was when it was opened (keys 0), in *seen. */
int sk_read_file_seen(const char *path, size_t max, sk_buf *b, sk_file_seen *seen, sk_errors *errs);
struct stat;
void sk_file_seen_of(const struct stat *st, sk_file_seen *seen); /* keys 0 */

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
/* The kinds' names in the table's order: "communication-plan, unit-onboarding, ...". */
extern const char *const sk_kind_names;
const sk_kind *sk_kind_find(const char *name);

/* Checks node against shape, typing its scalars; errors are added with
 * file:line:column and the path. Returns the number of errors. */
int sk_schema_check(sk_node *node, const sk_shape *shape, const char *file, sk_errors *errs);

/* Whether a scalar is YAML's null: plain "", "~", "null", "Null" or "NULL". */
int sk_scalar_is_null(const sk_node *n);

/* Resolves an untyped plain scalar the way YAML 1.1 core does (for x_ keys). */
void sk_scalar_resolve_any(sk_node *n);

/* A cursor over the files below paths (discover.c): the same files in the
 * same order as sk_discover, one at a time. suffix NULL means YAML input. */
typedef struct sk_walk sk_walk;
sk_walk *sk_walk_new(const char *const *paths, size_t n, const char *suffix); /* NULL: no memory */
/* Below a directory argument, leaves out what a glob of exclude matches and,
 * when there are include globs, the files none of them matches (fnmatch on
 * the path relative to the argument; a glob without '/' on the name too). */
void sk_walk_filter(sk_walk *w, const char *const *exclude, size_t nexclude, const char *const *include,
                    size_t ninclude);
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
/* "Did you mean": offer candidates one by one to sk_nearest_try, then
 * sk_nearest_get gives the closest one if it is close enough to be a typo
 * (the one threshold every suggestion uses; authoring.c), else NULL. */
typedef struct sk_nearest {
    const char *word;
    const char *best;
    size_t dist;
} sk_nearest;
void sk_nearest_try(sk_nearest *n, const char *candidate);
const char *sk_nearest_get(const sk_nearest *n);

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
    unsigned long clock_at; /* spent at which the hook next reads the clock for deadline */
    int stopped;          /* SK_STOP_*: why the current call was stopped */
    int out_of_memory;    /* the current call hit the memory cap */
    sk_error stop;        /* why the current call stops, as a format and its arguments (for
                             the report's language); message NULL while it runs on */
    const sk_limits *limits;
    const struct sk_watch *watch; /* --timing, test --coverage: NULL but when watched */
    int meta_keys[3];     /* registry refs of "__index", "__newindex", "__n" (sandbox.c) */
} sk_sandbox;

/* A watched sandbox counts every instruction (spent is exact, not counted
 * in steps of a thousand) and tells line() each line a rule call runs. */
struct lua_Debug;
typedef struct sk_watch {
    void (*line)(void *ud, lua_State *L, struct lua_Debug *ar); /* NULL: no line hook */
    void *ud;
} sk_watch;

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
/* Records why the current rule call is to stop (the first reason of a call
 * wins), as sk_error_set does: the report translates the format. */
void sk_sandbox_record_stop(sk_sandbox *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Stops the current rule call for good (why: SK_STOP_*; the reason recorded
 * with sk_sandbox_record_stop, the budget's and the deadline's by the
 * sandbox): raises it, and every later instruction of the call raises too,
 * so a pcall in the rule cannot go on. Does not return. */
int sk_sandbox_stop(lua_State *L, int why);
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

/* A built-in plugin compiled at build time (engine/embed_rules.c): its
 * source and its bytecode, compiled under the chunk name "=?" (the first
 * 35 bytes of the dump hold the header and that name). */
typedef struct sk_builtin_chunk {
    const unsigned char *source;
    size_t len;
    const unsigned char *bytecode;
    size_t bclen;
} sk_builtin_chunk;
extern const sk_builtin_chunk sk_builtin_chunks[];
extern const size_t sk_builtin_nchunks;
/* sk.lua's bytecode, compiled at build time under the name "=sk.lua". */
extern const unsigned char *const sk_lua_bytecode;
extern const size_t sk_lua_bytecode_size;

typedef struct sk_plugin {
    char *file;
    char *source;
    size_t len;
    char *bytecode; /* a built-in plugin's: its bytecode under its own name, or NULL */
    size_t bclen;
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
    size_t broken; /* errors loading the rule files: rules that never run, so no unit is judged whole */
    /* The state the registry evaluated the plugins in, kept for the first
     * runtime to take (saving it a second evaluation): the one field that
     * changes after loading, taken once with an atomic exchange. */
    _Atomic(sk_sandbox *) spare;
};

/* Points info->title and info->explain at their text in lang (see sk_texts_pick). */
void sk_rule_info_lang(sk_rule_info *info, const char *lang);

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
/* Where a Lua message "file:12: text" points: returns 12 and sets *text to
 * "text" (0, and *text msg, when it names no line of file). */
int sk_lua_position(const char *msg, const char *file, const char **text);

/* ---- --timing (timing.c) ------------------------------------------------------ */

typedef enum {
    SK_STAGE_RULES_LOAD, /* reading and compiling the plugins */
    SK_STAGE_INDEX,      /* discovery and pass 1 */
    SK_STAGE_LOAD,       /* pass 2: reading, libyaml and the tree (schema check excluded) */
    SK_STAGE_SCHEMA,
    SK_STAGE_VIEWS,      /* the unit's documents as Lua views */
    SK_STAGE_RULES,      /* rule calls */
    SK_STAGE_JUDGE,      /* profile, waivers, baseline, the findings' language */
    SK_STAGE_REPORT,
    SK_NSTAGES
} sk_stage;

typedef struct sk_rule_timing {
    char *id; /* set by sk_timing_name_rules */
    int ran;  /* enabled in the run */
    unsigned long long calls, ns, instructions, bytes;
} sk_rule_timing;

/* One worker's counters, or a run's sum of them. */
struct sk_timing {
    unsigned long long stage_ns[SK_NSTAGES]; /* summed over the threads */
    unsigned long long wall_ns;
    unsigned jobs;
    sk_rule_timing *rules; /* indexed like sk_rules.rules */
    size_t nrules;
};

unsigned long long sk_now_ns(void); /* CLOCK_MONOTONIC */
/* v with decimals decimals into buf, with a decimal comma when c is Swedish. */
const char *sk_decimal(char *buf, size_t size, double v, int decimals, const sk_catalogue *c);
/* Watches the runtime's rule calls: every instruction counted (exactly),
 * and each line told to w->line when w is given. */
void sk_runtime_watch(sk_runtime *rt, const sk_watch *w);

/* ---- test --coverage (coverage.c) ------------------------------------------- */

typedef struct sk_coverage sk_coverage;
sk_coverage *sk_coverage_new(void); /* NULL when out of memory */
void sk_coverage_free(sk_coverage *c);
/* Adds the lines that can run of one plugin of rules. 0, or -1 when out of memory. */
int sk_coverage_add_plugin(sk_coverage *c, const sk_rules *rules, size_t plugin);
/* Fills w so that a watched runtime marks the lines that ran in c. */
void sk_coverage_watch(sk_coverage *c, sk_watch *w);
/* Writes the lines that ran per plugin file and in all; returns the percentage in all. */
double sk_coverage_write(const sk_coverage *c, const sk_catalogue *cat, FILE *out);
/* Makes room for nrules rules (zeroed). 0, or -1 when out of memory. */
int sk_timing_size(sk_timing *t, size_t nrules);
/* Adds from's counters into to. 0, or -1 when out of memory. */
int sk_timing_add(sk_timing *to, const sk_timing *from);
/* Moves the rules of from that were called to the end of to, and adds its
 * stages (`test`: each directory has rules of its own). 0, or -1. */
int sk_timing_append(sk_timing *to, sk_timing *from);
/* Copies the rules' ids and which ran. 0, or -1 when out of memory. */
int sk_timing_name_rules(sk_timing *t, const sk_rules *rules);
/* Counts the runtime's rule calls and views into t (NULL: stop counting). */
void sk_runtime_timing(sk_runtime *rt, sk_timing *t);

/* ---- report writers (report.c and one report_FORMAT.c each) ------------------- */

/* What report.c shares with the writers in their own files. */
void sk_report_json_str(FILE *out, const char *s); /* a JSON string, or null */
const char *sk_report_status_name(sk_unit_status s); /* pass, fail, error, known_gaps */
/* The status as the reports word it in English (put it through sk_label). */
const char *sk_report_status_label(sk_unit_status s); /* ready, NOT READY, ... */
const char *sk_report_error_kind(sk_error_kind k);   /* input, plugin, rule, usage */
const char *sk_report_error_label(sk_error_kind k);  /* "input error", ...: sk_label's key */
/* A finding's baseline state as SARIF names it (new, unchanged, updated), or NULL. */
const char *sk_report_baseline_name(sk_baseline_state b);

/* SHA-256 (sha256.c): init, update any number of times, final. */
typedef struct sk_sha256 {
    uint32_t h[8];
    uint64_t bytes;
    unsigned char buf[64];
    size_t used;
} sk_sha256;
void sk_sha256_init(sk_sha256 *c);
void sk_sha256_update(sk_sha256 *c, const void *data, size_t n);
void sk_sha256_final(sk_sha256 *c, unsigned char digest[32]);
/* The digest as 64 lowercase hex digits and a NUL. */
void sk_sha256_hex(const unsigned char digest[32], char hex[65]);

/* Helpers the writers share (report_support.c). */
/* s as XML text to out, controls shown as escapes (sk_report_visible) but line breaks kept. */
void sk_report_xml(FILE *out, const char *s, int attribute);
/* The same, a line break too shown as \n unless keep_newline: for one line of a listing. */
void sk_report_xml_text(FILE *out, const char *s, int attribute, int keep_newline);
/* Appends s for a human reader: every character that could steer a terminal
 * or forge a line (controls, DEL, C1 such as CSI and NEL, line separators,
 * bidirectional overrides; a newline too unless keep_newline) is shown as an
 * escape (\x1B, \n, \u202E), and a byte that is not UTF-8 as \xNN. */
void sk_report_visible(sk_buf *b, const char *s, int keep_newline);
/* The same straight to a stream. */
void sk_report_text(FILE *out, const char *s);
/* Whether a rule applied to a unit: it has a document of the rule's kind, or
 * the rule is for "unit" and the unit has any document that was read. */
int sk_report_rule_applies(const sk_rule_meta *rule, const sk_unit_result *u);
/* The rule with this id in res->rule_meta, or NULL. */
const sk_rule_meta *sk_report_rule(const sk_result *res, const char *id);
/* The place of a rule among the rules that ran (enabled), or -1. */
long sk_report_rule_index(const sk_result *res, const char *id);
/* Days to a launch for people: "in 12 days", "today", "3 days ago" (in cat's language). */
void sk_report_days(const sk_catalogue *cat, int days, char *buf, size_t size);

/* The working directory, for the formats that want paths relative to it (sarif, github, gitlab). */
typedef struct sk_report_dir {
    char dir[PATH_MAX];
    size_t n; /* 0: unknown, or the root */
} sk_report_dir;
void sk_report_cwd(sk_report_dir *d);
/* path relative to the working directory: a relative path with "./" dropped,
 * an absolute one inside the directory without it; NULL for one outside. */
const char *sk_report_relative(const sk_report_dir *d, const char *path);

/* The writers beyond text, json and jsonl: begin, unit, end of each format. */
/* One report being written: what every writer gets. */
typedef struct sk_writing {
    const sk_result *res;
    const sk_report_options *opt;
    FILE *out;
    size_t units;    /* units written before this call */
    size_t findings; /* findings written before this call */
    size_t items;    /* the writer's own count of what it wrote (gitlab: issues) */
    int failed;      /* the writer could not write the report whole (junit: its spool) */
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
SK_WRITER_DECLARE(github)
SK_WRITER_DECLARE(gitlab)
SK_WRITER_DECLARE(statement)
#undef SK_WRITER_DECLARE
/* A label that takes %s arguments (and %% for a per cent sign): its text and
 * each argument HTML-escaped, in an attribute when attribute is set (report_html.c). */
void sk_html_put(FILE *out, const char *label, const char *const *args, size_t nargs, int attribute);
/* Text escaped for HTML (NULL: nothing); a finding's place "file:line:column". */
void sk_html_text(FILE *out, const char *s);
void sk_html_where(FILE *out, const char *file, int line, int column);
/* The HTML page's rollout panels (report_html_rollout.c, keeps *panels):
 * told each unit, written with the summary at the end. */
void sk_html_rollout_unit(sk_writing *w, void **panels, const sk_unit_result *u);
void sk_html_rollout_end(sk_writing *w, void **panels);
/* The page's to-do view by owner (report_html_todo.c): told each unit in
 * *state (made on the first), written and freed at the end. */
typedef struct sk_html_todo sk_html_todo;
void sk_html_todo_unit(sk_html_todo **state, const sk_unit_result *u);
void sk_html_todo_end(const sk_result *res, sk_html_todo **state, FILE *out);
void sk_html_todo_free(sk_html_todo *t);

/* ---- message catalogues (i18n_read.c at build time, i18n.c at run time) ---- */

/* One entry of a catalogue: the English text (and its plural) and the
 * translation (and its plural); line is where it stands in LANG.yaml. */
typedef struct sk_catalogue_entry {
    const char *en, *en_plural;
    const char *sv, *sv_plural;
    int line;
} sk_catalogue_entry;
/* A catalogue as read: its entries sorted by en (two entries of one text:
 * the one with a plural first), the strings they point to owned. */
typedef struct sk_catalogue_read_result {
    sk_catalogue_entry *entries;
    size_t count, cap;
    char **strings;
    size_t nstrings, capstrings;
} sk_catalogue_read_result;
/* Reads and checks the catalogue text (name for the messages); 0, or -1
 * with the errors added (file:line of the entry) and *out empty. */
int sk_catalogue_read(const char *name, const char *text, size_t size, sk_catalogue_read_result *out,
                      sk_errors *errs);
void sk_catalogue_read_free(sk_catalogue_read_result *c);

#endif
