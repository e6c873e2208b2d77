/* internal.h: types shared by the engine's stages, not part of the public API.
 * The document tree lives here: the loader builds it, the schema check types
 * its scalars, the runtime hands it to Lua and resolves report paths in it. */
#ifndef SK_INTERNAL_H
#define SK_INTERNAL_H

#include "startklar/startklar.h"

#include <stdarg.h>
#include <stdint.h>

/* ---- arena: every node and string of one file, freed at once ------------- */

typedef struct sk_arena_block sk_arena_block;
typedef struct sk_arena {
    sk_arena_block *head;
} sk_arena;

void *sk_arena_alloc(sk_arena *a, size_t size); /* zeroed; NULL when out of memory */
char *sk_arena_strndup(sk_arena *a, const char *s, size_t n);
void sk_arena_free(sk_arena *a);

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
    const char *hsa_id; /* the unit key: unit.hsa_id, or organisation for a strategy without unit */
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
    SK_T_LIST
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
    int needs_hsa_id; /* a document that cannot be placed without unit.hsa_id */
} sk_kind;

/* NULL-terminated by name; const data, shared by every thread. */
extern const sk_kind sk_kinds[];
const sk_kind *sk_kind_find(const char *name);

/* Checks node against shape, typing its scalars; errors are added with
 * file:line:column and the path. Returns the number of errors. */
int sk_schema_check(sk_node *node, const sk_shape *shape, const char *file, sk_errors *errs);

/* Resolves an untyped plain scalar the way YAML 1.1 core does (for x_ keys). */
void sk_scalar_resolve_any(sk_node *n);

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

typedef struct sk_sandbox {
    lua_State *L;
    size_t used;          /* bytes held by L */
    size_t limit;         /* allocation fails beyond this */
    size_t state_limit;   /* limit outside rule calls */
    unsigned long budget; /* instructions per call */
    unsigned long spent;  /* instructions of the current call */
    int stopped;          /* the current call ran out of budget */
    int out_of_memory;    /* the current call hit the memory cap */
    const sk_limits *limits;
} sk_sandbox;

/* Opens a sandboxed state: allow-listed libraries, read-only globals, the sk
 * helper library. Returns 0, or -1 with a message in *msg (malloc'd). */
int sk_sandbox_open(sk_sandbox *sb, const sk_limits *limits, char **msg);
void sk_sandbox_close(sk_sandbox *sb);
/* Pushes the read-only environment every plugin chunk runs in. */
void sk_sandbox_push_env(lua_State *L);
/* Calls the function below nargs arguments on the stack with the budget and
 * memory cap of one rule call. Returns a lua_pcall status; on error the
 * message (with traceback) is on the stack. The stop flags tell why. */
int sk_sandbox_call(sk_sandbox *sb, int nargs, int nresults);
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
    int broken; /* failed to load or validate: its rules are not in the registry */
} sk_plugin;

typedef struct sk_rule {
    sk_rule_info info;
    size_t plugin; /* index into plugins */
    int index_in_file;
    int enabled;
} sk_rule;

struct sk_rules {
    sk_limits limits;
    sk_plugin *plugins;
    size_t nplugins, capplugins;
    sk_rule *rules; /* sorted by id */
    size_t nrules, caprules;
};

/* Runs one plugin chunk in L and leaves the list of rule tables it returned
 * on the stack (a single rule is wrapped into a list). 0 or -1 with *err. */
int sk_plugin_eval(sk_sandbox *sb, const sk_plugin *p, sk_error *err);

#endif
