using System.Globalization;
using System.Text.Json;
using Ses.Documents.Validation;

namespace Ses.Service.Evaluations;

/// <summary>
/// Reads an evaluation from its JSON file and scores it:
/// <c>{ "enterprise": "…", "type": "载客类", "year": 2025, "events": [ { "item": 4, "date": "2025-03-02", "cause": "c1",
/// "fine": 15000 } ] }</c>. A field of the wrong kind, an unknown field or a date not written YYYY-MM-DD is a problem
/// naming the event and the field, like those of <see cref="EvaluationValidator"/>.
/// </summary>
public static class EvaluationFile
{
    private static readonly string[] TopFields = ["enterprise", "type", "year", "events"];
    private static readonly string[] EventFields = ["item", "date", "cause", "corrected", "fine", "points", "excluded", "casualties"];

    public static EvaluationOutcome Evaluate(string json)
    {
        var (input, problems) = Read(json);
        return input is null ? new EvaluationOutcome(null, problems) : EvaluationScorer.Evaluate(input);
    }

    /// <summary>The file's evaluation, checked (<see cref="EvaluationValidator"/>), or its problems.</summary>
    public static (EvaluationInput? Input, IReadOnlyList<Problem> Problems) Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            return (null, [new Problem("", ErrorCodes.EvaluationFile, $"不是有效的 JSON（第 {e.LineNumber + 1} 行）：{e.Message}")]);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, [new Problem("", ErrorCodes.EvaluationFile, "文件应为一个对象：{ \"enterprise\", \"type\", \"year\", \"events\" }")]);
            }
            var problems = new List<Problem>();
            foreach (var p in root.EnumerateObject().Where(p => !TopFields.Contains(p.Name)))
            {
                problems.Add(new Problem(p.Name, ErrorCodes.EvaluationFieldUnexpected, $"{p.Name}：不认识的字段，可用的字段：{string.Join("、", TopFields)}"));
            }
            var enterprise = Text(root, "enterprise", ErrorCodes.EvaluationEnterprise, problems);
            var type = Text(root, "type", ErrorCodes.EvaluationType, problems);
            int? year = null;
            if (Present(root, "year") is { } y)
            {
                if (y.ValueKind == JsonValueKind.Number && y.TryGetInt32(out var v)) year = v;
                else problems.Add(new Problem("year", ErrorCodes.EvaluationYear, $"year：应为年份数字，如 2025，不是 {y.GetRawText()}"));
            }
            var events = new List<EvaluationEvent>();
            if (Present(root, "events") is not { } list)
            {
                problems.Add(new Problem("events", ErrorCodes.EvaluationFile, "events：缺少事件列表（没有事件时写 []）"));
            }
            else if (list.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new Problem("events", ErrorCodes.EvaluationFile, "events：应为事件的列表 [ … ]"));
            }
            else
            {
                var i = 0;
                foreach (var element in list.EnumerateArray()) events.Add(Event(i++, element, problems));
            }
            // The checks of the model, except on the fields the file already found wrong.
            var given = new EvaluationInput(enterprise, type, year, events);
            var found = problems.Select(p => p.Field).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(EvaluationValidator.Validate(given)
                .Where(p => !found.Any(f => p.Field == f || p.Field.StartsWith(f + ".", StringComparison.Ordinal))));
            return problems.Count > 0 ? (null, problems) : (given, []);
        }
    }

    private static EvaluationEvent Event(int index, JsonElement element, List<Problem> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new Problem(string.Create(CultureInfo.InvariantCulture, $"events[{index}]"), ErrorCodes.EvaluationFile,
                string.Create(CultureInfo.InvariantCulture, $"第 {index + 1} 个事件：应为一个对象 {{ \"item\": …, \"date\": … }}")));
            return new EvaluationEvent(0, null);
        }
        void Add(string field, string code, string message) =>
            problems.Add(new Problem(EvaluationValidator.Path(index, field), code, $"{EvaluationValidator.Name(index, field)}：{message}"));

        foreach (var p in element.EnumerateObject().Where(p => !EventFields.Contains(p.Name)))
        {
            Add(p.Name, ErrorCodes.EvaluationFieldUnexpected, $"不认识的字段，可用的字段：{string.Join("、", EventFields)}");
        }
        var item = 0;
        if (Present(element, "item") is not { } itemValue)
        {
            Add("item", ErrorCodes.EvaluationItem, "缺少指标序号（附表第1至12项，第7项除外）");
        }
        else if (itemValue.ValueKind != JsonValueKind.Number || !itemValue.TryGetInt32(out item))
        {
            Add("item", ErrorCodes.EvaluationItem, $"应为附表的指标序号 1 至 12，不是 {itemValue.GetRawText()}");
        }
        DateOnly? date = null;
        if (Present(element, "date") is { } dateValue)
        {
            if (dateValue.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(dateValue.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                date = d;
            }
            else
            {
                Add("date", ErrorCodes.EvaluationDate, $"应为日期 YYYY-MM-DD（北京时间），不是 {dateValue.GetRawText()}");
            }
        }
        string? cause = null;
        if (Present(element, "cause") is { } causeValue)
        {
            if (causeValue.ValueKind == JsonValueKind.String) cause = causeValue.GetString();
            else Add("cause", ErrorCodes.EvaluationCause, $"事由应为文字，不是 {causeValue.GetRawText()}");
        }
        return new EvaluationEvent(item, date, cause)
        {
            Corrected = Flag(element, "corrected", ErrorCodes.EvaluationCorrected, Add),
            Fine = Amount(element, "fine", ErrorCodes.EvaluationFine, "罚款金额应为数字（元）", Add),
            Points = Amount(element, "points", ErrorCodes.EvaluationPoints, "实际扣分应为数字", Add),
            Excluded = Flag(element, "excluded", ErrorCodes.EvaluationExcluded, Add) ?? false,
            Casualties = Count(element, Add),
        };
    }

    private static bool? Flag(JsonElement element, string field, string code, Action<string, string, string> add)
    {
        if (Present(element, field) is not { } value) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        add(field, code, $"应为 true 或 false，不是 {value.GetRawText()}");
        return null;
    }

    private static decimal? Amount(JsonElement element, string field, string code, string expected, Action<string, string, string> add)
    {
        if (Present(element, field) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var amount)) return amount;
        add(field, code, $"{expected}，不是 {value.GetRawText()}");
        return null;
    }

    private static int? Count(JsonElement element, Action<string, string, string> add)
    {
        if (Present(element, "casualties") is not { } value) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count)) return count;
        add("casualties", ErrorCodes.EvaluationCasualties, $"死亡或者重伤人数应为整数，不是 {value.GetRawText()}");
        return null;
    }

    private static string? Text(JsonElement root, string name, string code, List<Problem> problems)
    {
        if (Present(root, name) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        problems.Add(new Problem(name, code, $"{name}：应为文字，不是 {value.GetRawText()}"));
        return null;
    }

    /// <summary>The property, unless it is absent or null (both mean "not given").</summary>
    private static JsonElement? Present(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}
