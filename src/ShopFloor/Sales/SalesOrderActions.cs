using MudBlazor;
using ShopFloor.Core.Sales;

namespace ShopFloor.Sales;

/// <summary>What the Sell screen and the sales order page ask before moving an order whose items are not all there.</summary>
public static class SalesOrderActions
{
    /// <summary>Packing or delivering without the stock takes what is there and leaves the rest below zero, as Katana does.</summary>
    public static async Task<bool> ConfirmShortAsync(IDialogService dialogs, string orderNo, SalesOrderStatus status) =>
        await dialogs.ShowMessageBoxAsync($"{orderNo} is short of stock",
            $"Some items are not in stock. Mark it {(status == SalesOrderStatus.Packed ? "packed" : "delivered")} anyway? Stock of those items goes below zero.",
            yesText: status == SalesOrderStatus.Packed ? "Pack anyway" : "Deliver anyway", cancelText: "Wait") == true;
}
