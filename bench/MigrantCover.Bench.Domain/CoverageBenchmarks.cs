using BenchmarkDotNet.Attributes;
using MigrantCover.Domain;

namespace MigrantCover.Bench.Domain;

/// <summary>
/// The coverage status of one worker, as the public lookup and the worker page compute it on every
/// request. Baseline: a candidate with only a pre-placement payment. Typical: a placed worker with
/// pre-placement, placement, one extension and a JHT payment.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CoverageBenchmarks
{
    private static readonly DateOnly AsOf = new(2026, 3, 1);

    private CoverageHistory _candidate = null!;
    private CoverageHistory _placed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _candidate = new CoverageHistory(
            Scheme.Agency,
            Stage.Candidate,
            24,
            [new PaymentRecord(PaymentKind.PrePlacement, new DateOnly(2026, 1, 10), null, 37_500)]);

        _placed = new CoverageHistory(
            Scheme.Agency,
            Stage.Placed,
            24,
            [
                new PaymentRecord(PaymentKind.PrePlacement, new DateOnly(2024, 1, 10), null, 37_500),
                new PaymentRecord(PaymentKind.Placement, new DateOnly(2024, 2, 20), null, 332_500),
                new PaymentRecord(PaymentKind.Jht, new DateOnly(2026, 2, 5), 3, 300_000),
                new PaymentRecord(PaymentKind.Extension, new DateOnly(2026, 2, 1), 12, 162_000),
            ],
            departedOn: new DateOnly(2024, 3, 1));
    }

    [Benchmark(Baseline = true)]
    public CoverageStatus CandidateWithPrePlacementOnly() => Coverage.On(_candidate, AsOf);

    [Benchmark]
    public CoverageStatus PlacedWorkerTypicalHistory() => Coverage.On(_placed, AsOf);

    [Benchmark]
    public CoverageSummary PlacedWorkerSummary() => Coverage.Summary(_placed, AsOf);
}
