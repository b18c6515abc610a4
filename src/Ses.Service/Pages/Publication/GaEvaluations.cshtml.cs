using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Evaluations;

namespace Ses.Service.Pages.Publication;

/// <summary>
/// The general-aviation evaluation results without sign-in (《通用航空企业诚信经营评价管理暂行办法》第十三条): the
/// pre-evaluation results while they are published, then the final results — enterprise, type and grade, never the score.
/// </summary>
public sealed class GaEvaluationsModel(EvaluationQueries queries) : PageModel
{
    public IReadOnlyList<PublicEvaluation> Results { get; private set; } = [];

    public async Task OnGetAsync() => Results = await queries.PublicAsync(HttpContext.RequestAborted);
}
