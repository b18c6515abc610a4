using Ses.Documents.Templates;

namespace Ses.Service.Issuing;

/// <summary>
/// A validated document waiting for its number in the <see cref="IssueQueue"/>, and what was prepared for it: the
/// signed PDF and the DOCX rendered with the number it is expected to take, and stored.
/// </summary>
internal sealed class IssueJob(IssueRequest request, FormTemplate form, FormInput input, string dataJson, DateTimeOffset now, int year)
{
    private readonly TaskCompletionSource<IssuedDocument> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Sha256, bool Created)> _files = [];

    public IssueRequest Request { get; } = request;

    public FormTemplate Form { get; } = form;

    /// <summary>The validated values, without a number.</summary>
    public FormInput Input { get; } = input;

    public string DataJson { get; } = dataJson;

    /// <summary>The instant of the request: issued-at, signing time and the year of the number.</summary>
    public DateTimeOffset Now { get; } = now;

    public int Year { get; } = year;

    /// <summary>The sequence the number is taken from.</summary>
    public NumberSeries Series => new(Input.Bureau.Code, Form.Series!, Year);

    /// <summary>The sequence the prepared files carry, or null before they are prepared.</summary>
    public int? PreparedFor { get; private set; }

    public string PdfSha256 { get; private set; } = "";

    public string DocxSha256 { get; private set; } = "";

    public Task<IssuedDocument> Completion => _done.Task;

    /// <summary>Records the stored files rendered with <paramref name="sequence"/>.</summary>
    public void Prepared(int sequence, (string Sha256, bool Created) pdf, (string Sha256, bool Created) docx)
    {
        PreparedFor = sequence;
        PdfSha256 = pdf.Sha256;
        DocxSha256 = docx.Sha256;
        _files.Add(pdf);
        _files.Add(docx);
    }

    /// <summary>
    /// Gives up the files this job stored: they carry a number the job will not take (or the job failed), and must
    /// not outlive it as signed documents nobody issued.
    /// </summary>
    public void Discard(PreparedFiles files)
    {
        foreach (var (sha, created) in _files) files.GiveUp(sha, created);
        _files.Clear();
        PreparedFor = null;
    }

    public void Succeed(IssuedDocument document, PreparedFiles files)
    {
        foreach (var (sha, _) in _files) files.Issued(sha);
        _files.Clear();
        _done.TrySetResult(document);
    }

    public void Fail(Exception error, PreparedFiles files)
    {
        Discard(files);
        _done.TrySetException(error);
    }
}
