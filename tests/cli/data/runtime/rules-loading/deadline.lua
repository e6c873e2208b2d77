-- A plugin whose top-level chunk is slow C work the budget does not charge
-- (a 256 KB utf8.len): the 2 000 ms deadline stops it while it is loaded.
local text = ("x"):rep(1 << 18)
local n = 0
while true do n = n + utf8.len(text) end
