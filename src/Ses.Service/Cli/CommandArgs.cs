namespace Ses.Service.Cli;

/// <summary>A verb's arguments: positionals, <c>--name value</c> options and <c>--flag</c> switches.</summary>
public sealed class CommandArgs
{
    private static readonly HashSet<string> Switches = ["--json", "--sample", "--sign", "--invisible", "--confirm"];

    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly List<(string Name, string Value)> _given = [];
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = [];

    public static CommandArgs Parse(string[] args)
    {
        var parsed = new CommandArgs();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (Switches.Contains(a)) parsed._flags.Add(a);
            else if (a.StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length) throw new UsageException($"{a} 需要一个值");
                parsed._options[a] = args[++i];
                parsed._given.Add((a, args[i]));
            }
            else parsed.Positionals.Add(a);
        }
        return parsed;
    }

    public bool Flag(string name) => _flags.Contains(name);

    public string? Option(string name) => _options.GetValueOrDefault(name);

    /// <summary>Every value of an option that may be given more than once (<c>--trust a.pem --trust b.pem</c>), in order.</summary>
    public IReadOnlyList<string> Options(string name) => [.. _given.Where(g => g.Name == name).Select(g => g.Value)];

    public void AllowOnly(params string[] names)
    {
        var unknown = _options.Keys.Concat(_flags).Where(k => !names.Contains(k)).ToList();
        if (unknown.Count > 0) throw new UsageException("不认识的选项：" + string.Join(" ", unknown));
    }
}

/// <summary>The command line is wrong: exit 2 with the message.</summary>
public sealed class UsageException(string message) : Exception(message);
