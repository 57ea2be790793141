using System.Buffers.Binary;
using System.Text;
using CsBot.Core.Signals;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>
/// An account's tickets, surveys, invoices, revenue events and renewal outcomes packed into one byte array, as
/// <see cref="SignalsDocument.Packed"/> holds them. Reading a portfolio is dominated by turning documents into objects:
/// as nested BSON documents every item costs a field-name lookup and a mapper call per field, packed it is one binary
/// field read and one tight loop per account.
/// </summary>
/// <remarks>
/// Layout (format 1), little-endian, each kind as a count (int32) followed by its items, in the order tickets,
/// surveys, invoices, revenue events, renewal outcomes. Strings are an int32 byte length and UTF-8 bytes, with -1 for
/// null; an item's account id is null when it is the document's. Enums are stored by name, as elsewhere in the file,
/// so reordering enum members cannot change what a stored value means. Instants are UTC ticks and offset minutes,
/// days are day numbers, decimals their four 32-bit parts.
/// </remarks>
internal static class PackedSignals
{
    public static byte[] Pack(AccountSignals signals)
    {
        var accountId = signals.Account.Id;
        string? Other(string itemAccountId) => itemAccountId == accountId ? null : itemAccountId;
        var writer = new Writer();

        writer.Int(signals.Tickets.Count);
        foreach (var t in signals.Tickets)
        {
            writer.String(t.Id); writer.String(Other(t.AccountId)); writer.Enum(t.Severity);
            writer.Instant(t.Opened); writer.Bool(t.Closed.HasValue);
            if (t.Closed is { } closed) writer.Instant(closed);
        }
        writer.Int(signals.Surveys.Count);
        foreach (var s in signals.Surveys)
        {
            writer.String(s.Id); writer.String(Other(s.AccountId)); writer.Enum(s.Kind);
            writer.Int(s.Score); writer.Int(s.Date.DayNumber); writer.String(s.Respondent);
        }
        writer.Int(signals.Invoices.Count);
        foreach (var i in signals.Invoices)
        {
            writer.String(i.Id); writer.String(Other(i.AccountId)); writer.Decimal(i.Amount);
            writer.Int(i.IssuedOn.DayNumber); writer.Int(i.DueDate.DayNumber); writer.Bool(i.PaidOn.HasValue);
            if (i.PaidOn is { } paid) writer.Int(paid.DayNumber);
        }
        writer.Int(signals.RevenueEvents.Count);
        foreach (var e in signals.RevenueEvents)
        {
            writer.String(e.Id); writer.String(Other(e.AccountId)); writer.Enum(e.Kind);
            writer.Decimal(e.MrrDelta); writer.Int(e.Date.DayNumber);
        }
        writer.Int(signals.RenewalOutcomes.Count);
        foreach (var r in signals.RenewalOutcomes)
        {
            writer.String(r.Id); writer.String(Other(r.AccountId)); writer.Int(r.RenewalDate.DayNumber);
            writer.Enum(r.Result); writer.Decimal(r.MrrBefore); writer.Decimal(r.MrrAfter);
        }
        return writer.ToArray();
    }

    /// <summary>Fills <paramref name="signals"/>'s lists from packed bytes; items without an account id get <paramref name="accountId"/>.</summary>
    public static AccountSignals Unpack(ReadOnlySpan<byte> bytes, string accountId, AccountSignals signals)
    {
        var reader = new Reader(bytes, accountId);

        var tickets = new SupportTicket[reader.Count()];
        for (var i = 0; i < tickets.Length; i++)
        {
            var id = reader.String()!; var owner = reader.Owner(); var severity = reader.Enum<TicketSeverity>();
            var opened = reader.Instant(); DateTimeOffset? closed = reader.Bool() ? reader.Instant() : null;
            tickets[i] = new SupportTicket(id, owner, severity, opened, closed);
        }
        var surveys = new SurveyResponse[reader.Count()];
        for (var i = 0; i < surveys.Length; i++)
        {
            var id = reader.String()!; var owner = reader.Owner(); var kind = reader.Enum<SurveyKind>();
            var score = reader.Int(); var day = reader.Day(); var respondent = reader.String();
            surveys[i] = new SurveyResponse(id, owner, kind, score, day, respondent);
        }
        var invoices = new Invoice[reader.Count()];
        for (var i = 0; i < invoices.Length; i++)
        {
            var id = reader.String()!; var owner = reader.Owner(); var amount = reader.Decimal();
            var issued = reader.Day(); var due = reader.Day(); DateOnly? paid = reader.Bool() ? reader.Day() : null;
            invoices[i] = new Invoice(id, owner, amount, issued, due, paid);
        }
        var events = new RevenueEvent[reader.Count()];
        for (var i = 0; i < events.Length; i++)
        {
            var id = reader.String()!; var owner = reader.Owner(); var kind = reader.Enum<RevenueEventKind>();
            var delta = reader.Decimal(); var day = reader.Day();
            events[i] = new RevenueEvent(id, owner, kind, delta, day);
        }
        var outcomes = new RenewalOutcome[reader.Count()];
        for (var i = 0; i < outcomes.Length; i++)
        {
            var id = reader.String()!; var owner = reader.Owner(); var day = reader.Day();
            var result = reader.Enum<RenewalResult>(); var before = reader.Decimal(); var after = reader.Decimal();
            outcomes[i] = new RenewalOutcome(id, owner, day, result, before, after);
        }
        reader.End();
        return signals with { Tickets = tickets, Surveys = surveys, Invoices = invoices, RevenueEvents = events, RenewalOutcomes = outcomes };
    }

