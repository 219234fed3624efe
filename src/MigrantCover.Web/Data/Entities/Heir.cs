namespace MigrantCover.Web.Data.Entities;

/// <summary>
/// An heir (ahli waris) recorded up front (R-HEIR-3). Personal data (R-HEIR-6): never logged, the NIK is
/// masked in lists, nothing is deleted (an ended heir keeps <see cref="EndedOn"/> and its reason).
/// </summary>
public sealed class Heir
{
    public Guid Id { get; set; }

    public Guid WorkerId { get; set; }

    public string FullName { get; set; } = "";

    public HeirRelationship Relationship { get; set; }

    public Sex Sex { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public string? Nik { get; set; }

    public string? Phone { get; set; }

    public DateOnly? EndedOn { get; set; }

    public string? EndReason { get; set; }

    /// <summary>
    /// R-HEIR-3's guard: the NIK while the heir has not ended, else null (set on every save). Unique per
    /// worker, so two officers recording one NIK at the same moment cannot both succeed.
    /// </summary>
    public string? LiveNik { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>Optimistic concurrency token, incremented on every change.</summary>
    public long Version { get; set; }

    /// <summary>R-HEIR-1: the class follows from the relationship.</summary>
    public HeirClass Class => Heirs.ClassOf(Relationship);
}
