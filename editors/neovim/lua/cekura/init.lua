-- cekura-lsp for Neovim 0.10 and later: require("cekura").setup({ ... }).
-- Starts the server for scenario files, adds the :Cekura… commands, opens run reports beside the file and
-- echoes the server's progress. On Neovim 0.11 the client configuration is `vim.lsp.config.cekura`
-- (this plugin's lsp/cekura.lua, then whatever the user sets with vim.lsp.config("cekura", { … })).
local M = {}

M.options = {
  cmd = { "cekura-lsp" },
  -- The `cekura` settings section (protocol-notes/lsp.md): apiUrl, agentId, projectId, files, diagnostics, trace.
  settings = {},
  filetypes = { "json", "jsonc" },
  root_markers = { ".git" },
  -- How a run report opens beside the file: a command that makes a new window.
  report = "vsplit",
  progress = true,
}

--- The client configuration setup() gives, before any vim.lsp.config override.
function M.client_config()
  local options = M.options
  return {
    name = "cekura",
    cmd = options.cmd,
    cmd_env = options.cmd_env,
    filetypes = options.filetypes,
    root_markers = options.root_markers,
    init_options = { cekura = options.settings },
    settings = { cekura = options.settings },
    handlers = { ["window/showDocument"] = require("cekura.report").show_document },
  }
end

local function resolved_config()
  if vim.lsp.config then return vim.deepcopy(vim.lsp.config.cekura) end
  return M.client_config()
end

local function running_client(root)
  for _, client in ipairs(vim.lsp.get_clients({ name = "cekura" })) do
    if client.root_dir == root then return client end
  end
end

--- Attaches the buffer to cekura-lsp when it is a scenario file, or when the server already runs for
--- its project (the server then decides by the file's shape).
function M.attach(bufnr)
  if vim.bo[bufnr].buftype ~= "" then return end
  local config = resolved_config()
  local path = vim.api.nvim_buf_get_name(bufnr)
  local root = vim.fs.root(bufnr, config.root_markers or M.options.root_markers) or vim.fs.dirname(path)
  local settings = (config.settings or {}).cekura or {}
  if not running_client(root) and not require("cekura.detect").is_scenario_file(bufnr, settings.files) then return end
  config.root_dir = root
  vim.lsp.start(config, { bufnr = bufnr })
end

function M.setup(options)
  M.options = vim.tbl_deep_extend("force", M.options, options or {})
  local group = vim.api.nvim_create_augroup("cekura", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.options.filetypes,
    callback = function(event) M.attach(event.buf) end,
  })
  require("cekura.commands").create()
  if M.options.progress then require("cekura.progress").echo(group) end
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(M.options.filetypes, vim.bo[bufnr].filetype) then M.attach(bufnr) end
  end
end

return M
