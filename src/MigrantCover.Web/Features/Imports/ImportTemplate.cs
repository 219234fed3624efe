using System.Text;
using MigrantCover.Web.Infrastructure;
using MiniExcelLibs;

namespace MigrantCover.Web.Features.Imports;

/// <summary>
/// The file an agency starts from: the header row of the register body's field names; the XLSX also has a
/// second sheet explaining each column in Indonesian and English (allowed values of sex, purpose,
/// category and scheme, the date formats).
/// </summary>
public static class ImportTemplate
{
    public static byte[] Csv() => Encoding.UTF8.GetBytes(string.Join(",", ImportColumns.All) + "\r\n");

    public static byte[] Xlsx(IStringLocalizer text)
    {
        var header = new List<Dictionary<string, object>> { ImportColumns.All.ToDictionary(c => c, _ => (object)"") };
        var notes = Notes(text).Select(n => new Dictionary<string, object>
        {
            ["column"] = n.Column,
            ["required / wajib"] = n.Required ? "ya / yes" : "tidak / no",
            ["keterangan (Bahasa Indonesia)"] = n.Indonesian,
            ["description (English)"] = n.English,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["cpmi"] = header, ["petunjuk-notes"] = notes });
        return stream.ToArray();
    }

    /// <summary>Each column's explanation in both languages (the page shows the officer's).</summary>
    public static List<(string Column, bool Required, string Indonesian, string English)> Notes(IStringLocalizer text)
    {
        string In(CultureInfo culture, string key, string arg)
        {
            var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
            try
            {
                return text[key, arg];
            }
            finally
            {
                (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
            }
        }

        string Allowed(string column) => column switch
        {
            "sex" => string.Join(", ", Codes.All<Sex>()),
            "purpose" => string.Join(", ", Codes.All<Purpose>()),
            "category" => string.Join(", ", Codes.All<Category>()),
            "scheme" => string.Join(", ", Codes.All<Scheme>()),
            _ => "",
        };

        var rows = ImportColumns.All
            .Select(c => (c, ImportColumns.Required.Contains(c), In(Localization.Indonesian, "col." + c, Allowed(c)), In(Localization.English, "col." + c, Allowed(c))))
            .ToList();
        rows.Add(("*", false, In(Localization.Indonesian, "DateNote", ""), In(Localization.English, "DateNote", "")));
        rows.Add(("*", false, In(Localization.Indonesian, "NikNote", ""), In(Localization.English, "NikNote", "")));
        return rows;
    }
}
