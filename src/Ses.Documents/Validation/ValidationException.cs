namespace Ses.Documents.Validation;

/// <summary>Thrown by the convenience entry points when the input is invalid; carries every problem at once.</summary>
public sealed class FormValidationException(IReadOnlyList<Problem> problems)
    : Exception("表单数据无效：" + string.Join("；", problems.Select(p => p.Message)))
{
    public IReadOnlyList<Problem> Problems { get; } = problems;
}
