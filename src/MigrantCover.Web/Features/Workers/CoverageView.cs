namespace MigrantCover.Web.Features.Workers;

/// <summary>
/// A worker's coverage in the officers' answer (docs/api.md: asOf, programmes, ruleSet). The public lookup
/// answers PublicCoverageAnswer, with the same dates and codes and its texts in plain words.
/// </summary>
public sealed record CoverageAnswer(DateOnly AsOf, IReadOnlyList<ProgrammeAnswer> Programmes, string? RuleSet)
{
    public static CoverageAnswer From(CoverageStatus status) =>
        new(status.AsOf, [.. status.Programmes.Select(ProgrammeAnswer.From)], status.RuleSet?.Id);
}

/// <summary>One programme (jkk, jkm, jht) on the date: active with phase and period, or inactive with a reason (R-COV-7).</summary>
public sealed record ProgrammeAnswer(
    string Programme,
    bool Active,
    string? Phase,
    DateOnly? CoveredFrom,
    DateOnly? CoveredUntil,
    string? Reason)
{
    public static ProgrammeAnswer From(ProgrammeStatus p) =>
        new(
            Codes.Of(p.Programme),
            p.Active,
            p.Phase is { } phase ? Codes.Of(phase) : null,
            p.CoveredFrom,
            p.CoveredUntil,
            p.Reason is { } reason ? Codes.Of(reason) : null);
}
