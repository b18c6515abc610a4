namespace Ses.Service.Cases;

/// <summary>A case file exported: the ZIP and the name to save it under (the counterparty and the date, never an id).</summary>
public sealed record CaseFileExport(byte[] Zip, string FileName);
