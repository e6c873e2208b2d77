-- SM-13: the action plan has a mid-term and a final evaluation inside the
-- period (seed 002 slide 12).
local sk, type, ipairs = sk, type, ipairs
local is_date, same_text, present = sk.is_date, sk.same_text, sk.present

local EVALUATIONS = { "midterm_evaluation", "final_evaluation" }

return {
  id = "SM-13",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = {
    en = "The action plan has a mid-term and a final evaluation in the period",
    sv = "Handlingsplanen har en halvtidsutvärdering och en slututvärdering inom perioden",
  },
  explain = {
    en = [[
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
    sv = [[
Underlag 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") bild 12, "Handleplan for 2014-2015": "Forår 2015:
Midtvejsevaluering i forhold til strategiens formål og målepunkter,
eventuel tilretning af opgave- og ansvarsfordeling" och "Efterår 2015:
Evaluering af strategien: har vi indfriet formålene og nået vores mål?".
Måtten på bild 10-11 är inget värda om ingen tittar på dem medan det finns
tid att justera, och igen innan nästa strategi skrivs. En utvärdering som
är daterad utanför strategins period (före `period.start` eller efter
`period.end`; båda ändarna räknas som inom perioden) eller inte är daterad
alls är inte planerad, och halvtidsutvärderingen måste komma före
slututvärderingen.
Åtgärd: lägg till en punkt i `action_plan` med `type: midterm_evaluation`
och en med `type: final_evaluation`, var och en med ett `when` inom
`period`.]],
  },
  -- each evaluation's messages, named after its type
  messages = {
    midterm_evaluation_missing = {
      en = "the action plan has no mid-term evaluation (midtvejsevaluering): no entry has type: midterm_evaluation",
      sv = "handlingsplanen har ingen halvtidsutvärdering (en punkt med type: midterm_evaluation)",
    },
    final_evaluation_missing = {
      en = "the action plan has no final evaluation (evaluering af strategien): no entry has type: final_evaluation",
      sv = "handlingsplanen har ingen slututvärdering (en punkt med type: final_evaluation)",
    },
    midterm_evaluation_no_date = {
      en = "mid-term evaluation (midtvejsevaluering) {entry} has no date (when), so it is not planned",
      sv = "halvtidsutvärderingen {entry} har inget datum (when) och är alltså inte planerad",
    },
    final_evaluation_no_date = {
      en = "final evaluation (evaluering af strategien) {entry} has no date (when), so it is not planned",
      sv = "slututvärderingen {entry} har inget datum (when) och är alltså inte planerad",
    },
    midterm_evaluation_before = {
      en = "mid-term evaluation (midtvejsevaluering) {entry} is dated {when:date}, {days:days} before the strategy's period starts {start:date}",
      sv = "halvtidsutvärderingen {entry} är daterad {when:date}, {days:days} innan strategins period börjar {start:date}",
    },
    final_evaluation_before = {
      en = "final evaluation (evaluering af strategien) {entry} is dated {when:date}, {days:days} before the strategy's period starts {start:date}",
      sv = "slututvärderingen {entry} är daterad {when:date}, {days:days} innan strategins period börjar {start:date}",
    },
    midterm_evaluation_after = {
      en = "mid-term evaluation (midtvejsevaluering) {entry} is dated {when:date}, {days:days} after the strategy's period ends {end:date}",
      sv = "halvtidsutvärderingen {entry} är daterad {when:date}, {days:days} efter att strategins period slutar {end:date}",
    },
    final_evaluation_after = {
      en = "final evaluation (evaluering af strategien) {entry} is dated {when:date}, {days:days} after the strategy's period ends {end:date}",
      sv = "slututvärderingen {entry} är daterad {when:date}, {days:days} efter att strategins period slutar {end:date}",
    },
    order = {
      en = "the mid-term evaluation (midtvejsevaluering) is dated {mid:date}, not before the final evaluation {final:date}",
      sv = "halvtidsutvärderingen är daterad {mid:date}, alltså inte före slututvärderingen {final:date}",
    },
  },
  check = function(doc, report)
    local period = type(doc.period) == "table" and doc.period or {}
    local first = is_date(period.start) and period.start or nil
    local last = is_date(period["end"]) and period["end"] or nil
    local valid = {}
    for _, ev in ipairs(EVALUATIONS) do
      local found = {}
      for i, a in sk.each(doc.action_plan) do
        if type(a.type) == "string" and same_text(a.type, ev) then
          found[#found + 1] = { i = i, a = a }
        end
      end
      local ok, problems = {}, {}
      for _, f in ipairs(found) do
        local when = f.a.when
        local data = { entry = present(f.a.what) and ("'" .. f.a.what .. "'") or ("#" .. f.i), when = when }
        local why
        if not is_date(when) then
          why = "_no_date"
        elseif first and when < first then
          why, data.days, data.start = "_before", sk.days(when, first), first
        elseif last and when > last then
          why, data.days, data["end"] = "_after", sk.days(last, when), last
        else
          ok[#ok + 1] = f
        end
        if why then
          problems[#problems + 1] = { path = { "action_plan", f.i, "when" }, message = ev .. why, data = data }
        end
      end
      if #found == 0 then
        report { path = { "action_plan" }, message = ev .. "_missing" }
      elseif #ok == 0 then
        for _, p in ipairs(problems) do report(p) end
      end
      valid[ev] = ok
    end
    -- The mid-term evaluation comes before the final one.
    local mids, finals = valid.midterm_evaluation, valid.final_evaluation
    if #mids > 0 and #finals > 0 then
      local mid, fin = mids[1], finals[1]
      for _, f in ipairs(mids) do if f.a.when < mid.a.when then mid = f end end
      for _, f in ipairs(finals) do if f.a.when > fin.a.when then fin = f end end
      if mid.a.when >= fin.a.when then
        report { path = { "action_plan", mid.i, "when" }, message = "order",
                 data = { mid = mid.a.when, final = fin.a.when } }
      end
    end
  end,
}
