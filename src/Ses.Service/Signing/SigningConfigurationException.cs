namespace Ses.Service.Signing;

/// <summary>The signing settings cannot be used; the message names the configuration key.</summary>
public sealed class SigningConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
