namespace MigrantCover.Web.Demo;

/// <summary>
/// The demo offices: one-stop service offices (LTSA), the BP3MI technical units (UPT) and BPJS
/// Ketenagakerjaan branches in the provinces of origin of rule book §12 (Jawa Timur, Jawa Tengah, Jawa Barat,
/// NTB, Lampung, Sumatera Utara, Bali and a few others). Seeded in Development and in the test hosts;
/// production offices are entered by an admin (/Admin/Offices).
/// </summary>
public static class OfficeCatalog
{
    /// <summary>The demo officer's office: Lombok Timur, the top regency of origin.</summary>
    public const string DemoOfficerOffice = "LTSA-LOTIM";

    public static readonly IReadOnlyList<(string Code, string Name, string Kind, string Province, string Regency)> All =
    [
        ("UPT-JATIM", "UPT BP3MI Jawa Timur (Surabaya)", OfficeKinds.UptBp3mi, "35", "3578"),
        ("LTSA-BLITAR", "LTSA PMI Kabupaten Blitar", OfficeKinds.Ltsa, "35", "3505"),
        ("LTSA-KEDIRI", "LTSA PMI Kabupaten Kediri", OfficeKinds.Ltsa, "35", "3506"),
        ("LTSA-MALANG", "LTSA PMI Kabupaten Malang", OfficeKinds.Ltsa, "35", "3507"),
        ("LTSA-LAMONGAN", "LTSA PMI Kabupaten Lamongan", OfficeKinds.Ltsa, "35", "3524"),
        ("LTSA-TULUNGAGUNG", "LTSA PMI Kabupaten Tulungagung", OfficeKinds.Ltsa, "35", "3504"),
        ("BPJS-SBY", "BPJS Ketenagakerjaan Cabang Surabaya Rungkut", OfficeKinds.BpjsBranch, "35", "3578"),
        ("BPJS-MLG", "BPJS Ketenagakerjaan Cabang Malang", OfficeKinds.BpjsBranch, "35", "3573"),
        ("UPT-JATENG", "UPT BP3MI Jawa Tengah (Semarang)", OfficeKinds.UptBp3mi, "33", "3374"),
        ("LTSA-CILACAP", "LTSA PMI Kabupaten Cilacap", OfficeKinds.Ltsa, "33", "3301"),
        ("LTSA-BANYUMAS", "LTSA PMI Kabupaten Banyumas", OfficeKinds.Ltsa, "33", "3302"),
        ("LTSA-PURBALINGGA", "LTSA PMI Kabupaten Purbalingga", OfficeKinds.Ltsa, "33", "3303"),
        ("LTSA-BREBES", "LTSA PMI Kabupaten Brebes", OfficeKinds.Ltsa, "33", "3329"),
        ("BPJS-SMG", "BPJS Ketenagakerjaan Cabang Semarang Pemuda", OfficeKinds.BpjsBranch, "33", "3374"),
        ("BPJS-PWT", "BPJS Ketenagakerjaan Cabang Purwokerto", OfficeKinds.BpjsBranch, "33", "3302"),
        ("UPT-JABAR", "UPT BP3MI Jawa Barat (Bandung)", OfficeKinds.UptBp3mi, "32", "3273"),
        ("LTSA-INDRAMAYU", "LTSA PMI Kabupaten Indramayu", OfficeKinds.Ltsa, "32", "3212"),
        ("LTSA-CIREBON", "LTSA PMI Kabupaten Cirebon", OfficeKinds.Ltsa, "32", "3209"),
        ("LTSA-CIANJUR", "LTSA PMI Kabupaten Cianjur", OfficeKinds.Ltsa, "32", "3203"),
        ("LTSA-SUBANG", "LTSA PMI Kabupaten Subang", OfficeKinds.Ltsa, "32", "3213"),
        ("BPJS-IDM", "BPJS Ketenagakerjaan Cabang Indramayu", OfficeKinds.BpjsBranch, "32", "3212"),
        ("BPJS-CRB", "BPJS Ketenagakerjaan Cabang Cirebon", OfficeKinds.BpjsBranch, "32", "3274"),
        ("UPT-NTB", "UPT BP3MI Nusa Tenggara Barat (Mataram)", OfficeKinds.UptBp3mi, "52", "5271"),
        ("LTSA-LOTIM", "LTSA PMI Kabupaten Lombok Timur", OfficeKinds.Ltsa, "52", "5203"),
        ("LTSA-LOTENG", "LTSA PMI Kabupaten Lombok Tengah", OfficeKinds.Ltsa, "52", "5202"),
        ("LTSA-LOBAR", "LTSA PMI Kabupaten Lombok Barat", OfficeKinds.Ltsa, "52", "5201"),
        ("BPJS-MTR", "BPJS Ketenagakerjaan Cabang Mataram", OfficeKinds.BpjsBranch, "52", "5271"),
        ("UPT-LAMPUNG", "UPT BP3MI Lampung (Bandar Lampung)", OfficeKinds.UptBp3mi, "18", "1871"),
        ("LTSA-LAMTIM", "LTSA PMI Kabupaten Lampung Timur", OfficeKinds.Ltsa, "18", "1804"),
        ("LTSA-LAMTENG", "LTSA PMI Kabupaten Lampung Tengah", OfficeKinds.Ltsa, "18", "1802"),
        ("BPJS-BDL", "BPJS Ketenagakerjaan Cabang Bandar Lampung", OfficeKinds.BpjsBranch, "18", "1871"),
        ("UPT-SUMUT", "UPT BP3MI Sumatera Utara (Medan)", OfficeKinds.UptBp3mi, "12", "1275"),
        ("BPJS-MDN", "BPJS Ketenagakerjaan Cabang Medan", OfficeKinds.BpjsBranch, "12", "1275"),
        ("UPT-BALI", "UPT BP3MI Bali (Denpasar)", OfficeKinds.UptBp3mi, "51", "5171"),
        ("LTSA-JEMBRANA", "LTSA PMI Kabupaten Jembrana", OfficeKinds.Ltsa, "51", "5101"),
        ("BPJS-DPS", "BPJS Ketenagakerjaan Cabang Denpasar", OfficeKinds.BpjsBranch, "51", "5171"),
        ("UPT-BANTEN", "UPT BP3MI Banten (Serang)", OfficeKinds.UptBp3mi, "36", "3673"),
        ("UPT-NTT", "UPT BP3MI Nusa Tenggara Timur (Kupang)", OfficeKinds.UptBp3mi, "53", "5371"),
        ("UPT-SULSEL", "UPT BP3MI Sulawesi Selatan (Makassar)", OfficeKinds.UptBp3mi, "73", "7371"),
        ("UPT-KALBAR", "UPT BP3MI Kalimantan Barat (Pontianak)", OfficeKinds.UptBp3mi, "61", "6171"),
        ("UPT-DIY", "UPT BP3MI DI Yogyakarta", OfficeKinds.UptBp3mi, "34", "3471"),
    ];

    /// <summary>Where a demo worker of this regency registers: its regency's LTSA, else its province's UPT, else the demo officer's office.</summary>
    public static string For(string regencyCode)
    {
        foreach (var o in All)
        {
            if (o.Regency == regencyCode && o.Kind == OfficeKinds.Ltsa)
            {
                return o.Code;
            }
        }

        foreach (var o in All)
        {
            if (regencyCode.Length >= 2 && o.Province == regencyCode[..2] && o.Kind == OfficeKinds.UptBp3mi)
            {
                return o.Code;
            }
        }

        return DemoOfficerOffice;
    }

    /// <summary>Adds the offices not there yet. Idempotent.</summary>
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var existing = await db.Offices.Select(o => o.Code).ToListAsync(ct);
        foreach (var o in All.Where(o => !existing.Contains(o.Code)))
        {
            db.Offices.Add(new Office { Code = o.Code, Name = o.Name, Kind = o.Kind, ProvinceCode = o.Province, RegencyCode = o.Regency, CreatedAt = clock.GetUtcNow() });
        }

        await db.SaveChangesAsync(ct);
    }
}
