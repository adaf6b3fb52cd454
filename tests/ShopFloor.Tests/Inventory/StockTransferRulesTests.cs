using ShopFloor.Core.Common;
using ShopFloor.Core.Inventory;

namespace ShopFloor.Tests.Inventory;

public sealed class StockTransferRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Each_status_change_moves_exactly_the_difference_between_the_two_states()
    {
        var transfer = new StockTransfer("ST-1", sourceLocationId: 1, targetLocationId: 2, Now);
        transfer.AddRow(variantId: 7, quantity: 3);

        Assert.Equal([(1L, -3m)], Moves(transfer.ChangeStatus(StockTransferStatus.InTransit, Now)));
        Assert.Equal([(2L, 3m)], Moves(transfer.ChangeStatus(StockTransferStatus.Received, Now)));
        Assert.Equal([(1L, 3m), (2L, -3m)], Moves(transfer.ChangeStatus(StockTransferStatus.Draft, Now)));
        Assert.Empty(transfer.ChangeStatus(StockTransferStatus.Draft, Now));
    }

    [Fact]
    public void Rows_cannot_be_added_once_goods_have_left() =>
        Assert.Throws<DomainException>(() =>
        {
            var transfer = new StockTransfer("ST-2", 1, 2, Now);
            transfer.ChangeStatus(StockTransferStatus.InTransit, Now);
            transfer.AddRow(7, 1);
        });

    private static List<(long Location, decimal InStock)> Moves(IEnumerable<StockChange> changes) =>
        changes.Select(c => (c.LocationId, c.InStock)).ToList();
}