    internal sealed class Writer
    {
        private byte[] _buffer = new byte[256];
        private int _length;

        public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

        private Span<byte> Take(int count)
        {
            if (_length + count > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
            var span = _buffer.AsSpan(_length, count);
            _length += count;
            return span;
        }

        public void Int(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(sizeof(int)), value);
        public void Bool(bool value) => Take(1)[0] = value ? (byte)1 : (byte)0;

        public void String(string? value)
        {
            if (value is null) { Int(-1); return; }
            var count = Encoding.UTF8.GetByteCount(value);
            Int(count);
            Encoding.UTF8.GetBytes(value, Take(count));
        }

        public void Enum<T>(T value) where T : struct, Enum => String(EnumNames<T>.Name(value));

        public void Instant(DateTimeOffset value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(Take(sizeof(long)), value.UtcTicks);
            Int((int)value.Offset.TotalMinutes);
        }

        public void Decimal(decimal value)
        {
            Span<int> parts = stackalloc int[4];
            decimal.GetBits(value, parts);
            foreach (var part in parts) Int(part);
        }
    }

    internal ref struct Reader(ReadOnlySpan<byte> bytes, string accountId)
    {
        private ReadOnlySpan<byte> _rest = bytes;

        public int Int()
        {
            Need(sizeof(int));
            var value = BinaryPrimitives.ReadInt32LittleEndian(_rest);
            _rest = _rest[sizeof(int)..];
            return value;
        }

        public int Count() => Int() is var count and >= 0 ? count : throw Damaged();

        public bool Bool()
        {
            Need(1);
            var value = _rest[0] != 0;
            _rest = _rest[1..];
            return value;
        }

        public DateOnly Day() => DateOnly.FromDayNumber(Int());

        public string? String()
        {
            var length = Int();
            if (length < 0) return null;
            Need(length);
            var value = Encoding.UTF8.GetString(_rest[..length]);
            _rest = _rest[length..];
            return value;
        }

        public string Owner() => String() ?? accountId;

        public T Enum<T>() where T : struct, Enum
        {
            var length = Int();
            Need(Math.Max(length, 0));
            var value = EnumNames<T>.Parse(_rest[..length]) ?? throw new InvalidDataException($"Packed signals of account '{accountId}' hold an unknown {typeof(T).Name} '{Encoding.UTF8.GetString(_rest[..length])}'.");
            _rest = _rest[length..];
            return value;
        }

        public DateTimeOffset Instant()
        {
            Need(sizeof(long));
            var ticks = BinaryPrimitives.ReadInt64LittleEndian(_rest);
            _rest = _rest[sizeof(long)..];
            var offset = TimeSpan.FromMinutes(Int());
            return new DateTimeOffset(ticks + offset.Ticks, offset);
        }

        public decimal Decimal()
        {
            Span<int> parts = [Int(), Int(), Int(), Int()];
            return new decimal(parts);
        }

        public readonly void End()
        {
            if (!_rest.IsEmpty) throw Damaged();
        }

        private readonly void Need(int count)
        {
            if (count < 0 || _rest.Length < count) throw Damaged();
        }

        private readonly InvalidDataException Damaged() => new($"Packed signals of account '{accountId}' are damaged.");
    }

    /// <summary>Each enum member's name as UTF-8, so reading one compares bytes instead of allocating a string to parse.</summary>
    private static class EnumNames<T> where T : struct, Enum
    {
        private static readonly (byte[] Utf8, T Value)[] Members = [.. System.Enum.GetValues<T>().Select(v => (Encoding.UTF8.GetBytes(v.ToString()), v))];
        private static readonly Dictionary<T, string> Names = System.Enum.GetValues<T>().ToDictionary(v => v, v => v.ToString());

        // A value outside the members is stored as its number, as the BSON mapper stores it, and read back the same way.
        public static string Name(T value) => Names.TryGetValue(value, out var name) ? name : value.ToString();

        public static T? Parse(ReadOnlySpan<byte> utf8)
        {
            foreach (var (bytes, value) in Members)
                if (utf8.SequenceEqual(bytes)) return value;
            return System.Enum.TryParse<T>(Encoding.UTF8.GetString(utf8), out var parsed) ? parsed : null;
        }
    }
}
