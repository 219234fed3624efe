namespace MigrantCover.Web.Data.Entities;

/// <summary>
/// One bulk registration (docs/import.md): a file an officer sent, checked row by row through the
/// registration path, in the background. The counters and <see cref="ProcessedRows"/> change in the same
/// transaction as each batch of rows, so a resumed run starts after the last batch that was kept.
/// </summary>
public sealed class Import
{
    /// <summary>The import's number ("registered by import N, line L").</summary>
    public long Id { get; set; }

    public long FileId { get; set; }

    /// <summary>The file name as sent, cut to its last 200 characters (shown escaped, never executed).</summary>
    public string FileName { get; set; } = "";

    /// <summary>csv or xlsx.</summary>
    public string Format { get; set; } = "";

    public bool DryRun { get; set; }

    /// <summary>queued, running, done, failed (the contract's states).</summary>
    public string State { get; set; } = ImportStates.Queued;

    /// <summary>Why a failed import failed (a resource key of ImportResource), never an exception text.</summary>
    public string? FailureKey { get; set; }

    public int TotalRows { get; set; }

    public int ProcessedRows { get; set; }

    public int Valid { get; set; }

    public int Created { get; set; }

    public int AlreadyRegistered { get; set; }

    public int Invalid { get; set; }

    /// <summary>Rows kept that may be a worker already on file under another NIK (listed for review).</summary>
    public int PossibleDuplicates { get; set; }

    public string CreatedById { get; set; } = "";

    public string CreatedByName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>How many runs started (a resumed import has more than one).</summary>
    public int Runs { get; set; }
}

public static class ImportStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
}

/// <summary>The bytes of an uploaded file, stored once per content (SHA-256), read by whichever instance runs the import.</summary>
public sealed class ImportFile
{
    public long Id { get; set; }

    /// <summary>Lowercase hex SHA-256 of <see cref="Content"/>.</summary>
    public string Sha256 { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One refused field of a row: the file's line, the field, the rule and the message in both languages.</summary>
public sealed class ImportError
{
    public long Id { get; set; }

    public long ImportId { get; set; }

    public int Line { get; set; }

    public string Field { get; set; } = "";

    public string? RuleId { get; set; }

    public string MessageId { get; set; } = "";

    public string MessageEn { get; set; } = "";
}

/// <summary>A row kept although a worker with the same name and date of birth is on file under another NIK.</summary>
public sealed class ImportDuplicate
{
    public long Id { get; set; }

    public long ImportId { get; set; }

    public int Line { get; set; }

    /// <summary>The worker the row registered (null in a dry run).</summary>
    public Guid? WorkerId { get; set; }

    /// <summary>A worker already on file who may be the same person.</summary>
    public Guid OtherWorkerId { get; set; }
}
