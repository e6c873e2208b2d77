-- SM-07: a content calendar and a regular production meeting exist
-- (seed 002 slide 9).
local IRREGULAR = {
  "no", "none", "never", "ad hoc", "ad-hoc", "as needed", "irregular",
  "nej", "ingen", "aldrig", "efter behov", "ved behov", "uregelmæssigt",
  "vid behov", "oregelbundet",
}

return {
  id = "SM-07",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = "A content calendar and a regular production meeting exist",
  explain = [[
Seed 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") slide 9, "Intern organisering": "Indholdskalender",
"Ugentlige produktionsmøder", and "Kommunikation fastlægger på det
ugentlige produktionsmøde ugens historier på Facebook"; the action plan
(slide 12) has "Oprettelse af indholdskalender" before the launch. Without
a calendar and a regular meeting the posts depend on whoever has time, and
the stated frequency is not kept.
Fix: set `organisation_routines.content_calendar: true` and say how often
the production meeting is held in `organisation_routines.production_meeting`
(weekly, ugentligt, every other Monday ...). A meeting given as one of the
parameter `irregular` (by default no, none, never, ad hoc, as needed,
nej, ingen, aldrig, efter behov, ved behov, vid behov, ..., compared
ignoring case) is not regular.]],
  params = { irregular = IRREGULAR },
  check = function(doc, report, ctx)
    local irregular = (ctx and ctx.params and ctx.params.irregular) or IRREGULAR
    local r = doc.organisation_routines
    if r == nil then
      report {
        path = { "organisation_routines" },
        message = "no organisation routines: neither a content calendar (indholdskalender) nor a"
          .. " regular production meeting (produktionsmøde) is set up",
      }
      return
    end
    if r.content_calendar ~= true then
      report {
        path = { "organisation_routines", "content_calendar" },
        message = r.content_calendar == false
          and "there is no content calendar (content_calendar is false; indholdskalender)"
          or "a content calendar (indholdskalender) is not set up (no content_calendar)",
      }
    end
    local meeting = r.production_meeting
    if not sk.present(meeting) then
      report {
        path = { "organisation_routines", "production_meeting" },
        message = "no regular production meeting (ugentlige produktionsmøder) is held",
      }
    else
      for _, word in sk.each(irregular) do
        if sk.same_text(meeting, word) then
          report {
            path = { "organisation_routines", "production_meeting" },
            message = "the production meeting is held '" .. meeting
              .. "', not regularly (ugentlige produktionsmøder)",
          }
          break
        end
      end
    end
  end,
}
