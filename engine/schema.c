/* schema.c: the three document kinds as data (one table per kind), and the
 * check that walks a document against its table, typing scalars as it goes.
 * The same tables will generate the JSON Schema and the format docs. */
#include "internal.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- scalar and vocabulary shapes ----------------------------------------- */

static const sk_shape STR = {.type = SK_T_STR};
static const sk_shape NUM = {.type = SK_T_NUM};
static const sk_shape BOOL = {.type = SK_T_BOOL};
static const sk_shape DATE = {.type = SK_T_DATE};
static const sk_shape VERSION = {.type = SK_T_INT, .min = 1, .max = 1};
static const sk_shape DAYS = {.type = SK_T_INT, .min = 0, .max = 1000000};
static const sk_shape COUNT = {.type = SK_T_INT, .min = 0, .max = 1000000};
static const sk_shape LEVEL = {.type = SK_T_INT, .min = 1, .max = 5};
static const sk_shape STR_LIST = {.type = SK_T_LIST, .item = &STR};
static const sk_shape DATE_LIST = {.type = SK_T_LIST, .item = &DATE};

#define VOCAB(name, ...)                                                                \
    static const char *const name##_WORDS[] = {__VA_ARGS__, NULL};                       \
    static const sk_shape name = {.type = SK_T_ENUM, .vocab = name##_WORDS}

VOCAB(AUDIENCE, "internal", "partner", "external");
VOCAB(STANCE, "enabler", "obstacle", "neutral");
VOCAB(PRIORITY, "high", "normal", "low");
VOCAB(ACTIVITY_STATUS, "planned", "done", "cancelled");
VOCAB(ACTION_STATUS, "open", "done");
VOCAB(ROLE, "access_admin", "citizen_admin", "data_admin", "practitioner");
VOCAB(TRAINING, "basics", "roles", "program", "manuals", "continued");
VOCAB(AREA, "methods", "technology", "routines", "communication");
VOCAB(MEASURE_TYPE, "quantitative", "qualitative");
VOCAB(FEATURE, "posts", "replies", "comments", "sharing", "reactions", "direct_messages",
      "user_posts", "reviews", "proactive_dialog", "response_24_7", "user_involvement",
      "research_recruitment", "closed_patient_groups");

static const sk_shape ROLE_LIST = {.type = SK_T_LIST, .item = &ROLE};
static const sk_shape TRAINING_LIST = {.type = SK_T_LIST, .item = &TRAINING};
static const sk_shape AREA_LIST = {.type = SK_T_LIST, .item = &AREA};
static const sk_shape FEATURE_LIST = {.type = SK_T_LIST, .item = &FEATURE};

#define MAP(name, ...)                                                                  \
    static const sk_field name##_FIELDS[] = {__VA_ARGS__, {NULL, NULL, NULL}};           \
    static const sk_shape name = {.type = SK_T_MAP, .fields = name##_FIELDS}
#define LIST_OF(name, item_shape) static const sk_shape name = {.type = SK_T_LIST, .item = &item_shape}

/* ---- shared ---------------------------------------------------------------- */

MAP(UNIT, {"name", &STR, "the care unit's name (vårdenhet)"},
    {"hsa_id", &STR, "the unit's HSA-id: documents with the same id form one unit"},
    {"care_provider", &STR, "the care provider (vårdgivare)"});

/* ---- communication-plan (seeds 001, 000) ----------------------------------- */

/* prior_knowledge, likelihood and consequence share one scale */
VOCAB(LOW_MEDIUM_HIGH, "low", "medium", "high");

MAP(TARGET_GROUP, {"id", &STR, "short id that activities refer to"},
    {"name", &STR, "the group's name"},
    {"audience", &AUDIENCE, "internal, partner (collaborators outside the unit) or external (the public)"},
    {"support", &BOOL, "a support function: 1177 på telefon, servicedesk, e-tjänstadmin"},
    {"stance", &STANCE, "enabler, obstacle or neutral (möjliggörare/hinder)"},
    {"priority", &PRIORITY, "high, normal or low"},
    {"prior_knowledge", &LOW_MEDIUM_HIGH, "low, medium or high (förkunskaper)"},
    {"know", &STR, "what the group should know (veta)"},
    {"feel", &STR, "what the group should feel (känna)"},
    {"do", &STR, "what the group should do (göra)"},
    {"channels", &STR_LIST, "how we reach them (kanaler)"},
    {"owner", &STR, "who is responsible (ansvarig)"});
LIST_OF(TARGET_GROUPS, TARGET_GROUP);

MAP(ACTIVITY, {"id", &STR, "short id"},
    {"what", &STR, "what is communicated"},
    {"target_groups", &STR_LIST, "ids of the target groups it reaches"},
    {"channel", &STR, "the channel used"},
    {"verification", &STR, "how we know it was received and understood"},
    {"date", &DATE, "when (tidplan)"},
    {"owner", &STR, "who is responsible (ansvarig)"},
    {"status", &ACTIVITY_STATUS, "planned, done or cancelled"});
LIST_OF(ACTIVITIES, ACTIVITY);

MAP(PHASE, {"start", &DATE, "first day of the phase"},
    {"end", &DATE, "last day of the phase"},
    {"activities", &ACTIVITIES, "the phase's activities"},
    {"not_relevant", &STR, "instead of start, end and activities: why the phase is not relevant"});

MAP(PHASES, {"planning", &PHASE, "planering och praktiskt förberedelsearbete"},
    {"anchoring", &PHASE, "förankring"},
    {"implementation", &PHASE, "implementering"},
    {"maintenance", &PHASE, "vidmakthållande över tid"});

MAP(PLAN_RISK, {"id", &STR, "short id"},
    {"risk", &STR, "what could happen"},
    {"likelihood", &LOW_MEDIUM_HIGH, "low, medium or high"},
    {"consequence", &LOW_MEDIUM_HIGH, "low, medium or high"},
    {"response", &STR, "the prepared communication response"},
    {"owner", &STR, "who is responsible"});
LIST_OF(PLAN_RISKS, PLAN_RISK);

MAP(FAQ, {"exists", &BOOL, "a questions-and-answers document exists"},
    {"location", &STR, "where it is"});

MAP(MATERIAL, {"id", &STR, "short id"},
    {"name", &STR, "the material (broschyr, affisch, manual)"},
    {"target_groups", &STR_LIST, "ids of the target groups it is made for"},
    {"ready", &DATE, "when it is ready; missing = not ready"});
LIST_OF(MATERIALS, MATERIAL);

MAP(ACCESSIBILITY, {"plain_language", &BOOL, "klarspråk"},
    {"norm_critical_review", &BOOL, "normkritisk granskning"},
    {"formats", &STR_LIST, "formats offered (text, film, ...)"});

MAP(PLAN, {"kind", &STR, "communication-plan"},
    {"version", &VERSION, "format version: 1"},
    {"unit", &UNIT, "the care unit"},
    {"title", &STR, "the plan's title"},
    {"service", &STR, "what is introduced"},
    {"owner", &STR, "ansvarig för planens upprättande"},
    {"purpose", &STR, "syfte"},
    {"goal", &STR, "mål"},
    {"launch_date", &DATE, "the unit's launch date"},
    {"last_reviewed", &DATE, "when the plan was last revised"},
    {"target_groups", &TARGET_GROUPS, "målgrupper"},
    {"phases", &PHASES, "the four parts of the needs analysis"},
    {"risks", &PLAN_RISKS, "risk and crisis communication"},
    {"faq", &FAQ, "frågor och svar"},
    {"materials", &MATERIALS, "material made for target groups (patient material, manuals)"},
    {"accessibility", &ACCESSIBILITY, "tillgänglighet"});

/* ---- unit-onboarding (seed 004) ------------------------------------------------ */

MAP(TEAM, {"manager", &STR, "chef"},
    {"developer", &STR, "verksamhetsutvecklare"},
    {"local_admin", &STR, "lokal administratör för 1177:s e-tjänster"},
    {"contact_person", &STR, "kontaktperson mot förvaltningen"});

MAP(TARGET_POPULATION, {"program", &STR, "the program, as named in programs"},
    {"population", &STR, "the patients or citizens it is for"});
LIST_OF(TARGET_POPULATIONS, TARGET_POPULATION);

MAP(GOAL, {"text", &STR, "the goal"},
    {"measure", &STR, "how it is measured"},
    {"target", &NUM, "the target value"},
    {"owner", &STR, "who follows it up"},
    {"follow_up", &DATE, "when it is followed up"});
LIST_OF(GOALS, GOAL);

MAP(STAFF, {"id", &STR, "short id"},
    {"name", &STR, "the staff member's name"},
    {"roles", &ROLE_LIST, "access_admin, citizen_admin, data_admin, practitioner"},
    {"hsa_assignment", &BOOL, "medarbetaruppdrag i HSA on the unit"},
    {"secure_login", &BOOL, "säker inloggning"},
    {"training", &TRAINING_LIST, "basics, roles, program, manuals, continued"});
LIST_OF(STAFF_LIST, STAFF);

MAP(RISK_ACTION, {"risk", &STR, "the risk"},
    {"action", &STR, "what is done about it"},
    {"owner", &STR, "who is responsible"},
    {"due", &DATE, "when it is due"},
    {"status", &ACTION_STATUS, "open or done"});
LIST_OF(RISK_ACTIONS, RISK_ACTION);

MAP(RISK_ANALYSIS, {"date", &DATE, "when it was done; missing = not done"},
    {"led_by", &STR, "who led it"},
    {"patient_safety", &BOOL, "focused on patient safety"},
    {"areas", &AREA_LIST, "methods, technology, routines, communication"},
    {"programs", &STR_LIST, "the programs the analysis covers"},
    {"actions", &RISK_ACTIONS, "the action plan"});

MAP(JOURNALING, {"routine", &STR, "the routine"},
    {"record_system", &STR, "the record system used (never the platform itself)"});
MAP(RETENTION, {"routine", &STR, "the routine"},
    {"max_days", &DAYS, "how long patient data is kept, in days"});

MAP(ROUTINES, {"role_assignment", &STR, "rutin för att tilldela roller"},
    {"program_process", &STR, "rutin för programmet och vårdprocessen"},
    {"journaling", &JOURNALING, "rutin för journalföring"},
    {"data_retention", &RETENTION, "rutin för gallring"},
    {"outage", &STR, "rutin för avbrott"},
    {"pdl_log_review", &STR, "PDL-logguppföljning"},
    {"follow_up", &STR, "rutin för uppföljning och måluppfyllelse"},
    {"service_window", &STR, "prenumeration på Ineras servicefönster (planerade avbrott)"});

MAP(CONNECTION, {"care_provider_connected", &DATE, "the care provider is connected"},
    {"e_services_connected", &DATE, "step 1: the unit is connected to the e-services"},
    {"hsa_id_verified", &DATE, "step 1: the unit's HSA-id matches"},
    {"first_access_admin_assigned", &DATE, "step 2: first access administrator"},
    {"programs_distributed", &DATE, "step 3: programs distributed to the unit"},
    {"roles_assigned", &DATE, "step 4: other roles assigned"},
    {"e_service_activated", &DATE, "step 5: the e-service is activated"},
    {"visible_logged_in", &DATE, "check: visible to logged-in citizens"},
    {"visible_on_contact_card", &DATE, "check: visible on the unit's contact card"});

MAP(START_CHECK, {"date", &DATE, "when the start check was done"},
    {"by", &STR, "who did it"});

MAP(ONBOARDING, {"kind", &STR, "unit-onboarding"},
    {"version", &VERSION, "format version: 1"},
    {"unit", &UNIT, "the care unit"},
    {"service", &STR, "the service introduced"},
    {"programs", &STR_LIST, "the programs the unit offers"},
    {"target_populations", &TARGET_POPULATIONS, "who each program is for"},
    {"launch_date", &DATE, "the unit's launch date"},
    {"team", &TEAM, "the onboarding team"},
    {"goals", &GOALS, "measurable goals"},
    {"staff", &STAFF_LIST, "staff with roles"},
    {"risk_analysis", &RISK_ANALYSIS, "the unit's risk analysis"},
    {"routines", &ROUTINES, "the unit's routines"},
    {"connection", &CONNECTION, "the connection steps, each a date when done"},
    {"start_check", &START_CHECK, "startklar-avstämning"},
    {"follow_ups", &DATE_LIST, "follow-up dates"});

/* ---- social-media-strategy (seeds 002, 003) ------------------------------------ */

VOCAB(DIRECTION, "higher", "lower");
VOCAB(PRODUCTION_MEETING, "weekly", "biweekly", "monthly", "quarterly", "ad_hoc", "none");
VOCAB(ACTION_TYPE, "adoption", "staff_briefing", "midterm_evaluation", "final_evaluation", "other");

MAP(PERIOD, {"start", &DATE, "first day"}, {"end", &DATE, "last day"});

MAP(MEASURE, {"metric", &STR, "what is measured"},
    {"type", &MEASURE_TYPE, "quantitative or qualitative"},
    {"target", &NUM, "the target value"},
    {"actual", &NUM, "the value reached"},
    {"direction", &DIRECTION, "which way is better: higher (default) or lower"},
    {"method", &STR, "how it is measured"});
LIST_OF(MEASURES, MEASURE);

MAP(PURPOSE, {"id", &STR, "short id"},
    {"text", &STR, "the purpose"},
    {"measures", &MEASURES, "how it is measured"});
LIST_OF(PURPOSES, PURPOSE);

MAP(FREQUENCY, {"min", &COUNT, "fewest posts a week"}, {"max", &COUNT, "most posts a week"});

MAP(PLATFORM, {"name", &STR, "the platform"},
    {"audience", &STR, "who it is for"},
    {"owner", &STR, "who runs it"},
    {"backup_owner", &STR, "who runs it in the owner's absence"},
    {"posts_per_week", &FREQUENCY, "posting frequency"});
LIST_OF(PLATFORMS, PLATFORM);

MAP(CONTENT, {"criteria", &STR_LIST, "content criteria"},
    {"storylines", &STR_LIST, "storylines"},
    {"priorities", &STR_LIST, "priorities"});

MAP(TONE, {"sign_with_name_and_title", &BOOL, "replies are signed with name and title"},
    {"description", &STR, "the tone of voice"});

MAP(PERSONAL_DATA, {"delete_sensitive_posts", &BOOL, "posts with sensitive personal data are removed"},
    {"redirect_channel", &STR, "where users are pointed instead"});

MAP(MODERATION, {"removes_attacks", &BOOL, "personal attacks and defamation are removed"},
    {"published", &BOOL, "the moderation rule is published"});

MAP(CRISIS, {"spokesperson_rule", &STR, "who speaks"}, {"monitoring", &STR, "who monitors"});

MAP(ORG_ROUTINES, {"content_calendar", &BOOL, "a content calendar exists"},
    {"production_meeting", &PRODUCTION_MEETING, "how often the production meeting is held"},
    {"monitoring_owner", &STR, "who monitors"});

MAP(MATURITY, {"current", &LEVEL, "the declared level, 1-5"},
    {"target", &LEVEL, "the level aimed for, 1-5"},
    {"features", &FEATURE_LIST, "the features in use"},
    {"management_backing", &BOOL, "the management's backing (ledelsesopbakning)"},
    {"legal_review", &BOOL, "legal review (needed for level 5)"},
    {"facilitating_department", &STR, "the department that runs the groups (level 5)"},
    {"after_hours_owner", &STR, "who answers outside office hours (level 3 and up)"});

MAP(ACTION, {"when", &DATE, "when"}, {"what", &STR, "what"},
    {"type", &ACTION_TYPE, "what kind of entry it is"});
LIST_OF(ACTION_PLAN, ACTION);

MAP(STRATEGY, {"kind", &STR, "social-media-strategy"},
    {"version", &VERSION, "format version: 1"},
    {"organisation", &STR, "the organisation"},
    {"unit", &UNIT, "the care unit (optional)"},
    {"period", &PERIOD, "the strategy's period"},
    {"purposes", &PURPOSES, "purposes with measures"},
    {"platforms", &PLATFORMS, "platforms and audiences"},
    {"content", &CONTENT, "content criteria"},
    {"tone_of_voice", &TONE, "tone of voice"},
    {"personal_data", &PERSONAL_DATA, "personal-data policy"},
    {"moderation", &MODERATION, "moderation of attacks and defamation"},
    {"crisis", &CRISIS, "crisis communication"},
    {"organisation_routines", &ORG_ROUTINES, "organisation and routines"},
    {"maturity", &MATURITY, "maturity level (seed 003)"},
    {"action_plan", &ACTION_PLAN, "the action plan"});

/* ---- policy documents (docs/gating.md) ------------------------------------------ */

VOCAB(SEVERITY, "error", "warning", "info");
static const sk_shape ANY = {.type = SK_T_ANY};
static const sk_shape SELECTORS = {.type = SK_T_LIST, .item = &STR};
static const sk_shape SEVERITIES = {.type = SK_T_DICT, .item = &SEVERITY};
static const sk_shape PARAM_VALUES = {.type = SK_T_DICT, .item = &ANY};
static const sk_shape PARAMS = {.type = SK_T_DICT, .item = &PARAM_VALUES};

MAP(WAIVER_LIMITS, {"max_days", &DAYS, "the longest a waiver may run, in days from --as-of (default 180)"},
    {"expiring_days", &DAYS, "a waiver this many days from its expiry is expiring soon (default 14)"});

static const sk_shape AT_RISK_DAYS = {.type = SK_T_INT, .min = 0, .max = 3650};
MAP(ROLLOUT, {"at_risk_days", &AT_RISK_DAYS, "a unit not ready this many days or fewer before its launch is at risk (default 30)"});

MAP(PROFILE, {"kind", &STR, "profile"},
    {"version", &VERSION, "format version: 1"},
    {"description", &STR, "what the profile is for"},
    {"extends", &STR, "the profile this one starts from: a name in rules/ or a path"},
    {"disable", &SELECTORS, "rule ids or prefixes (SM-) to switch off"},
    {"enable", &SELECTORS, "rule ids or prefixes to switch back on"},
    {"severity", &SEVERITIES, "rule id or prefix -> error, warning or info"},
    {"params", &PARAMS, "rule id -> {parameter: value}"},
    {"waivers", &WAIVER_LIMITS, "how long waivers may run, and when they are expiring soon"},
    {"rollout", &ROLLOUT, "the launch countdown (docs/rollout.md)"});

MAP(WAIVER, {"rule", &STR, "the rule id the waiver is for"},
    {"unit", &STR, "the unit's HSA-id (one unit: a profile turns a rule off for all)"},
    {"path", &STR, "only findings at this path (and below it)"},
    {"reason", &STR, "why the gap is accepted for now"},
    {"approved_by", &STR, "who accepted it"},
    {"expires", &DATE, "from this day on the waiver no longer waives"});
LIST_OF(WAIVER_LIST, WAIVER);
MAP(WAIVERS, {"kind", &STR, "waivers"},
    {"version", &VERSION, "format version: 1"},
    {"waivers", &WAIVER_LIST, "accepted gaps"});

MAP(BASELINE_ENTRY, {"unit", &STR, "the unit's HSA-id"},
    {"rule", &STR, "the rule id"},
    {"path", &STR, "the finding's stable path (format 1: its path by position)"},
    {"severity", &SEVERITY, "the severity recorded (format 2)"},
    {"fingerprint", &STR, "a short hash of the message (format 2)"});
LIST_OF(BASELINE_ENTRIES, BASELINE_ENTRY);
/* every document's envelope is version 1 (load.c); the entries' format is the baseline's own */
static const sk_shape BASELINE_FORMAT = {.type = SK_T_INT, .min = 2, .max = 2};
MAP(BASELINE, {"kind", &STR, "baseline"},
    {"version", &VERSION, "format version: 1"},
    {"format", &BASELINE_FORMAT, "the entries' format: 2 (stable paths, severity, fingerprint); absent: 1"},
    {"as_of", &DATE, "the date of the run that wrote it"},
    {"findings", &BASELINE_ENTRIES, "the known findings"});

/* ---- the configuration file, startklar.yaml (config.c, engine/cli/config.c) ---- */

VOCAB(LANGUAGE, "en", "sv");
VOCAB(FAIL_ON, "error", "warning", "info", "never");
MAP(CONFIG, {"kind", &STR, "config"},
    {"version", &VERSION, "format version: 1"},
    {"rules", &STR_LIST, "rule directories to load besides the built-in rules (--rules)"},
    {"profile", &STR, "a profile from rules/ or a profile file (--profile)"},
    {"waivers", &STR_LIST, "waiver files (--waivers)"},
    {"baseline", &STR, "the baseline file (--baseline)"},
    {"lang", &LANGUAGE, "the language of messages and reports (--lang)"},
    {"fail_on", &FAIL_ON, "the level at or above which a unit is not ready (--fail-on)"},
    {"include", &STR_LIST, "globs: of the files under a directory, read only those matching one"},
    {"exclude", &STR_LIST, "globs: never read files matching one (--exclude)"});

/* ---- message catalogues (engine/i18n/, i18n.c) ----------------------------------- */

MAP(CATALOGUE_ENTRY, {"en", &STR, "an English text or printf format, the exact key"},
    {"plural", &STR, "the English plural of a text that counts"},
    {"sv", &STR, "the Swedish text (a format takes the same arguments)"},
    {"sv_plural", &STR, "the Swedish plural"});
LIST_OF(CATALOGUE_ENTRIES, CATALOGUE_ENTRY);
MAP(CATALOGUE, {"kind", &STR, "catalogue"},
    {"version", &VERSION, "format version: 1"},
    {"language", &STR, "the language's code: sv"},
    {"entries", &CATALOGUE_ENTRIES, "the texts"});

/* Every kind once: name, root shape, describes a unit, needs unit.hsa_id.
 * The table and the list of names are both made from it. */
#define KINDS(X)                                                                                            \
    X("communication-plan", PLAN, 1, 1)                                                                     \
    X("unit-onboarding", ONBOARDING, 1, 1)                                                                  \
    X("social-media-strategy", STRATEGY, 1, 0)                                                              \
    X("waivers", WAIVERS, 0, 0)                                                                             \
    X("profile", PROFILE, 0, 0)                                                                             \
    X("baseline", BASELINE, 0, 0)                                                                           \
    X("catalogue", CATALOGUE, 0, 0)                                                                         \
    X("config", CONFIG, 0, 0)
#define KIND_ROW(name, root, unit, hsa) {name, &root, unit, hsa},
#define KIND_NAME(name, root, unit, hsa) ", " name

const sk_kind sk_kinds[] = {KINDS(KIND_ROW){NULL, NULL, 0, 0}};

static const char KIND_NAMES[] = KINDS(KIND_NAME);
const char *const sk_kind_names = KIND_NAMES + 2; /* past the first ", " */

const sk_kind *sk_kind_find(const char *name)
{
    for (const sk_kind *k = sk_kinds; k->name; k++)
        if (strcmp(k->name, name) == 0)
            return k;
    return NULL;
}

/* ---- scalar typing ------------------------------------------------------------ */

/* Whether a scalar's text is one of words (NULL-terminated); its length is
 * compared first, so most scalars are told apart without a strcmp. */
static int is_word(const sk_node *n, const char *const *words)
{
    for (const char *const *w = words; *w; w++)
        if (strlen(*w) == n->len && memcmp(n->text, *w, n->len) == 0)
            return 1;
    return 0;
}

static int is_null_text(const sk_node *n)
{
    static const char *const NULLS[] = {"", "~", "null", "Null", "NULL", NULL};
    /* every null word is 0, 1 or 4 bytes long */
    return n->plain && (n->len <= 1 || n->len == 4) && is_word(n, NULLS);
}

int sk_scalar_is_null(const sk_node *n)
{
    return is_null_text(n);
}

static int parse_bool(const sk_node *n, int *out)
{
    static const char *const TRUE_WORDS[] = {"true", "True", "TRUE", NULL};
    static const char *const FALSE_WORDS[] = {"false", "False", "FALSE", NULL};
    if (!n->plain || n->len < 4 || n->len > 5)
        return -1;
    if (is_word(n, TRUE_WORDS))
        return *out = 1, 0;
    if (is_word(n, FALSE_WORDS))
        return *out = 0, 0;
    return -1;
}

/* Decimal integers only: [-+]?[0-9]+, no overflow. */
static int parse_int(const sk_node *n, long long *out)
{
    const char *s = n->text;
    if (!n->plain || !*s)
        return -1;
    size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    if (!s[i])
        return -1;
    for (size_t j = i; s[j]; j++)
        if (s[j] < '0' || s[j] > '9')
            return -1;
    errno = 0;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (errno == ERANGE || *end)
        return -2;
    *out = v;
    return 0;
}

/* Decimal numbers: [-+]?(digits[.digits]|.digits)([eE][-+]?digits)?; finite only. */
static int parse_num(const sk_node *n, double *out)
{
    const char *s = n->text;
    if (!n->plain)
        return -1;
    size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    size_t digits = 0;
    while (s[i] >= '0' && s[i] <= '9')
        i++, digits++;
    if (s[i] == '.') {
        i++;
        while (s[i] >= '0' && s[i] <= '9')
            i++, digits++;
    }
    if (!digits)
        return -1;
    if (s[i] == 'e' || s[i] == 'E') {
        i++;
        if (s[i] == '-' || s[i] == '+')
            i++;
        if (s[i] < '0' || s[i] > '9')
            return -1;
        while (s[i] >= '0' && s[i] <= '9')
            i++;
    }
    if (s[i])
        return -1;
    double v = strtod(s, NULL);
    if (!isfinite(v))
        return -2;
    *out = v;
    return 0;
}

void sk_scalar_resolve_any(sk_node *n)
{
    int b;
    long long i;
    double d;
    if (n->type == SK_NODE_MAP || n->type == SK_NODE_SEQ)
        return;
    if (is_null_text(n))
        n->type = SK_NODE_NULL;
    else if (parse_bool(n, &b) == 0)
        n->type = SK_NODE_BOOL, n->v.b = b;
    else if (parse_int(n, &i) == 0)
        n->type = SK_NODE_INT, n->v.i = i;
    else if (parse_num(n, &d) == 0)
        n->type = SK_NODE_NUM, n->v.n = d;
    else
        n->type = SK_NODE_STR;
}

/* ---- the walk ---------------------------------------------------------------------- */

typedef struct check_ctx {
    const char *file;
    sk_errors *errs;
    int count;
    /* where the node being checked is, as keys and list positions; the text
     * ("target_groups[1].channels") is made only for an error message */
    struct {
        const char *key; /* NULL: index */
        size_t index;
    } at[128];
    size_t depth;
} check_ctx;

static void enter_key(check_ctx *c, const char *key)
{
    if (c->depth < sizeof c->at / sizeof c->at[0])
        c->at[c->depth].key = key;
    c->depth++;
}

static void enter_index(check_ctx *c, size_t index)
{
    if (c->depth < sizeof c->at / sizeof c->at[0]) {
        c->at[c->depth].key = NULL;
        c->at[c->depth].index = index;
    }
    c->depth++;
}

static void fail(check_ctx *c, const sk_node *n, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void fail(check_ctx *c, const sk_node *n, int line, int col, const char *fmt, ...)
{
    /* the format is kept with the error: the catalogue translates it whole */
    va_list ap;
    va_start(ap, fmt);
    sk_errors_addv(c->errs, SK_ERR_INPUT, c->file, line ? line : n->line, col ? col : n->column, fmt, ap);
    va_end(ap);
    c->count++;
}

static int path_of(check_ctx *c, char *out, size_t size);

/* An error whose format says where it is (" in PATH") below the root. */
#define FAIL(c, n, line, col, fmt, ...)                                                      \
    do {                                                                                     \
        char at_[512];                                                                       \
        if (path_of(c, at_, sizeof at_))                                                     \
            fail(c, n, line, col, fmt " in %s", __VA_ARGS__, at_);                           \
        else                                                                                 \
            fail(c, n, line, col, fmt, __VA_ARGS__);                                         \
    } while (0)

static const char *type_word(sk_type t)
{
    static const char *const WORDS[] = {
        [SK_T_ANY] = "a value", [SK_T_STR] = "a text",      [SK_T_INT] = "an integer",
        [SK_T_NUM] = "a number", [SK_T_BOOL] = "true or false", [SK_T_DATE] = "a date YYYY-MM-DD",
        [SK_T_ENUM] = "one of the allowed values", [SK_T_MAP] = "a map of keys", [SK_T_LIST] = "a list",
        [SK_T_DICT] = "a map",
    };
    return WORDS[t];
}

static const char *node_word(const sk_node *n)
{
    if (n->type == SK_NODE_MAP)
        return "a map";
    if (n->type == SK_NODE_SEQ)
        return "a list";
    return "a scalar";
}

/* The path from the root to where the check is ("target_groups[2].owner");
 * 0 at the root. */
static int path_of(check_ctx *c, char *out, size_t size)
{
    size_t n = c->depth < sizeof c->at / sizeof c->at[0] ? c->depth : sizeof c->at / sizeof c->at[0];
    sk_buf b = {0};
    for (size_t i = 0; i < n; i++) {
        if (!c->at[i].key)
            sk_buf_printf(&b, "[%zu]", c->at[i].index);
        else
            sk_buf_printf(&b, "%s%s", i ? "." : "", c->at[i].key);
    }
    snprintf(out, size, "%s", b.data && !b.failed ? b.data : "");
    sk_buf_free(&b);
    return out[0] != '\0';
}

static void vocab_list(const char *const *vocab, sk_buf *b)
{
    for (const char *const *w = vocab; *w; w++)
        sk_buf_printf(b, "%s%s", w == vocab ? "" : ", ", *w);
}

/* The closest known key, when it is close enough to be a typo. */
static const char *suggest(const sk_field *fields, const char *key)
{
    sk_nearest near = {.word = key};
    for (const sk_field *f = fields; f->key; f++)
        sk_nearest_try(&near, f->key);
    return sk_nearest_get(&near);
}

static void check_node(check_ctx *c, sk_node *n, const sk_shape *s);

static void check_scalar(check_ctx *c, sk_node *n, const sk_shape *s)
{
    if (n->type == SK_NODE_MAP || n->type == SK_NODE_SEQ) {
        FAIL(c, n, 0, 0, "expected %s but found %s", type_word(s->type), node_word(n));
        return;
    }
    if (is_null_text(n)) {
        n->type = SK_NODE_NULL; /* every field is optional: null means absent */
        return;
    }
    const char *problem = NULL;
    int r;
    switch (s->type) {
    case SK_T_STR:
        n->type = SK_NODE_STR; /* any scalar reads as text */
        return;
    case SK_T_BOOL:
        if (parse_bool(n, &n->v.b) == 0) {
            n->type = SK_NODE_BOOL;
            return;
        }
        problem = "expected true or false";
        break;
    case SK_T_INT:
        r = parse_int(n, &n->v.i);
        if (r == 0 && (s->min > s->max || (n->v.i >= s->min && n->v.i <= s->max))) {
            n->type = SK_NODE_INT;
            return;
        }
        if (r == 0) {
            FAIL(c, n, 0, 0, "%lld is out of range %lld..%lld", n->v.i, s->min, s->max);
            return;
        }
        problem = r == -2 ? "integer too large" : "expected an integer";
        break;
    case SK_T_NUM: {
        long long i;
        if (parse_int(n, &i) == 0) {
            n->type = SK_NODE_INT, n->v.i = i;
            return;
        }
        r = parse_num(n, &n->v.n);
        if (r == 0) {
            n->type = SK_NODE_NUM;
            return;
        }
        problem = r == -2 ? "number out of range" : "expected a number";
        break;
    }
    case SK_T_DATE:
        if (sk_date_valid(n->text, n->len)) {
            n->type = SK_NODE_DATE;
            return;
        }
        problem = "expected a real date YYYY-MM-DD (1900-9999)";
        break;
    case SK_T_ENUM:
        if (is_word(n, s->vocab)) {
            n->type = SK_NODE_STR;
            return;
        }
        {
            sk_buf allowed = {0};
            char at[512];
            vocab_list(s->vocab, &allowed);
            const char *list = allowed.data && !allowed.failed ? allowed.data : "?";
            if (path_of(c, at, sizeof at))
                fail(c, n, 0, 0, "'%s' is not an allowed value in %s (allowed: %s)", n->text, at, list);
            else
                fail(c, n, 0, 0, "'%s' is not an allowed value (allowed: %s)", n->text, list);
            sk_buf_free(&allowed);
        }
        return;
    default:
        return;
    }
    FAIL(c, n, 0, 0, "%s, found '%s'", problem, n->text);
}

/* x_ values: any YAML, scalars resolved as YAML 1.1 core. */
static void resolve_any_tree(sk_node *n)
{
    if (n->type == SK_NODE_MAP) {
        for (size_t i = 0; i < n->v.map.count; i++)
            resolve_any_tree(n->v.map.items[i].value);
    } else if (n->type == SK_NODE_SEQ) {
        for (size_t i = 0; i < n->v.seq.count; i++)
            resolve_any_tree(n->v.seq.items[i]);
    } else {
        sk_scalar_resolve_any(n);
    }
}

/* The field named key, or NULL. A document lists its keys mostly in the
 * schema's order, so the search starts at from (the field after the one
 * found last) and goes round; the first byte rules out most fields before a
 * strcmp. */
static const sk_field *find_field(const sk_field *fields, const sk_field *from, const char *key)
{
    for (const sk_field *f = from; f->key; f++)
        if (f->key[0] == key[0] && strcmp(f->key, key) == 0)
            return f;
    for (const sk_field *f = fields; f != from; f++)
        if (f->key[0] == key[0] && strcmp(f->key, key) == 0)
            return f;
    return NULL;
}

static void check_map(check_ctx *c, sk_node *n, const sk_shape *s)
{
    const sk_field *from = s->fields;
    for (size_t i = 0; i < n->v.map.count; i++) {
        sk_pair *p = &n->v.map.items[i];
        if (p->key[0] == 'x' && p->key[1] == '_') {
            resolve_any_tree(p->value);
            continue;
        }
        const sk_field *f = find_field(s->fields, from, p->key);
        if (!f) {
            const char *hint = suggest(s->fields, p->key);
            char at[512];
            int in = path_of(c, at, sizeof at);
            if (hint && in)
                fail(c, n, p->line, p->column, "unknown key '%s' in %s (did you mean '%s'?)", p->key, at, hint);
            else if (hint)
                fail(c, n, p->line, p->column, "unknown key '%s' (did you mean '%s'?)", p->key, hint);
            else if (in)
                fail(c, n, p->line, p->column, "unknown key '%s' in %s", p->key, at);
            else
                fail(c, n, p->line, p->column, "unknown key '%s'", p->key);
            continue;
        }
        from = f + 1;
        p->field = f;
        enter_key(c, p->key);
        check_node(c, p->value, f->shape);
        c->depth--;
    }
}

static void check_node(check_ctx *c, sk_node *n, const sk_shape *s)
{
    switch (s->type) {
    case SK_T_MAP:
    case SK_T_LIST: {
        int want_map = s->type == SK_T_MAP;
        if (n->type != SK_NODE_MAP && n->type != SK_NODE_SEQ && is_null_text(n)) {
            n->type = SK_NODE_NULL;
            return;
        }
        if (n->type != (want_map ? SK_NODE_MAP : SK_NODE_SEQ)) {
            if (n->type == SK_NODE_MAP || n->type == SK_NODE_SEQ)
                FAIL(c, n, 0, 0, "expected %s but found %s", type_word(s->type), node_word(n));
            else
                FAIL(c, n, 0, 0, "expected %s but found a scalar '%s'", type_word(s->type), n->text);
            return;
        }
        if (want_map) {
            check_map(c, n, s);
        } else {
            for (size_t i = 0; i < n->v.seq.count; i++) {
                enter_index(c, i + 1);
                check_node(c, n->v.seq.items[i], s->item);
                c->depth--;
            }
        }
        return;
    }
    case SK_T_DICT:
        if (n->type == SK_NODE_MAP) {
            for (size_t i = 0; i < n->v.map.count; i++) {
                enter_key(c, n->v.map.items[i].key);
                check_node(c, n->v.map.items[i].value, s->item);
                c->depth--;
            }
        } else if (n->type != SK_NODE_SEQ && is_null_text(n)) {
            n->type = SK_NODE_NULL;
        } else {
            FAIL(c, n, 0, 0, "expected a map but found %s", node_word(n));
        }
        return;
    case SK_T_ANY:
        resolve_any_tree(n);
        return;
    default:
        check_scalar(c, n, s);
    }
}

int sk_schema_check(sk_node *node, const sk_shape *shape, const char *file, sk_errors *errs)
{
    check_ctx c = {.file = file, .errs = errs};
    check_node(&c, node, shape);
    return c.count;
}
