/* history.c: the audit history in SQLite. An audit is recorded in one
 * transaction (begin, each unit as it is judged, commit with the rules and
 * the summary), so a run killed half-way leaves the history as it was. The
 * schema is versioned with PRAGMA user_version and upgraded in place, one
 * step per version (docs/rollout.md documents every table). Reading gives
 * readiness over time and the snapshots diff compares. */
#include "internal.h"
#include "startklar/history.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

/* The schema, one step per version: MIGRATIONS[v] takes a database at
 * user_version v to v + 1. A step is never changed once released. */
static const char *const MIGRATIONS[SK_HISTORY_SCHEMA] = {
    /* 0 -> 1 */
    "CREATE TABLE audit (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  as_of TEXT NOT NULL, profile TEXT NOT NULL, tool_version TEXT NOT NULL,\n"
    "  fail_on TEXT NOT NULL, exit_code INTEGER,\n"
    "  units INTEGER NOT NULL DEFAULT 0, passed INTEGER NOT NULL DEFAULT 0,\n"
    "  failed INTEGER NOT NULL DEFAULT 0, errored INTEGER NOT NULL DEFAULT 0,\n"
    "  known_gaps INTEGER NOT NULL DEFAULT 0,\n"
    "  errors INTEGER NOT NULL DEFAULT 0,\n"
    "  ready INTEGER NOT NULL DEFAULT 0, at_risk INTEGER NOT NULL DEFAULT 0,\n"
    "  not_ready INTEGER NOT NULL DEFAULT 0, launched_not_ready INTEGER NOT NULL DEFAULT 0,\n"
    "  findings_error INTEGER NOT NULL DEFAULT 0, findings_warning INTEGER NOT NULL DEFAULT 0,\n"
    "  findings_info INTEGER NOT NULL DEFAULT 0);\n"
    "CREATE INDEX audit_by_date ON audit (as_of, id);\n"
    "CREATE TABLE audit_rule (\n"
    "  audit_id INTEGER NOT NULL REFERENCES audit (id), rule TEXT NOT NULL,\n"
    "  severity TEXT NOT NULL, plugin TEXT NOT NULL, source_hash TEXT NOT NULL,\n"
    "  PRIMARY KEY (audit_id, rule));\n"
    "CREATE TABLE unit_result (\n"
    "  audit_id INTEGER NOT NULL REFERENCES audit (id), hsa_id TEXT NOT NULL, name TEXT,\n"
    "  status TEXT NOT NULL, rollout TEXT NOT NULL, launch_date TEXT,\n"
    "  launch_disputed INTEGER NOT NULL, days_to_launch INTEGER,\n"
    "  PRIMARY KEY (audit_id, hsa_id));\n"
    "CREATE TABLE finding (\n"
    "  audit_id INTEGER NOT NULL REFERENCES audit (id), hsa_id TEXT NOT NULL,\n"
    "  rule TEXT NOT NULL, severity TEXT NOT NULL, file TEXT NOT NULL,\n"
    "  line INTEGER NOT NULL, column INTEGER NOT NULL, path TEXT NOT NULL,\n"
    "  stable_path TEXT NOT NULL, message TEXT NOT NULL,\n"
    "  waived INTEGER NOT NULL, known INTEGER NOT NULL);\n"
    "CREATE INDEX finding_by_unit ON finding (audit_id, hsa_id);\n",
    /* 1 -> 2: who is to act on a finding (NULL: the documents name none, or
     * recorded before version 2) */
    "ALTER TABLE finding ADD COLUMN owner TEXT;\n",
    /* 2 -> 3: what renders the message again in any language: the rule's
     * message id and the values of its placeholders as JSON (values_json.c);
     * NULL: a plain message, or recorded before version 3 */
    "ALTER TABLE finding ADD COLUMN message_id TEXT;\n"
    "ALTER TABLE finding ADD COLUMN data TEXT;\n",
};

