namespace Ses.Service.Idempotency;

/// <summary>The <c>Idempotency-Key</c> request header (IETF draft-ietf-httpapi-idempotency-key-header): 1 to 200 visible ASCII characters.</summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    public const int MaxLength = 200;

    public static bool IsValid(string key) => key.Length is > 0 and <= MaxLength && key.All(c => c is >= '!' and <= '~');
}
