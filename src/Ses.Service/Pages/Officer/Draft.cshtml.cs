using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Templates;
using Ses.Documents.Validation;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Data;
using Ses.Service.Http;
using Ses.Service.Issuing;

namespace Ses.Service.Pages.Officer;

/// <summary>
/// A new document from a form, or a draft being edited: the form's fields generated from its schema, the validator's
/// messages beside them, the PDF preview as issuing would print it, and issuing: 签发 takes the values on the screen
/// (saving them first), then a confirmation states the number it will take before anything is issued.
/// </summary>
public sealed class DraftModel(DraftService drafts, DocumentEngine engine, SesDbContext db, CalendarStore calendars, TimeProvider time)
    : PageModel, IKeepsTypedData
{
    public FormTemplate Form { get; private set; } = null!;

    public Draft? Draft { get; private set; }

    public JsonObject Data { get; private set; } = [];

    public Guid? CounterpartyId { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Counterparties { get; private set; } = [];

    public Dictionary<string, List<string>> Problems { get; } = [];

    public Dictionary<string, int> RowsShown { get; } = [];

    public string? Refused { get; private set; }

    /// <summary>The reply date issuing now would propose, shown beside the field that takes it.</summary>
    public string? Proposal { get; private set; }

    /// <summary>The confirmation step of issuing: the values are saved and pass the checks; nothing is issued yet.</summary>
    public bool Confirming { get; private set; }

    /// <summary>The number issuing now would take (預計, from the series' counter).</summary>
    public string? PredictedNumber { get; private set; }

    /// <summary>The counterparty's name, for the confirmation.</summary>
    public string? CounterpartyName => Counterparties.FirstOrDefault(c => c.Id == CounterpartyId).Name;

    private string Bureau => User.StaffBureau();

    private string Source => HttpContext.Source();

    public async Task<IActionResult> OnGetAsync(Guid? id, string? form)
    {
        if (!await LoadAsync(id, form)) return NotFound();
        if (StaleForm.Is(HttpContext) && Request.HasFormContentType)
        {
            KeepTyped(Request.Form["counterpartyId"]);
            return Page();
        }
        if (Draft is not null) await CheckAsync(Draft);
        return Page();
    }

    /// <summary>Saves the values (a draft may be incomplete); the page then shows what issuing would still refuse.</summary>
    public async Task<IActionResult> OnPostSaveAsync(Guid? id, string? form, int version, Guid? counterpartyId)
    {
        if (!await LoadAsync(id, form)) return NotFound();
        Data = FormFields.Read(Form, Request.Form);
        CounterpartyId = counterpartyId;
        using var json = JsonDocument.Parse(Data.ToJsonString());
        var (saved, refused) = Draft is null
            ? await drafts.CreateAsync(new DraftRequest(Form.Id, json.RootElement, CounterpartyId: counterpartyId),
                Bureau, User.UserName(), Source, HttpContext.RequestAborted)
            : await drafts.UpdateAsync(Draft.Id, new DraftUpdate(json.RootElement, version, counterpartyId),
                Bureau, User.UserName(), Source, HttpContext.RequestAborted);
        if (saved is null)
        {
            Show(refused!);
            return Page();
        }
        TempData["Done"] = "草稿已保存。";
        return Redirect($"/officer/draft/{saved.Id}");
    }

    /// <summary>Shows one more row of a rows field, keeping what was typed (nothing is saved).</summary>
    public async Task<IActionResult> OnPostAddRowAsync(Guid? id, string? form, string? row, Guid? counterpartyId)
    {
        if (!await LoadAsync(id, form)) return NotFound();
        KeepTyped(counterpartyId?.ToString());
        if (row is not null) RowsShown[row] = RowsShown.GetValueOrDefault(row) + 1;
        return Page();
    }

    /// <summary>The draft as PDF, unnumbered and unsigned; if issuing would refuse it, the draft page with the problems.</summary>
    public async Task<IActionResult> OnGetPreviewAsync(Guid? id)
    {
        if (id is null || !await LoadAsync(id, null)) return NotFound();
        var (pdf, problems) = await drafts.PreviewAsync(Draft!, HttpContext.RequestAborted);
        if (pdf is not null) return File(pdf, "application/pdf");
        foreach (var p in problems) Add(p);
        Refused = "有需要更正的内容，暂不能预览。";
        return Page();
    }

    /// <summary>
    /// 签发, in two steps. First (from the draft form) the values on the screen are saved if they differ from the saved
    /// draft and checked; the page then asks for confirmation, stating the number the document will take. Then
    /// (<paramref name="confirmed"/>) the draft is issued if it is still the version confirmed.
    /// </summary>
    public async Task<IActionResult> OnPostIssueAsync(Guid? id, int version, Guid? counterpartyId, bool confirmed)
    {
        if (id is null || !await LoadAsync(id, null)) return NotFound();
        if (Draft!.IssuedDocumentId is not null) return Page();
        if (!confirmed)
        {
            KeepTyped(counterpartyId?.ToString());
            var saved = JsonNode.Parse(Draft.DataJson);
            var edited = false;
            if (!JsonNode.DeepEquals(Data, saved) || (counterpartyId is not null && counterpartyId != Draft.CounterpartyId) || version != Draft.Version)
            {
                using var json = JsonDocument.Parse(Data.ToJsonString());
                var (updated, refused) = await drafts.UpdateAsync(Draft.Id, new DraftUpdate(json.RootElement, version, counterpartyId),
                    Bureau, User.UserName(), Source, HttpContext.RequestAborted);
                if (updated is null)
                {
                    Show(refused!);
                    Refused = "未签发：" + Refused;
                    return Page();
                }
                Draft = updated;
                edited = true;
            }
            await CheckAsync(Draft);
            if (Problems.Count > 0)
            {
                Refused = "未签发：" + (edited ? "屏幕上的修改已保存，但" : "") + "还有需要更正的内容，见各项旁的说明。";
                return Page();
            }
            // The confirmation shows what issuing will use: the saved draft (a cleared counterparty is not cleared by saving).
            Data = JsonNode.Parse(Draft.DataJson) as JsonObject ?? [];
            CounterpartyId = Draft.CounterpartyId;
            Confirming = true;
            PredictedNumber = await NumberForecast.NextAsync(db, engine, Bureau, Form, time.GetUtcNow(), HttpContext.RequestAborted);
            return Page();
        }
        if (version != Draft.Version)
        {
            await CheckAsync(Draft);
            Refused = "未签发：确认之后草稿又被修改过。请核对下方内容后重新签发。";
            return Page();
        }
        var (document, refusal) = await drafts.IssueAsync(id.Value, Bureau, User.UserName(), Source, HttpContext.RequestAborted);
        if (document is null)
        {
            Show(refusal!);
            return Page();
        }
        TempData["Done"] = $"已签发：{document.Number}";
        return Redirect($"/officer/documents/{document.Id}");
    }

    /// <summary>The values as posted (typed, not yet saved), with the rows each rows field shows.</summary>
    private void KeepTyped(string? counterpartyId)
    {
        Data = FormFields.Read(Form, Request.Form);
        CounterpartyId = Guid.TryParse(counterpartyId, out var cp) ? cp : null;
        foreach (var key in Request.Form.Keys.Where(k => k.StartsWith("rows.", StringComparison.Ordinal)))
        {
            if (int.TryParse(Request.Form[key], out var n)) RowsShown[key["rows.".Length..]] = n;
        }
    }

    private async Task<bool> LoadAsync(Guid? id, string? formId)
    {
        if (id is { } draftId)
        {
            Draft = await drafts.OwnAsync(draftId, Bureau, HttpContext.RequestAborted);
            if (Draft is null) return false;
            formId = Draft.FormId;
            Data = JsonNode.Parse(Draft.DataJson) as JsonObject ?? [];
            CounterpartyId = Draft.CounterpartyId;
        }
        if (engine.Templates.FindForm(formId ?? "") is not { Series: not null } form) return false;
        Form = form;
        Counterparties = (await db.Counterparties.AsNoTracking().Where(c => c.SupervisingBureau == Bureau).Select(c => new { c.Id, c.Name })
            .ToListAsync(HttpContext.RequestAborted)).OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => (c.Id, c.Name)).ToList();
        if (form.Fields.Any(f => f.Proposal == "reply-date"))
        {
            Proposal = Pages.Show.Date(LegalDates.ProposedReplyDate(time.GetUtcNow(), await calendars.CurrentAsync(HttpContext.RequestAborted)).Date);
        }
        return true;
    }

    private async Task CheckAsync(Draft draft)
    {
        if (draft.IssuedDocumentId is not null) return;
        var (_, problems) = await drafts.CheckAsync(draft, HttpContext.RequestAborted);
        foreach (var p in problems) Add(p);
    }

    private void Show(Refusal refused) => Refused = refused.Show(Add);

    private void Add(Problem p)
    {
        var key = p.Field.Length == 0 ? "" : p.Field;
        if (!Problems.TryGetValue(key, out var list)) Problems[key] = list = [];
        list.Add(p.Message);
    }
}
