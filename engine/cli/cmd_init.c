/* cmd_init.c: `startklar init KIND` prints a commented starting document of
 * a kind, walked from the loader's schema tables (every field, its one-line
 * description as the comment, in the user's language through the catalogue,
 * a Swedish example value from the table below);
 * `startklar init --rule ID [--kind KIND] DIR` writes a rule skeleton and one
 * passing and one failing fixture, so that `startklar test DIR` passes. */
#include "cli.h"
#include "startklar/authoring.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define COMMENT_COLUMN 40 /* of the comments in a starting document */
#define COMMENT_PAD 36    /* of the comments in a rule skeleton */
#define UNIT_LINE "unit: {name: Vårdcentralen Visby, hsa_id: SE2120000803-V001}\n"

/* ---- example values --------------------------------------------------------- */

/* A value for a path ("target_groups[].channels"), written as YAML. A path is
 * looked up whole, then by shorter and shorter tails ("activities[].what"), so
 * one row may serve every phase. Values follow FORMAT.md. */
typedef struct example {
    const char *path;
    const char *yaml;
} example;

static const example EXAMPLES[] = {
    /* shared */
    {"version", "1"},
    {"unit.name", "Vårdcentralen Visby"},
    {"unit.hsa_id", "SE2120000803-V001"},
    {"unit.care_provider", "Region Gotland"},
    {"service", "Stöd och behandling"},
    {"launch_date", "2027-03-01"},
    /* communication-plan */
    {"title", "Införande av Stöd och behandling, Visby"},
    {"owner", "Karin Ek, kommunikatör"},
    {"purpose", "Säkra att inga målgrupper glöms bort och att informationskanalerna säkras"},
    {"goal", "Rätt målgrupp har rätt information i rätt tid"},
    {"last_reviewed", "2027-01-10"},
    {"target_groups[].id", "behandlare"},
    {"target_groups[].name", "Behandlare/professionen"},
    {"target_groups[].audience", "internal"},
    {"target_groups[].support", "false"},
    {"target_groups[].stance", "enabler"},
    {"target_groups[].priority", "high"},
    {"target_groups[].prior_knowledge", "low"},
    {"target_groups[].know", "Vad Stöd och behandling är och vilka program som finns"},
    {"target_groups[].feel", "Professionalism och stolthet"},
    {"target_groups[].do", "Erbjuda programmen till lämpliga patienter"},
    {"target_groups[].channels", "[APT, dialogmöte]"},
    {"target_groups[].owner", "Karin Ek"},
    {"phases.planning.start", "2026-11-01"},
    {"phases.planning.end", "2026-12-20"},
    {"phases.planning.activities[].id", "a1"},
    {"phases.planning.activities[].date", "2026-12-05"},
    {"phases.anchoring.start", "2027-01-01"},
    {"phases.anchoring.end", "2027-02-28"},
    {"phases.anchoring.activities[].id", "a2"},
    {"phases.anchoring.activities[].date", "2027-02-01"},
    {"phases.implementation.start", "2027-03-01"},
    {"phases.implementation.end", "2027-06-30"},
    {"phases.implementation.activities[].id", "a3"},
    {"phases.implementation.activities[].date", "2027-03-15"},
    {"phases.maintenance.start", "2027-07-01"},
    {"phases.maintenance.end", "2027-12-31"},
    {"phases.maintenance.activities[].id", "a4"},
    {"phases.maintenance.activities[].date", "2027-09-01"},
    {"not_relevant", "null"},
    {"activities[].what", "Presentera tjänsten och programmen"},
    {"activities[].target_groups", "[behandlare]"},
    {"activities[].channel", "APT"},
    {"activities[].verification", "Frågestund och kort enkät"},
    {"activities[].owner", "Verksamhetschef"},
    {"activities[].status", "planned"},
    {"risks[].id", "r1"},
    {"risks[].risk", "Driftstopp i plattformen under behandling"},
    {"risks[].likelihood", "medium"},
    {"risks[].consequence", "high"},
    {"risks[].response", "Förberett besked till patienter via 1177 och SMS"},
    {"risks[].owner", "Karin Ek"},
    {"faq.exists", "true"},
    {"faq.location", "https://intra.example/faq"},
    {"materials[].id", "m1"},
    {"materials[].name", "Lathund för behandlare"},
    {"materials[].target_groups", "[behandlare]"},
    {"materials[].ready", "2027-02-15"},
    {"accessibility.plain_language", "true"},
    {"accessibility.norm_critical_review", "true"},
    {"accessibility.formats", "[text, film]"},
    /* unit-onboarding */
    {"programs", "[Sömnbesvär, Oro och ångest]"},
    {"target_populations[].program", "Sömnbesvär"},
    {"target_populations[].population", "Vuxna listade patienter med långvariga sömnbesvär"},
    {"team.manager", "Eva Lind"},
    {"team.developer", "Per Holm"},
    {"team.local_admin", "Sara Nyberg"},
    {"team.contact_person", "Per Holm"},
    {"goals[].text", "Minst 40 patienter påbörjar ett program första halvåret"},
    {"goals[].measure", "antal påbörjade program"},
    {"goals[].target", "40"},
    {"goals[].owner", "Eva Lind"},
    {"goals[].follow_up", "2027-06-30"},
    {"staff[].id", "s1"},
    {"staff[].name", "Sara Nyberg"},
    {"staff[].roles", "[access_admin, citizen_admin]"},
    {"staff[].hsa_assignment", "true"},
    {"staff[].secure_login", "true"},
    {"staff[].training", "[basics, roles]"},
    {"risk_analysis.date", "2026-12-01"},
    {"risk_analysis.led_by", "Riskanalysledare Anna Berg"},
    {"risk_analysis.patient_safety", "true"},
    {"risk_analysis.areas", "[methods, technology, routines, communication]"},
    {"actions[].risk", "Patient i kris upptäcks inte mellan inloggningar"},
    {"actions[].action", "Rutin för bevakning av skattningar varje vardag"},
    {"actions[].owner", "Eva Lind"},
    {"actions[].due", "2027-02-15"},
    {"actions[].status", "open"},
    {"routines.role_assignment", "Rutin R-12"},
    {"routines.program_process", "Rutin R-13"},
    {"routines.journaling.routine", "Rutin R-14"},
    {"routines.journaling.record_system", "TakeCare"},
    {"routines.data_retention.routine", "Rutin R-15"},
    {"routines.data_retention.max_days", "365"},
    {"routines.outage", "Rutin R-16"},
    {"routines.pdl_log_review", "Rutin R-17"},
    {"routines.follow_up", "Rutin R-18"},
    {"routines.service_window", "Prenumeration på Ineras servicefönster"},
    {"connection.care_provider_connected", "2026-10-01"},
    {"connection.e_services_connected", "2027-01-10"},
    {"connection.hsa_id_verified", "2027-01-10"},
    {"connection.first_access_admin_assigned", "2027-01-12"},
    {"connection.programs_distributed", "2027-01-15"},
    {"connection.roles_assigned", "2027-01-20"},
    {"connection.e_service_activated", "2027-02-01"},
    {"connection.visible_logged_in", "2027-02-02"},
    {"connection.visible_on_contact_card", "2027-02-02"},
    {"start_check.date", "2027-02-20"},
    {"start_check.by", "Förvaltningen"},
    {"follow_ups", "[2027-03-15, 2027-04-15]"},
    /* social-media-strategy */
    {"organisation", "Region Gotland"},
    {"period.start", "2027-01-01"},
    {"period.end", "2027-12-31"},
    {"purposes[].id", "p1"},
    {"purposes[].text", "Öka tillgängligheten"},
    {"measures[].metric", "reach_per_month"},
    {"measures[].type", "quantitative"},
    {"measures[].target", "20000"},
    {"measures[].actual", "14500"},
    {"measures[].method", "Skärmdumpar varje månad"},
    {"measures[].direction", "higher"},
    {"platforms[].name", "facebook"},
    {"platforms[].audience", "invånarna på Gotland"},
    {"platforms[].owner", "Facebook-ansvarig"},
    {"platforms[].backup_owner", "Kommunikatör"},
    {"posts_per_week.min", "2"},
    {"posts_per_week.max", "3"},
    {"content.criteria", "[relationsskapande, dialog, förtroende, kunskap]"},
    {"content.storylines", "[närsjukvård, specialister i vardagen, i ögonhöjd]"},
    {"content.priorities", "[vanliga sjukdomar, bakom kulisserna, screening]"},
    {"tone_of_voice.sign_with_name_and_title", "true"},
    {"tone_of_voice.description", "I ögonhöjd"},
    {"personal_data.delete_sensitive_posts", "true"},
    {"personal_data.redirect_channel", "1177 e-tjänster"},
    {"moderation.removes_attacks", "true"},
    {"moderation.published", "true"},
    {"crisis.spokesperson_rule", "Ansvarig för området"},
    {"crisis.monitoring", "Kommunikationsavdelningen"},
    {"organisation_routines.content_calendar", "true"},
    {"organisation_routines.production_meeting", "weekly"},
    {"organisation_routines.monitoring_owner", "Facebook-ansvarig"},
    {"maturity.current", "2"},
    {"maturity.target", "3"},
    {"maturity.features", "[posts, replies, comments, sharing, reactions, direct_messages]"},
    {"maturity.management_backing", "true"},
    {"maturity.legal_review", "false"},
    {"maturity.facilitating_department", "Kommunikationsavdelningen"},
    {"maturity.after_hours_owner", "Jourhavande kommunikatör"},
    {"action_plan[].when", "2027-06-30"},
    {"action_plan[].what", "Halvtidsutvärdering av strategin"},
    {"action_plan[].type", "midterm_evaluation"},
    /* the configuration file, startklar.yaml: paths relative to it */
    {"rules", "[region-rules/]"},
    {"profile", "prelaunch"},
    {"waivers", "[waivers.yaml]"},
    {"baseline", "baseline.yaml"},
    {"lang", "sv"},
    {"fail_on", "error"},
    {"include", "[\"units/*\"]"},
    {"exclude", "[docker-compose.yml, \"drafts/*\"]"},
    {NULL, NULL},
};

