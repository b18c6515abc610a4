using Ses.Documents.Templates;
using Ses.Documents.Validation;
using Ses.Service.Http;

namespace Ses.Service.Signing;

/// <summary>
/// The bureau, or the sealing unit of it that seals the document, has no signing key in this service: nothing of it can
/// be issued or sealed, and nothing is signed with another's key instead. The bureau's missing key is
/// <c>signing.no-bureau-key</c> (503: the service cannot issue at all); a unit's is <c>signing.no-unit-key</c> (409, as
/// <see cref="UnitSeals"/> answers it: the administrator configures the unit's key).
/// </summary>
public sealed class BureauKeyMissingException(BureauProfile bureau, SealingUnit? unit = null)
    : Exception(unit is null
        ? $"没有{bureau.Name}的签名密钥，未签发，文号未占用"
        : $"{unit.Name}（{unit.SealText}）尚无签名密钥，不能以其名义签名或盖章，未签发，文号未占用；请系统管理员为该单位配置签名密钥")
{
    /// <summary><c>signing.no-unit-key</c> when a unit's key is missing, else <c>signing.no-bureau-key</c>.</summary>
    public string Code { get; } = unit is null ? ErrorCodes.SigningNoBureauKey : ErrorCodes.SigningNoUnitKey;

    public string Bureau { get; } = bureau.Code;

    /// <summary>The sealing unit without a key, or null for the bureau itself.</summary>
    public string? Unit { get; } = unit?.Id;

    /// <summary>The answer to the request that needed the key: 409 for a unit's, 503 for the bureau's.</summary>
    public Refusal Refusal => Unit is null ? Refusal.Unavailable(Code, Message) : Refusal.Conflict(Code, Message);
}
