-- lsp_nvim.lua: Neovim's built-in LSP client attached to `startklar lsp`
-- (run by lsp_nvim.sh, headless): opens $PLAN, waits for the diagnostics
-- the server publishes, writes them to $OUT as "line:bytecolumn code message"
-- (1-based line, 0-based byte column, as Neovim keeps them), sorted; then,
-- in the same session, hover, code actions and completion (to $OUT.session),
-- and quits. "TIMEOUT" when no diagnostics came.
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

-- the same session goes on: hover on the first finding, completion of the
-- value after the first "audience: ", code actions on the first finding's
-- line; one line each to $OUT.session
local session = {}
local first = vim.diagnostic.get(buf)[1]
local function request(method, params)
  local answers = vim.lsp.buf_request_sync(buf, method, params, 60000) or {}
  local a = answers[client] or {}
  return a.result, a.error
end
if first then
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
  local hover = request("textDocument/hover", vim.lsp.util.make_position_params())
  local value = hover and hover.contents and hover.contents.value or ""
  local code = first.code or (first.user_data and first.user_data.lsp and first.user_data.lsp.code) or "?"
  table.insert(session, "hover " .. code .. " " .. (value:find("**" .. code .. "**", 1, true) and "shown" or "missing"))
  local actions = request("textDocument/codeAction", vim.tbl_extend("force", vim.lsp.util.make_range_params(),
    { context = { diagnostics = {} } })) or {}
  table.insert(session, "actions " .. #actions)
end
for lnum, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  local at = line:find("audience: ", 1, true)
  if at then
    vim.api.nvim_win_set_cursor(0, { lnum, at + #"audience: " - 1 })
    local items = request("textDocument/completion", vim.lsp.util.make_position_params()) or {}
    local labels = {}
    for _, item in ipairs(items.items or items) do table.insert(labels, item.label) end
    table.sort(labels)
    table.insert(session, "completion " .. table.concat(labels, ","))
    break
  end
end
f = assert(io.open(out .. ".session", "w"))
f:write(table.concat(session, "\n") .. "\n")
f:close()
vim.lsp.stop_client(client)
vim.cmd("qall!")
