using MudBlazor;
using ShopFloor.Core.Common;

namespace ShopFloor.Web;

/// <summary>
/// Runs one page action in a scope of its own (a fresh DbContext, as one API request would have), and turns a
/// refused action into a message for the merchant instead of a broken page.
/// </summary>
public sealed class Operations(IServiceScopeFactory scopes, ISnackbar snackbar)
{
    public async Task<T> ReadAsync<T>(Func<IServiceProvider, Task<T>> read)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await read(scope.ServiceProvider);
    }

    /// <summary>True when it worked; otherwise the reason is shown.</summary>
    public async Task<bool> DoAsync(Func<IServiceProvider, Task> action, string? done = null)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await action(scope.ServiceProvider);
            if (done is not null)
                snackbar.Add(done, Severity.Success);
            return true;
        }
        catch (ValidationFailedException e)
        {
            snackbar.Add(string.Join("; ", e.Errors.Select(x => $"{FieldName(x.Key)} {string.Join(", ", x.Value)}")), Severity.Error);
        }
        catch (DomainException e)
        {
            snackbar.Add(e.Message, Severity.Error);
        }
        catch (Exception e) when (Api.DatabaseRefusals.ProblemFor(e) is { } refused)
        {
            snackbar.Add(refused.Detail ?? refused.Title ?? "The change was refused.", Severity.Error);
        }
        return false;
    }

    /// <summary>"stock_adjustment_rows[0].quantity" → "Quantity": the field as the form calls it, not as the API does.</summary>
    private static string FieldName(string key)
    {
        var last = key.Split('.')[^1];
        var bracket = last.IndexOf('[');
        var words = (bracket >= 0 ? last[..bracket] : last).Replace('_', ' ').Trim();
        return words.Length == 0 ? "This value" : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
