namespace Ses.Documents.Templates;

/// <summary>
/// A supervision office (监管局) of a regional administration and the regions whose registered counterparties it verifies
/// (《关于开展民航行业监管执法信息系统（SES）相对人注册工作的通知》第二条第（三）项: by the address on the business licence or
/// legal-person certificate).
/// </summary>
/// <param name="Name">The office's name as people read it, e.g. 陕西监管局.</param>
/// <param name="Regions">
/// A province (陕西), or a city within it as <c>province/city</c> (广东/深圳): an address belongs to the office when it begins with
/// the province and, for a city, names the city after it. The most specific entry wins.
/// </param>
public sealed record SupervisionOffice(string Name, IReadOnlyList<string> Regions);
