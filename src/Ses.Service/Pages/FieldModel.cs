using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Ses.Service.Pages;

/// <summary>One labelled input with its hint and, beside it, its validation message (Shared/_Field.cshtml).</summary>
public sealed record FieldModel(string Name, string Label, ModelStateDictionary State, string Type = "text", string? Value = null,
    string? Hint = null, string? Autocomplete = null, bool Required = false, string? Accept = null)
{
    public string Id => "f-" + Name.Replace('.', '-').Replace('[', '-').Replace(']', '-');

    public string? Error => State.TryGetValue(Name, out var entry) && entry.Errors.Count > 0
        ? string.Join("；", entry.Errors.Select(e => e.ErrorMessage))
        : null;
}
