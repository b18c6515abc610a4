namespace Ses.Service.Records;

/// <summary>
/// The marks of 实施办法第二十七条: the record is the subject of a pending reconsideration or litigation; no new measure
/// is taken on it while the mark stands.
/// </summary>
public static class RecordMarks
{
    public const string Reconsideration = "reconsideration";

    public const string Litigation = "litigation";

    public static readonly string[] All = [Reconsideration, Litigation];

    /// <summary>What the record shows, wherever it is shown (the public list included).</summary>
    public static string? Label(string? mark) => mark switch
    {
        Reconsideration => "复议中",
        Litigation => "诉讼中",
        _ => null,
    };

    /// <summary>The proceeding, in a sentence.</summary>
    public static string Proceeding(string mark) => mark == Litigation ? "行政诉讼" : "行政复议";
}
