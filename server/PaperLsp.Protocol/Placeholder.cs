namespace PaperLsp.Protocol;
