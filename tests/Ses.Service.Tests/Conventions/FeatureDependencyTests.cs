using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using Ses.Service.Evidence;

namespace Ses.Service.Tests.Conventions;

/// <summary>
/// Evidence and alerts are features the others use and that use none of them: nothing in <c>Evidence/</c> or
/// <c>Alerts/</c> names Issuing or Delivery, in the source or in the compiled code; and Issuing does not reference
/// Delivery (both write evidence through <see cref="EvidenceEntries"/>).
/// </summary>
public sealed partial class FeatureDependencyTests
{
    [Theory]
    [InlineData("Evidence", "Issuing")]
    [InlineData("Evidence", "Delivery")]
    [InlineData("Alerts", "Issuing")]
    [InlineData("Alerts", "Delivery")]
    [InlineData("Issuing", "Delivery")]
    public void FeatureSource_DoesNotNameTheOtherFeature(string feature, string other)
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Ses.Service", feature);
        Assert.True(Directory.Exists(folder), folder);
        var pattern = new Regex($@"(?<![\w])(Ses\.Service\.)?{other}\.[A-Z]|Ses\.Service\.{other}\b");
        var found = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((text, i) => (File: Path.GetFileName(file), Line: i + 1, Text: CodeOnly(text))))
            .Where(l => pattern.IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, $"{feature}/ names {other}:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("Ses.Service.Evidence")]
    [InlineData("Ses.Service.Alerts")]
    public void CompiledFeature_UsesNoIssuingOrDeliveryType(string feature)
    {
        var used = TypesUsedBy(feature)
            .Where(t => InNamespace(t, "Ses.Service.Issuing") || InNamespace(t, "Ses.Service.Delivery"))
            .Select(t => t.FullName ?? t.Name)
            .Distinct()
            .ToList();
        Assert.True(used.Count == 0, $"{feature} uses:\n" + string.Join("\n", used));
    }

    [Fact]
    public void TheCompiledCheck_SeesWhatCodeUses()
    {
        // Delivery writes through the evidence factory: the check must see that, or it proves nothing above.
        Assert.Contains(typeof(EvidenceEntries), TypesUsedBy("Ses.Service.Delivery"));
        Assert.Contains(typeof(EvidenceChain), TypesUsedBy("Ses.Service.Issuing"));
    }

    private static bool InNamespace(Type t, string ns) => t.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal));

    /// <summary>Every type a namespace's types (their nested and compiler-made types included) name in signatures or in their IL.</summary>
    private static HashSet<Type> TypesUsedBy(string ns)
    {
        var used = new HashSet<Type>();
        var types = typeof(EvidenceLog).Assembly.GetTypes().Where(t => InNamespace(t, ns)).ToList();
        Assert.NotEmpty(types);
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in types)
        {
            Add(type.BaseType);
            foreach (var i in type.GetInterfaces()) Add(i);
            foreach (var f in type.GetFields(All)) Add(f.FieldType);
            foreach (var p in type.GetProperties(All)) Add(p.PropertyType);
            foreach (var m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
            {
                if (m is MethodInfo mi) Add(mi.ReturnType);
                foreach (var p in m.GetParameters()) Add(p.ParameterType);
                foreach (var member in MembersInBody(m)) AddMember(member);
            }
        }
        return used;

        void AddMember(MemberInfo member)
        {
            switch (member)
            {
                case Type t:
                    Add(t);
                    break;
                case FieldInfo f:
                    Add(f.DeclaringType);
                    Add(f.FieldType);
                    break;
                case MethodBase m:
                    Add(m.DeclaringType);
                    if (m is MethodInfo mi)
                    {
                        Add(mi.ReturnType);
                        foreach (var g in mi.IsGenericMethod ? mi.GetGenericArguments() : []) Add(g);
                    }
                    foreach (var p in m.GetParameters()) Add(p.ParameterType);
                    break;
            }
        }

        void Add(Type? t)
        {
            if (t is null || t.IsGenericParameter || !used.Add(t)) return;
            if (t.HasElementType) Add(t.GetElementType());
            if (t.IsGenericType) foreach (var g in t.GetGenericArguments()) Add(g);
        }
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The fields, methods and types a method body's instructions name.</summary>
    private static IEnumerable<MemberInfo> MembersInBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var code = il[at] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[at + 1])] : OpCodesByValue[il[at]];
            at += code.Size;
            switch (code.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                    yield return method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArgs, methodArgs)!;
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + 4 * BitConverter.ToInt32(il, at);
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    at += 8;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    at += 1;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                default:
                    at += 4;
                    break;
            }
        }
    }

    /// <summary>The line without its trailing comment and with string literals blanked.</summary>
    private static string CodeOnly(string line)
    {
        var noStrings = StringLiteral().Replace(line, "\"\"");
        var comment = noStrings.IndexOf("//", StringComparison.Ordinal);
        return comment >= 0 ? noStrings[..comment] : noStrings;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ses.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Ses.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("@?\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();
}
