/* gen_units.c: writes N realistic units for benchmarks, each a folder with a
 * communication plan, an onboarding checklist and (for some) a social-media
 * strategy, with random defects. Deterministic: the same seed gives the same
 * corpus. Usage: gen_units DIR N [SEED] */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* xorshift64*: small, fast, the same everywhere */
static uint64_t next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ull;
}

static int chance(uint64_t *s, int percent)
{
    return (int)(next(s) % 100) < percent;
}

static const char *pick(uint64_t *s, const char *const *list, size_t n)
{
    return list[next(s) % n];
}

#define PICK(s, list) pick(s, list, sizeof list / sizeof *list)

static const char *const TOWNS[] = {"Visby", "Slite", "Hemse", "Klintehamn", "Kungsbacka", "Varberg",
                                    "Falkenberg", "Halmstad", "Ystad", "Lund", "Eslöv", "Höör"};
static const char *const PEOPLE[] = {"Karin Ek", "Per Holm", "Sara Nyberg", "Eva Lind", "Ali Hassan",
                                     "Maria Olsson", "Johan Berg", "Fatima Said", "Lena Åkesson"};
static const char *const PROGRAMS[] = {"Sömnbesvär", "Oro och ångest", "Depression", "Stöd vid smärta"};
static const char *const SYSTEMS[] = {"TakeCare", "Cosmic", "Melior"};

/* Each line of a template may start with "?N " (kept unless defect N was
 * drawn); %T is the town, %P a person, %G a program, %S a record system,
 * %I the unit number, %M a maximum retention in days. */
static const char PLAN[] =
    "kind: communication-plan\n"
    "version: 1\n"
    "unit: {name: Vårdcentralen %T, hsa_id: SE2321000222-U%I}\n"
    "title: Införande av Stöd och behandling, %T\n"
    "service: Stöd och behandling\n"
    "?1 owner: %P, kommunikatör\n"
    "purpose: Säkra att inga målgrupper glöms bort och att informationskanaler säkras\n"
    "goal: Rätt målgrupp har rätt information i rätt tid\n"
    "launch_date: 2027-03-01\n"
    "last_reviewed: 2027-03-20\n"
    "target_groups:\n"
    "  - id: behandlare\n"
    "    name: Behandlare/professionen\n"
    "    audience: internal\n"
    "    stance: enabler\n"
    "    priority: high\n"
    "    know: Vad Stöd och behandling är och vilka program som finns\n"
    "    feel: Professionalism och stolthet\n"
    "    do: Erbjuda programmen till lämpliga patienter\n"
    "    channels: [APT, dialogmöte]\n"
    "?2     owner: %P\n"
    "  - id: patienter\n"
    "    name: Patienter\n"
    "    audience: external\n"
    "    stance: neutral\n"
    "    priority: normal\n"
    "    know: Att programmen finns på 1177.se\n"
    "    feel: Trygghet\n"
    "    do: Logga in och påbörja ett program\n"
    "    channels: [1177.se, affisch i väntrummet]\n"
    "    owner: %P\n"
    "phases:\n"
    "  planning:\n"
    "    start: 2026-11-01\n"
    "    end: 2026-12-20\n"
    "    activities:\n"
    "      - {id: a1, what: Presentera tjänsten och programmen, target_groups: [behandlare], channel: APT,\n"
    "?3          verification: Frågestund och kort enkät,\n"
    "         date: 2026-12-05, owner: Verksamhetschef, status: done}\n"
    "  anchoring:\n"
    "    start: 2027-01-01\n"
    "    end: 2027-02-28\n"
    "    activities:\n"
    "      - {id: a2, what: Utbildning i programmen, target_groups: [behandlare], channel: utbildning,\n"
    "         verification: Kunskapstest, date: 2027-02-10, owner: %P, status: done}\n"
    "  implementation:\n"
    "    start: 2027-03-01\n"
    "    end: 2027-06-30\n"
    "    activities:\n"
    "      - {id: a3, what: Information till patienter, target_groups: [patienter], channel: 1177.se,\n"
    "         verification: Besöksstatistik, date: 2027-03-05, owner: %P, status: done}\n"
    "  maintenance:\n"
    "    start: 2027-07-01\n"
    "    end: 2027-12-31\n"
    "    activities:\n"
    "      - {id: a4, what: Uppföljning på APT, target_groups: [behandlare], channel: APT,\n"
    "         verification: Protokoll, date: 2027-09-15, owner: %P, status: planned}\n"
    "?4 risks:\n"
    "?4   - {id: r1, risk: Driftstopp i plattformen, likelihood: medium, consequence: high,\n"
    "?4      response: Förberett besked via 1177 och SMS, owner: %P}\n"
    "faq: {exists: true, location: https://intra.example/faq}\n"
    "accessibility: {plain_language: true, norm_critical_review: true, formats: [text, film]}\n";

