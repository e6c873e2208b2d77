/* check.c: the whole pipeline, for `check` and `audit` alike: discover the
 * files, index which files hold which units, then check the units in key
 * order on N worker threads (each with its own runtime: one lua_State and
 * the rules), judge and report each unit in order as soon as it and all
 * before it are done. Memory follows the units in flight, not the corpus. */
#include "internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Units checked ahead of the one written next, per job. A thread that is
 * descheduled for a few milliseconds (a shared machine) while it checks the
 * next unit in order must not stop the others: 32 units are about 13 ms of
 * work each (8 stopped a worker 250-300 times a run), for about 5 KB each. */
#define UNITS_IN_FLIGHT_PER_JOB 32

typedef enum { SLOT_EMPTY, SLOT_DONE } slot_state;

/* One unit's outcome, handed from a worker to the writer. */
typedef struct slot {
    slot_state state;
    unsigned maker; /* who checked it: 0 the main thread, k the k-th worker */
    int present; /* the unit has documents or input errors */
    sk_unit_result result;
    sk_errors errors; /* input errors of the files it owns, and rule errors */
    sk_errors warnings; /* two names for the unit */
} slot;

/* Results a worker made, written by the main thread and handed back to be
 * freed by the worker: freed by the main thread, each block would go back to
 * the worker's malloc arena under the arena's lock, which the worker takes
 * for its own allocations all the time (a futex wait or wake on about a
 * third of the units, measured). */
typedef struct spent {
    sk_unit_result *items;
    size_t count, cap;
} spent;

typedef struct batch {
    const sk_check_options *o;
    const sk_rules *rules;
    const sk_limits *limits;
    sk_index *ix;
    size_t ntodo; /* units to check (fewer when the index could not be read to the end) */
    sk_errors index_errors; /* of reading the index in pass 2 (under mu) */
    slot *slots;  /* the i-th unit lands in slots[i % window] */
    size_t window;
    pthread_mutex_t mu;
    pthread_cond_t can_take, can_write;
    size_t next_take, next_write;
    int takers_waiting;  /* workers waiting for room in the window */
    int writer_waiting;  /* the writer waits for slot next_write */
    int failed; /* out of memory somewhere: stop */
    size_t leaked; /* bytes the workers' lua_States still counted when closed (should be 0) */
    sk_report *report; /* the streamed report, when there is one */
    sk_timing *timing; /* --timing: the run's sum (workers add theirs under mu), or NULL */
    sk_timing *mine;   /* --timing: the main thread's own counters */
    spent *spent;      /* per thread (under mu): [k] the k-th worker's results to free */
} batch;

/* Moves every error of from to the end of to. */
static int move_errors(sk_errors *to, sk_errors *from)
{
    for (size_t i = 0; i < from->count; i++) {
        if (sk_grow((void **)&to->items, &to->cap, to->count, sizeof *to->items))
            return -1;
        to->items[to->count++] = from->items[i];
    }
    free(from->items);
    sk_errors_init(from);
    return 0;
}

/* A unit named otherwise in two documents: a warning at the second, naming
 * the first (whose name is used). 0, or -1 when out of memory. */
static int name_warning(const sk_unit *u, sk_errors *warnings)
{
    const sk_doc *used = u->name_doc, *other = u->name_clash;
    if (!other)
        return 0;
    return sk_errors_add(warnings, SK_ERR_WARNING, other->file, other->name_at->line,
                         other->name_at->column,
                         "unit %s is named '%s' here but '%s' at %s:%d: the name in the first file "
                         "in path order is used",
                         u->hsa_id, other->unit_name, used->unit_name, used->file, used->name_at->line)
               ? -1
               : 0;
}

/* The file saved from standard input is shown by the name the caller gave
 * it (sk_check_options.stdin_path): in errors... */
