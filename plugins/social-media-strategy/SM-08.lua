-- SM-08: the current maturity level is declared and matches the level its
-- features reach (seed 003).
local sk, type, ipairs = sk, type, ipairs

return {
  id = "SM-08",
  severity = "error",
  applies_to = "social-media-strategy",
  title = {
    en = "The declared maturity level matches the features in use",
    sv = "Den angivna mognadsnivån stämmer med funktionerna som används",
  },
  explain = {
    en = [[
Seed 003 ("Skala for sygehuses kommunikation på sociale medier") is a
five-level scale to be used for "en vurdering af et sygehus nuværende
engagement og kommunikation på sociale medier". Every level includes the
ones below it ("Niveau 1 og 2 +"), so a level is reached only when all its
features and those of every lower level are in use:
1 posts; 2 replies, comments, sharing, reactions, direct_messages;
3 proactive_dialog, response_24_7; 4 user_involvement,
research_recruitment; 5 closed_patient_groups. (user_posts and reviews
belong to level 2 "hvis det er muligt" and are not needed for it.)
Level 1 is one-way: "ingen mulighed for reaktioner, kommentarer og
deling". A declared level 1 where users can still comment, share, react,
post, review or write messages, and nobody replies, is a mismatch: the
hospital lets users speak and does not answer. A declared level 1 that
replies is judged by the level its features reach. A declared level the
features do not bear out, or one below what is already done, misleads the
strategic choice of the next level.
Fix: declare `maturity.current` as the level the `maturity.features`
reach, or correct the feature list (at level 1, turn off comments,
sharing and reactions, or answer them and declare level 2).]],
    sv = [[
Underlag 003 (skalan för sjukhusens kommunikation på sociala medier) är en
skala i fem nivåer som ska användas för att bedöma sjukhusets nuvarande
engagemang och kommunikation på sociala medier. Varje nivå omfattar
nivåerna under den ("Niveau 1 og 2 +"), så en nivå är nådd först när alla
dess funktioner och alla funktioner på varje lägre nivå används:
1 posts; 2 replies, comments, sharing, reactions, direct_messages;
3 proactive_dialog, response_24_7; 4 user_involvement,
research_recruitment; 5 closed_patient_groups. (user_posts och reviews
hör till nivå 2 där plattformen tillåter dem och behövs inte för den.)
Nivå 1 är envägskommunikation, utan möjlighet till reaktioner,
kommentarer och delning ("ingen mulighed for reaktioner, kommentarer og
deling"). En angiven nivå 1 där användarna ändå kan kommentera, dela,
reagera, göra inlägg, recensera eller skicka meddelanden, och ingen
svarar, stämmer inte: sjukhuset låter användarna tala men svarar inte. En
angiven nivå 1 som svarar bedöms efter den nivå funktionerna når. En
angiven nivå som funktionerna inte bär upp, eller en nivå under den som
redan är nådd, ger en felaktig grund för valet av nästa nivå.
Åtgärd: ange i `maturity.current` den nivå som `maturity.features` når,
eller rätta funktionslistan (på nivå 1: stäng av kommentarer, delning och
reaktioner, eller svara på dem och ange nivå 2).]],
  },
  messages = {
    no_maturity = {
      en = "the strategy has no maturity section: its current level on the five-level scale is not declared",
      sv = "strategin har ingen del om mognad: dess nuvarande nivå på den femgradiga skalan är inte angiven",
    },
    not_declared = {
      en = "the current maturity level is not declared; the features reach level {reached} ({reached:levels})",
      sv = "den nuvarande mognadsnivån är inte angiven; funktionerna når nivå {reached} ({reached:levels})",
    },
    not_declared_none = {
      en = "the current maturity level is not declared; the features do not reach even level 1 (posts)",
      sv = "den nuvarande mognadsnivån är inte angiven; funktionerna når inte ens nivå 1 (inlägg)",
    },
    overstated = {
      en = "declared maturity level {current} ({current:levels}) but the features reach only level "
        .. "{reached} ({reached:levels}); missing for level {current}: {missing:features}",
      sv = "den angivna mognadsnivån är {current} ({current:levels}), men funktionerna når bara nivå "
        .. "{reached} ({reached:levels}); för nivå {current} saknas: {missing:features}",
    },
    overstated_none = {
      en = "declared maturity level {current} ({current:levels}) but the features do not reach even "
        .. "level 1; missing for level {current}: {missing:features}",
      sv = "den angivna mognadsnivån är {current} ({current:levels}), men funktionerna når inte ens "
        .. "nivå 1; för nivå {current} saknas: {missing:features}",
    },
    understated = {
      en = "declared maturity level {current} ({current:levels}) but the features already reach level "
        .. "{reached} ({reached:levels})",
      sv = "den angivna mognadsnivån är {current} ({current:levels}), men funktionerna når redan nivå "
        .. "{reached} ({reached:levels})",
    },
    one_way_answers_nobody = {
      en = "declared maturity level 1 (one-way) but users can react or write ({features:features}) "
        .. "and nobody replies: level 1 offers no reactions, comments or sharing",
      sv = "den angivna mognadsnivån är 1 (envägskommunikation), men användarna kan reagera eller "
        .. "skriva ({features:features}) och ingen svarar: nivå 1 har inga reaktioner, kommentarer "
        .. "eller delningar",
    },
  },
  check = function(doc, report)
    local m = sk.sm_maturity(doc)
    local reached = sk.maturity_level(m.features)
    local current = m.current
    local path = { "maturity", "current" }
    if current == nil then
      if type(doc.maturity) ~= "table" then
        report { path = path, message = "no_maturity" }
      else
        report { path = path, message = reached > 0 and "not_declared" or "not_declared_none",
                 data = { reached = reached } }
      end
      return
    end
    if current > reached then
      report { path = path, message = reached > 0 and "overstated" or "overstated_none",
               data = { current = current, reached = reached,
                        missing = sk.missing_features(m.features, current) } }
    elseif current < reached then
      report { path = path, message = "understated", data = { current = current, reached = reached } }
    elseif current == 1 then
      local have = sk.set(m.features)
      if not have.replies then
        local interactive = {}
        for _, f in ipairs(sk.SM_REACT_FEATURES) do
          if have[f] then interactive[#interactive + 1] = f end
        end
        if #interactive > 0 then
          report { path = path, message = "one_way_answers_nobody", data = { features = interactive } }
        end
      end
    end
  end,
}
