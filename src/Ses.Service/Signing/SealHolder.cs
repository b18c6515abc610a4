namespace Ses.Service.Signing;

/// <summary>Who holds a signing key: a bureau by its code, or a sealing unit of it by the unit's id (templates/bureaus <c>units</c>).</summary>
public sealed record SealHolder(string Bureau, string? Unit = null);