static int rename_errors(const sk_check_options *o, sk_errors *errs)
{
    for (size_t i = 0; o->stdin_path && i < errs->count; i++) {
        sk_error *e = &errs->items[i];
        if (!e->file || strcmp(e->file, o->stdin_path) != 0)
            continue;
        char *name = sk_strdup(o->stdin_name ? o->stdin_name : "<stdin>");
        if (!name)
            return -1;
        free(e->file);
        e->file = name;
    }
    return 0;
}

/* ... and in documents (the units' files, the findings' positions). */
static void rename_docs(const sk_check_options *o, sk_docset *ds, size_t from)
{
    for (size_t i = from; o->stdin_path && i < ds->count; i++)
        if (strcmp(ds->docs[i].file, o->stdin_path) == 0)
            ds->docs[i].file = o->stdin_name ? o->stdin_name : "<stdin>";
}

/* Loads the files of one unit and checks it. */
static int check_unit(batch *b, sk_runtime *rt, sk_docset *ds, const sk_index_unit *iu, slot *out)
{
    const char *key = iu->text.data;
    unsigned long long t0 = ds->timing ? sk_now_ns() : 0;
    unsigned long long schema0 = ds->timing ? ds->timing->stage_ns[SK_STAGE_SCHEMA] : 0;
    sk_docset_reset(ds);
    sk_errors all;
    sk_errors_init(&all);
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < iu->nfiles; k++) {
        sk_errors file_errors;
        sk_errors_init(&file_errors);
        /* the file as the index found it, or an error of this unit */
        size_t docs = ds->count;
        if (sk_index_load(iu, k, ds, &file_errors) || rename_errors(b->o, &file_errors)) {
            sk_errors_free(&file_errors);
            rc = -1;
            break;
        }
        rename_docs(b->o, ds, docs);
        /* an input error in the unit's file that names no unit (a document that cannot be
         * placed) is the unit's: it stays with the unit's shard and its statement */
        for (size_t i = 0; rc == 0 && i < file_errors.count; i++) {
            sk_error *e = &file_errors.items[i];
            if (e->kind == SK_ERR_INPUT && !e->unit && !(e->unit = sk_strdup(key)))
                rc = -1;
        }
        /* a file shared by several units is reported by one of them */
        for (size_t i = 0; rc == 0 && iu->owns[k] && i < file_errors.count; i++) {
            const sk_error *e = &file_errors.items[i];
            rc = sk_errors_copy(&out->errors, e);
        }
        if (rc == 0)
            rc = move_errors(&all, &file_errors);
        sk_errors_free(&file_errors);
    }
    if (ds->timing) /* the schema check is a stage of its own */
        ds->timing->stage_ns[SK_STAGE_LOAD] +=
            sk_now_ns() - t0 - (ds->timing->stage_ns[SK_STAGE_SCHEMA] - schema0);
    sk_unitset *us = rc == 0 ? sk_group(ds, &all) : NULL;
    if (rc == 0 && !us)
        rc = -1;
    for (size_t i = 0; us && i < us->count; i++) {
        if (strcmp(us->units[i].hsa_id, key) != 0)
            continue;
        out->present = 1;
        rc = name_warning(&us->units[i], &out->warnings);
        if (rc == 0)
            rc = sk_runtime_check(rt, &us->units[i], b->o->as_of, &out->result, &out->errors);
        break;
    }
    sk_unitset_free(us);
    sk_errors_free(&all);
    return rc;
}

/* Takes the next unit of the index into iu, with b->mu held: 1 and *i its
 * number, or 0 when the index ended early (a read error was added, or out
 * of memory: failed) and fewer units are to be written. */
static int take_unit(batch *b, sk_index_unit *iu, size_t *i)
{
    int got = sk_index_next(b->ix, iu, &b->index_errors);
    if (got == 1) {
        *i = b->next_take++;
        return 1;
    }
    b->ntodo = b->next_take;
    if (got < 0)
        b->failed = 1;
    pthread_cond_broadcast(&b->can_write);
    pthread_cond_broadcast(&b->can_take);
    return 0;
}

