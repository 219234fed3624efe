namespace MigrantCover.Web.Data;

/// <summary>Who is making a change, for the audit trail and the "recorded by" columns.</summary>
public interface IAuditActor
{
    string Id { get; }

    string Name { get; }
}

/// <summary>Changes made outside a request (start-up, commands, the demo seeder): "system".</summary>
public sealed class SystemActor : IAuditActor
{
    public static readonly SystemActor Instance = new();

    public string Id => "system";

    public string Name => "system";
}
