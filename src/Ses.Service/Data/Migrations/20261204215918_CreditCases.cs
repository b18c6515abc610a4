using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ses.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class CreditCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "credit_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Bureau = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CounterpartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Act = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ActDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Clauses = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecisionIssuer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CollectingUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_credit_cases_counterparties_CounterpartyId",
                        column: x => x.CounterpartyId,
                        principalTable: "counterparties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_credit_cases_units_CollectingUnitId",
                        column: x => x.CollectingUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_credit_cases_Bureau_CreatedById_State",
                table: "credit_cases",
                columns: new[] { "Bureau", "CreatedById", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_credit_cases_CollectingUnitId",
                table: "credit_cases",
                column: "CollectingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_credit_cases_CounterpartyId",
                table: "credit_cases",
                column: "CounterpartyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credit_cases");
        }
    }
}
