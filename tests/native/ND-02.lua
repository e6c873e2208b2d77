-- ND-02: a differential test, not a rule. sk's text helpers run in C
-- (engine/native_text.c), their one implementation; this file keeps the Lua
-- code they replaced as the reference and checks, on tricky texts (ÅÄÖ, ẞ,
-- Σ and ς, Cyrillic, invalid UTF-8, an embedded NUL, the empty text), on
-- pseudo-random byte strings and on every text of each document it is
-- given, that both answer alike: the same results, or the same error (its
-- message without the place it was raised at, which is sk.lua's for the Lua
-- code and the caller's for the C code).
-- Run by tests/cli/native.sh; a difference is reported as an error finding.

local WORD_RANGES = {
  { 0x30, 0x39 }, { 0x41, 0x5A }, { 0x61, 0x7A }, { 0xAA, 0xAA }, { 0xB2, 0xB3 },
  { 0xB5, 0xB5 }, { 0xB9, 0xBA }, { 0xC0, 0xD6 }, { 0xD8, 0xF6 }, { 0xF8, 0x2C1 },
  { 0x2C6, 0x2D1 }, { 0x2E0, 0x2E4 }, { 0x300, 0x374 }, { 0x376, 0x37D },
  { 0x37F, 0x37F }, { 0x386, 0x386 }, { 0x388, 0x3F5 }, { 0x3F7, 0x481 },
  { 0x483, 0x52F }, { 0x531, 0x1FFF }, { 0x2070, 0x2079 }, { 0x207F, 0x2089 },
  { 0x2C00, 0x2DFF }, { 0x3040, 0xD7FF }, { 0xF900, 0xFDFF }, { 0xFE70, 0xFEFF },
  { 0xFF10, 0xFF19 }, { 0xFF21, 0xFF3A }, { 0xFF41, 0xFF5A }, { 0xFF66, 0xFFDC },
  { 0x10000, 0x1EFFF }, { 0x20000, 0x3FFFF },
}

local function is_word_code(c)
  local lo, hi = 1, #WORD_RANGES
  while lo <= hi do
    local mid = (lo + hi) // 2
    local r = WORD_RANGES[mid]
    if c < r[1] then hi = mid - 1
    elseif c > r[2] then lo = mid + 1
    else return true end
  end
  return false
end

local FOLD_SINGLE = {
  [0xB5] = 0x3BC, [0x130] = 0x69, [0x178] = 0xFF, [0x17F] = 0x73, [0x1E9E] = 0xDF,
  [0x3C2] = 0x3C3, [0x386] = 0x3AC, [0x388] = 0x3AD, [0x389] = 0x3AE, [0x38A] = 0x3AF,
  [0x38C] = 0x3CC, [0x38E] = 0x3CD, [0x38F] = 0x3CE,
}
local FOLD_RANGES = {
  { 0x41, 0x5A, 32 }, { 0xC0, 0xD6, 32 }, { 0xD8, 0xDE, 32 },
  { 0x100, 0x12F, "pair" }, { 0x132, 0x137, "pair" }, { 0x139, 0x148, "pair1" },
  { 0x14A, 0x177, "pair" }, { 0x179, 0x17E, "pair1" },
  { 0x391, 0x3A1, 32 }, { 0x3A3, 0x3AB, 32 },
  { 0x400, 0x40F, 80 }, { 0x410, 0x42F, 32 }, { 0x460, 0x481, "pair" }, { 0x48A, 0x4BF, "pair" },
  { 0x4D0, 0x52F, "pair" }, { 0x1E00, 0x1E95, "pair" }, { 0x1EA0, 0x1EFF, "pair" },
}

local function fold_code(c)
  if c < 0x41 or (c > 0x5A and c < 0xB5) then return c end
  local single = FOLD_SINGLE[c]
  if single then return single end
  for _, r in ipairs(FOLD_RANGES) do
    if c >= r[1] and c <= r[2] then
      local how = r[3]
      if how == "pair" then return c % 2 == 0 and c + 1 or c end
      if how == "pair1" then return c % 2 == 1 and c + 1 or c end
      return c + how
    end
  end
  return c
end

local function fold(s)
  s = tostring(s)
  if not s:find("[\128-\255]") then return (s:lower()) end
  local out = {}
  for _, c in utf8.codes(s) do out[#out + 1] = utf8.char(fold_code(c)) end
  return table.concat(out)
end

local function words(s)
  local words = {}
  if type(s) ~= "string" then return words end
  if not s:find("[\128-\255]") then
    for w in s:gmatch("%w+") do words[#words + 1] = w:lower() end
    return words
  end
  local word = {}
  for _, c in utf8.codes(s) do
    if is_word_code(c) then
      word[#word + 1] = utf8.char(fold_code(c))
    elseif #word > 0 then
      words[#words + 1] = table.concat(word)
      word = {}
    end
  end
  if #word > 0 then words[#words + 1] = table.concat(word) end
  return words
end

local function two_way(name, stems)
  local folded = {}
  for _, stem in sk.each(stems or sk.TWO_WAY_STEMS) do
    if sk.present(stem) then folded[#folded + 1] = fold(stem) end
  end
  for _, w in ipairs(words(name)) do
    for _, stem in ipairs(folded) do
      if w:sub(1, #stem) == stem then return true end
    end
  end
  return false
end

local function channel_survey(names, stems)
  local two, seen, channels = false, {}, {}
  for _, c in ipairs(names) do
    if type(c) == "string" and sk.present(c) then
      if not two and two_way(c, stems) then two = true end
      local key = fold(c)
      if not seen[key] then seen[key] = true; channels[#channels + 1] = c end
    end
  end
  return two, channels
end

local function trim(s)
  return (tostring(s):match("^%s*(.-)%s*$"))
end

local function name_key(s)
  return fold(tostring(s):match("^%s*(.-)%s*$"))
end

-- What a call gives, as text: its results, or its error without the place.
local function ser(v)
  if type(v) ~= "table" then return type(v) .. ":" .. tostring(v) end
  local out = {}
  for i = 1, #v do out[i] = ser(v[i]) end
  return "{" .. table.concat(out, ",") .. "}"
end
local function outcome(f, ...)
  local r = table.pack(pcall(f, ...))
  if not r[1] then return "error:" .. tostring(r[2]):gsub("^[^:]*:%d+: ", "") end
  local out = {}
  for i = 2, r.n do out[#out + 1] = ser(r[i]) end
  return table.concat(out, "|")
end

local samples = {
  "", " ", "  \t\n ", "x", "ABC def", "ÅÄÖ åäö", "Åsa Öberg", "ÆØÅ æøå", "É È Á Ü",
  "Straße STRASSE ẞ ß", "ΣΊΣΥΦΟΣ σίσυφος ς", "ΆΈΉΊΌΎΏ", "Москва ЖЁЛТЫЙ Ѐ Ѝ", "Ѡѡ Ѹ Ӑ Ԯԯ",
  "İstanbul ſ µ Ÿ", "Łódź ŁÓDŹ Ĳ Ŋ Ž ž Ĺ ĺ", "Ḁ ẞ Ạ Ỿ ỿ", "APT-möte", "Fysiska, mindre möten",
  "dialogmöten", "ledningsmejl", "ledningsmöte", "intranät", "utbildningar", "Frågestund (digital)",
  "NÄTVERKSTRÄFF/Temadag", "x\0y", "\0", "apt\0möte", "a\128b", "\128abc", "é\128\128x",
  "\xC3", "ab\xC3", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC0\x80", "\xF8\x88\x80\x80\x80",
  "\xFE\x80", "\xFF", "ok \xC3(", "日本語 テキスト", "emoji 😀 x", "a–b—c", "x²³ ¹ ª º",
  "ǅ ǈ ǋ", "Ǆ", "٣ ١٢", "１２ＡＢ ｶﾀｶﾅ", 12, 2.5, true, false,
  " Oro och ÅNGEST ", "oro och ångest", "\t1177 Vårdguiden\n", "Stöd och behandling",
}

-- Pseudo-random byte strings over bytes that make UTF-8 hard: the same on
-- every run.
local BYTES = { 0x00, 0x20, 0x41, 0x5A, 0x61, 0x2D, 0x80, 0x84, 0xBF, 0xC2, 0xC3, 0xC5,
  0xCE, 0xD0, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xF8, 0xFF, 0x96, 0xA3, 0x9E }
local seed = 12345
local function rnd(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n + 1
end
for _ = 1, 400 do
  local b = {}
  for j = 1, rnd(8) do b[j] = string.char(BYTES[rnd(#BYTES)]) end
  samples[#samples + 1] = table.concat(b)
end

local STEM_LISTS = {
  false, {}, { "apt", "MÖTE" }, { " ", "", "Dialog" }, { "ΣΊ", "москва", 12 },
  { "x\0" }, { "\xC3" }, setmetatable({}, { __len = function() return 2 end,
    __index = function(_, k) return k == 1 and "ÅSA" or "st" end }),
}

-- Every text of a document (a map or list, nested), at most n.
local function texts(v, out, depth)
  if type(v) == "string" then out[#out + 1] = v
  elseif type(v) == "table" and depth < 6 then
    for _, x in pairs(v) do texts(x, out, depth + 1) end
  end
  return out
end

return {
  id = "ND-02", severity = "error", applies_to = "unit-onboarding",
  title = "sk's native text helpers answer as the Lua they replaced",
  explain = "A test of the engine, see the first lines.",
  check = function(doc, report)
    local bad = {}
    local function cmp(what, a, b)
      if a ~= b then bad[#bad + 1] = what .. ": " .. a .. " ~= " .. b end
    end
    local all = {}
    for _, s in ipairs(samples) do all[#all + 1] = s end
    local from_doc = texts(doc, {}, 0)
    table.sort(from_doc)
    for _, s in ipairs(from_doc) do all[#all + 1] = s end
    all[#all + 1] = doc
    for i, s in ipairs(all) do
      local what = " " .. i .. " " .. ser(s)
      cmp("fold" .. what, outcome(fold, s), outcome(sk.fold, s))
      cmp("words" .. what, outcome(words, s), outcome(sk.words, s))
      if type(s) ~= "string" or #s < 120 then -- long texts are left to the other cases (the budget is shared by the whole test rule)
        cmp("name_key" .. what, outcome(name_key, s), outcome(sk.name_key, s))
        cmp("trim" .. what, outcome(trim, s), outcome(sk.trim, s))
      end
      local stems = STEM_LISTS[i % #STEM_LISTS + 1]
      cmp("two_way" .. what, outcome(two_way, s, stems), outcome(sk.two_way, s, stems))
      cmp("two_way default" .. what, outcome(two_way, s), outcome(sk.two_way, s))
    end
    for k = 1, #all, 5 do
      local names = { all[k], all[k + 1], all[k + 2], all[k + 3], all[k + 4] }
      local stems = STEM_LISTS[k % #STEM_LISTS + 1]
      cmp("channel_survey " .. k, outcome(channel_survey, names, stems), outcome(sk.channel_survey, names, stems))
    end
    cmp("channel_survey view", outcome(channel_survey, doc.programs or {}),
        outcome(sk.channel_survey, doc.programs or {}))
    if #bad > 0 then report { message = table.concat(bad, "\n", 1, math.min(#bad, 20)) } end
    report { severity = "info", message = "compared " .. #all .. " texts" }
  end,
}
