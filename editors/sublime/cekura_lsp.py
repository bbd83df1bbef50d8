"""The Cekura commands for Sublime Text's LSP package (`cekura_execute`, listed in Cekura.sublime-commands).

cekura-lsp's commands take one object, the document's URI and the cursor's position (protocol-notes/lsp.md);
`lsp_execute` can only send its variables as separate arguments, so this command builds that object.
"""
from LSP.plugin.execute_command import LspExecuteCommand


class CekuraExecuteCommand(LspExecuteCommand):
    session_name = "cekura-lsp"

    def run(self, edit, command_name=None, feedback=None, event=None):
        if command_name == "cekura.improveInstructions" and feedback is None:
            window = self.view.window()
            if window:
                window.show_input_panel("What should change in the instructions?", "", lambda text: self.view.run_command(
                    "cekura_execute", {"command_name": command_name, "feedback": text}), None, None)
            return
        where = LspExecuteCommand._expand_variables(self, ["$text_document_position"])[0]
        argument = {"uri": where["textDocument"]["uri"], "position": where["position"]}
        if feedback:
            argument["feedback"] = feedback
        super().run(edit, command_name=command_name, command_args=[argument], session_name=self.session_name, event=event)

    def _expand_variables(self, command_args):
        # The argument is built in run(); feedback must reach the server as typed, `$` and all.
        return command_args
