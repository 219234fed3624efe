using Microsoft.EntityFrameworkCore.Migrations;
using MigrantCover.Web.Data.Sql;

#nullable disable

namespace MigrantCover.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WritesTallyShards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_worker_tallies",
                table: "worker_tallies");

            migrationBuilder.DropPrimaryKey(
                name: "pk_payment_tallies",
                table: "payment_tallies");

            migrationBuilder.DropPrimaryKey(
                name: "pk_departure_tallies",
                table: "departure_tallies");

            migrationBuilder.DropPrimaryKey(
                name: "pk_cover_tallies",
                table: "cover_tallies");

            migrationBuilder.AddColumn<int>(
                name: "shard",
                table: "worker_tallies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "shard",
                table: "payment_tallies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "shard",
                table: "departure_tallies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "shard",
                table: "cover_tallies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "pk_worker_tallies",
                table: "worker_tallies",
                columns: new[] { "registered_month", "stage", "dimension", "value", "shard" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_payment_tallies",
                table: "payment_tallies",
                columns: new[] { "paid_month", "kind", "shard" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_departure_tallies",
                table: "departure_tallies",
                columns: new[] { "registered_month", "departed_month", "shard" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_cover_tallies",
                table: "cover_tallies",
                columns: new[] { "stage", "cover_phase", "covered_until", "shard" });

            // The views come in the next migration (WritesTallyViews): SQLite rebuilds these tables at the
            // end of this one, which a view on them would not survive.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to one row per key: every tally is recounted into shard 0.
            foreach (var sql in TallySql.Rebuild(postgres: false))
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropPrimaryKey(
                name: "pk_worker_tallies",
                table: "worker_tallies");

            migrationBuilder.DropPrimaryKey(
                name: "pk_payment_tallies",
                table: "payment_tallies");

            migrationBuilder.DropPrimaryKey(
                name: "pk_departure_tallies",
                table: "departure_tallies");

            migrationBuilder.DropPrimaryKey(
                name: "pk_cover_tallies",
                table: "cover_tallies");

            migrationBuilder.DropColumn(
                name: "shard",
                table: "worker_tallies");

            migrationBuilder.DropColumn(
                name: "shard",
                table: "payment_tallies");

            migrationBuilder.DropColumn(
                name: "shard",
                table: "departure_tallies");

            migrationBuilder.DropColumn(
                name: "shard",
                table: "cover_tallies");

            migrationBuilder.AddPrimaryKey(
                name: "pk_worker_tallies",
                table: "worker_tallies",
                columns: new[] { "registered_month", "stage", "dimension", "value" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_payment_tallies",
                table: "payment_tallies",
                columns: new[] { "paid_month", "kind" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_departure_tallies",
                table: "departure_tallies",
                columns: new[] { "registered_month", "departed_month" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_cover_tallies",
                table: "cover_tallies",
                columns: new[] { "stage", "cover_phase", "covered_until" });
        }
    }
}