/* The statements of a recording, prepared once. */
enum { ST_UNIT, ST_FINDING, ST_RULE, ST_SUMMARY, ST_COUNT };
static const char *const STATEMENTS[ST_COUNT] = {
    [ST_UNIT] = "INSERT INTO unit_result (audit_id, hsa_id, name, status, rollout, launch_date, "
                "launch_disputed, days_to_launch) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    [ST_FINDING] = "INSERT INTO finding (audit_id, hsa_id, rule, severity, file, line, column, path, "
                   "stable_path, message, waived, known, owner, message_id, data) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    [ST_RULE] = "INSERT INTO audit_rule (audit_id, rule, severity, plugin, source_hash) VALUES (?1, ?2, ?3, ?4, ?5)",
    [ST_SUMMARY] = "UPDATE audit SET exit_code = ?2, units = ?3, passed = ?4, failed = ?5, errored = ?6, "
                   "known_gaps = ?7, errors = ?8, ready = ?9, at_risk = ?10, not_ready = ?11, "
                   "launched_not_ready = ?12, findings_error = ?13, findings_warning = ?14, findings_info = ?15 "
                   "WHERE id = ?1",
};

struct sk_history {
    sqlite3 *db;
    char *path;
    sqlite3_stmt *st[ST_COUNT];
    long long audit;   /* the audit being recorded; 0: none */
    char *failed;      /* the first error while recording units (malloc'd) */
};

/* What failed, each a whole sentence (the catalogue's key) before sqlite's message. */
typedef enum { DB_OPEN, DB_LOCK, DB_READ, DB_WRITE } db_what;
static const char *const DB_FAILED[] = {
    [DB_OPEN] = "history database: cannot open it: %s",
    [DB_LOCK] = "history database: cannot lock it: %s",
    [DB_READ] = "history database: cannot read it: %s",
    [DB_WRITE] = "history database: cannot write to it: %s",
};

/* Adds "PATH: history database: cannot ...: sqlite's message" to errs. Returns -1. */
static int db_error(sk_history *h, sk_errors *errs, db_what what)
{
    sk_errors_add(errs, SK_ERR_USAGE, h->path, 0, 0, DB_FAILED[what], sqlite3_errmsg(h->db));
    return -1;
}

/* The path findings are known by across audits: the stable path (list items
 * named by their identity, stable_path.c) when the finding has one, as the
 * baseline keys it and the JSON report's "stable_path" carries it (diff.c);
 * else the report path. The one place the choice is made. */
static const char *identity_path(const sk_finding *f)
{
    return f->stable_path ? f->stable_path : f->path ? f->path : "";
}

static int exec(sk_history *h, const char *sql, sk_errors *errs, db_what what)
{
    return sqlite3_exec(h->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : db_error(h, errs, what);
}

static int user_version(sk_history *h, int *version)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(h->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return -1;
    int rc = sqlite3_step(st) == SQLITE_ROW ? 0 : -1;
    *version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return rc;
}

/* Brings the schema to SK_HISTORY_SCHEMA in one transaction. */
static int upgrade(sk_history *h, sk_errors *errs)
{
    if (exec(h, "BEGIN IMMEDIATE", errs, DB_LOCK))
        return -1;
    int version;
    if (user_version(h, &version)) {
        sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
        return db_error(h, errs, DB_READ);
    }
    if (version > SK_HISTORY_SCHEMA) {
        sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
        sk_errors_add(errs, SK_ERR_USAGE, h->path, 0, 0,
                      "history database: schema version %d is newer than this startklar knows (%d): "
                      "use a newer startklar",
                      version, SK_HISTORY_SCHEMA);
        return -1;
    }
    for (int v = version; v < SK_HISTORY_SCHEMA; v++) {
        char *sql = sk_printf("%sPRAGMA user_version = %d;", MIGRATIONS[v], v + 1);
        int rc = sql ? exec(h, sql, errs, DB_WRITE) : -1;
        free(sql);
        if (rc) {
            sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
            return -1;
        }
    }
    return exec(h, "COMMIT", errs, DB_WRITE);
}

sk_history *sk_history_open(const char *path, int create, sk_errors *errs)
{
    sk_history *h = calloc(1, sizeof *h);
    if (!h || !(h->path = sk_strdup(path))) {
        free(h);
        return NULL;
    }
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path, &h->db, flags, NULL) != SQLITE_OK) {
        if (h->db)
            db_error(h, errs, DB_OPEN);
        else
            sk_errors_add(errs, SK_ERR_USAGE, path, 0, 0, "history database: cannot open it");
        sk_history_close(h);
        return NULL;
    }
    sqlite3_busy_timeout(h->db, 10000); /* another run recording at the same time */
    if (exec(h, "PRAGMA foreign_keys = ON", errs, DB_OPEN) || upgrade(h, errs)) {
        sk_history_close(h);
        return NULL;
    }
    return h;
}

