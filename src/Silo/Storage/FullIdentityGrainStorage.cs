using Orleans.Storage;

namespace K8Shop.Silo.Storage;

/// <summary>
/// Puts a grain's whole identity into the key of a storage that would otherwise drop part of it. Orleans' ADO.NET
/// storage keys a row by state name and key only, not grain type (dotnet/orleans#8746, #9737): an order and a
/// payment share the order id and would share a row. It also reads a string key that looks like a hex number or a
/// GUID as that number ("0abc", "ABC" and "abc" are one row; #9706). So the inner storage sees the state name
/// prefixed with the grain type, and a key it can only read as a string.
/// </summary>
public sealed class FullIdentityGrainStorage(IGrainStorage inner) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(StateNameOf(stateName, grainId), StringKeyed(grainId), grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(StateNameOf(stateName, grainId), StringKeyed(grainId), grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(StateNameOf(stateName, grainId), StringKeyed(grainId), grainState);

    private static string StateNameOf(string stateName, GrainId grainId) => $"{grainId.Type}/{stateName}";

    // 'k' is neither a hex digit nor part of a GUID, so the key never parses as an integer or GUID key.
    private static GrainId StringKeyed(GrainId grainId) => GrainId.Create(grainId.Type, IdSpan.Create($"k:{grainId.Key}"));
}
