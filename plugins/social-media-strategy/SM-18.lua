-- SM-18: the action plan records the strategy's adoption and the briefing of
-- the other staff, each no later than the period's start (seed 002 slide 12).
local sk, type, ipairs, tostring = sk, type, ipairs, tostring
local is_date = sk.is_date

-- The entries the strategy needs before it applies, each with the prefix of
-- its messages.
local NEEDED = {
  { type = "adoption", message = "adoption" },
  { type = "staff_briefing", message = "briefing" },
}

-- How a message names an action-plan entry: 'its what', else #i.
local function entry_label(a, i)
  if sk.present(a.what) then return "'" .. a.what .. "'" end
  return "#" .. tostring(i)
end

return {
  id = "SM-18",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = {
    en = "The strategy is adopted and the staff briefed before it starts",
    sv = "Strategin är antagen och personalen informerad innan den börjar gälla",
  },
  explain = {
    en = [[
Seed 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") slide 12, "Handleplan": the first entries, before the page is
launched, are "Vedtagelse af hospitalets strategi for sociale medier" and
"Kommunikation om strategi og mål til øvrige ansatte; herunder særligt AL
samt andre nøglepersoner". A strategy nobody adopted binds nobody, and
staff who have not heard of it cannot follow it (who may answer, what is
removed, whom to call in a crisis). The action plan needs an entry with
`type: adoption` and one with `type: staff_briefing`, each with a `when` no
later than `period.start`. Where the strategy has no `period.start` only
their presence is judged; where it has one, an entry without `when` does
not count.
Fix: add the adoption and the staff briefing to `action_plan`, dated on or
before the period's start, e.g. `{when: 2027-01-15, what: Strategin antas
av sjukhusledningen, type: adoption}`.]],
    sv = [[
Underlag 002 (Regionshospitalet Randers strategi för sociala medier
2014–2015), bild 12 "Handleplan": de första punkterna, före lanseringen av
sidan, är att sjukhusets strategi antas ("Vedtagelse af hospitalets
strategi for sociale medier") och att strategin och målen förmedlas till
övrig personal, särskilt ledningen och andra nyckelpersoner
("Kommunikation om strategi og mål til øvrige ansatte"). En strategi som
ingen har antagit förpliktar ingen, och personal som inte har hört talas
om den kan inte följa den (vem som får svara, vad som tas bort, vem man
ringer vid en kris). Handlingsplanen behöver en post med `type: adoption`
och en med `type: staff_briefing`, var och en med ett `when` som inte är
senare än `period.start`. Saknar strategin `period.start` bedöms bara att
posterna finns; har den ett startdatum räknas inte en post utan `when`.
Åtgärd: lägg in antagandet och informationen till personalen i
`action_plan`, daterade senast samma dag som perioden börjar, till exempel
`{when: 2027-01-15, what: Strategin antas av sjukhusledningen, type:
adoption}`.]],
  },
  messages = {
    adoption_missing = {
      en = "the action plan does not record the adoption of the strategy (no entry has type: adoption)",
      sv = "handlingsplanen visar inte att strategin antas (ingen post har type: adoption)",
    },
    briefing_missing = {
      en = "the action plan does not record briefing the other staff on the strategy "
        .. "(no entry has type: staff_briefing)",
      sv = "handlingsplanen visar inte att övrig personal informeras om strategin "
        .. "(ingen post har type: staff_briefing)",
    },
    adoption_late = {
      en = "the adoption {entry} is dated {when:date}, {days:days} after the strategy's period starts "
        .. "{start:date}: a strategy must be adopted before it applies",
      sv = "antagandet {entry} är daterat {when:date}, {days:days} efter att strategins period börjar "
        .. "{start:date}: en strategi ska antas innan den börjar gälla",
    },
    briefing_late = {
      en = "the staff briefing {entry} is dated {when:date}, {days:days} after the strategy's period "
        .. "starts {start:date}: the staff must know the strategy when it applies",
      sv = "informationen till personalen {entry} är daterad {when:date}, {days:days} efter att "
        .. "strategins period börjar {start:date}: personalen ska känna till strategin när den börjar gälla",
    },
    adoption_undated = {
      en = "the adoption {entry} has no date (when), so it is not known to come before the period "
        .. "starts {start:date}",
      sv = "antagandet {entry} saknar datum (when), så det går inte att se att det kommer före "
        .. "periodens start {start:date}",
    },
    briefing_undated = {
      en = "the staff briefing {entry} has no date (when), so it is not known to come before the "
        .. "period starts {start:date}",
      sv = "informationen till personalen {entry} saknar datum (when), så det går inte att se att den "
        .. "kommer före periodens start {start:date}",
    },
  },
  check = function(doc, report)
    local period = type(doc.period) == "table" and doc.period or {}
    local start = is_date(period.start) and period.start or nil
    for _, need in ipairs(NEEDED) do
      local found, problems = false, {}
      for i, a in sk.each(doc.action_plan) do
        if type(a) == "table" and a.type == need.type then
          local when = a.when
          if not start or (is_date(when) and when <= start) then
            found = true
          elseif is_date(when) then
            problems[#problems + 1] = {
              path = { "action_plan", i, "when" }, message = need.message .. "_late",
              data = { entry = entry_label(a, i), when = when, start = start, days = sk.days(start, when) },
            }
          else
            problems[#problems + 1] = {
              path = { "action_plan", i, "when" }, message = need.message .. "_undated",
              data = { entry = entry_label(a, i), start = start },
            }
          end
        end
      end
      if not found then
        if #problems == 0 then
          report { path = { "action_plan" }, message = need.message .. "_missing" }
        else
          for _, p in ipairs(problems) do report(p) end
        end
      end
    end
  end,
}
