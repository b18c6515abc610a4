using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ses.Service.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class DraftStepAttempt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_drafts_CaseId",
                table: "drafts");

            migrationBuilder.DropIndex(
                name: "IX_drafts_EvaluationId",
                table: "drafts");

            migrationBuilder.AddColumn<int>(
                name: "StepAttempt",
                table: "drafts",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_drafts_CaseId_CaseStep_StepAttempt",
                table: "drafts",
                columns: new[] { "CaseId", "CaseStep", "StepAttempt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_drafts_EvaluationId_CaseStep_StepAttempt",
                table: "drafts",
                columns: new[] { "EvaluationId", "CaseStep", "StepAttempt" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_drafts_CaseId_CaseStep_StepAttempt",
                table: "drafts");

            migrationBuilder.DropIndex(
                name: "IX_drafts_EvaluationId_CaseStep_StepAttempt",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "StepAttempt",
                table: "drafts");

            migrationBuilder.CreateIndex(
                name: "IX_drafts_CaseId",
                table: "drafts",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_drafts_EvaluationId",
                table: "drafts",
                column: "EvaluationId");
        }
    }
}
