namespace Ses.Documents.Certificates;

/// <summary>An SES account of the recipient the document was sent to.</summary>
/// <param name="UserName">The account's user name.</param>
/// <param name="Department">The department the account belongs to; may be empty.</param>
public sealed record RecipientAccount(string UserName, string Department);