static const char *example_for(const char *path)
{
    for (const char *tail = path; tail; tail = strchr(tail, '.') ? strchr(tail, '.') + 1 : NULL)
        for (const example *e = EXAMPLES; e->path; e++)
            if (strcmp(e->path, tail) == 0)
                return e->yaml;
    return NULL;
}

const char *init_example(const char *path)
{
    return example_for(path);
}

/* ---- the commented document -------------------------------------------------- */

typedef struct doc_writer {
    FILE *out;
    const char *kind;
    const sk_catalogue *cat; /* the comments' language (NULL: English) */
    int missing; /* fields without an example value: a gap in EXAMPLES */
} doc_writer;

/* Characters, not bytes, of a UTF-8 text: what lines the comments up. */
static int display_width(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static int is_scalar(sk_shape_type t)
{
    return t != SK_SHAPE_MAP && t != SK_SHAPE_LIST && t != SK_SHAPE_DICT && t != SK_SHAPE_ANY;
}

/* A placeholder that still loads, for a field EXAMPLES lacks. */
static const char *fallback(const sk_shape *s)
{
    static const char *const BY_TYPE[] = {
        [SK_SHAPE_TEXT] = "TODO", [SK_SHAPE_INTEGER] = "1",      [SK_SHAPE_NUMBER] = "0",
        [SK_SHAPE_BOOLEAN] = "false", [SK_SHAPE_DATE] = "2027-01-01", [SK_SHAPE_LIST] = "[]",
    };
    sk_shape_type t = sk_shape_type_of(s);
    if (t == SK_SHAPE_ENUM)
        return sk_shape_vocab(s)[0];
    return t < sizeof BY_TYPE / sizeof *BY_TYPE && BY_TYPE[t] ? BY_TYPE[t] : "null";
}

/* The description, plus the allowed words of a closed vocabulary when the
 * description does not already name them all. */
static void write_comment(doc_writer *w, int column, const char *doc, const sk_shape *s)
{
    const sk_shape *v = sk_shape_type_of(s) == SK_SHAPE_LIST ? sk_shape_item(s) : s;
    const char *const *vocab = sk_shape_type_of(v) == SK_SHAPE_ENUM ? sk_shape_vocab(v) : NULL;
    int named = 1;
    for (const char *const *x = vocab; x && *x; x++)
        named &= strstr(doc, *x) != NULL;
    fprintf(w->out, "%*s# %s", column < COMMENT_COLUMN ? COMMENT_COLUMN - column : 2, "", sk_label(w->cat, doc));
    if (!named) {
        fputs(sk_label(w->cat, " (one of:"), w->out);
        for (const char *const *x = vocab; *x; x++)
            fprintf(w->out, "%s %s", x == vocab ? "" : ",", *x);
        fputs(")", w->out);
    }
    /* in another language, what each value means in its words (vocab.c) */
    const char *lang = cli_lang();
    for (const char *const *x = vocab; lang && strcmp(lang, "en") != 0 && x && *x; x++) {
        const char *word = sk_vocab_word(vocab, *x, lang);
        if (word && strcmp(word, *x) != 0)
            fprintf(w->out, "%s%s = %s", x == vocab ? "; " : ", ", *x, word);
    }
    fputs("\n", w->out);
}

static void write_map(doc_writer *w, const sk_shape *s, int indent, const char *path, int item);

/* One field: "key: value  # doc", or "key:  # doc" and its contents below. */
static void write_field(doc_writer *w, const sk_shape *map, size_t i, int indent, const char *path,
                        int dash)
{
    const char *key = sk_shape_field_key(map, i), *doc = sk_shape_field_doc(map, i);
    const sk_shape *s = sk_shape_field_shape(map, i);
    sk_shape_type t = sk_shape_type_of(s);
    if (t == SK_SHAPE_ANY)
        return;
    char sub[512];
    snprintf(sub, sizeof sub, "%s%s%s", path, *path ? "." : "", key);
    int root_kind = !*path && strcmp(key, "kind") == 0;
    if (root_kind)
        doc = "the document's kind";
    int column = fprintf(w->out, "%*s%s%s:", dash ? indent - 2 : indent, "", dash ? "- " : "", key);
    const sk_shape *item = sk_shape_item(s);
    if (is_scalar(t) || (t == SK_SHAPE_LIST && is_scalar(sk_shape_type_of(item)))) {
        const char *value = root_kind ? w->kind : example_for(sub);
        if (!value) {
            value = t == SK_SHAPE_LIST ? "[]" : fallback(s);
            w->missing++;
        }
        fprintf(w->out, " %s", value);
        column += 1 + display_width(value);
        write_comment(w, column, doc, s);
    } else if (t == SK_SHAPE_DICT) {
        column += fprintf(w->out, " {}"); /* free keys: nothing to show */
        write_comment(w, column, doc, s);
    } else if (t == SK_SHAPE_MAP) {
        write_comment(w, column, doc, s);
        write_map(w, s, indent + 2, sub, 0);
    } else {
        write_comment(w, column, doc, s);
        char items[520];
        snprintf(items, sizeof items, "%s[]", sub);
        write_map(w, item, indent + 4, items, 1); /* one example item: "  - key: ..." */
    }
}

static void write_map(doc_writer *w, const sk_shape *s, int indent, const char *path, int item)
{
    for (size_t i = 0; i < sk_shape_nfields(s); i++)
        write_field(w, s, i, indent, path, item && i == 0);
}

static int init_document(const char *kind)
{
    /* the configuration file is the one policy kind one starts from a template */
    if (check_kind(kind, 0, "config"))
        return 2;
    sk_catalogue *cat = cli_catalogue(NULL);
    doc_writer w = {.out = stdout, .kind = kind, .cat = cat};
    /* the header, one text of the catalogue; the last line is for the editor */
    printf(sk_label(cat, "# A starting %s document, made by `startklar init %s`.\n"
                         "# Every field is optional to the loader: delete what does not apply, and\n"
                         "# `startklar check` tells what is missing. Keys that begin with x_ are\n"
                         "# your region's own. For completion and checks in an editor, write the\n"
                         "# schema with `startklar schema %s > %s.schema.json`:\n"),
           kind, kind, kind, kind);
    printf("# yaml-language-server: $schema=%s.schema.json\n", kind);
    write_map(&w, sk_schema_root(kind), 0, "", 0);
    sk_catalogue_free(cat);
    if (fflush(stdout)) {
        cli_fail("cannot write the document");
        return 2;
    }
    if (w.missing) {
        cli_fail("%d fields of %s have no example value yet", w.missing, kind);
        return 2;
    }
    return 0;
}

/* ---- a rule skeleton ------------------------------------------------------------ */

/* What the skeleton checks, per kind: something every document of it should
 * say, so the fixtures pass and fail from the start. */
typedef struct skeleton {
    const char *applies_to;
    const char *title;
    const char *fix;
    const char *message_id, *message; /* the one message, in English */
    const char *check; /* the body of check(doc, report) */
    const char *pass;  /* the passing fixture after its unit line */
    const char *fail;  /* the failing fixture after its unit line */
    const char *expect_path;
} skeleton;

static const skeleton SKELETONS[] = {
    {"communication-plan", "The plan names its owner", "name the plan's owner in `owner`", "no_owner",
     "the plan names no owner (ansvarig)",
     "    if not sk.present(doc.owner) then\n"
     "      report { path = { \"owner\" }, message = \"no_owner\" }\n"
     "    end\n",
     "kind: communication-plan\nversion: 1\n" UNIT_LINE "owner: Karin Ek, kommunikatör\n",
     "kind: communication-plan\nversion: 1\n" UNIT_LINE "title: Införande av Stöd och behandling\n",
     "owner"},
    {"unit-onboarding", "The onboarding checklist names its service",
     "name the service the unit introduces in `service`", "no_service", "the checklist names no service",
     "    if not sk.present(doc.service) then\n"
     "      report { path = { \"service\" }, message = \"no_service\" }\n"
     "    end\n",
     "kind: unit-onboarding\nversion: 1\n" UNIT_LINE "service: Stöd och behandling\n",
     "kind: unit-onboarding\nversion: 1\n" UNIT_LINE "launch_date: 2027-03-01\n", "service"},
    {"social-media-strategy", "The strategy names its organisation",
     "name the organisation in `organisation`", "no_organisation", "the strategy names no organisation",
     "    if not sk.present(doc.organisation) then\n"
     "      report { path = { \"organisation\" }, message = \"no_organisation\" }\n"
     "    end\n",
     "kind: social-media-strategy\nversion: 1\n" UNIT_LINE "organisation: Region Gotland\n",
     "kind: social-media-strategy\nversion: 1\n" UNIT_LINE "period: {start: 2027-01-01, end: 2027-12-31}\n",
     "organisation"},
    {"unit", "The unit has an onboarding checklist",
     "add a `unit-onboarding` document with the unit's HSA-id", "no_checklist",
     "the unit {unit} has no onboarding checklist (unit-onboarding)",
     "    -- doc is the unit: doc.hsa_id, doc.name, doc.documents[kind]\n"
     "    if #sk.documents(doc, \"unit-onboarding\") == 0 then\n"
     "      report { path = {}, message = \"no_checklist\", data = { unit = doc.hsa_id } }\n"
     "    end\n",
     "kind: unit-onboarding\nversion: 1\n" UNIT_LINE "service: Stöd och behandling\n",
     "kind: communication-plan\nversion: 1\n" UNIT_LINE "owner: Karin Ek, kommunikatör\n", ""},
};

static const skeleton *skeleton_for(const char *kind)
{
    for (size_t i = 0; i < sizeof SKELETONS / sizeof *SKELETONS; i++)
        if (strcmp(SKELETONS[i].applies_to, kind) == 0)
            return &SKELETONS[i];
    return NULL;
}

static int make_dir(const char *path)
{
    if (mkdir(path, 0777) == 0 || errno == EEXIST)
        return 0;
    cli_fail("cannot create %s: %s", path, strerror(errno));
    return -1;
}

/* mkdir -p */
static int make_dirs(const char *path)
{
    char buf[PATH_MAX];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) {
        cli_fail("path too long: %s", path);
        return -1;
    }
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        int rc = make_dir(buf);
        *p = '/';
        if (rc)
            return -1;
    }
    return make_dir(buf);
}

