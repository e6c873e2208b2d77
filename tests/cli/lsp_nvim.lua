-- lsp_nvim.lua: Neovim's built-in LSP client attached to `startklar lsp`
-- (run by lsp_nvim.sh, headless): opens $PLAN, waits for the diagnostics
-- the server publishes, writes them to $OUT as "line:bytecolumn code message"
-- (1-based line, 0-based byte column, as Neovim keeps them), sorted, and
-- quits; "TIMEOUT" when none came.
local sk, plan, root, out = os.getenv("SK"), os.getenv("PLAN"), os.getenv("ROOT"), os.getenv("OUT")
vim.cmd("edit " .. vim.fn.fnameescape(plan))
local buf = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = "startklar",
  cmd = { sk, "lsp" },
  root_dir = root,
  init_options = { asOf = "2027-04-10" },
})
vim.lsp.buf_attach_client(buf, client)
-- a bound against a hang, not a timing assertion: the test waits for the answer
local got = vim.wait(120000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
  table.insert(lines, string.format("%d:%d %s %s", d.lnum + 1, d.col, code, d.message))
end
table.sort(lines)
if not got then lines = { "TIMEOUT" } end
local f = assert(io.open(out, "w"))
f:write(table.concat(lines, "\n") .. "\n")
f:close()
vim.lsp.stop_client(client)
vim.cmd("qall!")
