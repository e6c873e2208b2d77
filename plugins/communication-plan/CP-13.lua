-- CP-13: a plan whose implementation phase has started was reviewed in the
-- last 90 days (seed 001).
local sk, type = sk, type

return {
  id = "CP-13",
  severity = "warning",
  applies_to = "communication-plan",
  title = {
    en = "A plan in implementation is reviewed regularly",
    sv = "En plan i implementeringsfasen ses över regelbundet",
  },
  explain = {
    en = [[
Seed 001 (Kommunikationsplan för införande av nytt kunskapsstöd,
Kommunikationsinsatser) warns: "Kommunikationsplanen behöver ofta uppdateras
kontinuerligt i implementeringens olika faser." Once the implementation phase
has started (its `start` is today or earlier), the plan meets reality:
questions come in, activities slip, new target groups appear. A plan not
reviewed in the last `review_days` days (parameter, default 90, counting
both the review day and today) describes a situation that is gone; a
review dated after today has not happened yet.
Fix: review the plan with its owner and set `last_reviewed` to the date of
the review.]],
    sv = [[
Underlag 001 (Kommunikationsplan för införande av nytt kunskapsstöd,
Kommunikationsinsatser) varnar: "Kommunikationsplanen behöver ofta
uppdateras kontinuerligt i implementeringens olika faser." När
implementeringsfasen har börjat (dess `start` är i dag eller tidigare) möter
planen verkligheten: frågor kommer in, aktiviteter blir försenade och nya
målgrupper dyker upp. En plan som inte har setts över de senaste
`review_days` dagarna (parameter, standard 90, där både dagen för
genomgången och dagens datum räknas) beskriver ett läge som inte längre
finns; en genomgång som är daterad efter i dag har inte skett än.
Åtgärd: gå igenom planen med den ansvariga och sätt `last_reviewed`
till datumet för genomgången.]],
  },
  params = { review_days = 90 },
  messages = {
    no_review = {
      en = "the implementation phase started on {start:date} but the plan gives no review date (last_reviewed); "
        .. "it needs a review at least every {limit:days} (uppdateras kontinuerligt)",
      sv = "implementeringsfasen började {start:date}, men planen anger inget datum för senaste genomgång "
        .. "(last_reviewed); planen behöver uppdateras kontinuerligt och ses över minst en gång per {limit:days}",
    },
    too_old = {
      en = "the plan was last reviewed on {reviewed:date}, {age:days} before today ({today:date}), more than "
        .. "{limit:days}; the implementation phase started on {start:date}, so the plan needs to be kept up to "
        .. "date (uppdateras kontinuerligt)",
      sv = "planen sågs senast över {reviewed:date}, {age:days} före i dag ({today:date}), alltså för mer än "
        .. "{limit:days} sedan; implementeringsfasen började {start:date}, så planen behöver uppdateras "
        .. "kontinuerligt",
    },
    after_today = {
      en = "the plan's last review is dated {reviewed:date}, after today ({today:date}): a review that has not "
        .. "happened yet does not keep the plan up to date; the implementation phase started on {start:date}",
      sv = "planens senaste genomgång är daterad {reviewed:date}, efter i dag ({today:date}): en genomgång som "
        .. "inte har skett än håller inte planen uppdaterad; implementeringsfasen började {start:date}",
    },
  },
  check = function(doc, report, ctx)
    local phases = doc.phases
    local impl = type(phases) == "table" and phases.implementation or nil
    local start = type(impl) == "table" and impl.start or nil
    local today = ctx.as_of
    if not sk.is_date(start) or not sk.is_date(today) or start > today then return end
    local limit = (ctx.params and ctx.params.review_days) or 90
    local reviewed = doc.last_reviewed
    if not sk.is_date(reviewed) then
      report { path = { "last_reviewed" }, message = "no_review", data = { start = start, limit = limit } }
      return
    end
    if reviewed > today then
      report { path = { "last_reviewed" }, message = "after_today",
               data = { reviewed = reviewed, today = today, start = start } }
      return
    end
    local age = sk.days(reviewed, today)
    if age > limit then
      report { path = { "last_reviewed" }, message = "too_old",
               data = { reviewed = reviewed, age = age, today = today, limit = limit, start = start } }
    end
  end,
}
