/* history.h: a rollout over time in libstartklar. Audits are recorded in an
 * SQLite database (one transaction per audit, the schema versioned with
 * PRAGMA user_version and upgraded in place: docs/rollout.md), read back as
 * readiness over time, and two audits -- from the database or from JSON
 * reports -- are compared unit by unit (diff). */
#ifndef STARTKLAR_HISTORY_H
#define STARTKLAR_HISTORY_H

#include "startklar/startklar.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The schema version this library writes (PRAGMA user_version). */
#define SK_HISTORY_SCHEMA 3

typedef struct sk_history sk_history;

/* Opens the database at path (creating it when create is set), upgrading its
 * schema in place. NULL with an error added (no such file, a newer schema,
 * not a database); NULL with no error when out of memory. */
sk_history *sk_history_open(const char *path, int create, sk_errors *errs);
/* Closes it; an audit begun and not committed is rolled back. */
void sk_history_close(sk_history *h);

/* ---- recording: begin, each unit as it is judged, commit ------------------- */

/* Begins an audit (one transaction). 0, or -1 with an error added. */
int sk_history_begin(sk_history *h, const char *as_of, const char *profile, const char *tool_version,
                     sk_severity fail_on, sk_errors *errs);
/* Adds a judged unit with its findings. An error is kept and reported by commit. */
void sk_history_unit(sk_history *h, const sk_unit_result *u);
/* Adds the rules that ran and the summary and commits: the audit is in the
 * database whole, or (on -1, error added) not at all. */
int sk_history_commit(sk_history *h, const sk_result *res, int exit_code, sk_errors *errs);

/* ---- reading --------------------------------------------------------------- */

typedef struct sk_audit_row {
    long long id;
    char *as_of, *profile, *tool_version;
    int exit_code;
    size_t units, passed, failed, errored, known_gaps, errors; /* by sk_unit_status; errors: entries */
    size_t rollout[SK_ROLLOUT_STATES];
    size_t findings[4]; /* by sk_severity */
} sk_audit_row;

/* One unit in one audit. */
typedef struct sk_unit_row {
    char *as_of;
    char *status, *rollout, *launch_date; /* launch_date NULL when none */
    int days_to_launch, launch_disputed;
    size_t findings[4];
} sk_unit_row;

typedef struct sk_history_rows {
    sk_audit_row *audits; /* by as-of, then by recording order */
    size_t naudits;
    sk_unit_row *units;   /* sk_history_unit_rows: the unit in each audit that has it */
    size_t nunits;
} sk_history_rows;

/* Every audit. 0, or -1 with an error added. */
int sk_history_audits(sk_history *h, sk_history_rows *out, sk_errors *errs);
/* The unit in every audit that checked it. 0, or -1 with an error added. */
int sk_history_unit_rows(sk_history *h, const char *hsa_id, sk_history_rows *out, sk_errors *errs);
void sk_history_rows_free(sk_history_rows *rows);

/* ---- snapshots: one audit's units and findings, for diff ------------------- */

typedef struct sk_snap_finding {
    char *rule, *severity, *file, *path, *message; /* path: the stable path when known;
                                                      message: as recorded */
    char *message_id;  /* the rule's message it was rendered from, with its values: NULL
                          when the recording has none (a plain message, an audit recorded
                          before schema version 3, a report without them) */
    sk_value *data;    /* the values of its placeholders, sorted by name */
    size_t ndata;
    char *shown;       /* sk_snapshot_render: the message in the run's language (NULL: message) */
} sk_snap_finding;

typedef struct sk_snap_unit {
    char *hsa_id, *name, *status, *rollout, *launch_date; /* launch_date NULL when none */
    sk_snap_finding *findings; /* sorted by rule, file, path, message */
    size_t nfindings;
} sk_snap_unit;

typedef struct sk_snapshot {
    char *label; /* what it was read from: "FILE.db@2027-04-10", "report.json" */
    char *as_of, *profile;
    sk_snap_unit *units; /* sorted by hsa_id */
    size_t nunits;
} sk_snapshot;

/* The audit that which names: "latest", "previous" (the one before the
 * latest) or a date YYYY-MM-DD (the last audit recorded as of that date).
 * 0, or -1 with an error added. */
int sk_history_snapshot(sk_history *h, const char *which, sk_snapshot *out, sk_errors *errs);
/* A JSON report (`--format json`) read with jansson. 0, or -1 with an error added. */
int sk_snapshot_from_json(const char *path, sk_snapshot *out, sk_errors *errs);
/* Renders each finding's message in cat's language from its message id and
 * values, where rules has the finding's rule and the rule that message id (a
 * template that names a value the recording lacks counts as not having it);
 * other findings show the message as recorded. Under strict mode (the
 * tests') a message that could not be rendered in cat's language is marked
 * "[untranslated] ". Comparing (sk_diff_write) still reads the recorded
 * message. 0, or -1 when out of memory. */
int sk_snapshot_render(sk_snapshot *s, const sk_rules *rules, const sk_catalogue *cat);
/* Sorts the units and their findings (the readers call it). */
void sk_snapshot_sort(sk_snapshot *s);
void sk_snapshot_free(sk_snapshot *s);

/* ---- diff ------------------------------------------------------------------ */

/* Writes what changed from old to new per unit -- newly ready, newly blocked,
 * new and fixed findings, launch dates moved, units added or gone -- in
 * format "text", "json" or "markdown", labels in cat's language, each
 * finding's message as sk_snapshot_render left it (else as recorded). Returns 1
 * when anything changed, 0 when nothing did, -1 on an unknown format, -2 on a
 * write error. */
int sk_diff_write(const sk_snapshot *old, const sk_snapshot *new_, const char *format,
                  const sk_catalogue *cat, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
