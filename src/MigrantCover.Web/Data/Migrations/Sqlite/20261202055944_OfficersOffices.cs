using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrantCover.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OfficersOffices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "office_code",
                table: "workers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "worker_id",
                table: "audit_entries",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "office_code",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "offices",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    regency_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.DropColumn(
                name: "office_code",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "office_code",
                table: "AspNetUsers");

            migrationBuilder.AlterColumn<Guid>(
                name: "worker_id",
                table: "audit_entries",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
