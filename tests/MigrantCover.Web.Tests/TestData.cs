namespace MigrantCover.Web.Tests;

/// <summary>Valid records to arrange tests with: the sample worker as an entity; every call gives a new NIK.</summary>
public static class TestData
{
    private static int _serial;

    public static Worker Worker()
    {
        var serial = Interlocked.Increment(ref _serial);
        var facts = SampleWorker.Facts with
        {
            Nik = $"330222490795{(serial % 9999) + 1:0000}",
            Email = $"siti{serial}@example.id",
        };
        var worker = new Worker { Id = Guid.CreateVersion7(), Stage = Stage.Candidate };
        RegisterWorker.Apply(facts, worker, facts.RegisteredOn!.Value);
        return worker;
    }

    /// <summary>A contribution of the worker's, under the rule set of the day it was paid, with a reference of its own; recorded at <see cref="AppFactory.DefaultNow"/> unless said.</summary>
    public static Payment Payment(Guid workerId, PaymentKind kind, long amount, DateOnly paidOn, int? months = null, DateTimeOffset? recordedAt = null) => new()
    {
        Id = Guid.CreateVersion7(),
        WorkerId = workerId,
        Kind = kind,
        Amount = amount,
        PaidOn = paidOn,
        Months = months,
        Reference = "REF-" + Guid.NewGuid().ToString("N")[..20],
        RuleSet = RuleSets.For(paidOn)?.Id ?? "",
        RecordedAt = recordedAt ?? AppFactory.DefaultNow,
        RecordedBy = "test",
    };
}
