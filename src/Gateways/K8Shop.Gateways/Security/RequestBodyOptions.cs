namespace K8Shop.Gateways.Security;

/// <summary>
/// The largest request body a route accepts (section <c>RequestBodies</c>): every route gets
/// <see cref="MaxBytes"/> unless it carries its own <see cref="Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata"/>
/// (<see cref="BodySizeLimitExtensions.WithBodyLimit{TBuilder}"/>). The JSON APIs take a few hundred bytes, so the default is
/// 64 KiB, not Kestrel's 30 MB. gRPC messages get the same cap as their maximum receive size.
/// </summary>
public sealed class RequestBodyOptions
{
    public const string SectionName = "RequestBodies";

    public const long MaxAllowedBytes = 30L * 1024 * 1024;

    public long MaxBytes { get; set; } = 64 * 1024;

    public IEnumerable<string> Validate()
    {
        if (MaxBytes is < 1024 or > MaxAllowedBytes)
            yield return $"{SectionName}:MaxBytes must be from 1024 to {MaxAllowedBytes} bytes, not {MaxBytes}.";
    }
}
