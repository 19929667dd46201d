using System.Security.Cryptography;
using System.Text;

namespace K8Shop.Contracts.Ids;

/// <summary>Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name): the same name always gives the same id.</summary>
public static class NameBasedGuid
{
    public static Guid Create(Guid @namespace, string name)
    {
        var input = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        @namespace.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input.AsSpan(16));
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
