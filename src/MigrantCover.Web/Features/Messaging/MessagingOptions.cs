namespace MigrantCover.Web.Features.Messaging;

/// <summary>The <c>Messaging:</c> configuration section (docs/operations.md, "Messages to workers").</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>The portal's public address, for the links in messages (unsubscribe, proof of coverage).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Tries per message before it ends as failed (each try may itself retry the gateway call).</summary>
    public int MaxTries { get; set; } = 5;

    /// <summary>The wait after the first failed try; it doubles after every further one (capped at <see cref="MaxRetryDelay"/>).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How often the dispatcher looks for due messages.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages sent per dispatcher run.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long the "stop these messages" link in a message works.</summary>
    public int UnsubscribeLinkDays { get; set; } = 90;

    /// <summary>The daily reminder scan's time, in WIB.</summary>
    public TimeOnly ScanAt { get; set; } = new(8, 0);

    public EmailOptions Email { get; set; } = new();

    public GatewayOptions Gateway { get; set; } = new();
}

/// <summary>E-mail over SMTP (MailKit). Without a host, e-mail goes to the local outbox (/Admin/Messages).</summary>
public sealed class EmailOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>MailKit's SecureSocketOptions: Auto, None, StartTls, StartTlsWhenAvailable, SslOnConnect.</summary>
    public string Security { get; set; } = "StartTls";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "MigrantCover <no-reply@migrantcover.example>";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The SMS and WhatsApp gateway: a JSON POST to <see cref="Url"/> with a bearer key (docs/operations.md).
/// Without a URL, SMS and WhatsApp go to the local outbox (/Admin/Messages).
/// </summary>
public sealed class GatewayOptions
{
    public string? Url { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>One HTTP attempt's timeout.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The whole call's timeout, retries included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of one call on a transient failure (5xx, 408, 429, timeout), with exponential back-off from <see cref="RetryDelay"/>.</summary>
    public int Retries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The circuit breaker opens when this share of calls fails within <see cref="BreakerSampling"/> (at least 2 × the attempt timeout).</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    public TimeSpan BreakerSampling { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakerBreak { get; set; } = TimeSpan.FromSeconds(30);
}
