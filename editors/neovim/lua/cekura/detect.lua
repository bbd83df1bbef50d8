-- Which buffers are scenario files. The plugin starts cekura-lsp only where one is opened; from then on
-- every JSON buffer of that project goes to the server, which also recognises files by their shape
-- (protocol-notes/file-kinds.md), so only names and `$schema` lines need recognising here.
local M = {}

local names = { "^cekura%.tests%.json$", "%.scenario%.json$", "%.evaluator%.json$", "%.cekura%.json$" }
-- Cekura's test-suite schema (published, any version, or a local copy) and the API's schema endpoints.
local schemas = { "test%-suite/v%d+%.json", "test%-suite%-v%d+%.schema%.json", "/scenarios/json_schema/", "/scenarios%-external/json_schema/" }
local schema_lines = 40

local function matches_any(text, patterns)
  for _, pattern in ipairs(patterns) do
    if text:find(pattern) then return true end
  end
  return false
end

local function schema_of(bufnr)
  local head = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, schema_lines, false), "\n")
  return head:match('"%$schema"%s*:%s*"([^"]*)"')
end

-- The `files` setting maps globs to kinds as the server reads them: a glob without `/` matches the file
-- name in any folder, one with `/` may start in any folder.
local function associated(path, files)
  for glob, kind in pairs(files or {}) do
    if kind ~= "ignore" then
      local pattern = vim.glob.to_lpeg(glob)
      if not glob:find("/") then
        if pattern:match(vim.fs.basename(path)) then return true end
      else
        local from = 1
        while from do
          if pattern:match(path:sub(from)) then return true end
          from = path:find("/", from, true)
          from = from and from + 1
        end
      end
    end
  end
  return false
end

--- Whether the buffer is a Cekura scenario file by its name, its `$schema` or the user's `files` globs.
function M.is_scenario_file(bufnr, files)
  local path = vim.api.nvim_buf_get_name(bufnr)
  if path == "" then return false end
  if matches_any(vim.fs.basename(path), names) or associated(path, files) then return true end
  local schema = schema_of(bufnr)
  return schema ~= nil and matches_any(schema, schemas)
end

return M
