using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Evaluations;
using Ses.Service.Records;

namespace Ses.Service.Pages.Records;

/// <summary>
/// 信用记录查询 for all staff: before licensing, a penalty, handling a violation or planning inspections, officers ask
/// whether the party has a serious-dishonesty record in force (实施办法第二十一条), by name or identifier, in every
/// bureau's records; each record with its clause, validity, mark and the measures that follow (suspended while marked:
/// 实施办法第二十七条第二款). A plain GET form: the answer's address can be kept.
/// </summary>
public sealed class InForceModel(RecordQueries queries, EvaluationQueries evaluations) : PageModel
{
    /// <summary>The name or identifier asked about; null before the first search.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public InForceAnswer? Answer { get; private set; }

    public string? Refused { get; private set; }

    /// <summary>The latest published general-aviation grades of the bureau's enterprises found (暂行办法第十九条).</summary>
    public IReadOnlyList<InspectionGrade> Grades { get; private set; } = [];

    public async Task OnGetAsync()
    {
        ModelState.Clear();
        if (Query is null) return;
        var (answer, refused) = await queries.InForceAsync(Query, HttpContext.RequestAborted);
        if (answer is null) Refused = ModelState.Show(refused!, whenFields: null);
        Answer = answer;
        if (answer is not null) Grades = await evaluations.GradesAsync(User.StaffBureau(), Query, HttpContext.RequestAborted);
    }
}