void sk_history_close(sk_history *h)
{
    if (!h)
        return;
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(h->st[i]);
    if (h->audit)
        sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(h->db);
    free(h->failed);
    free(h->path);
    free(h);
}

/* ---- recording ---------------------------------------------------------------- */

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* Runs a bound statement to its end and resets it. */
static int step(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

int sk_history_begin(sk_history *h, const char *as_of, const char *profile, const char *tool_version,
                     sk_severity fail_on, sk_errors *errs)
{
    for (int i = 0; i < ST_COUNT; i++)
        if (!h->st[i] && sqlite3_prepare_v2(h->db, STATEMENTS[i], -1, &h->st[i], NULL) != SQLITE_OK)
            return db_error(h, errs, DB_WRITE);
    if (exec(h, "BEGIN IMMEDIATE", errs, DB_LOCK))
        return -1;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(h->db, "INSERT INTO audit (as_of, profile, tool_version, fail_on) VALUES (?1, ?2, ?3, ?4)",
                           -1, &st, NULL) != SQLITE_OK) {
        sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
        return db_error(h, errs, DB_WRITE);
    }
    bind_text(st, 1, as_of);
    bind_text(st, 2, profile ? profile : "default");
    bind_text(st, 3, tool_version);
    bind_text(st, 4, fail_on == SK_SEV_NONE ? "never" : sk_severity_name(fail_on));
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        db_error(h, errs, DB_WRITE);
        sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    h->audit = sqlite3_last_insert_rowid(h->db);
    return 0;
}

static void unit_failed(sk_history *h)
{
    if (!h->failed)
        h->failed = sk_strdup(sqlite3_errmsg(h->db));
    if (!h->failed)
        h->failed = sk_strdup("out of memory");
}

void sk_history_unit(sk_history *h, const sk_unit_result *u)
{
    if (!h->audit || h->failed)
        return;
    sqlite3_stmt *st = h->st[ST_UNIT];
    sqlite3_bind_int64(st, 1, h->audit);
    bind_text(st, 2, u->hsa_id);
    bind_text(st, 3, u->name);
    bind_text(st, 4, sk_report_status_name(u->status));
    bind_text(st, 5, sk_rollout_name(u->rollout));
    bind_text(st, 6, u->launch_date[0] ? u->launch_date : NULL);
    sqlite3_bind_int(st, 7, u->launch_disputed);
    if (u->launch_date[0])
        sqlite3_bind_int(st, 8, u->days_to_launch);
    if (step(st)) {
        unit_failed(h);
        return;
    }
    st = h->st[ST_FINDING];
    for (size_t i = 0; i < u->nfindings; i++) {
        const sk_finding *f = &u->findings[i];
        sqlite3_bind_int64(st, 1, h->audit);
        bind_text(st, 2, u->hsa_id);
        bind_text(st, 3, f->rule);
        bind_text(st, 4, sk_severity_name(f->severity));
        bind_text(st, 5, f->file);
        sqlite3_bind_int(st, 6, f->line);
        sqlite3_bind_int(st, 7, f->column);
        bind_text(st, 8, f->path ? f->path : "");
        bind_text(st, 9, identity_path(f));
        bind_text(st, 10, f->message);
        sqlite3_bind_int(st, 11, f->waived);
        sqlite3_bind_int(st, 12, f->known);
        bind_text(st, 13, f->owner);
        sk_buf data = {0};
        if (f->message_id && sk_values_json(&data, f->data, f->ndata) == 0 && !data.failed) {
            bind_text(st, 14, f->message_id);
            bind_text(st, 15, data.data);
        } /* else NULL, NULL: shown as recorded (a value JSON cannot hold, out of memory) */
        sk_buf_free(&data);
        if (step(st)) {
            unit_failed(h);
            return;
        }
    }
}

