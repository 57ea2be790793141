using System.Runtime.CompilerServices;

// Tests check the stored layout (documents per account, packed series) as well as the ports.
[assembly: InternalsVisibleTo("CsBot.Storage.LiteDb.Tests")]
