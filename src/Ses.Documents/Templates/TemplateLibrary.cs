using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ses.Documents.Templates;

/// <summary>
/// The forms, bureau profiles and font settings of a templates folder (templates/README.md): read once at start,
/// so a bureau edits the files and restarts, with no rebuild.
/// </summary>
public sealed partial class TemplateLibrary
{
    private readonly Dictionary<string, FormTemplate> _forms;
    private readonly Dictionary<string, BureauProfile> _bureaus;

    private TemplateLibrary(string root, Dictionary<string, FormTemplate> forms, Dictionary<string, BureauProfile> bureaus, TemplateSettings settings)
    {
        Root = root;
        _forms = forms;
        _bureaus = bureaus;
        Settings = settings;
    }

    public string Root { get; }

    public TemplateSettings Settings { get; }

    /// <summary>The statutory forms: listed, rendered from submitted field values, issued. Internal forms are not among them.</summary>
    public IEnumerable<FormTemplate> Forms => _forms.Values.Where(f => !f.Internal).OrderBy(f => f.Id, StringComparer.Ordinal);

    public IEnumerable<BureauProfile> Bureaus => _bureaus.Values.OrderBy(b => b.Code, StringComparer.Ordinal);

    public BureauProfile DefaultBureau => _bureaus[Settings.DefaultBureau];

    /// <summary>A statutory form by id; null for an unknown id and for an internal form.</summary>
    public FormTemplate? FindForm(string id) => _forms.GetValueOrDefault(id) is { Internal: false } form ? form : null;

    /// <summary>An internal form (a document the system composes, such as the delivery certificate) by id.</summary>
    public FormTemplate? FindInternalForm(string id) => _forms.GetValueOrDefault(id) is { Internal: true } form ? form : null;

    public BureauProfile? FindBureau(string code) => _bureaus.GetValueOrDefault(code);