/* FNV-1a 64 of a plugin's source: which version of a rule ran. */
static void source_hash(const char *s, size_t len, char out[17])
{
    uint64_t x = 14695981039346656037ull;
    for (size_t i = 0; i < len; i++)
        x = (x ^ (unsigned char)s[i]) * 1099511628211ull;
    snprintf(out, 17, "%016llx", (unsigned long long)x);
}

static int record_rules(sk_history *h, const sk_rules *r)
{
    sqlite3_stmt *st = h->st[ST_RULE];
    for (size_t i = 0; r && i < r->nrules; i++) {
        const sk_rule *rule = &r->rules[i];
        if (!rule->enabled)
            continue;
        const sk_plugin *p = &r->plugins[rule->plugin];
        char hash[17];
        source_hash(p->source ? p->source : "", p->source ? p->len : 0, hash);
        sqlite3_bind_int64(st, 1, h->audit);
        bind_text(st, 2, rule->info.id);
        bind_text(st, 3, sk_severity_name(rule->info.severity));
        bind_text(st, 4, p->file);
        bind_text(st, 5, hash);
        if (step(st))
            return -1;
    }
    return 0;
}

int sk_history_commit(sk_history *h, const sk_result *res, int exit_code, sk_errors *errs)
{
    if (!h->audit)
        return sk_errors_add(errs, SK_ERR_USAGE, h->path, 0, 0, "history database: no audit begun"), -1;
    if (h->failed) {
        sk_errors_add(errs, SK_ERR_USAGE, h->path, 0, 0, "history database: cannot record a unit: %s", h->failed);
        sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
        h->audit = 0;
        return -1;
    }
    const sk_summary *s = &res->summary;
    sqlite3_stmt *st = h->st[ST_SUMMARY];
    const long long values[] = {
        h->audit, exit_code, (long long)s->units, (long long)s->passed, (long long)s->failed,
        (long long)s->errored, (long long)s->known_gaps, (long long)res->errors.count,
        (long long)s->rollout[SK_ROLLOUT_READY], (long long)s->rollout[SK_ROLLOUT_AT_RISK],
        (long long)s->rollout[SK_ROLLOUT_NOT_READY], (long long)s->rollout[SK_ROLLOUT_LAUNCHED_NOT_READY],
        (long long)s->findings[SK_SEV_ERROR], (long long)s->findings[SK_SEV_WARNING],
        (long long)s->findings[SK_SEV_INFO],
    };
    for (size_t i = 0; i < sizeof values / sizeof *values; i++)
        sqlite3_bind_int64(st, (int)i + 1, values[i]);
    if (step(st) || record_rules(h, res->rules) || sqlite3_exec(h->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        db_error(h, errs, DB_WRITE);
        sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
        h->audit = 0;
        return -1;
    }
    h->audit = 0;
    return 0;
}

/* ---- reading ------------------------------------------------------------------ */

static char *column_text(sqlite3_stmt *st, int i, int *oom)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    if (!t)
        return NULL;
    char *s = sk_strdup((const char *)t);
    if (!s)
        *oom = 1;
    return s;
}

static size_t column_size(sqlite3_stmt *st, int i)
{
    sqlite3_int64 v = sqlite3_column_int64(st, i);
    return v > 0 ? (size_t)v : 0;
}

