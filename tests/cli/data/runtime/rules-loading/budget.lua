-- A plugin whose top-level chunk never ends: stopped by the instruction
-- budget while it is loaded.
while true do end
