namespace Ses.Service.Signing;

/// <summary>Who holds a signing key: a bureau by its code (and, once sealing units have their own keys, the unit).</summary>
public sealed record SealHolder(string Bureau, string? Unit = null);
