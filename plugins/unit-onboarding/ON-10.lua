-- ON-10: routines exist for roles, the care process, outages, PDL log review and follow-up (seed 004).
local sk, ipairs = sk, ipairs

-- The routines every unit needs, each message named after its key.
local ROUTINES = { "role_assignment", "program_process", "outage", "pdl_log_review", "follow_up" }

return {
  id = "ON-10",
  severity = "warning",
  applies_to = "unit-onboarding",
  title = {
    en = "The unit's routines for use are in place",
    sv = "Enhetens rutiner för användningen finns",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Skapa riktlinjer, rutiner och processer på den
egna enheten"): staff "behöver ... ha rutiner på arbetsplatsen för att
minska risken för patienten". The guide lists as examples: "Rutiner för att
tilldela roller", routines tied to the program and "vårdprocessen",
"Rutiner för oförutsedda avbrott som till exempel strömavbrott",
"PDL-logguppföljning" and "Rutiner för uppföljning, måluppfyllelse".
The rule reports each of these routines missing from `routines`
(role_assignment, program_process, outage, pdl_log_review, follow_up).
Journaling and gallring are musts with rules of their own: ON-12 and ON-11.
Fix: write the routine and name it under `routines`, e.g.
`outage: Rutin R-16`.]],
    sv = [[
Underlag 004 (Införandeguiden, "Skapa riktlinjer, rutiner och processer på den
egna enheten"): medarbetarna "behöver ... ha rutiner på arbetsplatsen för att
minska risken för patienten". Guiden ger som exempel "Rutiner för att
tilldela roller", rutiner kopplade till programmet och "vårdprocessen",
"Rutiner för oförutsedda avbrott som till exempel strömavbrott",
"PDL-logguppföljning" och "Rutiner för uppföljning, måluppfyllelse".
Regeln visar var och en av dessa rutiner som saknas i `routines`
(role_assignment, program_process, outage, pdl_log_review, follow_up).
Journalföring och gallring är krav med egna regler: ON-12 och ON-11.
Åtgärd: skriv rutinen och ange den under `routines`, till exempel
`outage: Rutin R-16`.]],
  },
  messages = {
    role_assignment = {
      en = "no routine for assigning roles (rutiner för att tilldela roller)",
      sv = "det finns ingen rutin för att tilldela roller",
    },
    program_process = {
      en = "no routine for the program's care process (rutiner kopplade till programmet, vårdprocessen)",
      sv = "det finns inga rutiner kopplade till programmet och vårdprocessen",
    },
    outage = {
      en = "no routine for unforeseen outages (rutiner för oförutsedda avbrott, t.ex. strömavbrott)",
      sv = "det finns ingen rutin för oförutsedda avbrott, till exempel strömavbrott",
    },
    pdl_log_review = {
      en = "no routine for reviewing the PDL log (PDL-logguppföljning)",
      sv = "det finns ingen rutin för PDL-logguppföljning",
    },
    follow_up = {
      en = "no routine for following up use and goals (rutiner för uppföljning, måluppfyllelse)",
      sv = "det finns ingen rutin för uppföljning och måluppfyllelse",
    },
  },
  check = function(doc, report)
    local routines = doc.routines or {}
    for _, key in ipairs(ROUTINES) do
      if not sk.present(routines[key]) then
        report { path = { "routines", key }, message = key }
      end
    end
  end,
}
