using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Service.Accounts;
using Ses.Service.Http;

namespace Ses.Service.OrganisationChanges;

/// <summary>Organisation changes (实施办法第二十二条), recorded and read by administrators or legal staff.</summary>
public static class OrganisationChangesEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationChanges(this IEndpointRouteBuilder app)
    {
        var group = app.MapStaffGroup("/api/organisation-changes", AuthSetup.AdminOrLegalPolicy).WithTags("Organisation changes");
        group.MapPost("/", Record).WithName("RecordOrganisationChange")
            .WithSummary("Record a renaming, split or merger of an organisation; its records follow the rule of 实施办法第二十二条");
        group.MapGet("/", List).WithName("ListOrganisationChanges").WithSummary("The bureau's organisation changes, of one organisation with ?counterpartyId=");
        group.MapGet("/{id:guid}", Get).WithName("GetOrganisationChange");
        return app;
    }

    private static async Task<Results<Created<OrganisationChangeView>, ValidationProblem, NotFound, ProblemHttpResult>> Record(
        OrganisationChangeRequest request, OrganisationChangeService service, [AsParameters] StaffCaller caller)
    {
        var (view, refused) = await service.RecordAsync(request, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted);
        return view is null ? ApiProblems.From<Created<OrganisationChangeView>>(refused!) : TypedResults.Created($"/api/organisation-changes/{view.Id}", view);
    }

    private static async Task<Ok<List<OrganisationChangeView>>> List(OrganisationChangeService service, [AsParameters] StaffCaller caller,
        Guid? counterpartyId = null) =>
        TypedResults.Ok(await service.ListAsync(caller.Bureau, counterpartyId, caller.RequestAborted));

    private static async Task<Results<Ok<OrganisationChangeView>, NotFound>> Get(Guid id, OrganisationChangeService service,
        [AsParameters] StaffCaller caller) =>
        await service.GetAsync(id, caller.Bureau, caller.RequestAborted) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
}
