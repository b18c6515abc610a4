using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ses.Service.Data.PostgresMigrations
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
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "counterparty_accounts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            // Every existing user gets a stamp of its own; tokens and cookies issued before carry none and end.
            migrationBuilder.Sql("""UPDATE staff_users SET "SecurityStamp" = md5(random()::text || clock_timestamp()::text || "Id"::text);""");
            migrationBuilder.Sql("""UPDATE counterparty_accounts SET "SecurityStamp" = md5(random()::text || clock_timestamp()::text || "Id"::text);""");

            migrationBuilder.CreateTable(
                name: "sign_in_attempts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LockedUntil",
                table: "staff_users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FailedSignIns",
                table: "counterparty_accounts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LockedUntil",
                table: "counterparty_accounts",
                type: "timestamp with time zone",
                nullable: true);
        }
    }
}
