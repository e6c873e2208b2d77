-- CP-17: the anchoring phase ends before the launch date (seed 001,
-- "Förankring – eventuell utbildning om nytt arbetssätt innan införandet").
local sk, type = sk, type

return {
  id = "CP-17",
  severity = "warning",
  applies_to = "communication-plan",
  title = {
    en = "The anchoring phase ends before launch",
    sv = "Förankringsfasen är avslutad före starten",
  },
  explain = {
    en = [[
Seed 001 (Kommunikationsplan för införande av nytt kunskapsstöd, the rows of
the Behovsanalys) names the second part of the introduction "Förankring –
eventuell utbildning om nytt arbetssätt innan införandet": the staff are won
over and trained before the unit starts, not while patients already log in.
An anchoring phase that ends on the launch date or later means the unit
opens before it is ready. The phase's `end` must be strictly before
`launch_date`; a plan without an anchoring end or without a launch date is
not judged.
Fix: finish the anchoring before launch (move its `end` and its late
activities before `launch_date`), or move the launch date.]],
    sv = [[
Underlag 001 (Kommunikationsplan för införande av nytt kunskapsstöd, raderna
i behovsanalysen) kallar införandets andra del "Förankring – eventuell
utbildning om nytt arbetssätt innan införandet": personalen ska vara
förankrad och utbildad innan enheten startar, inte medan patienterna redan
loggar in. En förankringsfas som slutar på startdagen eller senare betyder
att enheten öppnar innan den är redo. Fasens `end` ska ligga före
`launch_date`; en plan utan slutdatum för förankringen eller utan startdatum
bedöms inte.
Åtgärd: avsluta förankringen före starten (flytta dess `end` och dess sena
aktiviteter till före `launch_date`), eller flytta startdatumet.]],
  },
  messages = {
    ends_on_launch = {
      en = "the anchoring phase ends on the launch day {launch:date}, not before it: anchoring and training come before the introduction",
      sv = "förankringsfasen slutar på själva startdagen {launch:date}, inte före den: förankring och utbildning ska ske innan införandet",
    },
    ends_after_launch = {
      en = "the anchoring phase ends on {end:date}, {days:days} after the launch on {launch:date}: anchoring and training come before it",
      sv = "förankringsfasen slutar den {end:date}, {days:days} efter starten den {launch:date}: förankring och utbildning ska ske före",
    },
  },
  check = function(doc, report)
    local launch = doc.launch_date
    local anchoring = type(doc.phases) == "table" and doc.phases.anchoring or nil
    local ends = type(anchoring) == "table" and anchoring["end"] or nil
    if not (sk.is_date(launch) and sk.is_date(ends)) or ends < launch then return end
    local path = { "phases", "anchoring", "end" }
    if ends == launch then
      report { path = path, message = "ends_on_launch", data = { launch = launch } }
    else
      report { path = path, message = "ends_after_launch", data = { ["end"] = ends, days = sk.days(launch, ends), launch = launch } }
    end
  end,
}
