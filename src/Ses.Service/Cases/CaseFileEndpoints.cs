using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Documents.Validation;
using Ses.Service.Accounts;
using Ses.Service.Http;

namespace Ses.Service.Cases;

/// <summary>
/// The case file (案卷) for reconsideration and court: officers, legal staff and leaders of the case's bureau download
/// it as one ZIP that is checked offline with <c>ses verify</c> and <c>ses audit verify --file</c>.
/// </summary>
public static class CaseFileEndpoints
{
    /// <summary>The roles that work with cases; a bureau administrator manages accounts, not cases.</summary>
    private static readonly string[] Roles = [StaffRole.Officer, StaffRole.Legal, StaffRole.Leader];

    public static IEndpointRouteBuilder MapCaseFile(this IEndpointRouteBuilder app)
    {
        app.MapStaffGroup("/api/cases", AuthSetup.StaffPolicy).WithTags("Cases")
            .MapGet("/{id:guid}/file", Export).WithName("ExportCaseFile")
            .WithSummary("The case file (案卷) as a ZIP: the signed table of contents, every document as signed, each delivery certificate and "
                + "receipt, the files kept with the steps, the evidence chain segment (evidence.jsonl) and manifest.json")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound, ProblemHttpResult>> Export(
        Guid id, CaseFileService service, [AsParameters] StaffCaller caller)
    {
        if (!Roles.Any(caller.IsInRole))
        {
            return ApiProblems.Forbidden(ErrorCodes.AuthForbidden, "只有执法人员、法制人员和分管局领导可以导出案卷");
        }
        var (file, refused) = await service.ExportAsync(id, CaseActor.From(caller), caller.RequestAborted);
        return file is null ? ApiProblems.From<FileContentHttpResult>(refused!) : TypedResults.File(file.Zip, "application/zip", file.FileName);
    }
}
