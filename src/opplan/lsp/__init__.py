"""The language server for plan documents (`opplan lsp`; needs the `lsp` extra: pygls)."""
