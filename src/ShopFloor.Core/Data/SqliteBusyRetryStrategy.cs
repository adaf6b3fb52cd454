using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace ShopFloor.Core.Data;

/// <summary>
/// SQLite answers "database is locked" at once, without waiting in its busy handler, where waiting could deadlock
/// (a connection that read first and then wants to write while another writes). Such a transaction is safe to run
/// again from the start, as the PostgreSQL strategy does with a deadlock or serialization failure.
/// </summary>
public sealed class SqliteBusyRetryStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 6, maxRetryDelay: TimeSpan.FromSeconds(1))
{
    private const int Busy = 5, Locked = 6;

    protected override bool ShouldRetryOn(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: Busy or Locked } => true,
        _ when exception.InnerException is SqliteException { SqliteErrorCode: Busy or Locked } => true,
        _ => false,
    };
}
