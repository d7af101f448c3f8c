using System.Text.Json.Serialization;

namespace PaperLsp.Protocol.Tests.Support;

[JsonSerializable(typeof(string[]))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}
