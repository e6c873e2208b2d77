-- CP-11: a target group that is an obstacle to the change is reached through
-- at least one two-way channel (seeds 000 and 001); a channel is two-way when
-- a word of its name begins with a stem of sk.TWO_WAY_STEMS.
local sk, ipairs, tostring = sk, ipairs, tostring
local plan_reach, each, channel_survey, plan_label = sk.plan_reach, sk.each, sk.channel_survey, sk.plan_label

-- the default stems as a plain table: sk's tables are read-only proxies, and
-- the registry reads params raw (`rules explain`, a profile's type check)
local STEMS = {}
for i, stem in ipairs(sk.TWO_WAY_STEMS) do STEMS[i] = stem end

return {
  id = "CP-11",
  severity = "warning",
  applies_to = "communication-plan",
  title = {
    en = "Obstacle target groups are reached through a two-way channel",
    sv = "Målgrupper som är ett hinder nås genom en tvåvägskanal",
  },
  explain = {
    en = [[
Seed 001 (Kommunikationsplan för införande av nytt kunskapsstöd, Målgrupper)
asks to think of target groups "utifrån perspektivet möjliggörare – hinder
för förändring". Seed 000 (workshop Kommunikationsplanering, slides 13–14
"Strategi för att nå dit?") answers how to reach the sceptical ones:
"fysiskt möte, dialog", "Fysiska, mindre möten", "Dialog, 2-vägs",
"Generöst med utbildning". A group that resists the change is not won over
by a mail or an intranet notice; it needs a channel where it can ask and
object. A channel is two-way when one of the words of its name (split at
every character that is not a letter or a digit: spaces, hyphens, dashes,
commas, slashes, parentheses) begins, ignoring case, with one of the stems
of the parameter `two_way_stems` (by default apt, dialog, möte, fysisk,
workshop, seminari, temadag, nätverksträff, utbildning, frågestund). So
"dialogmöten", "APT-möte", "Fysiska, mindre möten" and "utbildningar" are
two-way; "ledningsmejl", "ledningsmöte" (a compound is one word) and
"intranät" are not. The group's own `channels` count, and the channels of
the activities that reach it; a cancelled activity reaches nobody.
Fix: add a dialogue channel to the group's `channels`, or an activity for
the group through one (a dialogmöte, an APT, a workshop, a training).]],
    sv = [[
Underlag 001 (Kommunikationsplan för införande av nytt kunskapsstöd,
Målgrupper) ber oss tänka på målgrupperna "utifrån perspektivet
möjliggörare – hinder för förändring". Underlag 000 (workshopen
Kommunikationsplanering, bild 13–14 "Strategi för att nå dit?") svarar hur
de tveksamma nås: "fysiskt möte, dialog", "Fysiska, mindre möten", "Dialog,
2-vägs", "Generöst med utbildning". En målgrupp som gör motstånd vinns inte
med ett ledningsmejl eller en notis på intranätet; den behöver en kanal där
den kan fråga och invända. En kanal är en tvåvägskanal när något av orden i
dess namn (delat vid varje tecken som inte är en bokstav eller en siffra:
mellanslag, bindestreck, tankstreck, kommatecken, snedstreck, parenteser)
börjar med någon av ordstammarna i parametern `two_way_stems`, utan hänsyn
till stora och små bokstäver (som standard apt, dialog, möte, fysisk,
workshop, seminari, temadag, nätverksträff, utbildning, frågestund).
"Dialogmöten", "APT-möte", "Fysiska, mindre möten" och "utbildningar" är
alltså tvåvägskanaler; "ledningsmejl", "ledningsmöte" (ett sammansatt ord är
ett ord) och "intranät" är det inte. Målgruppens egna `channels` räknas,
liksom kanalerna i de aktiviteter som når den; en inställd aktivitet når
ingen.
Åtgärd: lägg till en dialogkanal i målgruppens `channels`, eller en
aktivitet för målgruppen genom en sådan kanal (dialogmöte, APT, workshop,
utbildning).]],
  },
  messages = {
    no_channel = {
      en = "target group '{group}' is an obstacle to the change but has no channel, neither its own nor through an activity: it needs dialogue",
      sv = "målgruppen '{group}' är ett hinder för förändringen men har ingen kanal, varken egen eller genom en aktivitet: den behöver dialog",
    },
    one_way = {
      en = "target group '{group}' is an obstacle to the change but is reached only through one-way channels ({channels:list}): it needs dialogue",
      sv = "målgruppen '{group}' är ett hinder för förändringen men nås bara genom envägskanaler ({channels:list}): den behöver dialog",
    },
  },
  params = { two_way_stems = STEMS },
  check = function(doc, report, ctx)
    local stems = (ctx and ctx.params and ctx.params.two_way_stems) or STEMS
    local reach = plan_reach(doc)
    for i, group in each(doc.target_groups) do
      if group.stance == "obstacle" then
        local names = {}
        for _, c in each(group.channels) do names[#names + 1] = c end
        if group.id ~= nil then
          for _, r in ipairs(reach[tostring(group.id)] or {}) do names[#names + 1] = r.act.channel end
        end
        local found, channels = channel_survey(names, stems)
        if not found then
          local label = plan_label(group, i)
          if #channels == 0 then
            report { path = { "target_groups", i }, message = "no_channel", data = { group = label } }
          else
            report { path = { "target_groups", i }, message = "one_way", data = { group = label, channels = channels } }
          end
        end
      end
    end
  end,
}
