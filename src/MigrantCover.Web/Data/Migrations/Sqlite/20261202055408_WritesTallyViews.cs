using Microsoft.EntityFrameworkCore.Migrations;
using MigrantCover.Web.Data.Sql;

#nullable disable

namespace MigrantCover.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WritesTallyViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Readers see the sum of the shards (decision 0012); after WritesTallyShards rebuilt the tables.
            TallyViews.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            TallyViews.Drop(migrationBuilder);
        }
    }
}
