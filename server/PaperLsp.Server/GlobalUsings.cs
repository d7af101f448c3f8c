global using Range = PaperLsp.Protocol.Lsp.Range;
