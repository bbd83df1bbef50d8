import JSONSyntax
