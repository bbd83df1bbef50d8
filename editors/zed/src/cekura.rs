//! Zed runs an extension's language servers only: this one starts `cekura-lsp` (from `PATH`, or
//! `lsp.cekura-lsp.binary` in the settings) and hands it the `lsp.cekura-lsp` settings.
use zed_extension_api::{self as zed, serde_json::Value, settings::LspSettings, LanguageServerId, Result, Worktree};

struct CekuraExtension;

fn settings(server: &LanguageServerId, worktree: &Worktree) -> Option<LspSettings> {
    LspSettings::for_worktree(server.as_ref(), worktree).ok()
}

impl zed::Extension for CekuraExtension {
    fn new() -> Self {
        CekuraExtension
    }

    fn language_server_command(&mut self, server: &LanguageServerId, worktree: &Worktree) -> Result<zed::Command> {
        let binary = settings(server, worktree).and_then(|settings| settings.binary);
        let command = binary
            .as_ref()
            .and_then(|binary| binary.path.clone())
            .or_else(|| worktree.which("cekura-lsp"))
            .ok_or("cekura-lsp is not on PATH: install it, or set lsp.cekura-lsp.binary.path")?;
        let args = binary.and_then(|binary| binary.arguments).unwrap_or_default();
        Ok(zed::Command { command, args, env: Default::default() })
    }

    fn language_server_initialization_options(&mut self, server: &LanguageServerId, worktree: &Worktree) -> Result<Option<Value>> {
        Ok(settings(server, worktree).and_then(|settings| settings.initialization_options))
    }

    fn language_server_workspace_configuration(&mut self, server: &LanguageServerId, worktree: &Worktree) -> Result<Option<Value>> {
        Ok(settings(server, worktree).and_then(|settings| settings.settings))
    }
}

zed::register_extension!(CekuraExtension);
