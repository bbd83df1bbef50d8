-- Neovim, headless, as a user would meet cekura-lsp: open a file with an error,
-- wait for its diagnostic, print it, check its code and column, shut down.
--   CEKURA_LSP_CMD=.build/release/cekura-lsp LSP_FILE=Tests/lsp/fixtures/cekura.tests.json \
--   EXPECT_CODE=suite-version-invalid EXPECT_BYTE_COLUMN=49 nvim --headless --clean -c 'luafile Tests/lsp/nvim_smoke.lua'
-- Exits 0 when all went well, 1 with a FAIL line otherwise.
local function say(line) io.stdout:write(line .. "\n") end
local function fail(why) say("FAIL: " .. why); vim.cmd("cquit 1") end

local cmd = vim.split(os.getenv("CEKURA_LSP_CMD") or "cekura-lsp", " ", { trimempty = true })
local file = os.getenv("LSP_FILE") or fail("set LSP_FILE")
local expect_code = os.getenv("EXPECT_CODE")
local expect_column = tonumber(os.getenv("EXPECT_BYTE_COLUMN") or "")
local timeout = tonumber(os.getenv("LSP_TIMEOUT_MS") or "10000")

vim.cmd("edit " .. vim.fn.fnameescape(file))
local buffer = vim.api.nvim_get_current_buf()
vim.bo[buffer].filetype = "json"
local client_id = vim.lsp.start({ name = "cekura-lsp", cmd = cmd, root_dir = vim.fn.fnamemodify(file, ":p:h") }, { bufnr = buffer })
if not client_id then return fail("could not start " .. table.concat(cmd, " ")) end

if not vim.wait(timeout, function()
  local client = vim.lsp.get_client_by_id(client_id)
  return client ~= nil and client.initialized == true
end, 10) then return fail("initialize timed out") end
local client = vim.lsp.get_client_by_id(client_id)
say("initialized; position encoding " .. tostring(client.offset_encoding))

if not vim.wait(timeout, function() return #vim.diagnostic.get(buffer) > 0 end, 10) then
  return fail("no diagnostics within " .. timeout .. " ms")
end
local matched = false
for _, d in ipairs(vim.diagnostic.get(buffer)) do
  -- Neovim turns LSP columns into byte columns, whatever the encoding.
  say(string.format("DIAG %d:%d-%d:%d severity=%d code=%s %s", d.lnum, d.col, d.end_lnum, d.end_col, d.severity, tostring(d.code), d.message))
  if (not expect_code or tostring(d.code) == expect_code) and (not expect_column or d.col == expect_column) then matched = true end
end
if not matched then return fail("no diagnostic with code " .. tostring(expect_code) .. " at byte column " .. tostring(expect_column)) end

vim.lsp.stop_client(client_id)
if not vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 10) then
  return fail("server still running 3 s after shutdown and exit")
end
say("OK")
vim.cmd("qa!")
