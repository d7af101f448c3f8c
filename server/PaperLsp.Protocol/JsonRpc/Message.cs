using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PaperLsp.Protocol.JsonRpc;

/// <summary>
/// A JSON-RPC message: exactly one of <see cref="RequestMessage"/>, <see cref="NotificationMessage"/>
/// or <see cref="ResponseMessage"/>. Params and results stay <see cref="JsonElement"/>s so that
/// each handler deserializes only what it needs, with its own type.
/// </summary>
public abstract record Message
{
    private protected Message()
    {
    }
}

/// <summary>A call that the receiver must answer with exactly one response carrying <see cref="Id"/>.</summary>
public sealed record RequestMessage(RequestId Id, string Method, JsonElement? Params = null) : Message
{
    /// <summary>Deserializes the params; missing or ill-typed params throw an InvalidParams error.</summary>
    public T ParamsAs<T>(JsonTypeInfo<T> typeInfo) => JsonPayload.ReadParams(Params, typeInfo);
}

/// <summary>A call that gets no response.</summary>
public sealed record NotificationMessage(string Method, JsonElement? Params = null) : Message
{
    /// <summary>A document's text read apart from the params, which hold <c>""</c> in its place (see <see cref="DocumentTextLifter"/>).</summary>
    internal string? LiftedText { get; init; }

    /// <summary>Deserializes the params, the document's text included; missing or ill-typed params throw an InvalidParams error.</summary>
    public T ParamsAs<T>(JsonTypeInfo<T> typeInfo)
    {
        var value = JsonPayload.ReadParams(Params, typeInfo);
        return LiftedText is null ? value
            : value is IDocumentTextParams<T> withText ? withText.WithText(LiftedText)
            : throw new InvalidOperationException($"The text of this {Method} was read apart from its params, and {typeof(T).Name} cannot take it back.");
    }
}

/// <summary>
/// The params of a notification that carries a whole document, whose text the reader may decode apart from
/// the rest of the message; binding puts the text back with <see cref="WithText"/>.
/// </summary>
public interface IDocumentTextParams<out T>
{
    T WithText(string text);
}

/// <summary>
/// The answer to a request: a result (which may be JSON <c>null</c>) or an error. <see cref="Id"/>
/// is null only in an error about a message whose id could not be read.
/// </summary>
public sealed record ResponseMessage : Message
{
    private ResponseMessage(RequestId? id, JsonElement? result, ResponseError? error, JsonResult? outgoing = null)
    {
        Id = id;
        Result = result;
        Error = error;
        Outgoing = outgoing;
    }

    /// <summary>The result of a response this side answers with (see <see cref="JsonResult"/>); null on received ones.</summary>
    public JsonResult? Outgoing { get; }

    public RequestId? Id { get; }

    /// <summary>The result of a successful response; C# null is written as JSON <c>null</c>.</summary>
    public JsonElement? Result { get; }

    public ResponseError? Error { get; }

    public bool IsSuccess => Error is null;

    public static ResponseMessage Success(RequestId id, JsonElement? result) => new(id, result, null);

    /// <summary>A response carrying a handler's result; JSON null when it is null.</summary>
    public static ResponseMessage Success(RequestId id, JsonResult? result) =>
        result is { } r ? new(id, null, null, r) : new(id, null, null);

    public static ResponseMessage Failure(RequestId? id, ResponseError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(id, null, error);
    }

    public static ResponseMessage Failure(RequestId? id, int code, string message) =>
        Failure(id, new ResponseError(code, message));
}
