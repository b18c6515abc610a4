namespace Ses.Service.Accounts;

/// <summary>
/// Endpoint metadata of a route that refuses everything until the initial password is changed
/// (<see cref="AuthSetup.RequirePasswordChanged"/>); the filter itself is invisible in the metadata, this marks it.
/// </summary>
public sealed class PasswordChangeRule
{
    public static readonly PasswordChangeRule Instance = new();

    private PasswordChangeRule()
    {
    }
}
