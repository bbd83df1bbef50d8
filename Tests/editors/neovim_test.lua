-- Headless Neovim with editors/neovim loaded as a user loads it (runtimepath + setup), against cekura-lsp:
-- scenario files told by name and `$schema`; a JSON file that is not one starts nothing; the test suite
-- gets its diagnostic, completion after `<` in an action, go to definition of a followup; a report the
-- server shows opens beside the suite; progress is echoed; with the API stand-in, :CekuraRunText opens the
-- report with the transcript beside the suite (pending until the server offers cekura.runText).
--   CEKURA_LSP_CMD=.build/debug/cekura-lsp nvim --headless --clean -c 'luafile Tests/editors/neovim_test.lua'
-- Run from the repository root. Exits 0 when every step passed, 1 with a FAIL line otherwise.
local function say(line) io.stdout:write(line .. "\n") end
local function fail(why)
  say("FAIL: " .. why)
  vim.cmd("cquit 1")
end
local timeout = tonumber(os.getenv("LSP_TIMEOUT_MS") or "10000")
local root = vim.fn.getcwd()
local fixtures = root .. "/Tests/editors/fixtures"

-- The API stand-in, when it exists; it prints its port first and stops when its input closes.
local api_url
local standin_script = root .. "/Tests/api/standin.py"
if vim.uv.fs_stat(standin_script) then
  local output = ""
  vim.system({ "python3", standin_script, "--port", "0", "--exit-on-stdin-eof" }, {
    stdin = true,
    stdout = function(_, data) output = output .. (data or "") end,
  })
  if not vim.wait(timeout, function() return output:find("\n") ~= nil end, 10) then return fail("the API stand-in did not start") end
  api_url = "http://127.0.0.1:" .. output:match("^%s*(%d+)")
end

vim.opt.runtimepath:prepend(root .. "/editors/neovim")
require("cekura").setup({
  cmd = vim.split(os.getenv("CEKURA_LSP_CMD") or "cekura-lsp", " ", { trimempty = true }),
  cmd_env = { CEKURA_API_KEY = "ck_standin_key" },
  settings = { diagnostics = { debounceMs = 0 }, apiUrl = api_url, agentId = 12 },
})

local function cekura_clients() return vim.lsp.get_clients({ name = "cekura" }) end

-- Step 0: the plugin tells scenario files by name and `$schema` as the server does (the samples'
-- verdicts are checked against the server in test_integrations.py).
local samples = vim.json.decode(table.concat(vim.fn.readfile(fixtures .. "/detection.json"), "\n"))
for index, sample in ipairs(samples) do
  local bufnr = vim.api.nvim_create_buf(false, true)
  vim.api.nvim_buf_set_name(bufnr, ("/p/%d/%s"):format(index, sample.name))
  vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, vim.split(sample.text, "\n"))
  if require("cekura.detect").is_scenario_file(bufnr) ~= sample.scenario then
    return fail(("%s is %sa scenario file"):format(sample.name, sample.scenario and "" or "not "))
  end
  vim.api.nvim_buf_delete(bufnr, { force = true })
