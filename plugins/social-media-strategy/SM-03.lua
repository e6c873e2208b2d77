-- SM-03: every platform has an owner and a backup owner for absence
-- (seed 002 slide 9).
local sk, tostring = sk, tostring

return {
  id = "SM-03",
  severity = "error",
  applies_to = "social-media-strategy",
  title = {
    en = "Every platform has an owner and a backup owner",
    sv = "Varje plattform har en ansvarig och en ersättare",
  },
  explain = {
    en = [[
Seed 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") slide 9, "Intern organisering, opgave- og ansvarsfordeling":
"Hospitalets Facebook-ansvarlige varetager overvågningen af hospitalets
Facebook-side", and "Kommunikationsrådgiver og Kommunikationschef
overtager overvågningen af sociale medier, når den Facebook-ansvarlige er
fraværende". A page that nobody owns is not monitored; a page whose owner
is on holiday with no stand-in leaves citizens' questions, and a crisis,
unanswered. A backup who is the owner is no backup, and a strategy that
names no platform at all leaves every page it runs without an owner.
Fix: list the platforms in `platforms` and give each an `owner` and a
`backup_owner` who is another person or role.]],
    sv = [[
Underlag 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") bild 9, "Intern organisering, opgave- og ansvarsfordeling":
"Hospitalets Facebook-ansvarlige varetager overvågningen af hospitalets
Facebook-side", och "Kommunikationsrådgiver og Kommunikationschef
overtager overvågningen af sociale medier, når den Facebook-ansvarlige er
fraværende". En sida som ingen ansvarar för bevakas inte; en sida vars
ansvarige har semester utan ersättare lämnar invånarnas frågor, och en
kris, obesvarade. En ersättare som är samma som den ansvarige är ingen
ersättare, och en strategi som inte anger någon plattform alls lämnar
varje sida den driver utan ansvarig.
Åtgärd: räkna upp plattformarna i `platforms` och ge var och en en
ansvarig i `owner` och en ersättare i `backup_owner` som är en annan
person eller roll.]],
  },
  messages = {
    no_platforms = {
      en = "the strategy names no platform (Platform og målgrupper), so no owner (ansvarlig) and no backup owner can be checked",
      sv = "strategin anger ingen plattform (Platform og målgrupper), så ingen ansvarig och ingen ersättare kan kontrolleras",
    },
    none = {
      en = "platform {platform} has no owner (ansvarlig) and no backup owner for absence",
      sv = "plattformen {platform} har varken en ansvarig eller en ersättare vid frånvaro",
    },
    no_owner = {
      en = "platform {platform} has a backup owner ({backup}) but no owner (ansvarlig)",
      sv = "plattformen {platform} har en ersättare ({backup}) men ingen ansvarig",
    },
    no_backup = {
      en = "platform {platform} has no backup owner to take over when {owner} is absent (fraværende)",
      sv = "plattformen {platform} har ingen ersättare som tar över när {owner} är frånvarande",
    },
    same = {
      en = "platform {platform} names {owner} as both owner and backup owner, so nobody takes over in absence",
      sv = "plattformen {platform} anger {owner} som både ansvarig och ersättare, så ingen tar över vid frånvaro",
    },
  },
  check = function(doc, report)
    if sk.count(doc.platforms) == 0 then
      report { path = { "platforms" }, message = "no_platforms" }
      return
    end
    for i, p in sk.each(doc.platforms) do
      local no_owner = not sk.present(p.owner)
      local no_backup = not sk.present(p.backup_owner)
      local message
      if no_owner and no_backup then
        message = "none"
      elseif no_owner then
        message = "no_owner"
      elseif no_backup then
        message = "no_backup"
      elseif sk.name_key(p.owner) == sk.name_key(p.backup_owner) then
        message = "same"
      end
      if message then
        report { path = { "platforms", i }, message = message,
                 data = { platform = sk.sm_platform(p, i), owner = not no_owner and tostring(p.owner) or nil,
                          backup = not no_backup and tostring(p.backup_owner) or nil } }
      end
    end
  end,
}
