namespace CsBot.Storage.LiteDb.Tests;

/// <summary>A real LiteDB file in a folder of its own under the temp directory, deleted with everything in it on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly List<LiteDbContext> _opened = [];

    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "csbot-storage-tests", Guid.NewGuid().ToString("N"));
        // A directory that does not exist yet: the context must create it.
        DatabasePath = Path.Combine(Folder, "nested", "csbot.db");
    }

    public string Folder { get; }
    public string DatabasePath { get; }

    /// <summary>Opens a context on the file; closed on dispose if the test did not close it.</summary>
    public LiteDbContext Open()
    {
        var context = new LiteDbContext(new LiteDbOptions { DatabasePath = DatabasePath });
        _opened.Add(context);
        return context;
    }

    public void Dispose()
    {
        foreach (var context in _opened) context.Dispose();
        try
        {
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
