using Hotspot.Storage;

namespace Hotspot.Tests.Storage;

/// <summary>How writes are gathered: what waits goes together, and what a batch does not write is answered only after it.</summary>
public class WriteBatchesTests
{
    [Test]
    public async Task Items_queued_while_a_batch_is_written_go_together_in_the_next_one_up_to_the_limit()
    {
        var release = new TaskCompletionSource();
        var batches = new List<int[]>();
        await using var writer = new WriteBatches<int, string?>(maxBatch: 3, writers: 1, async batch =>
        {
            lock (batches)
                batches.Add(batch.Select(w => w.Item).ToArray());
            await release.Task;
            foreach (var waiting in batch)
                waiting.Answer("wrote " + waiting.Item);
        }, (_, _) => { }, unwritten: null);

        var first = writer.WriteAsync(0, CancellationToken.None);
        await WaitUntilAsync(() => batches.Count == 1);
        var queued = Enumerable.Range(1, 5).Select(i => writer.WriteAsync(i, CancellationToken.None)).ToList();
        release.SetResult();
        var answers = await Task.WhenAll(queued.Prepend(first));

        Assert.That(answers, Is.EqualTo(Enumerable.Range(0, 6).Select(i => "wrote " + i)));
        Assert.That(batches.Select(b => b.Length), Is.EqualTo(new[] { 1, 3, 2 }), "the first alone, then what waited, three at most");
    }

    [Test]
    public async Task An_item_the_batch_did_not_write_is_answered_unwritten_only_once_the_batch_is_over()
    {
        var finishing = new TaskCompletionSource();
        var batchOver = false;
        await using var writer = new WriteBatches<int, string?>(maxBatch: 10, writers: 1, async batch =>
        {
            foreach (var waiting in batch.Where(w => w.Item % 2 == 1))
                waiting.Answer("written");
            await finishing.Task;
            batchOver = true;
        }, (_, _) => { }, unwritten: null);

        var written = writer.WriteAsync(1, CancellationToken.None);
        var passedOver = writer.WriteAsync(2, CancellationToken.None);
        Assert.That(await written, Is.EqualTo("written"), "answered once written, before its batch is over");
        await Task.Delay(50);
        Assert.That(passedOver.IsCompleted, Is.False, "answered beside a batch that may still commit");
        finishing.SetResult();
        Assert.That(await passedOver, Is.Null);
        Assert.That(batchOver, Is.True);
    }

    [Test]
    public async Task A_batch_that_throws_is_reported_and_every_item_in_it_goes_on_its_own()
    {
        var failures = new List<(string Message, int Count)>();
        var gate = new TaskCompletionSource();
        await using var writer = new WriteBatches<int, string?>(maxBatch: 10, writers: 1, async batch =>
        {
            await gate.Task;
            throw new InvalidOperationException("refused");
        }, (e, count) => failures.Add((e.Message, count)), unwritten: null);

        var items = Enumerable.Range(0, 4).Select(i => writer.WriteAsync(i, CancellationToken.None)).ToList();
        gate.SetResult();
        var answers = await Task.WhenAll(items);

        Assert.That(answers, Is.All.Null);
        Assert.That(failures.Sum(f => f.Count), Is.EqualTo(4));
        Assert.That(failures.Select(f => f.Message), Is.All.EqualTo("refused"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
            await Task.Delay(10);
        Assert.That(condition(), Is.True);
    }
}