static const char ONBOARDING[] =
    "kind: unit-onboarding\n"
    "version: 1\n"
    "unit: {name: Vårdcentralen %T, hsa_id: SE2321000222-U%I, care_provider: Region Gotland}\n"
    "service: Stöd och behandling\n"
    "programs: [%G]\n"
    "launch_date: 2027-03-01\n"
    "team:\n"
    "  manager: %P\n"
    "  developer: %P\n"
    "  local_admin: %P\n"
    "?5   contact_person: %P\n"
    "goals:\n"
    "  - {text: Minst 40 patienter påbörjar ett program första halvåret, measure: antal påbörjade program,\n"
    "     target: 40, owner: %P, follow_up: 2027-06-30}\n"
    "staff:\n"
    "  - {id: s1, name: %P, roles: [access_admin, citizen_admin], hsa_assignment: true, secure_login: true,\n"
    "     training: [basics, roles]}\n"
    "?6   - {id: s2, name: %P, roles: [data_admin], hsa_assignment: true, secure_login: true, training: [basics, roles]}\n"
    "  - {id: s3, name: %P, roles: [practitioner], hsa_assignment: true, secure_login: true,\n"
    "     training: [basics, roles, program]}\n"
    "risk_analysis:\n"
    "  date: 2026-12-01\n"
    "  led_by: Riskanalysledare %P\n"
    "  patient_safety: true\n"
    "  areas: [methods, technology, routines, communication]\n"
    "  actions:\n"
    "    - {risk: Patient i kris upptäcks inte, action: Bevakning av skattningar varje vardag, owner: %P,\n"
    "       due: 2027-02-15, status: done}\n"
    "routines:\n"
    "  role_assignment: Rutin R-12\n"
    "  program_process: Rutin R-13\n"
    "  journaling: {routine: Rutin R-14, record_system: %S}\n"
    "  data_retention: {routine: Rutin R-15, max_days: %M}\n"
    "  outage: Rutin R-16\n"
    "  pdl_log_review: Rutin R-17\n"
    "  follow_up: Rutin R-18\n"
    "connection:\n"
    "  care_provider_connected: 2026-10-01\n"
    "  e_services_connected: 2027-01-10\n"
    "  hsa_id_verified: 2027-01-10\n"
    "  first_access_admin_assigned: 2027-01-12\n"
    "?7   programs_distributed: 2027-01-15\n"
    "  roles_assigned: 2027-01-20\n"
    "  e_service_activated: 2027-02-01\n"
    "  visible_logged_in: 2027-02-02\n"
    "  visible_on_contact_card: 2027-02-02\n"
    "start_check: {date: 2027-02-20, by: Förvaltningen}\n"
    "follow_ups: [2027-03-15, 2027-04-15]\n";

