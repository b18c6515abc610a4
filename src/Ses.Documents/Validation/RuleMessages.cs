namespace Ses.Documents.Validation;

/// <summary>Chinese wording of every rule, by stable code. One place, so programs and people see the same rules.</summary>
internal static class RuleMessages
{
    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["field.required"] = "必须填写",
        ["field.unknown"] = "不是本表单的字段",
        ["field.type"] = "数据类型不正确",
        ["field.too-long"] = "超过最大长度 {0} 个字符",
        ["field.control-char"] = "含有不可打印的控制字符",
        ["field.surrogate"] = "含有无效的字符编码（不成对的代理码元）",
        ["field.bidi"] = "含有改变文字方向的控制字符（如 U+202E），显示的内容会与保存的不同",
        ["field.zero-width"] = "含有看不见的零宽字符（如 U+200B）",
        ["field.encoding"] = "含有无效的字符编码",
        ["field.date.format"] = "日期格式应为 YYYY-MM-DD，且为真实日期",
        ["field.choice.unknown"] = "不是可选项之一（可选：{0}）",
        ["field.rows.min"] = "至少应有 {0} 行",
        ["field.rows.max"] = "最多 {0} 行",
        ["field.glyph.missing"] = "含有任何字体都无法显示的字符 {0}",
        ["field.idnumber.format"] = "身份证号码应为 18 位（17 位数字加校验位）（GB 11643-1999）",
        ["field.idnumber.area"] = "身份证号码的行政区划代码无效（GB 11643-1999）",
        ["field.idnumber.birthdate"] = "身份证号码中的出生日期无效（GB 11643-1999）",
        ["field.idnumber.checksum"] = "身份证号码校验位错误（GB 11643-1999）",
        ["field.uscc.format"] = "统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）（GB 32100-2015）",
        ["field.uscc.checksum"] = "统一社会信用代码校验码错误（GB 32100-2015）",
        ["field.uscc.orgcode"] = "统一社会信用代码中的组织机构代码校验码错误（GB 11714-1997）",
        ["field.airline.format"] = "航空公司二字代码应为 2 位大写字母或数字",
        ["field.passport.format"] = "护照号码应为 5 至 20 位大写字母或数字",
        ["field.licence.format"] = "许可证号码格式不正确",
        ["field.mobile.format"] = "应为中国大陆手机号码（11 位，以 1 开头）",
        ["field.phone.format"] = "联系电话格式不正确（手机号码或带区号的固定电话）",
        ["field.document-number.format"] = "文号格式应为 机关代字+类别+字〔四位年份〕序号号，如 西北局信决字〔2026〕3号（序号无前导零）",
        ["field.orgid.scheme"] = "组织标识类型应为 uscc（统一社会信用代码）、airline（二字代码）或 licence（许可证号码）（实施办法第五条）",
        ["field.personid.scheme"] = "个人标识类型应为 id（身份证号码）或 passport（护照号码）（实施办法第五条）",
        ["number.format"] = "文号格式应为 {{机关代字}}{{类别}}字〔年份〕序号号，如 {0}",
        ["number.prefix"] = "文号的机关代字应为 {0}",
        ["number.series"] = "文号的类别应为 {0}",
        ["number.not-numbered"] = "本表单不编文号",
        ["form.unknown"] = "没有这个表单：{0}",
        ["bureau.unknown"] = "没有这个管理局：{0}",
        ["data.not-object"] = "表单数据应为 JSON 对象",
    };

    public static string Get(string code, params object[] args)
    {
        var text = Messages.TryGetValue(code, out var t) ? t : code;
        return args.Length == 0 ? text : string.Format(System.Globalization.CultureInfo.InvariantCulture, text, args);
    }

    public static Problem Problem(string field, string label, string code, params object[] args)
    {
        var message = string.IsNullOrEmpty(label) ? Get(code, args) : $"「{label}」{Get(code, args)}";
        return new Problem(field, code, message);
    }
}
