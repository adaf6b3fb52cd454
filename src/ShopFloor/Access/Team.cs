using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShopFloor.Core.Access;
using ShopFloor.Core.Common;

namespace ShopFloor.Access;

public sealed record TeamMember(string Id, string Email, string? Name, bool IsOwner, bool Invited);

/// <summary>
/// The people of a workspace: the owner invites others as owners or staff. An invitation is an account without a
/// password and a link (valid for a day) where the invitee sets one; the owner passes the link on.
/// </summary>
public sealed class Team(UserManager<ShopFloorUser> users)
{
    public const string OwnerPolicy = "owner";
    public const string RoleClaim = "shopfloor:role";

    public async Task<List<TeamMember>> ListAsync(CancellationToken ct) =>
        (await users.Users.AsNoTracking().OrderByDescending(u => u.IsOwner).ThenBy(u => u.Email).ToListAsync(ct))
        .Select(u => new TeamMember(u.Id, u.Email ?? "", u.DisplayName, u.IsOwner, u.PasswordHash is null)).ToList();

    /// <summary>Makes the invitee's account and returns the path of the link that lets them set a password.</summary>
    public async Task<string> InviteAsync(string email, string? name, bool isOwner)
    {
        email = Guard.Required(email, "email").Trim();
        if (await users.FindByEmailAsync(email) is not null)
            throw new ValidationFailedException("email", $"{email} has an account already");
        var user = new ShopFloorUser { UserName = email, Email = email, DisplayName = string.IsNullOrWhiteSpace(name) ? null : name.Trim(), IsOwner = isOwner };
        Check(await users.CreateAsync(user), "email");
        return await LinkAsync(user);
    }

    /// <summary>A new link for an invitation not yet taken up (the earlier one stops working).</summary>
    public async Task<string> RenewInvitationAsync(string id)
    {
        var user = await FindAsync(id);
        if (user.PasswordHash is not null)
            throw new DomainException($"{user.Email} has set a password already.");
        Check(await users.UpdateSecurityStampAsync(user), "email");
        return await LinkAsync(user);
    }

    /// <summary>Sets the invitee's password from the link; false when the link is wrong, used, or older than a day.</summary>
    public async Task<(ShopFloorUser? User, IEnumerable<string> Errors)> AcceptAsync(string id, string encodedToken, string password)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || user.PasswordHash is not null)
            return (null, ["This invitation has been used or withdrawn."]);
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encodedToken));
        }
        catch (FormatException)
        {
            return (null, ["This invitation link is not complete."]);
        }
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
            return (null, result.Errors.Select(e => e.Code == "InvalidToken" ? "This invitation link has expired or was replaced; ask for a new one." : e.Description));
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        return (user, []);
    }

    public async Task SetOwnerAsync(string id, bool isOwner, string actingUserId)
    {
        var user = await FindAsync(id);
        if (!isOwner && user.Id == actingUserId)
            throw new DomainException("You cannot make yourself staff; another owner can.");
        user.IsOwner = isOwner;
        Check(await users.UpdateAsync(user), "role");
        await users.UpdateSecurityStampAsync(user); // their session picks up the new role within a minute
    }

    public async Task RemoveAsync(string id, string actingUserId)
    {
        var user = await FindAsync(id);
        if (user.Id == actingUserId)
            throw new DomainException("You cannot remove yourself.");
        Check(await users.DeleteAsync(user), "email");
    }

    private async Task<string> LinkAsync(ShopFloorUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"/account/accept?user={Uri.EscapeDataString(user.Id)}&token={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}";
    }

    private async Task<ShopFloorUser> FindAsync(string id) => await users.FindByIdAsync(id) ?? throw new NotFoundException("Team member", id);

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
            throw new ValidationFailedException(field, string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}

/// <summary>Puts the person's role in their sign-in, where the owner policy reads it.</summary>
public sealed class TeamClaimsFactory(UserManager<ShopFloorUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ShopFloorUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ShopFloorUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Team.RoleClaim, user.IsOwner ? "owner" : "staff"));
        return identity;
    }
}
