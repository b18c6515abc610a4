using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ses.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class SessionStampsAndSignInLockout : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailedSignIns",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "FailedSignIns",
                table: "counterparty_accounts");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                table: "counterparty_accounts");

            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "staff_users",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "counterparty_accounts",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "sign_in_attempts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_in_attempts", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sign_in_attempts_LastAttemptAt",
                table: "sign_in_attempts",
                column: "LastAttemptAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sign_in_attempts");

            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "counterparty_accounts");

            migrationBuilder.AddColumn<int>(
                name: "FailedSignIns",
                table: "staff_users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LockedUntil",
                table: "staff_users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FailedSignIns",
                table: "counterparty_accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LockedUntil",
                table: "counterparty_accounts",
                type: "INTEGER",
                nullable: true);
        }
    }
}
