-- The :Cekura… user commands: each sends one of the server's commands (protocol-notes/lsp.md) for the
-- current buffer and cursor, with workspace/executeCommand. What a command produces comes back from the
-- server: progress, a message, and for a run the report, which opens beside the file.
local M = {}

local commands = {
  CekuraRunText = { command = "cekura.runText", desc = "Run the scenario under the cursor in text mode" },
  CekuraRunSavedText = { command = "cekura.runSavedText", desc = "Run the saved scenario in text mode" },
  CekuraCheckRemote = { command = "cekura.checkRemote", desc = "Check the file against the Cekura API" },
  CekuraGenerateInstructions = { command = "cekura.generateInstructions", desc = "Generate instructions for the scenario" },
  CekuraImproveInstructions = { command = "cekura.improveInstructions", desc = "Improve the instructions with feedback", feedback = true },
  CekuraRefreshCatalogs = { command = "cekura.refreshCatalogs", desc = "Read personalities, metrics and profiles again" },
}

local function notify(message, level) vim.notify("cekura: " .. message, level or vim.log.levels.INFO) end

-- Neovim 0.11 made client methods take `self`; 0.10 has plain functions.
local function request(client, method, params, handler, bufnr)
  if vim.fn.has("nvim-0.11") == 1 then return client:request(method, params, handler, bufnr) end
  return client.request(method, params, handler, bufnr)
end

--- Sends `command` with the buffer's URI and the cursor's position (and `extra` fields) to cekura-lsp.
function M.execute(command, extra)
  local bufnr = vim.api.nvim_get_current_buf()
  local client = vim.lsp.get_clients({ bufnr = bufnr, name = "cekura" })[1]
  if not client then return notify("cekura-lsp is not running for this buffer", vim.log.levels.ERROR) end
  local offered = vim.tbl_get(client.server_capabilities, "executeCommandProvider", "commands") or {}
  if not vim.tbl_contains(offered, command) then
    return notify(("this cekura-lsp does not offer %s; update it"):format(command), vim.log.levels.ERROR)
  end
  local argument = vim.tbl_extend("force", {
    uri = vim.uri_from_bufnr(bufnr),
    position = vim.lsp.util.make_position_params(0, client.offset_encoding).position,
  }, extra or {})
  request(client, "workspace/executeCommand", { command = command, arguments = { argument } }, function(err)
    if err then notify(err.message, vim.log.levels.ERROR) end
  end, bufnr)
end

local function run(spec, args)
  if not spec.feedback then return M.execute(spec.command) end
  if args ~= "" then return M.execute(spec.command, { feedback = args }) end
  vim.ui.input({ prompt = "What should change in the instructions? " }, function(feedback)
    if feedback and feedback ~= "" then M.execute(spec.command, { feedback = feedback }) end
  end)
end

function M.create()
  for name, spec in pairs(commands) do
    vim.api.nvim_create_user_command(name, function(opts) run(spec, opts.args) end,
      { desc = spec.desc, nargs = spec.feedback and "*" or 0 })
  end
end

return M
