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

    /// <summary>
    /// The id the document is recorded under, fixed before it is issued: if a commit's answer is lost, the document is
    /// found by it instead of being issued twice.
    /// </summary>
    public Guid DocumentId { get; } = Guid.CreateVersion7(now);

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
        var given = _files.ToList();
        _files.Clear();
        PreparedFor = null;
        PdfSha256 = DocxSha256 = "";
        foreach (var (sha, created) in given) files.GiveUp(sha, created);
    }

    public void Succeed(IssuedDocument document, PreparedFiles files)
    {
        var kept = _files.ToList();
        _files.Clear();
        foreach (var (sha, _) in kept) files.Issued(sha);
        _done.TrySetResult(document);
    }

    /// <summary>Fails the job once its files are given up, so the caller never sees them still stored; never throws.</summary>
    public void Fail(Exception error, PreparedFiles files)
    {
        try
        {
            Discard(files);
        }
        finally
        {
            _done.TrySetException(error);
        }
    }
}
