using Microsoft.AspNetCore.Mvc.ModelBinding;
using Ses.Documents.Validation;
using Ses.Service.Http;

namespace Ses.Service.Pages;

/// <summary>
/// The one way a page shows a <see cref="Refusal"/>: each field problem beside its input, and the line above the form —
/// <see cref="SeeFields"/> (or nothing) when the fields carry the problems, else the refusal's own message. The API
/// maps the same refusal with <see cref="ApiProblems.From{TOk}"/>. A not-found refusal is the page's not-found answer
/// (check <see cref="Refusal.IsNotFound"/> first).
/// </summary>
public static class PageRefusals
{
    public const string SeeFields = "有需要更正的内容，见各项旁的说明。";

    /// <summary>
    /// Adds the field problems to <paramref name="state"/> under the page's input names (<paramref name="input"/> maps a
    /// problem's field to its input; by default the field itself) and returns the line to show above the form.
    /// </summary>
    public static string? Show(this ModelStateDictionary state, Refusal refusal, Func<string, string>? input = null, string? whenFields = SeeFields) =>
        refusal.Show(p => state.AddModelError(input is null ? p.Field : input(p.Field), p.Message), whenFields);

    /// <summary>Hands each field problem to <paramref name="field"/> and returns the line to show above the form.</summary>
    public static string? Show(this Refusal refusal, Action<Problem> field, string? whenFields = SeeFields)
    {
        foreach (var p in refusal.Problems) field(p);
        return refusal.Problems.Count > 0 ? whenFields : refusal.Message;
    }
}
