/// The help text, and the short synopsis shown after a usage error.
enum UsageText {
    static let synopsis = """
        usage: cekura-lsp [--stdio]
               cekura-lsp check [--format text|json|github|sarif] [--no-color] [--stdin-filename NAME] PATH...
               cekura-lsp format [--check] PATH...
               cekura-lsp --version | --help

        """

    static let help = """
        cekura-lsp \(ToolIdentity.version): language server and checker for Cekura scenario JSON files.

        \(synopsis)
        Subcommands:
          check     Report problems in Cekura files. A PATH is a file, a folder (its *.json
                    files, skipping .git, .build, .build-* and node_modules) or - for
                    standard input. Files that are not Cekura files are skipped.
          format    Pretty-print files in place (two-space indent); files with syntax
                    errors are left alone. In folders only Cekura files are formatted.
          help      Show this help.
          (none)    Run the language server on standard input and output (also --stdio);
                    not available in this build yet.

        Options:
          --format FORMAT        check: text (default), json, github (Actions annotations)
                                 or sarif (SARIF 2.1.0)
          --no-color             check: no ANSI colour (also off when NO_COLOR is set or
                                 standard output is not a terminal)
          --stdin-filename NAME  check: name standard input, for reports and kind detection
          --check                format: write nothing, list files that would change
          --version              Print the version.
          -h, --help             Print this help.

        Exit status: 0 no errors; 1 error diagnostics, files that need formatting or
        cannot be formatted; 2 usage error or unreadable file.

        """
}
