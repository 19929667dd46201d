using System.Globalization;
using System.Security.Cryptography;
using System.Security;
using System.Text;

namespace K8Shop.Gateways.Covers;

/// <summary>
/// Draws a book cover as SVG from its title and author: a colour field picked from the SKU, the title set in
/// wrapped lines, the author at the foot. Deterministic, so the same book always gets the same cover.
/// </summary>
public static class CoverArt
{
    private const int Width = 400;
    private const int Height = 600;
    private const int MaxLineLength = 16;
    private const int MaxTitleLines = 6;

    public static string Render(string sku, string title, string? author)
    {
        var hue = (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(sku.ToUpperInvariant()))) % 360);
        var accent = (hue + 40) % 360;
        var lines = Wrap(title, MaxLineLength, MaxTitleLines);
        var fontSize = lines.Max(l => l.Length) > 12 ? 34 : 42;
        var lineHeight = fontSize + 8;
        var firstBaseline = 200 - (lines.Count - 1) * lineHeight / 2;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Escape(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<defs><linearGradient id=\"bg\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\"><stop offset=\"0\" stop-color=\"hsl({hue},55%,32%)\"/><stop offset=\"1\" stop-color=\"hsl({accent},60%,18%)\"/></linearGradient></defs>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"url(#bg)\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"24\" y=\"24\" width=\"{Width - 48}\" height=\"{Height - 48}\" fill=\"none\" stroke=\"hsl({accent},70%,75%)\" stroke-opacity=\"0.55\" stroke-width=\"2\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"14\" height=\"{Height}\" fill=\"#000\" fill-opacity=\"0.25\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<g font-family=\"Georgia, 'DejaVu Serif', serif\" fill=\"#fdf8ee\" text-anchor=\"middle\"><text font-size=\"{fontSize}\" font-weight=\"700\">");
        for (var i = 0; i < lines.Count; i++)
            svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"{Width / 2}\" y=\"{firstBaseline + i * lineHeight}\">{Escape(lines[i])}</tspan>");
        svg.Append("</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"150\" y1=\"{Height - 150}\" x2=\"250\" y2=\"{Height - 150}\" stroke=\"hsl({accent},70%,75%)\" stroke-width=\"2\"/>");
        if (!string.IsNullOrWhiteSpace(author))
        {
            foreach (var (line, i) in Wrap(author, 28, 2).Select((l, i) => (l, i)))
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height - 105 + i * 26}\" font-size=\"20\" font-style=\"italic\">{Escape(line)}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height - 44}\" font-size=\"13\" letter-spacing=\"3\" fill-opacity=\"0.7\">K8SHOP BOOKS</text></g></svg>");
        return svg.ToString();
    }

    /// <summary>Greedy word wrap; a word longer than a line is cut, and text past the last line ends in an ellipsis.</summary>
    public static List<string> Wrap(string text, int maxLength, int maxLines)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var piece = word.Length > maxLength ? Cut(word, maxLength - 1) + "…" : word;
            if (current.Length > 0 && current.Length + 1 + piece.Length > maxLength)
            {
                lines.Add(current.ToString());
                current.Clear();
            }
            if (current.Length > 0)
                current.Append(' ');
            current.Append(piece);
        }
        if (current.Length > 0)
            lines.Add(current.ToString());
        if (lines.Count == 0)
            lines.Add(string.Empty);
        if (lines.Count > maxLines)
        {
            lines = lines[..maxLines];
            var last = lines[^1];
            lines[^1] = (last.Length >= maxLength ? Cut(last, maxLength - 1) : last) + "…";
        }
        return lines;
    }

    // Never split a surrogate pair: half an emoji is not a character, and XML rejects it.
    private static string Cut(string text, int length) =>
        length > 0 && char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;
}
