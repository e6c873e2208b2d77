/* vocab.c: the words of the closed vocabularies of FORMAT.md in each language
 * the reports speak, defined once: the renderer shows a value through them
 * ({role:roles} -> "behandlare"), and `schema`, `init` and the docs list
 * them from here. A vocabulary is named after its field in FORMAT.md; the
 * English label of a value is the value as the document writes it (what a
 * reader searches the YAML for), except the maturity levels and the connection
 * steps, which are named in words. */
#include "internal.h"

#include <string.h>

#define END {NULL, NULL, NULL}

static const sk_vocab_entry AUDIENCE[] = {
    {"internal", "internal", "intern"},
    {"partner", "partner", "samverkanspart"},
    {"external", "external", "extern"},
    END,
};

static const sk_vocab_entry STANCE[] = {
    {"enabler", "enabler", "möjliggörare"},
    {"obstacle", "obstacle", "hinder"},
    {"neutral", "neutral", "neutral"},
    END,
};

static const sk_vocab_entry PRIORITY[] = {
    {"high", "high", "hög"},
    {"normal", "normal", "normal"},
    {"low", "low", "låg"},
    END,
};

/* prior_knowledge, likelihood and consequence share their words */
static const sk_vocab_entry LOW_MEDIUM_HIGH[] = {
    {"low", "low", "låg"},
    {"medium", "medium", "medel"},
    {"high", "high", "hög"},
    END,
};

static const sk_vocab_entry STATUS[] = {
    {"planned", "planned", "planerad"},
    {"done", "done", "genomförd"},
    {"cancelled", "cancelled", "inställd"},
    END,
};

static const sk_vocab_entry ACTION_STATUS[] = {
    {"open", "open", "öppen"},
    {"done", "done", "klar"},
    END,
};

static const sk_vocab_entry ROLES[] = {
    {"access_admin", "access_admin", "behörighetsadministratör"},
    {"citizen_admin", "citizen_admin", "invånaradministratör"},
    {"data_admin", "data_admin", "dataadministratör"},
    {"practitioner", "practitioner", "behandlare"},
    END,
};

static const sk_vocab_entry TRAINING[] = {
    {"basics", "basics", "grundläggande kunskap om Stöd och behandling"},
    {"roles", "roles", "rollerna på enheten, rutiner och handhavande"},
    {"program", "program", "det specifika programmet"},
    {"manuals", "manuals", "manualer och supportvägar"},
    {"continued", "continued", "fortsatt kompetensutveckling"},
    END,
};

static const sk_vocab_entry AREAS[] = {
    {"methods", "methods", "metoder"},
    {"technology", "technology", "teknik"},
    {"routines", "routines", "rutiner"},
    {"communication", "communication", "kommunikation"},
    END,
};

static const sk_vocab_entry FEATURES[] = {
    {"posts", "posts", "inlägg"},
    {"replies", "replies", "svar på kommentarer"},
    {"comments", "comments", "kommentarer"},
    {"sharing", "sharing", "delningar"},
    {"reactions", "reactions", "reaktioner"},
    {"direct_messages", "direct_messages", "direktmeddelanden"},
    {"user_posts", "user_posts", "användarnas egna inlägg"},
    {"reviews", "reviews", "omdömen"},
    {"proactive_dialog", "proactive_dialog", "proaktiv dialog"},
    {"response_24_7", "response_24_7", "svar dygnet runt, årets alla dagar"},
    {"user_involvement", "user_involvement", "brukarmedverkan"},
    {"research_recruitment", "research_recruitment", "rekrytering till forskning"},
    {"closed_patient_groups", "closed_patient_groups", "slutna patientgrupper"},
    END,
};

/* seed 003's five levels (Danish in the seed: "informationssøjler,
 * envejskommunikation", ... "individuel patient- og pårørendeinddragelse") */
static const sk_vocab_entry LEVELS[] = {
    {"0", "not even level 1", "inte ens nivå 1"},
    {"1", "information pillars – one-way communication", "informationspelare – envägskommunikation"},
    {"2", "feedback – a reactive approach", "återkoppling – reaktivt förhållningssätt"},
    {"3", "dialogue – a proactive approach", "dialog – proaktivt förhållningssätt"},
    {"4", "user involvement at the organisation level", "brukarmedverkan på organisationsnivå"},
    {"5", "involvement of the individual patient and their relatives",
     "individuell patient- och närståendemedverkan"},
    END,
};

static const sk_vocab_entry MEASURE_TYPE[] = {
    {"quantitative", "quantitative", "kvantitativ"},
    {"qualitative", "qualitative", "kvalitativ"},
    END,
};

static const sk_vocab_entry DIRECTION[] = {
    {"higher", "higher", "högre är bättre"},
    {"lower", "lower", "lägre är bättre"},
    END,
};

static const sk_vocab_entry PRODUCTION_MEETING[] = {
    {"weekly", "weekly", "varje vecka"},
    {"biweekly", "biweekly", "varannan vecka"},
    {"monthly", "monthly", "varje månad"},
    {"quarterly", "quarterly", "varje kvartal"},
    {"ad_hoc", "ad_hoc", "vid behov"},
    {"none", "none", "inga"},
    END,
};

