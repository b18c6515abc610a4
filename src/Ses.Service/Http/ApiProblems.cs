using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Documents.Validation;

namespace Ses.Service.Http;

/// <summary>
/// Expected failures as RFC 9457 problem details, in one place: a stable <c>code</c>, a Chinese <c>title</c>, and for
/// invalid fields a <c>problems</c> list of <c>{field, code, message}</c>.
/// </summary>
public static class ApiProblems
{
    public const string TypeBase = "https://ses.local/problems/";

    /// <summary>
    /// The one mapping of a <see cref="Refusal"/> to an answer: field problems as a validation problem (400), not found
    /// as a bare 404, anything else as problem details with its status, code and Chinese title. A route whose refusals
    /// include a status other than 400 and 404 declares it with <c>.ProducesProblem(status)</c>, so the OpenAPI document
    /// lists it.
    /// </summary>
    public static Results<TOk, ValidationProblem, NotFound, ProblemHttpResult> From<TOk>(Refusal refusal) where TOk : IResult
    {
        if (refusal.Problems.Count > 0) return Invalid(refusal.Problems);
        if (refusal.IsNotFound) return TypedResults.NotFound();
        return Of(refusal.Status, refusal.Code, refusal.Message);
    }

    public static ValidationProblem Invalid(IReadOnlyList<Problem> problems) =>
        TypedResults.ValidationProblem(
            problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            title: "数据无效", type: TypeBase + ErrorCodes.Validation,
            extensions: new Dictionary<string, object?>
            {
                ["code"] = ErrorCodes.Validation,
                ["problems"] = problems.Select(p => new FieldProblem(p.Field, p.Code, p.Message)).ToArray(),
            });

    public static ProblemHttpResult Conflict(string code, string title) => Of(StatusCodes.Status409Conflict, code, title);

    public static ProblemHttpResult Unauthorized(string code, string title) => Of(StatusCodes.Status401Unauthorized, code, title);

    public static ProblemHttpResult Forbidden(string code, string title) => Of(StatusCodes.Status403Forbidden, code, title);

    public static ProblemHttpResult Of(int status, string code, string title) =>
        TypedResults.Problem(title: title, statusCode: status, type: TypeBase + code, extensions: new Dictionary<string, object?> { ["code"] = code });
}
