using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Service.Accounts;
using Ses.Service.Http;

namespace Ses.Service.Cases;

/// <summary>Credit cases for officers: open one, read one, and "my cases" with each next step and its due date.</summary>
public static class CasesEndpoints
{
    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var cases = app.MapStaffGroup("/api/cases", AuthSetup.OfficerPolicy).WithTags("Cases");
        cases.MapPost("/", Create).WithName("CreateCase")
            .WithSummary("Open a credit case against a counterparty the bureau supervises (实施办法第十一条), in collection");
        cases.MapGet("/mine", Mine).WithName("MyCases")
            .WithSummary("The officer's open cases, each with its next step, due date and working days left (negative when overdue)");
        cases.MapGet("/{id:guid}", Get).WithName("GetCase");
        return app;
    }

    private static async Task<Results<Created<CaseView>, ValidationProblem, NotFound, ProblemHttpResult>> Create(
        CaseRequest request, CaseService cases, [AsParameters] StaffCaller caller)
    {
        var (view, refused) = await cases.CreateAsync(request, caller.Bureau, caller.UserId, caller.UserName, caller.Source, caller.RequestAborted);
        return view is null ? ApiProblems.From<Created<CaseView>>(refused!) : TypedResults.Created($"/api/cases/{view.Id}", view);
    }

    private static async Task<Results<Ok<CaseView>, NotFound>> Get(Guid id, CaseService cases, [AsParameters] StaffCaller caller) =>
        await cases.GetAsync(id, caller.Bureau, caller.RequestAborted) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Ok<List<MyCaseView>>> Mine(CaseService cases, [AsParameters] StaffCaller caller) =>
        TypedResults.Ok(await cases.MineAsync(caller.UserId, caller.Bureau, caller.RequestAborted));
}
