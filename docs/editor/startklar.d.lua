---@meta startklar
-- startklar.d.lua: type annotations for the Lua language server (LuaLS,
-- sumneko) describing what a startklar rule sees: the rule table, `doc`,
-- `report`, `ctx` and the read-only helper library `sk` (engine/lua/sk.lua).
-- It is never run; add this folder to `workspace.library` (see
-- docs/writing-rules.md, "Editor setup"). The contract is docs/rule-api.md.

---A rule plugin returns one rule table or a list of them.
---@class startklar.Rule
---@field id string                    # unique id: [A-Z][A-Z0-9]{1,7}-[0-9]{2,4}, e.g. "GOT-01"
---@field severity "error"|"warning"|"info"
---@field applies_to "communication-plan"|"unit-onboarding"|"social-media-strategy"|"unit"
---@field title startklar.Text          # one line, shown in every report
---@field explain? startklar.Text       # why it matters and how to fix it (`startklar rules explain ID`)
---@field fix? startklar.Text           # an example of the fix
---@field messages? table<string, startklar.Text> # message id -> template with {name} / {name:format} placeholders
---@field params? table<string, number|string|boolean|(string|number)[]> # defaults; a profile may override each
---@field check fun(doc: startklar.Doc|startklar.Unit, report: fun(finding: startklar.Finding), ctx: startklar.Ctx)

---One finding, given to `report`.
---@class startklar.Finding
---@field path (string|integer)[]      # keys and 1-based indexes from the document root
---@field message string               # required: a key of the rule's messages, or a plain text
---@field data? table<string, string|number|boolean|string[]> # the values of the message's placeholders
---@field severity? "error"|"warning"|"info" # lowers this one finding
---@field owner? string                # who is to act (the HTML page's to-do view); default: the nearest
---                                     # `owner` on the path, else the unit's team.manager

---A text in the languages the rule declares (`{ en = "...", sv = "..." }`;
---built-in rules declare both), or one plain string shown in every language.
---Placeholders: `{name}` shows data.name; `{name:date}`, `{name:number}`,
---`{name:percent}`, `{name:days}`, `{name:list}` and `{name:VOCABULARY}`
---(roles, phases, features, levels, steps, ...: docs/writing-rules.md)
---show it in the report's language.
---@alias startklar.Text string|{en?: string, sv?: string, [string]: string}

---The run's context.
---@class startklar.Ctx
---@field as_of string                 # the run's date "YYYY-MM-DD" (never the clock)
---@field params table<string, any>    # the rule's parameters after the profile
---@field unit startklar.Unit          # the whole unit the document belongs to
---@field days fun(a: string, b: string): integer|nil # days from date a to date b

---A document as read-only Lua values: maps are tables, lists sequences,
---dates "YYYY-MM-DD" strings, null is nil. Writing to it raises an error.
---Keys follow docs/format.md (`startklar init KIND` prints every one); keys that
---begin with x_ are the region's own.
---@class startklar.Doc
---@field kind string
---@field version integer
---@field unit? {name?: string, hsa_id?: string, care_provider?: string}
---@field [string] any

---The unit, for rules with applies_to = "unit" (and ctx.unit).
---@class startklar.Unit
---@field hsa_id string
---@field name? string
---@field documents table<string, startklar.Doc[]> # by kind
---@field unread string[] # its files that could not be loaded (the unit is not judged in full)

---@alias startklar.Path (string|integer)[]

---The helper library every rule sees as the read-only global `sk`.
---@class startklar.sk
sk = {}

-- dates ------------------------------------------------------------------

---True when s is a "YYYY-MM-DD" string.
---@param s any
---@return boolean
function sk.is_date(s) end

---Days from date a to date b (negative when b is earlier); nil if either is not a date.
---@param a string
---@param b string
---@return integer|nil
function sk.days(a, b) end

---The date n days after d (n may be negative); nil if d is not a date.
---@param d string
---@param n integer
---@return string|nil
function sk.add_days(d, n) end

-- values -----------------------------------------------------------------

---True when v holds something: not nil, not false, not a blank string, not an empty table.
---@param v any
---@return boolean
function sk.present(v) end

---Iterates a list that may be absent, skipping null items: `for i, x in sk.each(doc.staff) do`.
---@generic T
---@param list T[]|nil
---@return fun(): integer, T
function sk.each(list) end

---Number of items in a list that may be absent.
---@param list any[]|nil
---@return integer
function sk.count(list) end

---A set (value -> true) of a list that may be absent.
---@param list any[]|nil
---@return table<any, boolean>
function sk.set(list) end

---The items joined with sep (default ", "), each through tostring.
---@param list any[]|nil
---@param sep? string
---@return string
function sk.join(list, sep) end

---Lower-case s, including å, ä, ö, æ, ø.
---@param s string
---@return string
function sk.lower(s) end

---s (through tostring) without leading and trailing blanks, as s:match("^%s*(.-)%s*$")
---gives it, but charged by the byte rather than as that pattern (n^3/6 steps).
---@param s any
---@return string
function sk.trim(s) end

---True when a and b are equal ignoring case and surrounding blanks.
---@param a any
---@param b any
---@return boolean
function sk.same_text(a, b) end

---The key a name is compared by: trimmed and case-folded (sk.fold), so " Oro och ÅNGEST"
---and "oro och ångest" are one program (ON-20, ON-21).
---@param s any
---@return string
function sk.name_key(s) end

---True when n is a finite number.
---@param n any
---@return boolean
function sk.finite(n) end

