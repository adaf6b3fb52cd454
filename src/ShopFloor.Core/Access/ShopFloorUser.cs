using Microsoft.AspNetCore.Identity;

namespace ShopFloor.Core.Access;

/// <summary>A person who signs in to the web app; the first one, made on the first run, owns the workspace.</summary>
public sealed class ShopFloorUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public bool IsOwner { get; set; }
}
