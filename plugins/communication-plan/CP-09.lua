-- CP-09: phases are in order and do not overlap; every activity's date lies
-- inside its phase.
local sk, type, ipairs = sk, type, ipairs
local is_date, activity_ref = sk.is_date, sk.activity_ref

return {
  id = "CP-09",
  severity = "error",
  applies_to = "communication-plan",
  title = {
    en = "Phases are in order, do not overlap, and hold their activities",
    sv = "Faserna kommer i ordning, överlappar inte och rymmer sina aktiviteter",
  },
  explain = {
    en = [[
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
    sv = [[
Underlag 001 (Kommunikationsplan för införande av nytt kunskapsstöd, Behovsanalys)
delar in införandet i fyra delar som följer på varandra: "Planering och
praktiskt förberedelsearbete", "Förankring – eventuell utbildning om nytt
arbetssätt innan införandet", "Implementering" och "Vidmakthållande över
tid". Förankringen måste vara gjord innan implementeringen börjar. Därför
ska faserna komma i den ordningen utan att överlappa (en fas överlappar när
den börjar samma dag som eller innan fasen före den slutar), och varje fas
får inte sluta innan den börjar. En aktivitet som är daterad utanför sin fas
ligger antingen i fel fas eller har fel datum (kolumnen "Tidplan").
Åtgärd: rätta faserna `start`/`end`, flytta aktiviteten till den fas
som datumet hör till, eller rätta aktivitetens `date`.]],
  },
  messages = {
    ends_before_start = {
      en = "phase {phase:phases} ends on {end:date}, {days:days} before it starts on {start:date}",
      sv = "fasen {phase:phases} slutar {end:date}, {days:days} innan den börjar {start:date}",
    },
    starts_out_of_order = {
      en = "phase {phase:phases} starts on {date:date}, before phase {prev:phases} starts on {prev_start:date}: the phases are out of order ({order:phases})",
      sv = "fasen {phase:phases} börjar {date:date}, före fasen {prev:phases} som börjar {prev_start:date}: "
        .. "faserna kommer i fel ordning (rätt ordning är {order:phases})",
    },
    ends_out_of_order = {
      en = "phase {phase:phases} ends on {date:date}, before phase {prev:phases} starts on {prev_start:date}: the phases are out of order ({order:phases})",
      sv = "fasen {phase:phases} slutar {date:date}, före fasen {prev:phases} som börjar {prev_start:date}: "
        .. "faserna kommer i fel ordning (rätt ordning är {order:phases})",
    },
    overlap = {
      en = "phase {phase:phases} starts on {start:date}, on or before the end of phase {prev:phases} on {prev_end:date}: the phases overlap by {days:days}",
      sv = "fasen {phase:phases} börjar {start:date}, samma dag som eller innan fasen {prev:phases} slutar {prev_end:date}: faserna överlappar med {days:days}",
    },
    ends_within = {
      en = "phase {phase:phases} has no start and ends on {end:date}, on or before the end of phase {prev:phases} on "
        .. "{prev_end:date}: it starts no later than that, so the phases overlap",
      sv = "fasen {phase:phases} saknar startdatum och slutar {end:date}, samma dag som eller innan fasen {prev:phases} "
        .. "slutar {prev_end:date}: den börjar alltså senast då, och faserna överlappar",
    },
    activity_before = {
      en = "activity {activity} in phase {phase:phases} is dated {date:date}, {days:days} before the phase starts on {start:date}",
      sv = "aktiviteten {activity} i fasen {phase:phases} är daterad {date:date}, {days:days} innan fasen börjar {start:date}",
    },
    activity_after = {
      en = "activity {activity} in phase {phase:phases} is dated {date:date}, {days:days} after the phase ends on {end:date}",
      sv = "aktiviteten {activity} i fasen {phase:phases} är daterad {date:date}, {days:days} efter att fasen slutar {end:date}",
    },
  },
  check = function(doc, report)
    local phases = doc.phases
    if type(phases) ~= "table" then return end
    -- the last phase (in order) that has a date: its name, start and end
    local prev, prev_start, prev_end
    for _, name in ipairs(sk.PHASES) do
      local p = phases[name]
      if type(p) == "table" then
        local s, e = p.start, p["end"]
        s = is_date(s) and s or nil
        e = is_date(e) and e or nil
        if s and e and e < s then
          report { path = { "phases", name }, message = "ends_before_start",
                   data = { phase = name, ["end"] = e, start = s, days = sk.days(e, s) } }
        end
        if prev then
          local first = s or e
          if first and prev_start and first < prev_start then
            report { path = { "phases", name }, message = s and "starts_out_of_order" or "ends_out_of_order",
                     data = { phase = name, date = first, prev = prev, prev_start = prev_start,
                              order = sk.PHASES } }
          elseif s and prev_end and s <= prev_end then
            report { path = { "phases", name }, message = "overlap",
                     data = { phase = name, start = s, prev = prev, prev_end = prev_end,
                              days = sk.days(s, prev_end) + 1 } }
          elseif not s and e and prev_end and e <= prev_end then
            -- no start, but it starts no later than it ends
            report { path = { "phases", name }, message = "ends_within",
                     data = { phase = name, ["end"] = e, prev = prev, prev_end = prev_end } }
          end
        end
        if s or e then prev, prev_start, prev_end = name, s, e end
      end
    end
    for act, path, phase in sk.activities(doc) do
      local d = type(act) == "table" and act.date or nil
      if is_date(d) then
        local p = phases[phase]
        local s, e = p.start, p["end"]
        if is_date(s) and d < s then
          report { path = path, message = "activity_before",
                   data = { activity = activity_ref(act, path), phase = phase, date = d,
                            days = sk.days(d, s), start = s } }
        elseif is_date(e) and d > e then
          report { path = path, message = "activity_after",
                   data = { activity = activity_ref(act, path), phase = phase, date = d,
                            days = sk.days(e, d), ["end"] = e } }
        end
      end
    end
  end,
}
