-- .luacheckrc: lint settings for the rule packs and the sk helper library
-- (`luacheck plugins engine/lua`, the ctest `luacheck`). Rules run in the
-- sandbox of docs/security.md: Lua 5.4, the read-only global `sk`, and none
-- of the libraries the sandbox takes away.
std = "lua54"
read_globals = { "sk" }
-- the sandbox has none of these; a rule that names them fails at run time
not_globals = { "io", "os", "require", "package", "debug", "dofile", "loadfile", "collectgarbage" }
-- messages are kept on one line so that they can be found with grep
max_line_length = 160
