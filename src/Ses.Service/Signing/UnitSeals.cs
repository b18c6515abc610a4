using Ses.Documents;
using Ses.Documents.Rendering;
using Ses.Documents.Signing.Crypto;
using Ses.Documents.Templates;
using Ses.Documents.Validation;
using Ses.Service.Http;

namespace Ses.Service.Signing;

/// <summary>
/// The forms a sealing unit of the bureau issues itself and keeps with a case — the collection form (采集单位（盖章）) and
/// the transfer slip (XX处（盖章）) — rendered and sealed with that unit's own key, as the bureau's documents are with the
/// bureau's (电子签名法第十三条). A unit without a key here refuses the step (409 <c>signing.no-unit-key</c>): nothing is
/// stored unsigned, and nothing is sealed with another unit's or the bureau's key instead.
/// </summary>
public sealed class UnitSeals(DocumentEngine engine, SigningContext signing, TimeProvider time)
{
    /// <summary>The form rendered to PDF and sealed by the unit it names, or the refusal when that unit has no key or no timestamp is to be had.</summary>
    /// <exception cref="ArgumentException">The form is not sealed by a unit (a bureau's document is issued, not sealed here).</exception>
    public (byte[]? Pdf, Refusal? Refused) Seal(FormInput input)
    {
        var unit = DocumentResolver.SealingUnitOf(input)
            ?? throw new ArgumentException($"form {input.Form.Id} is not sealed by a unit of the bureau", nameof(input));
        if (signing.For(input.Bureau, unit) is not { } settings)
        {
            return (null, Refusal.Conflict(ErrorCodes.SigningNoUnitKey,
                $"{unit.Name}（{unit.SealText}）尚无签名密钥，不能在《{input.Form.Title}》上加盖其印章，本环节未办理；请系统管理员为该单位配置签名密钥"));
        }
        try
        {
            return (engine.Sign(engine.Render(input, OutputFormat.Pdf), settings, time.GetUtcNow(), reason: input.Form.Title), null);
        }
        catch (TimestampException)
        {
            return (null, Refusal.Unavailable(ErrorCodes.TsaUnavailable, $"时间戳服务不可用，《{input.Form.Title}》未盖章，本环节未办理，请稍后再试"));
        }
    }
}
