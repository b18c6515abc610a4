using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ses.Service.Data.PostgresMigrations
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
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "evaluation_rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Bureau = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Notice = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    NoticeOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MaterialsDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PreEvaluatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicationEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FinalPublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluation_rounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Bureau = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CounterpartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Enterprise = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PreScore = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    PreGrade = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    PreDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewDecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewResult = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ReviewReasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReviewScore = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    ReviewGrade = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    ReviewDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    FinalScore = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    FinalGrade = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    AddedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EvaluationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Item = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Cause = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Corrected = table.Column<bool>(type: "boolean", nullable: true),
                    Fine = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    Points = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    Excluded = table.Column<bool>(type: "boolean", nullable: false),
                    Casualties = table.Column<int>(type: "integer", nullable: true),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: true),
                    EnteredBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RemovedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RemovedReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EvaluationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UploadedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Late = table.Column<bool>(type: "boolean", nullable: false)
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