static const char AUDIT_COLUMNS[] =
    "id, as_of, profile, tool_version, exit_code, units, passed, failed, errored, known_gaps, errors, "
    "ready, at_risk, not_ready, launched_not_ready, findings_error, findings_warning, findings_info";

static int read_audit(sqlite3_stmt *st, sk_audit_row *a)
{
    int oom = 0;
    a->id = sqlite3_column_int64(st, 0);
    a->as_of = column_text(st, 1, &oom);
    a->profile = column_text(st, 2, &oom);
    a->tool_version = column_text(st, 3, &oom);
    a->exit_code = sqlite3_column_int(st, 4);
    a->units = column_size(st, 5);
    a->passed = column_size(st, 6);
    a->failed = column_size(st, 7);
    a->errored = column_size(st, 8);
    a->known_gaps = column_size(st, 9);
    a->errors = column_size(st, 10);
    for (int r = 0; r < SK_ROLLOUT_STATES; r++)
        a->rollout[r] = column_size(st, 11 + r);
    a->findings[SK_SEV_ERROR] = column_size(st, 15);
    a->findings[SK_SEV_WARNING] = column_size(st, 16);
    a->findings[SK_SEV_INFO] = column_size(st, 17);
    return oom ? -1 : 0;
}

int sk_history_audits(sk_history *h, sk_history_rows *out, sk_errors *errs)
{
    memset(out, 0, sizeof *out);
    char *sql = sk_printf("SELECT %s FROM audit ORDER BY as_of, id", AUDIT_COLUMNS);
    sqlite3_stmt *st = NULL;
    if (!sql || sqlite3_prepare_v2(h->db, sql, -1, &st, NULL) != SQLITE_OK) {
        free(sql);
        return db_error(h, errs, DB_READ);
    }
    free(sql);
    size_t cap = 0;
    int rc = 0, s;
    while (rc == 0 && (s = sqlite3_step(st)) == SQLITE_ROW) {
        if (sk_grow((void **)&out->audits, &cap, out->naudits, sizeof *out->audits)) {
            rc = -1;
            break;
        }
        memset(&out->audits[out->naudits], 0, sizeof *out->audits);
        rc = read_audit(st, &out->audits[out->naudits++]);
    }
    if (rc == 0 && s != SQLITE_DONE)
        rc = db_error(h, errs, DB_READ);
    sqlite3_finalize(st);
    return rc;
}

int sk_history_unit_rows(sk_history *h, const char *hsa_id, sk_history_rows *out, sk_errors *errs)
{
    memset(out, 0, sizeof *out);
    static const char SQL[] =
        "SELECT a.as_of, u.status, u.rollout, u.launch_date, u.days_to_launch, u.launch_disputed, "
        "(SELECT count(*) FROM finding f WHERE f.audit_id = a.id AND f.hsa_id = u.hsa_id AND f.severity = 'error'), "
        "(SELECT count(*) FROM finding f WHERE f.audit_id = a.id AND f.hsa_id = u.hsa_id AND f.severity = 'warning'), "
        "(SELECT count(*) FROM finding f WHERE f.audit_id = a.id AND f.hsa_id = u.hsa_id AND f.severity = 'info') "
        "FROM unit_result u JOIN audit a ON a.id = u.audit_id WHERE u.hsa_id = ?1 ORDER BY a.as_of, a.id";
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(h->db, SQL, -1, &st, NULL) != SQLITE_OK)
        return db_error(h, errs, DB_READ);
    bind_text(st, 1, hsa_id);
    size_t cap = 0;
    int rc = 0, s;
    while (rc == 0 && (s = sqlite3_step(st)) == SQLITE_ROW) {
        if (sk_grow((void **)&out->units, &cap, out->nunits, sizeof *out->units)) {
            rc = -1;
            break;
        }
        sk_unit_row *r = &out->units[out->nunits++];
        memset(r, 0, sizeof *r);
        int oom = 0;
        r->as_of = column_text(st, 0, &oom);
        r->status = column_text(st, 1, &oom);
        r->rollout = column_text(st, 2, &oom);
        r->launch_date = column_text(st, 3, &oom);
        r->days_to_launch = sqlite3_column_int(st, 4);
        r->launch_disputed = sqlite3_column_int(st, 5);
        r->findings[SK_SEV_ERROR] = column_size(st, 6);
        r->findings[SK_SEV_WARNING] = column_size(st, 7);
        r->findings[SK_SEV_INFO] = column_size(st, 8);
        rc = oom ? -1 : 0;
    }
    if (rc == 0 && s != SQLITE_DONE)
        rc = db_error(h, errs, DB_READ);
    sqlite3_finalize(st);
    return rc;
}

