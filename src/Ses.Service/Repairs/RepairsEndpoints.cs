using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Service.Accounts;
using Ses.Service.Cases;
using Ses.Service.Http;

namespace Ses.Service.Repairs;

/// <summary>
/// Credit repair (实施办法第十八条、第十九条): officers receive applications and carry them to the meeting, the decision or
/// the transfer slip; legal staff remove the repaired record. Each step answers the application with its next step.
/// </summary>
public static class RepairsEndpoints
{
    public static IEndpointRouteBuilder MapRepairs(this IEndpointRouteBuilder app)
    {
        var officers = app.MapStaffGroup("/api/repairs", AuthSetup.OfficerPolicy).WithTags("Repairs");
        officers.MapPost("/", Apply).WithName("ReceiveRepairApplication").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Receive a repair application (附件8) with its materials, once the waiting period is over (实施办法第十八条)");
        officers.MapStep<RepairService, RepairMeetingRequest, RepairView>("meeting", "RecordRepairMeeting",
            (s, id, r, a, ct) => s.MeetingAsync(id, r, a, ct));
        officers.MapStep<RepairService, RepairDecisionRequest, RepairView>("refusal", "IssueRepairRefusal",
            (s, id, r, a, ct) => s.RefusalAsync(id, r, a, ct));
        officers.MapStep<RepairService, RepairDecisionRequest, RepairView>("rejection", "IssueRepairRejection",
            (s, id, r, a, ct) => s.RejectionAsync(id, r, a, ct));
        officers.MapStep<RepairService, StepRequest, RepairView>("transfer", "TransferRepair", (s, id, r, a, ct) => s.TransferAsync(id, r, a, ct));

        var staff = app.MapStaffGroup("/api/repairs", AuthSetup.StaffPolicy).WithTags("Repairs");
        staff.MapGet("/", List).WithName("ListRepairs").WithSummary("The bureau's open repair applications, or all of one record (?recordId=)");
        staff.MapGet("/{id:guid}", Get).WithName("GetRepair");

        var legal = app.MapStaffGroup("/api/repairs", AuthSetup.LegalPolicy).WithTags("Repairs");
        legal.MapStep<RepairService, StepRequest, RepairView>("removal", "RemoveRepairedRecord", (s, id, r, a, ct) => s.RemovalAsync(id, r, a, ct));
        return app;
    }

    private static async Task<Results<Created<RepairView>, ValidationProblem, NotFound, ProblemHttpResult>> Apply(
        RepairRequest request, RepairService service, [AsParameters] StaffCaller caller)
    {
        var (view, refused) = await service.ApplyAsync(request, CaseActor.From(caller), caller.RequestAborted);
        return view is null ? ApiProblems.From<Created<RepairView>>(refused!) : TypedResults.Created($"/api/repairs/{view.Id}", view);
    }

    private static async Task<Results<Ok<RepairView>, NotFound>> Get(Guid id, RepairService service, [AsParameters] StaffCaller caller) =>
        await service.GetAsync(id, caller.Bureau, caller.RequestAborted) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Ok<List<RepairView>>> List(RepairService service, [AsParameters] StaffCaller caller, Guid? recordId = null) =>
        TypedResults.Ok(await service.ListAsync(caller.Bureau, recordId, caller.RequestAborted));
}
