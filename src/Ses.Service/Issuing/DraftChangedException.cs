namespace Ses.Service.Issuing;

/// <summary>The draft was changed after it was read for issuing; what would be issued is not what was read.</summary>
public sealed class DraftChangedException(Guid draftId) : Exception($"draft {draftId} was changed while it was being issued")
{
    public Guid DraftId { get; } = draftId;
}
