using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ShopFloor.Api;

/// <summary>
/// The last line of defence: a write the database refuses because of the request (a record still in use, a
/// duplicate, a value too long or too large for its column) is the client's problem (409 or 422), never a 500.
/// Validation names the field first wherever it can; this only catches what slipped past it.
/// </summary>
public static class DatabaseRefusals
{
    public static ProblemDetails? ProblemFor(Exception exception) => exception switch
    {
        DbUpdateException { InnerException: PostgresException postgres } => ForPostgres(postgres.SqlState),
        PostgresException postgres => ForPostgres(postgres.SqlState),
        DbUpdateException { InnerException: SqliteException { SqliteErrorCode: 19 } sqlite } => ForSqliteConstraint(sqlite.Message),
        SqliteException { SqliteErrorCode: 19 } sqlite => ForSqliteConstraint(sqlite.Message),
        _ => null,
    };

    private static ProblemDetails? ForPostgres(string state) => state switch
    {
        PostgresErrorCodes.ForeignKeyViolation => InUse(),
        PostgresErrorCodes.UniqueViolation => Duplicate(),
        PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.NumericValueOutOfRange
            or PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter => Unstorable(),
        _ => null,
    };

    private static ProblemDetails ForSqliteConstraint(string message) =>
        message.Contains("UNIQUE", StringComparison.Ordinal) ? Duplicate() : InUse();

    private static ProblemDetails InUse() => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "The change is not possible now.",
        Detail = "Other records refer to this one (or to a record it names that does not exist); change or remove those first.",
    };

    private static ProblemDetails Duplicate() => new()
    {
        Status = StatusCodes.Status409Conflict, Title = "The change is not possible now.", Detail = "A record with the same unique value exists already.",
    };

    private static ProblemDetails Unstorable() => new()
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "The request has invalid fields.",
        Detail = "A value is too long, too large or has characters that cannot be stored.",
    };
}
