using Microsoft.EntityFrameworkCore.Migrations;
using MigrantCover.Web.Data.Sql;

#nullable disable

namespace MigrantCover.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HeirsLiveNik : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_heirs_worker_id",
                table: "heirs");

            migrationBuilder.AddColumn<string>(
                name: "live_nik",
                table: "heirs",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.Sql(HeirSql.BackfillLiveNik);

            migrationBuilder.CreateIndex(
                name: "ix_heirs_worker_id_live_nik",
                table: "heirs",
                columns: new[] { "worker_id", "live_nik" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_heirs_worker_id_live_nik",
                table: "heirs");

            migrationBuilder.DropColumn(
                name: "live_nik",
                table: "heirs");

            migrationBuilder.CreateIndex(
                name: "ix_heirs_worker_id",
                table: "heirs",
                column: "worker_id");
        }
    }
}
