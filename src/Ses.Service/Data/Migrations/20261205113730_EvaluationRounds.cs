using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ses.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class EvaluationRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "EvaluationId",
                table: "drafts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "evaluation_rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Bureau = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Notice = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    NoticeOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MaterialsDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PreEvaluatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublicationEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FinalPublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluation_rounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Bureau = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CounterpartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Enterprise = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PreScore = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    PreGrade = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    PreDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewDecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewResult = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ReviewReasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewScore = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    ReviewGrade = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    ReviewDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FinalScore = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    FinalGrade = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evaluations_counterparties_CounterpartyId",
                        column: x => x.CounterpartyId,
                        principalTable: "counterparties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_evaluations_evaluation_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "evaluation_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EvaluationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Item = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Corrected = table.Column<bool>(type: "INTEGER", nullable: true),
                    Fine = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    Points = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    Excluded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Casualties = table.Column<int>(type: "INTEGER", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemovedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RemovedReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluation_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evaluation_entries_evaluations_EvaluationId",
                        column: x => x.EvaluationId,
                        principalTable: "evaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_materials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EvaluationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Late = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluation_materials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evaluation_materials_evaluations_EvaluationId",
                        column: x => x.EvaluationId,
                        principalTable: "evaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_drafts_EvaluationId",
                table: "drafts",
                column: "EvaluationId");

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_entries_EvaluationId",
                table: "evaluation_entries",
                column: "EvaluationId");

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_materials_EvaluationId",
                table: "evaluation_materials",
                column: "EvaluationId");

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_rounds_Bureau_Year",
                table: "evaluation_rounds",
                columns: new[] { "Bureau", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_evaluations_CounterpartyId",
                table: "evaluations",
                column: "CounterpartyId");

            migrationBuilder.CreateIndex(
                name: "IX_evaluations_RoundId_CounterpartyId",
                table: "evaluations",
                columns: new[] { "RoundId", "CounterpartyId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evaluation_entries");

            migrationBuilder.DropTable(
                name: "evaluation_materials");

            migrationBuilder.DropTable(
                name: "evaluations");

            migrationBuilder.DropTable(
                name: "evaluation_rounds");

            migrationBuilder.DropIndex(
                name: "IX_drafts_EvaluationId",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "EvaluationId",
                table: "drafts");
        }
    }
}
