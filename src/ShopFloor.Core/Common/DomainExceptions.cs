namespace ShopFloor.Core.Common;

/// <summary>A request that cannot be carried out in the current state (e.g. an impossible status change).</summary>
public class DomainException(string message) : Exception(message);

/// <summary>A request whose fields break a rule; each error names the snake_case field it concerns.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public ValidationFailedException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] }) { }
}

public sealed class NotFoundException(string resource, object id)
    : DomainException($"{resource} {id} was not found.")
{
    public string Resource { get; } = resource;
}
