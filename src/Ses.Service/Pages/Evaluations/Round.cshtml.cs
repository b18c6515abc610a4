using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Data;
using Ses.Service.Evaluations;
using Ses.Service.Http;

namespace Ses.Service.Pages.Evaluations;

/// <summary>
/// One round: its dates and rules, the enterprises with their scores, and for the officer the next step — add
/// enterprises, pre-evaluate, publish the pre-evaluation result with the notices, publish the final result.
/// </summary>
public sealed class RoundModel(EvaluationQueries queries, EvaluationRoundService rounds, SesDbContext db, TimeProvider time) : PageModel,
    IKeepsTypedData
{
    public RoundView Round { get; private set; } = null!;

    /// <summary>The counterparties the bureau supervises that are not in the round yet, by name.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Candidates { get; private set; } = [];

    public string? Refused { get; private set; }

    public DateOnly Today { get; private set; }

    [BindProperty]
    public Guid? CounterpartyId { get; set; }

    [BindProperty]
    public string? Type { get; set; }

    [BindProperty]
    public string? Mode { get; set; }

    private CaseActor Actor => new(User.StaffBureau(), User.UserId(), User.UserName(), HttpContext.Source());

    private CancellationToken Ct => HttpContext.RequestAborted;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostEnterpriseAsync(Guid id) =>
        StepAsync(id, "已增加参评企业。", () => rounds.AddEnterpriseAsync(id, new EnterpriseRequest(CounterpartyId, Type), Actor, Ct));

    public Task<IActionResult> OnPostPreEvaluateAsync(Guid id) =>
        StepAsync(id, "预评价已完成，可以核对各企业的扣分事项后公示。", () => rounds.PreEvaluateAsync(id, Actor, Ct));

    public Task<IActionResult> OnPostPublishAsync(Guid id) =>
        StepAsync(id, "预评价结果已公示，预评价结果告知书已签发并送达。",
            () => rounds.PublishAsync(id, new NoticeOptions(string.IsNullOrEmpty(Mode) ? null : Mode, null, null), Actor, Ct));

    public Task<IActionResult> OnPostFinalAsync(Guid id) =>
        StepAsync(id, "评价结果已发布。", () => rounds.FinalAsync(id, Actor, Ct));

    private async Task<IActionResult> StepAsync(Guid id, string done, Func<Task<(RoundView?, Refusal?)>> step)
    {
        if (!User.IsInRole(StaffRole.Officer)) return Forbid();
        ModelState.Clear();
        var (view, refused) = await step();
        if (view is not null)
        {
            TempData["Done"] = done;
            return Redirect($"/evaluations/{id}");
        }
        if (refused!.IsNotFound) return NotFound();
        Refused = ModelState.Show(refused, f => f == "counterpartyId" ? "CounterpartyId" : f == "type" ? "Type" : f);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        Today = LegalDates.BeijingDate(time.GetUtcNow());
        if (await queries.RoundAsync(id, User.StaffBureau(), Ct) is not { } round) return false;
        Round = round;
        var bureau = User.StaffBureau();
        var taken = round.Enterprises.Select(e => e.CounterpartyId).ToList();
        Candidates = [.. (await db.Counterparties.AsNoTracking().Where(c => c.SupervisingBureau == bureau && !taken.Contains(c.Id))
                .Select(c => new { c.Id, c.Name }).ToListAsync(Ct))
            .OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => (c.Id, c.Name))];
        return true;
    }
}
