using Ses.Documents.Templates;
using Ses.Documents.Validation;

namespace Ses.Service.Signing;

/// <summary>
/// The bureau has no signing key in this service (<c>signing.no-bureau-key</c>): nothing of it can be issued, and
/// nothing is signed with another bureau's key instead.
/// </summary>
public sealed class BureauKeyMissingException(BureauProfile bureau)
    : Exception($"没有{bureau.Name}的签名密钥，未签发，文号未占用")
{
    public const string Code = ErrorCodes.SigningNoBureauKey;

    public string Bureau { get; } = bureau.Code;
}
