using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ses.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class CreditRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "credit_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Bureau = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CounterpartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PartyKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IdScheme = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IdValue = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Act = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Clauses = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GoverningClause = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ValidityYears = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DecisionDocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionDeliveredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EnteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RepairEligibleFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LinkedToRecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonRole = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    PersonPosition = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RemovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RemovedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Mark = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    MarkedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MarkNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UnpublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_credit_records_counterparties_CounterpartyId",
                        column: x => x.CounterpartyId,
                        principalTable: "counterparties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_credit_records_credit_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "credit_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_credit_records_credit_records_LinkedToRecordId",
                        column: x => x.LinkedToRecordId,
                        principalTable: "credit_records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_credit_records_Bureau_State",
                table: "credit_records",
                columns: new[] { "Bureau", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_credit_records_CaseId",
                table: "credit_records",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_credit_records_CounterpartyId",
                table: "credit_records",
                column: "CounterpartyId");

            migrationBuilder.CreateIndex(
                name: "IX_credit_records_IdValue",
                table: "credit_records",
                column: "IdValue");

            migrationBuilder.CreateIndex(
                name: "IX_credit_records_LinkedToRecordId",
                table: "credit_records",
                column: "LinkedToRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_credit_records_PartyName",
                table: "credit_records",
                column: "PartyName");

            migrationBuilder.CreateIndex(
                name: "IX_credit_records_State_ValidUntil",
                table: "credit_records",
                columns: new[] { "State", "ValidUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credit_records");
        }
    }
}
