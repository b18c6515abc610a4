namespace Ses.Documents.Certificates;

/// <summary>One entry of the delivery's evidence chain, as the certificate prints it.</summary>
/// <param name="Name">The ETSI EN 319 522-1 event name, e.g. <c>SubmissionAcceptance</c>, <c>ContentHandover</c>.</param>
/// <param name="Label">Its Chinese label, e.g. 签发, 送达至账户, 确认收讫.</param>
/// <param name="At">When it happened; printed in UTC and in Beijing time.</param>
/// <param name="Actor">Who or what acted (an officer, an account, the system).</param>
/// <param name="Detail">What the entry records; may be empty.</param>
/// <param name="EntryHash">The entry's hash in the chain, hex.</param>
public sealed record DeliveryEvent(string Name, string Label, DateTimeOffset At, string Actor, string Detail, string EntryHash);
