using System.Text.Json;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Protocol.Tests;

public class RequestIdTests
{
    [Test]
    public void Number_and_string_ids_with_the_same_digits_differ()
    {
        RequestId number = new(1), text = new("1");
        Assert.That(number, Is.EqualTo(new RequestId(1)));
        Assert.That(text, Is.EqualTo(new RequestId("1")));
        Assert.That(number, Is.Not.EqualTo(text));
        Assert.That(new HashSet<RequestId> { new(1), new("1"), new(1) }, Has.Count.EqualTo(2));
    }

    [TestCase("""{"id":42}""", true, "42")]
    [TestCase("""{"id":"42"}""", false, "\"42\"")]
    [TestCase("""{"id":"a-b"}""", false, "\"a-b\"")]
    public void Json_round_trip_keeps_the_kind(string json, bool isNumber, string display)
    {
        var parsed = JsonSerializer.Deserialize(json, LspJsonContext.Default.CancelParams)!;
        Assert.That(parsed.Id.IsNumber, Is.EqualTo(isNumber));
        Assert.That(parsed.Id.ToString(), Is.EqualTo(display));
        Assert.That(JsonSerializer.Serialize(parsed, LspJsonContext.Default.CancelParams), Is.EqualTo(json));
    }

    [TestCase("""{"id":1.5}""")]
    [TestCase("""{"id":null}""")]
    [TestCase("""{"id":[1]}""")]
    public void Anything_but_an_integer_or_a_string_is_not_an_id(string json) =>
        Assert.That(() => JsonSerializer.Deserialize(json, LspJsonContext.Default.CancelParams), Throws.InstanceOf<JsonException>());

    [Test]
    public void A_string_id_displays_as_json() =>
        Assert.That(new RequestId("a\"b").ToString(), Is.EqualTo("\"a\\\"b\""));

    [Test]
    public void Reading_the_wrong_kind_throws()
    {
        Assert.That(() => new RequestId("a").Number, Throws.InvalidOperationException);
        Assert.That(() => new RequestId(1).Text, Throws.InvalidOperationException);
    }
}
