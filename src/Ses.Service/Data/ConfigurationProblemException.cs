namespace Ses.Service.Data;

/// <summary>A setting is wrong; the message names the key. Start-up stops with it.</summary>
public sealed class ConfigurationProblemException(string message) : Exception(message);
