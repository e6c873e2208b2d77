-- SM-05: where users can write, a personal-data policy removes posts with
-- sensitive personal data and points to another channel (seed 002 slide 5).
return {
  id = "SM-05",
  severity = "error",
  applies_to = "social-media-strategy",
  title = "Where users can write, sensitive posts are removed and redirected",
  explain = [[
Seed 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") slide 5, "Henvendelser på sociale medier": "Datatilsynet
anbefaler ikke sagsbehandling via sociale medier. Hospitalet forbeholder
sig derfor retten til at slette opslag med personfølsomme oplysninger og
henviser til, at man kan kontakte regionen via andre kanaler." As soon as
users can write to the hospital (the maturity features include comments,
user_posts, reviews or direct_messages; seed 003 level 2), patients will
post about their illness and treatment in public. The strategy must say
that such posts are removed and where the patient is sent instead.
Fix: set `personal_data.delete_sensitive_posts: true` and name the channel
users are pointed to in `personal_data.redirect_channel` (e.g. the
region's contact form, sundhed.dk, the department's phone).]],
  check = function(doc, report)
    local have = sk.set(sk.sm_maturity(doc).features)
    local writes = {}
    for _, f in ipairs(sk.SM_WRITE_FEATURES) do
      if have[f] then writes[#writes + 1] = f end
    end
    if #writes == 0 then return end
    local why = "users can write (" .. table.concat(writes, ", ") .. ")"
    local pd = doc.personal_data
    if pd == nil then
      report {
        path = { "personal_data" },
        message = why .. " but there is no personal-data policy: posts with sensitive personal data"
          .. " (personfølsomme oplysninger) are not removed and users are not pointed to another channel",
      }
      return
    end
    if pd.delete_sensitive_posts ~= true then
      report {
        path = { "personal_data", "delete_sensitive_posts" },
        message = why .. " but posts with sensitive personal data (personfølsomme oplysninger) are "
          .. (pd.delete_sensitive_posts == false and "kept (delete_sensitive_posts is false)"
              or "not said to be removed (no delete_sensitive_posts)"),
      }
    end
    if not sk.present(pd.redirect_channel) then
      report {
        path = { "personal_data", "redirect_channel" },
        message = why .. " but the personal-data policy names no other channel to point users to"
          .. " (henviser til andre kanaler)",
      }
    end
  end,
}
