namespace Ses.Documents.Templates;

/// <summary>A block of a form template. <see cref="Text"/> may hold placeholders (<c>{{field}}</c>, <c>{{bureau.name}}</c>).</summary>
/// <param name="Kind">What kind of block.</param>
/// <param name="Text">Template text (lines separated by \n).</param>
/// <param name="Table">The table, for <see cref="BlockKind.Table"/>.</param>
/// <param name="When">Optional condition: the block is kept only when this field has a value.</param>
/// <param name="Lang">Language of the text (<c>zh</c> or <c>en</c>); English text is set smaller and breaks at spaces.</param>
public sealed record BlockSpec(BlockKind Kind, string Text, TableSpec? Table, string? When, string Lang);
