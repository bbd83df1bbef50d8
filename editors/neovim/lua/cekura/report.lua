-- The server opens a run's report with window/showDocument. Neovim's own handler shows it in the current
-- window, in place of the scenario; the report opens beside it instead, in the window made by the
-- `report` option, or in the window that already shows it.
local M = {}

function M.show_document(_, result, context)
  if result.external then
    vim.ui.open(result.uri)
    return { success = true }
  end
  local client = vim.lsp.get_client_by_id(context.client_id)
  local origin = vim.api.nvim_get_current_win()
  local path = vim.uri_to_fname(result.uri)
  local bufnr = vim.fn.bufadd(path)
  local shown = vim.fn.bufwinid(bufnr)
  if shown ~= -1 then
    vim.api.nvim_set_current_win(shown)
  else
    vim.cmd(require("cekura").options.report)
  end
  local start = { line = 0, character = 0 }
  local range = result.selection or { start = start, ["end"] = start }
  vim.lsp.util.show_document({ uri = result.uri, range = range }, client and client.offset_encoding or "utf-16", { focus = true })
  -- Each run rewrites the report: read it again when it was already loaded.
  vim.cmd.checktime(bufnr)
  if not result.takeFocus and vim.api.nvim_win_is_valid(origin) then vim.api.nvim_set_current_win(origin) end
  return { success = true }
end

return M
