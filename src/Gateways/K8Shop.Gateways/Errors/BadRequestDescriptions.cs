using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace K8Shop.Gateways.Errors;

/// <summary>
/// A bad request's reason in the client's terms: where the body went wrong and why, without the .NET type or
/// parameter declarations that the framework's messages carry (<c>System.Nullable`1[System.Decimal]</c>,
/// <c>"AddItemRequest request"</c>), which tell a caller about our code and nothing about its request.
/// </summary>
public static partial class BadRequestDescriptions
{
    public static string Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException json => $"the request body is not valid JSON for this route: {Reason(json)}{Where(json)}",
        _ => WithoutTypes(ParameterDeclaration().Replace(bad.Message, "parameter \"$1\"")),
    };

    private static string Reason(JsonException json)
    {
        // The framework appends its own " Path: ... | LineNumber: ..." to the message; Where says it once, in words.
        var message = json.Message.Split(" Path: ", 2)[0].Trim();
        return TypeName().IsMatch(message) ? "a value has the wrong type for its field" : message.TrimEnd('.');
    }

    private static string Where(JsonException json) =>
        json.Path is { Length: > 0 } path ? $" (at {path}, line {json.LineNumber + 1}, byte {json.BytePositionInLine})" : "";

    private static string WithoutTypes(string message) => TypeName().Replace(message, "a value");

    // "Failed to read parameter \"AddItemRequest request\"": keep the parameter's name, drop its type.
    [GeneratedRegex(@"parameter ""[^""]*?\s(\w+)""", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterDeclaration();

    // A dotted .NET type name, generic or not: System.Nullable`1[System.Decimal], K8Shop.Gateways.Cart.AddItemRequest.
    [GeneratedRegex(@"\b[A-Z]\w*(\.[A-Za-z_]\w*)+(`\d+(\[[^\]]*\])?)?", RegexOptions.CultureInvariant)]
    private static partial Regex TypeName();
}