static const char STRATEGY[] =
    "kind: social-media-strategy\n"
    "version: 1\n"
    "organisation: Vårdcentralen %T\n"
    "unit: {name: Vårdcentralen %T, hsa_id: SE2321000222-U%I}\n"
    "period: {start: 2026-09-01, end: 2027-12-31}\n"
    "purposes:\n"
    "  - id: p1\n"
    "    text: Öka tillgängligheten\n"
    "    measures:\n"
    "      - {metric: reach_per_month, type: quantitative, target: 20000, actual: 21000}\n"
    "      - {metric: response_quality, type: qualitative, method: skärmdumpar}\n"
    "platforms:\n"
    "  - name: facebook\n"
    "    audience: invånare i närområdet\n"
    "    owner: %P\n"
    "?8     backup_owner: %P\n"
    "    posts_per_week: {min: 2, max: 3}\n"
    "tone_of_voice: {sign_with_name_and_title: true, description: I ögonhöjd}\n"
    "personal_data: {delete_sensitive_posts: true, redirect_channel: 1177 Vårdguidens e-tjänster}\n"
    "crisis: {spokesperson_rule: Ansvarig för området, monitoring: Kommunikation}\n"
    "organisation_routines: {content_calendar: true, production_meeting: weekly, monitoring_owner: %P}\n"
    "maturity:\n"
    "  current: 2\n"
    "  target: 2\n"
    "  features: [posts, replies, comments, sharing, reactions, direct_messages]\n"
    "  management_backing: true\n"
    "action_plan:\n"
    "  - {when: 2026-09-15, what: Strategin antas}\n"
    "  - {when: 2027-03-01, what: Halvtidsutvärdering, type: midterm_evaluation}\n"
    "  - {when: 2027-11-01, what: Utvärdering, type: final_evaluation}\n";

static int write_unit_file(const char *path, const char *tmpl, unsigned defects, uint64_t *s, int unit,
                           const char *town)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    const char *line = tmpl;
    while (*line) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) + 1 : strlen(line);
        const char *p = line;
        if (p[0] == '?') {
            unsigned d = (unsigned)(p[1] - '0');
            p += 3;
            if (defects & (1u << d)) {
                line += len;
                continue;
            }
        }
        for (; p < line + len; p++) {
            if (*p != '%') {
                fputc(*p, f);
                continue;
            }
            switch (*++p) {
            case 'T': fputs(town, f); break;
            case 'P': fputs(PICK(s, PEOPLE), f); break;
            case 'G': fputs(PICK(s, PROGRAMS), f); break;
            case 'S': fputs(PICK(s, SYSTEMS), f); break;
            case 'I': fprintf(f, "%05d", unit); break;
            case 'M': fputs(defects & (1u << 9) ? "730" : "365", f); break;
            default: fputc(*p, f);
            }
        }
        line += len;
    }
    return fclose(f);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: gen_units DIR N [SEED]\n");
        return 2;
    }
    const char *dir = argv[1];
    int n = atoi(argv[2]);
    uint64_t s = argc > 3 ? strtoull(argv[3], NULL, 10) : 20271;
    if (s == 0)
        s = 1;
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        perror(dir);
        return 1;
    }
    char path[4096];
    for (int u = 1; u <= n; u++) {
        /* about a third of the units are ready; the others have 1-3 defects */
        unsigned defects = 0;
        if (!chance(&s, 35))
            for (int k = 0, m = 1 + (int)(next(&s) % 3); k < m; k++)
                defects |= 1u << (1 + next(&s) % 9);
        const char *town = PICK(&s, TOWNS);
        snprintf(path, sizeof path, "%s/u%05d", dir, u);
        if (mkdir(path, 0755) != 0 && errno != EEXIST) {
            perror(path);
            return 1;
        }
        snprintf(path, sizeof path, "%s/u%05d/plan.yaml", dir, u);
        if (write_unit_file(path, PLAN, defects, &s, u, town))
            return perror(path), 1;
        snprintf(path, sizeof path, "%s/u%05d/onboarding.yaml", dir, u);
        if (write_unit_file(path, ONBOARDING, defects, &s, u, town))
            return perror(path), 1;
        if (chance(&s, 40)) {
            snprintf(path, sizeof path, "%s/u%05d/social-media.yaml", dir, u);
            if (write_unit_file(path, STRATEGY, defects, &s, u, town))
                return perror(path), 1;
        }
    }
    return 0;
}
