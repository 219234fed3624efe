namespace MigrantCover.Web.Data.Entities;

/// <summary>One of the eight R-DOC-1 documents, as verified by an officer.</summary>
public sealed class DocumentVerification
{
    public Guid Id { get; set; }

    public Guid WorkerId { get; set; }

    public DocumentType Type { get; set; }

    public bool Verified { get; set; }

    /// <summary>The document's own number or the officer's reference.</summary>
    public string? Reference { get; set; }

    public DateTimeOffset VerifiedAt { get; set; }

    public string VerifiedBy { get; set; } = "";
}
