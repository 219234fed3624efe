using System.Net.Http.Headers;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace MigrantCover.Web.Features.Messaging;

/// <summary>Sends an e-mail (SMTP with MailKit, or the local outbox).</summary>
public interface IEmailTransport
{
    /// <summary>How the message goes out: "smtp" or "local".</summary>
    string Via { get; }

    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}

/// <summary>
/// Sends an SMS or WhatsApp text through a provider (decision 0022). One interface for every provider: to
/// connect another one, implement it (or put an adapter speaking the generic JSON in front of it).
/// </summary>
public interface IMessageGateway
{
    /// <summary>How the message goes out: "gateway" or "local".</summary>
    string Via { get; }

    /// <summary>Sends <paramref name="text"/>; <paramref name="reference"/> is the same on every retry of one message (the provider's idempotency key).</summary>
    Task SendAsync(MessageChannel channel, string to, string text, string reference, CancellationToken cancellationToken);
}

/// <summary>A send that failed; its message is a short reason without personal data (stored as the message's last error).</summary>
public sealed class DeliveryException(string reason, Exception? inner = null) : Exception(reason, inner);

public sealed class SmtpEmailTransport(MessagingOptions options) : IEmailTransport
{
    public string Via => "smtp";

    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        var o = options.Email;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        try
        {
            var security = Enum.TryParse<SecureSocketOptions>(o.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.StartTls;
            await client.ConnectAsync(o.Host ?? "", o.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(o.UserName))
            {
                await client.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or AuthenticationException or IOException or System.Net.Sockets.SocketException or TimeoutException or SslHandshakeException)
        {
            throw new DeliveryException(ex is SmtpCommandException c ? $"smtp {(int)c.StatusCode}" : "smtp " + ex.GetType().Name, ex);
        }
    }
}

/// <summary>
/// The generic JSON-over-HTTPS gateway: <c>POST {Url}</c> with <c>Authorization: Bearer {ApiKey}</c>,
/// <c>Idempotency-Key</c> and the body <c>{"channel":"sms"|"whatsapp","to":"+62...","text":"...","reference":"..."}</c>;
/// any 2xx is sent. Its HttpClient carries the resilience pipeline (retry with back-off, timeouts, circuit
/// breaker: MessagingSetup).
/// </summary>
public sealed class HttpMessageGateway(HttpClient http, MessagingOptions options) : IMessageGateway
{
    public string Via => "gateway";

    public async Task SendAsync(MessageChannel channel, string to, string text, string reference, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Gateway.Url)
        {
            Content = JsonContent.Create(new { channel = Codes.Of(channel), to, text, reference }),
        };
        if (!string.IsNullOrEmpty(options.Gateway.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Gateway.ApiKey);
        }

        request.Headers.Add("Idempotency-Key", reference);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new DeliveryException("gateway " + ex.GetType().Name, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new DeliveryException($"gateway http {(int)response.StatusCode}");
            }
        }
    }
}

/// <summary>The local outbox: nothing leaves the machine, the text is kept on the message for /Admin/Messages (Development, or no provider configured).</summary>
public sealed class LocalDelivery : IEmailTransport, IMessageGateway
{
    public string Via => "local";

    public Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SendAsync(MessageChannel channel, string to, string text, string reference, CancellationToken cancellationToken) => Task.CompletedTask;
}
