-- SM-13: the action plan has a mid-term and a final evaluation inside the
-- period (seed 002 slide 12).
local EVALUATIONS = {
  { type = "midterm_evaluation", name = "mid-term evaluation (midtvejsevaluering)" },
  { type = "final_evaluation", name = "final evaluation (evaluering af strategien)" },
}

return {
  id = "SM-13",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = "The action plan has a mid-term and a final evaluation in the period",
  explain = [[
Seed 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") slide 12, "Handleplan for 2014-2015": "Forår 2015:
Midtvejsevaluering i forhold til strategiens formål og målepunkter,
eventuel tilretning af opgave- og ansvarsfordeling" and "Efterår 2015:
Evaluering af strategien: har vi indfriet formålene og nået vores mål?".
The measures of slides 10-11 are worth nothing unless somebody looks at
them while there is time to adjust, and again before the next strategy is
written. An evaluation dated outside the strategy's period (before
`period.start` or after `period.end`; both ends count as inside) or not
dated at all is not planned, and a mid-term evaluation must come before the
final one.
Fix: add to `action_plan` an entry with `type: midterm_evaluation` and one
with `type: final_evaluation`, each with a `when` inside `period`.]],
  check = function(doc, report)
    local period = type(doc.period) == "table" and doc.period or {}
    local first = sk.is_date(period.start) and period.start or nil
    local last = sk.is_date(period["end"]) and period["end"] or nil
    local valid = {}
    for _, ev in ipairs(EVALUATIONS) do
      local found = {}
      for i, a in sk.each(doc.action_plan) do
        if type(a.type) == "string" and sk.same_text(a.type, ev.type) then
          found[#found + 1] = { i = i, a = a }
        end
      end
      local ok, problems = {}, {}
      for _, f in ipairs(found) do
        local when = f.a.when
        local label = ev.name .. " " .. (sk.present(f.a.what) and ("'" .. f.a.what .. "'") or ("#" .. f.i))
        local why
        if not sk.is_date(when) then
          why = label .. " has no date (when), so it is not planned"
        elseif first and when < first then
          why = label .. " is dated " .. when .. ", " .. sk.plan_ndays(sk.days(when, first))
            .. " before the strategy's period starts " .. first
        elseif last and when > last then
          why = label .. " is dated " .. when .. ", " .. sk.plan_ndays(sk.days(last, when))
            .. " after the strategy's period ends " .. last
        else
          ok[#ok + 1] = f
        end
        if why then problems[#problems + 1] = { path = { "action_plan", f.i, "when" }, message = why } end
      end
      if #found == 0 then
        report {
          path = { "action_plan" },
          message = "the action plan has no " .. ev.name .. ": no entry has type: " .. ev.type,
        }
      elseif #ok == 0 then
        for _, p in ipairs(problems) do report(p) end
      end
      valid[ev.type] = ok
    end
    -- The mid-term evaluation comes before the final one.
    local mids, finals = valid.midterm_evaluation, valid.final_evaluation
    if #mids > 0 and #finals > 0 then
      local mid, fin = mids[1], finals[1]
      for _, f in ipairs(mids) do if f.a.when < mid.a.when then mid = f end end
      for _, f in ipairs(finals) do if f.a.when > fin.a.when then fin = f end end
      if mid.a.when >= fin.a.when then
        report {
          path = { "action_plan", mid.i, "when" },
          message = "the mid-term evaluation (midtvejsevaluering) is dated " .. mid.a.when
            .. ", not before the final evaluation " .. fin.a.when,
        }
      end
    end
  end,
}
