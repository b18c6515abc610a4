namespace Ses.Service.Evaluations;

/// <summary>The general-aviation integrity evaluation round (《通用航空企业诚信经营评价管理暂行办法》第十条至第十九条).</summary>
public static class EvaluationsSetup
{
    public static WebApplicationBuilder AddEvaluations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EvaluationQueries>();
        builder.Services.AddScoped<EvaluationDocuments>();
        builder.Services.AddScoped<EvaluationRoundService>();
        builder.Services.AddScoped<EvaluationAccountService>();
        return builder;
    }
}