-- vocabularies of the seeds -----------------------------------------------

---The four phases of the communication plan, in order.
---@type string[]
sk.PHASES = {}

---The four mandatory roles of seed 004.
---@type string[]
sk.ROLES = {}

---The connection steps in order, each a list of `connection` keys.
---@type string[][]
sk.CONNECTION_STEPS = {}

---Maturity levels of seed 003: the features each level adds.
---@type string[][]
sk.MATURITY_LEVELS = {}

---The highest maturity level whose features (and those below) are all present.
---@param features string[]|nil
---@return integer
function sk.maturity_level(features) end

---The features missing from `features` to reach `level`, in scale order.
---@param features string[]|nil
---@param level integer
---@return string[]
function sk.missing_features(features, level) end

-- walking documents ---------------------------------------------------------

---Every activity of a plan, phase by phase: `for act, path, phase in sk.activities(doc) do`.
---@param plan startklar.Doc
---@return fun(): table, startklar.Path, string
function sk.activities(plan) end

---A path extended by more keys (a new table): sk.sub(path, "owner").
---@param path startklar.Path
---@param ... string|integer
---@return startklar.Path
function sk.sub(path, ...) end

---The documents of one kind in a unit (an empty list when it has none).
---@param unit startklar.Unit
---@param kind string
---@return startklar.Doc[]
function sk.documents(unit, kind) end

-- communication plan helpers ---------------------------------------------------

---How a message names an activity found by sk.activities, as data for
---"activity {activity} in phase {phase:phases}": "'a3'" or "#2", and the phase's key.
---@param act table|nil
---@param path startklar.Path
---@return string activity
---@return string phase
function sk.activity_ref(act, path) end

---How a message names a plan item: its id, else its name, else "#i".
---@param item table|nil
---@param index integer
---@return string
function sk.plan_label(item, index) end

---An activity's status; none counts as "planned".
---@param act table|nil
---@return string
function sk.plan_status(act) end

---The target groups of a plan by id: id -> {group, index, path}.
---@param plan startklar.Doc
---@return table<string, {group: table, index: integer, path: startklar.Path}>
function sk.plan_groups(plan) end

---Which activities reach each target group: id -> list of {act, path, phase}.
---@param plan startklar.Doc
---@return table<string, {act: table, path: startklar.Path, phase: string}[]>
function sk.plan_reach(plan) end

-- onboarding helpers ------------------------------------------------------------

---The four areas of the risk analysis, in order.
---@type string[]
sk.RISK_AREAS = {}

---The connection step (1-5) a `connection` key belongs to, or nil.
---@param key string
---@return integer|nil
function sk.connection_step(key) end

-- social media helpers -------------------------------------------------------------

---The features through which users can write to the hospital.
---@type string[]
sk.SM_WRITE_FEATURES = {}

---The features through which users can write or react (SM-08: level 1 has none of them).
---@type string[]
sk.SM_REACT_FEATURES = {}

---A strategy's `maturity` map, or an empty table.
---@param doc startklar.Doc
---@return table
function sk.sm_maturity(doc) end

---The features of a strategy through which users can write (comments, user_posts, reviews,
---direct_messages: those it has, in that order).
---@param doc startklar.Doc
---@return string[]
function sk.sm_writes(doc) end

---The level a strategy is at or aims for: the higher of `m.current` and `m.target` (only one
---given: that one), nil when neither is; the second result is true when the target is higher.
---@param m table
---@return integer|nil level
---@return boolean aims
function sk.sm_top_level(m) end

---How a message names a staff member, as data: the name, else "'s1'", else "#2".
---@param member table|nil
---@param index integer
---@return string
function sk.staff_ref(member, index) end

---Why a date recorded as done does not count as done before launch, as data:
---nil when it is before launch and not after today, else a key ("launch_day",
---"after_launch", "after_today", "launch_day_after_today",
---"after_launch_after_today") a rule names its messages after, and the days after launch.
---@param date string
---@param launch string|nil
---@param today string|nil
---@return string|nil why
---@return integer|nil days
function sk.done_when(date, launch, today) end

---How a message names a measure, as data: its metric, else "#2".
---@param m table|nil
---@param j integer
---@return string
function sk.sm_measure_ref(m, j) end

---How a message names a purpose.
---@param p table|nil
---@param i integer
---@return string
function sk.sm_purpose(p, i) end

---How a message names a platform.
---@param p table|nil
---@param i integer
---@return string
function sk.sm_platform(p, i) end

-- words and two-way channels (CP-11, CP-19) ----------------------------------

---The stems that make a channel two-way: apt, dialog, möte, fysisk, workshop, seminari, temadag, nätverksträff, utbildning, frågestund.
---@type string[]
sk.TWO_WAY_STEMS = {}

---The case fold of a text (Unicode simple folding of Latin, Greek and Cyrillic letters: Å = å).
---@param s any
---@return string
function sk.fold(s) end

---The case-folded words of a text, split at every character that is not a letter or a digit.
---@param s string|nil
---@return string[]
function sk.words(s) end

---True when a word of `name` begins, ignoring case, with one of `stems` (default sk.TWO_WAY_STEMS).
---@param name string
---@param stems? string[]
---@return boolean
function sk.two_way(name, stems) end

---Of a list of channel names (blank ones skipped): whether one is two-way (sk.two_way), and the
---distinct ones, ignoring case, in order.
---@param names any[]
---@param stems? string[]
---@return boolean two_way
---@return string[] channels
function sk.channel_survey(names, stems) end
