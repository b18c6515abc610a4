using Ses.Documents.Templates;
using Ses.Documents.Validation;

namespace Ses.Service.Signing;

/// <summary>
/// The bureau, or the sealing unit of it that seals the document, has no signing key in this service
/// (<c>signing.no-bureau-key</c>): nothing of it can be issued or sealed, and nothing is signed with another's key instead.
/// </summary>
public sealed class BureauKeyMissingException(BureauProfile bureau, SealingUnit? unit = null)
    : Exception(unit is null ? $"没有{bureau.Name}的签名密钥，未签发，文号未占用" : $"没有{unit.SealText}的签名密钥，不能以其名义签名或盖章")
{
    public const string Code = ErrorCodes.SigningNoBureauKey;

    public string Bureau { get; } = bureau.Code;

    /// <summary>The sealing unit without a key, or null for the bureau itself.</summary>
    public string? Unit { get; } = unit?.Id;
}
