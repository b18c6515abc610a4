using System.Text;

namespace Ses.Service.Registrations;

/// <summary>
/// Suggests an account name by the rule of 注册通知第二条第（二）项: the pinyin initials of the Chinese name (or its English
/// letters) + "_" + the initials of the department, e.g. 中国南方航空股份有限公司、运行部 → <c>nfhk_yxb</c>. The initials come
/// from a small table of characters common in the names of civil-aviation organisations and their departments (one reading
/// per character: 行 is x as in 运行, 长 c as in 长春, 重 c as in 重庆, 藏 z as in 西藏); a character not in it is left out.
/// It is only a suggestion: the registrant may type any name the rule allows.
/// </summary>
public static class AccountNames
{
    private const int NameLength = 20;
    private const int DepartmentLength = 11;

    private static readonly Dictionary<char, char> Initials = Build(new Dictionary<char, string>
    {
        ['a'] = "阿安澳奥爱",
        ['b'] = "北百宝保滨邦博部办包宾本比标兵波渤八巴白班板半帮报备贝彼必边便表别冰并播伯泊补不布",
        ['c'] = "察长春成城川创财彩参仓草测策产场厂超潮车晨称诚承程池驰充重出初储处传船窗慈从村存材采餐层查茶差柴常畅朝巢",
        ['d'] = "大达代带丹单当党岛道德灯登迪地第电店调东冬动都斗督独度渡端段队对敦多顿",
        ['e'] = "鄂尔二恩",
        ['f'] = "发法帆番凡方芳防房飞非菲费分芬丰风峰锋凤佛福富服浮府辅付复傅份",
        ['g'] = "甘港钢高戈哥格阁各工公功供宫共贡沟构购古谷股固顾关观管光广贵桂国果过规改革",
        ['h'] = "哈海含韩汉杭航好豪浩合和河荷核贺黑恒横红宏虹洪鸿后厚呼湖虎互沪华化画话怀淮环黄辉徽回汇会惠慧火货获划",
        ['j'] = "机基吉集及极际济冀加佳家嘉甲价驾监建健江将疆交郊胶教阶接捷杰结金锦津进晋京经精井景警静九酒久救局居菊巨聚军均君骏检具计究",
        ['k'] = "卡开凯康科可克客空控口库快宽矿昆坤扩",
        ['l'] = "拉莱兰蓝朗浪劳乐雷类黎李理力立丽利联连廉良梁两辽林临灵凌岭领令刘流龙隆楼卢鲁陆路旅律绿罗洛料略量",
        ['m'] = "马码迈麦满曼茂贸美蒙盟梦米民敏明名鸣模摩牧木慕面目",
        ['n'] = "纳南内能尼宁牛农诺",
        ['o'] = "欧鸥",
        ['p'] = "帕排盘培配鹏朋批品平评屏坡浦普",
        ['q'] = "七齐其奇旗骑企启起气汽器千前钱乾强桥侨巧勤青轻清庆琼秋求区渠全泉券群",
        ['r'] = "然人仁任日荣融瑞润若燃",
        ['s'] = "萨赛三森沙山陕善商上尚少绍设社深申神沈审升生胜圣盛师诗施石实时识食史世市示事试视室收首寿受书枢舒属术数双水顺思斯四松苏速宿塑随岁孙司省所送售",
        ['t'] = "太泰滩谭唐天田铁通同童统投图途土团托拓厅",
        ['w'] = "外湾万王网旺威微维卫未位温文闻沃无吴五武物务乌",
        ['x'] = "西希锡溪喜系细下夏厦先仙鲜咸县现线乡相香祥翔享向象项消小晓校协新信星兴行形邢幸雄修秀旭徐许序宣玄学雪讯迅训心险限息销",
        ['y'] = "压亚烟延言岩研盐阳扬洋养耀业叶一伊医依仪宜移艺易益意翼银引印英营赢影应永勇用优邮油友有佑右于余鱼宇羽雨语玉育豫元园原源远苑院约月越粤云运验",
        ['z'] = "宅站张章招兆照哲浙珍真振镇正证政郑支知执直职指志制质治智中众州洲舟珠主住助注驻专转庄装壮资子自综总走租组钻最遵作座藏展责障",
    });

    /// <summary>Words left out of a name before its initials are taken (the company form, the country).</summary>
    private static readonly string[] Dropped = ["股份有限公司", "有限责任公司", "有限公司", "集团"];

    /// <summary>A name like <c>nfhk_yxb</c>, within the account-name rule (3 to 32 ASCII characters).</summary>
    public static string Suggest(string? name, string? department)
    {
        var text = name?.Trim() ?? "";
        foreach (var word in Dropped) text = text.Replace(word, "", StringComparison.Ordinal);
        if (text.StartsWith("中国", StringComparison.Ordinal) && text.Length > 2) text = text[2..];
        foreach (var end in new[] { "分公司", "公司" })
        {
            if (text.EndsWith(end, StringComparison.Ordinal) && text.Length > end.Length) text = text[..^end.Length];
        }
        var first = Letters(text, NameLength);
        var second = Letters(department?.Trim() ?? "", DepartmentLength);
        return $"{(first.Length > 0 ? first : "org")}_{(second.Length > 0 ? second : "dept")}";
    }

    /// <summary>English letters and digits as they are (lower case), Chinese characters by their initials.</summary>
    private static string Letters(string text, int max)
    {
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (sb.Length >= max) break;
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (Initials.TryGetValue(c, out var initial)) sb.Append(initial);
        }
        return sb.ToString();
    }

    private static Dictionary<char, char> Build(Dictionary<char, string> table)
    {
        var map = new Dictionary<char, char>();
        foreach (var (initial, characters) in table)
        {
            foreach (var c in characters) map[c] = initial;
        }
        return map;
    }
}
