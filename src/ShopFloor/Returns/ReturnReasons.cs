namespace ShopFloor.Returns;

/// <summary>The reasons a return row can give by id (Katana's reason_id); a row may also carry its own words.</summary>
public static class ReturnReasons
{
    public static readonly IReadOnlyList<ReturnReasonResponse> All =
    [
        new(1, "Damaged"), new(2, "Defective"), new(3, "Wrong item"), new(4, "Not as described"), new(5, "No longer needed"), new(6, "Other"),
    ];

    public static long? IdOf(string? reason) => All.FirstOrDefault(r => string.Equals(r.Name, reason, StringComparison.OrdinalIgnoreCase))?.Id;

    public static string? NameOf(long? id) => id is null ? null
        : All.FirstOrDefault(r => r.Id == id)?.Name ?? throw new Core.Common.ValidationFailedException("reason_id", $"there is no return reason {id}; see /v1/sales_returns/return_reasons");
}