typedef struct worker_arg {
    batch *b;
    unsigned id; /* 1 for the first worker */
} worker_arg;

/* Takes the worker's results handed back into own, with b->mu held. 0, or
 * -1 out of memory (they are then freed at the end of the batch). */
static int take_spent(batch *b, unsigned id, spent *own)
{
    spent *from = &b->spent[id];
    if (!from->count)
        return 0;
    while (own->cap < own->count + from->count)
        if (sk_grow((void **)&own->items, &own->cap, own->cap, sizeof *own->items))
            return -1;
    memcpy(own->items + own->count, from->items, from->count * sizeof *from->items);
    own->count += from->count;
    from->count = 0;
    return 0;
}

static void free_spent(spent *own)
{
    for (size_t i = 0; i < own->count; i++)
        sk_unit_result_free(&own->items[i]);
    own->count = 0;
}

static void *worker(void *arg)
{
    batch *b = ((worker_arg *)arg)->b;
    unsigned id = ((worker_arg *)arg)->id;
    spent own = {0};
    sk_error err;
    sk_runtime *rt = sk_runtime_new(b->rules, &err);
    sk_docset *ds = sk_docset_new(b->limits); /* reused unit after unit */
    sk_index_unit iu = {0};
    sk_timing *t = b->timing ? sk_timing_new() : NULL;
    if (!rt || !ds || (b->timing && !t)) {
        sk_runtime_free(rt);
        sk_docset_free(ds);
        sk_timing_free(t);
        sk_error_clear(&err);
        pthread_mutex_lock(&b->mu);
        b->failed = 1;
        pthread_cond_broadcast(&b->can_write);
        pthread_mutex_unlock(&b->mu);
        return NULL;
    }
    sk_runtime_timing(rt, t);
    ds->timing = t;
    for (;;) {
        pthread_mutex_lock(&b->mu);
        while (!b->failed && b->next_take < b->ntodo && b->next_take >= b->next_write + b->window) {
            b->takers_waiting++;
            pthread_cond_wait(&b->can_take, &b->mu);
            b->takers_waiting--;
        }
        if (b->failed || b->next_take >= b->ntodo) {
            pthread_mutex_unlock(&b->mu);
            break;
        }
        /* the index is read in order, one unit per take */
        size_t i;
        if (!take_unit(b, &iu, &i)) {
            pthread_mutex_unlock(&b->mu);
            break;
        }
        take_spent(b, id, &own);
        pthread_mutex_unlock(&b->mu);
        free_spent(&own);

        slot s = {.maker = id};
        sk_errors_init(&s.errors);
        sk_errors_init(&s.warnings);
        int rc = check_unit(b, rt, ds, &iu, &s);

        pthread_mutex_lock(&b->mu);
        if (rc)
            b->failed = 1;
        s.state = SLOT_DONE;
        b->slots[i % b->window] = s;
        /* wake the writer only when it waits for this very unit */
        if (b->writer_waiting && (i == b->next_write || b->failed))
            pthread_cond_signal(&b->can_write);
        pthread_mutex_unlock(&b->mu);
    }
    size_t left = sk_runtime_free(rt);
    sk_docset_free(ds);
    sk_index_unit_free(&iu);
    free_spent(&own); /* what was handed back after its last unit is freed by run_batch */
    free(own.items);
    pthread_mutex_lock(&b->mu);
    b->leaked += left;
    if (t && sk_timing_add(b->timing, t))
        b->failed = 1;
    pthread_mutex_unlock(&b->mu);
    sk_timing_free(t);
    return NULL;
}

/* The findings' messages in the report's language, rendered from their
 * rule's templates (a plain message stays as the rule wrote it); each
 * message that fell back to another language is noted once in missing
 * ("RULE message-id"). 0, or -1 when out of memory. */
