-- CP-10: activities for the public (target groups with audience external)
-- come no earlier than the launch date; partners may be prepared before
-- (seed 000 slide 14).
local sk, type, tostring = sk, type, tostring
local is_date, plan_status, each, plan_label = sk.is_date, sk.plan_status, sk.each, sk.plan_label
local activities = sk.activities

-- Whether the target group of each id (as text) is external: the first group
-- of that id, as sk.plan_groups keys them (a set of booleans costs less than
-- its table of tables, made for every plan).
local function external_by_id(doc)
  local external = {}
  for _, g in each(doc.target_groups) do
    if type(g) == "table" and g.id ~= nil then
      local key = tostring(g.id)
      if external[key] == nil then external[key] = g.audience == "external" end
    end
  end
  return external
end

return {
  id = "CP-10",
  severity = "warning",
  applies_to = "communication-plan",
  title = {
    en = "The public is addressed no earlier than launch",
    sv = "Allmänheten får information tidigast på startdagen",
  },
  explain = {
    en = [[
Seed 000 (workshop Kommunikationsplanering, slide 14 "Strategi för att nå
dit?") says of patients, relatives and citizens: "Verksamheterna först redo
och rustade – viktigt med tajmingen!", and slide 17 "Kommunicera mot invånare
– skapa intresse med rätt tajming". Patients who hear about the service
before the launch date ask for something the unit cannot yet give. An
activity is for the public when any of its target groups has
`audience: external`; partners (`audience: partner`: elevhälsan, the
municipality, other care providers) are not the public and may be prepared
before launch. An activity dated on the launch date is fine, and a
cancelled one reaches nobody.
Fix: move the activity to the launch date or later (implementation phase);
if it is for partners or staff only, mark its groups `audience: partner` or
`audience: internal`.]],
    sv = [[
Underlag 000 (workshopen Kommunikationsplanering, bild 14 "Strategi för att
nå dit?") säger om patienter, anhöriga och invånare: "Verksamheterna först
redo och rustade – viktigt med tajmingen!", och bild 17 "Kommunicera mot
invånare – skapa intresse med rätt tajming". Patienter som hör om tjänsten
före startdatumet frågar efter något som enheten ännu inte kan ge. En
aktivitet riktar sig till allmänheten när någon av dess målgrupper har
`audience: external`; samarbetspartner (`audience: partner`: elevhälsan,
kommunen, andra vårdgivare) är inte allmänheten och får förberedas före
starten. En aktivitet på själva startdagen går bra, och en inställd
aktivitet når ingen.
Åtgärd: flytta aktiviteten till startdagen eller senare
(implementeringsfasen); är den bara till samarbetspartner eller personal,
markera dess målgrupper `audience: partner` eller `audience: internal`.]],
  },
  messages = {
    public_before_launch = {
      en = "activity '{activity}' ({phase:phases}) reaches the public ({groups:list}) on {date:date}, {days:days} before the launch on {launch:date}",
      sv = "aktiviteten '{activity}' ({phase:phases}) når allmänheten ({groups:list}) den {date:date}, {days:days} före starten den {launch:date}",
    },
  },
  check = function(doc, report)
    local launch = doc.launch_date
    if not is_date(launch) then return end
    local external -- made when an activity first needs it
    for act, path, phase in activities(doc) do
      if type(act) == "table" and is_date(act.date) and act.date < launch
          and plan_status(act) ~= "cancelled" then
        external = external or external_by_id(doc)
        local public, named -- made for the first external group: most activities have none
        for _, id in each(act.target_groups) do
          local key = tostring(id)
          if external[key] and not (named and named[key]) then -- a group named twice is listed once
            public, named = public or {}, named or {}
            public[#public + 1], named[key] = key, true
          end
        end
        if public then
          report {
            path = path,
            message = "public_before_launch",
            data = {
              activity = plan_label(act, path[#path]), phase = phase, groups = public,
              date = act.date, days = sk.days(act.date, launch), launch = launch,
            },
          }
        end
      end
    end
  end,
}