void sk_history_rows_free(sk_history_rows *rows)
{
    for (size_t i = 0; i < rows->naudits; i++)
        free(rows->audits[i].as_of), free(rows->audits[i].profile), free(rows->audits[i].tool_version);
    for (size_t i = 0; i < rows->nunits; i++)
        free(rows->units[i].as_of), free(rows->units[i].status), free(rows->units[i].rollout),
            free(rows->units[i].launch_date);
    free(rows->audits);
    free(rows->units);
    memset(rows, 0, sizeof *rows);
}

/* ---- snapshots ------------------------------------------------------------------- */

/* The id and as-of of the audit which names (see history.h); 0 when there is none. */
static long long find_audit(sk_history *h, const char *which, char as_of[11], sk_errors *errs)
{
    const char *sql;
    if (strcmp(which, "latest") == 0)
        sql = "SELECT id, as_of FROM audit ORDER BY as_of DESC, id DESC LIMIT 1";
    else if (strcmp(which, "previous") == 0)
        sql = "SELECT id, as_of FROM audit ORDER BY as_of DESC, id DESC LIMIT 1 OFFSET 1";
    else if (sk_date_valid(which, strlen(which)))
        sql = "SELECT id, as_of FROM audit WHERE as_of = ?1 ORDER BY id DESC LIMIT 1";
    else {
        sk_errors_add(errs, SK_ERR_USAGE, h->path, 0, 0,
                      "history database: '@%s' names no audit: use @latest, @previous or @YYYY-MM-DD", which);
        return 0;
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(h->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_error(h, errs, DB_READ), 0;
    if (strchr(sql, '?'))
        bind_text(st, 1, which);
    long long id = 0;
    int s = sqlite3_step(st);
    if (s == SQLITE_ROW) {
        id = sqlite3_column_int64(st, 0);
        snprintf(as_of, 11, "%s", (const char *)sqlite3_column_text(st, 1));
    } else if (s == SQLITE_DONE && strcmp(which, "previous") == 0) {
        sk_errors_add(errs, SK_ERR_USAGE, h->path, 0, 0, "history database: fewer than two audits: no previous one");
    } else if (s == SQLITE_DONE && strcmp(which, "latest") == 0) {
        sk_errors_add(errs, SK_ERR_USAGE, h->path, 0, 0, "history database: no audit recorded");
    } else if (s == SQLITE_DONE) {
        sk_errors_add(errs, SK_ERR_USAGE, h->path, 0, 0, "history database: no audit as of %s", which);
    } else {
        db_error(h, errs, DB_READ);
    }
    sqlite3_finalize(st);
    return id;
}

static sk_snap_unit *snap_unit(sk_snapshot *s, const char *hsa_id)
{
    /* findings come sorted by unit, as do the units: the last one is it, else search */
    for (size_t i = s->nunits; i-- > 0;)
        if (strcmp(s->units[i].hsa_id, hsa_id) == 0)
            return &s->units[i];
    return NULL;
}

/* The finding's message id and values from columns i and i + 1: 0 (none
 * when either is NULL or the values do not read: the recorded message is
 * shown), -1 when out of memory. */
static int read_message_data(sqlite3_stmt *st, int i, sk_snap_finding *f)
{
    const unsigned char *id = sqlite3_column_text(st, i), *data = sqlite3_column_text(st, i + 1);
    if (!id || !data)
        return 0;
    int rc = sk_values_parse((const char *)data, &f->data, &f->ndata);
    if (rc)
        return rc < 0 ? -1 : 0;
    if (!(f->message_id = sk_strdup((const char *)id))) {
        sk_values_free(f->data, f->ndata);
        f->data = NULL, f->ndata = 0;
        return -1;
    }
    return 0;
}

int sk_history_snapshot(sk_history *h, const char *which, sk_snapshot *out, sk_errors *errs)
{
    memset(out, 0, sizeof *out);
    char as_of[11] = "";
    long long id = find_audit(h, which, as_of, errs);
    if (!id)
        return -1;
    if (!(out->label = sk_printf("%s@%s", h->path, as_of)) || !(out->as_of = sk_strdup(as_of)))
        return -1;
    sqlite3_stmt *st = NULL;
    int rc = 0, s = SQLITE_DONE, oom = 0;
    size_t cap = 0;
    if (sqlite3_prepare_v2(h->db, "SELECT profile FROM audit WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
        return db_error(h, errs, DB_READ);
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW)
        out->profile = column_text(st, 0, &oom);
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(h->db,
                           "SELECT hsa_id, name, status, rollout, launch_date FROM unit_result "
                           "WHERE audit_id = ?1 ORDER BY hsa_id",
                           -1, &st, NULL) != SQLITE_OK)
        return db_error(h, errs, DB_READ);
    sqlite3_bind_int64(st, 1, id);
    while (!oom && (s = sqlite3_step(st)) == SQLITE_ROW) {
        if (sk_grow((void **)&out->units, &cap, out->nunits, sizeof *out->units)) {
            oom = 1;
            break;
        }
        sk_snap_unit *u = &out->units[out->nunits++];
        memset(u, 0, sizeof *u);
        u->hsa_id = column_text(st, 0, &oom);
        u->name = column_text(st, 1, &oom);
        u->status = column_text(st, 2, &oom);
        u->rollout = column_text(st, 3, &oom);
        u->launch_date = column_text(st, 4, &oom);
        if (!u->hsa_id)
            oom = 1;
    }
    sqlite3_finalize(st);
    if (oom)
        return -1;
    if (s != SQLITE_DONE)
        return db_error(h, errs, DB_READ);
    if (sqlite3_prepare_v2(h->db,
                           "SELECT hsa_id, rule, severity, file, stable_path, message, message_id, data "
                           "FROM finding "
                           "WHERE audit_id = ?1 ORDER BY hsa_id",
                           -1, &st, NULL) != SQLITE_OK)
        return db_error(h, errs, DB_READ);
    sqlite3_bind_int64(st, 1, id);
    sk_snap_unit *u = NULL;
    size_t fcap = 0;
    while (!oom && (s = sqlite3_step(st)) == SQLITE_ROW) {
        const char *unit = (const char *)sqlite3_column_text(st, 0);
        if (!unit)
            continue;
        if (!u || strcmp(u->hsa_id, unit) != 0) {
            u = snap_unit(out, unit);
            fcap = u ? u->nfindings : 0;
        }
        if (!u)
            continue;
        if (sk_grow((void **)&u->findings, &fcap, u->nfindings, sizeof *u->findings)) {
            oom = 1;
            break;
        }
        sk_snap_finding *f = &u->findings[u->nfindings++];
        memset(f, 0, sizeof *f);
        f->rule = column_text(st, 1, &oom);
        f->severity = column_text(st, 2, &oom);
        f->file = column_text(st, 3, &oom);
        f->path = column_text(st, 4, &oom);
        f->message = column_text(st, 5, &oom);
        if (!oom && read_message_data(st, 6, f) < 0)
            oom = 1;
    }
    sqlite3_finalize(st);
    if (oom)
        return -1;
    if (s != SQLITE_DONE)
        rc = db_error(h, errs, DB_READ);
    sk_snapshot_sort(out);
    return rc;
}
