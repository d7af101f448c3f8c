using System.Text.Json;
using System.Text.Unicode;

namespace PaperLsp.Protocol.JsonRpc;

/// <summary>Turns one message body into a <see cref="Message"/>, or into the error response JSON-RPC prescribes.</summary>
internal static class MessageParser
{
    /// <param name="body">The message body.</param>
    /// <param name="documentTextBytes">The size from which a document's text is read apart (see <see cref="DocumentTextLifter"/>).</param>
    public static ReadResult Parse(ReadOnlySpan<byte> body, int documentTextBytes = int.MaxValue)
    {
        // The JSON reader checks UTF-8 only when a string is decoded, which would be in some handler, much later.
        if (!Utf8.IsValid(body))
        {
            return ReadResult.Invalid(null, ErrorCodes.ParseError, "Parse error: the body is not valid UTF-8.");
        }

        if (body.Length >= documentTextBytes && DocumentTextLifter.TryParse(body, documentTextBytes, out var lifted))
        {
            return lifted;
        }

        return TryParseJson(body, out var root, out string? problem)
            ? Interpret(root)
            : ReadResult.Invalid(null, ErrorCodes.ParseError, $"Parse error: {problem}");
    }

    public static bool TryParseJson(ReadOnlySpan<byte> json, out JsonElement root, out string? problem)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            root = JsonElement.ParseValue(ref reader);
            reader.Read(); // throws on anything but whitespace after the value
            problem = null;
            return true;
        }
        catch (JsonException e)
        {
            root = default;
            problem = e.Message;
            return false;
        }
    }

    public static ReadResult Interpret(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            // JSON-RPC 2.0 allows batches, LSP does not: one error for the whole array, not one per element.
            return ReadResult.Invalid(null, ErrorCodes.InvalidRequest, "Batches are not supported: LSP sends one message per frame.");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return ReadResult.Invalid(null, ErrorCodes.InvalidRequest, "A message must be a JSON object.");
        }

        bool hasMethod = root.TryGetProperty("method", out var method);
        bool hasId = root.TryGetProperty("id", out var idJson);
        RequestId? id = hasId && RequestId.TryRead(idJson, out var parsedId) ? parsedId : null;

        // An error about a request goes back with the request's id. An error about a malformed
        // response must not: the peer would take it for the answer to its own request with that id.
        RequestId? replyId = hasMethod ? id : null;

        if (root.TryGetProperty("jsonrpc", out var version) && !version.ValueEquals("2.0"u8))
        {
            return ReadResult.Invalid(replyId, ErrorCodes.InvalidRequest, "\"jsonrpc\" must be \"2.0\".");
        }

        if (hasMethod)
        {
            if (method.ValueKind != JsonValueKind.String)
            {
                return ReadResult.Invalid(replyId, ErrorCodes.InvalidRequest, "\"method\" must be a string.");
            }

            if (!TryGetStructured(root, "params", out var parameters))
            {
                return ReadResult.Invalid(replyId, ErrorCodes.InvalidRequest, "\"params\" must be an object or an array.");
            }

            string name = method.GetString()!;
            if (!hasId)
            {
                return ReadResult.Received(new NotificationMessage(name, parameters));
            }

            return id is { } requestId
                ? ReadResult.Received(new RequestMessage(requestId, name, parameters))
                : ReadResult.Invalid(null, ErrorCodes.InvalidRequest, "\"id\" must be an integer or a string.");
        }

        bool hasResult = root.TryGetProperty("result", out var result);
        bool hasError = root.TryGetProperty("error", out var error);
        if (hasId && hasResult != hasError)
        {
            if (hasResult && id is { } successId)
            {
                return ReadResult.Received(ResponseMessage.Success(successId, result));
            }

            if (hasError && (id is not null || idJson.ValueKind == JsonValueKind.Null) && TryReadError(error, out var responseError))
            {
                return ReadResult.Received(ResponseMessage.Failure(id, responseError));
            }
        }

        return ReadResult.Invalid(null, ErrorCodes.InvalidRequest,
            "Not a request, notification or response: expected \"method\", or \"id\" with exactly one of \"result\" and \"error\".");
    }

    /// <summary>JSON-RPC params are an object or an array; absent and null both mean none.</summary>
    private static bool TryGetStructured(JsonElement root, string name, out JsonElement? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var json) || json.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        value = json;
        return json.ValueKind is JsonValueKind.Object or JsonValueKind.Array;
    }

    private static bool TryReadError(JsonElement json, out ResponseError error)
    {
        error = null!;
        if (json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.Number || !code.TryGetInt32(out int codeValue)
            || !json.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        JsonElement? data = json.TryGetProperty("data", out var dataJson) ? dataJson : null;
        error = new ResponseError(codeValue, message.GetString()!, data);
        return true;
    }
}