static int write_file(const char *path, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int write_file(const char *path, const char *fmt, ...)
{
    FILE *f = fopen(path, "wx"); /* never over an existing file */
    if (!f) {
        cli_fail("cannot create %s: %s", path, strerror(errno));
        return -1;
    }
    va_list ap;
    va_start(ap, fmt);
    int bad = vfprintf(f, fmt, ap) < 0;
    va_end(ap);
    bad |= fclose(f) != 0;
    if (bad) {
        cli_fail("cannot write %s", path);
        remove(path);
        return -1;
    }
    cli_say("wrote %s\n", path);
    return 0;
}

/* Formats a path into a PATH_MAX buffer; -1 when it does not fit. */
static int path_of(char out[PATH_MAX], const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int path_of(char out[PATH_MAX], const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out, PATH_MAX, fmt, ap);
    va_end(ap);
    return n < 0 || n >= PATH_MAX ? -1 : 0;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static int init_rule(const char *id, const char *kind, const char *dir)
{
    if (!sk_rule_id_valid(id))
        return usage_error("'%s' is not a rule id: 2-8 capitals or digits starting with a capital, "
                           "'-', 2-4 digits (GOT-01)", id);
    if (check_kind(kind, 0, "unit"))
        return 2;
    const skeleton *sk = skeleton_for(kind);
    char lua[PATH_MAX], test[PATH_MAX], pass[PATH_MAX], fail[PATH_MAX], pass_file[PATH_MAX],
        fail_file[PATH_MAX];
    if (path_of(lua, "%s/%s.lua", dir, id) || path_of(test, "%s/%s.test", dir, id) ||
        path_of(pass, "%s/pass", test) || path_of(fail, "%s/fail", test) ||
        path_of(pass_file, "%s/example.yaml", pass) || path_of(fail_file, "%s/example.yaml", fail)) {
        cli_fail("path too long: %s", dir);
        return 2;
    }
    if (!sk || exists(lua) || exists(test)) {
        cli_fail("%s exists already; nothing was written", exists(lua) ? lua : test);
        return 2;
    }
    if (make_dirs(pass) || make_dirs(fail))
        return 2;
    /* the comments after severity and applies_to line up at COMMENT_PAD */
    int kind_pad = (int)strlen(kind) + 18 < COMMENT_PAD ? COMMENT_PAD - 18 - (int)strlen(kind) : 1;
    int bad = write_file(
        lua,
        "-- %s: %s.\n"
        "-- Made by `startklar init --rule`; docs/writing-rules.md explains each field.\n"
        "-- Its fixtures are in %s.test/; run them with `startklar test DIR`.\n"
        "return {\n"
        "  id = \"%s\",\n"
        "  severity = \"warning\",%*s-- error | warning | info\n"
        "  applies_to = \"%s\",%*s-- a document kind, or \"unit\": once per unit\n"
        "  -- texts: a string, or one per language ({ en = \"...\", sv = \"...\" }): the report\n"
        "  -- shows the language of the run, else English\n"
        "  title = { en = \"%s\" },\n"
        "  explain = {\n"
        "    en = [[\n"
        "Why this matters, and where the requirement comes from.\n"
        "Fix: %s.]],\n"
        "  },\n"
        "  -- each message by its id; {name} takes data.name, {name:date}, {name:roles} ... render it\n"
        "  messages = {\n"
        "    %s = { en = \"%s\" },\n"
        "  },\n"
        "  -- params = { name = default },    -- read as ctx.params.name; a profile may override\n"
        "  -- check(doc, report, ctx): doc is read-only; report{ path = {...}, message = id, data = {...} };\n"
        "  -- ctx.as_of, ctx.params, ctx.unit and ctx.days(a, b) when you add ctx\n"
        "  check = function(doc, report)\n"
        "%s"
        "  end,\n"
        "}\n",
        id, sk->title, id, id, COMMENT_PAD - 23, "", kind, kind_pad, "", sk->title, sk->fix, sk->message_id,
        sk->message, sk->check);
    bad = bad || write_file(pass_file, "%s", sk->pass);
    bad = bad || write_file(fail_file, "# expect: %s%s%s\n%s", id, *sk->expect_path ? " " : "",
                            sk->expect_path, sk->fail);
    if (bad)
        return 2;
    cli_say("next: edit the check and the fixtures, then run: startklar test %s\n", dir);
    return 0;
}

/* ---- the command --------------------------------------------------------------------- */

int cmd_init(int argc, char **argv)
{
    options o = {0};
    int rc = parse_options("init", argc, argv, &o);
    if (rc)
        return rc;
    const char *rule = o.rule, *kind = o.kind;
    if (rule) {
        if (optind + 1 != argc)
            return usage_error("init --rule ID needs one directory to write into%s", "");
        return init_rule(rule, kind ? kind : "unit-onboarding", argv[optind]);
    }
    if (kind)
        return usage_error("--kind goes with --rule; for a document write 'init %s'", kind);
    if (optind + 1 != argc)
        return usage_error("init needs one document kind (init unit-onboarding) or --rule ID DIR%s", "");
    return init_document(argv[optind]);
}
