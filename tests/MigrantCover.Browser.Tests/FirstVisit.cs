namespace MigrantCover.Browser.Tests;

/// <summary>One response of a first visit: its path, what was transferred (headers and body as sent) and its Content-Encoding.</summary>
public sealed record TransferredResponse(string Path, long Bytes, long BodyBytes, string ContentEncoding);

/// <summary>
/// What a first visit of a page transfers, summed from what Chromium reports for every response of the
/// visit (headers and the body as sent, compressed), with a line per response for failure messages.
/// </summary>
public sealed record FirstVisit(long TotalBytes, IReadOnlyList<TransferredResponse> Responses)
{
    public string Report => string.Join('\n', Responses.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Path}: {r.Bytes} bytes ({r.BodyBytes} body, {r.ContentEncoding})")));

    /// <summary>Opens <paramref name="path"/> in the (fresh) page, waits until the network is idle and sums every response.</summary>
    public static async Task<FirstVisit> MeasureAsync(IPage page, string path)
    {
        var responses = new List<IResponse>();
        page.Response += (_, r) => responses.Add(r);
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });

        var measured = new List<TransferredResponse>();
        foreach (var r in responses.ToList())
        {
            var sizes = await r.Request.SizesAsync();
            var bytes = Math.Max(0, sizes.ResponseHeadersSize) + Math.Max(0, sizes.ResponseBodySize);
            var encoding = (await r.AllHeadersAsync()).GetValueOrDefault("content-encoding", "identity");
            measured.Add(new TransferredResponse(new Uri(r.Url).PathAndQuery, bytes, sizes.ResponseBodySize, encoding));
        }

        return new FirstVisit(measured.Sum(r => r.Bytes), measured);
    }

    public override string ToString() => new StringBuilder().Append(TotalBytes).Append(" bytes\n").Append(Report).ToString();
}
