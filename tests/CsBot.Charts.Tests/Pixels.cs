using SkiaSharp;

namespace CsBot.Charts.Tests;

/// <summary>A decoded PNG, to check what a chart shows by its pixels.</summary>
internal sealed class Pixels
{
    private readonly SKBitmap _bitmap;

    public Pixels(byte[] png) => _bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("Not a decodable image.");

    public int Width => _bitmap.Width;
    public int Height => _bitmap.Height;

    /// <summary>Share of the image's pixels of exactly the colour <paramref name="hex"/> ("#D6EFD8").</summary>
    public double Share(string hex)
    {
        var colour = SKColor.Parse(hex);
        var count = 0;
        foreach (var pixel in _bitmap.Pixels)
            if (pixel.Red == colour.Red && pixel.Green == colour.Green && pixel.Blue == colour.Blue) count++;
        return count / (double)(Width * Height);
    }

    /// <summary>The rows (top to bottom) where the column in the middle of the image has the colour <paramref name="hex"/>.</summary>
    public IReadOnlyList<int> RowsOf(string hex)
    {
        var colour = SKColor.Parse(hex);
        var x = Width / 2;
        return [.. Enumerable.Range(0, Height).Where(y => _bitmap.GetPixel(x, y) is var p && p.Red == colour.Red && p.Green == colour.Green && p.Blue == colour.Blue)];
    }
}
