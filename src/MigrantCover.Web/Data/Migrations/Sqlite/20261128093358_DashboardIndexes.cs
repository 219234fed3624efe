using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrantCover.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_workers_stage_agency_name_occupation",
                table: "workers",
                columns: new[] { "stage", "agency_name", "occupation" });

            migrationBuilder.CreateIndex(
                name: "ix_workers_stage_destination_country_province_code_sex_scheme",
                table: "workers",
                columns: new[] { "stage", "destination_country", "province_code", "sex", "scheme" });
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
        }
    }
}
