-- SM-01: every purpose has a quantitative and a qualitative measure
-- (seed 002 slide 10).
local sk = sk

return {
  id = "SM-01",
  severity = "error",
  applies_to = "social-media-strategy",
  title = {
    en = "Every purpose has a quantitative and a qualitative measure",
    sv = "Varje syfte har ett kvantitativt och ett kvalitativt mått",
  },
  explain = {
    en = [[
Seed 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") opens with the purpose of being on social media ("Formålet med
hospitalets tilstedeværelse på sociale medier") and measures each purpose
twice, slide 10 "Evaluering og effektmåling": "Til hvert af de fire formål
er opsat mål af hhv. kvantitativ og kvalitativ karakter" (reach, followers,
engagement on the one hand; response quality judged from screendumps on
the other). A strategy without a purpose has nothing to evaluate, and a
purpose measured only by numbers, or only by impressions, cannot be
evaluated at the mid-term and final evaluation.
Fix: list the strategy's `purposes`; give each one `measures` with at least
one `type: quantitative` (a `metric` with a `target`) and one
`type: qualitative` (a `metric` with a `method`, e.g. screendumps).]],
    sv = [[
Underlag 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") börjar med syftet med att finnas på sociala medier ("Formålet med
hospitalets tilstedeværelse på sociale medier") och mäter varje syfte på två
sätt, bild 10 "Evaluering og effektmåling": "Til hvert af de fire formål
er opsat mål af hhv. kvantitativ og kvalitativ karakter" (räckvidd, följare
och engagemang å ena sidan; svarskvalitet bedömd utifrån skärmdumpar å den
andra). En strategi utan syfte har inget att utvärdera, och ett syfte som
bara mäts i siffror, eller bara i intryck, går inte att utvärdera vid
halvtidsutvärderingen och slututvärderingen.
Åtgärd: räkna upp strategins syften i `purposes`; ge vart och ett `measures`
med minst ett mått med `type: quantitative` (ett `metric` med ett `target`)
och ett med `type: qualitative` (ett `metric` med en `method`, t.ex.
skärmdumpar).]],
  },
  messages = {
    no_purpose = {
      en = "the strategy states no purpose (formål), so it has nothing to measure or evaluate",
      sv = "strategin anger inget syfte, så det finns inget att mäta eller utvärdera",
    },
    no_measures = {
      en = "purpose {purpose} has no measures: it needs a quantitative (kvantitativ) and a qualitative (kvalitativ) one",
      sv = "syftet {purpose} har inga mått: det behöver mätas både kvantitativt och kvalitativt",
    },
    no_types = {
      en = "purpose {purpose} has no measure with a type: it needs a quantitative (kvantitativ) and a qualitative (kvalitativ) one",
      sv = "syftet {purpose} har inget mått med angiven typ (type): det behöver mätas både kvantitativt och kvalitativt",
    },
    no_qualitative = {
      en = "purpose {purpose} has a quantitative measure ({measures:list}) but no qualitative one (kvalitativ, e.g. response quality from screendumps)",
      sv = "syftet {purpose} mäts kvantitativt ({measures:list}) men inte kvalitativt, t.ex. med svarskvalitet bedömd utifrån skärmdumpar",
    },
    no_qualitative_untyped = {
      en = "purpose {purpose} has a quantitative measure ({measures:list}) but no qualitative one (kvalitativ, "
        .. "e.g. response quality from screendumps); measures without a type: {untyped}",
      sv = "syftet {purpose} mäts kvantitativt ({measures:list}) men inte kvalitativt, t.ex. med svarskvalitet "
        .. "bedömd utifrån skärmdumpar; mått utan typ: {untyped}",
    },
    no_quantitative = {
      en = "purpose {purpose} has a qualitative measure ({measures:list}) but no quantitative one (kvantitativ, e.g. reach per month)",
      sv = "syftet {purpose} mäts kvalitativt ({measures:list}) men inte kvantitativt, t.ex. med räckvidd per månad",
    },
    no_quantitative_untyped = {
      en = "purpose {purpose} has a qualitative measure ({measures:list}) but no quantitative one (kvantitativ, "
        .. "e.g. reach per month); measures without a type: {untyped}",
      sv = "syftet {purpose} mäts kvalitativt ({measures:list}) men inte kvantitativt, t.ex. med räckvidd per månad; mått utan typ: {untyped}",
    },
  },
  check = function(doc, report)
    if sk.count(doc.purposes) == 0 then
      report { path = { "purposes" }, message = "no_purpose" }
      return
    end
    for i, purpose in sk.each(doc.purposes) do
      local quant, qual, untyped = {}, {}, 0
      for j, m in sk.each(purpose.measures) do
        if m.type == "quantitative" then
          quant[#quant + 1] = sk.sm_measure_ref(m, j)
        elseif m.type == "qualitative" then
          qual[#qual + 1] = sk.sm_measure_ref(m, j)
        else
          untyped = untyped + 1
        end
      end
      local message, measures
      if sk.count(purpose.measures) == 0 then
        message = "no_measures"
      elseif #quant == 0 and #qual == 0 then
        message = "no_types"
      elseif #qual == 0 then
        message, measures = "no_qualitative", quant
      elseif #quant == 0 then
        message, measures = "no_quantitative", qual
      end
      if message then
        if measures and untyped > 0 then message = message .. "_untyped" end
        report { path = { "purposes", i }, message = message,
                 data = { purpose = sk.sm_purpose(purpose, i), measures = measures, untyped = untyped } }
      end
    end
  end,
}
