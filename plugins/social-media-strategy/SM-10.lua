-- SM-10: a strategy at or aiming for level 3 or more needs management
-- backing (seed 003).
local sk = sk

return {
  id = "SM-10",
  severity = "error",
  applies_to = "social-media-strategy",
  title = {
    en = "A strategy at or aiming for level 3 or more has management backing",
    sv = "En strategi på eller mot nivå 3 eller högre har ledningens stöd",
  },
  explain = {
    en = [[
Seed 003 ("Skala for sygehuses kommunikation på sociale medier"): level 3,
"Dialog – Proaktiv tilgang", is where dialogue begins, and "jo større
ambition om brugerinddragelse, des mere kræver det involvering af
sygehusets afdelinger i forhold til input, drift og facilitering";
"Dialog og brugerinddragelse kræver ledelsesopbakning". Without the
management's backing the departments give neither the time nor the
answers that dialogue needs. The level judged is the higher of
`maturity.current` and `maturity.target` (where only one is given, that
one): a strategy already at level 5 with no target needs the backing as
much as one aiming for level 3.
Fix: secure the management's backing and record it as
`maturity.management_backing: true`, or stay at level 2 or below.]],
    sv = [[
Underlag 003 (skalan för sjukhusens kommunikation på sociala medier): på
nivå 3, dialog med ett proaktivt förhållningssätt, börjar dialogen, och ju
större ambitionen att involvera användarna är, desto mer krävs av
sjukhusets avdelningar i underlag, drift och samordning. "Dialog og
brugerinddragelse kræver ledelsesopbakning": dialog och
användarinvolvering kräver ledningens stöd. Utan det ger avdelningarna
varken den tid eller de svar som dialogen behöver. Den nivå som bedöms är
den högre av `maturity.current` och `maturity.target` (finns bara den ena
är det den): en strategi som redan är på nivå 5 utan mål behöver stödet
lika mycket som en som siktar mot nivå 3.
Åtgärd: se till att ledningen står bakom satsningen och för in det som
`maturity.management_backing: true`, eller stanna på nivå 2 eller lägre.]],
  },
  messages = {
    at_refused = {
      en = "the strategy is at maturity level {level} ({level:levels}), which needs management "
        .. "backing, and the backing is recorded as absent (management_backing is false)",
      sv = "strategin är på mognadsnivå {level} ({level:levels}), som kräver ledningens stöd, "
        .. "och stödet är registrerat som saknat (management_backing är false)",
    },
    at_missing = {
      en = "the strategy is at maturity level {level} ({level:levels}), which needs management "
        .. "backing, and none is recorded",
      sv = "strategin är på mognadsnivå {level} ({level:levels}), som kräver ledningens stöd, "
        .. "men inget sådant stöd är registrerat",
    },
    aim_refused = {
      en = "the strategy aims for maturity level {level} ({level:levels}), which needs management "
        .. "backing, and the backing is recorded as absent (management_backing is false)",
      sv = "strategin siktar mot mognadsnivå {level} ({level:levels}), som kräver ledningens stöd, "
        .. "och stödet är registrerat som saknat (management_backing är false)",
    },
    aim_missing = {
      en = "the strategy aims for maturity level {level} ({level:levels}), which needs management "
        .. "backing, and none is recorded",
      sv = "strategin siktar mot mognadsnivå {level} ({level:levels}), som kräver ledningens stöd, "
        .. "men inget sådant stöd är registrerat",
    },
  },
  check = function(doc, report)
    local m = sk.sm_maturity(doc)
    local level, aims = sk.sm_top_level(m)
    if level == nil or level < 3 or m.management_backing == true then return end
    report { path = { "maturity", "management_backing" },
             message = (aims and "aim" or "at") .. (m.management_backing == false and "_refused" or "_missing"),
             data = { level = level } }
  end,
}
