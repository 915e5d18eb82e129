using System.Buffers;
using Newtonsoft.Json;

namespace Checkout.Generated.Internal;

/// <summary>Newtonsoft's reader and writer buffers rented from the shared pool instead of allocated per body.</summary>
internal sealed class JsonCharPool : IArrayPool<char>
{
    public static readonly JsonCharPool Instance = new();

    private JsonCharPool()
    {
    }

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null) ArrayPool<char>.Shared.Return(array);
    }
}
