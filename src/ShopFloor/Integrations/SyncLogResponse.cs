using ShopFloor.Api;
using ShopFloor.Core.Channels.SyncLog;

namespace ShopFloor.Integrations;

/// <summary>One sync log line, of any channel's store; <c>outcome</c> NEEDS_ACTION marks what only the merchant can fix.</summary>
public sealed record SyncLogResponse(long Id, DateTime At, string Direction, string Subject, string Outcome, string Message, string? Reference)
{
    public static SyncLogResponse From(SyncLogEntry e) =>
        new(e.Id, e.At, EnumNames.Upper(e.Direction), e.Subject, EnumNames.Upper(e.Outcome), e.Message, e.Reference);
}
