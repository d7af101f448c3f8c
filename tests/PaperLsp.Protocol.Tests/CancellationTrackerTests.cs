using PaperLsp.Protocol.JsonRpc;

namespace PaperLsp.Protocol.Tests;

public class CancellationTrackerTests
{
    [Test]
    public void Cancelling_a_running_request_cancels_its_token()
    {
        using var tracker = new CancellationTracker();
        Assert.That(tracker.TryBegin(new RequestId(1), out var token), Is.True);
        Assert.That(token.IsCancellationRequested, Is.False);

        tracker.Cancel(new RequestId(1));

        Assert.That(token.IsCancellationRequested, Is.True);
    }

    [Test]
    public void A_cancel_that_arrives_before_its_request_refuses_the_request_once()
    {
        using var tracker = new CancellationTracker();
        tracker.Cancel(new RequestId("early"));

        Assert.That(tracker.TryBegin(new RequestId("early"), out var token), Is.False);
        Assert.That(token.IsCancellationRequested, Is.True);
        Assert.That(tracker.TryBegin(new RequestId("early"), out _), Is.True, "the early cancellation is used up");
    }

    [Test]
    public void Early_cancellations_are_remembered_for_a_bounded_window()
    {
        using var tracker = new CancellationTracker(capacity: 2);
        tracker.Cancel(new RequestId(1));
        tracker.Cancel(new RequestId(2));
        tracker.Cancel(new RequestId(3));

        Assert.That(tracker.TryBegin(new RequestId(1), out _), Is.True, "oldest forgotten");
        Assert.That(tracker.TryBegin(new RequestId(2), out _), Is.False);
        Assert.That(tracker.TryBegin(new RequestId(3), out _), Is.False);
    }

    [Test]
    public void Cancelling_an_id_of_the_other_kind_does_not_touch_the_request()
    {
        using var tracker = new CancellationTracker();
        tracker.TryBegin(new RequestId(1), out var token);

        tracker.Cancel(new RequestId("1"));

        Assert.That(token.IsCancellationRequested, Is.False);
    }

    [Test]
    public void Cancel_all_cancels_every_running_request()
    {
        using var tracker = new CancellationTracker();
        tracker.TryBegin(new RequestId(1), out var first);
        tracker.TryBegin(new RequestId(2), out var second);
        tracker.End(new RequestId(2));

        tracker.CancelAll();

        Assert.That(first.IsCancellationRequested, Is.True);
        Assert.That(second.IsCancellationRequested, Is.False, "ended requests are no longer tracked");
    }
}
