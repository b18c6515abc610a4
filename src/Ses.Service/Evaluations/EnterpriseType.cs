namespace Ses.Service.Evaluations;

/// <summary>The four kinds of general-aviation enterprise an evaluation is made for (暂行办法附表注1).</summary>
public enum EnterpriseType
{
    /// <summary>载客类.</summary>
    Passenger,

    /// <summary>载人类.</summary>
    Manned,

    /// <summary>其他类（不含执照培训）.</summary>
    Other,

    /// <summary>执照培训类.</summary>
    Training,
}
