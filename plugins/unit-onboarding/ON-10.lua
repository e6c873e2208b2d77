-- ON-10: routines exist for roles, the care process, outages, PDL log review and follow-up (seed 004).
local ROUTINES = {
  { "role_assignment", "assigning roles", "rutiner för att tilldela roller" },
  { "program_process", "the program's care process", "rutiner kopplade till programmet, vårdprocessen" },
  { "outage", "unforeseen outages", "rutiner för oförutsedda avbrott, t.ex. strömavbrott" },
  { "pdl_log_review", "reviewing the PDL log", "PDL-logguppföljning" },
  { "follow_up", "following up use and goals", "rutiner för uppföljning, måluppfyllelse" },
}

return {
  id = "ON-10",
  severity = "warning",
  applies_to = "unit-onboarding",
  title = "The unit's routines for use are in place",
  explain = [[
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
  check = function(doc, report)
    local routines = doc.routines or {}
    for _, r in ipairs(ROUTINES) do
      local key, english, swedish = r[1], r[2], r[3]
      if not sk.present(routines[key]) then
        report { path = { "routines", key },
                 message = "no routine for " .. english .. " (" .. swedish .. ")" }
      end
    end
  end,
}
