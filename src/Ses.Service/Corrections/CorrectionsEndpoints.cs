using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Service.Accounts;
using Ses.Service.Cases;
using Ses.Service.Http;

namespace Ses.Service.Corrections;

/// <summary>
/// Corrections of credit records (实施办法第二十四条): officers of the original department prepare them, send the transfer
/// slip and record the withdrawal of the publication; the leader approves or returns; legal staff adjust the record.
/// </summary>
public static class CorrectionsEndpoints
{
    public static IEndpointRouteBuilder MapCorrections(this IEndpointRouteBuilder app)
    {
        var officers = app.MapStaffGroup("/api/corrections", AuthSetup.OfficerPolicy).WithTags("Corrections");
        officers.MapPost("/", Create).WithName("PrepareCorrection").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Prepare the correction of a credit record within 3 working days of discovering the error or change (实施办法第二十四条)");
        officers.MapStep<CorrectionService, StepRequest, CorrectionView>("transfer", "TransferCorrection", (s, id, r, a, ct) => s.TransferAsync(id, r, a, ct))
            .WithSummary("The transfer slip (移送单, 变更) to the legal department");
        officers.MapStep<CorrectionService, StepRequest, CorrectionView>("withdrawal", "WithdrawCorrectedPublication",
            (s, id, r, a, ct) => s.WithdrawalAsync(id, r, a, ct))
            .WithSummary("The publication withdrawn and notifications recalled within 3 working days of the adjustment");

        var leaders = app.MapStaffGroup("/api/corrections", AuthSetup.LeaderPolicy).WithTags("Corrections");
        leaders.MapStep<CorrectionService, ApprovalRequest, CorrectionView>("approve", "ApproveCorrection", (s, id, r, a, ct) => s.ApproveAsync(id, r, a, ct))
            .WithSummary("The leader approves the correction, or returns it with a note");

        var legal = app.MapStaffGroup("/api/corrections", AuthSetup.LegalPolicy).WithTags("Corrections");
        legal.MapStep<CorrectionService, StepRequest, CorrectionView>("adjust", "AdjustCorrectedRecord", (s, id, r, a, ct) => s.AdjustAsync(id, r, a, ct))
            .WithSummary("Legal staff adjust the record within 2 working days of receiving the transfer slip");

        var staff = app.MapStaffGroup("/api/corrections", AuthSetup.StaffPolicy).WithTags("Corrections");
        staff.MapGet("/", List).WithName("ListCorrections").WithSummary("The bureau's open corrections, or all of one record (?recordId=)");
        staff.MapGet("/{id:guid}", Get).WithName("GetCorrection");
        return app;
    }

    private static async Task<Results<Created<CorrectionView>, ValidationProblem, NotFound, ProblemHttpResult>> Create(
        CorrectionRequest request, CorrectionService service, [AsParameters] StaffCaller caller)
    {
        var (view, refused) = await service.CreateAsync(request, CaseActor.From(caller), caller.RequestAborted);
        return view is null ? ApiProblems.From<Created<CorrectionView>>(refused!) : TypedResults.Created($"/api/corrections/{view.Id}", view);
    }

    private static async Task<Results<Ok<CorrectionView>, NotFound>> Get(Guid id, CorrectionService service, [AsParameters] StaffCaller caller) =>
        await service.GetAsync(id, caller.Bureau, caller.RequestAborted) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Ok<List<CorrectionView>>> List(CorrectionService service, [AsParameters] StaffCaller caller, Guid? recordId = null) =>
        TypedResults.Ok(await service.ListAsync(caller.Bureau, recordId, caller.RequestAborted));
}
