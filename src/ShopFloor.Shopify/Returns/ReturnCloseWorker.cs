using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Data;
using ShopFloor.Core.Outbox;
using ShopFloor.Core.Returns;
using ShopFloor.Core.Sales;
using ShopFloor.Shopify.Client;
using ShopFloor.Shopify.Connection;

namespace ShopFloor.Shopify.Returns;

/// <summary>R-SYNC-5: a store's return marked Returned in ShopFloor is closed in the store (returnClose).</summary>
public sealed class ReturnCloseWorker(IServiceScopeFactory scopes, WorkSignals signals, IOptions<SyncOptions> options, TimeProvider clock, ILogger<ReturnCloseWorker> logger)
    : OutboxWorker(scopes, signals, options, clock, logger)
{
    protected override string Topic => SalesReturnReturned.Topic;

    protected override int BatchSize => 50;

    protected override async Task<bool> HandleAsync(IServiceProvider services, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        var db = services.GetRequiredService<ShopFloorDbContext>();
        var shopify = services.GetRequiredService<ShopifyAdminClient>();
        var tokens = services.GetRequiredService<TokenVault>();
        var log = services.GetRequiredService<SyncLogWriter>();
        foreach (var id in messages.Select(m => SalesReturnReturned.Parse(m).SalesReturnId).Distinct())
        {
            var found = await db.Set<SalesReturn>().AsNoTracking().Where(r => r.Id == id)
                .Join(db.Set<SalesOrder>(), r => r.SalesOrderId, o => o.Id, (r, o) => new { r.ReturnNo, r.StoreReturnId, o.StoreId })
                .FirstOrDefaultAsync(ct);
            if (found is not { StoreReturnId: { } returnId, StoreId: { } storeId }
                || await db.Set<ShopifyStore>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, ct) is not { SyncActive: true } store
                || !store.Settings.CreateReturns)
                continue;
            var errors = ShopifyJson.Read<MutationErrors>(
                (await shopify.SendAsync(tokens.CredentialsOf(store), Operations.ReturnClose, new { id = returnId }, ct)).GetProperty("returnClose")).UserErrors;
            await log.OutAsync(ShopifyChannel.Store(store.Id), SyncSubject.Return, errors.Count == 0 ? SyncOutcome.Ok : SyncOutcome.Skipped,
                errors.Count == 0 ? $"{found.ReturnNo} returned; closed in Shopify" : $"{found.ReturnNo}: Shopify did not close the return: {errors[0].Message}",
                found.ReturnNo, ct: ct);
            await db.SaveChangesAsync(ct);
        }
        return true;
    }
}
