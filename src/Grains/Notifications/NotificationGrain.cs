using System.Collections.Immutable;
using K8Shop.Contracts.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace K8Shop.Grains.Notifications;

/// <summary>
/// One shopper's notifications. Acts once per message id: the e-mail carries a Message-ID derived from the message id,
/// and the entry is stored as sent after the SMTP server accepted it, one write. A crash before that write sends again
/// on redelivery, with the same Message-ID, so mail clients and servers that dedupe by Message-ID show it once; nothing
/// is ever marked sent that was not. A send that fails is stored as an attempt (status sending, the attempts counted)
/// before the failure goes back to the queue. Storing the intent before every send as well would change nothing of
/// that (a crash after the send resends either way) and cost every notification a second write.
/// </summary>
[CollectionAgeLimit(Minutes = GrainLifetimes.ShortLivedIdleMinutes)]
public sealed partial class NotificationGrain(
    [PersistentState("notifications", NotificationStorage.Name)] IPersistentState<NotificationState> state,
    IEmailSender email,
    ISmsSender sms,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<NotificationGrain> logger) : Grain, INotificationGrain
{
    private readonly NotificationOptions _options = options.Value;

    private string UserId => this.GetPrimaryKeyString();

    public async Task<NotificationEntry> NotifyAsync(NotificationRequest request)
    {
        var existing = NotificationHistory.Find(state.State.Entries, request.MessageId);
        if (!NotificationHistory.NeedsSending(existing))
        {
            LogDuplicate(UserId, request.MessageId);
            return existing!;
        }

        var template = NotificationTemplateNames.Of(request.Template);
        var rendered = NotificationRenderer.Render(UserId, request, _options.ShopUrl);
        var emailTo = state.State.Contact?.Email ?? DefaultEmail();
        var phone = state.State.Contact?.Phone;
        var channels = ImmutableArray.CreateBuilder<string>();
        if (emailTo is not null)
            channels.Add("email");
        if (phone is not null)
            channels.Add("sms");

        var now = clock.GetUtcNow();
        var entry = new NotificationEntry(request.MessageId, request.Template, NotificationStatus.Sending, rendered.Subject,
            channels.ToImmutable(), request.OrderId, request.Sku, existing?.CreatedAt ?? now, null, (existing?.Attempts ?? 0) + 1);
        if (channels.Count == 0)
        {
            entry = entry with { Status = NotificationStatus.NoContact };
            await SaveAsync(entry);
            LogNoContact(UserId, template, request.MessageId);
            return entry;
        }

        try
        {
            if (emailTo is not null)
            {
                await email.SendAsync(new OutgoingEmail(UserId, emailTo, rendered.Subject, rendered.Text, rendered.Html,
                    NotificationHistory.EmailMessageId(UserId, request.MessageId), template));
            }
            if (phone is not null)
                await sms.SendAsync(new OutgoingSms(UserId, phone, rendered.Sms, request.MessageId, template));
        }
        catch (Exception sendFailure)
        {
            await RecordAttemptAsync(entry, sendFailure);
            throw;
        }

        entry = entry with { Status = NotificationStatus.Sent, SentAt = clock.GetUtcNow() };
        await SaveAsync(entry);
        LogSent(UserId, template, request.MessageId, entry.Attempts);
        // Nothing waits in memory once a message is sent; the history is read when the shopper looks (see GrainLifetimes).
        DeactivateOnIdle();
        return entry;
    }

    public Task<NotificationPage> ListAsync(int skip, int take) =>
        Task.FromResult(new NotificationPage(NotificationHistory.Page(state.State.Entries, skip, take), state.State.Entries.Length));

    public async Task<NotificationContact> SetContactAsync(NotificationContact contact)
    {
        var errors = ContactRules.Check(contact.Email, contact.Phone);
        if (errors.Count > 0)
        {
            var (field, reasons) = errors.First();
            throw new ContactRuleException(field, reasons[0]);
        }
        state.State.Contact = contact;
        await state.WriteStateAsync();
        LogContactChanged(UserId, contact.Email is not null, contact.Phone is not null);
        return contact;
    }

    public Task<NotificationContact?> GetContactAsync() => Task.FromResult(state.State.Contact);

    private string? DefaultEmail() =>
        string.IsNullOrWhiteSpace(_options.DefaultEmailDomain) || !ContactRules.IsEmail($"{UserId}@{_options.DefaultEmailDomain}")
            ? null
            : $"{UserId}@{_options.DefaultEmailDomain}";

    /// <summary>A failed send, counted; the failure itself goes on to the caller whether or not this could be stored.</summary>
    private async Task RecordAttemptAsync(NotificationEntry attempt, Exception sendFailure)
    {
        try
        {
            await SaveAsync(attempt);
        }
        catch (Exception storeFailure)
        {
            LogAttemptNotStored(storeFailure, UserId, attempt.MessageId, sendFailure.GetType().Name);
        }
    }

    private Task SaveAsync(NotificationEntry entry)
    {
        state.State.Entries = NotificationHistory.Upsert(state.State.Entries, entry, _options.MaxEntries);
        return state.WriteStateAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification for user {UserId}: the failed attempt at message {MessageId} ({Failure}) could not be stored; the redelivery sends again")]
    private partial void LogAttemptNotStored(Exception exception, string userId, string messageId, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {Template} for user {UserId} sent (message {MessageId}, attempt {Attempt})")]
    private partial void LogSent(string userId, string template, string messageId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} for user {UserId} was already handled; nothing sent again")]
    private partial void LogDuplicate(string userId, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Template} for user {UserId} (message {MessageId}) not sent: no e-mail address or phone number")]
    private partial void LogNoContact(string userId, string template, string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact of user {UserId} changed (e-mail: {HasEmail}, phone: {HasPhone})")]
    private partial void LogContactChanged(string userId, bool hasEmail, bool hasPhone);
}
