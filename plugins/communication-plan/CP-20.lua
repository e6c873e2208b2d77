-- CP-20: every external target group an activity reaches has material made
-- for it, ready before launch (seed 000 "Material till patienterna").
local sk, type, tostring = sk, type, tostring
local is_date, plan_reach, each, plan_label = sk.is_date, sk.plan_reach, sk.each, sk.plan_label

-- Whether the list (of a document: a table or anything else) holds the text
-- key: what sk.set(list)[key] says, without making the set.
local function names(list, key)
  if type(list) ~= "table" then return false end
  for k = 1, #list do
    if list[k] == key then return true end
  end
  return false
end

return {
  id = "CP-20",
  severity = "warning",
  applies_to = "communication-plan",
  title = {
    en = "Material for the public is ready before launch",
    sv = "Materialet till allmänheten är klart före starten",
  },
  explain = {
    en = [[
Seed 000 (workshop Kommunikationsplanering, slide 14 "Strategi för att nå
dit?") ends its list for patients, relatives and citizens with "Verksamheterna
först redo och rustade – viktigt med tajmingen! (Material till
patienterna)", and slide 20 lists what can be shared: a brochure with room
for regional information, an information sheet to print, films. When the
service opens, the public it is announced to needs something to read. Every
external target group (`audience: external`) that an activity reaches
(a cancelled activity reaches nobody) needs an entry of `materials` that
names it in `target_groups` and is `ready` strictly before `launch_date`.
Without a launch date, only presence is judged: material naming the group,
with a `ready` date. Partners and internal groups are not asked for
material here.
Fix: add to `materials` the brochure, poster or 1177.se text for the group,
naming it in `target_groups`, and plan its `ready` date before the launch.]],
    sv = [[
Underlag 000 (workshopen Kommunikationsplanering, bild 14 "Strategi för att
nå dit?") avslutar sin lista för patienter, anhöriga och invånare med
"Verksamheterna först redo och rustade – viktigt med tajmingen! (Material
till patienterna)", och bild 20 räknar upp vad som kan delas: en broschyr
med plats för regional information, ett informationsblad att skriva ut,
filmer. När tjänsten öppnar behöver allmänheten som får veta om den något
att läsa. Varje extern målgrupp (`audience: external`) som en aktivitet når
(en inställd aktivitet når ingen) behöver en post i `materials` som nämner
den i `target_groups` och är klar (`ready`) före `launch_date`. Utan
startdatum bedöms bara att materialet finns: material som nämner målgruppen,
med ett datum i `ready`. Samarbetspartner och interna målgrupper bedöms inte
här.
Åtgärd: lägg till broschyren, affischen eller texten på 1177.se för
målgruppen i `materials`, med målgruppen i `target_groups`, och planera
datumet i `ready` före starten.]],
  },
  messages = {
    no_material = {
      en = "external target group '{group}' is reached by activities but no material is made for it (no entry of materials names it)",
      sv = "den externa målgruppen '{group}' nås av aktiviteter men inget material är gjort för den (ingen post i materials nämner den)",
    },
    not_ready = {
      en = "material '{material}' for external target group '{group}' has no ready date, so it is not ready",
      sv = "materialet '{material}' för den externa målgruppen '{group}' har inget datum i ready, så det är inte klart",
    },
    ready_on_launch = {
      en = "material '{material}' for external target group '{group}' is ready on the launch day {launch:date}, not before it",
      sv = "materialet '{material}' för den externa målgruppen '{group}' blir klart på själva startdagen {launch:date}, inte före den",
    },
    ready_after_launch = {
      en = "material '{material}' for external target group '{group}' is ready on {ready:date}, {days:days} after the launch on {launch:date}",
      sv = "materialet '{material}' för den externa målgruppen '{group}' blir klart den {ready:date}, {days:days} efter starten den {launch:date}",
    },
  },
  check = function(doc, report)
    local launch = is_date(doc.launch_date) and doc.launch_date or nil
    local reach = plan_reach(doc)
    for i, group in each(doc.target_groups) do
      local id = type(group) == "table" and group.audience == "external" and group.id
      local key = id ~= nil and id ~= false and tostring(id)
      if key and reach[key] then
        -- the materials naming the group; the one that comes closest to ready
        -- (the earliest ready date, else the first without one)
        local best, best_j, found = nil, nil, false
        for j, m in each(doc.materials) do
          if type(m) == "table" and names(m.target_groups, key) then
            found = true
            local ready = is_date(m.ready) and m.ready or nil
            if ready and (not launch or ready < launch) then best = nil break end
            if not best or (ready and (not best.ready or ready < best.ready)) then
              best, best_j = { m = m, ready = ready }, j
            end
          end
        end
        local label = plan_label(group, i)
        if not found then
          report { path = { "target_groups", i }, message = "no_material", data = { group = label } }
        elseif best then
          local data = { material = plan_label(best.m, best_j), group = label, launch = launch }
          local path = { "materials", best_j, "ready" }
          if not best.ready then
            report { path = path, message = "not_ready", data = data }
          elseif best.ready == launch then
            report { path = path, message = "ready_on_launch", data = data }
          else
            data.ready, data.days = best.ready, sk.days(launch, best.ready)
            report { path = path, message = "ready_after_launch", data = data }
          end
        end
      end
    end
  end,
}
