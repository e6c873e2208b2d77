-- SM-17: where users can write, a published moderation rule removes personal
-- attacks and defamation (seed 002 slide 5).
local sk, type = sk, type

return {
  id = "SM-17",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = {
    en = "Where users can write, a published rule removes attacks and defamation",
    sv = "Där användarna kan skriva tar en publicerad regel bort personangrepp och ärekränkningar",
  },
  explain = {
    en = [[
Seed 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") slide 5, "Tone-of-voice": "Personangreb og injurierende indlæg
eller kommentarer vil blive fjernet fra siderne uden varsel." As soon as
users can write to the hospital (the maturity features include comments,
user_posts, reviews or direct_messages, as for SM-05), staff and patients
can be attacked by name on the hospital's own page. Removing such posts
"uden varsel" is fair only when the rule is published where users can read
it before they write.
Fix: set `moderation.removes_attacks: true` and publish the rule on the
page, then set `moderation.published: true`.]],
    sv = [[
Underlag 002 (Regionshospitalet Randers strategi för sociala medier
2014–2015), bild 5 "Tone-of-voice": personangrepp och ärekränkande inlägg
eller kommentarer tas bort från sidorna utan förvarning ("Personangreb og
injurierende indlæg eller kommentarer vil blive fjernet fra siderne uden
varsel"). Så snart användarna kan skriva till sjukhuset (funktionerna
omfattar comments, user_posts, reviews eller direct_messages, som för
SM-05) kan medarbetare och patienter hängas ut med namn på sjukhusets egen
sida. Att ta bort sådana inlägg utan förvarning är rimligt först när
regeln är publicerad där användarna kan läsa den innan de skriver.
Åtgärd: sätt `moderation.removes_attacks: true`, publicera regeln på sidan
och sätt sedan `moderation.published: true`.]],
  },
  messages = {
    no_moderation = {
      en = "users can write ({features:features}) but the strategy has no moderation rule: personal "
        .. "attacks and defamation are not said to be removed",
      sv = "användarna kan skriva ({features:features}), men strategin har ingen regel för moderering: "
        .. "det står inte att personangrepp och ärekränkningar tas bort",
    },
    attacks_kept = {
      en = "users can write ({features:features}) but personal attacks and defamation are not removed "
        .. "(removes_attacks is false)",
      sv = "användarna kan skriva ({features:features}), men personangrepp och ärekränkningar tas inte "
        .. "bort (removes_attacks är false)",
    },
    attacks_not_stated = {
      en = "users can write ({features:features}) but the moderation rule does not say that personal "
        .. "attacks and defamation are removed",
      sv = "användarna kan skriva ({features:features}), men regeln för moderering säger inte att "
        .. "personangrepp och ärekränkningar tas bort",
    },
    not_published = {
      en = "the moderation rule is not published (published is false): users cannot know that attacks "
        .. "are removed without notice",
      sv = "regeln för moderering är inte publicerad (published är false): användarna kan inte veta att "
        .. "angrepp tas bort utan förvarning",
    },
    published_not_stated = {
      en = "the strategy does not say that the moderation rule is published where users can read it",
      sv = "strategin anger inte att regeln för moderering är publicerad där användarna kan läsa den",
    },
  },
  check = function(doc, report)
    local writes = sk.sm_writes(doc)
    if #writes == 0 then return end
    local mod = doc.moderation
    if type(mod) ~= "table" then
      report { path = { "moderation" }, message = "no_moderation", data = { features = writes } }
      return
    end
    if mod.removes_attacks ~= true then
      report { path = { "moderation", "removes_attacks" },
               message = mod.removes_attacks == false and "attacks_kept" or "attacks_not_stated",
               data = { features = writes } }
    end
    if mod.published ~= true then
      report { path = { "moderation", "published" },
               message = mod.published == false and "not_published" or "published_not_stated" }
    end
  end,
}
