-- UN-02: the unit's HSA-id is well formed: SE, the care provider's 10-digit
-- organisation number, a dash, 1-18 letters or digits (seed 004).
local sk, type, ipairs = sk, type, ipairs

-- The document kinds whose HSA-id is Swedish and places the unit; a
-- social-media strategy may carry another country's id.
local KINDS = { "communication-plan", "unit-onboarding" }

local MAX_SUFFIX = 18 -- so at most 2 + 10 + 1 + 18 = 31 characters

-- Why id is not a well-formed HSA-id: a message key and its data, or nil.
local function problem(id)
  if id:sub(1, 2) ~= "SE" then return "no_se", { id = id } end
  local digits = id:match("^SE([0-9]*)")
  if #digits ~= 10 then return "org_number", { id = id, digits = #digits } end
  if id:sub(13, 13) ~= "-" then return "no_dash", { id = id } end
  local suffix = id:sub(14)
  if suffix == "" then return "no_suffix", { id = id } end
  if suffix:find("[^A-Za-z0-9]") then return "suffix_chars", { id = id } end
  if #suffix > MAX_SUFFIX then return "too_long", { id = id, length = #id } end
  return nil
end

return {
  id = "UN-02",
  severity = "error",
  applies_to = "unit",
  title = {
    en = "The unit's HSA-id is well formed",
    sv = "Enhetens HSA-id är korrekt uppbyggt",
  },
  explain = {
    en = [[
Seed 004 (Införandeguiden, "Anslut enheten till Stöd och behandling", step
1): "Kontrollera att enhetens HSA-id matchar." A care unit's HSA-id is `SE`,
the care provider's 10-digit organisation number, a dash and a suffix of 1
to 18 letters or digits, at most 31 characters in all: Region
Västerbotten's units are SE2321000222-..., Region Gotland's
SE2120000803-.... startklar joins a unit's documents by HSA-id, so a
malformed one (`2321000222V001`, `se2321000222-V001`) silently splits a
unit: its communication plan and its onboarding checklist are judged
apart, and UN-01 never compares them. Judged on communication-plan and
unit-onboarding documents; a social-media strategy may carry another
country's id. `SE` must be in capitals and the suffix is ASCII letters and
digits only.
Fix: copy the unit's HSA-id from the HSA catalogue into `unit.hsa_id` of
every document of the unit, e.g. `hsa_id: SE2321000222-V001`.]],
    sv = [[
Underlag 004 (Införandeguiden, "Anslut enheten till Stöd och behandling",
steg 1): "Kontrollera att enhetens HSA-id matchar." En vårdenhets HSA-id
består av `SE`, vårdgivarens tiosiffriga organisationsnummer, ett
bindestreck och ett suffix på 1–18 bokstäver eller siffror, högst 31
tecken totalt: Region Västerbottens enheter har SE2321000222-…, Region
Gotlands SE2120000803-…. startklar för samman en enhets dokument genom
HSA-id, så ett felaktigt id (`2321000222V001`, `se2321000222-V001`) delar
tyst upp enheten: kommunikationsplanen och checklistan för införandet
bedöms var för sig, och UN-01 jämför dem aldrig. Bedöms i
kommunikationsplaner och checklistor för införande; en strategi för
sociala medier kan ha ett annat lands id. `SE` ska skrivas med versaler och
suffixet får bara innehålla bokstäverna A–Z och siffror.
Åtgärd: hämta enhetens HSA-id ur HSA-katalogen och för in det i
`unit.hsa_id` i alla enhetens dokument, till exempel
`hsa_id: SE2321000222-V001`.]],
  },
  messages = {
    no_se = {
      en = "the HSA-id '{id}' does not begin with SE in capitals (e.g. SE2321000222-V001)",
      sv = "HSA-id:t '{id}' börjar inte med SE i versaler (till exempel SE2321000222-V001)",
    },
    org_number = {
      en = "the HSA-id '{id}' has {digits} digits after SE where the care provider's organisation "
        .. "number has 10 (e.g. SE2321000222-V001)",
      sv = "HSA-id:t '{id}' har {digits} siffror efter SE, men vårdgivarens organisationsnummer har "
        .. "10 (till exempel SE2321000222-V001)",
    },
    no_dash = {
      en = "the HSA-id '{id}' has no dash after the organisation number (e.g. SE2321000222-V001)",
      sv = "HSA-id:t '{id}' saknar bindestreck efter organisationsnumret (till exempel SE2321000222-V001)",
    },
    no_suffix = {
      en = "the HSA-id '{id}' ends at the dash: the unit's own letters or digits are missing",
      sv = "HSA-id:t '{id}' slutar vid bindestrecket: enhetens egna bokstäver eller siffror saknas",
    },
    suffix_chars = {
      en = "the HSA-id '{id}' has characters other than the letters A-Z and digits after the dash",
      sv = "HSA-id:t '{id}' har andra tecken än bokstäverna A–Z och siffror efter bindestrecket",
    },
    too_long = {
      en = "the HSA-id '{id}' has {length} characters: an HSA-id has at most 31",
      sv = "HSA-id:t '{id}' har {length} tecken: ett HSA-id har högst 31",
    },
  },
  check = function(unit, report)
    -- the documents of a unit mostly carry one id: judged once (report{}
    -- copies its data, so a finding's data may serve twice)
    local last_id, last_why, last_data
    for _, kind in ipairs(KINDS) do
      for k, doc in ipairs(sk.documents(unit, kind)) do
        local id = type(doc.unit) == "table" and doc.unit.hsa_id or nil
        if type(id) == "string" then
          if id ~= last_id then last_id, last_why, last_data = id, problem(id) end
          local why, data = last_why, last_data
          if why then
            report { path = { "documents", kind, k, "unit", "hsa_id" }, message = why, data = data }
          end
        end
      end
    end
  end,
}
