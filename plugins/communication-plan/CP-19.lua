-- CP-19: an internal target group with low prior knowledge is reached by an
-- activity through a two-way channel (seed 001 "förkunskaper", "Fördjupad
-- förståelse"); two-way as in CP-11 (sk.two_way).
local sk, type, ipairs, tostring = sk, type, ipairs, tostring
local plan_reach, each, channel_survey, plan_label = sk.plan_reach, sk.each, sk.channel_survey, sk.plan_label

-- the default stems as a plain table: sk's tables are read-only proxies, and
-- the registry reads params raw (`rules explain`, a profile's type check)
local STEMS = {}
for i, stem in ipairs(sk.TWO_WAY_STEMS) do STEMS[i] = stem end

return {
  id = "CP-19",
  severity = "warning",
  applies_to = "communication-plan",
  title = {
    en = "Internal groups with low prior knowledge are reached through dialogue",
    sv = "Interna målgrupper med låga förkunskaper nås genom dialog",
  },
  explain = {
    en = [[
Seed 001 (Kommunikationsplan för införande av nytt kunskapsstöd) asks to
"Tänk i behovsanalysen på de olika målgruppernas förkunskaper och
engagemang, så att kommunikationsinsatsen når målet", and separates
"övergripande information" from "Fördjupad förståelse för att kunna ändra
arbetssätt". Staff who know little of the service (`audience: internal`,
`prior_knowledge: low`) will not change how they work from a mail or an
intranet notice: they need dialogue or training. Such a group must be
reached by an activity whose channel is two-way, judged as CP-11 judges it
(a word of the channel's name begins with one of the stems of
`two_way_stems`: apt, dialog, möte, fysisk, workshop, seminari, temadag,
nätverksträff, utbildning, frågestund by default). Only the activities
count, not the group's own channel list; a cancelled activity reaches
nobody, and a group no activity reaches is reported too.
Fix: add, for the group, an activity through a dialogue or training channel
(an APT, a dialogmöte, a workshop, a utbildning), or change the channel of
an activity that already reaches it.]],
    sv = [[
Underlag 001 (Kommunikationsplan för införande av nytt kunskapsstöd) ber oss
"Tänk i behovsanalysen på de olika målgruppernas förkunskaper och
engagemang, så att kommunikationsinsatsen når målet", och skiljer
"övergripande information" från "Fördjupad förståelse för att kunna ändra
arbetssätt". Personal som vet lite om tjänsten (`audience: internal`,
`prior_knowledge: low`) ändrar inte sitt arbetssätt av ett ledningsmejl
eller en notis på intranätet: den behöver dialog eller utbildning. En sådan
målgrupp ska nås av en aktivitet vars kanal är en tvåvägskanal, bedömd som
i CP-11 (något ord i kanalens namn börjar med någon av ordstammarna i
`two_way_stems`: som standard apt, dialog, möte, fysisk, workshop, seminari,
temadag, nätverksträff, utbildning, frågestund). Bara aktiviteterna räknas,
inte målgruppens egen kanallista; en inställd aktivitet når ingen, och en
målgrupp som ingen aktivitet når rapporteras också.
Åtgärd: lägg till en aktivitet för målgruppen genom en dialog- eller
utbildningskanal (APT, dialogmöte, workshop, utbildning), eller byt kanal
för en aktivitet som redan når den.]],
  },
  messages = {
    not_reached = {
      en = "internal target group '{group}' has low prior knowledge but no activity reaches it: deep understanding needs dialogue or training",
      sv = "den interna målgruppen '{group}' har låga förkunskaper men ingen aktivitet når den: fördjupad förståelse kräver dialog eller utbildning",
    },
    one_way = {
      en = "internal target group '{group}' has low prior knowledge but is reached only through one-way channels ({channels:list}): it needs dialogue",
      sv = "den interna målgruppen '{group}' har låga förkunskaper men nås bara genom envägskanaler ({channels:list}): den behöver dialog",
    },
    no_channel = {
      en = "internal target group '{group}' has low prior knowledge but the activities that reach it name no channel: it needs dialogue",
      sv = "den interna målgruppen '{group}' har låga förkunskaper men aktiviteterna som når den anger ingen kanal: den behöver dialog",
    },
  },
  params = { two_way_stems = STEMS },
  check = function(doc, report, ctx)
    local stems = (ctx and ctx.params and ctx.params.two_way_stems) or STEMS
    local reach = plan_reach(doc)
    for i, group in each(doc.target_groups) do
      if type(group) == "table" and group.audience == "internal" and group.prior_knowledge == "low" then
        local acts = group.id ~= nil and reach[tostring(group.id)] or {}
        local names = {}
        for _, r in ipairs(acts) do names[#names + 1] = r.act.channel end
        local two_way, channels = channel_survey(names, stems)
        if not two_way then
          local message = #acts == 0 and "not_reached" or #channels == 0 and "no_channel" or "one_way"
          report {
            path = { "target_groups", i },
            message = message,
            data = { group = plan_label(group, i), channels = channels },
          }
        end
      end
    end
  end,
}
