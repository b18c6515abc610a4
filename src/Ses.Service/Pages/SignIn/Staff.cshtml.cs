using Ses.Service.Accounts;
using Ses.Service.Data;

namespace Ses.Service.Pages.SignIn;

public sealed class StaffModel(SesDbContext db, TimeProvider time) : SignInPageModel(db, time)
{
    protected override string Home => "/";

    protected override string Kind => SesClaims.StaffKind;
}
