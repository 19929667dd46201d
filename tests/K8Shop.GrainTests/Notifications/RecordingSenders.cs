using System.Collections.Concurrent;
using K8Shop.Grains.Notifications;

namespace K8Shop.GrainTests.Notifications;

/// <summary>E-mail and SMS senders that keep what they were given, and fail the sends a test plans for a user.</summary>
public sealed class RecordingSenders : IEmailSender, ISmsSender
{
    private readonly ConcurrentQueue<OutgoingEmail> _emails = new();
    private readonly ConcurrentQueue<OutgoingSms> _sms = new();
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    public IReadOnlyList<OutgoingEmail> EmailsTo(string userId) => [.. _emails.Where(e => e.UserId == userId)];

    public IReadOnlyList<OutgoingSms> SmsTo(string userId) => [.. _sms.Where(s => s.UserId == userId)];

    /// <summary>The next <paramref name="count"/> e-mails to the user fail as an unreachable SMTP server would.</summary>
    public void FailNext(string userId, int count) => _failures[userId] = count;

    public Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        if (_failures.TryGetValue(email.UserId, out var left) && left > 0 && _failures.TryUpdate(email.UserId, left - 1, left))
            throw new IOException("planned SMTP failure");
        _emails.Enqueue(email);
        return Task.CompletedTask;
    }

    public Task SendAsync(OutgoingSms sms, CancellationToken cancellationToken = default)
    {
        _sms.Enqueue(sms);
        return Task.CompletedTask;
    }
}
