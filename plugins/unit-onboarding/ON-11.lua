-- ON-11: a data-retention (gallring) routine keeps patient data at most a year (seed 004).
return {
  id = "ON-11",
  severity = "error",
  applies_to = "unit-onboarding",
  title = "Patient data is kept at most one year (gallring)",
  explain = [[
Seed 004, "Tänk på": Stöd och behandling is not a record system and a
patient's data must not be kept there longer than necessary, "max ett år".
The unit needs a routine for gallring that says how long data is kept.
Fix: set `routines.data_retention` with the routine's name in `routine` and
the retention in days in `max_days`, at most the `max_days` parameter
(365 by default).]],
  params = { max_days = 365 },
  check = function(doc, report, ctx)
    local limit = ctx.params.max_days
    local routines = doc.routines
    local dr = routines and routines.data_retention
    if dr == nil then
      report { path = { "routines", "data_retention" },
               message = "no data-retention routine (rutin för gallring)" }
      return
    end
    if not sk.present(dr.routine) then
      report { path = { "routines", "data_retention", "routine" },
               message = "the data-retention routine is not named (rutin för gallring)" }
    end
    if dr.max_days == nil then
      report { path = { "routines", "data_retention", "max_days" },
               message = "the data-retention routine states no maximum (max_days); at most "
                 .. limit .. " days is allowed" }
    elseif dr.max_days > limit then
      report { path = { "routines", "data_retention", "max_days" },
               message = "patient data is kept " .. sk.fmt_int(dr.max_days)
                 .. " days, more than the " .. sk.fmt_int(limit) .. " allowed (max ett år)" }
    end
  end,
}
