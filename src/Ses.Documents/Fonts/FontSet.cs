namespace Ses.Documents.Fonts;

/// <summary>
/// The fonts one bureau's documents are set in, a chain per <see cref="FontRole"/>. The PDF (through the layout's
/// chain numbers) and the DOCX (through <see cref="Family"/>) both ask here, so both use the profile's choice.
/// Built by <see cref="FontLibrary"/>, which shares the loaded files between bureaus.
/// </summary>
internal sealed class FontSet
{
    private readonly FontChain[] _chains;

    public FontSet(FontChain body, FontChain title, FontChain latin, FontChain heading, FontChain subheading)
    {
        _chains = [body, title, latin, heading, subheading];
    }

    public FontChain Body => Chain(FontRole.Body);

    public FontChain Title => Chain(FontRole.Title);

    /// <summary>English text: the Latin fonts, then the body fonts for any Chinese in it.</summary>
    public FontChain Latin => Chain(FontRole.Latin);

    public FontChain Heading => Chain(FontRole.Heading);

    public FontChain Subheading => Chain(FontRole.Subheading);

    public FontChain Chain(FontRole role) => _chains[(int)role];

    /// <summary>The chain a layout op names (its <see cref="FontRole"/> number); an unknown number is the body.</summary>
    public FontChain ByIndex(int chain) => (uint)chain < (uint)_chains.Length ? _chains[chain] : Body;

    /// <summary>The family a word processor names for a role: that of the chain's first font.</summary>
    public string Family(FontRole role) => Chain(role).Primary.FamilyName;

    /// <summary>Every font file of the set, each once, in role order.</summary>
    public IEnumerable<FontFace> Faces => _chains.SelectMany(c => c.Faces).Distinct();
}
