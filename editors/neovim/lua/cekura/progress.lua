-- Neovim keeps the server's $/progress (vim.lsp.status(), the LspProgress event) but shows it only in a
-- statusline set up for it; a run takes a while, so cekura-lsp's progress is echoed as it comes.
local M = {}

function M.echo(group)
  local titles = {}
  vim.api.nvim_create_autocmd("LspProgress", {
    group = group,
    callback = function(event)
      local client = vim.lsp.get_client_by_id(event.data.client_id)
      if not client or client.name ~= "cekura" then return end
      local token, value = event.data.params.token, event.data.params.value
      if value.kind == "begin" then titles[token] = value.title end
      local parts = { titles[token] or "cekura" }
      if value.percentage then table.insert(parts, ("%d%%"):format(value.percentage)) end
      if value.message then table.insert(parts, value.message) end
      if value.kind == "end" then
        titles[token] = nil
        if not value.message then table.insert(parts, "done") end
      end
      vim.api.nvim_echo({ { table.concat(parts, " ") } }, false, {})
    end,
  })
end

return M
