using Microsoft.AspNetCore.Identity;

namespace MigrantCover.Web.Data.Entities;

/// <summary>An officer or admin account (ASP.NET Core Identity).</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>The office the account works at (<see cref="Office.Code"/>); admins may have none.</summary>
    public string? OfficeCode { get; set; }
}
