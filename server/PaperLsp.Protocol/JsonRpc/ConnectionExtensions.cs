using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PaperLsp.Protocol.JsonRpc;

/// <summary>Typed forms of the <see cref="Connection"/> send methods.</summary>
public static class ConnectionExtensions
{
    public static async Task<TResult?> SendRequestAsync<TParams, TResult>(
        this Connection connection, string method, TParams parameters,
        JsonTypeInfo<TParams> paramsType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var result = await connection.SendRequestAsync(method, JsonPayload.ToElement(parameters, paramsType), cancellationToken).ConfigureAwait(false);
        return result.Deserialize(resultType);
    }

    public static Task SendNotificationAsync<TParams>(
        this Connection connection, string method, TParams parameters,
        JsonTypeInfo<TParams> paramsType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.SendNotificationAsync(method, JsonPayload.ToElement(parameters, paramsType), cancellationToken);
    }
}
