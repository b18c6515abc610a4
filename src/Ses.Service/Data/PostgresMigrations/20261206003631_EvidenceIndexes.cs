using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ses.Service.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class EvidenceIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_evidence_entries_At",
                table: "evidence_entries");

            migrationBuilder.DropIndex(
                name: "IX_evidence_entries_DeliveryId",
                table: "evidence_entries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_evidence_entries_At",
                table: "evidence_entries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_evidence_entries_DeliveryId",
                table: "evidence_entries",
                column: "DeliveryId");
        }
    }
}
