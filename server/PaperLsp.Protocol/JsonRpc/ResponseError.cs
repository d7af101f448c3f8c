using System.Text.Json;

namespace PaperLsp.Protocol.JsonRpc;

/// <summary>The <c>error</c> member of a failed response. <see cref="ErrorCodes"/> lists the codes.</summary>
public sealed record ResponseError(int Code, string Message, JsonElement? Data = null);

/// <summary>
/// Thrown by a request handler to answer with a specific error, and by
/// <see cref="Connection.SendRequestAsync"/> when the peer answered with one.
/// </summary>
public sealed class ResponseErrorException : Exception
{
    public ResponseErrorException(ResponseError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).Message) => Error = error;

    public ResponseErrorException(int code, string message)
        : this(new ResponseError(code, message))
    {
    }

    public ResponseError Error { get; }
}
