-- SM-05: where users can write, a personal-data policy removes posts with
-- sensitive personal data and points to another channel (seed 002 slide 5).
local sk = sk

return {
  id = "SM-05",
  severity = "error",
  applies_to = "social-media-strategy",
  title = {
    en = "Where users can write, sensitive posts are removed and redirected",
    sv = "Där användarna kan skriva tas känsliga inlägg bort och användarna hänvisas vidare",
  },
  explain = {
    en = [[
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
    sv = [[
Underlag 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") bild 5, "Henvendelser på sociale medier": "Datatilsynet
anbefaler ikke sagsbehandling via sociale medier. Hospitalet forbeholder
sig derfor retten til at slette opslag med personfølsomme oplysninger og
henviser til, at man kan kontakte regionen via andre kanaler." Så snart
användarna kan skriva till sjukhuset (funktionerna i `maturity.features`
omfattar comments, user_posts, reviews eller direct_messages; nivå 2 i
underlag 003) kommer patienter att skriva offentligt om sin sjukdom och
behandling. Strategin måste säga att sådana inlägg tas bort och vart
patienten hänvisas i stället.
Åtgärd: sätt `personal_data.delete_sensitive_posts: true` och ange den
kanal som användarna hänvisas till i `personal_data.redirect_channel`
(t.ex. regionens kontaktformulär, sundhed.dk eller avdelningens
telefon).]],
  },
  messages = {
    no_policy = {
      en = "users can write ({features:features}) but there is no personal-data policy: posts with sensitive "
        .. "personal data (personfølsomme oplysninger) are not removed and users are not pointed to another "
        .. "channel",
      sv = "användarna kan skriva ({features:features}) men det finns ingen policy för personuppgifter: inlägg "
        .. "med känsliga personuppgifter tas inte bort och användarna hänvisas inte till någon annan kanal",
    },
    kept = {
      en = "users can write ({features:features}) but posts with sensitive personal data (personfølsomme "
        .. "oplysninger) are kept (delete_sensitive_posts is false)",
      sv = "användarna kan skriva ({features:features}) men inlägg med känsliga personuppgifter får ligga kvar (delete_sensitive_posts är false)",
    },
    not_removed = {
      en = "users can write ({features:features}) but posts with sensitive personal data (personfølsomme "
        .. "oplysninger) are not said to be removed (no delete_sensitive_posts)",
      sv = "användarna kan skriva ({features:features}) men det står inte att inlägg med känsliga personuppgifter tas bort (delete_sensitive_posts saknas)",
    },
    no_channel = {
      en = "users can write ({features:features}) but the personal-data policy names no other channel to point users to (henviser til andre kanaler)",
      sv = "användarna kan skriva ({features:features}) men policyn för personuppgifter anger ingen annan kanal att hänvisa användarna till",
    },
  },
  check = function(doc, report)
    local writes = sk.sm_writes(doc)
    if #writes == 0 then return end
    local data = { features = writes }
    local pd = doc.personal_data
    if pd == nil then
      report { path = { "personal_data" }, message = "no_policy", data = data }
      return
    end
    if pd.delete_sensitive_posts ~= true then
      report { path = { "personal_data", "delete_sensitive_posts" }, data = data,
               message = pd.delete_sensitive_posts == false and "kept" or "not_removed" }
    end
    if not sk.present(pd.redirect_channel) then
      report { path = { "personal_data", "redirect_channel" }, message = "no_channel", data = data }
    end
  end,
}
