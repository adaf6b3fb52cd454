using System.Globalization;
using ShopFloor.Core.Common;

namespace ShopFloor.Core.Catalog;

/// <summary>
/// Katana names BOM rows by UUID. ShopFloor's rows are numbered, so a row's UUID is its number in the last twelve
/// hex digits (00000000-0000-0000-0000-00000000002a is row 42); the plain number is accepted too.
/// </summary>
public static class BomRowId
{
    public static string Of(long id) => new Guid($"00000000-0000-0000-0000-{id:x12}").ToString();

    public static long Parse(string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number;
        if (Guid.TryParse(text, out var guid) && guid.ToString() is var canonical && canonical.StartsWith("00000000-0000-0000-0000-", StringComparison.Ordinal))
            return long.Parse(canonical[24..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        throw new NotFoundException("BOM row", text);
    }
}
