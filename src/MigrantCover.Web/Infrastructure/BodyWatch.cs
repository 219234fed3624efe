using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace MigrantCover.Web.Infrastructure;

/// <summary>
/// Notices when reading a request's body failed because the client went away (the connection was reset or
/// aborted) or stopped sending before the length it announced. The minimal API binding catches that failure
/// and answers 400 without an exception, and the abort token is cancelled by Kestrel on another thread, maybe
/// after the request is logged: without this, a client that went away was logged by chance as an abort or as
/// a plain 400. The request log asks <see cref="BodyEndedEarly"/>.
/// </summary>
public static class BodyWatch
{
    /// <summary>Wraps the body reader of requests that can have a body; put it just inside the request log.</summary>
    public static IApplicationBuilder UseBodyWatch(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (!CanHaveBody(http.Request))
            {
                await next(http);
                return;
            }

            // TestServer has no pipe feature of its own until the body reader is first asked for; make the one it would.
            var inner = http.Features.Get<IRequestBodyPipeFeature>() ?? new RequestBodyPipeFeature(http);
            var watched = new WatchedBody(inner);
            http.Features.Set<IRequestBodyPipeFeature>(watched);
            http.Features.Set(watched);
            try
            {
                await next(http);
            }
            finally
            {
                http.Features.Set(inner);
            }

            // The client is gone: end the connection now rather than let the server drain a body that is not
            // coming (its drain can find the reader still marked as reading and log an error of its own).
            if (watched.Failure is not null && ClientGone(watched.Failure))
            {
                http.Abort();
            }
        });

    /// <summary>True when a read of this request's body failed because the client went away or stopped sending.</summary>
    public static bool BodyEndedEarly(HttpContext http) => http.Features.Get<WatchedBody>()?.Failure is not null;

    /// <summary>
    /// True when the exception (or one inside it, such as the binding's "failed to read parameter") says the
    /// client went away: the connection reset or aborted, or the body ended before its announced length.
    /// </summary>
    public static bool ClientGone(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is ConnectionResetException or ConnectionAbortedException || EndedEarly(e))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndedEarly(Exception e) =>
        e is BadHttpRequestException bad && bad.Message.StartsWith("Unexpected end of request content", StringComparison.Ordinal);

    private static bool CanHaveBody(HttpRequest request) =>
        request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;

    /// <summary>The body pipe feature of one request, its reader watched; the server's reader is asked for each time (a replaced body stream gives a new one).</summary>
    private sealed class WatchedBody(IRequestBodyPipeFeature inner) : IRequestBodyPipeFeature
    {
        private PipeReader? _of;
        private WatchedReader? _reader;

        public Exception? Failure { get; private set; }

        public PipeReader Reader
        {
            get
            {
                var current = inner.Reader;
                if (!ReferenceEquals(current, _of))
                {
                    _of = current;
                    _reader = new WatchedReader(current, this);
                }

                return _reader!;
            }
        }

        /// <summary>Keeps the first failure that says the client went away; never catches (used in exception filters).</summary>
        public bool Saw(Exception e)
        {
            if (Failure is null && ClientGone(e))
            {
                Failure = e;
            }

            return false;
        }
    }

    private sealed class WatchedReader(PipeReader inner, WatchedBody body) : PipeReader
    {
        public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            ValueTask<ReadResult> read;
            try
            {
                read = inner.ReadAsync(cancellationToken);
            }
            catch (Exception e) when (body.Saw(e))
            {
                throw;
            }

            return read.IsCompletedSuccessfully ? read : AwaitedAsync(read);
        }

        public override bool TryRead(out ReadResult result)
        {
            try
            {
                return inner.TryRead(out result);
            }
            catch (Exception e) when (body.Saw(e))
            {
                throw;
            }
        }

        public override void AdvanceTo(SequencePosition consumed) => inner.AdvanceTo(consumed);

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => inner.AdvanceTo(consumed, examined);

        public override void CancelPendingRead() => inner.CancelPendingRead();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        private async ValueTask<ReadResult> AwaitedAsync(ValueTask<ReadResult> read)
        {
            try
            {
                return await read.ConfigureAwait(false);
            }
            catch (Exception e) when (body.Saw(e))
            {
                throw;
            }
        }
    }
}
