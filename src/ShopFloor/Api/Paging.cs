using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Common;

namespace ShopFloor.Api;

/// <summary>Katana-style paging: <c>limit</c> (1..250, default 50) and <c>page</c> (from 1).</summary>
public sealed record PageQuery(int? Limit, int? Page)
{
    public const int MaxLimit = 250;

    public int Size => Limit switch
    {
        null => 50,
        < 1 or > MaxLimit => throw new ValidationFailedException("limit", $"must be between 1 and {MaxLimit}"),
        var limit => limit.Value,
    };

    public int Number => Page switch
    {
        null => 1,
        < 1 => throw new ValidationFailedException("page", "must be 1 or more"),
        var page => page.Value,
    };
}

/// <summary>The list envelope of every collection endpoint.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Data);

public static class Paging
{
    /// <summary>Reads one page and describes the whole result in the X-Pagination header.</summary>
    public static async Task<ListResponse<TOut>> ToPageAsync<TIn, TOut>(
        this IQueryable<TIn> query, PageQuery paging, HttpContext http, Func<TIn, TOut> map, CancellationToken ct)
    {
        var (size, number) = (paging.Size, paging.Number);
        var total = await query.CountAsync(ct);
        // A page past the last is empty (computed in long: a huge page number must not wrap round to page 1).
        var offset = (long)(number - 1) * size;
        var rows = offset >= total ? [] : await query.Skip((int)offset).Take(size).ToListAsync(ct);
        Describe(http, total, size, number, offset);
        return new ListResponse<TOut>(rows.Select(map).ToList());
    }

    /// <summary>One page of records already in memory (those worked out from others, such as an order's addresses).</summary>
    public static ListResponse<T> ToPage<T>(IEnumerable<T> all, PageQuery paging, HttpContext http)
    {
        var list = all.ToList();
        var (size, number) = (paging.Size, paging.Number);
        var offset = (long)(number - 1) * size;
        Describe(http, list.Count, size, number, offset);
        return new ListResponse<T>(offset >= list.Count ? [] : list.Skip((int)offset).Take(size).ToList());
    }

    private static void Describe(HttpContext http, int total, int size, int number, long offset)
    {
        var pages = Math.Max(1, (total + size - 1) / size);
        http.Response.Headers["X-Pagination"] = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["total_records"] = total.ToString(CultureInfo.InvariantCulture),
            ["total_pages"] = pages.ToString(CultureInfo.InvariantCulture),
            ["offset"] = offset.ToString(CultureInfo.InvariantCulture),
            ["page"] = number.ToString(CultureInfo.InvariantCulture),
            ["first_page"] = (number == 1).ToString().ToLowerInvariant(),
            ["last_page"] = (number >= pages).ToString().ToLowerInvariant(),
        });
    }
}
