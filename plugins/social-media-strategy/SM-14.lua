-- SM-14: replies are signed with full name and title (seed 002 slide 5).
return {
  id = "SM-14",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = "Replies are signed with full name and title",
  explain = [[
Seed 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") slide 5, "Tone-of-voice": "Sproget er i øjenhøjde med
modtagerne ... Alle kommentarer afsluttes med fulde navn og titel for at
vise den personlige side." A signed reply shows a person behind the
hospital's page, makes the answer accountable, and lets the reader see
whether a nurse, a doctor or the communication department answered.
Fix: set `tone_of_voice.sign_with_name_and_title: true` and make it the
practice of everyone who answers on the hospital's behalf.]],
  check = function(doc, report)
    local tone = doc.tone_of_voice
    local sign = tone and tone.sign_with_name_and_title
    if sign == true then return end
    local why
    if tone == nil then
      why = "the strategy has no tone of voice, so replies are not said to be signed"
    elseif sign == false then
      why = "replies are not signed (sign_with_name_and_title is false)"
    else
      why = "the tone of voice does not say that replies are signed (no sign_with_name_and_title)"
    end
    report {
      path = { "tone_of_voice", "sign_with_name_and_title" },
      message = why .. ": every reply should end with full name and title (fulde navn og titel)",
    }
  end,
}
