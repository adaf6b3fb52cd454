using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ShopFloor.Core.Outbox;

/// <summary>
/// Raises the <see cref="WorkSignals"/> of the outbox topics a save wrote, once they are committed: at once when the
/// save had no transaction around it, else when that transaction commits (before, the worker would find nothing).
/// </summary>
public sealed class OutboxSignalInterceptor(WorkSignals signals) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _uncommitted = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => RaiseFor(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RaiseFor(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null)
            return;
        var topics = context.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Topic).ToList();
        if (topics.Count > 0)
            lock (_uncommitted)
                _uncommitted.GetOrCreateValue(context).UnionWith(topics);
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
            RaiseFor(context);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
            lock (_uncommitted)
                _uncommitted.Remove(context);
    }

    private void RaiseFor(DbContext? context)
    {
        if (context is null)
            return;
        HashSet<string>? topics;
        lock (_uncommitted)
            if (_uncommitted.TryGetValue(context, out topics))
                _uncommitted.Remove(context);
        foreach (var topic in topics ?? [])
            signals.Raise(topic);
    }
}
