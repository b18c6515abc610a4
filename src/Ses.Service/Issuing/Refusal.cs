using Ses.Documents.Validation;

namespace Ses.Service.Issuing;

/// <summary>
/// An expected refusal of a request about drafts and documents, as a value: the HTTP status the API answers with, a
/// stable code and the Chinese reason, or the field problems. The pages show the same message.
/// </summary>
public sealed record Refusal(int Status, string Code, string Message, IReadOnlyList<Problem> Problems)
{
    public static readonly Refusal NotFound = new(StatusCodes.Status404NotFound, "not-found", "没有找到", []);

    public static Refusal Conflict(string code, string message) => new(StatusCodes.Status409Conflict, code, message, []);

    public static Refusal Invalid(IReadOnlyList<Problem> problems) => new(StatusCodes.Status400BadRequest, "validation", "数据无效", problems);

    public static Refusal Invalid(string field, string code, string message) => Invalid([new Problem(field, code, message)]);
}
