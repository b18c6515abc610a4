using System.Globalization;
using Ses.Documents;
using Ses.Documents.Templates;
using Ses.Service.Calendar;
using Ses.Service.Cases;

namespace Ses.Service.Cli;

/// <summary>
/// <c>ses calendar deemed &lt;sent-at&gt;...</c> and <c>ses calendar deadline &lt;kind&gt; &lt;date&gt;...</c>, where the
/// kind is a period from delivery (defense, reconsideration, litigation) or a credit case's time limit
/// (<see cref="CaseTimeLimits"/>): one line per input, starting with the date (YYYY-MM-DD), then <c>provisional</c>
/// where the computation reached a year with no schedule, then how it was found. <c>--calendar &lt;file.csv&gt;</c> adds
/// years. Exit 1 when any input is invalid (its line names the reason), 2 for an unknown kind.
/// </summary>
public static class CalendarVerb
{
    public static async Task<int> RunAsync(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        args.AllowOnly("--calendar", "--confirm");
        if (args.Positionals is ["import", var file]) return await ImportAsync(file, args.Flag("--confirm"), stdout, stderr);
        var calendar = HolidayCalendar.Default;
        if (args.Option("--calendar") is { } extra)
        {
            var added = HolidayCalendar.Parse(File.ReadAllText(extra), Path.GetFileName(extra), out var problems);
            if (added is null) throw new UsageException(string.Join("; ", problems.Select(p => $"{p.Message}（{p.Code}）")));
            calendar = calendar.With(added);
        }
        return args.Positionals.ToArray() switch
        {
            ["deemed", .. var instants] when instants.Length > 0 => Each(instants, stdout, stderr, text =>
                DateTimeOffset.TryParseExact(text,
                    ["yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mmzzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ"],
                    CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && HasOffset(text)
                    ? LegalDates.DeemedDelivery(at, calendar)
                    : null, "an ISO-8601 instant with its offset, e.g. 2026-02-13T23:30:00+08:00 or 2026-02-13T15:30:00Z",
                "带时区的时刻，例如 2026-02-13T23:30:00+08:00 或 2026-02-13T15:30:00Z"),
            ["deadline", var kind, .. var dates] when dates.Length > 0 => Deadline(kind, dates, calendar, stdout, stderr),
            _ => throw new UsageException("用法：ses calendar deemed <送达时刻>... | "
                + $"ses calendar deadline <{string.Join('|', Kinds)}> <日期>... | ses calendar import <文件.csv> [--confirm]"),
        };
    }

    /// <summary>The kinds <c>deadline</c> takes: the periods from delivery, then the credit case's time limits.</summary>
    private static readonly string[] Kinds = ["defense", "reconsideration", "litigation", .. CaseTimeLimits.All.Select(l => l.Kind)];

    private static int Deadline(string kind, string[] dates, HolidayCalendar calendar, TextWriter stdout, TextWriter stderr)
    {
        Func<DateOnly, LegalDate> compute = Parse(kind) is { } period
            ? d => LegalDates.Deadline(period, d, calendar)
            : CaseTimeLimits.Find(kind) is { } limit
                ? d => CaseTimeLimits.Due(limit, d, calendar)
                : throw new UsageException($"不认识的期限种类：{kind}（可用的种类：{string.Join("、", Kinds)}）");
        return Each(dates, stdout, stderr, text =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? compute(d)
                : null, "a date YYYY-MM-DD", "日期，格式为 YYYY-MM-DD");
    }

    /// <summary>
    /// <c>ses calendar import &lt;file&gt; [--confirm]</c>: whole years into the service's database (the same Database
    /// settings). When the file moves dates of existing deliveries it lists them (number, counterparty, date, old →
    /// new) and imports only with <c>--confirm</c>; exit 1 otherwise.
    /// </summary>
    private static async Task<int> ImportAsync(string file, bool confirm, TextWriter stdout, TextWriter stderr)
    {
        var csv = await File.ReadAllTextAsync(file);
        var configuration = CliConfiguration.Build();
        await using var db = Data.DataSetup.Open(Data.DataSetup.Read(configuration));
        await Data.DataSetup.MigrateAsync(db);
        // The forms declare which periods their documents open: the moves are computed with the service's templates.
        var templates = configuration["Documents:TemplatesPath"] is { Length: > 0 } path ? path : Environment.GetEnvironmentVariable("SES_TEMPLATES");
        var engine = DocumentEngine.Load(TemplateLibrary.Locate(templates));
        var result = await new CalendarStore(db, engine)
            .ImportAsync(csv, Path.GetFileName(file), Environment.UserName, "cli", TimeProvider.System.GetUtcNow(), confirm, CancellationToken.None);
        foreach (var p in result.Problems) stderr.WriteLine($"{p.Message}（{p.Code}）");
        if (result.Problems.Count > 0) return SesCommand.Invalid;
        if (result.Moves.Count > 0)
        {
            var writer = result.Imported ? stdout : stderr;
            writer.WriteLine(result.Imported ? $"已按新日历改变 {result.Moves.Count} 个日期：" : $"导入将改变 {result.Moves.Count} 个已有送达的日期，未导入：");
            foreach (var m in result.Moves) writer.WriteLine("  " + m.Text);
        }
        if (!result.Imported)
        {
            stderr.WriteLine($"核对后加 --confirm 确认导入（{CalendarEndpoints.MovesDatesCode}）");
            return SesCommand.Invalid;
        }
        stdout.WriteLine($"已导入 {string.Join("、", result.Years)} 年的节假日安排（{Path.GetFileName(file)}）");
        return SesCommand.Ok;
    }

    // An instant without an offset is ambiguous (whose midnight?): refused rather than guessed.
    private static bool HasOffset(string text) => text.EndsWith('Z') || text.Length > 19 && (text[^6] is '+' or '-');

    private static Period? Parse(string kind) => kind switch
    {
        "defense" => Period.Defense,
        "reconsideration" => Period.Reconsideration,
        "litigation" => Period.Litigation,
        _ => null,
    };

    private static int Each(string[] inputs, TextWriter stdout, TextWriter stderr, Func<string, LegalDate?> compute, string expected,
        string expectedChinese)
    {
        var exit = SesCommand.Ok;
        foreach (var input in inputs)
        {
            if (compute(input) is { } r)
            {
                stdout.WriteLine($"{r.Date:yyyy-MM-dd}{(r.Provisional ? " provisional" : "")} {r.Rule}");
            }
            else
            {
                stdout.WriteLine($"invalid {input}: expected {expected}");
                stderr.WriteLine($"无效输入 {input}：应为{expectedChinese}");
                exit = SesCommand.Invalid;
            }
        }
        return exit;
    }
}
