using ShopFloor.Web;

namespace ShopFloor.Tests.Web;

public sealed class TableLoadsTests
{
    [Fact] // #11: a list reloaded after a change shows the change, however slowly the read before it came back
    public async Task A_read_asked_for_later_answers_after_a_slower_earlier_one()
    {
        var loads = new TableLoads();
        var slowRead = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        var before = loads.RunAsync(() => slowRead.Task);
        var after = loads.RunAsync(() => Task.FromResult("after the change"));
        Assert.False(after.IsCompleted); // the later read waits for the earlier one, though its own answer is ready

        slowRead.SetResult("before the change");
        Assert.Equal("before the change", await before);
        Assert.Equal("after the change", await after);
    }

    [Fact]
    public async Task A_failed_read_does_not_stop_the_next()
    {
        var loads = new TableLoads();
        var failed = loads.RunAsync<string>(() => throw new OperationCanceledException());
        Assert.Equal("next", await loads.RunAsync(() => Task.FromResult("next")));
        await Assert.ThrowsAsync<OperationCanceledException>(() => failed);
    }
}