    /// <summary>Loads a templates folder; a malformed file stops with a message naming the file and the key.</summary>
    public static TemplateLibrary Load(string root)
    {
        root = Path.GetFullPath(root);
        var settings = TemplateSettings.Load(root);
        var forms = new Dictionary<string, FormTemplate>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "forms"), "*.json").Order(StringComparer.Ordinal))
        {
            var form = FormTemplateReader.Read(file);
            if (!forms.TryAdd(form.Id, form)) throw new TemplateException($"{file}: form id '{form.Id}' is used twice");
        }
        var bureaus = new Dictionary<string, BureauProfile>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "bureaus"), "*.json").Order(StringComparer.Ordinal))
        {
            var bureau = ReadBureau(file);
            if (!bureaus.TryAdd(bureau.Code, bureau)) throw new TemplateException($"{file}: bureau code '{bureau.Code}' is used twice");
        }
        CheckOfficeRegions(bureaus.Values);
        if (!bureaus.ContainsKey(settings.DefaultBureau))
        {
            throw new TemplateException($"{Path.Combine(root, TemplateSettings.FileName)}: defaultBureau '{settings.DefaultBureau}' has no file in bureaus/");
        }
        return new TemplateLibrary(root, forms, bureaus, settings);
    }

    /// <summary>Finds the templates folder: the given path, else <c>templates/</c> next to the program or above the working directory.</summary>
    public static string Locate(string? configured)
    {
        if (!string.IsNullOrEmpty(configured)) return configured;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "templates");
                if (File.Exists(Path.Combine(candidate, TemplateSettings.FileName))) return candidate;
            }
        }
        throw new TemplateException("templates folder not found: set Documents:TemplatesPath (or SES_TEMPLATES) to the folder holding templates.json");
    }

    /// <summary>A region belongs to one supervision office only: the office of an address is never a guess.</summary>
    private static void CheckOfficeRegions(IEnumerable<BureauProfile> bureaus)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var b in bureaus)
        {
            foreach (var office in b.Offices ?? [])
            {
                foreach (var region in office.Regions)
                {
                    if (!owners.TryAdd(region.Trim(), $"{b.Code}/{office.Name}"))
                    {
                        throw new TemplateException($"bureaus/{b.Code}.json: region '{region}' of office '{office.Name}' is already {owners[region.Trim()]}'s");
                    }
                }
            }
        }
    }

    /// <summary>
    /// Each sealing unit has an ASCII id (it names the unit's key file), a name and a seal text; no id twice, and no
    /// name that could mean two units or the bureau itself (a document's seal is never a guess).
    /// </summary>
    private static void CheckUnits(string file, BureauProfile b)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [b.Name.Trim()] = "the bureau", [b.SealText.Trim()] = "the bureau", [SealingUnit.ShortName(b.SealText.Trim())] = "the bureau",
        };
        for (var i = 0; i < (b.Units?.Count ?? 0); i++)
        {
            var unit = b.Units![i];
            var at = $"units[{i}]";
            if (unit is null) throw new TemplateException($"{file}: '{at}' is empty");
            if (string.IsNullOrWhiteSpace(unit.Id) || !UnitId().IsMatch(unit.Id))
            {
                throw new TemplateException($"{file}: '{at}.id' is '{unit.Id}', expected lower-case ASCII letters, digits and '-' (it names a key file)");
            }
            if (!ids.Add(unit.Id)) throw new TemplateException($"{file}: '{at}.id' '{unit.Id}' is used twice");
            if (string.IsNullOrWhiteSpace(unit.Name)) throw new TemplateException($"{file}: '{at}.name' is required");
            if (string.IsNullOrWhiteSpace(unit.SealText)) throw new TemplateException($"{file}: '{at}.sealText' is required");
            foreach (var name in new[] { unit.Name.Trim(), unit.SealText.Trim(), SealingUnit.ShortName(unit.SealText.Trim()) }.Distinct())
            {
                if (names.TryGetValue(name, out var owner)) throw new TemplateException($"{file}: '{at}': '{name}' already names {owner}");
                names[name] = $"unit '{unit.Id}'";
            }
        }
        // An office collects and transfers in its own name (实施办法第十条): each one seals, so each is a unit.
        for (var i = 0; i < (b.Offices?.Count ?? 0); i++)
        {
            var office = b.Offices![i]?.Name?.Trim();
            if (string.IsNullOrEmpty(office) || b.Units?.Any(u => u?.Name?.Trim() == office) != true)
            {
                throw new TemplateException($"{file}: 'offices[{i}]' '{office}' is not among 'units': an office seals what it collects");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex UnitId();

    private static BureauProfile ReadBureau(string file)
    {
        BureauProfile? b;
        try
        {
            b = JsonSerializer.Deserialize(File.ReadAllBytes(file), TemplateJsonContext.Default.BureauProfile);
        }
        catch (JsonException e)
        {
            throw new TemplateException($"{file}: {e.Message}", e);
        }
        if (b is null) throw new TemplateException($"{file}: empty file");
        var required = new[]
        {
            ("code", b.Code), ("name", b.Name), ("numberPrefix", b.NumberPrefix), ("legalDepartment", b.LegalDepartment), ("sealText", b.SealText),
        };
        foreach (var (key, value) in required)
        {
            if (string.IsNullOrWhiteSpace(value)) throw new TemplateException($"{file}: '{key}' is required");
        }
        for (var i = 0; i < (b.Offices?.Count ?? 0); i++)
        {
            var office = b.Offices![i];
            if (office is null || string.IsNullOrWhiteSpace(office.Name)) throw new TemplateException($"{file}: 'offices[{i}].name' is required");
            if (office.Regions is not { Count: > 0 } || office.Regions.Any(r => string.IsNullOrWhiteSpace(r) || r.Split('/').Length > 2
                || r.Split('/').Any(string.IsNullOrWhiteSpace)))
            {
                throw new TemplateException($"{file}: 'offices[{i}].regions' needs one or more regions, each a province or province/city");
            }
        }
        CheckUnits(file, b);
        return b with
        {
            Offices = b.Offices ?? [],
            Units = b.Units ?? [],
            Address = b.Address ?? "",
            PostalCode = b.PostalCode ?? "",
            Contact = b.Contact ?? "",
            Phone = b.Phone ?? "",
            SealCity = b.SealCity ?? "",
        };
    }
}
