using System.Diagnostics.CodeAnalysis;

namespace MigrantCover.Web.Features.Validation;

/// <summary>
/// What a shared operation answers: its value, or why not (failures, a conflict's detail) with the
/// facts a caller needs to go on (the existing worker, the possible duplicates, the expected amount).
/// </summary>
[SuppressMessage("Design", "CA1000", Justification = "The factories read best as Outcome<Worker>.Ok(worker).")]
public sealed record Outcome<T>(OutcomeStatus Status, T? Value = default, IReadOnlyList<Failure>? Failures = null, string? Detail = null)
{
    public IReadOnlyList<Failure> AllFailures => Failures ?? [];

    public bool Succeeded => Status is OutcomeStatus.Ok or OutcomeStatus.Created;

    /// <summary>R-NIK-4: the worker who already has the NIK (the problem's <c>id</c>).</summary>
    public Guid? ExistingId { get; init; }

    /// <summary>Possible duplicates the officer looks at before confirming (the problem's <c>candidates</c>).</summary>
    public IReadOnlyList<Guid>? Candidates { get; init; }

    /// <summary>R-PAY-1: what the payment should amount to (the problem's <c>expectedAmount</c>).</summary>
    public long? ExpectedAmount { get; init; }

    public static Outcome<T> Ok(T value) => new(OutcomeStatus.Ok, value);

    public static Outcome<T> Created(T value) => new(OutcomeStatus.Created, value);

    public static Outcome<T> NotFound() => new(OutcomeStatus.NotFound);

    public static Outcome<T> Invalid(IReadOnlyList<Failure> failures) => new(OutcomeStatus.Invalid, Failures: failures);

    /// <summary>The rule book refuses: each failure on its field, with the expected amount when a rule names one.</summary>
    public static Outcome<T> Refused(IReadOnlyList<RuleFailure> failures) =>
        Invalid([.. failures.Select(Failure.Of)]) with { ExpectedAmount = failures.FirstOrDefault(f => f.ExpectedAmount is not null)?.ExpectedAmount };

    /// <summary>A conflict on one field; its message is also the detail.</summary>
    public static Outcome<T> Conflict(Failure failure) => new(OutcomeStatus.Conflict, Failures: [failure], Detail: failure.Message);

    /// <summary>A conflict of the request as a whole.</summary>
    public static Outcome<T> Conflict(string detail) => new(OutcomeStatus.Conflict, Detail: detail);

    /// <summary>Someone else saved the record since it was read (optimistic concurrency).</summary>
    public static Outcome<T> Stale(string? field = null) =>
        field is null ? Conflict(Failure.Input("", "stale").Message) : Conflict(Failure.Input(field, "stale"));

    /// <summary>This outcome's refusal for an operation of another value (a write that runs another one).</summary>
    public Outcome<TOther> Refusal<TOther>() =>
        new(Status, default, Failures, Detail) { ExistingId = ExistingId, Candidates = Candidates, ExpectedAmount = ExpectedAmount };
}
