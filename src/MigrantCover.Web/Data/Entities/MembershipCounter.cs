namespace MigrantCover.Web.Data.Entities;

/// <summary>The last sequence issued per year for membership numbers (R-KPJ-1).</summary>
public sealed class MembershipCounter
{
    public int Year { get; set; }

    public long LastSequence { get; set; }
}
