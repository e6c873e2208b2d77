-- CP-13: a plan whose implementation phase has started was reviewed in the
-- last 90 days (seed 001).
return {
  id = "CP-13",
  severity = "warning",
  applies_to = "communication-plan",
  title = "A plan in implementation is reviewed regularly",
  explain = [[
Seed 001 (Kommunikationsplan för införande av nytt kunskapsstöd,
Kommunikationsinsatser) warns: "Kommunikationsplanen behöver ofta uppdateras
kontinuerligt i implementeringens olika faser." Once the implementation phase
has started (its `start` is today or earlier), the plan meets reality:
questions come in, activities slip, new target groups appear. A plan not
reviewed in the last `review_days` days (parameter, default 90, counting
both the review day and today) describes a situation that is gone.
Fix: review the plan with its owner and set `last_reviewed` to the date of
the review.]],
  params = { review_days = 90 },
  check = function(doc, report, ctx)
    local phases = doc.phases
    local impl = type(phases) == "table" and phases.implementation or nil
    local start = type(impl) == "table" and impl.start or nil
    local today = ctx.as_of
    if not sk.is_date(start) or not sk.is_date(today) or start > today then return end
    local limit = (ctx.params and ctx.params.review_days) or 90
    local reviewed = doc.last_reviewed
    local started = "the implementation phase started on " .. start
    if not sk.is_date(reviewed) then
      report {
        path = { "last_reviewed" },
        message = started .. " but the plan gives no review date (last_reviewed); it needs a review at least every "
          .. sk.plan_ndays(limit) .. " (uppdateras kontinuerligt)",
      }
      return
    end
    local age = sk.days(reviewed, today)
    if age > limit then
      report {
        path = { "last_reviewed" },
        message = "the plan was last reviewed on " .. reviewed .. ", " .. sk.plan_ndays(age)
          .. " before today (" .. today .. "), more than " .. sk.plan_ndays(limit) .. "; "
          .. started .. ", so the plan needs to be kept up to date (uppdateras kontinuerligt)",
      }
    end
  end,
}
