namespace Ses.Service.Http;

/// <summary>One entry of a validation problem's <c>problems</c> list: the field path, its stable code and the Chinese message.</summary>
public sealed record FieldProblem(string Field, string Code, string Message);
