using System.Text.Encodings.Web;
using System.Text.Json;
using Ses.Documents.Templates;
using Ses.Service.Documents;

namespace Ses.Service.Cli;

/// <summary><c>ses templates [--json]</c>: form ids, titles, series and field schemas.</summary>
public static class TemplatesVerb
{
    private static readonly JsonSerializerOptions Json = new(FormSchemaJson.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = FormSchemaJson.Default,
    };

    public static int Run(CommandArgs args, TextWriter stdout)
    {
        args.AllowOnly("--json", "--templates");
        args.AllowPositionals(0);
        var library = TemplateLibrary.Load(CliConfiguration.TemplatesRoot(args));
        var forms = library.Forms.Select(FormSchema.From).ToList();
        if (args.Flag("--json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(forms, Json));
            return SesCommand.Ok;
        }
        foreach (var f in forms)
        {
            stdout.WriteLine($"{f.Id}\t{f.Title}\t{f.Series ?? "（不编号）"}");
            foreach (var field in f.Fields)
            {
                stdout.WriteLine($"    {field.Name}\t{field.Type}\t{field.Label}{(field.Required ? "" : "（选填）")}");
                foreach (var c in field.Columns ?? []) stdout.WriteLine($"        {c.Name}\t{c.Type}\t{c.Label}{(c.Required ? "" : "（选填）")}");
            }
        }
        return SesCommand.Ok;
    }
}
