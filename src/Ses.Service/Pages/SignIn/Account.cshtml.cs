using Ses.Service.Accounts;
using Ses.Service.Data;

namespace Ses.Service.Pages.SignIn;

public sealed class AccountModel(SesDbContext db, TimeProvider time) : SignInPageModel(db, time)
{
    protected override string Home => "/inbox";

    protected override string Kind => SesClaims.AccountKind;
}
