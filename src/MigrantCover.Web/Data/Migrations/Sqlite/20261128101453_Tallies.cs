using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrantCover.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Tallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workers_stage_agency_name_occupation",
                table: "workers");

            migrationBuilder.DropIndex(
                name: "ix_workers_stage_destination_country_province_code_sex_scheme",
                table: "workers");

            migrationBuilder.CreateTable(
                name: "cover_tallies",
                columns: table => new
                {
                    stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    cover_phase = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    covered_until = table.Column<int>(type: "INTEGER", nullable: false),
                    workers = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cover_tallies", x => new { x.stage, x.cover_phase, x.covered_until });
                });

            migrationBuilder.CreateTable(
                name: "departure_tallies",
                columns: table => new
                {
                    registered_month = table.Column<int>(type: "INTEGER", nullable: false),
                    departed_month = table.Column<int>(type: "INTEGER", nullable: false),
                    workers = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_departure_tallies", x => new { x.registered_month, x.departed_month });
                });

            migrationBuilder.CreateTable(
                name: "payment_tallies",
                columns: table => new
                {
                    paid_month = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    payments = table.Column<long>(type: "INTEGER", nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_tallies", x => new { x.paid_month, x.kind });
                });

            migrationBuilder.CreateTable(
                name: "worker_tallies",
                columns: table => new
                {
                    registered_month = table.Column<int>(type: "INTEGER", nullable: false),
                    stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    dimension = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    workers = table.Column<long>(type: "INTEGER", nullable: false),
                    participants = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_worker_tallies", x => new { x.registered_month, x.stage, x.dimension, x.value });
                });

            // Backfill from the rows already there (the statements of Tallies.RebuildAsync).
            migrationBuilder.Sql("""
                INSERT INTO worker_tallies (registered_month, stage, dimension, value, workers, participants)
                SELECT registered_month, stage, 'all', '', count(*), count(membership_number) FROM workers GROUP BY registered_month, stage
                UNION ALL SELECT registered_month, stage, 'destination', destination_country, count(*), count(membership_number) FROM workers GROUP BY registered_month, stage, destination_country
                UNION ALL SELECT registered_month, stage, 'province', province_code, count(*), count(membership_number) FROM workers GROUP BY registered_month, stage, province_code
                UNION ALL SELECT registered_month, stage, 'sex', sex, count(*), count(membership_number) FROM workers GROUP BY registered_month, stage, sex
                UNION ALL SELECT registered_month, stage, 'scheme', scheme, count(*), count(membership_number) FROM workers GROUP BY registered_month, stage, scheme
                UNION ALL SELECT registered_month, stage, 'agency', COALESCE(agency_name, ''), count(*), count(membership_number) FROM workers GROUP BY registered_month, stage, COALESCE(agency_name, '')
                UNION ALL SELECT registered_month, stage, 'occupation', occupation, count(*), count(membership_number) FROM workers GROUP BY registered_month, stage, occupation
                """);
            migrationBuilder.Sql("""
                INSERT INTO departure_tallies (registered_month, departed_month, workers)
                SELECT registered_month, departed_month, count(*) FROM workers WHERE departed_month IS NOT NULL GROUP BY registered_month, departed_month
                """);
            migrationBuilder.Sql("""
                INSERT INTO cover_tallies (stage, cover_phase, covered_until, workers)
                SELECT stage, COALESCE(cover_phase, ''), COALESCE(CAST(replace(covered_until, '-', '') AS INTEGER), 0), count(*) FROM workers GROUP BY stage, COALESCE(cover_phase, ''), COALESCE(CAST(replace(covered_until, '-', '') AS INTEGER), 0)
                """);
            migrationBuilder.Sql("""
                INSERT INTO payment_tallies (paid_month, kind, payments, amount)
                SELECT paid_month, kind, count(*), sum(amount) FROM payments GROUP BY paid_month, kind
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cover_tallies");

            migrationBuilder.DropTable(
                name: "departure_tallies");

            migrationBuilder.DropTable(
                name: "payment_tallies");

            migrationBuilder.DropTable(
                name: "worker_tallies");

            migrationBuilder.CreateIndex(
                name: "ix_workers_stage_agency_name_occupation",
                table: "workers",
                columns: new[] { "stage", "agency_name", "occupation" });

            migrationBuilder.CreateIndex(
                name: "ix_workers_stage_destination_country_province_code_sex_scheme",
                table: "workers",
                columns: new[] { "stage", "destination_country", "province_code", "sex", "scheme" });
        }
    }
}
