-- ON-18: at least one program is distributed to the unit (connection step 3, seed 004).
local sk = sk

return {
  id = "ON-18",
  severity = "error",
  applies_to = "unit-onboarding",
  title = {
    en = "Programs are distributed to the unit",
    sv = "Program är utdelade till enheten",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Anslut enheten till Stöd och behandling", step
3): "Vårdgivaradministratör delar ut överenskomna stöd och
behandlingsprogram till enheten." A unit with no program has nothing to
offer its patients, however well it is connected.
The rule reports an empty or missing `programs` list, a missing
`connection.programs_distributed` date (step 3 is not done), and a
distribution date on or after `launch_date` or after today (not done yet).
The order of step 3 among the other connection steps is ON-13's.
Fix: agree on the programs with the regional administration, list them in
`programs` and record the date they were distributed to the unit.]],
    sv = [[
Underlag 004 (Införandeguiden, "Anslut enheten till Stöd och behandling", steg
3): "Vårdgivaradministratör delar ut överenskomna stöd och
behandlingsprogram till enheten." En enhet utan program har inget att
erbjuda sina patienter, hur väl ansluten den än är.
Regeln visar om listan `programs` är tom eller saknas, om datumet
`connection.programs_distributed` saknas (steg 3 är inte gjort) och om
programmen delades ut samma dag som eller efter `launch_date` eller efter
dagens datum (inte gjort än). I vilken ordning steg 3 kommer bland de andra
anslutningsstegen kontrolleras av ON-13.
Åtgärd: kom överens med förvaltningen om programmen, lista dem i
`programs` och för in datumet då de delades ut till enheten.]],
  },
  messages = {
    no_program = {
      en = "no program (stöd- och behandlingsprogram) is listed for the unit",
      sv = "inga stöd- och behandlingsprogram är angivna för enheten",
    },
    not_distributed = {
      en = "no program is distributed to the unit: connection step 3, programs_distributed ({key:steps}) has no date",
      sv = "inga program är utdelade till enheten: anslutningssteg 3, {key:steps} (programs_distributed), saknar datum",
    },
    launch_day = {
      en = "connection step 3, programs_distributed ({key:steps}) {date:date} is the launch day {launch:date}, "
        .. "not before it; the programs must be distributed before launch",
      sv = "anslutningssteg 3, {key:steps} (programs_distributed) {date:date}, är startdagen {launch:date}, inte "
        .. "före den; programmen måste delas ut före starten",
    },
    after_launch = {
      en = "connection step 3, programs_distributed ({key:steps}) {date:date} is {days:days} after launch "
        .. "{launch:date}; the programs must be distributed before launch",
      sv = "anslutningssteg 3, {key:steps} (programs_distributed) {date:date}, ligger {days:days} efter starten "
        .. "{launch:date}; programmen måste delas ut före starten",
    },
    after_today = {
      en = "connection step 3, programs_distributed ({key:steps}) {date:date} lies after today {today:date}, so "
        .. "it is not done yet; the programs must be distributed before launch",
      sv = "anslutningssteg 3, {key:steps} (programs_distributed) {date:date}, ligger efter dagens datum "
        .. "{today:date} och är alltså inte gjort än; programmen måste delas ut före starten",
    },
    launch_day_after_today = {
      en = "connection step 3, programs_distributed ({key:steps}) {date:date} is the launch day {launch:date}, "
        .. "not before it and lies after today {today:date}, so it is not done yet; the programs must be "
        .. "distributed before launch",
      sv = "anslutningssteg 3, {key:steps} (programs_distributed) {date:date}, är startdagen {launch:date}, inte "
        .. "före den, och ligger dessutom efter dagens datum {today:date}, så det är inte gjort än; programmen "
        .. "måste delas ut före starten",
    },
    after_launch_after_today = {
      en = "connection step 3, programs_distributed ({key:steps}) {date:date} is {days:days} after launch "
        .. "{launch:date} and lies after today {today:date}, so it is not done yet; the programs must be "
        .. "distributed before launch",
      sv = "anslutningssteg 3, {key:steps} (programs_distributed) {date:date}, ligger {days:days} efter starten "
        .. "{launch:date} och dessutom efter dagens datum {today:date}, så det är inte gjort än; programmen "
        .. "måste delas ut före starten",
    },
  },
  check = function(doc, report, ctx)
    local programs = {}
    for i = 1, sk.count(doc.programs) do -- by index: a null item must not hide the rest
      local p = doc.programs[i]
      if sk.present(p) then programs[#programs + 1] = p end
    end
    if #programs == 0 then
      report { path = { "programs" }, message = "no_program" }
    end
    local c = doc.connection or {}
    local d = c.programs_distributed
    local path = { "connection", "programs_distributed" }
    if not sk.is_date(d) then
      report { path = path, message = "not_distributed", data = { key = "programs_distributed" } }
    else
      local why, days = sk.done_when(d, doc.launch_date, ctx.as_of)
      if why then
        report { path = path, message = why,
                 data = { key = "programs_distributed", date = d, launch = doc.launch_date, today = ctx.as_of,
                          days = days } }
      end
    end
  end,
}
