using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ShopFloor.Core.Data;

/// <summary>
/// With WAL (set once, it persists in the file) a commit need not wait for a full sync: NORMAL keeps the
/// database consistent after a crash and may lose only the last commits after a power cut. A writer that finds
/// the database locked waits in SQLite's own busy handler (a few milliseconds at a time) rather than in the
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
