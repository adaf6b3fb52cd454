using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Returns;
using ShopFloor.Core.Sales;
using ShopFloor.WooCommerce.Client;
using ShopFloor.WooCommerce.Connection;

namespace ShopFloor.WooCommerce.Orders;

/// <summary>What an order's refunds took back, per order line; no refunds is no call.</summary>
public sealed record WooRefunded(IReadOnlyList<WooRefund> Refunds)
{
    public static readonly WooRefunded None = new([]);

    public int Of(long lineItemId) =>
        Refunds.SelectMany(r => r.LineItems).Where(l => l.RefundedItemId == lineItemId).Sum(l => Math.Abs(l.Quantity));

    public List<long> Ids => Refunds.Select(r => r.Id).ToList();
}

/// <summary>
/// R-SYNC-5 for WooCommerce, which has refunds rather than returns. A refund of an order still open in ShopFloor
/// lowers its rows (what is refunded does not ship; the rows follow in <see cref="WooOrderSync"/>). A refund of an
/// order already delivered becomes a return order of the refunded lines, not yet returned: WooCommerce does not say
/// whether the goods came back, so the merchant marks it returned when they arrive, and only then is the stock back
/// in ShopFloor and sent to the stores. Each refund is followed once.
/// </summary>
public sealed class WooRefunds(ShopFloorDbContext db, WooClient woo, WooKeys keys, SalesReturns salesReturns, SyncLogWriter log)
{
    public async Task<WooRefunded> ReadAsync(WooStore store, WooOrder order, CancellationToken ct) =>
        order.Refunds is not { Count: > 0 }
            ? WooRefunded.None
            : new(await woo.ListAsync<WooRefund>(keys.CredentialsOf(store), $"orders/{order.Id}/refunds", ct));

    /// <summary>Return orders for the refunds of a delivered order not followed yet; the number made.</summary>
    public async Task<int> ReturnAsync(WooStore store, WooOrder order, WooRefunded refunded, WooOrderLink link, SalesOrder salesOrder, CancellationToken ct)
    {
        var rows = salesOrder.Rows.Where(r => r.StoreLineItemId is not null && r.TracksStock).ToDictionary(r => r.StoreLineItemId!);
        var made = 0;
        foreach (var refund in refunded.Refunds.Where(r => !link.SettledRefunds.Contains(r.Id)).OrderBy(r => r.Id))
        {
            var lines = refund.LineItems
                .Select(l => (Row: l.RefundedItemId is { } item && rows.TryGetValue(Key(item), out var row) ? row : null, Quantity: Math.Abs(l.Quantity)))
                .Where(l => l.Row is not null && l.Quantity > 0)
                .GroupBy(l => l.Row!.Id)
                .Select(g => new ReturnRowInput(g.Key, g.Sum(l => l.Quantity), Restock: true, Blank(refund.Reason)))
                .ToList();
            link.SettledRefunds = [.. link.SettledRefunds, refund.Id];
            if (lines.Count == 0)
            {
                await log.InAsync(WooChannel.Store(store.Id), SyncSubject.Return, SyncOutcome.Skipped,
                    $"refund {refund.Id} of #{order.Number} takes back no product ShopFloor sold: no return order", $"#{order.Number}", ct);
                continue;
            }
            await CreateAsync(store, order, salesOrder, refund, lines, ct);
            made++;
        }
        return made;
    }

    public static string Key(long lineItemId) => lineItemId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task CreateAsync(WooStore store, WooOrder order, SalesOrder salesOrder, WooRefund refund, List<ReturnRowInput> lines, CancellationToken ct)
    {
        try
        {
            var created = await salesReturns.CreateAsync(new CreateSalesReturn(null, salesOrder.Id, null, $"WooCommerce refund {refund.Id} of #{order.Number}", lines), ct);
            created.StoreReturnId = $"woo-refund-{refund.Id}";
            db.Update(created);
            await log.InAsync(WooChannel.Store(store.Id), SyncSubject.Return, SyncOutcome.Ok,
                $"refund {refund.Id} of #{order.Number} is return order {created.ReturnNo}: mark it returned when the goods are back, and their stock goes back",
                $"#{order.Number}", ct);
        }
        catch (ValidationFailedException e)
        {
            throw new SyncNeedsActionException(
                $"Refund {refund.Id} of #{order.Number} could not become a return order: {string.Join("; ", e.Errors.Select(x => $"{x.Key} {string.Join(", ", x.Value)}"))}");
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
