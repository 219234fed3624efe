using Microsoft.Extensions.Http.Resilience;
using MigrantCover.Web.Infrastructure.Jobs;

namespace MigrantCover.Web.Features.Messaging;

/// <summary>Messages to workers (decisions 0022, 0023): consent, outbox, daily scan, dispatcher, channels.</summary>
public static class MessagingSetup
{
    public static IServiceCollection AddMigrantCoverMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        services.AddSingleton(options);
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<MessageTexts>();
        services.AddScoped<ReminderScan>();
        services.AddScoped<MessageDispatcher>();

        // E-mail: SMTP when a host is configured, else the local outbox (Development).
        if (string.IsNullOrWhiteSpace(options.Email.Host))
        {
            services.AddSingleton<IEmailTransport, LocalDelivery>();
        }
        else
        {
            services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        }

        // SMS and WhatsApp: the generic JSON gateway when a URL is configured, else the local outbox.
        if (string.IsNullOrWhiteSpace(options.Gateway.Url))
        {
            services.AddSingleton<IMessageGateway, LocalDelivery>();
        }
        else
        {
            var g = options.Gateway;
            services.AddHttpClient<IMessageGateway, HttpMessageGateway>()
                .AddStandardResilienceHandler(r =>
                {
                    r.TotalRequestTimeout.Timeout = g.TotalTimeout;
                    r.AttemptTimeout.Timeout = g.AttemptTimeout;
                    r.Retry.MaxRetryAttempts = Math.Max(0, g.Retries);
                    r.Retry.Delay = g.RetryDelay;
                    r.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
                    r.Retry.UseJitter = true;
                    r.CircuitBreaker.FailureRatio = g.BreakerFailureRatio;
                    r.CircuitBreaker.SamplingDuration = g.BreakerSampling < 2 * g.AttemptTimeout ? 2 * g.AttemptTimeout : g.BreakerSampling;
                    r.CircuitBreaker.BreakDuration = g.BreakerBreak;
                    r.CircuitBreaker.MinimumThroughput = 4;
                });
        }

        services.AddDailyJob<ReminderScanJob>(ReminderScanJob.Name, options.ScanAt);
        services.AddHostedService<DispatchSchedule>();
        return services;
    }
}
