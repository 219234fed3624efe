namespace MigrantCover.Web.Data.Entities;

/// <summary>
/// A one-stop service office (LTSA or UPT BP3MI) or a BPJS Ketenagakerjaan branch. Staff accounts belong
/// to one (admins may belong to none); a worker is registered at the office of the officer who registered
/// them (<see cref="Worker.OfficeCode"/>).
/// </summary>
public sealed class Office
{
    /// <summary>Short, stable, upper-case (<c>LTSA-LOTIM</c>): stored on accounts and workers.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>One of <see cref="OfficeKinds.All"/>.</summary>
    public string Kind { get; set; } = OfficeKinds.Ltsa;

    /// <summary>Two digits (Kemendagri), as in a NIK.</summary>
    public string ProvinceCode { get; set; } = "";

    /// <summary>Four digits (Kemendagri), as in a NIK.</summary>
    public string RegencyCode { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The kinds of office: one-stop service (LTSA), the BP3MI technical unit, a BPJS branch.</summary>
public static class OfficeKinds
{
    public const string Ltsa = "ltsa";
    public const string UptBp3mi = "upt-bp3mi";
    public const string BpjsBranch = "bpjs-branch";

    public static readonly IReadOnlyList<string> All = [Ltsa, UptBp3mi, BpjsBranch];
}
