-- SM-14: replies are signed with full name and title (seed 002 slide 5).
return {
  id = "SM-14",
  severity = "warning",
  applies_to = "social-media-strategy",
  title = {
    en = "Replies are signed with full name and title",
    sv = "Svar undertecknas med fullständigt namn och titel",
  },
  explain = {
    en = [[
Seed 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") slide 5, "Tone-of-voice": "Sproget er i øjenhøjde med
modtagerne ... Alle kommentarer afsluttes med fulde navn og titel for at
vise den personlige side." A signed reply shows a person behind the
hospital's page, makes the answer accountable, and lets the reader see
whether a nurse, a doctor or the communication department answered.
Fix: set `tone_of_voice.sign_with_name_and_title: true` and make it the
practice of everyone who answers on the hospital's behalf.]],
    sv = [[
Underlag 002 (Regionshospitalet Randers, "Strategi for sociale medier
2014-2015") bild 5, "Tone-of-voice": "Sproget er i øjenhøjde med
modtagerne ... Alle kommentarer afsluttes med fulde navn og titel for at
vise den personlige side." Ett undertecknat svar visar att det finns en
människa bakom sjukhusets sida, gör någon ansvarig för svaret och låter
läsaren se om det var en sjuksköterska, en läkare eller
kommunikationsavdelningen som svarade.
Åtgärd: sätt `tone_of_voice.sign_with_name_and_title: true` och gör det
till praxis för alla som svarar för sjukhusets räkning.]],
  },
  messages = {
    no_tone = {
      en = "the strategy has no tone of voice, so replies are not said to be signed: every reply should end with full name and title (fulde navn og titel)",
      sv = "strategin beskriver ingen tonalitet (tone_of_voice), så det står inte att svaren undertecknas: varje "
        .. "svar ska avslutas med fullständigt namn och titel",
    },
    not_signed = {
      en = "replies are not signed (sign_with_name_and_title is false): every reply should end with full name and title (fulde navn og titel)",
      sv = "svaren undertecknas inte (sign_with_name_and_title är false): varje svar ska avslutas med fullständigt namn och titel",
    },
    not_said = {
      en = "the tone of voice does not say that replies are signed (no sign_with_name_and_title): every reply "
        .. "should end with full name and title (fulde navn og titel)",
      sv = "tonaliteten säger inte att svaren undertecknas (sign_with_name_and_title saknas): varje svar ska avslutas med fullständigt namn och titel",
    },
  },
  check = function(doc, report)
    local tone = doc.tone_of_voice
    local sign = tone and tone.sign_with_name_and_title
    if sign == true then return end
    local message
    if tone == nil then
      message = "no_tone"
    elseif sign == false then
      message = "not_signed"
    else
      message = "not_said"
    end
    report { path = { "tone_of_voice", "sign_with_name_and_title" }, message = message }
  end,
}
