using System.IO.Compression;
using System.Text;

namespace MigrantCover.Web.Features.PublicCoverage;

/// <summary>
/// The proof of coverage as a one-page A4 PDF (decision 0026): the answer, the QR code of the verification
/// link as an image, the link in words, and a wallet-size card (85.6 × 54 mm) to cut out. Written
/// directly (PDF 1.4, the standard Helvetica fonts, which need no font file on the server, text in
/// WinAnsi), so no PDF library and no font is needed on the machine.
/// </summary>
public static class ProofPdf
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Margin = 50;

    /// <summary>What the PDF says, already in the visitor's language.</summary>
    public sealed record Content(
        string Title,
        string Intro,
        IReadOnlyList<(string Label, string Value)> Facts,
        IReadOnlyList<(string Heading, string Text)> Programmes,
        string AsOf,
        string ValidUntil,
        string VerifyUrl,
        string Footer,
        string WalletTitle,
        string WalletCut,
        bool[][] QrModules);

    public static byte[] Render(Content c)
    {
        var page = new StringBuilder();
        var y = PageHeight - Margin - 10;

        Text(page, "F2", 18, Margin, y, c.Title);
        y -= 24;
        y = Paragraph(page, "F1", 10, Margin, y, c.Intro, 95);
        y -= 6;
        foreach (var (label, value) in c.Facts)
        {
            Text(page, "F2", 10, Margin, y, label);
            Text(page, "F1", 10, Margin + 130, y, value);
            y -= 14;
        }

        y -= 6;
        foreach (var (heading, text) in c.Programmes)
        {
            Text(page, "F2", 10, Margin, y, heading);
            y -= 13;
            y = Paragraph(page, "F1", 9, Margin + 10, y, text, 100);
            y -= 4;
        }

        y = Paragraph(page, "F1", 9, Margin, y - 4, c.AsOf, 105);

        // The QR code: 170 pt wide, the link in words beside it.
        const double qrSize = 170;
        var qrTop = y - 8;
        page.Append(CultureInfo.InvariantCulture, $"q {N(qrSize)} 0 0 {N(qrSize)} {N(Margin)} {N(qrTop - qrSize)} cm /Qr Do Q\n");
        var beside = Paragraph(page, "F1", 9, Margin + qrSize + 15, qrTop - 12, c.ValidUntil, 58);
        beside = Paragraph(page, "F1", 8, Margin + qrSize + 15, beside - 6, c.VerifyUrl, 62);
        Paragraph(page, "F1", 9, Margin + qrSize + 15, beside - 6, c.Footer, 58);
        y = qrTop - qrSize - 24;

        // The wallet card, with a dashed cutting line.
        const double cardWidth = 242.65;
        const double cardHeight = 153.07;
        var cardBottom = Math.Max(Margin, y - cardHeight);
        Paragraph(page, "F1", 8, Margin, cardBottom + cardHeight + 8, c.WalletCut, 110);
        page.Append(CultureInfo.InvariantCulture, $"q [4 3] 0 d 0.6 w {N(Margin)} {N(cardBottom)} {N(cardWidth)} {N(cardHeight)} re S Q\n");
        var cy = cardBottom + cardHeight - 16;
        Text(page, "F2", 9, Margin + 8, cy, c.WalletTitle + " · MigrantCover");
        cy -= 13;
        foreach (var (label, value) in c.Facts.Take(2))
        {
            Text(page, "F1", 7, Margin + 8, cy, label);
            cy -= 9;
            Text(page, "F2", 8, Margin + 8, cy, value);
            cy -= 12;
        }

        foreach (var (heading, _) in c.Programmes)
        {
            Text(page, "F1", 7, Margin + 8, cy, Cut(heading, 34));
            cy -= 9;
        }

        const double cardQr = 92;
        page.Append(CultureInfo.InvariantCulture, $"q {N(cardQr)} 0 0 {N(cardQr)} {N(Margin + cardWidth - cardQr - 8)} {N(cardBottom + 8)} cm /Qr Do Q\n");

        return Document(Encoding.Latin1.GetBytes(page.ToString()), QrImage(c.QrModules, out var pixels), pixels);
    }

    /// <summary>The QR code as an 8-bit grey image, 8 pixels per module, Flate-compressed.</summary>
    private static byte[] QrImage(bool[][] modules, out int pixels)
    {
        const int scale = 8;
        var size = modules.Length;
        pixels = size * scale;
        var raw = new byte[pixels * pixels];
        for (var y = 0; y < pixels; y++)
        {
            var row = modules[y / scale];
            for (var x = 0; x < pixels; x++)
            {
                raw[(y * pixels) + x] = row[x / scale] ? (byte)0 : (byte)255;
            }
        }

        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(raw);
        }

        return output.ToArray();
    }

    private static byte[] Document(byte[] content, byte[] image, int pixels)
    {
        using var pdf = new MemoryStream();
        var offsets = new List<long>();

        void Raw(string s) => pdf.Write(Encoding.Latin1.GetBytes(s));

        void Object(string body, byte[]? stream = null)
        {
            offsets.Add(pdf.Position);
            Raw($"{offsets.Count} 0 obj\n{body}\n");
            if (stream is not null)
            {
                Raw("stream\n");
                pdf.Write(stream);
                Raw("\nendstream\n");
            }

            Raw("endobj\n");
        }

        Raw("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object(string.Create(CultureInfo.InvariantCulture, $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {N(PageWidth)} {N(PageHeight)}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> /XObject << /Qr 6 0 R >> >> /Contents 7 0 R >>"));
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
        Object(string.Create(CultureInfo.InvariantCulture, $"<< /Type /XObject /Subtype /Image /Width {pixels} /Height {pixels} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length {image.Length} >>"), image);
        Object(string.Create(CultureInfo.InvariantCulture, $"<< /Length {content.Length} >>"), content);

        var xref = pdf.Position;
        Raw($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Raw(string.Create(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n"));
        }

        Raw(string.Create(CultureInfo.InvariantCulture, $"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return pdf.ToArray();
    }

    private static void Text(StringBuilder page, string font, double size, double x, double y, string text) =>
        page.Append(CultureInfo.InvariantCulture, $"BT /{font} {N(size)} Tf {N(x)} {N(y)} Td ({Escape(text)}) Tj ET\n");

    /// <summary>Writes <paramref name="text"/> wrapped at about <paramref name="perLine"/> characters; returns the next line's baseline.</summary>
    private static double Paragraph(StringBuilder page, string font, double size, double x, double y, string text, int perLine)
    {
        foreach (var line in Wrap(text, perLine))
        {
            Text(page, font, size, x, y, line);
            y -= size * 1.35;
        }

        return y;
    }

    /// <summary>Lines of at most <paramref name="width"/> characters, broken at spaces (a long word, such as a link, is cut).</summary>
    internal static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > width)
            {
                if (line.Length > 0)
                {
                    yield return line.ToString();
                    line.Clear();
                }

                yield return rest[..width];
                rest = rest[width..];
            }

            if (line.Length > 0 && line.Length + 1 + rest.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(rest);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    /// <summary>A PDF string in WinAnsi: Latin-1 letters as they are, the usual typographic marks mapped, anything else "?".</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var mapped = ch switch
            {
                '\\' => "\\\\",
                '(' => "\\(",
                ')' => "\\)",
                '\u2013' => "\u0096",
                '\u2014' => "\u0097",
                '\u2018' => "\u0091",
                '\u2019' => "\u0092",
                '\u201C' => "\u0093",
                '\u201D' => "\u0094",
                '\u2022' => "\u0095",
                '\u2026' => "\u0085",
                '\u00B7' => "\u00B7",
                _ when ch is >= ' ' and <= '~' or >= '\u00A0' and <= '\u00FF' => ch.ToString(),
                _ => "?",
            };
            sb.Append(mapped);
        }

        return sb.ToString();
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "\u2026";

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
