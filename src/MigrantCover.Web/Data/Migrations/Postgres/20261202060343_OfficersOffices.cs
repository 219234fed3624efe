using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrantCover.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OfficersOffices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workers_registered_on",
                table: "workers");

            migrationBuilder.AddColumn<string>(
                name: "office_code",
                table: "workers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "worker_id",
                table: "audit_entries",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "office_code",
                table: "AspNetUsers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "offices",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    regency_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_offices", x => x.code);
                });

            migrationBuilder.CreateIndex(
                name: "ix_workers_office_code_stage_covered_until",
                table: "workers",
                columns: new[] { "office_code", "stage", "covered_until" });

            migrationBuilder.CreateIndex(
                name: "ix_workers_registered_on",
                table: "workers",
                column: "registered_on")
                .Annotation("Npgsql:IndexInclude", new[] { "registered_month", "stage", "destination_country", "province_code", "sex", "scheme", "agency_name", "occupation", "office_code", "departed_month", "membership_number" });

            migrationBuilder.CreateIndex(
                name: "ix_offices_province_code",
                table: "offices",
                column: "province_code");
        
            // The workers already there, counted by office (docs/admin.md, "To add one").
            migrationBuilder.Sql(TallySql.Backfill(TallyDimensions.Office));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "offices");

            migrationBuilder.DropIndex(
                name: "ix_workers_office_code_stage_covered_until",
                table: "workers");

            migrationBuilder.DropIndex(
                name: "ix_workers_registered_on",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "office_code",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "office_code",
                table: "AspNetUsers");

            migrationBuilder.AlterColumn<Guid>(
                name: "worker_id",
                table: "audit_entries",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_workers_registered_on",
                table: "workers",
                column: "registered_on")
                .Annotation("Npgsql:IndexInclude", new[] { "registered_month", "stage", "destination_country", "province_code", "sex", "scheme", "agency_name", "occupation", "departed_month", "membership_number" });
        }
    }
}
