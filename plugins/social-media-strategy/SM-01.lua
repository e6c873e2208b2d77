-- SM-01: every purpose has a quantitative and a qualitative measure
-- (seed 002 slide 10).
return {
  id = "SM-01",
  severity = "error",
  applies_to = "social-media-strategy",
  title = "Every purpose has a quantitative and a qualitative measure",
  explain = [[
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
  check = function(doc, report)
    if sk.count(doc.purposes) == 0 then
      report {
        path = { "purposes" },
        message = "the strategy states no purpose (formål), so it has nothing to measure or evaluate",
      }
      return
    end
    for i, purpose in sk.each(doc.purposes) do
      local quant, qual, untyped = {}, {}, 0
      for j, m in sk.each(purpose.measures) do
        if m.type == "quantitative" then
          quant[#quant + 1] = sk.sm_measure(m, j)
        elseif m.type == "qualitative" then
          qual[#qual + 1] = sk.sm_measure(m, j)
        else
          untyped = untyped + 1
        end
      end
      local what
      if sk.count(purpose.measures) == 0 then
        what = "has no measures: it needs a quantitative (kvantitativ) and a qualitative (kvalitativ) one"
      elseif #quant == 0 and #qual == 0 then
        what = "has no measure with a type: it needs a quantitative (kvantitativ) and a qualitative (kvalitativ) one"
      elseif #qual == 0 then
        what = "has a quantitative measure (" .. table.concat(quant, ", ")
          .. ") but no qualitative one (kvalitativ, e.g. response quality from screendumps)"
      elseif #quant == 0 then
        what = "has a qualitative measure (" .. table.concat(qual, ", ")
          .. ") but no quantitative one (kvantitativ, e.g. reach per month)"
      end
      if what then
        if untyped > 0 and (#quant > 0 or #qual > 0) then
          what = what .. "; " .. sk.fmt_int(untyped)
            .. (untyped == 1 and " measure has" or " measures have") .. " no type"
        end
        report { path = { "purposes", i }, message = "purpose " .. sk.sm_purpose(purpose, i) .. " " .. what }
      end
    end
  end,
}
