using ShopFloor.Api;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Common;

namespace ShopFloor.Integrations;

public sealed record StartImportRequest(string? Type)
{
    /// <summary>The job a request names, among those the channel runs (in the API's words: products, initial_stock…).</summary>
    public ImportType TypeAmong(params ImportType[] offered) =>
        offered.Where(t => Name(t) == Type).Select(t => (ImportType?)t).FirstOrDefault()
        ?? throw new ValidationFailedException("type", $"must be {string.Join(", ", offered.Select(Name))}");

    public static string Name(ImportType type) => EnumNames.Upper(type).ToLowerInvariant();
}

/// <summary>An import job of any channel's store, as the API shows it.</summary>
public sealed record ImportResponse(
    long Id, long StoreId, string Type, string Status, int Done, int? Total, IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<ImportError> Errors, string? Failure, int Attempts, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt)
{
    public static ImportResponse From(ImportJob j) => new(
        j.Id, j.StoreId, StartImportRequest.Name(j.Type), EnumNames.Upper(j.Status), j.Done, j.Total, j.Counts, j.Errors,
        j.Failure, j.Attempts, j.CreatedAt, j.StartedAt, j.FinishedAt);
}
