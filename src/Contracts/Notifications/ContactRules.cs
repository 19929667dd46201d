using K8Shop.Contracts.Rules;

namespace K8Shop.Contracts.Notifications;

/// <summary>What a contact and a user id must look like; checked at the edge and again by the grain.</summary>
public static class ContactRules
{
    public const int MaxEmailLength = 254;
    public const int MaxUserIdLength = ShopLimits.Ids.MaxLength;

    /// <summary>The problems with a contact, by wire field; empty when it is acceptable. Both fields may be null (no contact).</summary>
    public static Dictionary<string, string[]> Check(string? email, string? phone)
    {
        var errors = new Dictionary<string, string[]>();
        if (email is not null && !IsEmail(email))
            errors["email"] = [$"must be an e-mail address (name@domain, at most {MaxEmailLength} characters)"];
        if (phone is not null && !IsPhone(phone))
            errors["phone"] = ["must be an international number: '+' then 8 to 15 digits"];
        return errors;
    }

    public static bool IsEmail(string email)
    {
        if (email.Length is 0 or > MaxEmailLength || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"'))
            return false;
        var at = email.LastIndexOf('@');
        return at > 0 && at < email.Length - 1 && email.IndexOf('@', StringComparison.Ordinal) == at && email[(at + 1)..].Contains('.', StringComparison.Ordinal)
            && !email.EndsWith('.');
    }

    public static bool IsPhone(string phone) =>
        phone.Length is >= 9 and <= 16 && phone[0] == '+' && phone.Skip(1).All(char.IsAsciiDigit);

    public static bool IsUserId(string? userId) =>
        !string.IsNullOrWhiteSpace(userId) && userId.Length <= MaxUserIdLength && !userId.Any(char.IsControl);
}

/// <summary>A contact that breaks <see cref="ContactRules"/>; nothing was changed.</summary>
[GenerateSerializer, Alias("k8shop.notifications.ContactRuleException")]
public sealed class ContactRuleException : FieldRuleException
{
    public ContactRuleException() : this("request", "is invalid") { }

    public ContactRuleException(string field, string reason) : base(field, reason) { }

    public ContactRuleException(string message, Exception inner) : base(message, inner) { }
}
