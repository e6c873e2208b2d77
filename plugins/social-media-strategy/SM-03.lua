-- SM-03: every platform has an owner and a backup owner for absence
-- (seed 002 slide 9).
return {
  id = "SM-03",
  severity = "error",
  applies_to = "social-media-strategy",
  title = "Every platform has an owner and a backup owner",
  explain = [[
Seed 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") slide 9, "Intern organisering, opgave- og ansvarsfordeling":
"Hospitalets Facebook-ansvarlige varetager overvågningen af hospitalets
Facebook-side", and "Kommunikationsrådgiver og Kommunikationschef
overtager overvågningen af sociale medier, når den Facebook-ansvarlige er
fraværende". A page that nobody owns is not monitored; a page whose owner
is on holiday with no stand-in leaves citizens' questions, and a crisis,
unanswered. A backup who is the owner is no backup.
Fix: give each platform an `owner` and a `backup_owner` who is another
person or role.]],
  check = function(doc, report)
    for i, p in sk.each(doc.platforms) do
      local no_owner = not sk.present(p.owner)
      local no_backup = not sk.present(p.backup_owner)
      local what
      if no_owner and no_backup then
        what = "has no owner (ansvarlig) and no backup owner for absence"
      elseif no_owner then
        what = "has a backup owner (" .. p.backup_owner .. ") but no owner (ansvarlig)"
      elseif no_backup then
        what = "has no backup owner to take over when " .. p.owner .. " is absent (fraværende)"
      elseif sk.same_text(p.owner, p.backup_owner) then
        what = "names " .. p.owner .. " as both owner and backup owner, so nobody takes over in absence"
      end
      if what then
        report { path = { "platforms", i }, message = "platform " .. sk.sm_platform(p, i) .. " " .. what }
      end
    end
  end,
}
