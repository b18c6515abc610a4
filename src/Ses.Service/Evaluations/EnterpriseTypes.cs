namespace Ses.Service.Evaluations;

/// <summary>The Chinese names of the enterprise types, as the table's note 1 writes them (暂行办法附表注1).</summary>
public static class EnterpriseTypes
{
    private static readonly (EnterpriseType Type, string Name)[] Names =
    [
        (EnterpriseType.Passenger, "载客类"),
        (EnterpriseType.Manned, "载人类"),
        (EnterpriseType.Other, "其他类（不含执照培训）"),
        (EnterpriseType.Training, "执照培训类"),
    ];

    /// <summary>Every name, in the table's order, for messages that list them.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Names.Select(n => n.Name)];

    public static string Name(EnterpriseType type) => Names.First(n => n.Type == type).Name;

    /// <summary>The type of a name; half-width brackets are read as the full-width ones the note writes.</summary>
    public static EnterpriseType? Parse(string? name)
    {
        if (name is null) return null;
        var normal = name.Trim().Replace('(', '（').Replace(')', '）');
        foreach (var (type, text) in Names)
        {
            if (text == normal) return type;
        }
        return null;
    }
}
