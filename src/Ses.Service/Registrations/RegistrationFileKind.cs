namespace Ses.Service.Registrations;

/// <summary>The scans a registration carries (注册通知附件2第3项).</summary>
public static class RegistrationFileKind
{
    /// <summary>营业执照/法人证书副本复印件 (境内法人和其他组织).</summary>
    public const string Licence = "licence";

    /// <summary>《关于使用民航行业监管执法信息系统（SES）的确认函》, signed and sealed.</summary>
    public const string Letter = "letter";

    public static string Label(string kind) => kind == Licence ? "营业执照/法人证书副本扫描件" : "确认函扫描件";
}
