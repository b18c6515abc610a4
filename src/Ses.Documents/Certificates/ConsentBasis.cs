namespace Ses.Documents.Certificates;

/// <summary>
/// The legal basis of electronic service a delivery certificate cites: the recipient's signed
/// 《关于使用民航行业监管执法信息系统（SES）的确认函》 as its supervising bureau verified it.
/// </summary>
/// <param name="SignedOn">The date written on the letter.</param>
/// <param name="FileSha256">SHA-256 of the letter's scan as verified, hex.</param>
/// <param name="VerifiedAt">When it was verified.</param>
/// <param name="VerifiedBy">Who verified it (a staff member's display name).</param>
public sealed record ConsentBasis(DateOnly SignedOn, string FileSha256, DateTimeOffset VerifiedAt, string VerifiedBy);
