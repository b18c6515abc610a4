namespace Ses.Service.CounterpartyChanges;

/// <summary>What a counterparty changes.</summary>
public static class CounterpartyChangeKind
{
    /// <summary>The contacts or the address: applied at once.</summary>
    public const string Contacts = "contacts";

    /// <summary>The name or the identifier: back to the bureau's review.</summary>
    public const string Identity = "identity";

    /// <summary>Another account: the bureau approves it.</summary>
    public const string Account = "account";

    public static string Label(string kind) => kind switch
    {
        Contacts => "联系人和地址",
        Identity => "名称和标识号码",
        Account => "增加账号",
        _ => kind,
    };
}
