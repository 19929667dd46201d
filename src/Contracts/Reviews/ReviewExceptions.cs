using K8Shop.Contracts.Rules;

namespace K8Shop.Contracts.Reviews;

/// <summary>A review broke a rule (rating out of range, text too short or with control characters); nothing changed.</summary>
[GenerateSerializer, Alias("k8shop.reviews.ReviewRuleException")]
public sealed class ReviewRuleException : FieldRuleException
{
    public ReviewRuleException() : this("request", "is invalid") { }

    public ReviewRuleException(string field, string reason) : base(field, reason) { }

    public ReviewRuleException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The shopper has no confirmed or delivered order with this book (403).</summary>
[GenerateSerializer, Alias("k8shop.reviews.NotVerifiedBuyerException")]
public sealed class NotVerifiedBuyerException : Exception
{
    public const string Reason = "only shoppers who bought this book can review it";

    public NotVerifiedBuyerException() : base(Reason) { }

    public NotVerifiedBuyerException(string message) : base(message) { }

    public NotVerifiedBuyerException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>No such review (or the shopper has none on this book) (404).</summary>
[GenerateSerializer, Alias("k8shop.reviews.ReviewNotFoundException")]
public sealed class ReviewNotFoundException : Exception
{
    public ReviewNotFoundException() : base("no such review") { }

    public ReviewNotFoundException(string message) : base(message) { }

    public ReviewNotFoundException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The request contradicts the review (a vote on one's own review) (409).</summary>
[GenerateSerializer, Alias("k8shop.reviews.ReviewConflictException")]
public sealed class ReviewConflictException : Exception
{
    public ReviewConflictException() : base("the review cannot take this change") { }

    public ReviewConflictException(string message) : base(message) { }

    public ReviewConflictException(string message, Exception inner) : base(message, inner) { }
}
