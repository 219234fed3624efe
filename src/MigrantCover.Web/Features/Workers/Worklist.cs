using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.Workers;

/// <summary>
/// The officer's landing page: what their office has to do next. Three groups, each counted in full and
/// listed (the most urgent first, at most <see cref="RowsPerGroup"/> rows):
/// candidates whose departure is blocked (R-COV-8: no placement payment, R-PAY-4; documents not verified,
/// R-DOC-1; no passport number, R-DOC-2), candidates whose pre-placement cover has lapsed or lapses
/// within <see cref="Days"/> days (R-COV-2), placed workers whose placement cover ends within
/// <see cref="Days"/> days (as the dashboard's gaps count them, for one office).
/// </summary>
public static class Worklist
{
    public const int Days = 30;
    public const int RowsPerGroup = 25;

    public const string Blocked = "blocked";
    public const string PreplacementCover = "preplacement-cover";
    public const string PlacementEnding = "placement-ending";

    public static readonly IReadOnlyList<string> Groups = [Blocked, PreplacementCover, PlacementEnding];

    public sealed record Row(
        Guid Id,
        string FullName,
        DateOnly DateOfBirth,
        string NikLastFour,
        string DestinationCountry,
        Stage Stage,
        DateOnly? CoveredUntil,
        bool PlacementPaid,
        int DocumentsVerified,
        bool HasPassport);

    public sealed record Group(string Code, int Count, IReadOnlyList<Row> Rows);

    public sealed record Result(string OfficeCode, DateOnly Today, IReadOnlyList<Group> Groups);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Result> RunAsync(string officeCode, CancellationToken ct = default)
        {
            var today = clock.Today();
            var groups = new List<Group>();
            foreach (var code in Groups)
            {
                var q = Query(db, code, officeCode, today);
                var count = await q.CountAsync(ct);
                var ordered = code == Blocked
                    ? q.OrderBy(w => w.RegisteredOn).ThenBy(w => w.Id)
                    : q.OrderBy(w => w.CoveredUntil).ThenBy(w => w.Id);
                var rows = count == 0 ? [] : await ordered.Take(RowsPerGroup)
                    .Select(w => new Row(
                        w.Id, w.FullName, w.DateOfBirth, w.Nik.Substring(12), w.DestinationCountry, w.Stage, w.CoveredUntil,
                        w.Payments.Any(p => p.Kind == PaymentKind.Placement),
                        w.Documents.Count(d => d.Verified),
                        w.PassportNumber != null))
                    .ToListAsync(ct);
                groups.Add(new Group(code, count, rows));
            }

            return new Result(officeCode, today, groups);
        }
    }

    /// <summary>The workers of one group of an office, as of <paramref name="today"/>.</summary>
    public static IQueryable<Worker> Query(AppDbContext db, string group, string officeCode, DateOnly today)
    {
        var office = db.Workers.AsNoTracking().Where(w => w.OfficeCode == officeCode);
        var documents = Enum.GetValues<DocumentType>().Length;
        var soon = today.AddDays(Days);
        return group switch
        {
            // R-COV-8 as the stage page lists it: payment (R-PAY-4), documents (R-DOC-1), passport (R-DOC-2).
            Blocked => office.Where(w => w.Stage == Stage.Candidate
                && (!w.Payments.Any(p => p.Kind == PaymentKind.Placement) || w.Documents.Count(d => d.Verified) < documents || w.PassportNumber == null)),

            // R-COV-2: lapsed (ended before today) or ending today … today + 30.
            PreplacementCover => office.Where(w => w.Stage == Stage.Candidate && w.CoverPhase == CoverPhase.PrePlacement && w.CoveredUntil <= soon),
            PlacementEnding => office.Where(w => w.Stage == Stage.Placed && w.CoverPhase == CoverPhase.Placement && w.CoveredUntil >= today && w.CoveredUntil <= soon),
            _ => throw new ArgumentOutOfRangeException(nameof(group)),
        };
    }
}
