namespace Ses.Documents.Signing.Crypto;

/// <summary>A key or certificate file cannot be used; the message names the file, never a password.</summary>
public sealed class SigningKeyException(string message, Exception? inner = null) : Exception(message, inner);
