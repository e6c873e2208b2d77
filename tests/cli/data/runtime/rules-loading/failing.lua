-- A plugin whose top-level chunk raises a Lua error.
local x = nil
return x.y
