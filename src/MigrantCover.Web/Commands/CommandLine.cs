namespace MigrantCover.Web.Commands;

/// <summary>
/// The commands the portal runs instead of serving (docs/operations.md): `create-admin`, the way to make
/// the first admin outside Development, and `rebuild-tallies`, the repair of the dashboard's tallies.
/// </summary>
public static class CommandLine
{
    /// <summary>The exit code of the command named by the first argument, or null to serve.</summary>
    public static async Task<int?> RunAsync(IServiceProvider services, string[] args) => args.FirstOrDefault() switch
    {
        "create-admin" => await CreateAdminCommand.RunAsync(services, args[1..]),
        "rebuild-tallies" => await RebuildTalliesCommand.RunAsync(services),
        _ => null,
    };
}
