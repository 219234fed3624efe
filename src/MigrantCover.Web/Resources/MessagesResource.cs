namespace MigrantCover.Web.Resources;

/// <summary>Marker for the texts of the messages to workers, their consent and the admins' outbox (Resources/MessagesResource*.resx).</summary>
public sealed class MessagesResource;
