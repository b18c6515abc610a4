namespace Ses.Service.Evaluations;

/// <summary>The grade of an evaluation (暂行办法第九条): A ≥ 90, B 75 ≤ score &lt; 90, C &lt; 75.</summary>
public enum EvaluationGrade
{
    A,
    B,
    C,
}
