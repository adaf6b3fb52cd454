namespace ShopFloor.Bench;

internal sealed record Summary(double P50, double P99, double Mean, double PerSecond)
{
    public static Summary Of(List<double> latencies, TimeSpan elapsed)
    {
        latencies.Sort();
        return new Summary(
            latencies[(int)(latencies.Count * 0.50)], latencies[(int)(latencies.Count * 0.99)], latencies.Average(),
            latencies.Count / elapsed.TotalSeconds);
    }
}
