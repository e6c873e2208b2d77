-- CP-09: phases are in order and do not overlap; every activity's date lies
-- inside its phase.
return {
  id = "CP-09",
  severity = "error",
  applies_to = "communication-plan",
  title = "Phases are in order, do not overlap, and hold their activities",
  explain = [[
Seed 001 (Kommunikationsplan för införande av nytt kunskapsstöd, Behovsanalys)
orders the introduction in four parts that follow each other: "Planering och
praktiskt förberedelsearbete", "Förankring – eventuell utbildning om nytt
arbetssätt innan införandet", "Implementering" and "Vidmakthållande över
tid". Förankring has to be done before implementation starts, so the phases
must come in that order without overlapping (a phase overlaps when it starts
on or before the end of the phase before it), each must end no earlier than
it starts, and an activity dated outside its phase is either misfiled or
misdated (the "Tidplan" column).
Fix: correct the `start`/`end` of the phases, or move the activity to the
phase its date falls in, or correct its `date`.]],
  check = function(doc, report)
    local phases = doc.phases
    if type(phases) ~= "table" then return end
    local prev -- the last phase (in order) that has a date
    for _, name in ipairs(sk.PHASES) do
      local p = phases[name]
      if type(p) == "table" then
        local s = sk.is_date(p.start) and p.start or nil
        local e = sk.is_date(p["end"]) and p["end"] or nil
        local path = { "phases", name }
        if s and e and e < s then
          report {
            path = path,
            message = "phase " .. name .. " ends on " .. e .. ", " .. sk.plan_ndays(sk.days(e, s))
              .. " before it starts on " .. s,
          }
        end
        if prev then
          local first = s or e
          if first and prev.start and first < prev.start then
            report {
              path = path,
              message = "phase " .. name .. (s and " starts on " or " ends on ") .. first
                .. ", before phase " .. prev.name .. " starts on " .. prev.start
                .. ": the phases are out of order (" .. table.concat(sk.PHASES, ", ") .. ")",
            }
          elseif s and prev["end"] and s <= prev["end"] then
            report {
              path = path,
              message = "phase " .. name .. " starts on " .. s .. ", on or before the end of phase "
                .. prev.name .. " on " .. prev["end"] .. ": the phases overlap by "
                .. sk.plan_ndays(sk.days(s, prev["end"]) + 1),
            }
          end
        end
        if s or e then prev = { name = name, start = s, ["end"] = e } end
      end
    end
    for act, path, phase in sk.activities(doc) do
      local p = phases[phase]
      local d = type(act) == "table" and act.date or nil
      if sk.is_date(d) then
        local s = sk.is_date(p.start) and p.start or nil
        local e = sk.is_date(p["end"]) and p["end"] or nil
        if s and d < s then
          report {
            path = path,
            message = sk.plan_activity(act, path) .. " is dated " .. d .. ", " .. sk.plan_ndays(sk.days(d, s))
              .. " before the phase starts on " .. s,
          }
        elseif e and d > e then
          report {
            path = path,
            message = sk.plan_activity(act, path) .. " is dated " .. d .. ", " .. sk.plan_ndays(sk.days(e, d))
              .. " after the phase ends on " .. e,
          }
        end
      end
    end
  end,
}
