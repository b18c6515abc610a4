namespace Ses.Service.Records;

/// <summary>Whose record it is: an organisation's (published, 实施办法第二十条) or an individual's (never published).</summary>
public static class RecordParty
{
    public const string Organisation = "org";

    public const string Person = "person";
}
