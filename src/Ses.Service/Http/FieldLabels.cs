using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Ses.Documents;

namespace Ses.Service.Http;

/// <summary>
/// How the API's field problems name a field of a request body to people: 「第1个联系人的手机号码」 for
/// <c>contacts[0].mobile</c>, a form field by its label in the form (<c>data.actDescription</c> → 「失信行为事由」).
/// The JSON path stays in the problem's <c>field</c> for programs.
/// </summary>
public static partial class FieldLabels
{
    /// <summary>The request records' members as people call them (checked complete by a test over every JSON route).</summary>
    internal static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["accounts"] = "账号", ["act"] = "失信行为", ["address"] = "地址", ["approvingBureau"] = "审批机关", ["attachments"] = "附件",
        ["base64"] = "文件内容", ["bureau"] = "地区管理局", ["casualties"] = "人员伤亡情况", ["cause"] = "原因", ["clauses"] = "条款",
        ["code"] = "短信验证码", ["contact"] = "联系人", ["contactPhone"] = "联系电话", ["contacts"] = "联系人", ["content"] = "内容",
        ["corrected"] = "更正后的内容", ["currentPassword"] = "当前密码", ["data"] = "表单内容", ["decisionIssuer"] = "决定机关",
        ["decisionNumber"] = "决定书文号", ["department"] = "部门", ["displayName"] = "姓名", ["email"] = "电子邮箱",
        ["enterprise"] = "企业", ["events"] = "扣分事项", ["evidence"] = "证据", ["explanation"] = "说明", ["facts"] = "事实",
        ["file"] = "文件", ["fileName"] = "文件名", ["fine"] = "罚款", ["formId"] = "表单", ["governingClause"] = "适用条款",
        ["idScheme"] = "证件类型", ["idValue"] = "证件号码", ["item"] = "事项", ["kind"] = "类别", ["legalRepresentative"] = "法定代表人",
        ["letter"] = "确认函", ["licence"] = "营业执照或登记证明", ["method"] = "方式", ["minutes"] = "会议纪要",
        ["minutesName"] = "会议纪要文件名", ["mobile"] = "手机号码", ["mode"] = "送达方式", ["name"] = "名称", ["newName"] = "新名称",
        ["newPassword"] = "新密码", ["note"] = "备注", ["notice"] = "通知", ["number"] = "文号", ["office"] = "监管局",
        ["partyKind"] = "相对人类别", ["partyName"] = "相对人名称", ["password"] = "密码", ["persons"] = "人员", ["phone"] = "电话",
        ["position"] = "职务", ["principal"] = "主要负责人", ["reason"] = "理由", ["reasons"] = "理由", ["receipt"] = "送达回证", ["registration"] = "注册申请",
        ["receiptBase64"] = "送达回证扫描件", ["receiptName"] = "送达回证文件名", ["recipient"] = "通报单位", ["remarks"] = "备注",
        ["role"] = "角色", ["signedBy"] = "签收人", ["text"] = "内容", ["token"] = "查询凭据", ["trackingNumber"] = "邮件单号", ["type"] = "类型",
        ["userName"] = "账号名称",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // A person's or a contact's name is 姓名, not 名称.
    private static readonly FrozenSet<string> People = new[] { "contacts", "persons", "accounts" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The field at <paramref name="path"/> as people call it; the path itself where a part has no name here.</summary>
    public static string Of(DocumentEngine engine, string path)
    {
        var parts = new List<string>();
        string? parent = null;
        foreach (var segment in path.Split('.'))
        {
            var m = Segment().Match(segment);
            var name = m.Groups["name"].Value;
            var label = parent == "data" ? FormFieldLabel(engine, name)
                : name == "name" && parent is not null && People.Contains(parent) ? "姓名"
                : Names.GetValueOrDefault(name);
            if (label is null) return path;
            parts.Add(m.Groups["index"].Success ? $"第{int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture) + 1}个{label}" : label);
            parent = name;
        }
        // 「表单内容」 only prefixes a form field's own label.
        if (parts.Count > 1 && path.StartsWith("data.", StringComparison.Ordinal)) parts.RemoveAt(0);
        return string.Join("的", parts);
    }

    private static string? FormFieldLabel(DocumentEngine engine, string name) =>
        engine.Templates.Forms.Select(f => f.FindField(name)?.Label).FirstOrDefault(l => l is not null);

    [GeneratedRegex(@"^(?<name>[^\[\]]+)(\[(?<index>[0-9]+)\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();
}
