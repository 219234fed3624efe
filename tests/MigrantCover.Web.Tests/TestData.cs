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
}
