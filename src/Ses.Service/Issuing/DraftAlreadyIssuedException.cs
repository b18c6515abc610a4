namespace Ses.Service.Issuing;

/// <summary>The draft was issued already (by this or a concurrent request); it is never issued twice.</summary>
public sealed class DraftAlreadyIssuedException(Guid draftId) : Exception($"draft {draftId} is already issued")
{
    public Guid DraftId { get; } = draftId;
}
