using System.Xml.Linq;
using K8Shop.Gateways.Covers;

namespace K8Shop.UnitTests.Covers;

public sealed class CoverArtTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string TitleText(XDocument svg) =>
        string.Join(' ', svg.Descendants(Svg + "tspan").Select(t => t.Value));

    [Theory]
    [InlineData("Tom & Jerry", "Hanna & Barbera")]
    [InlineData("<script>alert(1)</script>", "<b>bold</b>")]
    [InlineData("He said \"hi\" & it's fine", "O'Brien")]
    [InlineData("Café Crème à la Carte: Ünïcödé Façade", "Zoë Bränström")]
    [InlineData("]]> & <!-- --> &amp;", null)]
    [InlineData("", null)]
    public void Render_TitleWithMarkupCharacters_IsWellFormedXml(string title, string? author)
    {
        var svg = XDocument.Parse(CoverArt.Render("BOOK-001", title, author));

        Assert.Equal(Svg + "svg", svg.Root?.Name);
        Assert.Equal(title, svg.Root?.Attribute("aria-label")?.Value);
    }

    [Theory]
    [InlineData("Tom & Jerry")]
    [InlineData("<Angle> \"Quoted\" Title")]
    [InlineData("Designing Data-Intensive Applications")]
    [InlineData("Café Crème")]
    public void Render_Title_ContainsEveryTitleWord(string title)
    {
        var text = TitleText(XDocument.Parse(CoverArt.Render("SKU-1", title, "Someone")));

        Assert.All(title.Split(' '), word => Assert.Contains(word, text, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Author_AppearsAtTheFoot()
    {
        var svg = XDocument.Parse(CoverArt.Render("BOOK-003", "Designing Data-Intensive Applications", "Martin Kleppmann"));

        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Martin Kleppmann");
    }

    [Fact]
    public void Render_EmojiTitleLongerThanALine_IsWellFormedXml()
    {
        // 9 emoji are 18 UTF-16 units in one word, so the word is cut to fit a 16-character line.
        const string title = "😀😀😀😀😀😀😀😀😀";

        var svg = XDocument.Parse(CoverArt.Render("EMOJI-1", title, null));

        Assert.Equal(title, svg.Root?.Attribute("aria-label")?.Value);
    }

    [Fact]
    public void Render_SameInputs_GivesTheSameSvg()
    {
        Assert.Equal(
            CoverArt.Render("BOOK-002", "Clean Architecture", "Robert C. Martin"),
            CoverArt.Render("BOOK-002", "Clean Architecture", "Robert C. Martin"));
    }

    [Fact]
    public void Render_DifferentSkus_PickDifferentColours()
    {
        Assert.NotEqual(
            CoverArt.Render("BOOK-001", "Same Title", null),
            CoverArt.Render("BOOK-004", "Same Title", null));
    }

    [Theory]
    [InlineData("Designing Data-Intensive Applications", 16, 6)]
    [InlineData("Supercalifragilisticexpialidocious and friends", 16, 6)]
    [InlineData("Supercalifragilisticexpialidocious", 10, 2)]
    [InlineData("a b c d e f g h i j k l m n o p q r s t", 3, 2)]
    [InlineData("one two three four five six seven eight nine ten eleven twelve thirteen", 16, 2)]
    [InlineData("exactlysixteen!! exactlysixteen!! exactlysixteen!!", 16, 2)]
    [InlineData("Hitchhiker's   Guide   to the Galaxy", 12, 1)]
    [InlineData("Robert C. Martin, Micah Martin, and Many Other Contributors", 28, 2)]
    public void Wrap_AnyText_NoLineOverLimitAndNoMoreThanMaxLines(string text, int maxLength, int maxLines)
    {
        var lines = CoverArt.Wrap(text, maxLength, maxLines);

        Assert.InRange(lines.Count, 1, maxLines);
        Assert.All(lines, line => Assert.InRange(line.Length, 0, maxLength));
    }

    [Fact]
    public void Wrap_TooManyLines_EndsLastLineWithEllipsis()
    {
        var lines = CoverArt.Wrap("one two three four five six seven eight", 10, 2);

        Assert.Equal(2, lines.Count);
        Assert.Equal("one two", lines[0]);
        Assert.EndsWith("…", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Wrap_WordLongerThanLine_IsCutWithEllipsis()
    {
        Assert.Equal(["Supercali…"], CoverArt.Wrap("Supercalifragilistic", 10, 3));
    }

    [Fact]
    public void Wrap_ShortText_IsOneLineWithSingleSpaces()
    {
        Assert.Equal(["Deep Work"], CoverArt.Wrap("  Deep   Work ", 16, 6));
    }

    [Fact]
    public void Wrap_EmptyText_IsOneEmptyLine()
    {
        Assert.Equal([string.Empty], CoverArt.Wrap("   ", 16, 6));
    }

    [Fact]
    public void Wrap_Title_SplitsGreedilyAtWordBoundaries()
    {
        Assert.Equal(["Designing", "Data-Intensive", "Applications"], CoverArt.Wrap("Designing Data-Intensive Applications", 16, 6));
    }
}
