namespace Ses.Service.Cli;

/// <summary>A verb's arguments: positionals, <c>--name value</c> options and <c>--flag</c> switches.</summary>
public sealed class CommandArgs
{
    private static readonly HashSet<string> Switches = ["--json", "--sample", "--sign", "--invisible", "--confirm"];

    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly List<(string Name, string Value)> _given = [];
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly List<string> _withoutValue = [];

    public List<string> Positionals { get; } = [];

    public static CommandArgs Parse(string[] args)
    {
        var parsed = new CommandArgs();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (Switches.Contains(a))
            {
                parsed._flags.Add(a);
            }
            else if (a.StartsWith("--", StringComparison.Ordinal))
            {
                // Reported by AllowOnly, after an unknown option (a typo) is named as such.
                if (i + 1 >= args.Length)
                {
                    parsed._withoutValue.Add(a);
                }
                else
                {
                    parsed._options[a] = args[++i];
                    parsed._given.Add((a, args[i]));
                }
            }
            else
            {
                parsed.Positionals.Add(a);
            }
        }
        return parsed;
    }

    public bool Flag(string name) => _flags.Contains(name);

    public string? Option(string name) => _options.GetValueOrDefault(name);

    /// <summary>Every value of an option that may be given more than once (<c>--trust a.pem --trust b.pem</c>), in order.</summary>
    public IReadOnlyList<string> Options(string name) => [.. _given.Where(g => g.Name == name).Select(g => g.Value)];

    /// <summary>Refuses options the verb does not know (named), then known options given without their value.</summary>
    public void AllowOnly(params string[] names)
    {
        var unknown = _options.Keys.Concat(_flags).Concat(_withoutValue).Where(k => !names.Contains(k)).ToList();
        if (unknown.Count > 0) throw new UsageException("不认识的选项：" + string.Join(" ", unknown));
        if (_withoutValue.Count > 0) throw new UsageException($"{_withoutValue[0]} 需要一个值");
    }

    /// <summary>Refuses positional arguments beyond the first <paramref name="count"/>.</summary>
    public void AllowPositionals(int count)
    {
        if (Positionals.Count > count) throw new UsageException("多余的参数：" + string.Join(" ", Positionals.Skip(count)));
    }
}

/// <summary>The command line is wrong: exit 2 with the message.</summary>
public sealed class UsageException(string message) : Exception(message);
