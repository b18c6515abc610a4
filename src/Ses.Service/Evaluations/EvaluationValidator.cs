using System.Globalization;
using Ses.Documents.Validation;

namespace Ses.Service.Evaluations;

/// <summary>
/// The problems of an evaluation's input. Each names the field (<c>events[1].fine</c>, counted from 0 like every field
/// path) and, in its Chinese message, the event as people count it (「第 2 个事件」).
/// </summary>
public static class EvaluationValidator
{
    public static IReadOnlyList<Problem> Validate(EvaluationInput input)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(input.Enterprise))
        {
            problems.Add(new Problem("enterprise", ErrorCodes.EvaluationEnterprise, "enterprise：缺少企业名称"));
        }
        if (EnterpriseTypes.Parse(input.Type) is null)
        {
            var given = input.Type is null ? "缺少企业类型" : $"不认识的企业类型「{input.Type}」";
            problems.Add(new Problem("type", ErrorCodes.EvaluationType, $"type：{given}，应为 {string.Join("、", EnterpriseTypes.All)} 之一（附表注1）"));
        }
        if (input.Year is not { } year)
        {
            problems.Add(new Problem("year", ErrorCodes.EvaluationYear, "year：缺少评价年度（评价周期为1个完整的日历年）"));
        }
        else if (year is < 1 or > 9999)
        {
            problems.Add(new Problem("year", ErrorCodes.EvaluationYear, $"year：{year} 不是日历年"));
        }
        for (var i = 0; i < input.Events.Count; i++) Validate(i, input.Events[i], problems);
        return problems;
    }

    private static void Validate(int index, EvaluationEvent e, List<Problem> problems)
    {
        void Add(string field, string code, string message) =>
            problems.Add(new Problem(Path(index, field), code, $"{Name(index, field)}：{message}"));

        if (e.Item == EvaluationTable.RepeatedItem)
        {
            Add("item", ErrorCodes.EvaluationItemDerived, "第7项（因同一事由被处罚两次或者以上）由第2、4、5项的事件推出，不能直接给出");
        }
        else if (e.Item is < EvaluationTable.FirstItem or > EvaluationTable.LastItem)
        {
            Add("item", ErrorCodes.EvaluationItem, $"不认识的指标 {e.Item.ToString(CultureInfo.InvariantCulture)}，应为附表第1至12项（第7项除外）");
        }
        if (e.Date is null) Add("date", ErrorCodes.EvaluationDate, "缺少日期（YYYY-MM-DD，北京时间）");
        // An unknown item has no needs to check: its fields are judged once the item is right.
        if (e.Item is < EvaluationTable.FirstItem or > EvaluationTable.LastItem or EvaluationTable.RepeatedItem) return;

        // What each item needs (暂行办法附表第3、4、6、9项), and nothing another item needs.
        if (e.Item == 3 && e.Corrected is null) Add("corrected", ErrorCodes.EvaluationCorrected, "第3项（责令改正）须写明是否在规定期限内完成改正（true 或 false）");
        if (e.Item == 4 && e.Fine is not >= 0)
        {
            Add("fine", ErrorCodes.EvaluationFine, e.Fine is null ? "第4项（罚款）须有罚款金额（元）" : $"罚款金额不能为负数：{EvaluationTable.Number(e.Fine.Value)}");
        }
        if (e.Item == 6 && e.Points is not >= 0)
        {
            Add("points", ErrorCodes.EvaluationPoints,
                e.Points is null ? "第6项（信息报送）须有实际扣分" : $"实际扣分不能为负数：{EvaluationTable.Number(e.Points.Value)}");
        }
        if (e.Item == 9 && e.Casualties is not >= 1)
        {
            Add("casualties", ErrorCodes.EvaluationCasualties,
                e.Casualties is null ? "第9项（伤亡事故）须有死亡或者重伤人数" : $"死亡或者重伤人数应至少为 1，不是 {e.Casualties}");
        }
        if (e.Item != 3 && e.Corrected is not null) Add("corrected", ErrorCodes.EvaluationFieldUnexpected, NotFor(e.Item, 3));
        if (e.Item != 4 && e.Fine is not null) Add("fine", ErrorCodes.EvaluationFieldUnexpected, NotFor(e.Item, 4));
        if (e.Item != 6 && e.Points is not null) Add("points", ErrorCodes.EvaluationFieldUnexpected, NotFor(e.Item, 6));
        if (e.Item != 8 && e.Excluded) Add("excluded", ErrorCodes.EvaluationFieldUnexpected, NotFor(e.Item, 8));
        if (e.Item != 9 && e.Casualties is not null) Add("casualties", ErrorCodes.EvaluationFieldUnexpected, NotFor(e.Item, 9));
    }

    private static string NotFor(int item, int owner) =>
        $"只属于第{owner}项（{EvaluationTable.Title(owner)}），本事件是第{item.ToString(CultureInfo.InvariantCulture)}项；请核对指标";

    /// <summary>The field's path, e.g. <c>events[1].fine</c> (counted from 0).</summary>
    public static string Path(int index, string field) => string.Create(CultureInfo.InvariantCulture, $"events[{index}].{field}");

    /// <summary>The field as people name it: 「第 2 个事件的 fine」 (counted from 1).</summary>
    public static string Name(int index, string field) => string.Create(CultureInfo.InvariantCulture, $"第 {index + 1} 个事件的 {field}");
}
