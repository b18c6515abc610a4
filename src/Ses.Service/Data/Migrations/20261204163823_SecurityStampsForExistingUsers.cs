using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ses.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class SecurityStampsForExistingUsers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every existing user gets a stamp of its own; tokens and cookies issued before carry none and end. (Apart
            // from the previous migration, whose rebuild of these tables SQLite runs last.)
            migrationBuilder.Sql("""UPDATE staff_users SET "SecurityStamp" = lower(hex(randomblob(16))) WHERE "SecurityStamp" = '';""");
            migrationBuilder.Sql("""UPDATE counterparty_accounts SET "SecurityStamp" = lower(hex(randomblob(16))) WHERE "SecurityStamp" = '';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
