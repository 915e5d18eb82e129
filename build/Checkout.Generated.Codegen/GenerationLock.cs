namespace Checkout.Generated.Codegen;

/// <summary>An exclusive lock file, so parallel inner builds of a multi-targeted project generate once.</summary>
internal sealed class GenerationLock : IDisposable
{
    private readonly FileStream _stream;

    private GenerationLock(FileStream stream) => _stream = stream;

    public static async Task<GenerationLock> AcquireAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new GenerationLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (attempt < 1200)
            {
                await Task.Delay(250);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
