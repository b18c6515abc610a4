using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ses.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class CorrectionsAndOrganisationChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "organisation_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Bureau = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CounterpartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToCounterpartyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OldName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NewName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisation_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_organisation_changes_counterparties_CounterpartyId",
                        column: x => x.CounterpartyId,
                        principalTable: "counterparties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_organisation_changes_counterparties_ToCounterpartyId",
                        column: x => x.ToCounterpartyId,
                        principalTable: "counterparties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "record_corrections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Bureau = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DiscoveredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PartyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Act = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Clauses = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaderNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    TransferredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TransferLateWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AdjustedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AdjustedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AdjustLateWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WithdrawalNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    WithdrawalLateWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Before = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_corrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_record_corrections_credit_records_RecordId",
                        column: x => x.RecordId,
                        principalTable: "credit_records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_organisation_changes_Bureau",
                table: "organisation_changes",
                column: "Bureau");

            migrationBuilder.CreateIndex(
                name: "IX_organisation_changes_CounterpartyId",
                table: "organisation_changes",
                column: "CounterpartyId");

            migrationBuilder.CreateIndex(
                name: "IX_organisation_changes_ToCounterpartyId",
                table: "organisation_changes",
                column: "ToCounterpartyId");

            migrationBuilder.CreateIndex(
                name: "IX_record_corrections_Bureau_State",
                table: "record_corrections",
                columns: new[] { "Bureau", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_record_corrections_RecordId",
                table: "record_corrections",
                column: "RecordId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "organisation_changes");

            migrationBuilder.DropTable(
                name: "record_corrections");
        }
    }
}
