using System.Runtime.CompilerServices;

// Tests check what a run holds on to between its parts (what it hands the notifier), not only what it stores.
[assembly: InternalsVisibleTo("CsBot.Application.Tests")]
