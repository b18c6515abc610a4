using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ses.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class Counterparties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "counterparties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IdScheme = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IdValue = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SupervisingBureau = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Contact1Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Contact1Mobile = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Contact1Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Contact2Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Contact2Mobile = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Contact2Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counterparties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "counterparty_accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CounterpartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MustChangePassword = table.Column<bool>(type: "INTEGER", nullable: false),
                    FailedSignIns = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counterparty_accounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_counterparty_accounts_counterparties_CounterpartyId",
                        column: x => x.CounterpartyId,
                        principalTable: "counterparties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_counterparties_IdScheme_IdValue",
                table: "counterparties",
                columns: new[] { "IdScheme", "IdValue" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_counterparties_SupervisingBureau",
                table: "counterparties",
                column: "SupervisingBureau");

            migrationBuilder.CreateIndex(
                name: "IX_counterparty_accounts_CounterpartyId",
                table: "counterparty_accounts",
                column: "CounterpartyId");

            migrationBuilder.CreateIndex(
                name: "IX_counterparty_accounts_UserName",
                table: "counterparty_accounts",
                column: "UserName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "counterparty_accounts");

            migrationBuilder.DropTable(
                name: "counterparties");
        }
    }
}
