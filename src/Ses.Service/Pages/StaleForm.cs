namespace Ses.Service.Pages;

/// <summary>
/// Whether this request is a form posted with an anti-forgery token that no longer holds (see
/// <see cref="StaleFormFilter"/>): the page shows itself again with what was typed and asks to submit again.
/// </summary>
public static class StaleForm
{
    private static readonly object Key = new();

    public const string Message = "页面已过期（安全校验未通过，例如在其他窗口退出或重新登录过），这次提交没有执行。"
        + "已填写的内容保留在下方（所选文件须重新选择），请核对后再提交一次。";

    /// <summary>The posted form's token did not hold; nothing was done.</summary>
    public static bool Is(HttpContext context) => context.Items.ContainsKey(Key);

    /// <summary>The page is shown again with what was typed (else the 400 page says the form expired).</summary>
    public static bool Kept(HttpContext context) => context.Items.TryGetValue(Key, out var kept) && kept is true;

    internal static void Mark(HttpContext context, bool kept) => context.Items[Key] = kept;
}
