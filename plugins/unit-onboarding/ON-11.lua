-- ON-11: a data-retention (gallring) routine keeps patient data at most a year (seed 004).
local sk = sk

return {
  id = "ON-11",
  severity = "error",
  applies_to = "unit-onboarding",
  title = {
    en = "Patient data is kept at most one year (gallring)",
    sv = "Patientdata sparas högst ett år (gallring)",
  },
  explain = {
    en = [[
Seed 004, "Tänk på": Stöd och behandling is not a record system and a
patient's data must not be kept there longer than necessary, "max ett år".
The unit needs a routine for gallring that says how long data is kept.
Fix: set `routines.data_retention` with the routine's name in `routine` and
the retention in days in `max_days`, at most the `max_days` parameter
(365 by default).]],
    sv = [[
Underlag 004, "Tänk på": Stöd och behandling är inte ett journalsystem, och
patientens data ska inte lagras där mer än nödvändigt, "max ett år". Enheten
behöver en rutin för gallring som säger hur länge data sparas.
Åtgärd: fyll i `routines.data_retention` med rutinens namn i
`routine` och hur många dagar data sparas i `max_days`, högst det som
parametern `max_days` anger (som standard 365).]],
  },
  params = { max_days = 365 },
  messages = {
    none = { en = "no data-retention routine (rutin för gallring)", sv = "det finns ingen rutin för gallring" },
    unnamed = {
      en = "the data-retention routine is not named (rutin för gallring)",
      sv = "rutinen för gallring har inget namn",
    },
    no_max = {
      en = "the data-retention routine states no maximum (max_days); at most {limit:days} is allowed",
      sv = "rutinen för gallring anger ingen längsta lagringstid (max_days); högst {limit:days} är tillåtet",
    },
    too_long = {
      en = "patient data is kept {kept:days}, more than the {limit:number} allowed (max ett år)",
      sv = "patientdata sparas i {kept:days}, mer än de {limit:days} som är tillåtna (max ett år)",
    },
  },
  check = function(doc, report, ctx)
    local limit = ctx.params.max_days
    local routines = doc.routines
    local dr = routines and routines.data_retention
    if dr == nil then
      report { path = { "routines", "data_retention" }, message = "none" }
      return
    end
    if not sk.present(dr.routine) then
      report { path = { "routines", "data_retention", "routine" }, message = "unnamed" }
    end
    if dr.max_days == nil then
      report { path = { "routines", "data_retention", "max_days" }, message = "no_max", data = { limit = limit } }
    elseif dr.max_days > limit then
      report { path = { "routines", "data_retention", "max_days" }, message = "too_long",
               data = { kept = dr.max_days, limit = limit } }
    end
  end,
}
