using System.Runtime.CompilerServices;

// Tests hold the compiled trees to ML.NET's own probabilities.
[assembly: InternalsVisibleTo("CsBot.Host.Tests")]
