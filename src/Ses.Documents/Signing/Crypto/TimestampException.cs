namespace Ses.Documents.Signing.Crypto;

/// <summary>A time-stamp could not be obtained or did not check out. There is no fallback to a local clock.</summary>
public sealed class TimestampException(string message, Exception? inner = null) : Exception(message, inner);
