using ShopFloor.Core.Common;

namespace ShopFloor.Core.Catalog;

public sealed class Supplier
{
    private Supplier() { }

    public Supplier(string name, DateTime now)
    {
        Rename(name);
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Currency { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; set; }

    public void Rename(string name) => Name = Guard.Required(name, "name");
}
