using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ses.Service.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class Registrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registration_codes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Tries = table.Column<int>(type: "integer", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registration_codes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registration_throttles",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    WindowEndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registration_throttles", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "registrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IdScheme = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IdValue = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Bureau = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Office = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Contact1Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Contact1Mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Contact1Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Contact2Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Contact2Mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Contact2Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PendingKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OriginalReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OriginalReceivedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CounterpartyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "registration_accounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Department = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registration_accounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_registration_accounts_registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registration_files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FileName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FileSize = table.Column<long>(type: "bigint", nullable: false),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registration_files", x => x.Id);
                    table.ForeignKey(
                        name: "FK_registration_files_registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_registration_accounts_RegistrationId",
                table: "registration_accounts",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_registration_accounts_UserName",
                table: "registration_accounts",
                column: "UserName");

            migrationBuilder.CreateIndex(
                name: "IX_registration_codes_ExpiresAt",
                table: "registration_codes",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_registration_codes_Mobile_CreatedAt",
                table: "registration_codes",
                columns: new[] { "Mobile", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_registration_files_RegistrationId",
                table: "registration_files",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_registration_throttles_WindowEndsAt",
                table: "registration_throttles",
                column: "WindowEndsAt");

            migrationBuilder.CreateIndex(
                name: "IX_registrations_Bureau_State",
                table: "registrations",
                columns: new[] { "Bureau", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_registrations_PendingKey",
                table: "registrations",
                column: "PendingKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registration_accounts");

            migrationBuilder.DropTable(
                name: "registration_codes");

            migrationBuilder.DropTable(
                name: "registration_files");

            migrationBuilder.DropTable(
                name: "registration_throttles");

            migrationBuilder.DropTable(
                name: "registrations");
        }
    }
}
