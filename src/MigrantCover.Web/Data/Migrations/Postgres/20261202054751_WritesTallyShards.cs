using Microsoft.EntityFrameworkCore.Migrations;
using MigrantCover.Web.Data.Sql;

#nullable disable

namespace MigrantCover.Web.Data.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "shard",
                table: "payment_tallies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "shard",
                table: "departure_tallies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "shard",
                table: "cover_tallies",
                type: "integer",
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

            // Readers see the sum of the shards (decision 0012).
            TallyViews.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to one row per key: the views go, and every tally is recounted into shard 0.
            TallyViews.Drop(migrationBuilder);
            foreach (var sql in TallySql.Rebuild(postgres: true))
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
