using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ses.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CaseId",
                table: "drafts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CaseStep",
                table: "drafts",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueDate",
                table: "credit_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DueProvisional",
                table: "credit_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DueRule",
                table: "credit_cases",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReplyDeadline",
                table: "credit_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "credit_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "case_persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IdScheme = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IdValue = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_persons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_persons_credit_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "credit_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DoneBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DoneById = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueRule = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    LateWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_steps_credit_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "credit_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_drafts_CaseId",
                table: "drafts",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_credit_cases_Bureau_State",
                table: "credit_cases",
                columns: new[] { "Bureau", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_case_persons_CaseId",
                table: "case_persons",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_steps_CaseId_Number",
                table: "case_steps",
                columns: new[] { "CaseId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_persons");

            migrationBuilder.DropTable(
                name: "case_steps");

            migrationBuilder.DropIndex(
                name: "IX_drafts_CaseId",
                table: "drafts");

            migrationBuilder.DropIndex(
                name: "IX_credit_cases_Bureau_State",
                table: "credit_cases");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "CaseStep",
                table: "drafts");

            migrationBuilder.DropColumn(
                name: "DueDate",
                table: "credit_cases");

            migrationBuilder.DropColumn(
                name: "DueProvisional",
                table: "credit_cases");

            migrationBuilder.DropColumn(
                name: "DueRule",
                table: "credit_cases");

            migrationBuilder.DropColumn(
                name: "ReplyDeadline",
                table: "credit_cases");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "credit_cases");
        }
    }
}
