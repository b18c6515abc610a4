using System.Globalization;

namespace Ses.Documents.Validation;

/// <summary>Chinese wording of every rule, by stable code. One place, so programs and people see the same rules.</summary>
internal static class RuleMessages
{
    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        [ErrorCodes.FieldRequired] = "必须填写",
        [ErrorCodes.FieldUnknown] = "不是本表单的字段",
        [ErrorCodes.FieldType] = "数据类型不正确",
        [ErrorCodes.FieldTooLong] = "超过最大长度 {0} 个字符",
        [ErrorCodes.FieldControlChar] = "含有不可打印的控制字符",
        [ErrorCodes.FieldSurrogate] = "含有无效的字符编码（不成对的代理码元）",
        [ErrorCodes.FieldBidi] = "含有改变文字方向的控制字符（如 U+202E），显示的内容会与保存的不同",
        [ErrorCodes.FieldZeroWidth] = "含有看不见的零宽字符（如 U+200B）",
        [ErrorCodes.FieldEncoding] = "含有无效的字符编码",
        [ErrorCodes.FieldDateFormat] = "日期格式应为 YYYY-MM-DD，且为真实日期",
        [ErrorCodes.FieldChoiceUnknown] = "不是可选项之一（可选：{0}）",
        [ErrorCodes.FieldRowsMin] = "至少应有 {0} 行",
        [ErrorCodes.FieldRowsMax] = "最多 {0} 行",
        [ErrorCodes.FieldGlyphMissing] = "含有任何字体都无法显示的字符 {0}",
        [ErrorCodes.FieldIdNumberFormat] = "身份证号码应为 18 位（17 位数字加校验位）（GB 11643-1999）",
        [ErrorCodes.FieldIdNumberArea] = "身份证号码的行政区划代码无效（GB 11643-1999）",
        [ErrorCodes.FieldIdNumberBirthDate] = "身份证号码中的出生日期无效（GB 11643-1999）",
        [ErrorCodes.FieldIdNumberChecksum] = "身份证号码校验位错误（GB 11643-1999）",
        [ErrorCodes.FieldUsccFormat] = "统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）（GB 32100-2015）",
        [ErrorCodes.FieldUsccChecksum] = "统一社会信用代码校验码错误（GB 32100-2015）",
        [ErrorCodes.FieldUsccOrgCode] = "统一社会信用代码中的组织机构代码校验码错误（GB 11714-1997）",
        [ErrorCodes.FieldAirlineFormat] = "航空公司二字代码应为 2 位大写字母或数字",
        [ErrorCodes.FieldPassportFormat] = "护照号码应为 5 至 20 位大写字母或数字",
        [ErrorCodes.FieldLicenceFormat] = "许可证号码格式不正确",
        [ErrorCodes.FieldMobileFormat] = "应为中国大陆手机号码（11 位，以 1 开头）",
        [ErrorCodes.FieldPhoneFormat] = "联系电话格式不正确（手机号码或带区号的固定电话）",
        [ErrorCodes.FieldDocumentNumberFormat] = "文号格式应为 机关代字+类别+字〔四位年份〕序号号，如 西北局信决字〔2026〕3号（序号无前导零）",
        [ErrorCodes.FieldOrgIdScheme] = "组织标识类型应为 uscc（统一社会信用代码）、airline（二字代码）或 licence（许可证号码）（实施办法第五条）",
        [ErrorCodes.FieldPersonIdScheme] = "个人标识类型应为 id（身份证号码）或 passport（护照号码）（实施办法第五条）",
        [ErrorCodes.NumberFormat] = "文号格式应为 {{机关代字}}{{类别}}字〔年份〕序号号，如 {0}",
        [ErrorCodes.NumberPrefix] = "文号的机关代字应为 {0}",
        [ErrorCodes.NumberSeries] = "文号的类别应为 {0}",
        [ErrorCodes.NumberNotNumbered] = "本表单不编文号",
        [ErrorCodes.FieldSealingUnitUnknown] = "不是{0}的盖章单位，盖章单位应为：{1}",
        [ErrorCodes.FormUnknown] = "没有这个表单：{0}",
        [ErrorCodes.BureauUnknown] = "没有这个管理局：{0}",
        [ErrorCodes.DataNotObject] = "表单数据应为 JSON 对象",
    };

    public static string Get(string code, params object[] args)
    {
        var text = Messages.TryGetValue(code, out var t) ? t : code;
        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }

    public static Problem Problem(string field, string label, string code, params object[] args)
    {
        var message = string.IsNullOrEmpty(label) ? Get(code, args) : $"「{label}」{Get(code, args)}";
        return new Problem(field, code, message);
    }
}
