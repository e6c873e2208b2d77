-- SM-07: a content calendar and a regular production meeting exist
-- (seed 002 slide 9).
local sk, type = sk, type

-- The production meetings that count as regular ("ugentlige
-- produktionsmøder"); a profile may widen or narrow the list.
local REGULAR = { "weekly", "biweekly" }

return {
  id = "SM-07",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = {
    en = "A content calendar and a regular production meeting exist",
    sv = "Det finns en innehållskalender och ett regelbundet produktionsmöte",
  },
  explain = {
    en = [[
Seed 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") slide 9, "Intern organisering": "Indholdskalender",
"Ugentlige produktionsmøder", and "Kommunikation fastlægger på det
ugentlige produktionsmøde ugens historier på Facebook"; the action plan
(slide 12) has "Oprettelse af indholdskalender" before the launch. Without
a calendar and a regular meeting the posts depend on whoever has time, and
the stated frequency (2-3 posts a week) is not kept.
A production meeting counts as regular when `production_meeting` is one of
the parameter `regular`, by default weekly and biweekly; monthly,
quarterly, ad_hoc and none do not.
Fix: set `organisation_routines.content_calendar: true` and hold the
production meeting every week or every other week
(`organisation_routines.production_meeting: weekly` or `biweekly`).]],
    sv = [[
Underlag 002 (Regionshospitalet Randers strategi för sociala medier
2014–2015), bild 9 "Intern organisering": en innehållskalender
("Indholdskalender") och produktionsmöten varje vecka ("Ugentlige
produktionsmøder"), där kommunikationsavdelningen bestämmer veckans
inlägg på Facebook. Handlingsplanen (bild 12) lägger upp
innehållskalendern före lanseringen. Utan kalender och regelbundna möten
hänger inläggen på den som råkar ha tid, och den angivna takten (2–3
inlägg i veckan) hålls inte.
Ett produktionsmöte räknas som regelbundet när `production_meeting` är ett
av värdena i parametern `regular`, som standard weekly (varje vecka) och
biweekly (varannan vecka); monthly, quarterly, ad_hoc och none räknas inte.
Åtgärd: sätt `organisation_routines.content_calendar: true` och håll
produktionsmötet varje eller varannan vecka
(`organisation_routines.production_meeting: weekly` eller `biweekly`).]],
  },
  params = { regular = REGULAR },
  messages = {
    no_routines = {
      en = "the strategy sets up neither a content calendar nor a regular production meeting",
      sv = "strategin har varken innehållskalender eller regelbundet produktionsmöte",
    },
    calendar_false = {
      en = "there is no content calendar (content_calendar is false)",
      sv = "det finns ingen innehållskalender (content_calendar är false)",
    },
    calendar_missing = {
      en = "the strategy does not say that a content calendar is kept",
      sv = "strategin anger inte att det finns en innehållskalender",
    },
    no_meeting = {
      en = "no production meeting is set up: the posts of the week are planned nowhere",
      sv = "inget produktionsmöte är inplanerat: veckans inlägg planeras ingenstans",
    },
    none = {
      en = "the strategy holds no production meeting (production_meeting: none): the posts of "
        .. "the week are planned nowhere",
      sv = "strategin har inget produktionsmöte (production_meeting: none): veckans inlägg "
        .. "planeras ingenstans",
    },
    irregular = {
      en = "the production meeting is not regular: production_meeting is {meeting:production_meeting} "
        .. "(regular: {regular:production_meeting})",
      sv = "produktionsmötet hålls {meeting:production_meeting}, vilket inte räknas som "
        .. "regelbundet (regelbundet: {regular:production_meeting})",
    },
  },
  check = function(doc, report, ctx)
    local regular = (ctx and ctx.params and ctx.params.regular) or REGULAR
    local r = doc.organisation_routines
    if type(r) ~= "table" then
      report { path = { "organisation_routines" }, message = "no_routines" }
      return
    end
    if r.content_calendar ~= true then
      report { path = { "organisation_routines", "content_calendar" },
               message = r.content_calendar == false and "calendar_false" or "calendar_missing" }
    end
    local meeting = r.production_meeting
    local path = { "organisation_routines", "production_meeting" }
    if not sk.present(meeting) then
      report { path = path, message = "no_meeting" }
    elseif not sk.set(regular)[meeting] then
      local list = {}
      for _, v in sk.each(regular) do list[#list + 1] = v end
      report { path = path, message = meeting == "none" and "none" or "irregular",
               data = { meeting = meeting, regular = list } }
    end
  end,
}
