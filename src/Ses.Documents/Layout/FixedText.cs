using System.Text;
using Ses.Documents.Fonts;
using Ses.Documents.Templates;

namespace Ses.Documents.Layout;

/// <summary>
/// The characters that every document of a form draws for a given bureau, by the font face that draws them: the
/// form's wording outside placeholders and the bureau's values, in blocks without a condition and in table rows that
/// are not repeated per value. Whitespace is left out (a run of spaces alone is not drawn).
/// </summary>
internal static class FixedText
{
    public static Dictionary<FontFace, HashSet<int>> Of(FormTemplate form, BureauProfile bureau, FontSet fonts)
    {
        var result = new Dictionary<FontFace, HashSet<int>>();
        foreach (var block in form.Blocks)
        {
            if (block.When is not null) continue;
            if (block.Kind == BlockKind.Table)
            {
                foreach (var row in block.Table!.Rows)
                {
                    if (row.Repeat is not null) continue;
                    foreach (var cell in row.Cells) Add(cell.Text, DocumentLayout.ChainFor(BlockKind.Table, block.Lang, cell.Text));
                }
                continue;
            }
            if (block.Kind == BlockKind.Signature)
            {
                foreach (var line in block.Text.Split('\n')) Add(line, (int)FontRoles.ForLine(line));
                continue;
            }
            Add(block.Text, DocumentLayout.ChainFor(block.Kind, block.Lang, block.Text));
        }
        return result;

        void Add(string template, int chainIndex)
        {
            var chain = fonts.ByIndex(chainIndex);
            foreach (var r in TemplateText.FixedPart(template, bureau).EnumerateRunes())
            {
                if (Rune.IsWhiteSpace(r) || Rune.IsControl(r)) continue;
                var face = chain.FaceOf(r.Value); // as the layout draws it
                if (!result.TryGetValue(face, out var set)) result[face] = set = [];
                set.Add(r.Value);
            }
        }
    }
}