static int translate_findings(const sk_rules *rules, const sk_catalogue *c, sk_unit_result *u,
                              sk_errors *missing)
{
    const char *lang = sk_catalogue_lang(c);
    for (size_t i = 0; i < u->nfindings; i++) {
        sk_finding *f = &u->findings[i];
        const sk_rule_info *r = sk_rules_find(rules, f->rule);
        if (sk_note_untranslated_title(missing, r, lang))
            return -1;
        if (!f->message_id)
            continue;
        /* English: rendered when the rule reported it */
        if (c && sk_finding_render(f, r, lang))
            return -1;
        if (f->lang[0] && strcmp(f->lang, lang) != 0) {
            if (sk_note_untranslated(missing, f, r, lang))
                return -1;
            char *marked = sk_catalogue_strict(c) ? sk_printf("[untranslated] %s", f->message) : NULL;
            if (marked)
                free(f->message), f->message = marked;
        }
    }
    return 0;
}

/* Judges and reports (or keeps) the unit of one slot; takes its errors
 * either way, and its result unless reported (then the caller frees it). */
static int deliver(batch *b, sk_result *res, slot *s, size_t *written)
{
    int rc = move_errors(&res->errors, &s->errors);
    if (rc == 0)
        rc = move_errors(&res->warnings, &s->warnings);
    if (rc || !s->present) {
        sk_unit_result_free(&s->result);
        return rc;
    }
    const sk_check_options *o = b->o;
    unsigned long long t0 = b->mine ? sk_now_ns() : 0;
    if (sk_judge_unit(res, &s->result)) {
        sk_unit_result_free(&s->result);
        return -1;
    }
    if (o->unit_judged)
        o->unit_judged(o->unit_judged_ud, &s->result);
    if (translate_findings(res->rules, res->catalogue, &s->result, &res->warnings)) {
        sk_unit_result_free(&s->result);
        return -1;
    }
    unsigned long long t1 = b->mine ? sk_now_ns() : 0;
    if (b->mine)
        b->mine->stage_ns[SK_STAGE_JUDGE] += t1 - t0;
    if (o->format) {
        /* the result is freed by the caller, by whoever made it */
        if (sk_report_unit(b->report, &s->result) == -2)
            rc = -2;
        if (b->mine)
            b->mine->stage_ns[SK_STAGE_REPORT] += sk_now_ns() - t1;
    } else {
        sk_unit_result *units = realloc(res->units, (res->nunits + 1) * sizeof *units);
        if (!units) {
            sk_unit_result_free(&s->result);
            return -1;
        }
        res->units = units;
        res->units[res->nunits++] = s->result;
        memset(&s->result, 0, sizeof s->result);
    }
    (*written)++;
    return rc;
}

/* jobs - 1 worker threads (none for one job), and this thread, which
 * checks units too and, between its own, judges and reports every unit that
 * is ready in order. It sleeps only when it can neither take nor write, so a
 * batch costs few thread wake-ups (each one a reschedule on a VM). */
