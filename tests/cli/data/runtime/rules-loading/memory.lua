-- A plugin whose top-level chunk keeps more than the 32 MB a call may have.
local t = {}
for i = 1, 60000 do t[i] = ("x"):rep(1000) .. i end
