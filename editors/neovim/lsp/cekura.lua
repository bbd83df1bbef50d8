-- Neovim 0.11 reads this as the base of vim.lsp.config.cekura; vim.lsp.config("cekura", { … }) adds to it.
return require("cekura").client_config()