end
say(("detection: %d samples as the server decides"):format(#samples))

-- Step 1: a JSON file that is no scenario file starts no server.
vim.cmd.edit(vim.fn.fnameescape(fixtures .. "/unrelated/package.json"))
vim.wait(200)
if #cekura_clients() ~= 0 then return fail("cekura-lsp started for package.json") end
say("package.json: no server started")

-- Step 2: the suite starts it; its followup to a missing id is reported where it stands.
vim.cmd.edit(vim.fn.fnameescape(fixtures .. "/cekura.tests.json"))
local suite = vim.api.nvim_get_current_buf()
local suite_window = vim.api.nvim_get_current_win()
if not vim.wait(timeout, function()
  local client = cekura_clients()[1]
  return client ~= nil and client.initialized and vim.lsp.buf_is_attached(suite, client.id)
end, 10) then return fail("cekura-lsp did not start and attach for cekura.tests.json") end
local client = cekura_clients()[1]
say("attached; position encoding " .. client.offset_encoding)

local function find(needle)
  for row, line in ipairs(vim.api.nvim_buf_get_lines(suite, 0, -1, false)) do
    local at = line:find(needle, 1, true)
    if at then return row - 1, at - 1 end
  end
  fail("the fixture has no " .. needle)
end

local function missing_target()
  for _, d in ipairs(vim.diagnostic.get(suite)) do
    if d.code == "followup-target-missing" then return d end
  end
end
if not vim.wait(timeout, function() return missing_target() ~= nil end, 10) then
  return fail("no followup-target-missing diagnostic")
end
local d = missing_target()
local row, at = find('"condition": 7')
-- After emoji and CJK text on that line: Neovim's columns are bytes whatever the encoding.
if d.lnum ~= row or d.col ~= at + #'"condition": ' then
  return fail(("followup-target-missing at %d:%d, expected %d:%d"):format(d.lnum, d.col, row, at + #'"condition": '))
end
say(("DIAG %d:%d %s %s"):format(d.lnum, d.col, d.code, d.message))

-- Step 3: typing `<` in an action offers the tags, `silence` among them, replacing from the `<`.
row, at = find('📦"')
local typed_at = at + #"📦"
vim.api.nvim_buf_set_text(suite, row, typed_at, row, typed_at, { " <" })
vim.api.nvim_win_set_cursor(suite_window, { row + 1, typed_at + 2 })
local params = vim.lsp.util.make_position_params(suite_window, client.offset_encoding)
local answers = vim.lsp.buf_request_sync(suite, "textDocument/completion", params, timeout) or {}
local answer = answers[client.id] or {}
if answer.err then return fail("completion: " .. answer.err.message) end
local items = answer.result and (answer.result.items or answer.result) or {}
local silence
for _, item in ipairs(items) do
  if (item.filterText or item.label):match("^<?silence") then silence = item end
end
if not silence then
  return fail("completion after < offers no silence; labels: " .. table.concat(vim.tbl_map(function(i) return i.label end, items), ", "))
end
-- Accept it as Neovim's completion does: clear the edit's range, expand the snippet at its start.
local edit = silence.textEdit
local line_before = vim.api.nvim_buf_get_lines(suite, row, row + 1, false)[1]
vim.lsp.util.apply_text_edits({ { range = edit.range or edit.replace, newText = "" } }, suite, client.offset_encoding)
local start = vim.str_byteindex(line_before, client.offset_encoding, (edit.range or edit.replace).start.character, false)
vim.api.nvim_win_set_cursor(suite_window, { row + 1, start })
vim.snippet.expand(edit.newText)
vim.snippet.stop()
local line_after = vim.api.nvim_buf_get_lines(suite, row, row + 1, false)[1]
if not line_after:find('📦 <silence time=\\"\\" />"', 1, true) then
  return fail("accepting silence gave: " .. line_after)
end
say(("COMPLETION %d items; accepting %s gives %s"):format(#items, silence.label, line_after:match('"action": ("[^,]*"),')))
vim.api.nvim_buf_set_lines(suite, row, row + 1, false, { line_before:sub(1, typed_at) .. line_before:sub(typed_at + 3) })

-- Step 4: go to definition on a followup's condition jumps to the condition it names.
row, at = find('"condition": 1,')
vim.api.nvim_win_set_cursor(suite_window, { row + 1, at + #'"condition": ' })
vim.lsp.buf.definition()
local target_row, target_at = find('{"id": 1,')
target_at = target_at + #'{"id": '
if not vim.wait(timeout, function()
  local cursor = vim.api.nvim_win_get_cursor(suite_window)
  return cursor[1] == target_row + 1 and cursor[2] == target_at
end, 10) then
  return fail(("definition did not jump to %d:%d; the cursor is at %s"):format(target_row + 1, target_at,
    vim.inspect(vim.api.nvim_win_get_cursor(suite_window))))
end
say(("DEFINITION → %d:%d"):format(target_row + 1, target_at))

-- Step 5: fixing the followup clears the diagnostic.
row, at = find('"condition": 7')
vim.api.nvim_buf_set_text(suite, row, at + #'"condition": ', row, at + #'"condition": 7', { "2" })
if not vim.wait(timeout, function() return #vim.diagnostic.get(suite) == 0 end, 10) then
  return fail("diagnostics left after the fix: " .. vim.inspect(vim.diagnostic.get(suite)))
end
say("fixed: no diagnostics")

-- Step 6: a report the server shows (window/showDocument) opens beside the suite, focused only when asked,
-- and a later report in the same file reuses that window with the new text.
local report_path = vim.fn.tempname() .. ".md"
local function show_report(text, take_focus)
  vim.fn.writefile({ text }, report_path)
  local handler = client.handlers["window/showDocument"] or vim.lsp.handlers["window/showDocument"]
  return handler(nil, { uri = vim.uri_from_fname(report_path), takeFocus = take_focus }, { client_id = client.id, method = "window/showDocument" })
end
local windows_before = #vim.api.nvim_tabpage_list_wins(0)
if not (show_report("# First run", false) or {}).success then return fail("showDocument did not succeed") end
local report_buffer = vim.fn.bufnr(report_path)
if vim.api.nvim_get_current_win() ~= suite_window or vim.api.nvim_win_get_buf(suite_window) ~= suite
  or #vim.api.nvim_tabpage_list_wins(0) ~= windows_before + 1 or vim.fn.bufwinid(report_buffer) == -1 then
  return fail("the first report did not open beside the suite with the focus left on the suite")
end
show_report("# Second run", true)
if #vim.api.nvim_tabpage_list_wins(0) ~= windows_before + 1 or vim.api.nvim_get_current_win() ~= vim.fn.bufwinid(report_buffer)
  or vim.api.nvim_buf_get_lines(report_buffer, 0, 1, false)[1] ~= "# Second run" then
  return fail("the second report did not reuse the report window, take the focus and show the new text")
end
vim.api.nvim_win_close(vim.fn.bufwinid(report_buffer), true)
vim.api.nvim_set_current_win(suite_window)
say("REPORT opens beside the suite, then is reused and read again")

-- Step 7: the server's progress is echoed, with its title, percentage and message, through Neovim's own
-- $/progress handling.
local echoed = {}
local echo = vim.api.nvim_echo
vim.api.nvim_echo = function(chunks) table.insert(echoed, chunks[1][1]) end
local progress = vim.lsp.handlers["$/progress"]
local context = { client_id = client.id, method = "$/progress" }
progress(nil, { token = "run-1", value = { kind = "begin", title = "Running Late parcel" } }, context)
progress(nil, { token = "run-1", value = { kind = "report", percentage = 50, message = "waiting for the call" } }, context)
progress(nil, { token = "run-1", value = { kind = "end" } }, context)
vim.api.nvim_echo = echo
local expected_echoes = { "Running Late parcel", "Running Late parcel 50% waiting for the call", "Running Late parcel done" }
if not vim.deep_equal(echoed, expected_echoes) then return fail("progress echoed as " .. vim.inspect(echoed)) end
say("PROGRESS " .. table.concat(echoed, " | "))

-- Step 8: :CekuraRunText opens the report, with the transcript, beside the suite.
local offered = vim.tbl_get(client.server_capabilities, "executeCommandProvider", "commands") or {}
if not vim.tbl_contains(offered, "cekura.runText") then
  local notified
  local notify = vim.notify
  vim.notify = function(message) notified = message end
  vim.cmd("CekuraRunText")
  vim.notify = notify
  if not (notified or ""):find("does not offer cekura.runText", 1, true) then
    return fail("a server without cekura.runText was not reported: " .. tostring(notified))
  end
  say("PENDING: :CekuraRunText skipped: the server does not announce cekura.runText in executeCommandProvider")
else
  if not api_url then return fail("the server offers cekura.runText but Tests/api/standin.py is missing") end
  row = find('{"id": 1,')
  vim.api.nvim_win_set_cursor(suite_window, { row + 1, 0 })
  vim.cmd("CekuraRunText")
  local function report_window()
    for _, window in ipairs(vim.api.nvim_tabpage_list_wins(0)) do
      local buffer = vim.api.nvim_win_get_buf(window)
      if vim.api.nvim_buf_get_name(buffer):match("%.md$") then
        local text = table.concat(vim.api.nvim_buf_get_lines(buffer, 0, -1, false), "\n")
        if text:find("my order arrived broken", 1, true) then return window end
      end
    end
  end
  if not vim.wait(60000, function() return report_window() ~= nil end, 50) then
    return fail("no report with the transcript opened within 60 s")
  end
  if vim.api.nvim_win_get_buf(suite_window) ~= suite then return fail("the report replaced the suite instead of opening beside it") end
  say("RUN report beside the suite: " .. vim.api.nvim_buf_get_name(vim.api.nvim_win_get_buf(report_window())))
end

vim.lsp.stop_client(client.id)
if not vim.wait(3000, function() return #cekura_clients() == 0 end, 10) then return fail("server still running 3 s after shutdown") end
say("OK")
vim.cmd("qa!")
