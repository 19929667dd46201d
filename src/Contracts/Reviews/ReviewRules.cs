using K8Shop.Contracts.Rules;

namespace K8Shop.Contracts.Reviews;

/// <summary>What a review may hold, checked by the gateway and again by the grain (limits in <see cref="ShopLimits.Reviews"/>).</summary>
public static class ReviewRules
{
    public static readonly string RatingRule = $"must be a whole number from {ShopLimits.Reviews.MinRating} to {ShopLimits.Reviews.MaxRating}";

    public static readonly string TextLengthRule =
        $"must be {ShopLimits.Reviews.MinTextLength} to {ShopLimits.Reviews.MaxTextLength} characters after trimming";

    public const string TextControlRule = "must be plain text: no control characters other than line breaks and tabs";

    /// <summary>Why the rating is refused, or null.</summary>
    public static string? CheckRating(int rating) =>
        rating is < ShopLimits.Reviews.MinRating or > ShopLimits.Reviews.MaxRating ? RatingRule : null;

    /// <summary>The text trimmed, or why it is refused.</summary>
    public static (string Text, string? Broken) CheckText(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length is < ShopLimits.Reviews.MinTextLength or > ShopLimits.Reviews.MaxTextLength)
            return (trimmed, TextLengthRule);
        foreach (var c in trimmed)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
                return (trimmed, TextControlRule);
        }
        return (trimmed, null);
    }

    /// <summary>
    /// The name shown with a review: the shopper's display name, trimmed, control characters dropped, cut to the limit;
    /// anything that looks like an e-mail address (or nothing) becomes "A shopper".
    /// </summary>
    public static string Reviewer(string? displayName)
    {
        var name = new string([.. (displayName ?? "").Where(c => !char.IsControl(c))]).Trim();
        if (name.Length == 0 || name.Contains('@', StringComparison.Ordinal))
            return AnonymousReviewer;
        return name.Length > ShopLimits.Reviews.MaxReviewerLength ? name[..ShopLimits.Reviews.MaxReviewerLength].TrimEnd() : name;
    }

    public const string AnonymousReviewer = "A shopper";

    /// <summary>Checks a draft as the grain does; throws <see cref="ReviewRuleException"/>; answers it with its text trimmed.</summary>
    public static ReviewDraft Validate(ReviewDraft draft)
    {
        if (CheckRating(draft.Rating) is { } rating)
            throw new ReviewRuleException("rating", rating);
        var (text, broken) = CheckText(draft.Text);
        if (broken is not null)
            throw new ReviewRuleException("text", broken);
        return draft with { Text = text, Reviewer = Reviewer(draft.Reviewer) };
    }
}
