namespace Ses.Service.Pages.Legal;

/// <summary>
/// The verifier's stable codes (<c>ses verify</c> reports the same ones) explained in Chinese for the legal staff's
/// page; the code may stand beside in small text. A code not listed here is still named, never dropped.
/// </summary>
public static class VerifyTexts
{
    private static readonly Dictionary<string, string> Problems = new(StringComparer.Ordinal)
    {
        ["byterange.start"] = "签名覆盖范围不是从文件开头开始，不能确认整个文件都在签名之内",
        ["byterange.outside"] = "签名覆盖范围超出了文件本身，文件可能被截断或拼接",
        ["byterange.not-contents"] = "签名未覆盖的部分不只是签名值本身，有内容不受签名保护",
        ["byterange.not-revision"] = "签名未覆盖签名时的整个文件版本",
        ["signature.subfilter"] = "签名类型不是本系统采用的 PAdES 签名（ETSI.CAdES.detached）",
        ["signature.malformed"] = "签名数据格式错误，无法读取",
        ["signature.signer-certificate-missing"] = "签名中没有签名人证书",
        ["signature.unsupported-algorithm"] = "签名使用了不支持的算法",
        ["signature.digest-mismatch"] = "签名后文件内容被改动过：签名所保护的内容与签名记录的摘要不一致",
        ["signature.invalid"] = "签名值无效：不是由证书中的签名人对这些内容所作的签名",
        ["signature.signing-time-present"] = "签名带有签名人自报的签名时间；签名时间应以可信时间戳为准",
        ["chain.untrusted"] = "签名证书不能追溯到本系统信任的证书机构",
        ["chain.expired"] = "签名时签名证书已过期",
        ["chain.not-yet-valid"] = "签名时签名证书尚未生效",
        ["chain.key-usage"] = "签名证书不允许用于电子签名",
        ["chain.time-unknown"] = "没有可信时间戳，无法确定签名时证书是否有效",
        ["timestamp.missing"] = "签名没有时间戳，无法证明签名时间",
        ["timestamp.invalid"] = "时间戳无效",
        ["timestamp.untrusted"] = "时间戳机构不是本系统信任的机构",
        ["timestamp.imprint-mismatch"] = "时间戳与这个签名不对应",
        ["document.modified-after-signing"] = "签名之后文件又被修改过（见“签名后的修改”）",
    };

    private static readonly Dictionary<string, string> Changes = new(StringComparer.Ordinal)
    {
        ["signature-added"] = "追加签名",
        ["content-changed"] = "内容被改动",
        ["page-changed"] = "页面被改动",
        ["page-added"] = "页面被增删",
        ["catalog-changed"] = "文件结构被改动",
        ["annotation-added"] = "添加了批注或表单项",
    };

    /// <summary>A signature problem in Chinese.</summary>
    public static string Problem(string code) => Problems.GetValueOrDefault(code, "其他问题（见代码）");

    /// <summary>What a later revision did, in Chinese.</summary>
    public static string Change(string code) => Changes.GetValueOrDefault(code, "其他改动");

    /// <summary>Why a file could not be read, from the reader's message (which is for developers, in English).</summary>
    public static string Unreadable(string? message) => message is not null && message.StartsWith("not a PDF", StringComparison.Ordinal)
        ? "文件不是 PDF（文件开头不是 PDF 文件标识）。请确认上传的是文书的 PDF 文件，而不是 Word、图片或压缩文件。"
        : "文件的 PDF 结构无法读取：文件可能已损坏、不完整，或采用了本系统不能核验的结构。";
}
