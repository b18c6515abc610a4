namespace Ses.Service.Http;

/// <summary>Where a request came from, for the audit log ("from where"): the client's address, or "local".</summary>
public static class RequestSource
{
    public static string Source(this HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";
}
