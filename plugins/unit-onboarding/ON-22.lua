-- ON-22: the unit subscribes to Inera's service windows (seed 004).
local sk, type = sk, type

return {
  id = "ON-22",
  severity = "info",
  applies_to = "unit-onboarding",
  title = {
    en = "The unit subscribes to Inera's service windows",
    sv = "Enheten prenumererar på Ineras servicefönster",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Skapa riktlinjer, rutiner och processer"):
"Rutiner för oförutsedda avbrott som till exempel strömavbrott eller om
koppling till servern saknas. (Se bruksanvisning som rekommenderar
prenumeration av Ineras servicefönster)." Planned downtime of the platform
is announced in Inera's service windows; a unit that does not subscribe
learns of it when a patient cannot log in.
Fix: subscribe to Inera's service windows and record how in
`routines.service_window`, e.g. `service_window: Prenumeration på Ineras
servicefönster, Sara Nyberg`.]],
    sv = [[
Underlag 004 (Införandeguiden, "Skapa riktlinjer, rutiner och processer"):
"Rutiner för oförutsedda avbrott som till exempel strömavbrott eller om
koppling till servern saknas. (Se bruksanvisning som rekommenderar
prenumeration av Ineras servicefönster)." Planerade avbrott i plattformen
meddelas i Ineras servicefönster; en enhet som inte prenumererar får veta
det först när en patient inte kan logga in.
Åtgärd: prenumerera på Ineras servicefönster och för in hur i
`routines.service_window`, till exempel `service_window: Prenumeration på
Ineras servicefönster, Sara Nyberg`.]],
  },
  messages = {
    no_subscription = {
      en = "the unit does not record a subscription to Inera's service windows: planned downtime "
        .. "may not reach it",
      sv = "enheten har ingen registrerad prenumeration på Ineras servicefönster: planerade avbrott "
        .. "kanske inte når enheten",
    },
  },
  check = function(doc, report)
    local routines = type(doc.routines) == "table" and doc.routines or {}
    if not sk.present(routines.service_window) then
      report { path = { "routines", "service_window" }, message = "no_subscription" }
    end
  end,
}