static int run_batch(batch *b, sk_result *res)
{
    const sk_check_options *o = b->o;
    unsigned jobs = o->jobs ? o->jobs : 1;
    if (jobs > 256)
        jobs = 256;
    b->window = (size_t)jobs * UNITS_IN_FLIGHT_PER_JOB;
    b->slots = calloc(b->window, sizeof *b->slots);
    b->spent = calloc(jobs, sizeof *b->spent);
    sk_error err;
    sk_runtime *rt = sk_runtime_new(b->rules, &err);
    sk_docset *ds = sk_docset_new(b->limits);
    if (!rt) {
        sk_error_clear(&err);
    }
    b->mine = b->timing ? sk_timing_new() : NULL;
    if (!b->slots || !b->spent || !rt || !ds || (b->timing && !b->mine)) {
        sk_timing_free(b->mine);
        b->mine = NULL;
        free(b->slots);
        free(b->spent);
        b->leaked += sk_runtime_free(rt);
        sk_docset_free(ds);
        return -1;
    }
    sk_runtime_timing(rt, b->mine);
    ds->timing = b->mine;
    pthread_mutex_init(&b->mu, NULL);
    pthread_cond_init(&b->can_take, NULL);
    pthread_cond_init(&b->can_write, NULL);
    pthread_t threads[256];
    worker_arg args[256];
    unsigned started = 0;
    for (; started < jobs - 1 && started + 1 < b->ntodo; started++) {
        args[started] = (worker_arg){b, started + 1};
        if (pthread_create(&threads[started], NULL, worker, &args[started]) != 0)
            break;
    }
    int rc = 0;
    size_t written = 0;
    sk_index_unit iu = {0};
    pthread_mutex_lock(&b->mu);
    for (;;) {
        slot *s = &b->slots[b->next_write % b->window];
        if (b->failed)
            break;
        if (b->next_write < b->ntodo && s->state == SLOT_DONE) {
            /* the next unit in order is done: judge and report it */
            slot taken = *s;
            memset(s, 0, sizeof *s);
            size_t i = b->next_write++;
            if (b->takers_waiting)
                pthread_cond_broadcast(&b->can_take);
            pthread_mutex_unlock(&b->mu);
            int r = deliver(b, res, &taken, &written);
            if (r == -2)
                rc = -2;
            if (o->progress)
                o->progress(o->progress_ud, i + 1, b->ntodo);
            if (!taken.maker)
                sk_unit_result_free(&taken.result);
            pthread_mutex_lock(&b->mu);
            if (r == -1)
                b->failed = 1;
            /* a worker's result goes back to it (freed here if the list cannot grow) */
            spent *back = taken.maker ? &b->spent[taken.maker] : NULL;
            if (back && sk_grow((void **)&back->items, &back->cap, back->count, sizeof *back->items))
                sk_unit_result_free(&taken.result);
            else if (back)
                back->items[back->count++] = taken.result;
            continue;
        }
        if (b->next_write >= b->ntodo)
            break; /* all written */
        if (b->next_take < b->ntodo && b->next_take < b->next_write + b->window) {
            /* room in the window: check the next unit here */
            size_t i;
            if (!take_unit(b, &iu, &i))
                continue;
            pthread_mutex_unlock(&b->mu);
            slot mine = {0};
            sk_errors_init(&mine.errors);
            sk_errors_init(&mine.warnings);
            int r = check_unit(b, rt, ds, &iu, &mine);
            pthread_mutex_lock(&b->mu);
            if (r)
                b->failed = 1;
            mine.state = SLOT_DONE;
            b->slots[i % b->window] = mine;
            continue;
        }
        /* the next unit in order is a worker's, still being checked */
        b->writer_waiting = 1;
        pthread_cond_wait(&b->can_write, &b->mu);
        b->writer_waiting = 0;
    }
    if (b->failed)
        rc = -1;
    pthread_cond_broadcast(&b->can_take);
    pthread_mutex_unlock(&b->mu);
    for (unsigned t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    if (b->mine && sk_timing_add(b->timing, b->mine))
        rc = -1;
    sk_timing_free(b->mine);
    b->mine = NULL;
    /* what the workers were handed back after their last unit */
    for (unsigned k = 0; k < jobs; k++) {
        free_spent(&b->spent[k]);
        free(b->spent[k].items);
    }
    free(b->spent);
    /* whatever was finished after a failure */
    for (size_t i = 0; i < b->window; i++) {
        sk_unit_result_free(&b->slots[i].result);
        sk_errors_free(&b->slots[i].errors);
        sk_errors_free(&b->slots[i].warnings);
    }
    b->leaked += sk_runtime_free(rt);
    sk_docset_free(ds);
    sk_index_unit_free(&iu);
    pthread_cond_destroy(&b->can_take);
    pthread_cond_destroy(&b->can_write);
    pthread_mutex_destroy(&b->mu);
    free(b->slots);
    return rc;
}

/* In a sharded run, an error that belongs to no unit (a rule file, a file
 * nobody could place) is reported by one shard only, chosen by its file, so
 * that the shards' reports add up to the whole. */
static void keep_shard_errors(sk_result *res, const sk_check_options *o)
{
    size_t w = 0;
    for (size_t i = 0; i < res->errors.count; i++) {
        sk_error *e = &res->errors.items[i];
        if (e->unit || sk_shard_of(e->file ? e->file : "", o->shards) == o->shard) {
            res->errors.items[w++] = *e;
            continue;
        }
        sk_error_clear(e);
    }
    res->errors.count = w;
}

/* The profile, --only/--skip, --waivers and --baseline. Returns 1 when the
 * run must judge nothing: no valid as_of, no rule to run, or a usage or
 * policy error (each added to the run's errors); 0 to go on; -1 when out of
 * memory. */
static int setup_policy(const sk_check_options *o, sk_result *res, sk_rules *rules)
{
    if (!(res->policy = sk_policy_new(o->collect_baseline)))
        return -1;
    size_t before = res->errors.count;
    if (!o->as_of || !sk_date_valid(o->as_of, strlen(o->as_of)))
        return sk_errors_add(&res->errors, SK_ERR_USAGE, NULL, 0, 0,
                             "the date to judge against (as_of) must be a real date YYYY-MM-DD") ? -1 : 1;
    /* a profile changes the rules: never the caller's own loaded set */
    if (o->profile_path && rules == res->owned_rules)
        sk_policy_profile(res->policy, rules, o->profile_path, o->profiles_dir, &res->errors);
    if ((o->only || o->skip) && rules == res->owned_rules)
        sk_rules_select(rules, o->only, o->skip, &res->errors);
    for (size_t i = 0; i < o->nwaiver_files; i++)
        sk_policy_load_waivers(res->policy, o->waiver_files[i], rules, o->as_of, &res->errors);
    if (o->baseline)
        sk_policy_load_baseline(res->policy, o->baseline, rules, &res->errors, &res->warnings);
    sk_policy_shard(res->policy, o->shard, o->shards);
    for (size_t i = before; i < res->errors.count; i++)
        if (res->errors.items[i].kind == SK_ERR_USAGE || res->errors.items[i].kind == SK_ERR_POLICY)
            return 1;
    size_t enabled = 0;
    for (size_t i = 0; i < sk_rules_count(rules); i++)
        enabled += sk_rules_enabled(rules, i) != 0;
    if (!enabled)
        return sk_errors_add(&res->errors, SK_ERR_USAGE, NULL, 0, 0,
                             "no rules to run: none was loaded, or the profile and --only/--skip switched "
                             "every one off") ? -1 : 1;
    return 0;
}

int sk_check(const sk_check_options *o, sk_result *res)
{
    memset(res, 0, sizeof *res);
    res->tool_version = SK_VERSION;
    res->as_of = o->as_of;
    res->profile = o->profile ? o->profile : "default";
    res->fail_on = o->fail_on;
    res->catalogue = o->catalogue;
    sk_errors_init(&res->errors);
    sk_errors_init(&res->warnings);
    sk_errors_init(&res->fixed);
    sk_errors_init(&res->skipped);
    sk_limits limits = o->limits ? *o->limits : sk_limits_default();

    unsigned long long start = o->timing ? sk_now_ns() : 0, t0 = start;
    batch b = {.o = o, .limits = &limits, .timing = o->timing};
    sk_errors_init(&b.index_errors);
    int rc = -1;
    sk_rules *rules = o->rules;
    if (!rules && !(rules = sk_rules_load(o->rule_dirs, o->nrule_dirs, &limits, &res->errors)))
        goto done;
    if (rules != o->rules) {
        res->owned_rules = rules;
        sk_rules_translate(rules, o->catalogue);
    }
    if (o->timing)
        o->timing->stage_ns[SK_STAGE_RULES_LOAD] += sk_now_ns() - t0;
    res->rules = b.rules = rules;
    int stop = setup_policy(o, res, rules);
    if (stop < 0)
        goto done;
    /* the reports get the rules as plain data (after the profile and --only) */
    res->rule_meta = res->owned_meta = sk_rules_meta(rules, &res->nrule_meta);
    if (rules->nrules && !res->owned_meta)
        goto done;
    if (stop) {
        /* nothing is judged: the report holds the errors alone */
        res->stopped = 1;
        rc = 0;
        if (o->format && !(b.report = sk_report_begin(o->format, res, &o->report, o->out)))
            rc = -1;
        goto done;
    }

    sk_index_options io = {.paths = o->paths, .npaths = o->npaths, .limits = &limits,
                           .jobs = o->jobs ? o->jobs : 1, .shards = o->shards, .shard = o->shard,
                           .policy = res->policy, .exclude = o->exclude, .nexclude = o->nexclude,
                           .include = o->include, .ninclude = o->ninclude, .skipped = &res->skipped};
    t0 = o->timing ? sk_now_ns() : 0;
    if (!(b.ix = sk_index_build(&io, &res->errors)))
        goto done;
    if (o->timing)
        o->timing->stage_ns[SK_STAGE_INDEX] += sk_now_ns() - t0;
    res->summary.files = sk_index_files(b.ix);
    b.ntodo = sk_index_units(b.ix);

    if (o->format && !(b.report = sk_report_begin(o->format, res, &o->report, o->out)))
        goto done;
    rc = run_batch(&b, res);
    if (rc != -1 && b.leaked &&
        sk_errors_add(&res->errors, SK_ERR_PLUGIN, NULL, 0, 0,
                      "internal error: the rules' Lua states still counted %zu bytes after they were closed",
                      b.leaked))
        rc = -1;
    if (rc != -1 && o->shards)
        keep_shard_errors(res, o);
    /* paths that held no startklar document judged nothing: a wrong path in a CI job must not
     * pass as an empty success (a shard may have no unit of its own) */
    if (rc != -1 && !o->shards && !res->summary.units && !res->errors.count && res->skipped.count &&
        sk_errors_add(&res->errors, SK_ERR_INPUT, NULL, 0, 0,
                      res->skipped.count == 1
                          ? "no startklar document in the paths given (%zu file skipped): nothing was checked"
                          : "no startklar document in the paths given (%zu files skipped): nothing was checked",
                      res->skipped.count))
        rc = -1;
    if (rc != -1)
        res->summary.files = sk_index_files(b.ix); /* each real file once, known after pass 2 */
done:
    sk_index_free(b.ix);
    if (move_errors(&res->errors, &b.index_errors) || rename_errors(o, &res->errors) ||
        rename_errors(o, &res->skipped))
        rc = -1;
    if (rc == -1) {
        sk_report_end(b.report); /* a report cut short, freed */
        return -1;
    }
    int code = sk_judge_finish(res);
    if (code < 0)
        return -1;
    sk_translate_errors(res->catalogue, &res->errors);
    sk_translate_errors(res->catalogue, &res->warnings);
    t0 = o->timing ? sk_now_ns() : 0;
    if (b.report && sk_report_end(b.report) == -2)
        rc = -2;
    if (o->timing) {
        o->timing->stage_ns[SK_STAGE_REPORT] += sk_now_ns() - t0;
        o->timing->wall_ns = sk_now_ns() - start;
        o->timing->jobs = o->jobs ? o->jobs : 1;
        if (rules && sk_timing_name_rules(o->timing, rules))
            return -1;
    }
    return rc == -2 ? -2 : code;
}

void sk_result_free(sk_result *res)
{
    for (size_t i = 0; i < res->nunits; i++)
        sk_unit_result_free(&res->units[i]);
    free(res->units);
    sk_errors_free(&res->errors);
    sk_summary_free(&res->summary);
    free(res->owned_meta);
    sk_rules_free(res->owned_rules);
    sk_policy_free(res->policy);
    sk_errors_free(&res->warnings);
    sk_errors_free(&res->fixed);
    sk_errors_free(&res->skipped);
    memset(res, 0, sizeof *res);
}
