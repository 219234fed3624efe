using Microsoft.Extensions.Http.Resilience;
using MigrantCover.Web.Infrastructure.Jobs;
using Polly;

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

            // The standard handler's strategies (total timeout, retry with back-off and jitter, circuit
            // breaker, attempt timeout), built here so that they wait on the system clock: Polly otherwise
            // takes the TimeProvider registered in the container, which is the app's calendar clock
            // (a test's fake clock never advances a 10 ms retry delay or a timeout by itself).
            // The outbox's own back-off (minutes) stays on the app's clock: MessageDispatcher.
            services.AddHttpClient<IMessageGateway, HttpMessageGateway>()
                .AddResilienceHandler("gateway", builder =>
                {
                    builder.TimeProvider = TimeProvider.System;
                    builder
                        .AddTimeout(g.TotalTimeout)
                        .AddRetry(new HttpRetryStrategyOptions
                        {
                            MaxRetryAttempts = Math.Max(0, g.Retries),
                            Delay = g.RetryDelay,
                            BackoffType = DelayBackoffType.Exponential,
                            UseJitter = true,
                        })
                        .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                        {
                            FailureRatio = g.BreakerFailureRatio,
                            SamplingDuration = g.BreakerSampling < 2 * g.AttemptTimeout ? 2 * g.AttemptTimeout : g.BreakerSampling,
                            BreakDuration = g.BreakerBreak,
                            MinimumThroughput = 4,
                        })
                        .AddTimeout(g.AttemptTimeout);
                });
        }

        services.AddDailyJob<ReminderScanJob>(ReminderScanJob.Name, options.ScanAt);
        services.AddHostedService<DispatchSchedule>();
        return services;
    }
}
