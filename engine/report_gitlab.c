/* report_gitlab.c: the gitlab writer, GitLab Code Quality JSON (the
 * artifacts:reports:codequality of a job): one array, an issue per finding
 * that counts (a waived or known finding is left out: it does not fail the
 * gate), then one per error (what could not be judged) and per warning
 * (expired, stale, expiring waivers) that has a file. Each issue has
 * description, check_name (the rule), a fingerprint, severity and
 * location.path (relative to the directory startklar ran in) with
 * location.lines.begin. Severity: info -> info, warning -> minor, error ->
 * major; what could not be judged -> critical; a waiver's warning -> minor.
 * The fingerprint is a hash of the unit, the rule and the finding's stable
 * path (target_groups[id=chefer], the baseline's key), and a count when one
 * rule finds more at the same place: the same finding keeps it from run to
 * run, however the document is reordered or reworded, so GitLab can tell new
 * issues from fixed ones. */
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const SEVERITIES[] = {"info", "info", "minor", "major"};


/* 64-bit FNV-1a over the parts, each followed by a NUL, from a seed. */
static uint64_t fnv(uint64_t h, const char *const *parts, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (const unsigned char *p = (const unsigned char *)(parts[i] ? parts[i] : ""); *p; p++)
            h = (h ^ *p) * 0x100000001b3ULL;
        h = (h ^ 0) * 0x100000001b3ULL;
    }
    return h;
}

/* 32 hex digits: two FNV-1a hashes of the parts from different seeds. */
static void fingerprint(char out[33], const char *const *parts, size_t n)
{
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)fnv(0xcbf29ce484222325ULL, parts, n),
             (unsigned long long)fnv(0x84222325cbf29ce4ULL, parts, n));
}

static void issue(sk_writing *w, const char *check, const char *description, const char *severity,
                  const char *file, int line, const char *const *key, size_t nkey)
{
    FILE *out = w->out;
    const char *rel = sk_report_relative(w->state, file);
    char fp[33];
    fingerprint(fp, key, nkey);
    fputs(w->items++ ? ",\n  {\"description\": " : "\n  {\"description\": ", out);
    sk_report_json_str(out, description ? description : "");
    fputs(", \"check_name\": ", out);
    sk_report_json_str(out, check);
    fprintf(out, ", \"fingerprint\": \"%s\", \"severity\": \"%s\",\n   \"location\": {\"path\": ", fp, severity);
    sk_report_json_str(out, rel ? rel : file);
    fprintf(out, ", \"lines\": {\"begin\": %d}}}", line > 0 ? line : 1);
}

void sk_gitlab_begin(sk_writing *w)
{
    sk_report_dir *cwd = calloc(1, sizeof *cwd); /* NULL: absolute paths as given */
    if (cwd)
        sk_report_cwd(cwd);
    w->state = cwd;
    fputc('[', w->out);
}

void sk_gitlab_unit(sk_writing *w, const sk_unit_result *u)
{
    for (size_t i = 0; i < u->nfindings; i++) {
        const sk_finding *f = &u->findings[i];
        if (f->waived || f->known)
            continue;
        const char *where = f->stable_path ? f->stable_path : f->path;
        /* the how-manieth finding of this rule at this place in the unit */
        unsigned long nth = 0;
        for (size_t j = 0; j < i; j++) {
            const sk_finding *e = &u->findings[j];
            const char *there = e->stable_path ? e->stable_path : e->path;
            nth += strcmp(e->rule ? e->rule : "", f->rule ? f->rule : "") == 0 &&
                   strcmp(there ? there : "", where ? where : "") == 0;
        }
        char count[24];
        snprintf(count, sizeof count, "%lu", nth);
        const char *key[] = {"finding", u->hsa_id, f->rule, where, count};
        issue(w, f->rule, f->message, SEVERITIES[(unsigned)f->severity < 4 ? f->severity : SK_SEV_ERROR], f->file,
              f->line, key, sizeof key / sizeof *key);
    }
}

void sk_gitlab_end(sk_writing *w)
{
    const sk_result *res = w->res;
    for (size_t i = 0; i < res->errors.count; i++) {
        const sk_error *e = &res->errors.items[i];
        if (!e->file)
            continue; /* Code Quality needs a file: the job log has it */
        char check[64];
        snprintf(check, sizeof check, "startklar/%s-error", sk_report_error_kind(e->kind));
        const char *key[] = {check, e->unit, e->rule, e->file, e->message};
        issue(w, e->rule ? e->rule : check, e->message, "critical", e->file, e->line, key, sizeof key / sizeof *key);
    }
    for (size_t i = 0; i < res->warnings.count; i++) {
        const sk_error *e = &res->warnings.items[i];
        if (!e->file)
            continue;
        const char *key[] = {"startklar/warning", e->file, e->message};
        issue(w, "startklar/warning", e->message, "minor", e->file, e->line, key, sizeof key / sizeof *key);
    }
    fputs(w->items ? "\n]\n" : "]\n", w->out);
    free(w->state);
    w->state = NULL;
}
