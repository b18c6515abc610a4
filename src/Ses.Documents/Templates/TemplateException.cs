namespace Ses.Documents.Templates;

/// <summary>A template or bureau file is malformed; the message names the file and what is wrong.</summary>
public sealed class TemplateException(string message, Exception? inner = null) : Exception(message, inner);
