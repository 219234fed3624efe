namespace MigrantCover.Web.Features.Validation;

/// <summary>How a shared operation ended; the page and the API each turn it into their own response.</summary>
public enum OutcomeStatus
{
    Ok,
    Created,
    Invalid,
    NotFound,
    Conflict,
}
