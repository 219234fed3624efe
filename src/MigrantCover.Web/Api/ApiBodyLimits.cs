namespace MigrantCover.Web.Api;

/// <summary>The middleware that holds every API operation to its <see cref="ApiBodyLimit"/>.</summary>
public static class ApiBodyLimits
{
    /// <summary>
    /// An API body over its endpoint's <see cref="ApiBodyLimit"/> is refused before it is read: by its
    /// announced length here (a 413 problem from the exception handler, in the caller's language), and a
    /// chunked one by the server's body size limit set to the same.
    /// </summary>
    public static void UseApiBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<ApiBodyLimit>() is { } limit)
            {
                if (http.Request.ContentLength > limit.MaxRequestBodySize)
                {
                    throw new BadHttpRequestException("The request body is over the API's limit.", StatusCodes.Status413PayloadTooLarge);
                }

                if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size
                    && (size.MaxRequestBodySize is null || size.MaxRequestBodySize > limit.MaxRequestBodySize))
                {
                    size.MaxRequestBodySize = limit.MaxRequestBodySize;
                }
            }

            await next(http);
        });
}