static const sk_vocab_entry ACTION_TYPE[] = {
    {"adoption", "adoption", "beslut om strategin"},
    {"staff_briefing", "staff_briefing", "information till medarbetarna"},
    {"midterm_evaluation", "midterm_evaluation", "halvtidsutvärdering"},
    {"final_evaluation", "final_evaluation", "slututvärdering"},
    {"other", "other", "annat"},
    END,
};

static const sk_vocab_entry PHASES[] = {
    {"planning", "planning", "planering"},
    {"anchoring", "anchoring", "förankring"},
    {"implementation", "implementation", "implementering"},
    {"maintenance", "maintenance", "vidmakthållande"},
    END,
};

/* the keys of `connection` (seed 004): the steps as sentences */
static const sk_vocab_entry STEPS[] = {
    {"care_provider_connected", "the care provider is connected to the service",
     "vårdgivaren är ansluten till tjänsten"},
    {"e_services_connected", "the unit is connected to 1177's e-services and the platform",
     "enheten är ansluten till 1177:s e-tjänster och plattformen"},
    {"hsa_id_verified", "the unit's HSA-id is verified", "enhetens HSA-id är kontrollerat"},
    {"first_access_admin_assigned", "the first access administrator is assigned",
     "den första behörighetsadministratören är tilldelad"},
    {"programs_distributed", "the programs are distributed to the unit", "programmen är utdelade till enheten"},
    {"roles_assigned", "the other roles are assigned", "övriga roller är tilldelade"},
    {"e_service_activated", "the e-service is activated on the unit", "e-tjänsten är aktiverad på enheten"},
    {"visible_logged_in", "the e-service is visible to logged-in citizens",
     "e-tjänsten visas i inloggat läge för invånare"},
    {"visible_on_contact_card", "the e-service is visible on the unit's contact card on 1177.se",
     "e-tjänsten visas på enhetens kontaktkort på 1177.se"},
    END,
};

static const sk_vocab_entry TEAM[] = {
    {"manager", "manager", "chef"},
    {"developer", "developer", "verksamhetsutvecklare"},
    {"local_admin", "local_admin", "lokal administratör"},
    {"contact_person", "contact_person", "kontaktperson"},
    END,
};

static const sk_vocab_entry ROUTINES[] = {
    {"role_assignment", "role_assignment", "rutin för tilldelning av roller"},
    {"program_process", "program_process", "rutin för programmens arbetsgång"},
    {"journaling", "journaling", "rutin för journalföring"},
    {"data_retention", "data_retention", "rutin för gallring"},
    {"outage", "outage", "rutin vid driftavbrott"},
    {"pdl_log_review", "pdl_log_review", "rutin för logguppföljning enligt PDL"},
    {"follow_up", "follow_up", "rutin för uppföljning"},
    {"service_window", "service_window", "bevakning av servicefönster"},
    END,
};

const sk_vocab sk_vocabs[] = {
    {"audience", AUDIENCE, 1},
    {"stance", STANCE, 1},
    {"priority", PRIORITY, 1},
    {"prior_knowledge", LOW_MEDIUM_HIGH, 1},
    {"likelihood", LOW_MEDIUM_HIGH, 1},
    {"consequence", LOW_MEDIUM_HIGH, 1},
    {"status", STATUS, 1},
    {"action_status", ACTION_STATUS, 1},
    {"roles", ROLES, 1},
    {"training", TRAINING, 1},
    {"areas", AREAS, 1},
    {"features", FEATURES, 1},
    {"levels", LEVELS, 0},
    {"measure_type", MEASURE_TYPE, 1},
    {"direction", DIRECTION, 1},
    {"production_meeting", PRODUCTION_MEETING, 1},
    {"action_type", ACTION_TYPE, 1},
    {"phases", PHASES, 0},
    {"steps", STEPS, 0},
    {"team", TEAM, 0},
    {"routines", ROUTINES, 0},
    {NULL, NULL, 0},
};

const sk_vocab *sk_vocab_find(const char *name, size_t len)
{
    for (const sk_vocab *v = sk_vocabs; v->name; v++)
        if (strlen(v->name) == len && strncmp(v->name, name, len) == 0)
            return v;
    return NULL;
}

const sk_vocab *sk_vocab_of(const char *const *values)
{
    size_t n = 0;
    while (values && values[n])
        n++;
    for (const sk_vocab *v = sk_vocabs; n && v->name; v++) {
        size_t m = 0, hits = 0;
        for (const sk_vocab_entry *w = v->words; w->value; w++, m++)
            for (size_t i = 0; i < n; i++)
                hits += strcmp(values[i], w->value) == 0;
        if (m == n && hits == n)
            return v;
    }
    return NULL;
}

const char *sk_vocab_word(const char *const *values, const char *value, const char *lang)
{
    const sk_vocab *v = sk_vocab_of(values);
    return v ? sk_vocab_label(v, value, lang) : NULL;
}

const char *sk_vocab_label(const sk_vocab *v, const char *value, const char *lang)
{
    for (const sk_vocab_entry *w = v->words; w->value; w++)
        if (strcmp(w->value, value) == 0)
            return lang && strcmp(lang, "sv") == 0 ? w->sv : w->en;
    return NULL;
}
