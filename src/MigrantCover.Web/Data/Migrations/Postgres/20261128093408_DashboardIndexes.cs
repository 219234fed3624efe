using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrantCover.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_payments_paid_month_kind",
                table: "payments");

            migrationBuilder.CreateIndex(
                name: "ix_workers_stage_agency_name_occupation",
                table: "workers",
                columns: new[] { "stage", "agency_name", "occupation" })
                .Annotation("Npgsql:IndexInclude", new[] { "registered_on" });

            migrationBuilder.CreateIndex(
                name: "ix_workers_stage_destination_country_province_code_sex_scheme",
                table: "workers",
                columns: new[] { "stage", "destination_country", "province_code", "sex", "scheme" })
                .Annotation("Npgsql:IndexInclude", new[] { "membership_number", "registered_on" });

            migrationBuilder.CreateIndex(
                name: "ix_payments_paid_month_kind",
                table: "payments",
                columns: new[] { "paid_month", "kind" })
                .Annotation("Npgsql:IndexInclude", new[] { "amount", "paid_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workers_stage_agency_name_occupation",
                table: "workers");

            migrationBuilder.DropIndex(
                name: "ix_workers_stage_destination_country_province_code_sex_scheme",
                table: "workers");

            migrationBuilder.DropIndex(
                name: "ix_payments_paid_month_kind",
                table: "payments");

            migrationBuilder.CreateIndex(
                name: "ix_payments_paid_month_kind",
                table: "payments",
                columns: new[] { "paid_month", "kind" });
        }
    }
}
