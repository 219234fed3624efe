namespace MigrantCover.Web.Tests;

/// <summary>Each provider's migration set covers the whole model: a model change without a migration fails here.</summary>
public class MigrationTests
{
    [Fact]
    public void SqliteMigrationsCoverTheModel()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --context SqliteAppDbContext");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void PostgresMigrationsCoverTheModel()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --context PostgresAppDbContext");
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}
